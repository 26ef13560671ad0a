//! A producer's pages in the browser: choosing the company, the voucher and its events.

use crate::{all_testid, cents, log_in_as, press, wait_testid, wait_until};
use fantoccini::Client;
use seteli_mocks::identification::people::Person;
use seteli_mocks::valtuudet::register::Organisation;

/// From the navigation through the `ypa` selection page, picking `company`.
pub async fn act_for_company(client: &Client, company: &Organisation) {
    press(client, "nav-on-behalf").await;
    press(client, "act-for-company").await;
    press(client, &format!("principal-{}", company.code())).await;
}

/// `person` logs in at the front page and acts for `company`.
pub async fn log_in_acting_for(client: &Client, person: &Person, company: &Organisation) {
    log_in_as(client, person, "/").await;
    act_for_company(client, company).await;
}

/// `person` logs in and acts for `company`, whose banner is then shown.
pub async fn at_company(client: &Client, person: &Person, company: &Organisation) {
    log_in_acting_for(client, person, company).await;
    wait_testid(client, "company-banner").await;
}

/// The balance shown for the voucher open now, in cents.
pub async fn balance(client: &Client) -> i64 {
    cents(&wait_testid(client, "voucher-balance").await).await
}

/// Waits until the open voucher's balance is `cents`.
pub async fn wait_for_balance(client: &Client, cents: i64, what: &str) {
    wait_until(
        client,
        &format!(
            "Number(document.querySelector('[data-testid=voucher-balance]').dataset.cents) === {cents}"
        ),
        what,
    )
    .await;
}

/// How many events the open voucher lists.
pub async fn event_count(client: &Client) -> usize {
    all_testid(client, "producer-event").await.len()
}
