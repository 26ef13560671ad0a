//! The public comparison in the browser: choosing a municipality and a service, the voucher
//! value, sorting, paging, and a producer's own page.

use crate::Browser;
use crate::{
    all_testid, attr, cents, desktop, find_in, press, select, testid, url, wait_for_query,
    wait_loaded, wait_testid, wait_until,
};
use fantoccini::Client;

/// One offer in the list: producer id, price in cents, own share in cents (when a voucher
/// value is given).
pub type Offer = (String, i64, Option<i64>);

/// Opens the comparison with `query` (`municipality=638&service=home-care…`) and waits for
/// the offer list.
pub async fn open(client: &Client, query: &str) {
    client.goto(&url(&format!("/?{query}"))).await.unwrap();
    wait_testid(client, "offer-list").await;
}

/// A desktop-sized browser on the comparison with `query`, its offers listed.
pub async fn on_desktop(query: &str) -> Browser {
    let client = desktop().await;
    open(&client, query).await;
    client
}

/// On the front page, once the catalogue has filled the selects, chooses `municipality` and
/// `service` and waits for offers.
pub async fn choose(client: &Client, municipality: &str, service: &str) {
    // The selects are on the page before the catalogue has filled them.
    wait_until(
        client,
        &format!(
            "!!document.querySelector('[data-testid=municipality-select] option[value=\"{municipality}\"]') \
             && !!document.querySelector('[data-testid=service-select] option[value=\"{service}\"]')"
        ),
        "the municipalities and services to load",
    )
    .await;
    select(client, "municipality-select", municipality).await;
    select(client, "service-select", service).await;
    wait_until(
        client,
        "document.querySelectorAll('[data-testid=offer]').length > 0",
        "offers are listed",
    )
    .await;
}

/// Waits for the offer list and returns each offer.
pub async fn offers(client: &Client) -> Vec<Offer> {
    wait_testid(client, "offer-list").await;
    let mut out = Vec::new();
    for offer in all_testid(client, "offer").await {
        let id = attr(&offer, "data-producer-id").await.unwrap_or_default();
        let price = cents(&find_in(&offer, "offer-price").await).await;
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

/// The producers' names in the list, in its order.
pub async fn offer_names(client: &Client) -> Vec<String> {
    let mut names = Vec::new();
    for el in all_testid(client, "offer-name").await {
        names.push(el.text().await.unwrap());
    }
    names
}

/// Sorts the list by `key` (`name`, `own_share`…) and waits for it in the URL and for the
/// list to load.
pub async fn sort_by(client: &Client, key: &str) {
    select(client, "sort-select", key).await;
    wait_for_query(client, &format!("sort={key}"), "sort in the URL").await;
    wait_loaded(client).await;
}

/// Waits until the offers show the customer's own share.
pub async fn wait_for_own_shares(client: &Client) {
    wait_until(
        client,
        "document.querySelectorAll('[data-testid=offer-own-share]').length > 0",
        "own shares shown",
    )
    .await;
}

/// Opens the first producer in the list and waits for its services.
pub async fn open_first_producer(client: &Client) {
    all_testid(client, "offer-name")
        .await
        .remove(0)
        .click()
        .await
        .unwrap();
    wait_testid(client, "producer-services").await;
}

/// Follows the producer page's link back to the comparison.
pub async fn back_to_comparison(client: &Client) {
    press(client, "back-link").await;
    wait_testid(client, "offer-list").await;
}
