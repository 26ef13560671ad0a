//! Strong identification at the identification mock, sessions and logout, staff logins, the
//! ID token's checks, `userinfo`, and what is logged.

mod id_token;
mod login;
mod logs;
mod sessions;
mod staff;
mod userinfo;

use crate::helpers::{cast, Mocks, TestApp, TestResponse};
use seteli_mocks::identification::people::{Person, StaffUser};

/// The citizen these tests log in as.
fn anni() -> &'static Person {
    cast::person("Anni")
}

fn staff_user(username: &str) -> &'static StaffUser {
    cast::staff_user(username)
}

/// Anni logged in; her session id. The login came back where it started.
async fn logged_in(app: &TestApp<Mocks>) -> String {
    let res = app.login_as(anni(), None).await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.header("location"),
        Some("/omat"),
        "back where the login started"
    );
    res.cookie("seteli_session").expect("a session cookie")
}

/// A deployment whose identification provider gives the person's claims only from
/// `userinfo`, not in the ID token.
async fn app_with_claims_in_userinfo() -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    app.identification()
        .put_claims_in(seteli_mocks::identification::ClaimsIn::Userinfo)
        .await;
    app
}

/// How many sessions `person` has.
fn sessions_with_hetu(app: &TestApp<Mocks>, person: &Person) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM sessions WHERE hetu = '{}'",
        person.code()
    ))
}

/// The callback sent the browser to the front page with `expected` and no session.
fn assert_refused(res: &TestResponse, expected: &str) {
    assert_eq!(res.status, 303);
    assert_eq!(
        res.header("location"),
        Some(format!("/?login_error={expected}").as_str())
    );
    assert!(res.cookie("seteli_session").is_none());
}
