//! The public comparison as a visitor uses it, in Chromium against the real local stack
//! (wrangler dev, local D1 with the demo data).

use seteli_e2e::public::{offer_names, offers};
use seteli_e2e::*;

/// Names of producers whose approval is pending or withdrawn in the demo data.
const HIDDEN: &[&str] = &[
    "Uusi Hoivapalvelu Oy",
    "Entinen Kotiapu Oy",
    "Odottava Terapia Ky",
];

#[tokio::test]
async fn choosing_municipality_and_service_lists_approved_producers_cheapest_first() {
    let client = desktop_at("/").await;

    public::choose(&client, "091", "home-care").await;

    let list = offers(&client).await;
    assert_eq!(list.len(), 20, "the first page holds 20 offers");
    let prices: Vec<i64> = list.iter().map(|o| o.1).collect();
    assert!(prices.is_sorted(), "cheapest first by default: {prices:?}");
    let count = text_of(&client, "result-count").await;
    assert!(
        count.chars().any(|c| c.is_ascii_digit()),
        "the count says how many: {count}"
    );
    let page = client.source().await.unwrap();
    for hidden in HIDDEN {
        assert!(!page.contains(hidden), "{hidden} must never be shown");
    }
    assert_query(
        &client,
        &[("municipality", "091"), ("service", "home-care")],
    )
    .await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_voucher_value_shows_each_offers_own_share() {
    let client = public::on_desktop("municipality=091&service=home-care").await;

    send_keys_to(&client, "voucher-input", "35\u{E007}").await;
    wait_for_query(&client, "voucher=3500", "the voucher is in the URL").await;
    public::wait_for_own_shares(&client).await;

    let list = offers(&client).await;
    assert!(!list.is_empty());
    for (id, price, share) in &list {
        assert_eq!(
            *share,
            Some((price - 3500).max(0)),
            "producer {id}: own share = max(0, price − 35 €)"
        );
    }
    assert!(
        list.iter().any(|o| o.2 == Some(0)) && list.iter().any(|o| o.2 > Some(0)),
        "demo data has both kinds"
    );
    wait_testid(&client, "price-chart").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_invalid_voucher_value_is_explained_and_changes_nothing() {
    let client = public::on_desktop("municipality=638&service=home-care").await;

    send_keys_to(&client, "voucher-input", "-5\u{E007}").await;

    let error = text_of(&client, "voucher-error").await;
    assert!(!error.is_empty());
    assert_eq!(
        js(
            &client,
            "document.getElementById('voucher').getAttribute('aria-invalid')"
        )
        .await,
        "true"
    );
    assert_eq!(query_param(&client, "voucher").await, None);
    client.close().await.unwrap();
}

#[tokio::test]
async fn sorting_by_name_and_by_own_share() {
    let client = public::on_desktop("municipality=091&service=home-care&voucher=3500").await;

    public::sort_by(&client, "name").await;
    let names = offer_names(&client).await;
    assert!(
        names.is_sorted_by_key(|n| n.to_ascii_lowercase()),
        "alphabetical: {names:?}"
    );

    public::sort_by(&client, "own_share").await;
    let shares: Vec<i64> = offers(&client).await.iter().map(|o| o.2.unwrap()).collect();
    assert!(shares.is_sorted(), "smallest own share first: {shares:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_next_page_and_the_back_button_follow_the_url() {
    let client = public::on_desktop("municipality=091&service=home-care").await;
    let first_page = offer_names(&client).await;

    press(&client, "pager-next").await;
    wait_for_query(&client, "page=2", "page 2 in the URL").await;
    wait_loaded(&client).await;
    let second_page = offer_names(&client).await;
    assert!(!second_page.is_empty());
    assert!(
        second_page.iter().all(|n| !first_page.contains(n)),
        "page 2 shows other producers"
    );

    client.back().await.unwrap();
    wait_until(
        &client,
        "!location.search.includes('page=2')",
        "back to page 1",
    )
    .await;
    wait_loaded(&client).await;
    assert_eq!(offer_names(&client).await, first_page);
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_producer_page_shows_approved_services_and_leads_back() {
    let client = public::on_desktop("municipality=638&service=home-care&voucher=3000").await;
    // Every offer says how satisfied customers are, or that there are too few answers yet;
    // the demo producer with six answers has a figure.
    assert_eq!(
        all_testid(&client, "satisfaction").await.len(),
        all_testid(&client, "offer").await.len()
    );
    assert_eq!(
        js(
            &client,
            "document.querySelectorAll('[data-testid=satisfaction][data-average-x10]').length > 0"
        )
        .await,
        true
    );
    let first = all_testid(&client, "offer-name").await.remove(0);
    let name = first.text().await.unwrap();

    first.click().await.unwrap();

    let heading = text_of(&client, "producer-name").await;
    assert_eq!(heading, name);
    assert!(!text_of(&client, "producer-description").await.is_empty());
    wait_testid(&client, "producer-services").await;
    let rows = all_testid(&client, "producer-service").await;
    assert!(!rows.is_empty());
    let mut porvoo_home_care = false;
    for row in &rows {
        let service = attr(row, "data-service-code").await.unwrap_or_default();
        let municipality = attr(row, "data-municipality-code")
            .await
            .unwrap_or_default();
        porvoo_home_care |= service == "home-care" && municipality == "638";
        let price = find_in(row, "producer-price").await;
        assert!(cents(&price).await > 0);
    }
    assert!(porvoo_home_care, "the service we came from is listed");

    public::back_to_comparison(&client).await;
    assert_query(&client, &[("voucher", "3000"), ("municipality", "638")]).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_producer_without_approval_is_not_found() {
    let client = desktop().await;

    // Producer 61 is the demo data's pending producer; 9999 does not exist.
    for path in ["/producers/61", "/producers/9999"] {
        client.goto(&url(path)).await.unwrap();
        let text = text_of(&client, "not-found").await;
        assert!(!text.is_empty(), "{path}");
        assert!(!client.source().await.unwrap().contains(HIDDEN[0]));
    }
    client.close().await.unwrap();
}

#[tokio::test]
async fn switching_to_swedish_shows_swedish_interface_and_data() {
    let client = public::on_desktop("municipality=638&service=home-care").await;

    switch_language(&client, "sv").await;

    wait_until(
        &client,
        "[...document.querySelectorAll('#municipality option')].some(o => o.textContent.trim() === 'Borgå')",
        "Porvoo is called Borgå",
    )
    .await;
    wait_until(
        &client,
        "document.body.innerText.includes('Vi betjänar')",
        "producers' own Swedish texts",
    )
    .await;
    assert_query(&client, &[("lang", "sv")]).await;
    // The choice survives a reload.
    client.refresh().await.unwrap();
    wait_for_language(&client, "sv").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_unknown_municipality_in_a_link_explains_itself() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=999&service=home-care"))
        .await
        .unwrap();

    let error = wait_testid(&client, "error").await;
    let text = error.text().await.unwrap();
    assert!(text.contains("Kuntaa ei löytynyt"), "{text}");
    assert_eq!(error.attr("role").await.unwrap().as_deref(), Some("alert"));
    client.close().await.unwrap();
}

#[tokio::test]
async fn on_a_phone_the_comparison_fits_the_screen() {
    let client = phone().await;
    public::open(&client, "municipality=638&service=home-care&voucher=3200").await;
    wait_testid(&client, "price-chart").await;

    assert_eq!(js(&client, "window.innerWidth").await, 360);
    assert!(
        fits_the_width(&client).await,
        "no horizontal scrolling at 360 px"
    );
    let path = full_page_screenshot(&client, "comparison-360").await;
    assert!(
        std::fs::metadata(&path).unwrap().len() > 10_000,
        "a real screenshot at {}",
        path.display()
    );

    public::open_first_producer(&client).await;
    assert!(fits_the_width(&client).await);
    full_page_screenshot(&client, "producer-360").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_comparison_and_producer_pages_pass_an_accessibility_scan() {
    let client = public::on_desktop("municipality=638&service=home-care&voucher=3200").await;
    wait_testid(&client, "price-chart").await;

    let comparison = serious_accessibility_violations(&client).await;

    public::open_first_producer(&client).await;
    let producer = serious_accessibility_violations(&client).await;

    client.goto(&url("/")).await.unwrap();
    wait_testid(&client, "municipality-select").await;
    let start = serious_accessibility_violations(&client).await;

    assert!(comparison.is_empty(), "comparison page: {comparison:#?}");
    assert!(producer.is_empty(), "producer page: {producer:#?}");
    assert!(start.is_empty(), "start page: {start:#?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_keyboard_reaches_every_choice_and_the_results() {
    let client = public::on_desktop("municipality=638&service=home-care").await;

    // Tab through the page and record which controls receive focus.
    let mut focused = Vec::new();
    for _ in 0..40 {
        client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E004}")
            .await
            .unwrap();
        let id = js(
            &client,
            "document.activeElement.getAttribute('data-testid') || document.activeElement.id",
        )
        .await;
        focused.push(id.as_str().unwrap_or_default().to_owned());
    }
    for needed in [
        "municipality-select",
        "service-select",
        "voucher-input",
        "sort-select",
        "offer-name",
    ] {
        assert!(
            focused.iter().any(|f| f == needed),
            "{needed} is reachable by Tab: {focused:?}"
        );
    }
    client.close().await.unwrap();
}

#[tokio::test]
async fn deep_links_load_the_app_and_the_api_answers_json() {
    let client = desktop_at("/producers/1").await;
    wait_testid(&client, "producer-name").await;

    let content_type = client
        .execute_async(
            "const done = arguments[0]; fetch('/api/public/services').then(r => done(r.headers.get('content-type')));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(content_type, "application/json; charset=utf-8");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_shared_link_s_data_is_asked_for_while_the_app_loads_and_only_once() {
    // The voucher value keeps the address apart from the other tests': the edge cache and
    // the browser's own cache answer nothing here that this page did not ask for.
    let client = public::on_desktop("municipality=638&service=home-care&voucher=1234").await;
    let requests = |path: &str| {
        format!("performance.getEntriesByType('resource').filter(e => e.name.includes('{path}'))")
    };
    for path in [
        "/api/public/offers?",
        "/api/public/municipalities?",
        "/api/public/services?",
    ] {
        assert_eq!(
            js(&client, &format!("{}.length", requests(path))).await,
            1,
            "{path} asked for once"
        );
    }
    // Asked for before the app's code had arrived, so by the page, not by the app.
    let started_before_the_wasm_arrived = js(
        &client,
        &format!(
            "{}[0].startTime < performance.getEntriesByType('resource')\
                 .find(e => e.name.endsWith('.wasm')).responseEnd",
            requests("/api/public/offers?")
        ),
    )
    .await;
    assert_eq!(started_before_the_wasm_arrived, true);
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_shared_link_shows_the_page_in_its_language_before_the_app_has_loaded() {
    // Swedish, on a phone whose download of the app has not finished.
    let client = phone().await;
    hold_back_the_app(&client).await;
    client
        .goto(&url("/?municipality=091&service=home-care&lang=sv"))
        .await
        .unwrap();
    wait_until(
        &client,
        "document.documentElement.dataset.shell === 'sv'",
        "the page to pick the Swedish first screen",
    )
    .await;
    let shown = js(
        &client,
        "[...document.querySelectorAll('.shell')].filter(s => s.offsetParent !== null).map(s => s.querySelector('h1').textContent + ' | ' + s.querySelector('.lead').textContent)",
    )
    .await;
    let shown: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with("Jämför serviceproducenter"),
        "{shown:?}"
    );
    assert!(fits_the_width(&client).await);
    assert!(serious_accessibility_violations(&client).await.is_empty());
    client.close().await.unwrap();

    // Once the app has started, it alone is on the page: one heading, one main landmark.
    let client = phone().await;
    client
        .goto(&url("/?municipality=091&service=home-care&lang=sv"))
        .await
        .unwrap();
    wait_testid(&client, "offer").await;
    assert_eq!(
        js(
            &client,
            "[document.querySelectorAll('.shell').length, document.querySelectorAll('h1').length, document.querySelectorAll('main').length]"
        )
        .await,
        serde_json::json!([0, 1, 1])
    );
    assert!(serious_accessibility_violations(&client).await.is_empty());
    client.close().await.unwrap();
}
