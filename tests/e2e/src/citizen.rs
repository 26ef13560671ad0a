//! A customer's own pages in the browser.

use crate::{js, wait_testid};
use fantoccini::{Client, Locator};

/// Opens the first voucher and sends feedback on its producer; the test id that answered.
pub async fn give_feedback(client: &Client, text: &str) -> String {
    // To the navigation at the top of the page, as a person would scroll: further down the
    // sticky banner covers the header.
    js(client, "window.scrollTo(0, 0)").await;
    wait_testid(client, "nav-my-vouchers")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, "voucher-link")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, "feedback-body")
        .await
        .send_keys(text)
        .await
        .unwrap();
    wait_testid(client, "feedback-submit")
        .await
        .click()
        .await
        .unwrap();
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

/// Logs out from the header; returns once the login button is back.
pub async fn log_out(client: &Client) {
    js(client, "window.scrollTo(0, 0)").await;
    wait_testid(client, "logout").await.click().await.unwrap();
    wait_testid(client, "login").await;
}
