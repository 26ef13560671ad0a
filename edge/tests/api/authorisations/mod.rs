//! The organisers' own e-authorisations: the catalogue and maps every employee reads, the
//! two order paths with whom one may order for, the administrator's queue on the case
//! engine, the holdings register with its renewals, and the report.

mod catalogue;
mod holdings;
mod import;
mod orders;
mod paths;

use crate::helpers::{cast, Mocks, Session, TestApp};
use serde_json::{json, Value};

/// Both organisers' catalogues (Itä-Uusimaa's Kela entries 1, held, and 2, not held), no
/// orders yet.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.authorisation_catalogue();
    app
}

/// A staff member of the cast, logged in.
async fn staff<'a>(app: &'a TestApp<Mocks>, username: &str) -> Session<'a> {
    Session::staff(app, cast::staff_user(username)).await
}

/// The administrator Jukka, without customer service's role.
async fn admin(app: &TestApp<Mocks>) -> Session<'_> {
    staff(app, "valtuushallinnoija").await
}

/// An order on `path` of `authorisations` for the social counsellor Mikaela herself.
fn own_order(path: &str, authorisations: &[i64]) -> Value {
    json!({
        "path": path,
        "given_name": "Mikaela Johanna",
        "family_name": "Holmström",
        "hetu": cast::person("Anni").code(),
        "department": "sosiaalipalvelut",
        "job_title": "sosiaaliohjaaja",
        "authorisations": authorisations,
        "justification": "Toimeentulotuen päätökset vaativat Kelan etuustiedot.",
        "email": "mikaela.holmstrom@porvoo.example",
    })
}

/// An order on `path` of `authorisations` for Mikko, a client coordinator in social
/// services (as his supervisor orders it).
fn team_order(path: &str, authorisations: &[i64]) -> Value {
    json!({
        "path": path,
        "given_name": "Mikko",
        "family_name": "Kumpulainen",
        "hetu": cast::person("Mikko").code(),
        "department": "sosiaalipalvelut",
        "job_title": "asiakasohjaaja",
        "authorisations": authorisations,
        "justification": "Uusi tehtävä toimeentulotuessa.",
        "email": "anna-kaisa.lindholm@porvoo.example",
        "needed_until": "2027-12-31",
    })
}

/// Sends `body` as `who`; the new order's id.
async fn order(who: &Session<'_>, body: Value) -> i64 {
    let sent = who.post("/api/staff/authorisation-orders", body).await;
    assert_eq!(sent.status, 201, "{}", sent.json);
    sent.json["id"].as_i64().expect("an order id")
}

/// `step` on order `id` as `who` with `body`.
async fn step(who: &Session<'_>, id: i64, step: &str, body: Value) -> crate::helpers::TestResponse {
    who.post(
        &format!("/api/staff/authorisation-orders/{id}/{step}"),
        body,
    )
    .await
}
