//! A customer's own pages in the browser.

use crate::{click, press, send_keys_to};
use fantoccini::{Client, Locator};

/// Opens the first voucher and sends feedback on its producer; the test id that answered.
pub async fn give_feedback(client: &Client, text: &str) -> String {
    click(client, "nav-my-vouchers").await;
    press(client, "voucher-link").await;
    send_feedback(client, text).await
}

/// Sends feedback from the voucher page open now; the test id that answered
/// (`feedback-sent` or `feedback-server-error`).
pub async fn send_feedback(client: &Client, text: &str) -> String {
    send_keys_to(client, "feedback-body", text).await;
    press(client, "feedback-submit").await;
    let answer = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css(
            "[data-testid=feedback-sent], [data-testid=feedback-server-error]",
        ))
        .await
        .expect("an answer to the feedback");
    answer.attr("data-testid").await.unwrap().unwrap()
}
