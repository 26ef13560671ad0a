//! Employees are told when a case comes to them by someone else's step — on their desk until
//! they open it, and by e-mail (the outbox stand-in) — never through Suomi.fi Messages; their
//! own steps tell nobody.

use super::{handler, kirkas, submitted};
use crate::helpers::PDF;
use serde_json::json;

#[tokio::test]
async fn the_applicants_answer_reaches_the_handlers_desk_and_mail_until_they_open_the_case() {
    let app = super::app();
    let sanna = kirkas(&app).await;
    let id = submitted(&sanna).await;
    let porvoo = handler(&app).await;
    porvoo
        .post(&format!("/api/staff/applications/{id}/take"), json!({}))
        .await;
    let asked = porvoo
        .post(
            &format!("/api/staff/applications/{id}/ask"),
            json!({"missing": ["Omavalvontasuunnitelma"], "deadline": "2026-12-05", "comment": ""}),
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.json);
    // The handler's own steps are no news to them.
    assert!(porvoo.get("/api/staff/desk").await.json["notices"]
        .as_array()
        .unwrap()
        .is_empty());

    sanna
        .upload(
            &format!("/api/producer/applications/{id}/attachments?name=omavalvonta.pdf&requirement=self_monitoring_plan"),
            PDF,
            "application/pdf",
        )
        .await;
    let answered = sanna
        .post(
            &format!("/api/producer/applications/{id}/answer"),
            json!({"comment": "Suunnitelma liitteenä."}),
        )
        .await;
    assert_eq!(answered.status, 200, "{}", answered.json);

    let desk = porvoo.get("/api/staff/desk").await.json;
    let notices = desk["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 1, "{desk}");
    assert_eq!(notices[0]["case_id"], id);
    assert_eq!(notices[0]["by_name"], "Sanna Maria Lindqvist");
    assert_eq!(
        app.ctx
            .db
            .text("SELECT to_address FROM email_outbox WHERE to_username = 'tuottajahyvaksyja'")
            .unwrap(),
        "pekka.heikkinen@porvoo.example"
    );
    let subject = app.ctx.db.text("SELECT subject FROM email_outbox").unwrap();
    assert!(subject.contains(&id.to_string()), "{subject}");
    assert_eq!(app.count("SELECT COUNT(*) FROM email_outbox"), 1);
    // Employees never get Suomi.fi Messages: the outbox holds only the company's messages.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE customer_id IS NOT NULL"),
        0
    );

    // Opening the case reads the notice.
    porvoo.get(&format!("/api/staff/applications/{id}")).await;
    assert!(porvoo.get("/api/staff/desk").await.json["notices"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_case_returned_by_the_deadline_job_is_news_to_its_handler() {
    let mut app = super::app();
    let sanna = kirkas(&app).await;
    let id = submitted(&sanna).await;
    let porvoo = handler(&app).await;
    porvoo
        .post(&format!("/api/staff/applications/{id}/take"), json!({}))
        .await;
    porvoo
        .post(
            &format!("/api/staff/applications/{id}/ask"),
            json!({"missing": ["Omavalvontasuunnitelma"], "deadline": "2026-11-25", "comment": ""}),
        )
        .await;
    drop(porvoo);
    app.advance(6 * 24 * 3600);
    let report = seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(report.returned, 1);
    // Days later the handler logs in again and finds it on the desk.
    let porvoo = handler(&app).await;
    let desk = porvoo.get("/api/staff/desk").await.json;
    assert_eq!(desk["notices"][0]["case_id"], id, "{desk}");
    assert_eq!(desk["notices"][0]["by_name"], "Seteli");
}
