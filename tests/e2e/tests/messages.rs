//! Notifications on the real stack (workerd, local D1, the Messages mock): with Suomi.fi
//! Messages down, a message written on someone's behalf waits in the outbox and the
//! customer's page says so; when the service is back, the scheduled job delivers it —
//! exactly once, even with two runs at once.

use seteli_e2e::*;

/// The Worker retries a failed delivery after a minute (`domain::delivery`).
const FIRST_RETRY: std::time::Duration = std::time::Duration::from_secs(62);

#[tokio::test]
async fn a_message_waits_while_messages_is_down_and_goes_out_once_when_it_returns() {
    messages_dev("/dev/outage", r#"{"down": true}"#).await;
    let client = proxy::phone_acting_for(person("Anni"), "adult", person("Eeva-Liisa")).await;
    let answered = citizen::give_feedback(&client, "Hoitaja oli ystävällinen.").await;
    assert_eq!(answered, "feedback-sent");

    click(&client, "nav-messages").await;
    let message = wait_testid(&client, "message").await;
    let id = attr(&message, "data-message-id").await.unwrap();
    let status = wait_testid(&client, "message-status").await;
    assert_eq!(
        attr(&status, "data-status").await.as_deref(),
        Some("queued")
    );
    let sent_for = |id: &str| {
        let id = id.to_owned();
        async move {
            messages_received()
                .await
                .into_iter()
                .filter(|m| m["externalId"] == id.as_str())
                .count()
        }
    };
    assert_eq!(sent_for(&id).await, 0);

    messages_dev("/dev/outage", r#"{"down": false}"#).await;
    tokio::time::sleep(FIRST_RETRY).await;
    // Two runs of the Cron Trigger at once.
    let cron = "GET /__scheduled?cron=*/5+*+*+*+* HTTP/1.1";
    let (a, b) = tokio::join!(http(cron, ""), http(cron, ""));
    assert_eq!((a.status, b.status), (200, 200));
    assert_eq!(sent_for(&id).await, 1, "delivered exactly once");

    client.refresh().await.unwrap();
    let status = wait_testid(&client, "message-status").await;
    assert_eq!(attr(&status, "data-status").await.as_deref(), Some("sent"));
    assert!(serious_accessibility_violations(&client).await.is_empty());
    client.close().await.unwrap();
}
