//! A producer's bank account: checked (mod 97), in effect only once the organiser's finance
//! confirms it, both logged (who may enter one: `seteli_domain::permissions`' tests); the
//! producer's statements are its own and never drafts.

use super::{app, finance, gathered_one, step, visit};
use crate::helpers::{cast, Session};
use serde_json::json;

#[tokio::test]
async fn a_new_account_takes_effect_only_once_finance_confirms_it() {
    let app = app();
    let karl_johan = Session::citizen(&app, cast::person("Karl-Johan")).await;
    karl_johan.act_for_company(cast::company("Aurinko")).await;
    let bad = karl_johan
        .post(
            "/api/producer/account",
            json!({"iban": "FI21 1234 5600 0007 86"}),
        )
        .await;
    assert_eq!(
        (bad.status, bad.json["field"].as_str()),
        (400, Some("iban"))
    );
    let entered = karl_johan
        .post(
            "/api/producer/account",
            json!({"iban": "fi46 1020 3000 0123 45"}),
        )
        .await;
    assert_eq!(entered.status, 201, "{}", entered.json);
    assert_eq!(entered.json["pending"], "FI46 1020 3000 0123 45");
    assert_eq!(entered.json["confirmed"], "FI69 4055 0010 2001 23");

    // Until finance confirms, payments go to the account in effect.
    visit(&app, 1, 10, "2026-10-03", 3200);
    let talous = finance(&app).await;
    let (id, settlement) = gathered_one(&talous, "2026-10").await;
    assert_eq!(settlement["account"]["state"], "pending");
    assert_eq!(settlement["account"]["masked"], "•••• 0123");
    let waiting = talous.get("/api/staff/producer-accounts").await.json;
    let account = &waiting["accounts"][0];
    assert_eq!(account["iban"], "FI46 1020 3000 0123 45");
    assert_eq!(account["previous"], "FI69 4055 0010 2001 23");
    assert_eq!(account["entered_by_name"], "Karl-Johan Fredrik Nyström");
    let account_id = account["id"].as_i64().unwrap();
    // Helsinki's finance cannot confirm Itä-Uusimaa's producer's account.
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-talous")).await;
    let theirs = helsinki
        .post(
            &format!("/api/staff/producer-accounts/{account_id}/confirm"),
            json!({}),
        )
        .await;
    assert_eq!(theirs.status, 404);
    let confirmed = talous
        .post(
            &format!("/api/staff/producer-accounts/{account_id}/confirm"),
            json!({}),
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.json);
    assert!(confirmed.json["accounts"].as_array().unwrap().is_empty());
    let again = talous
        .post(
            &format!("/api/staff/producer-accounts/{account_id}/reject"),
            json!({}),
        )
        .await;
    assert_eq!((again.status, again.code()), (409, "account_wrong_state"));
    // Both are on record: who entered, who decided.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM producer_accounts WHERE iban = 'FI4610203000012345' AND status = 'confirmed'
             AND entered_by_name = 'Karl-Johan Fredrik Nyström' AND decided_by = 'talous'"
        ),
        1
    );
    assert_eq!(step(&talous, id, "confirm", json!({})).await.status, 200);
    let file = super::payment_file(&talous, "2026-10").await;
    assert!(file.contains("<IBAN>FI4610203000012345</IBAN>"), "{file}");

    // The producer reads its statement, not drafts, and never another company's.
    let statements = karl_johan.get("/api/producer/statements").await.json;
    assert_eq!(statements["statements"][0]["id"], id);
    assert_eq!(
        statements["statements"][0]["organiser_name"],
        "Itä-Uudenmaan hyvinvointialue"
    );
    let statement = karl_johan
        .get(&format!("/api/producer/statements/{id}"))
        .await;
    assert_eq!(statement.json["lines"][0]["event_id"], 1);
    let anni = Session::citizen(&app, cast::person("Anni")).await;
    app.approved_company(2, cast::company("Rova"), 3600);
    anni.act_for_company(cast::company("Rova")).await;
    assert_eq!(
        anni.get(&format!("/api/producer/statements/{id}"))
            .await
            .status,
        404
    );
}
