//! Registered proxies: one in force per customer, with a basis, a scope and a validity; the
//! citizen side acts on exactly these records, scope included; the customer is told of both
//! registering and ending.

use super::{app, desk};
use crate::helpers::{assert_no_identity_code, cast, Session};
use serde_json::json;

fn daughter_for_mother(scope: &[&str]) -> serde_json::Value {
    json!({"hetu": cast::person("Anni").code(), "given_name": "Anni", "family_name": "Kumpulainen",
        "basis": "power_of_attorney", "scope": scope, "evidence": "Kirjallinen valtakirja 20.11.2026",
        "valid_from": "2026-11-21", "valid_until": "2027-11-20"})
}

#[tokio::test]
async fn a_registered_proxy_acts_within_the_scope_staff_gave_until_it_is_ended() {
    let app = app();
    let desk = desk(&app).await;

    let registered = desk
        .post(
            "/api/staff/customers/1/proxy",
            daughter_for_mother(&["view_vouchers", "view_access_log"]),
        )
        .await;
    assert_eq!(registered.status, 204, "{}", registered.json);
    let card = desk.get("/api/staff/customers/1").await;
    assert_eq!(card.json["proxy"]["given_name"], "Anni");
    assert_eq!(card.json["proxy"]["masked_hetu"], "220784-****");
    assert_eq!(card.json["proxy"]["basis"], "power_of_attorney");
    assert_no_identity_code(&card.json.to_string());

    let anni = Session::citizen(&app, cast::person("Anni")).await;
    assert_eq!(anni.act_for_registered(1).await.status, 204);
    let vouchers = anni.get("/api/citizen/vouchers").await;
    let access_log = anni.get("/api/citizen/access-log").await;
    let feedback = anni.give_feedback(10).await;
    assert_eq!(vouchers.json[0]["id"], 10);
    assert_eq!(access_log.status, 200);
    assert_eq!(
        access_log.json[0]["kind"], "staff",
        "she sees who looked at her mother's data"
    );
    assert_eq!(feedback.status, 403, "feedback is outside the scope");
    assert_eq!(feedback.code(), "no_right_to_act");

    let ended = desk
        .post(
            "/api/staff/customers/1/proxy/end",
            json!({"reason": "Valtakirja peruttiin"}),
        )
        .await;
    assert_eq!(ended.status, 204);
    assert_eq!(anni.get("/api/citizen/vouchers").await.status, 403);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM messages WHERE customer_id = 1 AND kind IN ('proxy_registered', 'proxy_ended')"
        ),
        2
    );
    let card = desk.get("/api/staff/customers/1").await;
    assert!(card.json["proxy"].is_null());
    assert_eq!(
        card.json["past_proxies"][0]["ended_reason"],
        "Valtakirja peruttiin"
    );
    let again = desk
        .post(
            "/api/staff/customers/1/proxy/end",
            json!({"reason": "Uudestaan"}),
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(again.code(), "no_proxy_in_force");
}

#[tokio::test]
async fn a_second_proxy_the_customer_themself_or_a_bad_validity_is_refused_and_nothing_changes() {
    let app = app();
    let desk = desk(&app).await;
    let registrations = || app.count("SELECT COUNT(*) FROM proxy_registrations");
    let mut themself = daughter_for_mother(&["view_vouchers"]);
    themself["hetu"] = json!(cast::person("Eeva-Liisa").code());
    let mut backwards = daughter_for_mother(&["view_vouchers"]);
    backwards["valid_until"] = json!("2026-11-20");
    let mut other_without_reason = daughter_for_mother(&["view_vouchers"]);
    other_without_reason["basis"] = json!("other");

    let own = desk.post("/api/staff/customers/1/proxy", themself).await;
    let reversed = desk.post("/api/staff/customers/1/proxy", backwards).await;
    let unexplained = desk
        .post("/api/staff/customers/1/proxy", other_without_reason)
        .await;
    let nothing = desk
        .post("/api/staff/customers/1/proxy", daughter_for_mother(&[]))
        .await;
    assert_eq!(registrations(), 0);
    let first = desk
        .post(
            "/api/staff/customers/1/proxy",
            daughter_for_mother(&["view_vouchers"]),
        )
        .await;
    let mut karl_johan = daughter_for_mother(&["view_vouchers"]);
    karl_johan["hetu"] = json!(cast::person("Karl-Johan").code());
    let second = desk.post("/api/staff/customers/1/proxy", karl_johan).await;

    assert_eq!((own.status, own.code()), (400, "proxy_is_customer"));
    assert_eq!(reversed.json["field"], "valid_until");
    assert_eq!(unexplained.json["field"], "justification");
    assert_eq!(nothing.json["field"], "scope");
    assert_eq!(first.status, 204);
    assert_eq!(
        (second.status, second.code()),
        (409, "proxy_already_registered")
    );
    assert_eq!(registrations(), 1);
    for res in [own, reversed, unexplained, nothing, second] {
        assert_no_identity_code(&res.json.to_string());
    }
}

#[tokio::test]
async fn a_registration_whose_validity_passed_is_ended_when_a_new_one_is_made() {
    let app = app();
    app.registered_proxy(1, cast::person("Karl-Johan"));
    app.sql("UPDATE proxy_registrations SET valid_until = '2026-11-20';");
    let desk = desk(&app).await;

    let new = desk
        .post(
            "/api/staff/customers/1/proxy",
            daughter_for_mother(&["view_vouchers"]),
        )
        .await;

    assert_eq!(new.status, 204, "{}", new.json);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM proxy_registrations WHERE ended_reason = 'expired'"),
        1
    );
}
