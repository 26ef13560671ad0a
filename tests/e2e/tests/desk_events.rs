//! The desk's events to check and the income tables in Chromium against the real stack:
//! customer service finds the demo's disputed visit (Eeva-Liisa's home care, 24 days ago)
//! among the disputed visits of the last 60 days, narrows the list to its voucher and back,
//! and marks it checked, after which it leaves the disputed list; Helsinki's finance
//! changes its home-care table's full value, and Helsinki's customer service reads the
//! table without the means to edit it.

use seteli_e2e::*;

/// The demo seed's disputed event (xtask/src/seed/desk.rs); only this test changes it.
const DISPUTED_EVENT: i64 = 4;

#[tokio::test]
async fn customer_service_checks_a_disputed_visit_from_the_list_of_events() {
    let client = desktop().await;
    staff::log_in(&client, cast::staff_user("asiakaspalvelu")).await;

    // The last 60 days' disputed visits, chosen in the filters (the address keeps them).
    press(&client, "nav-desk-events").await;
    wait_testid(&client, "events-filter-form").await;
    wait_loaded(&client).await;
    staff::set_date_days_ago(&client, "events-from", 60).await;
    staff::set_date_days_ago(&client, "events-to", 0).await;
    press(&client, "events-disputed").await;
    press(&client, "events-filter-submit").await;
    wait_for_query(&client, "disputed=1", "the filters in the address").await;
    let row = staff::event_row(&client, DISPUTED_EVENT).await;
    assert_eq!(attr(&row, "data-check").await.as_deref(), Some("disputed"));
    let customer = find_in(&row, "desk-event-customer")
        .await
        .text()
        .await
        .unwrap();
    assert!(customer.contains("Eeva-Liisa"), "{customer}");
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // Its voucher number narrows the list to the voucher; clearing the filter widens it.
    find_in(&row, "desk-event-voucher")
        .await
        .click()
        .await
        .unwrap();
    wait_for_query(&client, "voucher=", "the voucher filter in the address").await;
    wait_testid(&client, "events-voucher-filter").await;
    staff::event_row(&client, DISPUTED_EVENT).await;
    press(&client, "events-clear-voucher").await;
    wait_until(
        &client,
        "!location.search.includes('voucher=') && location.search.includes('disputed=1')",
        "the voucher filter to be cleared, the others kept",
    )
    .await;

    // Checked with the same form as on the card: it leaves the disputed list.
    let row = staff::event_row(&client, DISPUTED_EVENT).await;
    find_in(&row, "event-check-open")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&client, "event-check-form").await;
    press(
        &client,
        &format!("event-{DISPUTED_EVENT}-check-status-checked"),
    )
    .await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    press(&client, "event-check-submit").await;
    wait_until(
        &client,
        &format!(
            "!document.querySelector('[data-testid=event-check-form]') && !document.querySelector('[data-testid=desk-event][data-event-id=\"{DISPUTED_EVENT}\"]') && !!document.querySelector('[data-testid=desk-events-empty], [data-testid=desk-event-list]')"
        ),
        "the checked visit to leave the disputed list",
    )
    .await;
}

#[tokio::test]
async fn finance_changes_an_income_table_and_customer_service_reads_it() {
    let client = desktop().await;

    // Helsinki's finance (Itä-Uusimaa's table is what the desk test computes with).
    staff::log_in(&client, cast::staff_user("helsinki-talous")).await;
    assert!(all_testid(&client, "nav-desk-customers").await.is_empty());
    press(&client, "nav-income-tables").await;
    let full = wait_testid(&client, "income-full-value").await;
    let before = cents(&full).await;
    wait_testid(&client, "income-row").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    staff::set_full_value(&client, "home-care", "33,00").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    client.refresh().await.unwrap();
    let full = wait_testid(&client, "income-full-value").await;
    assert_eq!(cents(&full).await, 3300);
    assert!(full.text().await.unwrap().contains("33,00"));
    log_out(&client).await;

    // Helsinki's customer service reads the table, with nothing to edit it with.
    staff::log_in(&client, cast::staff_user("helsinki-asiakaspalvelu")).await;
    press(&client, "nav-income-tables").await;
    assert_eq!(
        cents(&wait_testid(&client, "income-full-value").await).await,
        3300
    );
    wait_testid(&client, "income-row").await;
    assert!(all_testid(&client, "income-table-edit").await.is_empty());
    assert!(all_testid(&client, "income-table-form").await.is_empty());
    assert!(serious_accessibility_violations(&client).await.is_empty());
    log_out(&client).await;

    // The value as it was, for whatever runs next.
    staff::log_in(&client, cast::staff_user("helsinki-talous")).await;
    press(&client, "nav-income-tables").await;
    let before = format!("{},{:02}", before / 100, before % 100);
    staff::set_full_value(&client, "home-care", &before).await;
}
