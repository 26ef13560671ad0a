//! Acting for someone else in the browser: the on-behalf page, the Valtuudet mock's
//! selection page, the banner and the refusals.

use crate::wait_testid;
use fantoccini::Client;
use seteli_mocks::identification::people::Person;

/// From the navigation to the Valtuudet selection page (`child` or `adult`).
pub async fn open_selection(client: &Client, kind: &str) {
    wait_testid(client, "nav-on-behalf")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, &format!("act-for-{kind}"))
        .await
        .click()
        .await
        .unwrap();
}

/// Picks `principal` on the selection page.
pub async fn pick(client: &Client, principal: &str) {
    wait_testid(client, &format!("principal-{principal}"))
        .await
        .click()
        .await
        .unwrap();
}

/// From the navigation through the selection page (`child` or `adult`), picking `principal`.
pub async fn act_for(client: &Client, kind: &str, principal: &Person) {
    open_selection(client, kind).await;
    pick(client, principal.code()).await;
}

/// The name in the banner that says whom the person acts for.
pub async fn banner_name(client: &Client) -> String {
    wait_testid(client, "acting-name")
        .await
        .text()
        .await
        .unwrap()
}

/// The refusal shown on `/on-behalf`: its reason and text.
pub async fn refusal(client: &Client) -> (String, String) {
    let notice = wait_testid(client, "on-behalf-refusal").await;
    (
        notice
            .attr("data-reason")
            .await
            .unwrap()
            .unwrap_or_default(),
        notice.text().await.unwrap(),
    )
}
