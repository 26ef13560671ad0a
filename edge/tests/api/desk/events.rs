//! Checking events: by voucher, producer and period; a dispute the producer sees on its
//! voucher page and answers once; the desk home lists what waits; income tables.

use super::{app, decided_voucher, desk};
use crate::helpers::{cast, Session};
use serde_json::json;
use seteli_domain::voucher::VoucherNumber;

/// Karl-Johan acting for Aurinko, with Eeva-Liisa's voucher 10 linked.
async fn aurinko(app: &crate::helpers::TestApp<crate::helpers::Mocks>) -> Session<'_> {
    let karl_johan = Session::citizen(app, cast::person("Karl-Johan")).await;
    karl_johan.act_for_company(cast::company("Aurinko")).await;
    let number = VoucherNumber::from_body(48_219_930_001).unwrap();
    assert_eq!(karl_johan.lookup(number.as_str()).await.status, 200);
    karl_johan
}

#[tokio::test]
async fn a_disputed_event_reaches_the_producer_who_answers_once() {
    let app = app();
    let desk = desk(&app).await;

    let listed = desk
        .get("/api/staff/events?voucher=10&from=2026-11-01&to=2026-11-30")
        .await;
    let disputed = desk
        .post(
            "/api/staff/events/100/check",
            json!({"status": "disputed", "note": "Asiakas oli sairaalassa 2.11."}),
        )
        .await;
    let no_note = desk
        .post("/api/staff/events/200/check", json!({"status": "disputed"}))
        .await;
    let home = desk.get("/api/staff/desk").await;

    assert_eq!(listed.status, 200);
    let ids: Vec<i64> = listed.json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![100]);
    assert_eq!(disputed.json["check"]["status"], "disputed");
    assert_eq!(no_note.json["field"], "note");
    assert_eq!(home.json["disputed"][0]["id"], 100);

    let karl_johan = aurinko(&app).await;
    let page = karl_johan.get("/api/producer/vouchers/10").await;
    assert_eq!(
        page.json["events"][0]["check"]["note"],
        "Asiakas oli sairaalassa 2.11."
    );
    let answered = karl_johan
        .post(
            "/api/producer/events/100/answer",
            json!({"body": "Käynti tehtiin 3.11., päivä oli kirjattu väärin."}),
        )
        .await;
    let twice = karl_johan
        .post(
            "/api/producer/events/100/answer",
            json!({"body": "Uudestaan"}),
        )
        .await;
    let not_disputed = karl_johan
        .post("/api/producer/events/200/answer", json!({"body": "x"}))
        .await;

    assert_eq!(answered.status, 200, "{}", answered.json);
    assert_eq!(
        answered.json["check"]["answer"],
        "Käynti tehtiin 3.11., päivä oli kirjattu väärin."
    );
    assert_eq!((twice.status, twice.code()), (409, "no_open_dispute"));
    assert_eq!(not_disputed.status, 409);
    // The answer is in the producer log on the customer's card.
    let card = desk.get("/api/staff/customers/1").await;
    assert_eq!(card.json["producer_log"][0]["action"], "answer_dispute");
    assert_eq!(
        card.json["events"][0]["check"]["answer"],
        answered.json["check"]["answer"]
    );
    // Checking it again closes the dispute.
    desk.post("/api/staff/events/100/check", json!({"status": "checked"}))
        .await;
    let home = desk.get("/api/staff/desk").await;
    assert_eq!(home.json["disputed"], json!([]));
}

#[tokio::test]
async fn the_desk_home_shows_drafts_undelivered_decisions_and_vouchers_ending_soon() {
    let app = app();
    let desk = desk(&app).await;
    decided_voucher(&desk, 2).await;
    // Voucher 20 ends within 30 days.
    app.sql("UPDATE vouchers SET valid_until = '2026-12-10' WHERE id = 20;");

    let home = desk.get("/api/staff/desk").await;
    let finance = Session::staff(&app, cast::staff_user("talous"))
        .await
        .get("/api/staff/desk")
        .await;

    assert_eq!(home.json["organiser_name"], "Itä-Uudenmaan hyvinvointialue");
    assert_eq!(home.json["drafts"], json!([]));
    assert_eq!(home.json["undelivered"][0]["customer_id"], 2);
    assert_eq!(home.json["ending_soon"][0]["id"], 20);
    assert_eq!(finance.status, 200);
    assert_eq!(
        finance.json["undelivered"],
        json!([]),
        "customers are customer service's"
    );
}

#[tokio::test]
async fn finance_edits_the_income_table_and_a_broken_one_changes_nothing() {
    let app = app();
    let finance = Session::staff(&app, cast::staff_user("talous")).await;
    let desk = desk(&app).await;
    let table = |rows: serde_json::Value| {
        json!({"service_code": "home-care", "full_value_cents": 3000, "minimum_value_cents": 1200,
            "rows": rows, "limit_step_cents": 39400, "reduction_step_basis_points": 100,
            "units_per_month": 60, "rounding_cents": 1})
    };

    let broken = finance
        .post(
            "/api/staff/income-tables",
            table(json!([[1, 61200, 3500], [2, 50000, 2200]])),
        )
        .await;
    let by_desk = desk
        .post("/api/staff/income-tables", table(json!([[1, 61200, 3500]])))
        .await;
    assert_eq!(
        app.count(
            "SELECT full_value_cents FROM income_tables WHERE organiser_code = 'ita-uusimaa'"
        ),
        2500
    );
    let saved = finance
        .post("/api/staff/income-tables", table(json!([[1, 61200, 3500]])))
        .await;
    let read = desk.get("/api/staff/income-tables").await;

    assert_eq!(
        (broken.status, broken.json["field"].as_str()),
        (400, Some("rows"))
    );
    assert_eq!(by_desk.status, 403);
    assert_eq!(saved.status, 200, "{}", saved.json);
    assert_eq!(read.json["tables"][0]["full_value_cents"], 3000);
    assert_eq!(read.json["tables"][0]["updated_by"], "talous");
}
