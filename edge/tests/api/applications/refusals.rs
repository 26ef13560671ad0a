//! Bad input and wrong moments: each refused with a clear error, changing nothing.

use super::{app, filled_draft, handler, kirkas};
use crate::helpers::{cast, Session, PDF};
use serde_json::json;

#[tokio::test]
async fn an_incomplete_application_or_a_bad_file_is_refused_and_changes_nothing() {
    let app = app();
    let sanna = kirkas(&app).await;
    let started = sanna
        .post(
            "/api/producer/applications",
            json!({"municipality_code": "638", "services": ["cleaning"]}),
        )
        .await;
    let id = started.json["id"].as_i64().unwrap();
    let path = format!("/api/producer/applications/{id}");

    // Sending an empty draft: the services' prices are missing first.
    let empty = sanna.post(&format!("{path}/submit"), json!({})).await;
    assert_eq!(
        (empty.status, empty.code()),
        (400, "application_incomplete")
    );
    assert_eq!(empty.json["field"], "services");

    // A price below zero, a service twice, an unknown municipality or service.
    let mut negative = super::cleaning_form();
    negative["services"][0]["price_cents"] = json!(-100);
    assert_eq!(
        sanna.post(&path, negative).await.code(),
        "invalid_application"
    );
    let mut twice = super::cleaning_form();
    let service = twice["services"][0].clone();
    twice["services"].as_array_mut().unwrap().push(service);
    let refused = sanna.post(&path, twice).await;
    assert_eq!(
        (refused.code(), refused.json["field"].clone()),
        ("invalid_application", json!("services"))
    );
    for body in [
        json!({"municipality_code": "999", "services": ["cleaning"]}),
        json!({"municipality_code": "638", "services": ["astrology"]}),
        json!({"municipality_code": "638", "services": []}),
    ] {
        let res = sanna.post("/api/producer/applications", body.clone()).await;
        assert_eq!(res.status, 400, "{body}");
    }

    // The form saved, but the insurance's file is missing.
    assert_eq!(sanna.post(&path, super::cleaning_form()).await.status, 200);
    let no_file = sanna.post(&format!("{path}/submit"), json!({})).await;
    assert_eq!(
        (no_file.code(), no_file.json["field"].clone()),
        ("application_incomplete", json!("answers"))
    );

    // A script named like a PDF, an empty file, one over 5 MB: refused, nothing stored.
    let upload = |name: &str, requirement: &str| {
        format!("{path}/attachments?name={name}&requirement={requirement}")
    };
    let kept = app.blobs.len();
    let fake = sanna
        .upload(
            &upload("vakuutus.pdf", "liability_insurance"),
            b"<script>alert(1)</script>",
            "application/pdf",
        )
        .await;
    assert_eq!((fake.status, fake.code()), (400, "invalid_attachment"));
    let empty = sanna
        .upload(
            &upload("a.pdf", "liability_insurance"),
            b"",
            "application/pdf",
        )
        .await;
    assert_eq!(empty.code(), "invalid_attachment");
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    let huge = sanna
        .upload(
            &upload("a.pdf", "liability_insurance"),
            &big,
            "application/pdf",
        )
        .await;
    assert_eq!((huge.status, huge.code()), (413, "attachment_too_large"));
    let unknown = sanna
        .upload(&upload("a.pdf", "bribe"), PDF, "application/pdf")
        .await;
    assert_eq!(
        (unknown.code(), unknown.json["field"].clone()),
        ("invalid_attachment", json!("requirement"))
    );
    assert_eq!(app.blobs.len(), kept);
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments"), 0);
    // Every other route keeps the 64 KiB limit.
    let mut long = super::cleaning_form();
    long["description_fi"] = json!("x".repeat(70 * 1024));
    assert_eq!(sanna.post(&path, long).await.status, 413);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM cases WHERE id = {id} AND state = 'draft'"
        )),
        1
    );
}

#[tokio::test]
async fn deleting_a_draft_deletes_its_files_and_another_company_cannot() {
    let app = app();
    let sanna = kirkas(&app).await;
    let id = filled_draft(&sanna).await;
    assert_eq!(app.blobs.len(), 1);
    let aurinko = Session::citizen(&app, cast::person("Karl-Johan")).await;
    aurinko.act_for_company(cast::company("Aurinko")).await;
    let theirs = aurinko
        .post(
            &format!("/api/producer/applications/{id}/delete"),
            json!({}),
        )
        .await;
    assert_eq!(
        (theirs.status, theirs.code()),
        (404, "application_not_found")
    );
    assert_eq!(app.blobs.len(), 1);

    let deleted = sanna
        .post(
            &format!("/api/producer/applications/{id}/delete"),
            json!({}),
        )
        .await;
    assert_eq!(deleted.status, 204);
    assert_eq!(app.blobs.len(), 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM attachments"), 0);
    assert_eq!(
        sanna
            .get(&format!("/api/producer/applications/{id}"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn handlers_take_only_the_steps_the_model_allows() {
    let app = app();
    let sanna = kirkas(&app).await;
    let id = super::submitted(&sanna).await;
    let porvoo = handler(&app).await;
    let step = |what: &str| format!("/api/staff/applications/{id}/{what}");

    // Nobody holds it yet: nothing to ask, approve or release.
    for what in ["release", "approve"] {
        let res = porvoo.post(&step(what), json!({})).await;
        assert_eq!(
            (res.status, res.code()),
            (409, "case_wrong_state"),
            "{what}"
        );
    }
    assert_eq!(porvoo.post(&step("take"), json!({})).await.status, 200);
    // The applicant can no longer withdraw it.
    let cancel = sanna
        .post(
            &format!("/api/producer/applications/{id}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(cancel.code(), "case_wrong_state");
    // A request needs items and a deadline ahead; a rejection its reasons.
    let past = porvoo
        .post(
            &step("ask"),
            json!({"missing": ["Suunnitelma"], "deadline": "2026-11-21"}),
        )
        .await;
    assert_eq!(
        (past.code(), past.json["field"].clone()),
        ("invalid_case_step", json!("deadline"))
    );
    let nothing = porvoo
        .post(
            &step("ask"),
            json!({"missing": [], "deadline": "2026-12-05"}),
        )
        .await;
    assert_eq!(nothing.json["field"], "missing");
    let bare = porvoo.post(&step("reject"), json!({"comment": " "})).await;
    assert_eq!(bare.json["field"], "comment");
    // A hand-over goes to a colleague who handles producers.
    let stranger = porvoo
        .post(&step("hand-over"), json!({"to": "asiakaspalvelu"}))
        .await;
    assert_eq!(stranger.json["field"], "to");
    let herself = porvoo
        .post(&step("hand-over"), json!({"to": "tuottajahyvaksyja"}))
        .await;
    assert_eq!(herself.json["field"], "to");
    // The applicant cannot answer what was not asked.
    let unasked = sanna
        .post(
            &format!("/api/producer/applications/{id}/answer"),
            json!({}),
        )
        .await;
    assert_eq!(unasked.code(), "case_wrong_state");

    // Another organiser's handler does not find it.
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-tuottajahyvaksyja")).await;
    let far = helsinki
        .post(&step("reject"), json!({"comment": "Ei"}))
        .await;
    assert_eq!((far.status, far.code()), (404, "application_not_found"));
    assert!(
        helsinki.get("/api/staff/applications").await.json["applications"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Released, it is back in the queue; rejected with reasons, it is closed for good.
    let released = porvoo.post(&step("release"), json!({})).await;
    assert_eq!(released.json["status"]["state"], "submitted");
    porvoo.post(&step("take"), json!({})).await;
    let rejected = porvoo
        .post(
            &step("reject"),
            json!({"comment": "Vastuuvakuutus ei kata siivousta."}),
        )
        .await;
    assert_eq!(rejected.json["status"]["state"], "rejected");
    assert!(!rejected.json["appeal_address"].as_str().unwrap().is_empty());
    assert_eq!(
        porvoo.post(&step("take"), json!({})).await.code(),
        "case_wrong_state"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM approvals WHERE producer_id != 1"),
        0,
        "nothing was approved"
    );
}

#[tokio::test]
async fn a_case_is_handed_over_to_a_colleague_and_only_its_holder_decides() {
    let app = app();
    let sanna = kirkas(&app).await;
    let id = super::submitted(&sanna).await;
    let porvoo = handler(&app).await;
    // The supervisor also handles producers today (her login says so).
    app.identification().tamper.lock().unwrap().push((
        "roles".to_owned(),
        json!(["producer_handler", "supervisor"]),
    ));
    let colleague = Session::staff(&app, cast::staff_user("esihenkilo")).await;
    let step = |what: &str| format!("/api/staff/applications/{id}/{what}");
    let queue = porvoo.get("/api/staff/applications").await;
    let handlers: Vec<&str> = queue.json["handlers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["username"].as_str().unwrap())
        .collect();
    assert!(handlers.contains(&"esihenkilo"), "{handlers:?}");

    porvoo.post(&step("take"), json!({})).await;
    let handed = porvoo
        .post(
            &step("hand-over"),
            json!({"to": "esihenkilo", "comment": "Lomalle"}),
        )
        .await;
    assert_eq!(handed.status, 200, "{}", handed.json);
    let colleague_name = handed.json["status"]["handler_name"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!colleague_name.contains("Heikkinen"), "{colleague_name}");
    // No longer the first handler's to decide.
    let not_mine = porvoo.post(&step("approve"), json!({})).await;
    assert_eq!((not_mine.status, not_mine.code()), (403, "case_not_yours"));
    // Waiting on the applicant, handed back: still waiting, with its deadline.
    let asked = colleague
        .post(
            &step("ask"),
            json!({"missing": ["Omavalvontasuunnitelma"], "deadline": "2026-12-05"}),
        )
        .await;
    assert_eq!(asked.json["status"]["state"], "waiting");
    let back = colleague
        .post(&step("hand-over"), json!({"to": "tuottajahyvaksyja"}))
        .await;
    assert_eq!(back.json["status"]["state"], "waiting");
    assert_eq!(back.json["status"]["deadline"], "2026-12-05");
    assert_eq!(back.json["status"]["handler_name"], "Pekka Olavi Heikkinen");
}

#[tokio::test]
async fn an_answer_or_an_approval_of_an_application_left_incomplete_is_refused() {
    let app = app();
    let sanna = kirkas(&app).await;
    let id = super::submitted(&sanna).await;
    let porvoo = handler(&app).await;
    let step = |what: &str| format!("/api/staff/applications/{id}/{what}");
    porvoo.post(&step("take"), json!({})).await;
    porvoo
        .post(
            &step("ask"),
            json!({"missing": ["Hinta"], "deadline": "2026-12-05"}),
        )
        .await;
    // Asked for more, the applicant empties the price and answers: refused, still waiting.
    let mut form = super::cleaning_form();
    form["services"][0]["price_cents"] = json!(null);
    let saved = sanna
        .post(&format!("/api/producer/applications/{id}"), form)
        .await;
    assert_eq!(saved.status, 200, "{}", saved.json);
    let answered = sanna
        .post(
            &format!("/api/producer/applications/{id}/answer"),
            json!({}),
        )
        .await;
    assert_eq!(
        (answered.code(), answered.json["field"].clone()),
        ("application_incomplete", json!("services"))
    );
    assert_eq!(
        sanna
            .get(&format!("/api/producer/applications/{id}"))
            .await
            .json["status"]["state"],
        "waiting"
    );
    // A case in progress with no price is not published.
    app.sql(&format!(
        "UPDATE cases SET state = 'in_progress', waiting_on = NULL, deadline = NULL WHERE id = {id};"
    ));
    let approved = porvoo.post(&step("approve"), json!({})).await;
    assert_eq!(
        (approved.status, approved.code()),
        (400, "application_incomplete")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM approvals WHERE producer_id != 1"),
        0
    );
}
