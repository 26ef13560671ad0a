//! Staff log in at their own issuer: organiser, roles and username from the ID token or
//! only from `userinfo`, unknown roles dropped, and no session without an organiser.

use super::{assert_refused, staff_user};
use crate::helpers::{Mocks, Session, TestApp};
use seteli_mocks::identification::ClaimsIn;

#[tokio::test]
async fn staff_log_in_at_their_own_provider_and_get_a_staff_session() {
    let mut app = TestApp::with_identification();
    // Citizens have no provider configured here.
    app.ctx.config.citizen_oidc = None;
    app.identification().tamper.lock().unwrap().push((
        "roles".to_owned(),
        serde_json::json!(["customer_service", "root"]),
    ));

    let staff = Session::staff(&app, staff_user("asiakaspalvelu")).await;
    let me = staff.me().await;
    let vouchers = staff.get("/api/citizen/vouchers").await;

    assert_eq!(me["audience"], "staff");
    assert_eq!(me["organiser_code"], "ita-uusimaa");
    assert_eq!(me["organiser_name"], "Itä-Uudenmaan hyvinvointialue");
    // Of the county's municipalities, the test deployment has Porvoo.
    assert_eq!(me["organiser_municipalities"][0]["code"], "638");
    assert_eq!(me["organiser_municipalities"].as_array().unwrap().len(), 1);
    assert_eq!(
        me["roles"],
        serde_json::json!(["customer_service"]),
        "unknown roles are dropped"
    );
    assert_eq!(vouchers.status, 403, "a staff session is not a customer's");
    // Citizens' login is not configured here: it explains itself instead of using staff's.
    assert_eq!(
        app.get("/api/auth/login").await.header("location"),
        Some("/?login_error=unavailable")
    );
}

#[tokio::test]
async fn a_staff_token_without_an_organiser_gives_no_session() {
    let app = TestApp::with_identification();
    app.identification()
        .tamper
        .lock()
        .unwrap()
        .push(("organiser".to_owned(), serde_json::Value::Null));

    let res = app.staff_login(staff_user("asiakaspalvelu")).await;

    assert_refused(&res, "failed");
}

/// The authorisation admin logs in with the claims where `claims_in` puts them; asserts the
/// staff session they get and returns the deployment.
async fn admin_logs_in(claims_in: ClaimsIn) -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    app.identification().put_claims_in(claims_in).await;

    let res = app.staff_login(staff_user("valtuushallinnoija")).await;

    let session = res.cookie("seteli_session").expect("a staff session");
    let me = app.get_me(&session).await;
    assert_eq!(me.json["audience"], "staff", "{claims_in:?}");
    assert_eq!(me.json["organiser_code"], "ita-uusimaa", "{claims_in:?}");
    assert_eq!(
        me.json["roles"],
        serde_json::json!(["customer_service", "authorisation_admin"]),
        "{claims_in:?}"
    );
    app
}

#[tokio::test]
async fn staff_with_organiser_and_roles_in_the_id_token_log_in_without_asking_userinfo() {
    let app = admin_logs_in(ClaimsIn::IdToken).await;

    assert!(!app.identification().userinfo_was_called());
}

#[tokio::test]
async fn staff_whose_organiser_and_roles_are_only_in_userinfo_log_in() {
    let app = admin_logs_in(ClaimsIn::Userinfo).await;

    let admin = staff_user("valtuushallinnoija");
    let given_name: i64 = app.count(&format!(
        "SELECT COUNT(*) FROM sessions WHERE given_name = '{}'",
        admin.given_name
    ));
    assert_eq!(given_name, 1, "the names from userinfo");
    let username = app.count(&format!(
        "SELECT COUNT(*) FROM sessions WHERE subject = '{}'",
        admin.username
    ));
    assert_eq!(
        username, 1,
        "staff are known by their username from userinfo"
    );
    assert!(app.identification().userinfo_was_called());
}

#[tokio::test]
async fn staff_log_in_at_the_mock_with_the_claims_in_the_id_token_or_only_in_userinfo() {
    for claims_in in [ClaimsIn::IdToken, ClaimsIn::Userinfo] {
        admin_logs_in(claims_in).await;
    }
}
