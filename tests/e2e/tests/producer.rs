//! A producer's employee on a phone, in Chromium against the real stack: picking the company
//! on the Valtuudet mock's `ypa` page, a customer's voucher number, logging a visit, logging
//! another while offline and seeing it sync once, replying to feedback, and changing a price
//! from next month on; and the refusals of a role that may not act and of a company that is
//! no producer.

use seteli_domain::voucher::VoucherNumber;
use seteli_e2e::*;

// Hoivapalvelu Aurinko Oy is the demo producer of Eeva-Liisa's home care.

/// Eeva-Liisa's home-care voucher in the demo data, as she would read it out.
fn eeva_liisas_voucher() -> String {
    VoucherNumber::from_body(48_200_000_000 + 7_919)
        .unwrap()
        .grouped()
}

#[tokio::test]
async fn an_employee_logs_visits_online_and_offline_replies_and_sets_a_price_on_a_phone() {
    let client = phone().await;

    // Eeva-Liisa leaves feedback for her home-care producer.
    let wish = "Toivoisin aamukäynnit ennen yhdeksää.";
    log_in_as(&client, person("Eeva-Liisa"), "/").await;
    assert_eq!(citizen::give_feedback(&client, wish).await, "feedback-sent");
    log_out(&client).await;

    // Karl-Johan, chair of Hoivapalvelu Aurinko Oy, acts for the company.
    producer::log_in_acting_for(&client, person("Karl-Johan"), cast::company("Aurinko")).await;
    assert!(text_of(&client, "company-name").await.contains("Aurinko"));
    wait_testid(&client, "producer-home").await;
    wait_testid(&client, "producer-service").await;

    // The voucher number the customer gave.
    click(&client, "nav-producer-voucher").await;
    type_into(&client, "voucher-number-input", "4820 0000 0000").await;
    press(&client, "voucher-number-submit").await;
    wait_testid(&client, "voucher-number-error").await;
    type_into(&client, "voucher-number-input", &eeva_liisas_voucher()).await;
    press(&client, "voucher-number-submit").await;
    assert!(text_of(&client, "customer-name")
        .await
        .contains("Eeva-Liisa"));
    assert!(!client
        .source()
        .await
        .unwrap()
        .contains(person("Eeva-Liisa").code()));
    wait_testid(&client, "producer-event").await;
    let before = producer::balance(&client).await;
    let events_before = producer::event_count(&client).await;
    // The voucher pays the producer's price up to its value per hour (32 €).
    let per_hour = cents(&wait_testid(&client, "voucher-price").await)
        .await
        .min(3200);

    // A visit, online.
    type_into(&client, "event-units", "1").await;
    type_into(&client, "event-description", "Aamukäynti ja verenpaine").await;
    press(&client, "event-submit").await;
    wait_testid(&client, "event-sent").await;
    wait_for_count(
        &client,
        "producer-event",
        events_before + 1,
        "the new visit in the list",
    )
    .await;
    let after_one = producer::balance(&client).await;
    assert_eq!(before - after_one, per_hour, "one hour's voucher share");

    // Another, offline: it waits in a visible queue.
    set_offline(&client, true).await;
    type_into(&client, "event-units", "0,5").await;
    type_into(&client, "event-description", "Iltakäynti").await;
    press(&client, "event-submit").await;
    wait_testid(&client, "event-queued").await;
    assert_eq!(text_of(&client, "queue-count").await.trim(), "1");
    assert_eq!(all_testid(&client, "queue-item").await.len(), 1);
    screenshot(&client, "producer-offline-queue-360").await;

    // Back online: it syncs once, by itself.
    set_offline(&client, false).await;
    wait_for_count(&client, "queue-item", 0, "the queue to empty").await;
    wait_for_count(
        &client,
        "producer-event",
        events_before + 2,
        "the synced visit in the list",
    )
    .await;
    client.refresh().await.unwrap();
    wait_testid(&client, "producer-event").await;
    assert_eq!(
        producer::event_count(&client).await,
        events_before + 2,
        "no duplicates"
    );
    assert_eq!(
        after_one - producer::balance(&client).await,
        (per_hour + 1) / 2
    );

    // The evening visit was logged by mistake: cancelled, its share comes back.
    let newest = wait_testid(&client, "producer-event").await;
    assert!(newest.text().await.unwrap().contains("Iltakäynti"));
    for _ in 0..2 {
        find_in(&newest, "event-cancel")
            .await
            .click()
            .await
            .unwrap();
    }
    wait_until(
        &client,
        "document.querySelector('[data-testid=producer-event]').dataset.status === 'cancelled'",
        "the visit to show as cancelled",
    )
    .await;
    producer::wait_for_balance(&client, after_one, "the balance to come back").await;

    // The morning visit took two hours, not one: corrected, the original kept as cancelled.
    let mut corrected = false;
    for row in all_testid(&client, "producer-event").await {
        let recorded = attr(&row, "data-status").await.as_deref() == Some("recorded");
        if !recorded || !row.text().await.unwrap().contains("verenpaine") {
            continue;
        }
        find_in(&row, "event-correct").await.click().await.unwrap();
        type_into(&client, "correction-units", "2").await;
        press(&client, "correction-submit").await;
        corrected = true;
        break;
    }
    assert!(corrected, "the morning visit can be corrected");
    wait_testid(&client, "correction-sent").await;
    wait_testid(&client, "event-corrects").await;
    producer::wait_for_balance(
        &client,
        after_one - per_hour,
        "the balance to follow the correction",
    )
    .await;
    assert!(
        fits_the_width(&client).await,
        "no sideways scrolling at 360 px"
    );
    full_page_screenshot(&client, "producer-voucher-360").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // A reply to Eeva-Liisa's feedback.
    click(&client, "nav-producer-feedback").await;
    wait_testid(&client, "producer-feedback-item").await;
    let mut replied = false;
    for item in all_testid(&client, "producer-feedback-item").await {
        if !item.text().await.unwrap().contains(wish) {
            continue;
        }
        find_in(&item, "reply-body")
            .await
            .send_keys("Kiitos, siirrämme käynnit aamuun.")
            .await
            .unwrap();
        find_in(&item, "reply-submit").await.click().await.unwrap();
        replied = true;
        break;
    }
    assert!(replied, "the feedback is waiting for a reply");
    wait_testid(&client, "reply-sent").await;

    // A price from next month on.
    click(&client, "nav-producer-prices").await;
    let row = wait_testid(&client, "price-row").await;
    let input = find_in(&row, "price-input").await;
    input.clear().await.unwrap();
    input.send_keys("39,50").await.unwrap();
    find_in(&row, "price-submit").await.click().await.unwrap();
    wait_testid(&client, "price-saved").await;
    log_out(&client).await;

    // Eeva-Liisa reads the reply.
    log_in_as(&client, person("Eeva-Liisa"), "/").await;
    click(&client, "nav-my-feedback").await;
    wait_testid(&client, "feedback-reply").await;
    assert!(client
        .source()
        .await
        .unwrap()
        .contains("Kiitos, siirrämme käynnit aamuun."));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_role_that_may_not_act_is_refused_and_a_company_new_to_seteli_may_only_apply() {
    let client = desktop().await;
    producer::log_in_acting_for(&client, person("Anni"), cast::company("Aurinko")).await;
    let (reason, _) = proxy::refusal(&client).await;
    assert_eq!(reason, "no_company_role");
    assert!(all_testid(&client, "company-banner").await.is_empty());
    log_out(&client).await;

    // A company new to Seteli acts for itself, and its pages lead it to apply.
    producer::log_in_acting_for(&client, person("Mikko"), cast::company("Laskuri")).await;
    wait_testid(&client, "company-banner").await;
    wait_testid(&client, "producer-not-approved").await;
    press(&client, "go-to-applications").await;
    wait_testid(&client, "new-application-form").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    // A draft started by mistake is deleted, after a question.
    select(&client, "new-application-municipality", "091").await;
    click(&client, "new-application-service").await;
    press(&client, "new-application-submit").await;
    press(&client, "application-delete").await;
    wait_testid(&client, "application-delete-yes").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    press(&client, "application-delete-yes").await;
    wait_testid(&client, "new-application-form").await;
    wait_testid(&client, "applications-empty").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn thirty_parallel_wrong_voucher_numbers_get_five_answers_before_the_limit() {
    // Over HTTP against wrangler and D1, where requests really run side by side: the limit
    // is counted in the same statement that checks it, so no request slips under it.
    let client = desktop().await;
    producer::at_company(&client, person("Mikko"), cast::company("Aurinko")).await;
    let statuses = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const tries = Array.from({length: 30}, (_, i) =>
               fetch('/api/producer/vouchers/lookup', {
                 method: 'POST',
                 headers: {'content-type': 'application/json'},
                 body: JSON.stringify({number: '1234 5678 ' + String(9000 + i)}),
               }).then(r => r.status, () => 0));
             Promise.all(tries).then(done);",
            vec![],
        )
        .await
        .unwrap();
    let statuses: Vec<u64> = statuses
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_u64())
        .collect();
    let not_found = statuses.iter().filter(|s| **s == 404).count();
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((not_found, limited), (5, 25), "{statuses:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_board_member_sees_the_prices_but_no_form_to_change_them() {
    let client = phone().await;
    producer::at_company(&client, person("Anni"), cast::company("Rova")).await;
    client.goto(&url("/producer/prices")).await.unwrap();
    let notice = wait_testid(&client, "prices-no-role").await;
    assert!(notice.text().await.unwrap().contains("nimenkirjoittaja"));
    let forms_shown = js(
        &client,
        "[...document.querySelectorAll('.price-form')].filter(f => !f.hidden).length",
    )
    .await;
    assert_eq!(forms_shown, serde_json::json!(0));
    client.close().await.unwrap();
}
