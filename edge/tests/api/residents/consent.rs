//! Scenario B end to end: Anni, acting for Eetu, applies and names Mikko; Mikko sees the
//! request, acts for Eetu, reads the application and consents; it reaches customer service,
//! who decides a voucher from it, which approves the application.

use super::{acting_for, app, count, desk, form, mikko_consents, sent};
use crate::helpers::{cast, Session};
use serde_json::json;

#[tokio::test]
async fn a_guardians_application_waits_for_the_other_guardians_consent_and_becomes_a_voucher() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;

    // The form offers Porvoo's home care, income-related, with Eetu's home municipality.
    let own = anni.get("/api/citizen/applications").await.json;
    assert_eq!(own["applies_for"], "child");
    assert_eq!(own["principal_name"], "Eetu Kumpulainen");
    assert_eq!(own["home_municipality"], "638");
    assert!(own["offered"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["service_code"] == "home-care" && o["income_related"] == true));

    // A draft saves with little in it; the municipality defaults to Eetu's.
    let started = anni
        .post(
            "/api/citizen/applications",
            json!({"service_code": "home-care", "need": "Apua aamuisin"}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.json);
    let id = started.json["id"].as_i64().unwrap();
    let draft = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(draft["status"]["state"], "draft");
    assert_eq!(draft["form"]["municipality_code"], "638");
    // Customer service never sees a draft.
    let porvoo = desk(&app).await;
    let queue = porvoo.get("/api/staff/resident-applications").await.json;
    assert!(
        queue["applications"].as_array().unwrap().is_empty(),
        "{queue}"
    );

    // The whole form: Mikko's code is shown back masked, and kept when sent back masked.
    let saved = anni
        .post(
            &format!("/api/citizen/applications/{id}"),
            form(mikko_consents()),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.json);
    let masked = saved.json["form"]["shared"]["others"][0]["hetu"].clone();
    assert_eq!(masked, "091182-****");
    // The municipality's table gives 25 € − (1 500 € − 974 €) × 22 % / 60 = 23.08 € an hour.
    assert_eq!(saved.json["value_preview_cents"], 2308);
    let resaved = anni
        .post(
            &format!("/api/citizen/applications/{id}"),
            saved.json["form"].clone(),
        )
        .await;
    assert_eq!(resaved.status, 200, "{}", resaved.json);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM voucher_applications WHERE case_id = {id} AND form_json LIKE '%091182-931V%'"
            )
        ),
        1
    );

    // Sent: it waits on Mikko, who is asked through the outbox.
    let sent = anni
        .post(&format!("/api/citizen/applications/{id}/send"), json!({}))
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);
    assert_eq!(sent.json["status"]["state"], "consenting");
    assert_eq!(
        sent.json["consents"][0]["guardian_name"],
        "Mikko Tapani Kumpulainen"
    );
    assert_eq!(sent.json["consents"][0]["status"], "pending");
    assert_eq!(sent.json["consents"][0]["last_day"], "2026-12-05");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM messages WHERE kind = 'consent_requested'
             AND to_hetu = '091182-931V' AND to_name = 'Mikko Tapani Kumpulainen'"
        ),
        1
    );
    // The handler sees whose consent is missing, and cannot take it yet.
    let queue = porvoo.get("/api/staff/resident-applications").await.json;
    assert_eq!(queue["applications"][0]["status"]["state"], "consenting");
    assert_eq!(
        queue["applications"][0]["consent_missing"],
        json!(["Mikko Tapani Kumpulainen"])
    );
    let early = porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/take"),
            json!({}),
        )
        .await;
    assert_eq!(early.status, 409, "{}", early.json);

    // Mikko sees the request as himself, but reads and answers it only acting for Eetu.
    let mikko = Session::citizen(&app, cast::person("Mikko")).await;
    let requests = mikko.get("/api/citizen/consent-requests").await.json;
    assert_eq!(requests[0]["child_name"], "Eetu Kumpulainen");
    assert_eq!(requests[0]["applicant_name"], "Anni Emilia Kumpulainen");
    assert_eq!(requests[0]["status"], "pending");
    let request = requests[0]["id"].as_i64().unwrap();
    let as_himself = mikko
        .get(&format!("/api/citizen/consent-requests/{request}"))
        .await;
    assert_eq!(as_himself.status, 403);
    assert_eq!(as_himself.json["code"], "not_the_named_guardian");
    assert!(mikko
        .act_for_child(cast::person("Eetu"))
        .await
        .starts_with("/my/"));
    let read = mikko
        .get(&format!("/api/citizen/consent-requests/{request}"))
        .await;
    assert_eq!(read.status, 200, "{}", read.json);
    assert_eq!(
        read.json["application"]["form"]["need"],
        "Eetu tarvitsee apua aamuisin ennen koulua."
    );
    let consented = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": true}),
        )
        .await;
    assert_eq!(consented.status, 200, "{}", consented.json);
    assert_eq!(consented.json["request"]["status"], "given");
    assert_eq!(
        consented.json["application"]["status"]["state"],
        "submitted"
    );
    // Both acts are in Eetu's trail.
    let trail: Vec<(String, String)> = count_trail(&app, 2);
    assert!(trail.contains(&("Anni Emilia Kumpulainen".into(), "apply_for_voucher".into())));
    assert!(trail.contains(&("Mikko Tapani Kumpulainen".into(), "answer_consent".into())));

    // Customer service takes it, drafts the decision from it and decides: approved.
    let taken = porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/take"),
            json!({}),
        )
        .await;
    assert_eq!(taken.status, 200, "{}", taken.json);
    assert_eq!(taken.json["customer_id"], 2);
    // The customer card lists the application with who applied.
    let card = porvoo.get("/api/staff/customers/2").await.json;
    assert_eq!(card["applications"][0]["id"], id);
    assert_eq!(
        card["applications"][0]["applicant_name"],
        "Anni Emilia Kumpulainen"
    );
    let assessment = porvoo
        .post(
            "/api/staff/customers/2/assessments",
            json!({"assessed_on": "2026-11-21", "assessor": "Sari Virtanen", "service_code": "home-care",
                "summary": "Hakemuksen mukaan", "outcome": "voucher"}),
        )
        .await;
    assert_eq!(assessment.status, 201, "{}", assessment.json);
    let drafted = porvoo
        .post(
            "/api/staff/decisions",
            json!({"customer_id": 2, "assessment_id": assessment.json["id"], "service_code": "home-care",
                "household": {"size": 2, "gross_monthly_income_cents": 150_000}, "granted_units": 40,
                "valid_from": "2026-12-01", "valid_until": "2027-05-31", "application_id": id}),
        )
        .await;
    assert_eq!(drafted.status, 201, "{}", drafted.json);
    let decision = drafted.json["id"].as_i64().unwrap();
    let decided = porvoo
        .post(
            &format!("/api/staff/decisions/{decision}/decide"),
            json!({}),
        )
        .await;
    assert_eq!(decided.status, 200, "{}", decided.json);
    assert_eq!(decided.json["unit_value_cents"], 2308);
    let after = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(after["status"]["state"], "approved");
    assert_eq!(after["decision_id"], decision);
    assert!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM messages WHERE customer_id = 2 AND kind = 'voucher_application_changed' AND case_id = {id}")
        ) >= 2,
        "Eetu's guardian is told of each change"
    );
    // The handler's reads and steps are in Eetu's "who has looked at my data".
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM staff_access_log WHERE customer_id = 2 AND what = 'application_change'"
        ) >= 2
    );
}

/// (actor, action) of the allowed entries in customer `customer`'s trail.
fn count_trail(
    app: &crate::helpers::TestApp<crate::helpers::Mocks>,
    customer: i64,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for action in ["apply_for_voucher", "answer_consent"] {
        let n = app.count(&format!(
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = {customer}
             AND action = '{action}' AND result = 'allowed'"
        ));
        let who = app
            .ctx
            .db
            .text(&format!(
                "SELECT COALESCE(MAX(actor_name), '') FROM on_behalf_log WHERE principal_customer_id = {customer}
                 AND action = '{action}' AND result = 'allowed'"
            ))
            .unwrap_or_default();
        if n > 0 {
            out.push((who, action.to_owned()));
        }
    }
    out
}

#[tokio::test]
async fn a_decline_stops_the_application_with_the_reason_shown_to_the_applicant() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let application = sent(&anni, form(mikko_consents())).await;
    let id = application["id"].as_i64().unwrap();
    let request = application["consents"][0]["id"].as_i64().unwrap();
    let mikko = acting_for(&app, "Mikko", "Eetu").await;
    // Mikko reads Eetu's application but is not its applicant: nothing on it is his to do.
    let read = mikko
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(read["may_write"], false);
    assert_eq!(read["consents"][0]["may_resend"], false);
    let own = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(own["may_write"], true);

    // A decline needs a reason.
    let bare = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": false, "comment": " "}),
        )
        .await;
    assert_eq!(
        (bare.status, bare.json["field"].as_str()),
        (400, Some("comment"))
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consent_requests WHERE status = 'pending'"
        ),
        1
    );

    let declined = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": false, "comment": "Haemme ensin kunnan omaa palvelua."}),
        )
        .await;
    assert_eq!(declined.status, 200, "{}", declined.json);
    let seen = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(seen["status"]["state"], "declined");
    assert_eq!(seen["consents"][0]["status"], "declined");
    assert_eq!(
        seen["consents"][0]["comment"],
        "Haemme ensin kunnan omaa palvelua."
    );
    let last = seen["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["comment"], "Haemme ensin kunnan omaa palvelua.");
    // Closed: answering again, or sending it on, changes nothing.
    let again = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": true}),
        )
        .await;
    assert_eq!(
        (again.status, again.json["code"].as_str()),
        (409, Some("consent_already_answered"))
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM cases WHERE state = 'declined'"),
        1
    );
}

#[tokio::test]
async fn guardians_the_applicant_did_not_know_are_asked_by_the_handler() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let unknown = json!({"kind": "consent", "others": [], "unknown": true});
    let application = sent(&anni, form(unknown)).await;
    let id = application["id"].as_i64().unwrap();
    // Nobody named: straight to the queue, flagged.
    assert_eq!(application["status"]["state"], "submitted");
    let porvoo = desk(&app).await;
    let queue = porvoo.get("/api/staff/resident-applications").await.json;
    assert_eq!(queue["applications"][0]["guardians_unknown"], true);
    porvoo
        .post(
            &format!("/api/staff/resident-applications/{id}/take"),
            json!({}),
        )
        .await;

    // The handler finds Mikko (outside Seteli) and asks him; the child or the applicant
    // cannot be asked.
    let ask = format!("/api/staff/resident-applications/{id}/ask-consent");
    for (who, name) in [("Eetu", "Eetu"), ("Anni", "Anni")] {
        let refused = porvoo
            .post(
                &ask,
                json!({"given_name": name, "family_name": "Kumpulainen",
                "hetu": cast::person(who).code()}),
            )
            .await;
        assert_eq!(
            (refused.status, refused.json["field"].as_str()),
            (400, Some("hetu")),
            "{who}"
        );
    }
    let asked = porvoo
        .post(
            &ask,
            json!({"given_name": "Mikko Tapani", "family_name": "Kumpulainen",
            "hetu": cast::person("Mikko").code()}),
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.json);
    assert_eq!(asked.json["status"]["state"], "waiting");
    assert_eq!(asked.json["status"]["waiting_on"], "consent");
    assert_eq!(
        asked.json["status"]["missing"],
        json!(["Mikko Tapani Kumpulainen"])
    );
    assert_eq!(asked.json["consents"][0]["status"], "pending");
    let twice = porvoo
        .post(
            &ask,
            json!({"given_name": "Mikko Tapani", "family_name": "Kumpulainen",
            "hetu": cast::person("Mikko").code()}),
        )
        .await;
    assert_eq!(twice.status, 400);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM messages WHERE kind = 'consent_requested' AND to_hetu = '091182-931V'"),
        1
    );

    // Mikko answers acting for Eetu: back to the handler, who decides.
    let mikko = acting_for(&app, "Mikko", "Eetu").await;
    let request = asked.json["consents"][0]["id"].as_i64().unwrap();
    let consented = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": true}),
        )
        .await;
    assert_eq!(consented.status, 200, "{}", consented.json);
    // It came back by Seteli's step: on the handler's desk until opened, as a resident's
    // application.
    let before = porvoo.get("/api/staff/desk").await.json;
    assert_eq!(before["notices"][0]["case_id"], id);
    assert_eq!(before["notices"][0]["resident"], true);
    let case = porvoo
        .get(&format!("/api/staff/resident-applications/{id}"))
        .await
        .json;
    assert_eq!(case["status"]["state"], "in_progress");
    assert_eq!(case["status"]["handler_name"], "Sari Helena Virtanen");
    // Opened: the notice is read; the application is among those in progress.
    let desk_home = {
        let fresh = desk(&app).await;
        fresh.get("/api/staff/desk").await.json
    };
    assert_eq!(desk_home["resident_applications"][0]["id"], id);
    assert_eq!(desk_home["notices"], json!([]), "opened above");
}
