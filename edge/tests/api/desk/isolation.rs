//! Organiser isolation: another organiser's customer, decision, voucher and event answer
//! exactly as missing ones do, on every staff route, and nothing is changed or logged.

use super::{app, decided_voucher, desk, helsinki};
use serde_json::json;

#[tokio::test]
async fn helsinki_cannot_reach_porvoos_resident_and_is_told_exactly_what_a_missing_one_gives() {
    let app = app();
    let decision = decided_voucher(&desk(&app).await, 2).await;
    let decision_id = decision["id"].as_i64().unwrap();
    let voucher = decision["voucher_id"].as_i64().unwrap();
    let helsinki = helsinki(&app).await;
    let writes_before = app.count(
        "SELECT (SELECT COUNT(*) FROM staff_access_log) + (SELECT COUNT(*) FROM need_assessments)
              + (SELECT COUNT(*) FROM proxy_registrations) + (SELECT COUNT(*) FROM event_checks)
              + (SELECT COUNT(*) FROM messages)",
    );
    // (Porvoo's, missing) pairs: each must answer the same.
    let pairs = [
        (
            "GET",
            "/api/staff/customers/2".to_owned(),
            "/api/staff/customers/999".to_owned(),
            json!(null),
        ),
        (
            "POST",
            "/api/staff/customers/2/reveal".into(),
            "/api/staff/customers/999/reveal".into(),
            json!({}),
        ),
        (
            "POST",
            "/api/staff/customers/2/contact".into(),
            "/api/staff/customers/999/contact".into(),
            json!({"non_disclosure": true}),
        ),
        (
            "POST",
            "/api/staff/customers/2/assessments".into(),
            "/api/staff/customers/999/assessments".into(),
            json!({"assessed_on": "2026-11-20", "assessor": "X", "service_code": "home-care", "summary": "x",
                "outcome": "voucher"}),
        ),
        (
            "POST",
            "/api/staff/customers/2/proxy/end".into(),
            "/api/staff/customers/999/proxy/end".into(),
            json!({"reason": "x"}),
        ),
        (
            "GET",
            format!("/api/staff/decisions/{decision_id}"),
            "/api/staff/decisions/999".into(),
            json!(null),
        ),
        (
            "POST",
            format!("/api/staff/decisions/{decision_id}/deliver"),
            "/api/staff/decisions/999/deliver".into(),
            json!({"via": "post"}),
        ),
        (
            "POST",
            format!("/api/staff/vouchers/{voucher}/end"),
            "/api/staff/vouchers/999/end".into(),
            json!({"end_on": "2026-12-01", "reason": "x"}),
        ),
        (
            "POST",
            "/api/staff/events/200/check".into(),
            "/api/staff/events/999/check".into(),
            json!({"status": "checked"}),
        ),
    ];
    for (method, porvoo, missing, body) in pairs {
        let call = |path: String| {
            let body = body.clone();
            let helsinki = &helsinki;
            async move {
                match method {
                    "GET" => helsinki.get(&path).await,
                    _ => helsinki.post(&path, body).await,
                }
            }
        };
        let theirs = call(porvoo.clone()).await;
        let nobodys = call(missing).await;
        assert_eq!(theirs.status, 404, "{porvoo}: {}", theirs.json);
        assert_eq!(theirs.json, nobodys.json, "{porvoo}");
    }
    // A draft for Porvoo's customer: the customer is not found.
    let draft = helsinki
        .post(
            "/api/staff/decisions",
            json!({"customer_id": 2, "assessment_id": 1, "service_code": "home-care", "unit_value_cents": 3000,
                "granted_units": 10, "valid_from": "2026-12-01", "valid_until": "2027-05-31"}),
        )
        .await;
    assert_eq!((draft.status, draft.code()), (404, "customer_not_found"));
    // Searches and lists find nobody of Porvoo's.
    let search = helsinki
        .post(
            "/api/staff/customers/search",
            json!({"hetu": crate::helpers::cast::person("Anni").code()}),
        )
        .await;
    let events = helsinki.get("/api/staff/events").await;
    let home = helsinki.get("/api/staff/desk").await;
    assert_eq!(search.json["customers"], json!([]));
    assert_eq!(events.json["events"], json!([]));
    assert_eq!(home.json["undelivered"], json!([]));
    assert_eq!(home.json["organiser_name"], "Helsingin kaupunki");
    let writes_after = app.count(
        "SELECT (SELECT COUNT(*) FROM staff_access_log) + (SELECT COUNT(*) FROM need_assessments)
              + (SELECT COUNT(*) FROM proxy_registrations) + (SELECT COUNT(*) FROM event_checks)
              + (SELECT COUNT(*) FROM messages)",
    );
    assert_eq!(
        writes_after, writes_before,
        "nothing changed and nothing was logged"
    );
}
