//! Sessions after a login: a server-side session in an HttpOnly cookie, a new id at every
//! login, the idle and absolute limits, logout, and the same-origin rule.

use crate::helpers::{Session, TestApp};
use seteli_edge::http::Method;

use super::{anni, logged_in};

#[tokio::test]
async fn a_completed_login_starts_a_server_side_session_in_an_http_only_cookie() {
    let app = TestApp::with_identification();

    let res = app.login_as(anni(), None).await;

    let cookie = res
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("seteli_session="))
        .unwrap();
    assert!(
        cookie.contains("; HttpOnly")
            && cookie.contains("; SameSite=Lax")
            && cookie.contains("; Path=/")
    );
    assert!(
        !cookie.contains("Secure"),
        "plain-http localhost cannot use Secure cookies"
    );
    assert!(
        res.set_cookies()
            .iter()
            .any(|c| c.starts_with("seteli_login=;")),
        "the login cookie is cleared"
    );
    let session = res.cookie("seteli_session").unwrap();
    let me = app.get_me(&session).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json["given_name"], anni().given_name.as_str());
    assert_eq!(me.json["family_name"], anni().family_name.as_str());
    assert!(
        !me.json.to_string().contains(anni().code()),
        "the identity code is never sent back"
    );
    let stored = app
        .ctx
        .db
        .scalar(&format!(
            "SELECT COUNT(*) FROM sessions WHERE id_hash = '{session}'"
        ))
        .unwrap();
    assert_eq!(stored, 0, "only a hash of the id is stored");
}

#[tokio::test]
async fn each_login_gets_a_new_session_id_and_ends_the_previous_session() {
    let app = TestApp::with_identification();
    let first = logged_in(&app).await;

    let second = app
        .login_as(anni(), Some(&first))
        .await
        .cookie("seteli_session")
        .unwrap();

    assert_ne!(first, second);
    assert_eq!(app.get_me(&first).await.status, 401);
    assert_eq!(app.get_me(&second).await.status, 200);
}

#[tokio::test]
async fn a_session_unused_for_thirty_minutes_ends() {
    let mut app = TestApp::with_identification();
    let session = logged_in(&app).await;

    app.advance(29 * 60);
    assert_eq!(
        app.get_me(&session).await.status,
        200,
        "used within 30 minutes"
    );
    app.advance(29 * 60);
    assert_eq!(
        app.get_me(&session).await.status,
        200,
        "each use restarts the idle limit"
    );
    app.advance(30 * 60);
    let res = app.get_me(&session).await;

    assert_eq!(res.status, 401);
    assert_eq!(res.code(), "unauthorized");
    assert_eq!(
        app.ctx.db.scalar("SELECT COUNT(*) FROM sessions").unwrap(),
        0,
        "the expired session is deleted"
    );
}

#[tokio::test]
async fn a_session_ends_eight_hours_after_login_however_busy() {
    let mut app = TestApp::with_identification();
    let session = logged_in(&app).await;

    for _ in 0..23 {
        app.advance(20 * 60);
        assert_eq!(app.get_me(&session).await.status, 200);
    }
    app.advance(20 * 60); // 8 h after login

    assert_eq!(app.get_me(&session).await.status, 401);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::with_identification();
    let session = logged_in(&app).await;
    let cookie = format!("seteli_session={session}");

    let res = app
        .request_with(Method::Post, "/api/auth/logout", &[("cookie", &cookie)])
        .await;

    assert_eq!(res.status, 204);
    assert!(res
        .set_cookies()
        .iter()
        .any(|c| c.starts_with("seteli_session=;") && c.contains("Max-Age=0")));
    assert_eq!(
        app.get_me(&session).await.status,
        401,
        "the old cookie no longer works"
    );
}

#[tokio::test]
async fn a_cross_site_post_is_refused_and_changes_nothing() {
    let app = TestApp::with_identification();
    let session = logged_in(&app).await;
    let browser = Session::with_id(&app, &session);

    for origin in ["https://evil.example", "null", "http://127.0.0.1:9999"] {
        let res = browser
            .send(Method::Post, "/api/auth/logout", &[("origin", origin)])
            .await;
        assert_eq!(res.status, 403, "{origin}");
        assert_eq!(res.code(), "cross_site_request");
    }
    assert_eq!(app.get_me(&session).await.status, 200, "still logged in");
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let app = TestApp::new();

    for res in [app.get("/api/auth/me").await, app.get_me("made-up").await] {
        assert_eq!(res.status, 401);
        assert_eq!(res.code(), "unauthorized");
    }
}
