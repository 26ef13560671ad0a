//! The public comparison as a visitor uses it, in Chromium against the real local stack
//! (wrangler dev, local D1 with the demo data).

use seteli_e2e::*;

/// Names of producers whose approval is pending or withdrawn in the demo data.
const HIDDEN: &[&str] = &[
    "Uusi Hoivapalvelu Oy",
    "Entinen Kotiapu Oy",
    "Odottava Terapia Ky",
];

/// Waits for the offer list and returns (producer id, price cents, own share cents) per offer.
async fn offers(client: &fantoccini::Client) -> Vec<(String, i64, Option<i64>)> {
    wait_testid(client, "offer-list").await;
    let mut out = Vec::new();
    for offer in all_testid(client, "offer").await {
        let id = offer
            .attr("data-producer-id")
            .await
            .unwrap()
            .unwrap_or_default();
        let price = cents(
            &offer
                .find(fantoccini::Locator::Css(&testid("offer-price")))
                .await
                .unwrap(),
        )
        .await;
        let share = match offer
            .find(fantoccini::Locator::Css(&testid("offer-own-share")))
            .await
        {
            Ok(el) => Some(cents(&el).await),
            Err(_) => None,
        };
        out.push((id, price, share));
    }
    out
}

async fn offer_names(client: &fantoccini::Client) -> Vec<String> {
    let mut names = Vec::new();
    for el in all_testid(client, "offer-name").await {
        names.push(el.text().await.unwrap());
    }
    names
}

#[tokio::test]
async fn choosing_municipality_and_service_lists_approved_producers_cheapest_first() {
    let client = desktop().await;
    client.goto(&url("/")).await.unwrap();
    // The selects are on the page before the catalogue has filled them.
    wait_until(
        &client,
        "!!document.querySelector('[data-testid=municipality-select] option[value=\"091\"]') \
         && !!document.querySelector('[data-testid=service-select] option[value=\"home-care\"]')",
        "the municipalities and services to load",
    )
    .await;

    wait_testid(&client, "municipality-select")
        .await
        .select_by_value("091")
        .await
        .unwrap();
    wait_testid(&client, "service-select")
        .await
        .select_by_value("home-care")
        .await
        .unwrap();
    wait_until(
        &client,
        "document.querySelectorAll('[data-testid=offer]').length > 0",
        "offers are listed",
    )
    .await;

    let list = offers(&client).await;
    assert_eq!(list.len(), 20, "the first page holds 20 offers");
    let prices: Vec<i64> = list.iter().map(|o| o.1).collect();
    let mut sorted = prices.clone();
    sorted.sort();
    assert_eq!(prices, sorted, "cheapest first by default");
    let count = wait_testid(&client, "result-count")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        count.chars().any(|c| c.is_ascii_digit()),
        "the count says how many: {count}"
    );
    let page = client.source().await.unwrap();
    for hidden in HIDDEN {
        assert!(!page.contains(hidden), "{hidden} must never be shown");
    }
    assert_eq!(
        query_param(&client, "municipality").await.as_deref(),
        Some("091")
    );
    assert_eq!(
        query_param(&client, "service").await.as_deref(),
        Some("home-care")
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_voucher_value_shows_each_offers_own_share() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=091&service=home-care"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;

    let input = wait_testid(&client, "voucher-input").await;
    input.send_keys("35\u{E007}").await.unwrap();
    wait_until(
        &client,
        "location.search.includes('voucher=3500')",
        "the voucher is in the URL",
    )
    .await;
    wait_until(
        &client,
        "document.querySelectorAll('[data-testid=offer-own-share]').length > 0",
        "own shares shown",
    )
    .await;

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
    let client = desktop().await;
    client
        .goto(&url("/?municipality=638&service=home-care"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;

    wait_testid(&client, "voucher-input")
        .await
        .send_keys("-5\u{E007}")
        .await
        .unwrap();

    let error = wait_testid(&client, "voucher-error")
        .await
        .text()
        .await
        .unwrap();
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
    let client = desktop().await;
    client
        .goto(&url("/?municipality=091&service=home-care&voucher=3500"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;

    wait_testid(&client, "sort-select")
        .await
        .select_by_value("name")
        .await
        .unwrap();
    wait_until(
        &client,
        "location.search.includes('sort=name')",
        "sort in the URL",
    )
    .await;
    wait_until(
        &client,
        "!document.querySelector('[aria-busy=true]')",
        "the list has loaded",
    )
    .await;
    let names = offer_names(&client).await;
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_ascii_lowercase());
    assert_eq!(names, sorted, "alphabetical");

    wait_testid(&client, "sort-select")
        .await
        .select_by_value("own_share")
        .await
        .unwrap();
    wait_until(
        &client,
        "location.search.includes('sort=own_share')",
        "sort in the URL",
    )
    .await;
    wait_until(
        &client,
        "!document.querySelector('[aria-busy=true]')",
        "the list has loaded",
    )
    .await;
    let shares: Vec<i64> = offers(&client).await.iter().map(|o| o.2.unwrap()).collect();
    let mut sorted = shares.clone();
    sorted.sort();
    assert_eq!(shares, sorted, "smallest own share first");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_next_page_and_the_back_button_follow_the_url() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=091&service=home-care"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;
    let first_page = offer_names(&client).await;

    wait_testid(&client, "pager-next")
        .await
        .click()
        .await
        .unwrap();
    wait_until(
        &client,
        "location.search.includes('page=2')",
        "page 2 in the URL",
    )
    .await;
    wait_until(
        &client,
        "!document.querySelector('[aria-busy=true]')",
        "the list has loaded",
    )
    .await;
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
    wait_until(
        &client,
        "!document.querySelector('[aria-busy=true]')",
        "the list has loaded",
    )
    .await;
    assert_eq!(offer_names(&client).await, first_page);
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_producer_page_shows_approved_services_and_leads_back() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=638&service=home-care&voucher=3000"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;
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

    let heading = wait_testid(&client, "producer-name")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(heading, name);
    assert!(!wait_testid(&client, "producer-description")
        .await
        .text()
        .await
        .unwrap()
        .is_empty());
    wait_testid(&client, "producer-services").await;
    let rows = all_testid(&client, "producer-service").await;
    assert!(!rows.is_empty());
    let mut porvoo_home_care = false;
    for row in &rows {
        let service = row
            .attr("data-service-code")
            .await
            .unwrap()
            .unwrap_or_default();
        let municipality = row
            .attr("data-municipality-code")
            .await
            .unwrap()
            .unwrap_or_default();
        porvoo_home_care |= service == "home-care" && municipality == "638";
        let price = row
            .find(fantoccini::Locator::Css(&testid("producer-price")))
            .await
            .unwrap();
        assert!(cents(&price).await > 0);
    }
    assert!(porvoo_home_care, "the service we came from is listed");

    wait_testid(&client, "back-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;
    assert_eq!(
        query_param(&client, "voucher").await.as_deref(),
        Some("3000")
    );
    assert_eq!(
        query_param(&client, "municipality").await.as_deref(),
        Some("638")
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_producer_without_approval_is_not_found() {
    let client = desktop().await;

    // Producer 61 is the demo data's pending producer; 9999 does not exist.
    for path in ["/producers/61", "/producers/9999"] {
        client.goto(&url(path)).await.unwrap();
        let text = wait_testid(&client, "not-found")
            .await
            .text()
            .await
            .unwrap();
        assert!(!text.is_empty(), "{path}");
        assert!(!client.source().await.unwrap().contains(HIDDEN[0]));
    }
    client.close().await.unwrap();
}

#[tokio::test]
async fn switching_to_swedish_shows_swedish_interface_and_data() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=638&service=home-care"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;

    wait_testid(&client, "lang-sv").await.click().await.unwrap();

    wait_until(
        &client,
        "document.documentElement.lang === 'sv'",
        "the page is in Swedish",
    )
    .await;
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
    assert_eq!(query_param(&client, "lang").await.as_deref(), Some("sv"));
    // The choice survives a reload.
    client.refresh().await.unwrap();
    wait_until(
        &client,
        "document.documentElement.lang === 'sv'",
        "still Swedish after reload",
    )
    .await;
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
    client
        .goto(&url("/?municipality=638&service=home-care&voucher=3200"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;
    wait_testid(&client, "price-chart").await;

    assert_eq!(js(&client, "window.innerWidth").await, 360);
    assert_eq!(
        js(
            &client,
            "document.documentElement.scrollWidth <= window.innerWidth"
        )
        .await,
        true,
        "no horizontal scrolling at 360 px"
    );
    let path = full_page_screenshot(&client, "comparison-360").await;
    assert!(
        std::fs::metadata(&path).unwrap().len() > 10_000,
        "a real screenshot at {}",
        path.display()
    );

    all_testid(&client, "offer-name")
        .await
        .remove(0)
        .click()
        .await
        .unwrap();
    wait_testid(&client, "producer-services").await;
    assert_eq!(
        js(
            &client,
            "document.documentElement.scrollWidth <= window.innerWidth"
        )
        .await,
        true
    );
    full_page_screenshot(&client, "producer-360").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_comparison_and_producer_pages_pass_an_accessibility_scan() {
    let client = desktop().await;
    client
        .goto(&url("/?municipality=638&service=home-care&voucher=3200"))
        .await
        .unwrap();
    wait_testid(&client, "price-chart").await;

    let comparison = serious_accessibility_violations(&client).await;

    all_testid(&client, "offer-name")
        .await
        .remove(0)
        .click()
        .await
        .unwrap();
    wait_testid(&client, "producer-services").await;
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
    let client = desktop().await;
    client
        .goto(&url("/?municipality=638&service=home-care"))
        .await
        .unwrap();
    wait_testid(&client, "offer-list").await;

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
    let client = desktop().await;
    client.goto(&url("/producers/1")).await.unwrap();
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
