//! Voucher decisions: a draft with an income-related value and its computation, deciding
//! (a random voucher number, a message to the customer), delivery, amendment, early end and
//! annulment; bad input names its field and changes nothing.

use super::{app, assess, decided_voucher, desk, draft_income_related};
use crate::helpers::{cast, Session};
use serde_json::json;
use seteli_domain::voucher::VoucherNumber;

#[tokio::test]
async fn a_decided_income_related_voucher_shows_its_computation_and_reaches_the_customer() {
    let app = app();
    let desk = desk(&app).await;

    let document = decided_voucher(&desk, 2).await;

    // The ministry's example: 25 € − (900 € − 528 €) × 35 % / 60 = 22.83 € an hour.
    assert_eq!(document["status"], "decided");
    assert_eq!(document["unit_value_cents"], 2283);
    assert_eq!(document["granted_cents"], 2283 * 40);
    assert_eq!(document["computation"]["income_limit_cents"], 52_800);
    assert_eq!(document["computation"]["excess_income_cents"], 37_200);
    assert_eq!(document["computation"]["reduction_basis_points"], 3500);
    assert_eq!(document["decided_by_name"], "Sari Helena Virtanen");
    assert_eq!(document["decision_number"], "2026-00001");
    assert_eq!(document["organiser_name"], "Itä-Uudenmaan hyvinvointialue");
    assert!(document["appeal_address"]
        .as_str()
        .unwrap()
        .contains("Porvoo"));
    let number = document["voucher_number"].as_str().unwrap();
    assert!(VoucherNumber::parse(number).is_ok(), "{number}");
    let voucher = document["voucher_id"].as_i64().unwrap();
    assert_eq!(
        app.count(&format!(
            "SELECT balance_cents FROM vouchers WHERE id = {voucher}"
        )),
        2283 * 40
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM messages WHERE customer_id = 2 AND kind = 'voucher_decided'"
        ),
        1
    );

    // Anni sees the voucher, its decision beside it and the document.
    let anni = Session::citizen(&app, cast::person("Anni")).await;
    let detail = anni.get(&format!("/api/citizen/vouchers/{voucher}")).await;
    let decision = detail.json["decisions"][0]["id"].as_i64().unwrap();
    let her_document = anni
        .get(&format!("/api/citizen/decisions/{decision}"))
        .await;
    let messages = anni.get("/api/citizen/messages").await;
    assert_eq!(detail.status, 200);
    assert_eq!(her_document.status, 200);
    assert_eq!(her_document.json["computation"]["value_cents"], 2283);
    assert_eq!(messages.json[0]["kind"], "voucher_decided");
    // Eeva-Liisa cannot read Anni's decision: 404 as a missing one.
    let eeva_liisa = Session::citizen(&app, cast::person("Eeva-Liisa")).await;
    let not_hers = eeva_liisa
        .get(&format!("/api/citizen/decisions/{decision}"))
        .await;
    assert_eq!(not_hers.status, 404);
    assert_eq!(
        not_hers.json,
        eeva_liisa.get("/api/citizen/decisions/999").await.json
    );
}

#[tokio::test]
async fn a_draft_is_the_organisers_until_decided_and_each_step_happens_once() {
    let app = app();
    let desk = desk(&app).await;
    let assessment = assess(&desk, 2).await;
    let draft = draft_income_related(&desk, 2, assessment, 50_000).await;
    let id = draft.json["id"].as_i64().unwrap();
    let anni = Session::citizen(&app, cast::person("Anni")).await;

    let before = anni.get(&format!("/api/citizen/decisions/{id}")).await;
    let deliver_draft = desk
        .post(
            &format!("/api/staff/decisions/{id}/deliver"),
            json!({"via": "post"}),
        )
        .await;
    let decided = desk
        .post(&format!("/api/staff/decisions/{id}/decide"), json!({}))
        .await;
    let twice = desk
        .post(&format!("/api/staff/decisions/{id}/decide"), json!({}))
        .await;
    let delivered = desk
        .post(
            &format!("/api/staff/decisions/{id}/deliver"),
            json!({"via": "post"}),
        )
        .await;

    assert_eq!(before.status, 404, "a draft is not the customer's yet");
    assert_eq!(deliver_draft.status, 409);
    assert_eq!(deliver_draft.code(), "decision_wrong_state");
    assert_eq!(decided.status, 200);
    // Under the limit: the full value.
    assert_eq!(decided.json["unit_value_cents"], 2500);
    assert_eq!(decided.json["computation"]["at_minimum"], false);
    assert_eq!(twice.status, 409);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM vouchers WHERE customer_id = 2"),
        2
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE kind = 'voucher_decided'"),
        1
    );
    assert_eq!(delivered.json["status"], "delivered");
    assert_eq!(delivered.json["delivered_via"], "post");
}

#[tokio::test]
async fn bad_decisions_name_their_field_and_store_nothing() {
    let app = app();
    let desk = desk(&app).await;
    let assessment = assess(&desk, 1).await;
    let decisions = || app.count("SELECT COUNT(*) FROM voucher_decisions");
    let base = json!({"customer_id": 1, "assessment_id": assessment, "service_code": "home-care",
        "household": {"size": 1, "gross_monthly_income_cents": 90000}, "granted_units": 40,
        "valid_from": "2026-12-01", "valid_until": "2027-05-31"});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let cases = [
        (
            with("valid_until", json!("2026-11-30")),
            "invalid_decision",
            "valid_until",
        ),
        (
            with("unit_value_cents", json!(2600)),
            "value_above_maximum",
            "unit_value_cents",
        ),
        (
            with("unit_value_cents", json!(2000)),
            "invalid_decision",
            "unit_value_cents",
        ),
        (
            with("household", serde_json::Value::Null),
            "invalid_decision",
            "household",
        ),
        (
            with("granted_cents", json!(100_000)),
            "invalid_decision",
            "granted_units",
        ),
        (
            with("assessment_id", json!(999)),
            "invalid_decision",
            "assessment_id",
        ),
        (
            with("amends_voucher_id", json!(20)),
            "invalid_decision",
            "amends_voucher_id",
        ),
    ];
    for (body, code, field) in cases {
        let res = desk.post("/api/staff/decisions", body).await;
        assert_eq!(res.status, 400, "{field}: {}", res.json);
        assert_eq!(res.code(), code, "{field}");
        assert_eq!(res.json["field"], field);
    }
    assert_eq!(decisions(), 0);
    // A service without an income table needs a value typed by staff.
    let cleaning = desk
        .post(
            "/api/staff/customers/1/assessments",
            json!({"assessed_on": "2026-11-20", "assessor": "Sari Virtanen", "service_code": "cleaning",
                "summary": "Siivousapu", "outcome": "voucher"}),
        )
        .await;
    let plain = json!({"customer_id": 1, "assessment_id": cleaning.json["id"], "service_code": "cleaning",
        "granted_cents": 50000, "valid_from": "2026-12-01", "valid_until": "2027-05-31"});
    let without_value = desk.post("/api/staff/decisions", plain.clone()).await;
    let mut valued = plain;
    valued["unit_value_cents"] = json!(2800);
    let ok = desk.post("/api/staff/decisions", valued).await;
    assert_eq!(without_value.json["field"], "unit_value_cents");
    assert_eq!(ok.status, 201, "{}", ok.json);
}

#[tokio::test]
async fn an_amendment_changes_the_voucher_keeps_what_was_used_and_supersedes_the_decision() {
    let app = app();
    let desk = desk(&app).await;
    let first = decided_voucher(&desk, 2).await;
    let voucher = first["voucher_id"].as_i64().unwrap();
    let number = first["voucher_number"].clone();
    // 50 € of it was used.
    app.sql(&format!(
        "UPDATE vouchers SET balance_cents = balance_cents - 5000 WHERE id = {voucher};"
    ));
    let assessment = assess(&desk, 2).await;
    let amend = |units: i64| {
        json!({"customer_id": 2, "assessment_id": assessment, "service_code": "home-care",
            "household": {"size": 2, "gross_monthly_income_cents": 90000}, "granted_units": units,
            "valid_from": "2026-12-01", "valid_until": "2027-11-30", "amends_voucher_id": voucher})
    };

    let draft = desk.post("/api/staff/decisions", amend(60)).await;
    let id = draft.json["id"].as_i64().unwrap();
    let decided = desk
        .post(&format!("/api/staff/decisions/{id}/decide"), json!({}))
        .await;

    assert_eq!(decided.status, 200, "{}", decided.json);
    assert_eq!(decided.json["voucher_number"], number, "the same voucher");
    assert_eq!(decided.json["unit_value_cents"], 2500);
    assert_eq!(
        app.count(&format!(
            "SELECT balance_cents FROM vouchers WHERE id = {voucher}"
        )),
        2500 * 60 - 5000
    );
    let card = desk.get("/api/staff/customers/2").await;
    let statuses: Vec<&str> = card.json["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["decided", "superseded"]);
    // Less than was used (10 € for one hour at the minimum) cannot be granted.
    let tiny = desk
        .post(
            "/api/staff/decisions",
            json!({"customer_id": 2, "assessment_id": assessment, "service_code": "home-care",
                "household": {"size": 1, "gross_monthly_income_cents": 900_000}, "granted_units": 1,
                "valid_from": "2026-12-01", "valid_until": "2027-11-30", "amends_voucher_id": voucher}),
        )
        .await;
    let tiny_id = tiny.json["id"].as_i64().unwrap();
    let refused = desk
        .post(&format!("/api/staff/decisions/{tiny_id}/decide"), json!({}))
        .await;
    assert_eq!(refused.status, 409);
    assert_eq!(refused.code(), "amend_below_used");
}

#[tokio::test]
async fn a_voucher_ends_early_or_is_annulled_only_while_nothing_is_logged_under_it() {
    let app = app();
    let desk = desk(&app).await;
    let fresh = decided_voucher(&desk, 2).await["voucher_id"]
        .as_i64()
        .unwrap();

    let annul_used = desk
        .post("/api/staff/vouchers/20/annul", json!({"reason": "Virhe"}))
        .await;
    let end_in_past = desk
        .post(
            "/api/staff/vouchers/20/end",
            json!({"end_on": "2026-11-20", "reason": "Muutti"}),
        )
        .await;
    let ended = desk
        .post(
            "/api/staff/vouchers/20/end",
            json!({"end_on": "2026-11-30", "reason": "Muutti pois kunnasta"}),
        )
        .await;
    let annulled = desk
        .post(
            &format!("/api/staff/vouchers/{fresh}/annul"),
            json!({"reason": "Päätös tehtiin väärälle asiakkaalle"}),
        )
        .await;

    assert_eq!(annul_used.status, 409);
    assert_eq!(annul_used.code(), "voucher_has_events");
    assert_eq!(end_in_past.json["field"], "end_on");
    assert_eq!(ended.status, 204);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM vouchers WHERE id = 20 AND valid_until = '2026-11-30'"),
        1
    );
    assert_eq!(annulled.status, 204);
    let card = desk.get("/api/staff/customers/2").await;
    let annulled_voucher = card.json["vouchers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == fresh)
        .cloned()
        .unwrap();
    assert_eq!(annulled_voucher["status"], "cancelled");
    assert_eq!(card.json["decisions"][0]["status"], "annulled");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE customer_id = 2 AND kind IN ('voucher_ended', 'voucher_annulled')"),
        2
    );
}

#[tokio::test]
async fn decision_numbers_follow_the_organisers_highest_of_the_year() {
    let app = app();
    // An earlier decision of the year numbered 2026-00007 (numbers need not be dense).
    app.assessment(50, 1);
    app.decision(7, 1, 50, "decided", Some(10));

    let desk = desk(&app).await;
    let decided = decided_voucher(&desk, 2).await;

    assert_eq!(decided["decision_number"], "2026-00008");
}
