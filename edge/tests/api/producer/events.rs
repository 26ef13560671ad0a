//! Service events with their balance: idempotency, bounds, concurrency, corrections and
//! cancellations.

use super::{agent_for, app, key, logged_visit, number, person};
use crate::helpers::{Session, TestResponse};

#[tokio::test]
async fn an_event_lowers_the_balance_once_even_when_retried() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    // Not linked yet: like any voucher that is not the producer's.
    assert_eq!(agent.log_event(10, &key(1), 150).await.status, 404);
    agent.lookup(&number(48_200_000_010)).await;

    let first = agent.log_event(10, &key(1), 150).await;
    assert_eq!(first.status, 201, "{:?}", first.json);
    // 1.5 h at 36 €: the voucher pays 1.5 × 32 €, the customer the rest.
    assert_eq!(first.json["voucher_share_cents"], 4800);
    assert_eq!(first.json["own_share_cents"], 600);
    assert_eq!(first.json["correctable"], true);
    assert_eq!(first.json["unit"], "hour");
    assert_eq!(app.balance(10), 32000 - 4800);

    let retry = agent.log_event(10, &key(1), 150).await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json["id"], first.json["id"]);
    assert_eq!(app.balance(10), 32000 - 4800);
    assert_eq!(app.count("SELECT COUNT(*) FROM service_events"), 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM producer_log WHERE action = 'log_event'"),
        1
    );

    // The customer sees it among the voucher's events.
    let eeva = Session::citizen(&app, person("Eeva-Liisa")).await;
    let seen = eeva.get("/api/citizen/vouchers/10").await;
    assert_eq!(seen.json["events"][0]["description"], "Aamukäynti");
    assert_eq!(seen.json["voucher"]["balance_cents"], 32000 - 4800);
}

#[tokio::test]
async fn events_out_of_bounds_are_refused_and_change_nothing() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    for (date, units) in [
        ("2026-11-22", 100),
        ("2025-12-31", 100),
        ("2026-11-20", 0),
        ("2026-11-20", 2401),
    ] {
        let res = agent
            .post(
                "/api/producer/events",
                serde_json::json!({"voucher_id": 10, "idempotency_key": key(9), "service_date": date,
                    "units_x100": units, "description": "x"}),
            )
            .await;
        assert_eq!(res.code(), "invalid_event", "{date} {units}");
    }
    // More than the balance: 10 h are 320 €, 10.01 h are not covered.
    assert_eq!(
        agent.log_event(10, &key(2), 1001).await.code(),
        "insufficient_balance"
    );
    assert_eq!(app.balance(10), 32000);
    assert_eq!(app.count("SELECT COUNT(*) FROM service_events"), 0);
    assert_eq!(agent.log_event(10, &key(3), 1000).await.status, 201);
    assert_eq!(app.balance(10), 0);
}

#[tokio::test]
async fn fifty_parallel_submissions_never_overdraw_the_balance() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    // 50 events of 1 h (32 € from the voucher each) against 320 €, each sent twice.
    let keys: Vec<String> = (0..50).map(key).collect();
    let sends = keys
        .iter()
        .chain(keys.iter())
        .map(|k| agent.log_event(10, k, 100));
    let results = futures_join_all(sends).await;
    let created = results.iter().filter(|r| r.status == 201).count();
    let refused = results.iter().filter(|r| r.status == 409).count();
    assert_eq!(created, 10, "exactly what the balance covers");
    assert_eq!(
        created + refused + results.iter().filter(|r| r.status == 200).count(),
        100
    );
    assert_eq!(app.balance(10), 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM service_events"), 10);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(voucher_share_cents), 0) FROM service_events WHERE voucher_id = 10"),
        32000
    );
}

#[tokio::test]
async fn an_event_is_corrected_or_cancelled_within_fourteen_days_keeping_the_original() {
    let mut app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    let first = agent.log_event(10, &key(1), 200).await.json;
    let id = first["id"].as_i64().unwrap();
    assert_eq!(app.balance(10), 32000 - 6400);

    let corrected = agent
        .correct_event(id, &key(2), "2026-11-20", 100, "Aamukäynti, korjattu")
        .await;
    assert_eq!(corrected.status, 201, "{:?}", corrected.json);
    assert_eq!(corrected.json["corrects"], id);
    assert_eq!(app.balance(10), 32000 - 3200);
    let detail = agent.get("/api/producer/vouchers/10").await.json;
    let statuses: Vec<&str> = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["recorded", "cancelled"], "the original is kept");
    // The original cannot be corrected or cancelled again.
    let again = agent.cancel_event(id).await;
    assert_eq!(again.code(), "event_locked");
    assert_eq!(app.balance(10), 32000 - 3200);

    let new_id = corrected.json["id"].as_i64().unwrap();
    app.advance(15 * 24 * 3600);
    // A new day, a new login.
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let late = agent.cancel_event(new_id).await;
    assert_eq!(late.status, 409);
    assert_eq!(late.code(), "event_locked");
}

#[tokio::test]
async fn a_cancelled_event_returns_its_share() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let id = logged_visit(&agent, 100).await;
    let cancelled = agent.cancel_event(id).await;
    assert_eq!(cancelled.status, 200);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert_eq!(app.balance(10), 32000);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM producer_log WHERE action = 'cancel_event'"),
        1
    );
}

/// Polls every future in turn until all are done (the edge's futures are not `Send`).
async fn futures_join_all<F: std::future::Future<Output = TestResponse>>(
    futures: impl Iterator<Item = F>,
) -> Vec<TestResponse> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut results: Vec<Option<TestResponse>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, result) in pinned.iter_mut().zip(results.iter_mut()) {
            if result.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(r) => *result = Some(r),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    results.into_iter().flatten().collect()
}
