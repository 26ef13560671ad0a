//! Scenario C: a guardian declares they may act alone. The declaration is stored with the
//! application, the handler sees it flagged, and the named other guardian is told; a
//! rejection shows its reasons and where to appeal.

use super::{acting_for, app, count, desk, form, sent};
use crate::helpers::cast;
use serde_json::json;

#[tokio::test]
async fn a_declared_right_goes_straight_to_the_queue_flagged_and_the_other_guardian_is_told() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let declared = json!({"kind": "declared", "right": {"kind": "agreed_outside"},
        "inform": {"given_name": "Mikko Tapani", "family_name": "Kumpulainen",
                   "hetu": cast::person("Mikko").code()}});
    let application = sent(&anni, form(declared)).await;
    let id = application["id"].as_i64().unwrap();
    assert_eq!(application["status"]["state"], "submitted");
    assert!(application["consents"].as_array().unwrap().is_empty());

    let porvoo = desk(&app).await;
    let queue = porvoo.get("/api/staff/resident-applications").await.json;
    let item = &queue["applications"][0];
    assert_eq!(item["declared"]["kind"], "agreed_outside");
    assert_eq!(item["applicant_name"], "Anni Emilia Kumpulainen");
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM voucher_applications WHERE case_id = {id} AND declared_right = 'agreed_outside'")
        ),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM messages WHERE kind = 'guardian_informed' AND to_hetu = '091182-931V'"
        ),
        1
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM consent_requests"), 0);

    // Rejected with reasons: the applicant reads them with the appeal address.
    porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/take"),
            json!({}),
        )
        .await;
    let no_reasons = porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/reject"),
            json!({}),
        )
        .await;
    assert_eq!(no_reasons.status, 400, "{}", no_reasons.json);
    let rejected = porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/reject"),
            json!({"comment": "Tarve täyttyy kunnan omana palveluna."}),
        )
        .await;
    assert_eq!(rejected.status, 200, "{}", rejected.json);
    let seen = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(seen["status"]["state"], "rejected");
    assert!(
        seen["appeal_address"].as_str().unwrap().contains("Porvoo"),
        "{seen}"
    );
    let last = seen["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["comment"], "Tarve täyttyy kunnan omana palveluna.");
}

#[tokio::test]
async fn an_adult_applies_for_themselves_and_sending_makes_a_new_resident_a_customer() {
    let app = app();
    // Karl-Johan is nobody's customer yet.
    let karl_johan = crate::helpers::Session::citizen(&app, cast::person("Karl-Johan")).await;
    let mut own = form(serde_json::Value::Null);
    own["need"] = json!("Tarvitsen apua kotitöissä leikkauksen jälkeen.");
    // Without a municipality of his own known, he must choose one.
    let mut without = own.clone();
    without["municipality_code"] = serde_json::Value::Null;
    let refused = karl_johan.post("/api/citizen/applications", without).await;
    assert_eq!(
        (refused.status, refused.json["field"].as_str()),
        (400, Some("municipality_code"))
    );
    let application = super::sent(&karl_johan, own).await;
    assert_eq!(application["applies_for"], "myself");
    assert_eq!(application["status"]["state"], "submitted");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM customers WHERE hetu = '280175-967D' AND municipality_code = '638'
             AND given_name = 'Karl-Johan Fredrik' AND family_name = 'Nyström'"
        ),
        1
    );
    let listed = karl_johan.get("/api/citizen/applications").await.json;
    assert_eq!(
        listed["applications"].as_array().unwrap().len(),
        1,
        "{listed}"
    );
    assert_eq!(listed["home_municipality"], "638");
}

#[tokio::test]
async fn a_mandate_holder_applies_for_an_adult_with_the_application_issue() {
    let app = app();
    app.customer(4, cast::person("Karl-Johan"));
    let mikko = crate::helpers::Session::citizen(&app, cast::person("Mikko")).await;
    assert!(mikko
        .act_for_adult(cast::person("Karl-Johan"))
        .await
        .starts_with("/my/"));
    let mut own = form(serde_json::Value::Null);
    own["need"] = json!("Karl-Johan tarvitsee apua kotitöissä.");
    let application = super::sent(&mikko, own).await;
    assert_eq!(application["applies_for"], "adult");
    assert_eq!(application["applicant_name"], "Mikko Tapani Kumpulainen");
    assert_eq!(application["status"]["state"], "submitted");
    // A shared matter is a child's only.
    let mut shared = form(super::mikko_consents());
    shared["service_code"] = json!("home-care");
    let started = mikko.post("/api/citizen/applications", shared).await;
    let id = started.json["id"].as_i64().unwrap();
    let refused = mikko
        .post(&format!("/api/citizen/applications/{id}/send"), json!({}))
        .await;
    assert_eq!(
        (refused.status, refused.json["field"].as_str()),
        (400, Some("shared"))
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = 4
             AND action = 'apply_for_voucher' AND basis = 'mandate' AND result = 'allowed'"
        ),
        3
    );
}

#[tokio::test]
async fn a_guardian_applies_for_a_child_who_is_not_a_customer_and_sending_makes_him_one() {
    let app = app();
    // Neither Karl-Johan nor Oskar is anybody's customer; Karl-Johan has sole custody.
    let karl_johan = acting_for(&app, "Karl-Johan", "Oskar").await;
    let oskar = cast::person("Oskar").code();
    let listed = karl_johan.get("/api/citizen/applications").await.json;
    assert_eq!(listed["applies_for"], "child");
    assert_eq!(listed["principal_name"], "Oskar Johannes Nyström");
    assert!(listed["home_municipality"].is_null(), "{listed}");

    let mut own = form(json!({"kind": "declared", "right": {"kind": "sole_custody"}}));
    own["need"] = json!("Oskar tarvitsee apua iltapäivisin koulun jälkeen.");
    let application = sent(&karl_johan, own).await;
    assert_eq!(application["applies_for"], "child");
    assert_eq!(application["status"]["state"], "submitted");
    // Sending made him Porvoo's customer under the names Valtuudet gave …
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM customers WHERE hetu = '{oskar}' AND municipality_code = '638'
                 AND given_name = 'Oskar Johannes' AND family_name = 'Nyström'"
            )
        ),
        1
    );
    // … and the trail of everything Karl-Johan did for him is now the customer's.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id IS NULL"
        ),
        0
    );
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM on_behalf_log l JOIN customers c ON c.id = l.principal_customer_id
                 WHERE c.hetu = '{oskar}' AND l.action IN ('choose', 'apply_for_voucher')
                   AND l.result = 'allowed'"
            )
        ),
        3,
        "the choice, starting and sending"
    );
    // Customer service sees it flagged as declared sole custody, for Oskar.
    let queue = desk(&app)
        .await
        .get("/api/staff/resident-applications")
        .await
        .json;
    let item = &queue["applications"][0];
    assert_eq!(item["declared"]["kind"], "sole_custody");
    assert_eq!(item["principal_name"], "Oskar Johannes Nyström");
    assert_eq!(item["applicant_name"], "Karl-Johan Fredrik Nyström");
}
