//! The Messages client and the delivery job against the mock: the token is fetched once and
//! kept until it expires, a stale token is renewed once, a reused externalId counts as
//! delivered, failures are retried with growing waits and given up after a day, and an
//! outage or a slow answer never sends a message twice — even with two runs at once.

use super::{deliver, person, queue, received_for, status};
use crate::helpers::{Mocks, TestApp};
use seteli_domain::delivery::GIVE_UP_AFTER_SECS;

fn app() -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    for (id, name) in [(1, "Eeva-Liisa"), (2, "Anni"), (5, "Karl-Johan")] {
        app.customer(id, person(name));
    }
    app
}

/// How many times the edge called `path` at the mock.
fn calls(app: &TestApp<Mocks>, path: &str) -> usize {
    let calls = app.ctx.http.messages.calls.lock().unwrap();
    calls.iter().filter(|c| c.as_str() == path).count()
}

#[tokio::test]
async fn the_token_is_kept_until_it_expires_and_a_stale_one_is_renewed_once() {
    let mut app = app();
    queue(&app, 1, "voucher_decided");
    queue(&app, 2, "voucher_decided");
    deliver(&app).await;
    assert_eq!(calls(&app, "/v1/token"), 1);

    app.advance(3_000);
    queue(&app, 5, "voucher_decided");
    deliver(&app).await;
    assert_eq!(calls(&app, "/v1/token"), 1, "still valid: no new token");

    // Within a minute of its end the token is renewed before use.
    app.advance(560);
    queue(&app, 1, "proxy_ended");
    deliver(&app).await;
    assert_eq!(calls(&app, "/v1/token"), 2);

    // A token the service no longer accepts: one 401, one new token, and the send goes on.
    app.sql("UPDATE service_state SET value = 'revoked' WHERE name = 'messages.token';");
    let id = queue(&app, 2, "proxy_ended");
    deliver(&app).await;
    assert_eq!(calls(&app, "/v1/token"), 3);
    assert_eq!(status(&app, id), "sent");
    assert_eq!(app.ctx.http.messages.received().await.len(), 5);
}

#[tokio::test]
async fn a_message_the_service_already_has_counts_as_delivered() {
    let app = app();
    let id = queue(&app, 1, "voucher_decided");
    deliver(&app).await;
    let remote = app.count(&format!("SELECT remote_id FROM messages WHERE id = {id}"));
    // As if the run had stopped after the send and before writing it down.
    app.sql(&format!(
        "UPDATE messages SET status = 'queued', remote_id = NULL WHERE id = {id};"
    ));

    let report = deliver(&app).await;
    assert_eq!(report.handed_over, 1, "{report:?}");
    assert_eq!(status(&app, id), "sent");
    assert_eq!(
        app.count(&format!("SELECT remote_id FROM messages WHERE id = {id}")),
        remote,
        "the 409 names the message sent before"
    );
    assert_eq!(received_for(&app, id).await.len(), 1);
}

#[tokio::test]
async fn an_outage_is_retried_with_growing_waits_and_nothing_is_sent_twice() {
    let mut app = app();
    let ids = [
        queue(&app, 1, "voucher_decided"),
        queue(&app, 2, "voucher_decided"),
        queue(&app, 5, "voucher_decided"),
    ];
    let mock = &app.ctx.http.messages;
    mock.outage(true).await;
    let report = deliver(&app).await;
    assert_eq!(report.retried, 3, "{report:?}");
    assert!(ids.iter().all(|id| status(&app, *id) == "queued"));
    assert_eq!(
        app.ctx
            .db
            .text(&format!(
                "SELECT last_error FROM messages WHERE id = {}",
                ids[0]
            ))
            .unwrap(),
        "HTTP 503"
    );

    // Not due again for a minute: a run before then tries no message.
    let tried = calls(&app, "/v1/token");
    app.advance(59);
    assert_eq!(deliver(&app).await, Default::default());
    assert_eq!(
        calls(&app, "/v1/token"),
        tried + 1,
        "only the events feed was asked"
    );
    // The second failure waits two minutes.
    app.advance(1);
    assert_eq!(deliver(&app).await.retried, 3);
    app.advance(119);
    assert_eq!(deliver(&app).await.retried, 0);

    // The service is back; two runs at once deliver each message exactly once.
    app.ctx.http.messages.outage(false).await;
    app.advance(1);
    let (a, b) = tokio::join!(deliver(&app), deliver(&app));
    assert_eq!(a.handed_over + b.handed_over, 3, "{a:?} {b:?}");
    for id in ids {
        assert_eq!(status(&app, id), "sent");
        assert_eq!(received_for(&app, id).await.len(), 1, "message {id}");
    }
    assert_eq!(app.ctx.http.messages.received().await.len(), 3);
}

#[tokio::test]
async fn a_message_still_failing_after_a_day_is_marked_failed() {
    let mut app = app();
    let id = queue(&app, 1, "voucher_decided");
    *app.ctx.http.messages.up.lock().unwrap() = false;
    deliver(&app).await;
    app.advance(GIVE_UP_AFTER_SECS - 1);
    assert_eq!(deliver(&app).await.retried, 1);
    assert_eq!(status(&app, id), "queued");
    app.advance(7_200);
    let report = deliver(&app).await;
    assert_eq!(report.failed, 1, "{report:?}");
    assert_eq!(status(&app, id), "failed");
    // A failed message is not tried again, even when the service is back.
    *app.ctx.http.messages.up.lock().unwrap() = true;
    app.advance(7_200);
    assert_eq!(deliver(&app).await.handed_over, 0);
    assert!(received_for(&app, id).await.is_empty());
}

#[tokio::test]
async fn an_answer_that_comes_too_late_is_retried_and_sent_once() {
    let mut app = app();
    let id = queue(&app, 1, "voucher_decided");
    // The mock takes the message and answers after the Worker's 3 s limit.
    app.ctx.http.messages.slow(3_200).await;
    let report = deliver(&app).await;
    assert_eq!(report.retried, 1, "{report:?}");
    assert_eq!(status(&app, id), "queued");

    app.ctx.http.messages.slow(0).await;
    app.advance(60);
    assert_eq!(deliver(&app).await.handed_over, 1);
    assert_eq!(status(&app, id), "sent");
    assert_eq!(received_for(&app, id).await.len(), 1);
}

#[tokio::test]
async fn a_refusal_by_the_service_fails_the_message_at_once() {
    let app = app();
    let id = queue(&app, 1, "voucher_decided");
    // A service id the service does not know: every send is refused (400) for good.
    let mut messages = crate::helpers::MessagesMock::config();
    messages.service_id = "unknown-service".into();
    let report = seteli_edge::messages::delivery::deliver_due(
        &app.ctx.db,
        &app.ctx.http,
        Some(&messages),
        crate::helpers::PUBLIC_URL,
        app.ctx.now,
    )
    .await
    .unwrap();
    assert_eq!(report.failed, 1, "{report:?}");
    assert_eq!(status(&app, id), "failed");
    let error = app
        .ctx
        .db
        .text(&format!("SELECT last_error FROM messages WHERE id = {id}"))
        .unwrap();
    assert!(error.starts_with("HTTP 400"), "{error}");
    assert!(!error.contains(person("Eeva-Liisa").code()));
}
