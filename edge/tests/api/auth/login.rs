//! Strong identification at the identification mock: the redirect with PKCE, state and
//! nonce, the callback's refusals, an unreachable provider, and where a login returns.

use super::anni;
use crate::helpers::TestApp;

#[tokio::test]
async fn login_sends_the_browser_to_the_provider_with_pkce_state_and_nonce() {
    let app = TestApp::with_identification();

    let (login_cookie, authorize) = app.start_login().await;

    assert_eq!(
        authorize.as_str().split('?').next(),
        Some("http://idp.test/citizen/authorize")
    );
    let param = |name: &str| {
        authorize
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(param("client_id").as_deref(), Some("seteli-local"));
    assert_eq!(
        param("redirect_uri").as_deref(),
        Some("http://127.0.0.1:8787/api/auth/callback")
    );
    assert_eq!(param("code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(param("response_type").as_deref(), Some("code"));
    for secret in ["state", "nonce", "code_challenge"] {
        assert!(
            param(secret).is_some_and(|v| v.len() >= 43),
            "{secret} is a 256-bit value"
        );
    }
    assert_eq!(login_cookie.len(), 43);
}

#[tokio::test]
async fn a_callback_with_a_wrong_state_or_no_login_cookie_gives_no_session() {
    let app = TestApp::with_identification();
    let (login_cookie, _) = app.start_login().await;
    let cookie = format!("seteli_login={login_cookie}");

    let wrong_state = app
        .get_with(
            "/api/auth/callback?code=x&state=forged",
            &[("cookie", &cookie)],
        )
        .await;
    let no_cookie = app.get("/api/auth/callback?code=x&state=y").await;

    for res in [wrong_state, no_cookie] {
        assert_eq!(res.status, 303);
        assert_eq!(res.header("location"), Some("/?login_error=failed"));
        assert!(res.cookie("seteli_session").is_none());
    }
}

#[tokio::test]
async fn a_login_can_be_completed_only_once() {
    let app = TestApp::with_identification();
    let (login_cookie, authorize) = app.start_login().await;
    let state = authorize
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let cookie = format!("seteli_login={login_cookie}");
    let callback = format!("/api/auth/callback?error=access_denied&state={state}");

    let first = app.get_with(&callback, &[("cookie", &cookie)]).await;
    let replay = app.get_with(&callback, &[("cookie", &cookie)]).await;

    assert_eq!(first.header("location"), Some("/?login_error=cancelled"));
    assert_eq!(replay.header("location"), Some("/?login_error=failed"));
}

#[tokio::test]
async fn a_refused_id_token_gives_no_session() {
    for (claim, value) in [
        ("aud", serde_json::json!("someone-else")),
        ("iss", serde_json::json!("http://idp.test/other")),
        ("nonce", serde_json::json!("replayed")),
        ("urn:oid:1.2.246.21", serde_json::json!("not-a-hetu")),
    ] {
        let app = TestApp::with_identification();
        app.identification()
            .tamper
            .lock()
            .unwrap()
            .push((claim.into(), value));

        let res = app.login_as(anni(), None).await;

        assert_eq!(
            res.header("location"),
            Some("/?login_error=failed"),
            "{claim}"
        );
        assert!(res.cookie("seteli_session").is_none(), "{claim}");
    }
}

#[tokio::test]
async fn an_unreachable_provider_is_explained_and_grants_nothing() {
    let app = TestApp::with_identification();
    *app.identification().up.lock().unwrap() = false;

    let res = app.get("/api/auth/login").await;

    assert_eq!(res.status, 303);
    assert_eq!(res.header("location"), Some("/?login_error=unavailable"));
}

#[tokio::test]
async fn login_returns_only_to_paths_inside_seteli() {
    let app = TestApp::with_identification();
    let logins: Vec<String> = [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ]
    .iter()
    .map(|evil| {
        let evil: String = url::form_urlencoded::byte_serialize(evil.as_bytes()).collect();
        format!("GET /api/auth/login?return_to={evil}")
    })
    .collect();
    let logins: Vec<&str> = logins.iter().map(String::as_str).collect();
    for (what, res) in app.answers(&logins).await {
        assert_eq!(res.status, 303, "{what}");
        let stored: i64 = app
            .ctx
            .db
            .scalar("SELECT COUNT(*) FROM login_attempts WHERE return_to != '/'")
            .unwrap();
        assert_eq!(stored, 0, "{what}: the return_to became /");
    }
}
