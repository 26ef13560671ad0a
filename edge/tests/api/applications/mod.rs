//! Producers apply, the organiser decides: a company new to Seteli applies for cleaning in
//! Porvoo through the case engine's states, its files are served only to it and to the
//! organiser's handlers, approval publishes it, supervision takes it out again, and the
//! scheduled job keeps deadlines.

mod journey;
mod notices;
mod refusals;
mod schedule;
mod supervision;

use crate::helpers::{cast, Mocks, Session, TestApp, PDF};
use serde_json::{json, Value};

/// Porvoo's checklist for cleaning; Aurinko (producer 1) approved for home care in Porvoo.
pub fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.porvoo_requirements("cleaning");
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app
}

/// Sanna acting for Kirkas Siivous Oy, a company new to Seteli.
pub async fn kirkas(app: &TestApp<Mocks>) -> Session<'_> {
    let sanna = Session::citizen(app, cast::person("Sanna")).await;
    let landed = sanna.act_for_company(cast::company("Kirkas")).await;
    assert_eq!(landed, "/producer?lang=en");
    sanna
}

/// Itä-Uusimaa's producer handler (Porvoo's organiser).
pub async fn handler(app: &TestApp<Mocks>) -> Session<'_> {
    Session::staff(app, cast::staff_user("tuottajahyvaksyja")).await
}

/// The form of a cleaning application at 39 € an hour from 1 December: the insurance met
/// (its file to be attached), the self-monitoring plan not yet, the registration met.
pub fn cleaning_form() -> Value {
    json!({
        "services": [{"service_code": "cleaning", "unit": "hour", "price_cents": 3900, "valid_from": "2026-11-21"}],
        "description_fi": "Kodin ylläpitosiivousta Porvoossa.",
        "description_sv": "Hemstädning i Borgå.",
        "languages": ["fi", "sv"],
        "areas": "Porvoo, Kerava",
        "street_address": "Mannerheiminkatu 12",
        "postal_code": "06100",
        "post_office": "Porvoo",
        "phone": "+358 40 765 4321",
        "email": "info@kirkas.example",
        "website": "",
        "answers": [
            {"code": "liability_insurance", "answer": "met", "note": ""},
            {"code": "self_monitoring_plan", "answer": "not_yet", "note": "Valmistuu joulukuussa"},
            {"code": "provider_register", "answer": "met", "note": ""}
        ]
    })
}

/// A draft of Kirkas for cleaning in Porvoo with the form filled in and the insurance's file
/// attached; its id.
pub async fn filled_draft(kirkas: &Session<'_>) -> i64 {
    let started = kirkas
        .post(
            "/api/producer/applications",
            json!({"municipality_code": "638", "services": ["cleaning"]}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.json);
    let id = started.json["id"].as_i64().unwrap();
    let saved = kirkas
        .post(&format!("/api/producer/applications/{id}"), cleaning_form())
        .await;
    assert_eq!(saved.status, 200, "{}", saved.json);
    let file = kirkas
        .upload(
            &format!("/api/producer/applications/{id}/attachments?name=vakuutus.pdf&requirement=liability_insurance"),
            PDF,
            "application/pdf",
        )
        .await;
    assert_eq!(file.status, 201, "{}", file.json);
    id
}

/// Kirkas's application, submitted; its id.
pub async fn submitted(kirkas: &Session<'_>) -> i64 {
    let id = filled_draft(kirkas).await;
    let sent = kirkas
        .post(
            &format!("/api/producer/applications/{id}/submit"),
            json!({}),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);
    id
}

/// The messages queued to the company of application `case` of `kind`.
pub fn company_messages(app: &TestApp<Mocks>, case: i64, kind: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM messages WHERE case_id = {case} AND kind = '{kind}' AND to_producer_id IS NOT NULL"
    ))
}

/// Cleaning offers in Porvoo, as the public comparison lists them: the producers' names.
pub async fn porvoo_cleaning(app: &TestApp<Mocks>) -> Vec<String> {
    let offers = app
        .get("/api/public/offers?municipality=638&service=cleaning")
        .await;
    assert_eq!(offers.status, 200, "{}", offers.json);
    offers.json["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["producer_name"].as_str().unwrap_or_default().to_owned())
        .collect()
}
