//! Acting for someone else in the browser: the on-behalf page, the Valtuudet mock's
//! selection page, the banner and the refusals.

use crate::{attr, log_in_as, phone, press, text_of, wait_testid, Browser};
use fantoccini::Client;
use seteli_mocks::identification::people::Person;

/// From the navigation to the Valtuudet selection page (`child` or `adult`).
pub async fn open_selection(client: &Client, kind: &str) {
    press(client, "nav-on-behalf").await;
    press(client, &format!("act-for-{kind}")).await;
}

/// Picks `principal` on the selection page.
pub async fn pick(client: &Client, principal: &str) {
    press(client, &format!("principal-{principal}")).await;
}

/// From the navigation through the selection page (`child` or `adult`), picking `principal`.
pub async fn act_for(client: &Client, kind: &str, principal: &Person) {
    open_selection(client, kind).await;
    pick(client, principal.code()).await;
}

/// `delegate` logs in at the front page and acts for `principal` (`child` or `adult`).
pub async fn log_in_acting_for(client: &Client, delegate: &Person, kind: &str, principal: &Person) {
    log_in_as(client, delegate, "/").await;
    act_for(client, kind, principal).await;
}

/// A phone-sized browser in which `delegate` has logged in at the front page and acts for
/// `principal` (`child` or `adult`), under a banner that names the principal.
pub async fn phone_acting_for(delegate: &Person, kind: &str, principal: &Person) -> Browser {
    let client = phone().await;
    log_in_acting_for(&client, delegate, kind, principal).await;
    let banner = banner_name(&client).await;
    assert!(
        banner.contains(principal.first_name()),
        "the banner names {}: {banner}",
        principal.first_name()
    );
    client
}

/// The name in the banner that says whom the person acts for.
pub async fn banner_name(client: &Client) -> String {
    text_of(client, "acting-name").await
}

/// The basis the banner names (`guardian`, `mandate`, `registered_proxy`).
pub async fn basis(client: &Client) -> Option<String> {
    attr(&wait_testid(client, "acting-basis").await, "data-basis").await
}

/// The refusal shown on `/on-behalf`: its reason and text.
pub async fn refusal(client: &Client) -> (String, String) {
    let notice = wait_testid(client, "on-behalf-refusal").await;
    (
        attr(&notice, "data-reason").await.unwrap_or_default(),
        notice.text().await.unwrap(),
    )
}
