//! Residents apply for a voucher online, and a shared matter gets every guardian's say (DVV
//! scenarios B and C), in Chromium against the real stack.
//!
//! B: Anni, acting for Eetu on her phone in Finnish, applies for home care and names Mikko;
//! Mikko, on his phone in Swedish, sees the request, acts for Eetu through Valtuudet and
//! consents; Porvoo's customer service takes the application, assesses the need on Eetu's
//! card and decides a voucher drafted from it, which approves the application.
//!
//! C: Anni, acting for Ella in Swedish, declares she may act alone; customer service sees
//! the declaration flagged and rejects with reasons; Anni reads them with the appeal
//! address. Karl-Johan applies for Oskar, whom no municipality has made a customer yet,
//! declaring sole custody; sending makes Oskar Porvoo's customer.

use seteli_e2e::*;

async fn wait_for_state(client: &fantoccini::Client, state: &str) {
    wait_until(
        client,
        &format!("document.querySelector('[data-testid=case-state]')?.dataset.state === '{state}'"),
        &format!("the application to be {state}"),
    )
    .await;
}

/// On an open draft: the service in Porvoo, the need, contact by Messages.
async fn fill_basics(client: &fantoccini::Client, service: &str, need: &str) {
    wait_testid(client, "application-form").await;
    wait_until(
        client,
        &format!("!!document.querySelector('[data-testid=application-service] option[value=\"{service}\"]')"),
        "Porvoo's services to be offered",
    )
    .await;
    select(client, "application-service", service).await;
    type_into(client, "application-need", need).await;
    press(client, "application-contact-messages").await;
}

/// The customer service employee's desktop, logged in.
async fn customer_service() -> Browser {
    let client = desktop().await;
    staff::log_in(&client, cast::staff_user("asiakaspalvelu")).await;
    client
}

/// Opens the newest application of `principal` in customer service's queue.
async fn open_in_queue(client: &fantoccini::Client, principal: &str) {
    press(client, "nav-desk-resident-applications").await;
    wait_testid(client, "resident-queue").await;
    let link = client
        .wait()
        .for_element(fantoccini::Locator::XPath(&format!(
            "//a[@data-testid='resident-queue-link'][contains(., '{principal}')]"
        )))
        .await
        .unwrap();
    link.click().await.unwrap();
    wait_testid(client, "application-summary").await;
}

/// On an application just opened from the queue: takes it, opens the customer card,
/// assesses the need for `service` and opens the decision form drafted from it.
async fn draft_from_application(desk: &fantoccini::Client, service: &str, assessment: &str) {
    press(desk, "case-take").await;
    wait_for_state(desk, "in_progress").await;
    press(desk, "case-open-card").await;
    wait_testid(desk, "customer-card").await;
    staff::assess(desk, service, assessment).await;
    press(desk, "assessment-draft-decision").await;
}

/// On the drafted decision form: `units` (at `unit_value` euros when the value does not
/// depend on income), saved and decided; `principal`'s application is then approved.
async fn decide_drafted(
    desk: &fantoccini::Client,
    principal: &str,
    units: &str,
    unit_value: Option<&str>,
) {
    if let Some(euros) = unit_value {
        type_into(desk, "decision-unit-value", euros).await;
    }
    type_into(desk, "decision-units", units).await;
    wait_testid(desk, "decision-granted-preview").await;
    press(desk, "decision-form-submit").await;
    wait_testid(desk, "decision-document").await;
    press(desk, "decision-decide").await;
    wait_until(
        desk,
        "document.querySelector('[data-testid=decision-document]').dataset.status === 'decided'",
        "the decision to be decided",
    )
    .await;
    open_in_queue(desk, principal).await;
    wait_for_state(desk, "approved").await;
}

#[tokio::test]
async fn a_guardian_applies_the_other_consents_acting_for_the_child_and_a_voucher_is_decided() {
    // Anni, in Finnish on a phone, acting for Eetu.
    let anni = proxy::phone_acting_for(person("Anni"), "child", person("Eetu")).await;
    press(&anni, "nav-my-applications").await;
    wait_testid(&anni, "applications-lead").await;
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    press(&anni, "application-new").await;
    wait_for_state(&anni, "draft").await;
    fill_basics(
        &anni,
        "home-care",
        "Eetu tarvitsee apua aamuisin ennen koulua.",
    )
    .await;
    // Home care depends on income in Porvoo: the form asks for it.
    type_into(&anni, "application-household", "3").await;
    type_into(&anni, "application-income", "4200").await;
    // The shared matter: Mikko's consent.
    press(&anni, "application-shared-consent").await;
    type_into(&anni, "application-other-given", "Mikko Tapani").await;
    type_into(&anni, "application-other-family", "Kumpulainen").await;
    type_into(&anni, "application-other-hetu", person("Mikko").code()).await;
    // A child may have more guardians: a further group of fields, left blank, is not sent.
    press(&anni, "application-add-guardian").await;
    wait_testid(&anni, "application-other-2-given").await;
    press(&anni, "application-confirmed").await;
    // A statement attached.
    wait_testid(&anni, "application-file-input")
        .await
        .send_keys(&pdf_file("lausunto"))
        .await
        .unwrap();
    wait_testid(&anni, "application-file").await;
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    assert!(fits_the_width(&anni).await, "the form fits a 360 px phone");
    press(&anni, "application-send").await;
    wait_for_state(&anni, "consenting").await;
    let consent = wait_testid(&anni, "consent").await;
    assert_eq!(
        attr(&consent, "data-status").await.as_deref(),
        Some("pending")
    );
    assert!(consent.text().await.unwrap().contains("Mikko"));
    assert_eq!(
        all_testid(&anni, "consent").await.len(),
        1,
        "only Mikko is asked"
    );
    // The code is never shown back whole.
    assert_no_identity_code(&anni.source().await.unwrap());
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    full_page_screenshot(&anni, "resident-application-consenting").await;
    anni.close().await.unwrap();

    // Mikko, in Swedish on his phone: the request waits for him.
    let mikko = logged_in_phone(person("Mikko"), "/").await;
    switch_language(&mikko, "sv").await;
    press(&mikko, "nav-my-applications").await;
    let request = wait_testid(&mikko, "consent-request").await;
    assert!(request.text().await.unwrap().contains("Eetu"));
    press(&mikko, "consent-request-open").await;
    // As himself he is told to act for the child, and led there.
    wait_testid(&mikko, "consent-act-for-child").await;
    assert!(serious_accessibility_violations(&mikko).await.is_empty());
    press(&mikko, "consent-choose-child").await;
    proxy::pick(&mikko, person("Eetu").code()).await;
    // Back in Seteli acting for Eetu, the landing page leads to the request.
    press(&mikko, "consent-banner-open").await;
    wait_testid(&mikko, "consent-form").await;
    assert!(text_of(&mikko, "summary-need")
        .await
        .contains("ennen koulua"));
    assert!(serious_accessibility_violations(&mikko).await.is_empty());
    assert!(
        fits_the_width(&mikko).await,
        "the request fits a 360 px phone"
    );
    press(&mikko, "consent-choice-yes").await;
    press(&mikko, "consent-submit").await;
    wait_testid(&mikko, "consent-done").await;
    wait_until(
        &mikko,
        "document.querySelector('[data-testid=consent]')?.dataset.status === 'given'",
        "Mikko's consent to show",
    )
    .await;
    mikko.close().await.unwrap();

    // Customer service takes it, assesses the need on Eetu's card and decides from it.
    let desk = customer_service().await;
    open_in_queue(&desk, "Eetu").await;
    wait_for_state(&desk, "submitted").await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    draft_from_application(&desk, "home-care", "Hakemuksen mukainen tarve aamuisin.").await;
    // The household and income come from the application.
    wait_testid(&desk, "decision-income-related").await;
    assert_eq!(
        wait_testid(&desk, "decision-household-size")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("3")
    );
    wait_testid(&desk, "computation-value").await;
    decide_drafted(&desk, "Eetu", "30", None).await;
    desk.close().await.unwrap();

    // Anni sees it approved with its decision; she may still refuse the voucher, and is
    // directed to the county's own service.
    let anni = proxy::phone_acting_for(person("Anni"), "child", person("Eetu")).await;
    press(&anni, "nav-my-applications").await;
    press(&anni, "application-open").await;
    wait_for_state(&anni, "approved").await;
    wait_testid(&anni, "application-decision").await;
    let vouchers = fetch_json(&anni, "/api/citizen/vouchers").await[1].clone();
    let home_care = vouchers
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["service_code"] == "home-care" && v["status"] == "active")
        .expect("Eetu's new home-care voucher")["id"]
        .clone();
    anni.goto(&url(&format!("/my/vouchers/{home_care}")))
        .await
        .unwrap();
    wait_testid(&anni, "voucher-refuse").await;
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    click(&anni, "voucher-refuse-button").await;
    press(&anni, "voucher-refuse-button-yes").await;
    let refused = text_of(&anni, "voucher-refused").await;
    assert!(refused.contains("Itä-Uudenmaan"), "{refused}");
    anni.close().await.unwrap();
}

#[tokio::test]
async fn a_guardian_declares_she_may_act_alone_and_the_handler_sees_it_flagged() {
    // Anni, in Swedish on a phone, acting for Ella.
    let anni = proxy::phone_acting_for(person("Anni"), "child", person("Ella")).await;
    switch_language(&anni, "sv").await;
    press(&anni, "nav-my-applications").await;
    press(&anni, "application-new").await;
    wait_for_state(&anni, "draft").await;
    fill_basics(&anni, "speech-therapy", "Ella behöver talterapi.").await;
    press(&anni, "application-shared-declared").await;
    wait_testid(&anni, "application-declaration-meaning").await;
    press(&anni, "application-right-other").await;
    type_into(
        &anni,
        "application-reason",
        "Den andra vårdnadshavaren har kontaktförbud.",
    )
    .await;
    type_into(&anni, "application-inform-given", "Mikko Tapani").await;
    type_into(&anni, "application-inform-family", "Kumpulainen").await;
    type_into(&anni, "application-inform-hetu", person("Mikko").code()).await;
    press(&anni, "application-confirmed").await;
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    assert!(fits_the_width(&anni).await, "the form fits a 360 px phone");
    press(&anni, "application-send").await;
    wait_for_state(&anni, "submitted").await;
    let shared = wait_testid(&anni, "summary-shared").await;
    assert_eq!(
        attr(&shared, "data-kind").await.as_deref(),
        Some("declared")
    );
    let url = anni.current_url().await.unwrap();

    // Customer service sees the declaration flagged, and rejects with reasons.
    let desk = customer_service().await;
    press(&desk, "nav-desk-resident-applications").await;
    wait_until(
        &desk,
        "[...document.querySelectorAll('[data-testid=resident-queue-row]')].some(r => r.dataset.declared === 'true' && r.textContent.includes('Ella'))",
        "Ella's application flagged in the queue",
    )
    .await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    open_in_queue(&desk, "Ella").await;
    assert!(text_of(&desk, "summary-declared-right")
        .await
        .contains("kontaktförbud"));
    press(&desk, "case-take").await;
    wait_for_state(&desk, "in_progress").await;
    // The steps of a case in progress, the consent request form among them.
    wait_testid(&desk, "ask-consent-hetu").await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    type_into(
        &desk,
        "case-comment",
        "Talterapi ordnas som kommunens egen tjänst.",
    )
    .await;
    press(&desk, "case-reject").await;
    wait_for_state(&desk, "rejected").await;
    desk.close().await.unwrap();

    // Anni reads the reasons and where to appeal.
    anni.goto(url.as_str()).await.unwrap();
    wait_for_state(&anni, "rejected").await;
    assert!(text_of(&anni, "application-reasons")
        .await
        .contains("kommunens egen"));
    assert!(!text_of(&anni, "application-appeal").await.is_empty());
    assert!(serious_accessibility_violations(&anni).await.is_empty());
    anni.close().await.unwrap();
}

#[tokio::test]
async fn a_guardian_with_sole_custody_applies_for_a_child_who_is_not_a_customer_yet() {
    // Karl-Johan, in Finnish on a phone, acting for Oskar: nothing to read yet.
    let karl_johan = proxy::phone_acting_for(person("Karl-Johan"), "child", person("Oskar")).await;
    wait_testid(&karl_johan, "vouchers-empty").await;
    press(&karl_johan, "vouchers-empty-apply").await;
    // Seteli does not know his home municipality: it is chosen first.
    wait_until(
        &karl_johan,
        "!!document.querySelector('[data-testid=application-start-municipality] option[value=\"638\"]')",
        "the municipalities with vouchers to be offered",
    )
    .await;
    select(&karl_johan, "application-start-municipality", "638").await;
    press(&karl_johan, "application-new").await;
    wait_for_state(&karl_johan, "draft").await;
    fill_basics(
        &karl_johan,
        "speech-therapy",
        "Oskar tarvitsee puheterapiaa.",
    )
    .await;
    press(&karl_johan, "application-shared-declared").await;
    press(&karl_johan, "application-right-sole_custody").await;
    press(&karl_johan, "application-confirmed").await;
    press(&karl_johan, "application-send").await;
    wait_for_state(&karl_johan, "submitted").await;
    assert!(serious_accessibility_violations(&karl_johan)
        .await
        .is_empty());
    assert!(fits_the_width(&karl_johan).await);
    karl_johan.close().await.unwrap();

    // Customer service sees Oskar's application, the declaration flagged.
    let desk = customer_service().await;
    press(&desk, "nav-desk-resident-applications").await;
    wait_until(
        &desk,
        "[...document.querySelectorAll('[data-testid=resident-queue-row]')].some(r => r.dataset.declared === 'true' && r.textContent.includes('Oskar'))",
        "Oskar's application flagged in the queue",
    )
    .await;
    open_in_queue(&desk, "Oskar").await;
    assert!(!text_of(&desk, "summary-declared-right").await.is_empty());
    // Sending made him Porvoo's customer: his card, and a voucher decided from it.
    draft_from_application(
        &desk,
        "speech-therapy",
        "Puheterapian tarve koulun lausunnon mukaan.",
    )
    .await;
    decide_drafted(&desk, "Oskar", "10", Some("60")).await;
    desk.close().await.unwrap();

    // Karl-Johan, acting for Oskar again, finds the voucher.
    let karl_johan = proxy::phone_acting_for(person("Karl-Johan"), "child", person("Oskar")).await;
    wait_testid(&karl_johan, "voucher").await;
    karl_johan.close().await.unwrap();
}
