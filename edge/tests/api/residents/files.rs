//! Files attached to a resident's application: the applicant adds and removes them while
//! writing; whoever may read the application reads them, customer service too — but a
//! producer handler never, and a draft's only its applicant.

use super::{acting_for, app, desk, form, mikko_consents};
use crate::helpers::{cast, Session, PDF};
use serde_json::json;

#[tokio::test]
async fn the_applicants_files_reach_the_other_guardian_and_customer_service_only() {
    let app = app();
    let anni = acting_for(&app, "Anni", "Eetu").await;
    let started = anni
        .post("/api/citizen/applications", form(mikko_consents()))
        .await;
    let id = started.json["id"].as_i64().unwrap();
    let upload = |name: &str| format!("/api/citizen/applications/{id}/attachments?name={name}");

    // Not a PDF or an image: refused, nothing stored.
    let text = anni
        .upload(&upload("notes.txt"), b"just text", "text/plain")
        .await;
    assert_eq!(
        (text.status, text.json["field"].as_str()),
        (400, Some("file"))
    );
    let uploaded = anni
        .upload(&upload("lausunto.pdf"), PDF, "application/pdf")
        .await;
    assert_eq!(uploaded.status, 201, "{}", uploaded.json);
    let file = uploaded.json["attachments"][0]["id"].as_i64().unwrap();
    assert_eq!(uploaded.json["attachments"][0]["file_name"], "lausunto.pdf");
    let second = anni
        .upload(&upload("toinen.pdf"), PDF, "application/pdf")
        .await;
    let extra = second.json["attachments"][1]["id"].as_i64().unwrap();
    assert_eq!(
        anni.post(
            &format!("/api/citizen/attachments/{extra}/delete"),
            json!({})
        )
        .await
        .status,
        204
    );

    // A draft's file is only its applicant's.
    let mikko = acting_for(&app, "Mikko", "Eetu").await;
    let path = format!("/api/citizen/attachments/{file}");
    assert_eq!(mikko.get(&path).await.status, 404);
    let porvoo = desk(&app).await;
    let staff_path = format!("/api/staff/resident-attachments/{file}");
    assert_eq!(porvoo.get(&staff_path).await.status, 404);

    let sent = anni
        .post(&format!("/api/citizen/applications/{id}/send"), json!({}))
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);
    assert_eq!(sent.json["attachments"].as_array().unwrap().len(), 1);
    // Sent: the other guardian (acting for Eetu) and customer service read it.
    let read = mikko.get(&path).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.bytes, PDF);
    assert_eq!(porvoo.get(&staff_path).await.status, 200);
    // Not writable now, not even by its applicant; never a producer handler's.
    let late = anni
        .upload(&upload("myohassa.pdf"), PDF, "application/pdf")
        .await;
    assert_eq!(late.status, 409);
    assert_eq!(
        anni.post(
            &format!("/api/citizen/attachments/{file}/delete"),
            json!({})
        )
        .await
        .status,
        409
    );
    let handler = Session::staff(&app, cast::staff_user("tuottajahyvaksyja")).await;
    assert_eq!(
        handler
            .get(&format!("/api/staff/attachments/{file}"))
            .await
            .status,
        404
    );
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-asiakaspalvelu")).await;
    assert_eq!(helsinki.get(&staff_path).await.status, 404);
}
