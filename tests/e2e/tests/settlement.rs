//! Paying producers in Chromium against the real stack: Itä-Uusimaa's finance gathers the
//! month before, holds a disputed visit, confirms, downloads the bank's payment file (valid
//! `pain.001.001.03` is proven by the API tests; here it is the file for this month), and
//! marks it paid; the producer reads the statement on a phone, and enters a new bank
//! account that finance then confirms; finance reads the reports. (A visit cancelled after its month was settled shows
//! as an adjustment in the next one: the API tests, which can move the clock.)

use seteli_e2e::*;

/// The month the page shows first, as `YYYY-MM`.
async fn shown_month(client: &fantoccini::Client) -> String {
    attr(
        &wait_testid(client, "settlements-month").await,
        "data-month",
    )
    .await
    .expect("the month")
}

/// Opens Aurinko's settlement from the month's list.
async fn open_aurinko(client: &fantoccini::Client) {
    let link = client
        .wait()
        .for_element(fantoccini::Locator::XPath(
            "//a[@data-testid='settlement-link'][contains(., 'Aurinko')]",
        ))
        .await
        .unwrap();
    link.click().await.unwrap();
    wait_testid(client, "settlement-lines").await;
}

#[tokio::test]
async fn finance_settles_the_month_before_and_the_producer_reads_its_statement() {
    // Finance, on a desktop.
    let finance = desktop().await;
    staff::log_in(&finance, cast::staff_user("talous")).await;
    press(&finance, "nav-desk-settlements").await;
    let month = shown_month(&finance).await;
    press(&finance, "settlements-gather").await;
    wait_testid(&finance, "settlements-gathered").await;
    assert!(serious_accessibility_violations(&finance).await.is_empty());
    open_aurinko(&finance).await;
    let payable_before = cents(&wait_testid(&finance, "settlement-payable").await).await;
    assert!(payable_before > 0, "Aurinko's visits of {month}");

    // A disputed visit is held: it waits for the next month.
    press(&finance, "settlement-hold").await;
    type_into(&finance, "hold-reason", "Asiakas kiistää käynnin.").await;
    press(&finance, "hold-submit").await;
    wait_testid(&finance, "settlement-held").await;
    let payable = cents(&wait_testid(&finance, "settlement-payable").await).await;
    assert!(payable < payable_before, "{payable} < {payable_before}");
    assert!(serious_accessibility_violations(&finance).await.is_empty());

    // Confirmed once; then the month's payment file and the ledger are there.
    press(&finance, "settlement-confirm").await;
    press(&finance, "settlement-confirm-yes").await;
    wait_until(
        &finance,
        "document.querySelector('[data-testid=settlement-state]')?.dataset.state === 'confirmed'",
        "the settlement to be confirmed",
    )
    .await;
    // Back on the month: the payment file is written (the settlement goes into it and no
    // other), then downloaded.
    press(&finance, "back-to-settlements").await;
    press(&finance, "payment-file-write").await;
    let link = wait_testid(&finance, "payment-file").await;
    let href = attr(&link, "href").await.expect("the file's address");
    let file = js_promise(&finance, &format!("fetch('{href}').then(r => r.text())")).await;
    let file = file.as_str().unwrap_or_default().to_owned();
    assert!(
        file.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"),
        "{file}"
    );
    assert!(
        file.contains(&format!("{}.{:02}", payable / 100, payable % 100)),
        "{file}"
    );
    assert!(
        all_testid(&finance, "payment-file-write").await.is_empty(),
        "nothing is left for another file"
    );
    open_aurinko(&finance).await;
    // Paid, with the bank's reference.
    type_into(&finance, "paid-reference", "ARK-20261201-1").await;
    press(&finance, "paid-submit").await;
    wait_testid(&finance, "settlement-paid").await;

    // The reports: the visits of the last twelve months and this year's purchasing power,
    // every number in a table too.
    press(&finance, "nav-desk-reports").await;
    wait_testid(&finance, "report-row").await;
    assert!(!all_testid(&finance, "report-producer").await.is_empty());
    wait_testid(&finance, "report-budget").await;
    assert!(serious_accessibility_violations(&finance).await.is_empty());
    finance.close().await.unwrap();

    // Karl-Johan, for Aurinko on his phone, reads the statement.
    let phone = phone().await;
    producer::at_company(&phone, person("Karl-Johan"), cast::company("Aurinko")).await;
    press(&phone, "nav-producer-statements").await;
    let statement = wait_testid(&phone, "statement").await;
    find_in(&statement, "statement-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&phone, "settlement-lines").await;
    wait_testid(&phone, "settlement-held").await;
    assert_eq!(
        cents(&wait_testid(&phone, "settlement-payable").await).await,
        payable
    );
    assert!(
        fits_the_width(&phone).await,
        "the statement fits a 360 px phone"
    );
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    wait_testid(&phone, "statement-print").await;

    // A new bank account waits for finance.
    press(&phone, "nav-producer-account").await;
    type_into(&phone, "account-iban", "FI21 1234 5600 0007 86").await;
    press(&phone, "account-submit").await;
    wait_testid(&phone, "account-iban-error").await;
    type_into(&phone, "account-iban", "FI46 1020 3000 0123 45").await;
    press(&phone, "account-submit").await;
    wait_testid(&phone, "account-saved").await;
    assert_eq!(
        text_of(&phone, "account-pending").await,
        "FI46 1020 3000 0123 45"
    );
    assert!(serious_accessibility_violations(&phone).await.is_empty());
    phone.close().await.unwrap();

    let finance = desktop().await;
    staff::log_in(&finance, cast::staff_user("talous")).await;
    press(&finance, "nav-desk-producer-accounts").await;
    let waiting = wait_testid(&finance, "pending-account").await;
    assert!(waiting
        .text()
        .await
        .unwrap()
        .contains("FI46 1020 3000 0123 45"));
    assert!(serious_accessibility_violations(&finance).await.is_empty());
    press(&finance, "account-confirm").await;
    press(&finance, "account-confirm-yes").await;
    wait_testid(&finance, "accounts-empty").await;
    finance.close().await.unwrap();
}
