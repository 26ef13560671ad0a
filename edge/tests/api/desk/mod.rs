//! The organiser's desk: customers, need assessments, voucher decisions, registered proxies,
//! checks of events and the access log, as customer service and the customers see them.

mod customers;
mod decisions;
mod events;
mod isolation;
mod proxies;

use crate::helpers::{cast, Mocks, Session, TestApp};
use serde_json::{json, Value};

/// Aurinko (1) approved for home care in Porvoo; Eeva-Liisa (customer 1, voucher 10 with
/// event 100) and Anni (customer 2, voucher 20 with event 200), both Porvoo's, whose home
/// care Itä-Uusimaa's county organises, with its income table for home care.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app.customer_with_voucher(1, cast::person("Eeva-Liisa"));
    app.customer_with_voucher(2, cast::person("Anni"));
    app.income_table("ita-uusimaa", "home-care");
    app
}

/// Itä-Uusimaa's customer service (Sari Virtanen).
async fn desk(app: &TestApp<Mocks>) -> Session<'_> {
    Session::staff(app, cast::staff_user("asiakaspalvelu")).await
}

/// Helsinki's customer service, another organiser.
async fn helsinki(app: &TestApp<Mocks>) -> Session<'_> {
    Session::staff(app, cast::staff_user("helsinki-asiakaspalvelu")).await
}

/// A home-care need assessment for `customer` that found a need for a voucher; its id.
async fn assess(desk: &Session<'_>, customer: i64) -> i64 {
    let res = desk
        .post(
            &format!("/api/staff/customers/{customer}/assessments"),
            json!({"assessed_on": "2026-11-20", "assessor": "Sari Virtanen", "service_code": "home-care",
                "summary": "Tarvitsee apua aamuisin peseytymisessä ja lääkkeissä.", "outcome": "voucher"}),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.json);
    res.json["id"].as_i64().expect("the assessment's id")
}

/// An income-related home-care draft for a household of one with `income` cents a month,
/// 40 hours from 1 December for half a year; the answer.
async fn draft_income_related(
    desk: &Session<'_>,
    customer: i64,
    assessment: i64,
    income: i64,
) -> crate::helpers::TestResponse {
    desk.post(
        "/api/staff/decisions",
        json!({"customer_id": customer, "assessment_id": assessment, "service_code": "home-care",
            "household": {"size": 1, "gross_monthly_income_cents": income}, "granted_units": 40,
            "valid_from": "2026-12-01", "valid_until": "2027-05-31"}),
    )
    .await
}

/// Drafts and decides an income-related voucher for `customer`; the decision document.
async fn decided_voucher(desk: &Session<'_>, customer: i64) -> Value {
    let assessment = assess(desk, customer).await;
    let draft = draft_income_related(desk, customer, assessment, 90_000).await;
    assert_eq!(draft.status, 201, "{}", draft.json);
    let id = draft.json["id"].as_i64().expect("the draft's id");
    let decided = desk
        .post(&format!("/api/staff/decisions/{id}/decide"), json!({}))
        .await;
    assert_eq!(decided.status, 200, "{}", decided.json);
    decided.json
}
