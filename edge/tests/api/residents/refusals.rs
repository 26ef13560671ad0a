//! Bad input gets a clear error and changes nothing: a service the municipality has no
//! vouchers for, a guardian named wrongly, consent by someone who is not the named guardian,
//! an expired request, a second open application for the same service, a mandate without
//! the application issue.

use super::{acting_for, app, count, form, mikko_consents, sent};
use crate::helpers::cast;
use serde_json::json;
use seteli_edge::jobs::run_scheduled;

/// Everything an application writes, counted.
fn written(app: &crate::helpers::TestApp<crate::helpers::Mocks>) -> [i64; 4] {
    [
        count(app, "SELECT COUNT(*) FROM cases WHERE state != 'draft'"),
        count(app, "SELECT COUNT(*) FROM consent_requests"),
        count(app, "SELECT COUNT(*) FROM messages"),
        count(app, "SELECT COUNT(*) FROM case_events"),
    ]
}

#[tokio::test]
async fn a_service_without_vouchers_and_wrongly_named_guardians_are_refused_at_sending() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let started = anni
        .post("/api/citizen/applications", form(mikko_consents()))
        .await;
    let id = started.json["id"].as_i64().unwrap();
    let (send_path, save_path) = (
        format!("/api/citizen/applications/{id}/send"),
        format!("/api/citizen/applications/{id}"),
    );
    let send = || anni.post(&send_path, json!({}));
    let save = |form| anni.post(&save_path, form);
    let before = written(&app);

    // Porvoo has no cleaning vouchers (no approved producer).
    let mut cleaning = form(mikko_consents());
    cleaning["service_code"] = json!("cleaning");
    assert_eq!(save(cleaning).await.status, 200);
    let refused = send().await;
    assert_eq!(
        (
            refused.status,
            refused.json["code"].as_str(),
            refused.json["field"].as_str()
        ),
        (400, Some("service_not_offered"), Some("service_code"))
    );

    // The child, the applicant, or a minor cannot be the other guardian.
    for (who, name) in [("Eetu", "Eetu"), ("Anni", "Anni"), ("Ella", "Ella")] {
        let named = json!({"kind": "consent", "others": [{"given_name": name, "family_name": "Kumpulainen",
            "hetu": cast::person(who).code()}]});
        assert_eq!(save(form(named)).await.status, 200);
        let refused = send().await;
        assert_eq!(
            (refused.status, refused.json["field"].as_str()),
            (400, Some("shared")),
            "{who}: {}",
            refused.json
        );
    }
    // Nothing named and nothing declared: the shared matter is missing.
    let mut bare = form(serde_json::Value::Null);
    bare["shared"] = serde_json::Value::Null;
    assert_eq!(save(bare).await.status, 200);
    let refused = send().await;
    assert_eq!(
        (refused.status, refused.json["code"].as_str()),
        (400, Some("voucher_application_incomplete"))
    );
    // An identity code that is none is refused already in the draft.
    let typo = json!({"kind": "consent", "others": [{"given_name": "Mikko", "family_name": "K",
        "hetu": "091182-931X"}]});
    assert_eq!(save(form(typo)).await.status, 400);
    assert_eq!(written(&app), before);
}

#[tokio::test]
async fn consent_only_by_the_named_guardian_acting_for_the_child() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let application = sent(&anni, form(mikko_consents())).await;
    let request = application["consents"][0]["id"].as_i64().unwrap();
    let before = written(&app);
    let answer = format!("/api/citizen/consent-requests/{request}/answer");

    // Anni is a guardian of Eetu, but not the one named.
    let by_anni = anni.post(&answer, json!({"consent": true})).await;
    assert_eq!(
        (by_anni.status, by_anni.json["code"].as_str()),
        (403, Some("not_the_named_guardian"))
    );
    // Mikko acting for himself, or for Ella (whom he may not act for), is refused.
    let mikko = crate::helpers::Session::citizen(&app, cast::person("Mikko")).await;
    let as_himself = mikko.post(&answer, json!({"consent": true})).await;
    assert_eq!(as_himself.status, 403);
    // Eeva-Liisa has nothing to do with it.
    let eeva = crate::helpers::Session::citizen(&app, cast::person("Eeva-Liisa")).await;
    assert_eq!(
        eeva.post(&answer, json!({"consent": true})).await.status,
        403
    );
    assert_eq!(
        eeva.get(&format!("/api/citizen/consent-requests/{request}"))
            .await
            .status,
        403
    );
    assert_eq!(written(&app), before);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consent_requests WHERE status = 'pending'"
        ),
        1
    );
}

#[tokio::test]
async fn an_unanswered_request_expires_and_can_be_sent_again() {
    let mut app = app();
    let application = sent(
        &acting_for(&app, "Anni", "Eetu").await,
        form(mikko_consents()),
    )
    .await;
    let id = application["id"].as_i64().unwrap();
    let request = application["consents"][0]["id"].as_i64().unwrap();

    // The last day is 5 December; on the 6th the job expires it (once).
    app.advance(14 * 86_400);
    assert_eq!(run_scheduled(&app.ctx).await.unwrap().consents_expired, 0);
    app.advance(86_400);
    assert_eq!(run_scheduled(&app.ctx).await.unwrap().consents_expired, 1);
    assert_eq!(run_scheduled(&app.ctx).await.unwrap().consents_expired, 0);
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let mikko = acting_for(&app, "Mikko", "Eetu").await;
    let late = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": true}),
        )
        .await;
    assert_eq!(
        (late.status, late.json["code"].as_str()),
        (409, Some("consent_expired"))
    );
    let seen = anni
        .get(&format!("/api/citizen/applications/{id}"))
        .await
        .json;
    assert_eq!(seen["status"]["state"], "consenting");
    assert_eq!(seen["consents"][0]["status"], "expired");
    assert_eq!(seen["consents"][0]["may_resend"], true);

    // Anni sends it again: a new last day, a new message; now Mikko's consent counts.
    let resent = anni
        .post(
            &format!("/api/citizen/consent-requests/{request}/resend"),
            json!({}),
        )
        .await;
    assert_eq!(resent.status, 200, "{}", resent.json);
    assert_eq!(resent.json["consents"][0]["status"], "pending");
    assert_eq!(resent.json["consents"][0]["last_day"], "2026-12-20");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM messages WHERE kind = 'consent_requested'"
        ),
        2
    );
    let consented = mikko
        .post(
            &format!("/api/citizen/consent-requests/{request}/answer"),
            json!({"consent": true}),
        )
        .await;
    assert_eq!(consented.status, 200, "{}", consented.json);
    assert_eq!(
        consented.json["application"]["status"]["state"],
        "submitted"
    );
    // An answered request cannot be sent again.
    let again = anni
        .post(
            &format!("/api/citizen/consent-requests/{request}/resend"),
            json!({}),
        )
        .await;
    assert_eq!(again.status, 409);
}

#[tokio::test]
async fn a_second_open_application_for_the_same_service_is_refused() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    sent(&anni, form(mikko_consents())).await;
    let second = anni
        .post("/api/citizen/applications", form(mikko_consents()))
        .await;
    let id = second.json["id"].as_i64().unwrap();
    let before = written(&app);
    let refused = anni
        .post(&format!("/api/citizen/applications/{id}/send"), json!({}))
        .await;
    assert_eq!(
        (refused.status, refused.json["code"].as_str()),
        (409, Some("application_already_open"))
    );
    assert_eq!(written(&app), before);
    // Ella's application for the same service is another child's matter.
    let for_ella = acting_for(&app, "Anni", "Ella").await;
    let declared = json!({"kind": "declared", "right": {"kind": "other",
        "reason": "Toisella huoltajalla on lähestymiskielto."}});
    let mut ella = form(declared);
    ella["need"] = json!("Ella tarvitsee apua.");
    assert_eq!(sent(&for_ella, ella).await["status"]["state"], "submitted");
}

#[tokio::test]
async fn a_mandate_without_the_application_issue_is_refused_and_named() {
    let app = app();
    app.customer(4, cast::person("Eeva-Liisa"));
    let anni = crate::helpers::Session::citizen(&app, cast::person("Anni")).await;
    assert!(anni
        .act_for_adult(cast::person("Eeva-Liisa"))
        .await
        .starts_with("/my/"));
    // Reading is within the mandate; applying is not.
    assert_eq!(anni.get("/api/citizen/applications").await.status, 200);
    let refused = anni
        .post("/api/citizen/applications", form(serde_json::Value::Null))
        .await;
    assert_eq!(refused.status, 403, "{}", refused.json);
    assert_eq!(refused.json["code"], "no_right_to_act");
    assert!(refused.json["mandate_issues"]
        .as_array()
        .unwrap()
        .contains(&json!(
            "http://valtuusrekisteri.suomi.fi/palveluseteli_hakemus"
        )));
    assert!(
        refused.json["message"]
            .as_str()
            .unwrap()
            .contains("Palvelusetelin hakeminen"),
        "{}",
        refused.json
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM cases"), 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM on_behalf_log WHERE action = 'apply_for_voucher' AND result = 'refused'"
        ),
        1
    );
}

#[tokio::test]
async fn a_resident_refuses_a_granted_voucher_and_is_directed_to_the_organisers_own_service() {
    let app = crate::helpers::TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app.customer_with_voucher(1, cast::person("Anni"));
    app.customer(2, cast::person("Eetu"));
    // Not Eetu's voucher, for Anni acting for him.
    let for_eetu = acting_for(&app, "Anni", "Eetu").await;
    let not_his = for_eetu
        .post("/api/citizen/vouchers/10/refuse", json!({}))
        .await;
    assert_eq!(not_his.status, 404);

    let anni = crate::helpers::Session::citizen(&app, cast::person("Anni")).await;
    let long = anni
        .post(
            "/api/citizen/vouchers/10/refuse",
            json!({"reason": "x".repeat(1001)}),
        )
        .await;
    assert_eq!(
        (long.status, long.json["field"].as_str()),
        (400, Some("reason"))
    );
    let refused = anni
        .post(
            "/api/citizen/vouchers/10/refuse",
            json!({"reason": "Haluan kunnan oman kotihoidon."}),
        )
        .await;
    assert_eq!(refused.status, 200, "{}", refused.json);
    assert_eq!(refused.json["valid_until"], "2026-11-21");
    assert_eq!(
        refused.json["organiser_name"],
        "Itä-Uudenmaan hyvinvointialue"
    );
    assert!(!refused.json["organiser_address"]
        .as_str()
        .unwrap()
        .is_empty());
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM vouchers WHERE id = 10 AND valid_until = '2026-11-21'
             AND ended_by = 'customer' AND ended_reason LIKE '%kunnan oman kotihoidon%'"
        ),
        1
    );
    // What was used stays; refusing again is refused.
    assert_eq!(app.balance(10), 28_800);
    let again = anni
        .post("/api/citizen/vouchers/10/refuse", json!({}))
        .await;
    assert_eq!(
        (again.status, again.json["code"].as_str()),
        (409, Some("voucher_not_refusable"))
    );
}

#[tokio::test]
async fn a_consent_the_handler_waits_for_returns_the_case_after_its_last_day() {
    let mut app = app();
    let id = {
        let anni = acting_for(&app, "Anni", "Eetu").await;
        let unknown = json!({"kind": "consent", "others": [], "unknown": true});
        let id = sent(&anni, form(unknown)).await["id"].as_i64().unwrap();
        let porvoo = super::desk(&app).await;
        porvoo
            .post(
                &format!("/api/staff/resident-applications/{id}/take"),
                json!({}),
            )
            .await;
        let asked = porvoo
            .post(
                &format!("/api/staff/resident-applications/{id}/ask-consent"),
                json!({"given_name": "Mikko", "family_name": "Kumpulainen",
                    "hetu": cast::person("Mikko").code()}),
            )
            .await;
        assert_eq!(asked.status, 200, "{}", asked.json);
        id
    };
    // The request's last day is 5 December; the case waits until the 6th, and is back with
    // its handler after it (the request expired, unanswered).
    app.advance(15 * 86_400);
    assert_eq!(run_scheduled(&app.ctx).await.unwrap().returned, 0);
    app.advance(86_400);
    let report = run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(report.returned, 1, "{report:?}");
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM cases WHERE id = {id} AND state = 'in_progress' AND handler = 'asiakaspalvelu'")),
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consent_requests WHERE status = 'expired'"
        ),
        1
    );
}

#[tokio::test]
async fn a_voucher_that_has_not_begun_is_cancelled_when_refused() {
    let app = crate::helpers::TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app.customer_with_voucher(1, cast::person("Anni"));
    app.sql(
        "UPDATE vouchers SET valid_from = '2026-12-01', valid_until = '2027-05-31' WHERE id = 10;",
    );
    let anni = crate::helpers::Session::citizen(&app, cast::person("Anni")).await;
    let refused = anni
        .post("/api/citizen/vouchers/10/refuse", json!({}))
        .await;
    assert_eq!(refused.status, 200, "{}", refused.json);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM vouchers WHERE id = 10 AND status = 'cancelled'
             AND valid_until = '2026-12-01' AND ended_by = 'customer'"
        ),
        1
    );
}

#[tokio::test]
async fn a_batch_guarded_by_a_cases_step_writes_nothing_once_the_case_moved() {
    use seteli_edge::db::cases::abort_unless_at;
    use seteli_edge::db::Database;
    let app = app();
    app.resident_application(
        5,
        2,
        (cast::person("Eetu"), cast::person("Anni")),
        "in_progress",
        None,
    );
    let id = seteli_domain::ids::CaseId::parse("5").unwrap();
    let note = || {
        (
            "INSERT INTO email_outbox (to_username, to_address, subject, body, created_at)
             VALUES ('x', NULL, 's', 'b', '2026-11-21T10:00:00Z')",
            Vec::new(),
        )
    };
    // At its step: written.
    app.ctx
        .db
        .batch(&[abort_unless_at(id, "step-5"), note()])
        .await
        .expect("the case is at its step");
    // Moved on: the whole batch fails and nothing is written.
    let moved = app
        .ctx
        .db
        .batch(&[note(), abort_unless_at(id, "an-old-step")])
        .await;
    assert!(moved.is_err_and(|e| e.is_check_violation()));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM email_outbox"), 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM cases WHERE id = 5 AND state = 'in_progress'"
        ),
        1
    );
}
