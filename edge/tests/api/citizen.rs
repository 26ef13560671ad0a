//! A customer's own vouchers, events, feedback and surveys.

use crate::helpers::{cast, Mocks, Session, TestApp, TestResponse, Voucher};
use seteli_edge::http::Method;

/// Anni (customer 1) has an active home-care voucher 10 with two events by producer 1 and
/// an ended cleaning voucher 11; Mikko (customer 2) has voucher 20. Producer 2 never served
/// Anni.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    app.approved_home_care(1, "Hoiva Oy", 3600);
    app.approved_home_care(2, "Muu Oy", 3000);
    app.customer(1, cast::person("Anni"));
    app.customer(2, cast::person("Mikko"));
    app.voucher(&Voucher {
        granted_units: Some(40),
        granted_cents: 128000,
        balance_cents: 118400,
        ..Voucher::home_care(10, 48_219_930_117, 1)
    });
    app.voucher(&Voucher {
        year: 2025,
        ..Voucher::cleaning(11, 48_219_930_118, 1)
    });
    app.voucher(&Voucher::home_care(20, 48_219_930_119, 2));
    app.sql(
        "INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100, unit_price_cents,
                                     voucher_share_cents, own_share_cents, created_at) VALUES
             (100, 10, 1, '2026-11-02', 'Aamukäynti', 100, 3600, 3200, 400, '2026-11-02T08:00:00Z'),
             (101, 10, 1, '2026-11-09', 'Aamukäynti ja kauppa', 150, 3600, 4800, 600, '2026-11-09T08:00:00Z');",
    );
    app
}

/// Anni's browser, logged in.
async fn anni(app: &TestApp<Mocks>) -> Session<'_> {
    Session::citizen(app, cast::person("Anni")).await
}

/// What Anni's browser is answered at `path`.
async fn anni_gets(path: &str) -> TestResponse {
    let app = app();
    let answer = anni(&app).await.get(path).await;
    answer
}

fn rows(app: &TestApp<Mocks>, table: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) FROM {table}"))
}

fn survey(voucher: i64, producer: i64, scores: [u8; 4]) -> serde_json::Value {
    serde_json::json!({"voucher_id": voucher, "producer_id": producer, "overall": scores[0],
                       "punctuality": scores[1], "staff": scores[2], "information": scores[3], "comment": "Hyvä"})
}

#[tokio::test]
async fn a_customer_sees_their_own_vouchers_valid_ones_first() {
    let res = anni_gets("/api/citizen/vouchers").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), Some("no-store"));
    let list = res.json.as_array().unwrap();
    assert_eq!(list.len(), 2, "not customer 2's voucher");
    assert_eq!(list[0]["id"], 10);
    assert_eq!(list[0]["status"], "active");
    assert_eq!(list[0]["balance_cents"], 118400);
    assert_eq!(list[0]["granted_cents"], 128000);
    assert_eq!(list[0]["granted_units"], 40);
    assert_eq!(
        list[0]["number"].as_str().unwrap().len(),
        14,
        "shown in groups of four"
    );
    assert_eq!(list[1]["status"], "ended", "validity passed");
    assert!(!res.json.to_string().contains(cast::person("Anni").code()));
}

#[tokio::test]
async fn a_voucher_page_lists_its_events_newest_first_with_both_shares() {
    let res = anni_gets("/api/citizen/vouchers/10?lang=sv").await;

    assert_eq!(res.status, 200);
    assert_eq!(res.json["voucher"]["service_name"], "Hemvård");
    let events = res.json["events"].as_array().unwrap();
    assert_eq!(
        events
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [101, 100]
    );
    assert_eq!(events[0]["voucher_share_cents"], 4800);
    assert_eq!(events[0]["own_share_cents"], 600);
    assert_eq!(events[0]["units_x100"], 150);
    assert_eq!(res.json["producers"][0]["producer_name"], "Hoiva Oy");
    assert_eq!(
        res.json["producers"][0]["survey_answered_this_month"],
        false
    );
}

#[tokio::test]
async fn another_customers_voucher_answers_exactly_like_a_missing_one() {
    let app = app();
    let f = anni(&app).await;

    let others = f.get("/api/citizen/vouchers/20").await;
    let missing = f.get("/api/citizen/vouchers/999").await;
    let malformed = f.get("/api/citizen/vouchers/abc").await;

    for res in [&others, &missing, &malformed] {
        assert_eq!(res.status, 404);
        assert_eq!(res.code(), "voucher_not_found");
    }
    assert_eq!(others.json, missing.json);
}

#[tokio::test]
async fn a_person_who_is_not_a_customer_has_no_vouchers() {
    let app = TestApp::with_identification();
    let karl_johan = Session::citizen(&app, cast::person("Karl-Johan")).await;

    let list = karl_johan.get("/api/citizen/vouchers").await;
    let feedback = karl_johan.get("/api/citizen/feedback").await;

    assert_eq!(list.json, serde_json::json!([]));
    assert_eq!(feedback.json, serde_json::json!([]));
}

#[tokio::test]
async fn every_citizen_route_needs_a_login() {
    let app = TestApp::new();
    app.assert_refused(
        &[
            "GET /api/citizen/vouchers",
            "GET /api/citizen/vouchers/10",
            "GET /api/citizen/feedback",
            "POST /api/citizen/feedback",
            "POST /api/citizen/surveys",
        ],
        401,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn feedback_on_a_producer_that_served_is_stored_and_shows_the_reply() {
    let app = app();
    let f = anni(&app).await;

    let res = f
        .post("/api/citizen/feedback", serde_json::json!({"voucher_id": 10, "producer_id": 1, "event_id": 101, "body": "  Kiitos avusta!  "}))
        .await;

    assert_eq!(res.status, 201);
    assert_eq!(res.json["body"], "Kiitos avusta!");
    assert_eq!(res.json["producer_name"], "Hoiva Oy");
    assert!(res.json.get("reply").is_none());
    let id = res.json["id"].as_i64().unwrap();
    app.sql(&format!(
        "INSERT INTO feedback_replies (feedback_id, producer_id, body, created_at) VALUES ({id}, 1, 'Kiitos palautteesta.', '2026-11-21T12:00:00Z');"
    ));
    let list = f.get("/api/citizen/feedback").await;
    assert_eq!(list.json[0]["reply"]["body"], "Kiitos palautteesta.");
}

#[tokio::test]
async fn refused_feedback_changes_nothing() {
    let app = app();
    let f = anni(&app).await;
    let cases = [
        serde_json::json!({"voucher_id": 10, "producer_id": 2, "body": "Never served me"}),
        serde_json::json!({"voucher_id": 20, "producer_id": 1, "body": "Someone else's voucher"}),
        serde_json::json!({"voucher_id": 10, "producer_id": 1, "event_id": 999, "body": "No such visit"}),
        serde_json::json!({"voucher_id": 10, "producer_id": 1, "body": "   "}),
        serde_json::json!({"voucher_id": 10, "producer_id": 1, "body": "x".repeat(2001)}),
    ];
    for body in cases {
        let res = f.post("/api/citizen/feedback", body.clone()).await;
        assert_eq!(res.status, 400, "{body}");
        assert_eq!(res.code(), "invalid_feedback");
    }
    let not_json = f
        .app
        .request_with_body(
            Method::Post,
            "/api/citizen/feedback",
            &[("cookie", &f.cookie()), ("content-type", "text/plain")],
            "hi",
        )
        .await;
    assert_eq!(not_json.code(), "invalid_body");
    assert_eq!(rows(&app, "feedback"), 0);
}

#[tokio::test]
async fn a_survey_is_answered_at_most_once_a_month_per_voucher_and_producer() {
    let mut app = app();
    let f = anni(&app).await;

    let first = f
        .post("/api/citizen/surveys", survey(10, 1, [5, 4, 5, 3]))
        .await;
    let again = f
        .post("/api/citizen/surveys", survey(10, 1, [1, 1, 1, 1]))
        .await;
    let detail = f.get("/api/citizen/vouchers/10").await;

    assert_eq!(first.status, 201);
    assert_eq!(first.json["period"], "2026-11");
    assert_eq!(again.status, 409);
    assert_eq!(again.code(), "survey_already_answered");
    assert_eq!(
        detail.json["producers"][0]["survey_answered_this_month"],
        true
    );
    assert_eq!(app.ctx.db.scalar("SELECT overall * 1000 + punctuality * 100 + staff * 10 + information FROM survey_answers").unwrap(), 5453);

    app.advance(15 * 24 * 3600); // December
    let f = anni(&app).await;
    let next_month = f
        .post("/api/citizen/surveys", survey(10, 1, [4, 4, 4, 4]))
        .await;
    assert_eq!(next_month.status, 201);
    assert_eq!(next_month.json["period"], "2026-12");
}

#[tokio::test]
async fn a_survey_with_a_bad_answer_is_refused() {
    let app = app();
    let f = anni(&app).await;
    let mut missing = survey(10, 1, [5, 5, 5, 5]);
    missing.as_object_mut().unwrap().remove("staff");
    let mut long = survey(10, 1, [5, 5, 5, 5]);
    long["comment"] = "x".repeat(1001).into();

    for body in [
        survey(10, 1, [0, 5, 5, 5]),
        survey(10, 1, [5, 6, 5, 5]),
        missing,
        long,
        survey(10, 2, [5, 5, 5, 5]),
    ] {
        let res = f.post("/api/citizen/surveys", body.clone()).await;
        assert_eq!(res.status, 400, "{body}");
        assert_eq!(res.code(), "invalid_survey");
    }
    assert_eq!(rows(&app, "survey_answers"), 0);
}

#[tokio::test]
async fn a_cross_site_feedback_post_is_refused() {
    let app = app();
    let f = anni(&app).await;
    let body =
        serde_json::json!({"voucher_id": 10, "producer_id": 1, "body": "forged"}).to_string();

    let res = f
        .app
        .request_with_body(
            Method::Post,
            "/api/citizen/feedback",
            &[
                ("cookie", &f.cookie()),
                ("content-type", "application/json"),
                ("origin", "https://evil.example"),
            ],
            &body,
        )
        .await;

    assert_eq!(res.status, 403);
    assert_eq!(rows(&app, "feedback"), 0);
}

#[tokio::test]
async fn a_customer_never_sees_another_customers_feedback() {
    let app = app();
    let f = anni(&app).await;
    app.sql(
        "INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100, unit_price_cents,
                                     voucher_share_cents, own_share_cents, created_at)
             VALUES (200, 20, 1, '2026-11-03', 'Käynti', 100, 3600, 3200, 400, '2026-11-03T08:00:00Z');
         INSERT INTO feedback (customer_id, producer_id, voucher_id, event_id, body, created_at)
             VALUES (2, 1, 20, 200, 'Olli''s private feedback', '2026-11-04T08:00:00Z');",
    );

    let mine = f.get("/api/citizen/feedback").await;
    let others_events = f.get("/api/citizen/vouchers/20").await;

    assert_eq!(mine.json, serde_json::json!([]));
    assert!(!mine.json.to_string().contains("Olli"));
    assert_eq!(others_events.status, 404, "nor another customer's events");
}
