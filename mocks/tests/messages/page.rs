//! The page of what each recipient received.

use crate::{electronic, Mock};
use reqwest::StatusCode;
use serde_json::json;

impl Mock {
    async fn page(&self) -> String {
        let res = self.get("/").await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        res.text().await.unwrap()
    }
}

/// The part of `page` about the recipient whose heading is `name`, up to the next one.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page
        .find(&format!(">{name}</h2>"))
        .unwrap_or_else(|| panic!("no heading for {name}"));
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap()]
}

#[tokio::test]
async fn the_page_lists_each_message_under_its_recipient_and_nothing_yet_for_others() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    let (status, _) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("page-1", "220784-926C"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = mock.send_paper(&token, "page-2").await;
    assert_eq!(status, StatusCode::OK);
    let read = mock
        .post_json(
            "/dev/events",
            json!({"externalId": "page-1", "type": "Electronic message read"}),
        )
        .await;
    assert_eq!(read.status(), StatusCode::OK);

    let page = mock.page().await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("<h1>"));
    let anni = section(&page, "Anni Emilia Kumpulainen");
    assert!(anni.contains("Electronic mailbox: active"));
    assert!(anni.contains("<th scope=\"col\">Channel</th>"));
    assert!(anni.contains("<th scope=\"row\">Palvelusetelipäätös</th>"));
    assert!(anni.contains("<td>page-1</td>"));
    assert!(anni.contains("<td>electronic</td>"));
    assert!(anni.contains("Electronic message read"));

    let helmi = section(&page, "Helmi Annikki Lindqvist");
    assert!(helmi.contains("Electronic mailbox: not in use"));
    assert!(helmi.contains("<td>paper</td>"));
    assert!(helmi.contains("<td>page-2</td>"));
    assert!(helmi.contains("Sent for printing and enveloping"));

    let mikko = section(&page, "Mikko Tapani Kumpulainen");
    assert!(mikko.contains("Nothing received yet."));
    assert!(!mikko.contains("<table"));
    // Companies are named too, and no identity code is in a URL (the page has no links).
    assert!(section(&page, "Rova Oy").contains("Nothing received yet."));
    assert!(!page.contains("href=") && !page.contains("action="));
}

#[tokio::test]
async fn the_page_says_when_an_outage_or_a_delay_is_on() {
    let mock = Mock::start().await;
    mock.dev("/dev/outage", json!({"down": true})).await;
    mock.dev("/dev/slow", json!({"delayMs": 50})).await;
    let page = mock.page().await;
    assert!(page.contains("data-testid=\"outage\""));
    assert!(page.contains("delayed by 50 ms"));
}
