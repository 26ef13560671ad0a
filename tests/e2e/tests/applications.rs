//! Producers apply, the organiser decides, in Chromium against the real stack: Sanna
//! Lindqvist, managing director of Kirkas Siivous Oy (not yet a producer), applies on her
//! phone for cleaning in Porvoo with a price and the insurance certificate; Porvoo's
//! producer handler takes the case on a desktop and asks for the self-monitoring plan by a
//! deadline; Sanna attaches it and answers; the handler approves and the company is in
//! public; then the handler suspends it and it leaves.

use seteli_e2e::*;

/// The CSS selector of `inner` inside the checklist item `code`.
fn in_requirement(code: &str, inner: &str) -> String {
    format!("[data-testid=requirement][data-code={code}] [data-testid={inner}]")
}

async fn css(client: &fantoccini::Client, selector: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .for_element(fantoccini::Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector}"))
}

/// Picks the answer `which` (`answer-met`, `answer-not-yet`) to the checklist item `code`.
async fn answer(client: &fantoccini::Client, code: &str, which: &str) {
    css(client, &in_requirement(code, which))
        .await
        .click()
        .await
        .unwrap();
}

/// Attaches a PDF named `name` to the checklist item `code` and waits for its link.
async fn attach(client: &fantoccini::Client, code: &str, name: &str) {
    css(client, &in_requirement(code, "requirement-file"))
        .await
        .send_keys(&pdf_file(name))
        .await
        .unwrap();
    css(client, &in_requirement(code, "attachment-link")).await;
}

/// Sets a date input's value as a person picking a day does: `days_ahead` of Finland's today.
async fn pick_date(client: &fantoccini::Client, id: &str, days_ahead: i64) {
    js(
        client,
        &format!(
            "(() => {{
                 const el = document.querySelector('[data-testid={id}]');
                 el.value = new Date(Date.now() + {days_ahead} * 86400000)
                     .toLocaleDateString('sv-SE', {{timeZone: 'Europe/Helsinki'}});
                 el.dispatchEvent(new Event('input', {{bubbles: true}}));
                 el.dispatchEvent(new Event('change', {{bubbles: true}}));
                 return el.value;
             }})()"
        ),
    )
    .await;
}

async fn wait_for_state(client: &fantoccini::Client, state: &str) {
    wait_until(
        client,
        &format!("document.querySelector('[data-testid=case-state]')?.dataset.state === '{state}'"),
        &format!("the case to be {state}"),
    )
    .await;
}

/// Sanna, on her phone, opens the newest application of Kirkas Siivous Oy.
async fn open_own_application(phone: &fantoccini::Client) {
    producer::log_in_acting_for(phone, person("Sanna"), cast::company("Kirkas")).await;
    press(phone, "nav-producer-applications").await;
    press(phone, "application-link").await;
}

#[tokio::test]
async fn a_new_company_applies_on_a_phone_is_asked_for_more_and_is_approved_then_suspended() {
    let phone = phone().await;
    producer::log_in_acting_for(&phone, person("Sanna"), cast::company("Kirkas")).await;

    // Not approved yet: the home page says so and leads to the applications.
    wait_testid(&phone, "producer-not-approved").await;
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    press(&phone, "go-to-applications").await;
    select(&phone, "new-application-municipality", "638").await;
    css(
        &phone,
        "[data-testid=new-application-service][value=cleaning]",
    )
    .await
    .click()
    .await
    .unwrap();
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    press(&phone, "new-application-submit").await;
    wait_for_state(&phone, "draft").await;

    // The form, as a phone shows it: a price, descriptions, a language, areas, contacts.
    type_into(&phone, "application-price", "39").await;
    type_into(
        &phone,
        "description_fi",
        "Kodin ylläpitosiivousta Porvoossa.",
    )
    .await;
    type_into(&phone, "description_sv", "Hemstädning i Borgå.").await;
    css(&phone, "[data-testid=application-language][value=fi]")
        .await
        .click()
        .await
        .unwrap();
    css(&phone, "[data-testid=application-language][value=sv]")
        .await
        .click()
        .await
        .unwrap();
    type_into(&phone, "areas", "Porvoo").await;
    type_into(&phone, "street_address", "Mannerheiminkatu 12").await;
    type_into(&phone, "postal_code", "06100").await;
    type_into(&phone, "post_office", "Porvoo").await;
    type_into(&phone, "phone", "+358 40 765 4321").await;
    type_into(&phone, "email", "info@kirkas.example").await;
    pick_date(&phone, "application-valid-from", 0).await;
    // The checklist: insurance met (its certificate attached), the plan not yet.
    answer(&phone, "liability_insurance", "answer-met").await;
    answer(&phone, "self_monitoring_plan", "answer-not-yet").await;
    css(
        &phone,
        &in_requirement("self_monitoring_plan", "answer-note"),
    )
    .await
    .send_keys("Valmistuu joulukuussa")
    .await
    .unwrap();
    answer(&phone, "provider_register", "answer-met").await;
    attach(&phone, "liability_insurance", "vakuutus").await;
    assert!(
        fits_the_width(&phone).await,
        "the form fits a 360 px screen"
    );
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    full_page_screenshot(&phone, "application-form").await;
    press(&phone, "application-submit").await;
    wait_for_state(&phone, "submitted").await;
    log_out(&phone).await;

    // Porvoo's producer handler takes it and asks for the plan by a deadline.
    let desk = desktop().await;
    staff::log_in(&desk, cast::staff_user("tuottajahyvaksyja")).await;
    wait_testid(&desk, "desk-application").await;
    press(&desk, "nav-desk-applications").await;
    wait_testid(&desk, "application-queue").await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    press(&desk, "queue-link").await;
    assert_eq!(text_of(&desk, "registry-name").await, "Kirkas Siivous Oy");
    press(&desk, "case-take").await;
    wait_for_state(&desk, "in_progress").await;
    type_into(&desk, "ask-missing", "Omavalvontasuunnitelma").await;
    pick_date(&desk, "ask-deadline", 7).await;
    press(&desk, "case-ask").await;
    wait_for_state(&desk, "waiting").await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    full_page_screenshot(&desk, "application-case").await;
    let case_url = desk.current_url().await.unwrap();

    // Sanna sees what is missing and by when, attaches the plan and answers.
    open_own_application(&phone).await;
    wait_for_state(&phone, "waiting").await;
    assert!(text_of(&phone, "case-missing")
        .await
        .contains("Omavalvontasuunnitelma"));
    wait_testid(&phone, "case-deadline").await;
    assert!(text_of(&phone, "case-handler").await.contains("Heikkinen"));
    // In Swedish too, on the same phone (from the top of the page, where the switch is).
    js(&phone, "window.scrollTo(0, 0)").await;
    switch_language(&phone, "sv").await;
    wait_until(
        &phone,
        "document.querySelector('[data-testid=application-title]')?.textContent === 'Ansökan'",
        "the page's heading in Swedish",
    )
    .await;
    wait_until(
        &phone,
        "document.querySelector('[data-testid=case-state]')?.textContent === 'Kompletteringar begärda'",
        "the state in Swedish",
    )
    .await;
    assert!(fits_the_width(&phone).await);
    answer(&phone, "self_monitoring_plan", "answer-met").await;
    attach(&phone, "self_monitoring_plan", "omavalvonta").await;
    type_into(&phone, "application-comment", "Suunnitelma liitteenä.").await;
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    press(&phone, "application-answer").await;
    wait_for_state(&phone, "in_progress").await;

    // The handler approves: the company is in public.
    desk.goto(case_url.as_str()).await.unwrap();
    wait_for_state(&desk, "in_progress").await;
    press(&desk, "case-approve").await;
    wait_for_state(&desk, "approved").await;
    press(&desk, "nav-desk-approvals").await;
    wait_testid(&desk, "approvals").await;
    let producer_id = js(
        &desk,
        "[...document.querySelectorAll('[data-testid=approval-row][data-service=cleaning]')]
           .find(r => r.textContent.includes('Kirkas Siivous Oy') && r.textContent.includes('Porvoo'))
           ?.dataset.producer",
    )
    .await
    .as_str()
    .expect("Kirkas's approval for cleaning in Porvoo")
    .to_owned();
    let profile = format!("/api/public/producers/{producer_id}");
    let public = fetch_json(&desk, &profile).await;
    assert_eq!(public[0], 200, "{public}");
    assert_eq!(public[1]["name"], "Kirkas Siivous Oy");
    let cleaning = public[1]["services"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["service_code"] == "cleaning" && s["municipality_code"] == "638");
    assert!(cleaning, "{public}");

    // Suspended: it leaves the public comparison (within the public answers' minute).
    let rows = all_testid(&desk, "approval-row").await;
    let mut suspended = false;
    for row in rows {
        let text = row.text().await.unwrap();
        let ours = attr(&row, "data-producer").await.as_deref() == Some(producer_id.as_str())
            && attr(&row, "data-service").await.as_deref() == Some("cleaning")
            && text.contains("Porvoo");
        if ours {
            find_in(&row, "supervision-reason")
                .await
                .send_keys("Valvontakäynnin havainnot")
                .await
                .unwrap();
            find_in(&row, "approval-suspend")
                .await
                .click()
                .await
                .unwrap();
            suspended = true;
            break;
        }
    }
    assert!(suspended);
    wait_testid(&desk, "supervision-done").await;
    full_page_screenshot(&desk, "approvals").await;
    assert!(serious_accessibility_violations(&desk).await.is_empty());
    let mut gone = false;
    for _ in 0..90 {
        if fetch_json(&desk, &profile).await[0] == 404 {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    assert!(gone, "the suspended producer left the public pages");
    // The company reads the suspension, its reason and where an appeal goes.
    phone.goto(&url("/producer/applications")).await.unwrap();
    css(&phone, "[data-testid=own-approval][data-status=suspended]").await;
    assert!(text_of(&phone, "own-approval-reason")
        .await
        .contains("Valvontakäynnin havainnot"));
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    phone.close().await.unwrap();
    desk.close().await.unwrap();
}
