//! The municipality's own e-authorisations in Chromium against the real stack (issue 17's
//! three journeys): a social counsellor in Porvoo's social services opens her department's
//! authorisation map on her phone, orders Kela's benefit information (the path for what the
//! organisation holds), looks up a term and is told the expected time; the authorisation
//! administrator takes the order, sees what to do in Suomi.fi-valtuudet and records it done;
//! a supervisor orders for her employee what the organisation lacks and follows it through
//! "waiting for DVV". The rules and every state: the API tests.

use seteli_e2e::*;

/// Kela's benefit information (held) and social assistance data (not held) in the demo
/// catalogue of Itä-Uusimaa.
const KELA_HELD: &str = "1";
const KELA_MISSING: &str = "2";

/// The order id the confirmation links to.
async fn sent_order_id(client: &fantoccini::Client) -> String {
    let link = wait_testid(client, "order-sent-link").await;
    let href = attr(&link, "href").await.expect("the order's address");
    href.rsplit('/')
        .next()
        .and_then(|tail| tail.split('?').next())
        .expect("an id")
        .to_owned()
}

/// The administrator opens order `id` from the queue.
async fn open_from_queue(client: &fantoccini::Client, id: &str) {
    press(client, "nav-desk-authorisations").await;
    press(client, "to-queue").await;
    wait_testid(client, "queue-table").await;
    assert!(serious_accessibility_violations(client).await.is_empty());
    let link = client
        .wait()
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=queue-order][data-id='{id}'] [data-testid=queue-order-link]"
        )))
        .await
        .unwrap();
    link.click().await.unwrap();
    wait_testid(client, "order-facts").await;
}

/// The state an order's page shows.
async fn order_state(client: &fantoccini::Client) -> String {
    attr(&wait_testid(client, "order-state").await, "data-state")
        .await
        .unwrap_or_default()
}

#[tokio::test]
async fn an_employee_orders_an_authorisation_her_map_names_and_the_administrator_records_it_done() {
    // Mikaela, a social counsellor with no Seteli role, on her phone.
    let mikaela = phone().await;
    staff::log_in(&mikaela, cast::staff_user("sosiaaliohjaaja")).await;
    press(&mikaela, "nav-desk-authorisations").await;
    wait_testid(&mikaela, "my-orders-empty").await;
    assert!(serious_accessibility_violations(&mikaela).await.is_empty());
    press(&mikaela, "my-department-map").await;
    // Her department's map: Kela's benefit information, which the organisation holds.
    wait_testid(&mikaela, "map-table").await;
    let row = mikaela
        .wait()
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=map-row][data-id='{KELA_HELD}']"
        )))
        .await
        .unwrap();
    assert_eq!(attr(&row, "data-held").await.as_deref(), Some("true"));
    assert!(text_of(&mikaela, "map-heading")
        .await
        .contains("Sosiaalipalvelut"));
    let wide = js(
        &mikaela,
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + (e.dataset.testid || '') + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')",
    )
    .await;
    assert!(
        fits_the_width(&mikaela).await,
        "the map fits a 360 px phone: {wide}"
    );
    assert!(serious_accessibility_violations(&mikaela).await.is_empty());
    find_in(&row, "map-order").await.click().await.unwrap();

    // The form is prefilled: the authorisation, its path, her place from the login.
    wait_testid(&mikaela, "order-form").await;
    let ticked = js(
        &mikaela,
        &format!("document.querySelector('[data-testid=order-authorisation-{KELA_HELD}]').checked"),
    )
    .await;
    assert_eq!(ticked, serde_json::json!(true));
    assert!(text_of(&mikaela, "order-for-self")
        .await
        .contains("Mikaela Johanna Holmström"));
    assert_eq!(
        js(
            &mikaela,
            "document.querySelector('[data-testid=order-department]').value"
        )
        .await,
        serde_json::json!("sosiaalipalvelut")
    );
    assert!(serious_accessibility_violations(&mikaela).await.is_empty());
    // A word she does not know: the glossary, and back to the form.
    press(&mikaela, "term-link-valtuutettu").await;
    let term = mikaela
        .wait()
        .for_element(fantoccini::Locator::Css("#term-valtuutettu"))
        .await
        .unwrap();
    assert!(term.text().await.unwrap().contains("Valtuutettu"));
    assert!(serious_accessibility_violations(&mikaela).await.is_empty());
    mikaela.back().await.unwrap();
    wait_testid(&mikaela, "order-form").await;

    // Sent without her identity code: the form says what is missing.
    type_into(
        &mikaela,
        "order-justification",
        "Toimeentulotuen päätökset vaativat Kelan etuustiedot.",
    )
    .await;
    type_into(&mikaela, "order-email", "mikaela.holmstrom@porvoo.example").await;
    press(&mikaela, "order-submit").await;
    wait_testid(&mikaela, "order-hetu-error").await;
    type_into(&mikaela, "order-hetu", "120388-913A").await;
    press(&mikaela, "order-submit").await;
    let confirmation = wait_testid(&mikaela, "order-sent")
        .await
        .text()
        .await
        .unwrap();
    assert!(confirmation.contains("noin 3 päivää"), "{confirmation}");
    assert_no_identity_code(&confirmation);
    let id = sent_order_id(&mikaela).await;
    assert!(serious_accessibility_violations(&mikaela).await.is_empty());

    // The administrator, on a desktop: takes it, sees what to do in Suomi.fi-valtuudet,
    // does it there and records it.
    let jukka = desktop().await;
    staff::log_in(&jukka, cast::staff_user("valtuushallinnoija")).await;
    open_from_queue(&jukka, &id).await;
    assert_eq!(order_state(&jukka).await, "submitted");
    press(&jukka, "order-take").await;
    let prepared = wait_testid(&jukka, "order-prepared").await;
    assert!(prepared.text().await.unwrap().contains("120388-913A"));
    assert_eq!(order_state(&jukka).await, "in_progress");
    assert!(serious_accessibility_violations(&jukka).await.is_empty());
    press(&jukka, "order-done").await;
    let done = wait_testid(&jukka, "order-done-in-valtuudet")
        .await
        .text()
        .await
        .unwrap();
    assert!(done.contains("Jukka Petteri Laine"), "{done}");
    assert_eq!(order_state(&jukka).await, "approved");
    assert_eq!(all_testid(&jukka, "case-history-step").await.len(), 3);
    // The holding is in the register.
    press(&jukka, "nav-desk-authorisations").await;
    press(&jukka, "to-holdings").await;
    wait_testid(&jukka, "holdings-all").await;
    assert!(wait_testid(&jukka, "holdings-all")
        .await
        .text()
        .await
        .unwrap()
        .contains("Mikaela Johanna Holmström"));
    // Holdings from before the register, from the spreadsheet as Excel saves it
    // (Windows-1252): a line with a department the county does not have is named, and
    // nothing is entered until the file is whole.
    let benefits = "Etuustietojen katselu ja maksuvaatimusten rekisteröinti";
    let header = "Etunimet;Sukunimi;Henkilötunnus;Toimiala;Nimike;Valtuus;Alkaen;Päättyy";
    let tomas = format!(
        "Tomas;Lindqvist;150370-997A;Sosiaalipalvelut;Sosiaaliohjaaja;{benefits};1.3.2024;"
    );
    let asa = format!("Åsa;Öberg;010190-998V;Tekniikka;Sosiaaliohjaaja;{benefits};1.3.2024;");
    let spreadsheet: Vec<u8> = format!("{header}\r\n{tomas}\r\n{asa}\r\n")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect();
    let file = std::env::temp_dir().join(format!("valtuudet-{}.csv", std::process::id()));
    std::fs::write(&file, spreadsheet).unwrap();
    js(
        &jukka,
        "document.querySelector('[data-testid=import-holdings]').open = true",
    )
    .await;
    wait_testid(&jukka, "import-file")
        .await
        .send_keys(&file.to_string_lossy())
        .await
        .unwrap();
    wait_until(
        &jukka,
        "document.querySelector('[data-testid=import-text]').value.includes('Åsa;Öberg')",
        "the file read as Windows-1252",
    )
    .await;
    press(&jukka, "import-check").await;
    wait_testid(&jukka, "import-has-problems").await;
    let problem = wait_testid(&jukka, "import-problem").await;
    assert_eq!(attr(&problem, "data-line").await.as_deref(), Some("3"));
    assert!(problem.text().await.unwrap().contains("Toimiala"));
    assert!(all_testid(&jukka, "import-enter").await.is_empty());
    // The problems' table, as a screen reader meets it.
    assert!(serious_accessibility_violations(&jukka).await.is_empty());
    type_into(&jukka, "import-text", &format!("{header}\n{tomas}\n")).await;
    press(&jukka, "import-check").await;
    assert_eq!(
        text_of(&jukka, "import-ready").await,
        "Tiedostossa on 1 rivi eikä korjattavaa: valmis kirjattavaksi."
    );
    press(&jukka, "import-enter").await;
    assert_eq!(
        text_of(&jukka, "import-entered").await,
        "1 valtuus kirjattiin rekisteriin."
    );
    wait_until(
        &jukka,
        "document.querySelector('[data-testid=holdings-all]').textContent.includes('Tomas Lindqvist')",
        "the entered holding in the register",
    )
    .await;
    let _ = std::fs::remove_file(&file);
    assert!(serious_accessibility_violations(&jukka).await.is_empty());
    // The catalogue with its map editor, and the report.
    press(&jukka, "back-to-authorisations").await;
    press(&jukka, "to-catalogue").await;
    wait_testid(&jukka, "catalogue-table").await;
    wait_testid(&jukka, "map-editor").await;
    assert!(serious_accessibility_violations(&jukka).await.is_empty());
    press(&jukka, "back-to-authorisations").await;
    press(&jukka, "to-report").await;
    wait_testid(&jukka, "report-paths").await;
    assert!(serious_accessibility_violations(&jukka).await.is_empty());
    // This year's median counts the order just done; a month long past has none, and the
    // period is in the address, so back returns to this year's.
    let median = "document.querySelector('[data-testid=report-path][data-path=held] \
                  [data-testid=report-median]')?.textContent";
    let shown = format!("(m => typeof m === 'string' && m !== '–')({median})");
    wait_until(&jukka, &shown, "this year's median").await;
    js(
        &jukka,
        "(() => { for (const [id, v] of [['report-from', '2025-01'], ['report-to', '2025-01']]) { \
           const input = document.querySelector(`[data-testid=${id}]`); \
           input.value = v; input.dispatchEvent(new Event('input', {bubbles: true})); } })()",
    )
    .await;
    press(&jukka, "report-show").await;
    wait_for_query(&jukka, "from=2025-01", "the period in the address").await;
    wait_until(
        &jukka,
        &format!("{median} === '–'"),
        "no median in January 2025",
    )
    .await;
    jukka.back().await.unwrap();
    wait_until(&jukka, &shown, "this year's median again").await;
    jukka.close().await.unwrap();

    // Mikaela was told on her desk; her order is done and she holds the authorisation.
    press(&mikaela, "nav-desk").await;
    let notice = wait_testid(&mikaela, "desk-notice").await;
    assert_eq!(
        attr(&notice, "data-kind").await.as_deref(),
        Some("OrderChanged")
    );
    find_in(&notice, "desk-notice-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&mikaela, "order-done-in-valtuudet").await;
    assert_eq!(order_state(&mikaela).await, "approved");
    assert!(wait_testid(&mikaela, "order-facts")
        .await
        .text()
        .await
        .unwrap()
        .contains("120388-****"));
    press(&mikaela, "nav-desk-authorisations").await;
    wait_testid(&mikaela, "my-holding").await;
    mikaela.close().await.unwrap();
}

#[tokio::test]
async fn a_supervisor_orders_what_the_organisation_lacks_and_follows_it_through_waiting_for_dvv() {
    // Anna-Kaisa, social services' supervisor, in Swedish on a desktop.
    let anna_kaisa = desktop().await;
    staff::log_in(&anna_kaisa, cast::staff_user("esihenkilo")).await;
    switch_language(&anna_kaisa, "sv").await;
    press(&anna_kaisa, "nav-desk-authorisations").await;
    press(&anna_kaisa, "to-order-form").await;
    wait_testid(&anna_kaisa, "order-form").await;
    press(&anna_kaisa, "order-path-missing").await;
    let mikko = person("Mikko");
    type_into(&anna_kaisa, "order-given-name", "Mikko").await;
    type_into(&anna_kaisa, "order-family-name", "Kumpulainen").await;
    type_into(&anna_kaisa, "order-hetu", mikko.code()).await;
    select(&anna_kaisa, "order-job-title", "asiakasohjaaja").await;
    press(&anna_kaisa, &format!("order-authorisation-{KELA_MISSING}")).await;
    type_into(
        &anna_kaisa,
        "order-justification",
        "Uusi tehtävä toimeentulotuessa.",
    )
    .await;
    type_into(
        &anna_kaisa,
        "order-email",
        "anna-kaisa.lindholm@porvoo.example",
    )
    .await;
    assert!(serious_accessibility_violations(&anna_kaisa)
        .await
        .is_empty());
    press(&anna_kaisa, "order-submit").await;
    let confirmation = wait_testid(&anna_kaisa, "order-sent")
        .await
        .text()
        .await
        .unwrap();
    assert!(confirmation.contains("4–6 veckor"), "{confirmation}");
    let id = sent_order_id(&anna_kaisa).await;

    // The administrator sends the organisation's application to DVV and records its reference.
    let jukka = desktop().await;
    staff::log_in(&jukka, cast::staff_user("valtuushallinnoija")).await;
    open_from_queue(&jukka, &id).await;
    press(&jukka, "order-take").await;
    type_into(&jukka, "order-dvv-reference-input", "DVV/4567/2026").await;
    press(&jukka, "order-wait-dvv").await;
    wait_until(
        &jukka,
        "document.querySelector('[data-testid=order-state]')?.dataset.state === 'waiting'",
        "the order to wait for DVV",
    )
    .await;

    // Anna-Kaisa follows it: waiting for DVV, under DVV's reference.
    press(&anna_kaisa, "nav-desk").await;
    let notice = wait_testid(&anna_kaisa, "desk-notice").await;
    find_in(&notice, "desk-notice-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&anna_kaisa, "order-waiting-dvv").await;
    assert_eq!(text_of(&anna_kaisa, "order-state").await, "Väntar på MDB");
    assert_eq!(
        text_of(&anna_kaisa, "order-dvv-reference").await,
        "DVV/4567/2026"
    );
    assert!(serious_accessibility_violations(&anna_kaisa)
        .await
        .is_empty());

    // DVV grants it; the administrator assigns it and records it done.
    press(&jukka, "order-dvv-granted").await;
    wait_testid(&jukka, "order-done").await;
    press(&jukka, "order-done").await;
    wait_testid(&jukka, "order-done-in-valtuudet").await;
    jukka.close().await.unwrap();
    anna_kaisa.refresh().await.unwrap();
    wait_testid(&anna_kaisa, "order-done-in-valtuudet").await;
    assert_eq!(order_state(&anna_kaisa).await, "approved");
    // The organisation holds it now: the map says so.
    press(&anna_kaisa, "nav-desk-authorisations").await;
    press(&anna_kaisa, "my-department-map").await;
    let row = anna_kaisa
        .wait()
        .for_element(fantoccini::Locator::Css(&format!(
            "[data-testid=map-row][data-id='{KELA_MISSING}']"
        )))
        .await
        .unwrap();
    assert_eq!(attr(&row, "data-held").await.as_deref(), Some("true"));
    anna_kaisa.close().await.unwrap();
}
