//! Finding 4: Prices by service date and correction windows from the original; ended vouchers
//! and reused idempotency keys.

use crate::helpers::Session;
use crate::producer::{agent_for, app, company, key, logged_visit, number, person};

#[tokio::test]
async fn an_event_is_priced_at_the_offer_valid_on_its_service_date() {
    let app = app();
    // Aurinko's price rose from 36 € to 40 € on 2026-11-15.
    app.price(1, "638", "home-care", "2026-11-15", 4000);
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    let visit = |key: String, date: &str| {
        serde_json::json!({"voucher_id": 10, "idempotency_key": key, "service_date": date,
            "units_x100": 100, "description": "Käynti"})
    };

    let before = agent
        .post("/api/producer/events", visit(key(1), "2026-11-10"))
        .await;
    let after = agent
        .post("/api/producer/events", visit(key(2), "2026-11-20"))
        .await;

    assert_eq!(before.status, 201, "{:?}", before.json);
    assert_eq!(before.json["unit_price_cents"], 3600);
    assert_eq!(before.json["own_share_cents"], 400);
    assert_eq!(after.json["unit_price_cents"], 4000);
    assert_eq!(after.json["own_share_cents"], 800);
    // A correction moved to the earlier date takes that date's price.
    let id = after.json["id"].as_i64().unwrap();
    let corrected = agent
        .correct_event(id, &key(3), "2026-11-12", 100, "Käynti, päivä korjattu")
        .await;
    assert_eq!(corrected.json["unit_price_cents"], 3600);
}

#[tokio::test]
async fn correcting_a_correction_does_not_extend_the_fourteen_days() {
    let mut app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let first = logged_visit(&agent, 100).await;
    let session = agent.id();

    // Ten days later: corrected (inside the window).
    app.advance(10 * 24 * 3600);
    let agent = Session::citizen(&app, person("Karl-Johan")).await;
    agent.act_for_company(company("Aurinko")).await;
    let correct = |id: i64, k: u32| {
        let agent = &agent;
        async move {
            agent
                .correct_event(id, &key(k), "2026-11-20", 150, "Korjattu")
                .await
        }
    };
    let second = correct(first, 2).await;
    assert_eq!(second.status, 201, "{:?}", second.json);
    let second = second.json["id"].as_i64().unwrap();
    let _ = session;
    drop(agent);

    // Fifteen days after the original: the correction is as locked as the original.
    app.advance(5 * 24 * 3600);
    let agent = Session::citizen(&app, person("Karl-Johan")).await;
    agent.act_for_company(company("Aurinko")).await;
    let late = agent
        .correct_event(second, &key(3), "2026-11-20", 100, "Korjattu taas")
        .await;
    assert_eq!(late.status, 409, "{:?}", late.json);
    assert_eq!(late.code(), "event_locked");
    let events = agent.get("/api/producer/vouchers/10").await.json["events"].clone();
    assert!(events
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["correctable"] == false));
}

#[tokio::test]
async fn ended_or_cancelled_vouchers_cannot_be_linked() {
    let app = app();
    app.sql(
        "UPDATE vouchers SET status = 'cancelled' WHERE id = 10;
         UPDATE vouchers SET valid_until = '2026-11-20' WHERE id = 20;",
    );
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    for n in [48_200_000_010, 48_200_000_020] {
        let res = agent.lookup(&number(n)).await;
        assert_eq!(res.status, 404, "{n}");
        assert_eq!(res.code(), "voucher_number_not_found");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM producer_vouchers"), 0);
}

#[tokio::test]
async fn an_idempotency_key_reused_for_another_visit_is_refused() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    assert_eq!(agent.log_event(10, &key(1), 100).await.status, 201);
    assert_eq!(
        agent.log_event(10, &key(1), 100).await.status,
        200,
        "a retry"
    );

    let other = agent.log_event(10, &key(1), 200).await;

    assert_eq!(other.status, 409);
    assert_eq!(other.code(), "idempotency_key_reused");
    assert_eq!(app.count("SELECT COUNT(*) FROM service_events"), 1);
    assert_eq!(app.balance(10), 32000 - 3200);
}
