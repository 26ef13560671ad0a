//! The customer's journey in Chromium against the real stack: log in at the identification
//! mock, see one's vouchers and events, give feedback, answer the survey, read replies.

use seteli_e2e::*;

// In the demo data Eeva-Liisa Kinnunen has two vouchers (home care active, cleaning ended)
// and feedback with a reply; Mikko Kumpulainen is not a customer.

#[tokio::test]
async fn a_customer_sees_vouchers_and_events_gives_feedback_and_answers_the_survey() {
    let client = logged_in_phone(person("Eeva-Liisa"), "/").await;

    press(&client, "nav-my-vouchers").await;
    wait_testid(&client, "voucher").await;
    let vouchers = all_testid(&client, "voucher").await;
    assert_eq!(vouchers.len(), 2);
    let balance = cents(&find_in(&vouchers[0], "voucher-balance").await).await;
    let granted = cents(&find_in(&vouchers[0], "voucher-granted").await).await;
    assert!(
        0 < balance && balance < granted,
        "home care has been used: {balance} of {granted}"
    );
    full_page_screenshot(&client, "my-vouchers-360").await;

    find_in(&vouchers[0], "voucher-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&client, "event-list").await;
    let events = all_testid(&client, "event").await;
    assert_eq!(events.len(), 6);
    let mut voucher_total = 0;
    for event in &events {
        voucher_total += cents(&find_in(event, "event-voucher-share").await).await;
        assert!(cents(&find_in(event, "event-own-share").await).await >= 0);
    }
    assert_eq!(
        balance,
        granted - voucher_total,
        "balance = granted − what the voucher paid"
    );
    assert!(fits_the_width(&client).await);
    full_page_screenshot(&client, "voucher-360").await;

    // Feedback.
    assert_eq!(
        citizen::send_feedback(&client, "Kiitos, hyvää palvelua.").await,
        "feedback-sent"
    );

    // This month's survey is open (last month's was answered in the demo data).
    let form = wait_testid(&client, "survey-form").await;
    for question in ["overall", "punctuality", "staff", "information"] {
        find_in(&form, &format!("survey-{question}-4"))
            .await
            .click()
            .await
            .unwrap();
    }
    press(&client, "survey-submit").await;
    wait_testid(&client, "survey-sent").await;
    client.refresh().await.unwrap();
    wait_testid(&client, "survey-answered").await;

    // Earlier feedback with the producer's reply, newest first.
    press(&client, "nav-my-feedback").await;
    wait_testid(&client, "feedback-list").await;
    let items = all_testid(&client, "feedback-item").await;
    assert_eq!(items.len(), 3);
    assert!(items[0]
        .text()
        .await
        .unwrap()
        .contains("Kiitos, hyvää palvelua."));
    assert!(
        !all_testid(&client, "feedback-reply").await.is_empty(),
        "the producer's reply is shown"
    );

    log_out(&client).await;
    assert_eq!(fetch_status(&client, "/api/citizen/vouchers").await, 401);
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_person_without_vouchers_is_told_how_to_get_one() {
    let client = logged_in_desktop(person("Mikko"), "/my/vouchers").await;

    let empty = text_of(&client, "vouchers-empty").await;

    assert!(!empty.is_empty());
    client.close().await.unwrap();
}

#[tokio::test]
async fn someone_elses_voucher_is_not_found_and_a_visitor_is_asked_to_log_in() {
    let client = desktop_at("/my/vouchers").await;
    wait_testid(&client, "login-required").await;

    log_in_as(&client, person("Eeva-Liisa"), "/").await;
    // Voucher 3 is Anni Kumpulainen's.
    client.goto(&url("/my/vouchers/3")).await.unwrap();
    wait_testid(&client, "not-found").await;
    assert_eq!(fetch_status(&client, "/api/citizen/vouchers/3").await, 404);
    assert_eq!(fetch_status(&client, "/api/citizen/vouchers/1").await, 200);
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_customer_pages_pass_an_accessibility_scan_in_swedish() {
    let client = logged_in_desktop(person("Eeva-Liisa"), "/my/vouchers").await;
    switch_language(&client, "sv").await;
    wait_testid(&client, "voucher").await;
    let list = serious_accessibility_violations(&client).await;

    press(&client, "voucher-link").await;
    wait_testid(&client, "event-list").await;
    wait_until(
        &client,
        "document.body.innerText.includes('Hemvård')",
        "the service in Swedish",
    )
    .await;
    let detail = serious_accessibility_violations(&client).await;

    assert!(list.is_empty(), "my vouchers: {list:#?}");
    assert!(detail.is_empty(), "voucher page: {detail:#?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_comparison_offers_the_customers_own_voucher_value() {
    let client =
        logged_in_desktop(person("Eeva-Liisa"), "/?municipality=638&service=home-care").await;

    press(&client, "use-my-voucher").await;

    wait_for_query(&client, "voucher=3200", "her voucher's value in the URL").await;
    public::wait_for_own_shares(&client).await;
    client.close().await.unwrap();
}
