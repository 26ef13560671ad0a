//! Residents apply for a voucher online, and a child's shared matter gets every guardian's
//! say (DVV scenarios B and C): the guardian's application, the other guardian's consent
//! acting for the child, the handler's queue and a decision drafted from the application;
//! every refusal clear and changing nothing.

mod consent;
mod declared;
mod files;
mod refusals;

use crate::helpers::{cast, Mocks, Session, TestApp};
use serde_json::{json, Value};

/// Aurinko approved for home care in Porvoo (so Porvoo grants home-care vouchers, with an
/// income table); customers Anni (1), Eetu (2) and Ella (3) of Porvoo. Mikko, the
/// children's other guardian, is not a customer.
pub fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app.income_table("ita-uusimaa", "home-care");
    for (id, name) in [(1, "Anni"), (2, "Eetu"), (3, "Ella")] {
        app.customer(id, cast::person(name));
    }
    app
}

/// `guardian` logged in and acting for `child` through Valtuudet.
pub async fn acting_for<'a>(app: &'a TestApp<Mocks>, guardian: &str, child: &str) -> Session<'a> {
    let session = Session::citizen(app, cast::person(guardian)).await;
    let landed = session.act_for_child(cast::person(child)).await;
    assert!(
        landed.starts_with("/my/"),
        "{guardian} for {child}: {landed}"
    );
    session
}

/// Itä-Uusimaa's customer service (Porvoo's organiser).
pub async fn desk(app: &TestApp<Mocks>) -> Session<'_> {
    Session::staff(app, cast::staff_user("asiakaspalvelu")).await
}

/// A whole form for home care in Porvoo with `shared` as the child's shared matter.
pub fn form(shared: Value) -> Value {
    json!({
        "service_code": "home-care",
        "municipality_code": "638",
        "need": "Eetu tarvitsee apua aamuisin ennen koulua.",
        "household_size": 2,
        "gross_monthly_income_cents": 150_000,
        "contact": "messages",
        "confirmed": true,
        "shared": shared,
    })
}

/// The shared matter naming Mikko for consent.
pub fn mikko_consents() -> Value {
    json!({"kind": "consent", "others": [{"given_name": "Mikko Tapani", "family_name": "Kumpulainen",
        "hetu": cast::person("Mikko").code()}]})
}

/// `session` starts an application with `form` and sends it; the sent application.
pub async fn sent(session: &Session<'_>, form: Value) -> Value {
    let started = session.post("/api/citizen/applications", form).await;
    assert_eq!(started.status, 201, "{}", started.json);
    let id = started.json["id"].as_i64().unwrap();
    let sent = session
        .post(&format!("/api/citizen/applications/{id}/send"), json!({}))
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);
    sent.json
}

/// How many rows `sql` counts.
pub fn count(app: &TestApp<Mocks>, sql: &str) -> i64 {
    app.count(sql)
}
