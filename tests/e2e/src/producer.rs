//! A producer's pages in the browser: choosing the company, the voucher and its events.

use crate::{all_testid, cents, wait_testid};
use fantoccini::Client;
use seteli_mocks::valtuudet::register::Organisation;

/// From the navigation through the `ypa` selection page, picking `company`.
pub async fn act_for_company(client: &Client, company: &Organisation) {
    wait_testid(client, "nav-on-behalf")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, "act-for-company")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, &format!("principal-{}", company.code()))
        .await
        .click()
        .await
        .unwrap();
}

/// The balance shown for the voucher open now, in cents.
pub async fn balance(client: &Client) -> i64 {
    cents(&wait_testid(client, "voucher-balance").await).await
}

/// How many events the open voucher lists.
pub async fn event_count(client: &Client) -> usize {
    all_testid(client, "producer-event").await.len()
}
