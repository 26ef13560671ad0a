//! The journey over the API: apply, be asked for more, answer, be approved, appear
//! in the public comparison.

use super::{app, company_messages, filled_draft, handler, kirkas, porvoo_cleaning};
use crate::helpers::{cast, Session, PDF};
use serde_json::json;

#[tokio::test]
async fn a_new_company_applies_is_asked_for_more_answers_and_is_approved_into_the_comparison() {
    let app = app();
    let sanna = kirkas(&app).await;

    // The draft starts with the trade register's name and Porvoo's checklist.
    let started = sanna
        .post(
            "/api/producer/applications",
            json!({"municipality_code": "638", "services": ["cleaning"]}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.json);
    assert_eq!(started.json["company_name"], "Kirkas Siivous Oy");
    // Its address comes from the trade register.
    assert_eq!(
        started.json["form"]["street_address"],
        "Mannerheiminkatu 12"
    );
    assert_eq!(started.json["form"]["postal_code"], "06100");
    assert_eq!(started.json["form"]["post_office"], "Porvoo");
    assert_eq!(started.json["status"]["state"], "draft");
    let checklist: Vec<&str> = started.json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        checklist,
        [
            "liability_insurance",
            "self_monitoring_plan",
            "provider_register"
        ]
    );
    let id = started.json["id"].as_i64().unwrap();
    // A draft can be deleted; a new one starts again.
    let deleted = sanna
        .post(
            &format!("/api/producer/applications/{id}/delete"),
            json!({}),
        )
        .await;
    assert_eq!(deleted.status, 204);

    let id = filled_draft(&sanna).await;
    // Nobody but the applicant sees a draft.
    let porvoo = handler(&app).await;
    assert_eq!(
        porvoo
            .get(&format!("/api/staff/applications/{id}"))
            .await
            .status,
        404
    );
    let sent = sanna
        .post(
            &format!("/api/producer/applications/{id}/submit"),
            json!({"comment": "Kiitos käsittelystä"}),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);
    assert_eq!(sent.json["status"]["state"], "submitted");
    // Submitted, it is no longer the applicant's to edit.
    let late = sanna
        .post(
            &format!("/api/producer/applications/{id}"),
            super::cleaning_form(),
        )
        .await;
    assert_eq!((late.status, late.code()), (409, "case_wrong_state"));

    // The handler's desk lists it; customers' matters are not the handler's.
    let desk = porvoo.get("/api/staff/desk").await;
    assert_eq!(desk.json["applications"][0]["id"], id);
    assert!(desk.json["drafts"].as_array().unwrap().is_empty());
    // The handler sees it in the queue, with the registry's answer.
    let queue = porvoo.get("/api/staff/applications").await;
    assert_eq!(queue.status, 200);
    assert_eq!(queue.json["applications"][0]["id"], id);
    assert_eq!(
        queue.json["applications"][0]["status"]["state"],
        "submitted"
    );
    let case = porvoo.get(&format!("/api/staff/applications/{id}")).await;
    assert_eq!(case.json["registry"]["result"], "found");
    assert_eq!(case.json["registry"]["name"], "Kirkas Siivous Oy");
    assert_eq!(case.json["registry"]["active"], true);
    assert_eq!(case.json["form"]["services"][0]["price_cents"], 3900);

    let took = porvoo
        .post(&format!("/api/staff/applications/{id}/take"), json!({}))
        .await;
    assert_eq!(took.json["status"]["state"], "in_progress");
    assert_eq!(took.json["status"]["handler_name"], "Pekka Olavi Heikkinen");
    let asked = porvoo
        .post(
            &format!("/api/staff/applications/{id}/ask"),
            json!({"missing": ["Omavalvontasuunnitelma"], "deadline": "2026-12-05",
                   "comment": "Lähettäkää suunnitelma."}),
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.json);
    assert_eq!(company_messages(&app, id, "application_changed"), 2);

    // The applicant sees what is missing, by when and from whom.
    let seen = sanna.get(&format!("/api/producer/applications/{id}")).await;
    assert_eq!(seen.json["status"]["state"], "waiting");
    assert_eq!(seen.json["status"]["waiting_on"], "applicant");
    assert_eq!(seen.json["status"]["deadline"], "2026-12-05");
    assert_eq!(
        seen.json["status"]["missing"],
        json!(["Omavalvontasuunnitelma"])
    );
    assert_eq!(seen.json["status"]["handler_name"], "Pekka Olavi Heikkinen");
    assert!(
        seen.json["registry"].is_null(),
        "the registry is the handler's"
    );

    let plan = sanna
        .upload(
            &format!("/api/producer/applications/{id}/attachments?name=omavalvonta.pdf&requirement=self_monitoring_plan"),
            PDF,
            "application/pdf",
        )
        .await;
    assert_eq!(plan.status, 201, "{}", plan.json);
    let answered = sanna
        .post(
            &format!("/api/producer/applications/{id}/answer"),
            json!({"comment": "Suunnitelma liitteenä."}),
        )
        .await;
    assert_eq!(answered.json["status"]["state"], "in_progress");

    let approved = porvoo
        .post(&format!("/api/staff/applications/{id}/approve"), json!({}))
        .await;
    assert_eq!(approved.status, 200, "{}", approved.json);
    assert_eq!(approved.json["status"]["state"], "approved");
    let steps: Vec<(&str, &str)> = approved.json["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["to"].as_str().unwrap(), e["by_name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("submitted", "Sanna Maria Lindqvist"),
            ("in_progress", "Pekka Olavi Heikkinen"),
            ("waiting", "Pekka Olavi Heikkinen"),
            ("in_progress", "Sanna Maria Lindqvist"),
            ("approved", "Pekka Olavi Heikkinen"),
        ]
    );
    // A closed case never moves again.
    let again = porvoo
        .post(
            &format!("/api/staff/applications/{id}/reject"),
            json!({"comment": "x"}),
        )
        .await;
    assert_eq!((again.status, again.code()), (409, "case_wrong_state"));

    // Approved: in the public comparison for Porvoo cleaning at the price applied for, and
    // the company's own pages open.
    assert_eq!(porvoo_cleaning(&app).await, ["Kirkas Siivous Oy"]);
    let offers = app
        .get("/api/public/offers?municipality=638&service=cleaning")
        .await;
    assert_eq!(offers.json["offers"][0]["price_cents"], 3900);
    assert_eq!(sanna.get("/api/producer/home").await.status, 200);
}

#[tokio::test]
async fn files_reach_only_the_applicant_and_the_organisers_handlers_as_downloads() {
    let app = app();
    let sanna = kirkas(&app).await;
    let id = super::submitted(&sanna).await;
    let view = sanna.get(&format!("/api/producer/applications/{id}")).await;
    let file = view.json["attachments"][0]["id"].as_i64().unwrap();
    assert_eq!(
        view.json["attachments"][0]["content_type"],
        "application/pdf"
    );

    for path in [
        format!("/api/producer/attachments/{file}"),
        format!("/api/staff/attachments/{file}"),
    ] {
        let client = if path.contains("staff") {
            handler(&app).await
        } else {
            kirkas(&app).await
        };
        let got = client.get(&path).await;
        assert_eq!(got.status, 200, "{path}");
        assert_eq!(got.bytes, PDF, "{path}");
        assert_eq!(got.header("content-type"), Some("application/pdf"));
        assert!(got
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=\"vakuutus.pdf\""));
        assert_eq!(got.header("cache-control"), Some("no-store"));
        assert_eq!(got.header("x-content-type-options"), Some("nosniff"));
    }
    // Another company, another organiser's handler, a citizen: as if it did not exist.
    let aurinko = Session::citizen(&app, cast::person("Karl-Johan")).await;
    aurinko.act_for_company(cast::company("Aurinko")).await;
    let other = aurinko
        .get(&format!("/api/producer/attachments/{file}"))
        .await;
    assert_eq!((other.status, other.code()), (404, "attachment_not_found"));
    assert!(other.bytes.is_empty());
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-tuottajahyvaksyja")).await;
    let far = helsinki
        .get(&format!("/api/staff/attachments/{file}"))
        .await;
    assert_eq!((far.status, far.code()), (404, "attachment_not_found"));
    let citizen = Session::citizen(&app, cast::person("Eeva-Liisa")).await;
    assert_eq!(
        citizen
            .get(&format!("/api/producer/attachments/{file}"))
            .await
            .status,
        403
    );
    assert_eq!(
        aurinko
            .get(&format!("/api/producer/applications/{id}"))
            .await
            .status,
        404
    );
}
