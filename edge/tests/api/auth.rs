//! Strong identification, sessions and logout, natively, with a fake identity provider.

use crate::fake_provider::{self, FakeProvider};
use crate::helpers::TestApp;
use seteli_edge::http::Method;
use seteli_edge::oidc::{verify_id_token, Jwks, OidcConfig, TokenError};

const HETU: &str = "010280-952L";

async fn logged_in(app: &TestApp<FakeProvider>) -> String {
    let res = app.login_as(HETU, None).await;
    assert_eq!(res.status, 303);
    assert_eq!(
        res.header("location"),
        Some("/omat"),
        "back where the login started"
    );
    res.cookie("seteli_session").expect("a session cookie")
}

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
async fn a_completed_login_starts_a_server_side_session_in_an_http_only_cookie() {
    let app = TestApp::with_identification();

    let res = app.login_as(HETU, None).await;

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
    assert_eq!(me.json["given_name"], "Anni");
    assert_eq!(me.json["family_name"], "Kumpulainen");
    assert!(
        !me.json.to_string().contains(HETU),
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
        .login_as(HETU, Some(&first))
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
    let cookie = format!("seteli_session={session}");

    for origin in ["https://evil.example", "null", "http://127.0.0.1:9999"] {
        let res = app
            .request_with(
                Method::Post,
                "/api/auth/logout",
                &[("cookie", &cookie), ("origin", origin)],
            )
            .await;
        assert_eq!(res.status, 403, "{origin}");
        assert_eq!(res.code(), "cross_site_request");
    }
    assert_eq!(app.get_me(&session).await.status, 200, "still logged in");
}

#[tokio::test]
async fn a_callback_with_a_wrong_state_or_no_login_cookie_gives_no_session() {
    let app = TestApp::with_identification();
    let (login_cookie, _) = app.start_login().await;
    let cookie = format!("seteli_login={login_cookie}");

    let wrong_state = app
        .request_with(
            Method::Get,
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

    let first = app
        .request_with(Method::Get, &callback, &[("cookie", &cookie)])
        .await;
    let replay = app
        .request_with(Method::Get, &callback, &[("cookie", &cookie)])
        .await;

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
        app.ctx
            .http
            .tamper
            .lock()
            .unwrap()
            .push((claim.into(), value));

        let res = app.login_as(HETU, None).await;

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
    *app.ctx.http.up.lock().unwrap() = false;

    let res = app.get("/api/auth/login").await;

    assert_eq!(res.status, 303);
    assert_eq!(res.header("location"), Some("/?login_error=unavailable"));
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let app = TestApp::new();

    for res in [app.get("/api/auth/me").await, app.get_me("made-up").await] {
        assert_eq!(res.status, 401);
        assert_eq!(res.code(), "unauthorized");
    }
}

#[tokio::test]
async fn login_returns_only_to_paths_inside_seteli() {
    let app = TestApp::with_identification();
    for evil in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let res = app
            .get(&format!(
                "/api/auth/login?return_to={}",
                url::form_urlencoded::byte_serialize(evil.as_bytes()).collect::<String>()
            ))
            .await;
        assert_eq!(res.status, 303);
        let stored: i64 = app
            .ctx
            .db
            .scalar("SELECT COUNT(*) FROM login_attempts WHERE return_to != '/'")
            .unwrap();
        assert_eq!(stored, 0, "{evil} became /");
    }
}

mod id_token {
    use super::*;

    fn config() -> OidcConfig {
        OidcConfig {
            issuer: fake_provider::ISSUER.into(),
            client_id: fake_provider::CLIENT_ID.into(),
            client_secret: String::new(),
        }
    }

    fn claims(now: i64) -> serde_json::Value {
        serde_json::json!({"iss": fake_provider::ISSUER, "aud": fake_provider::CLIENT_ID, "sub": "s",
                           "iat": now, "exp": now + 600, "nonce": "n-1"})
    }

    fn verify(token: &str, now: i64) -> Result<(), TokenError> {
        let provider = FakeProvider::new(now);
        let jwks: Jwks = serde_json::from_value(provider.jwks()).unwrap();
        verify_id_token(token, &jwks, &config(), "n-1", now).map(|_| ())
    }

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_well_formed_token_verifies() {
        let token = FakeProvider::new(NOW).sign(&claims(NOW));
        assert_eq!(verify(&token, NOW), Ok(()));
    }

    #[test]
    fn a_changed_payload_breaks_the_signature() {
        let token = FakeProvider::new(NOW).sign(&claims(NOW));
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let mut forged = claims(NOW);
        forged["sub"] = "someone-else".into();
        parts[1] = base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            forged.to_string(),
        );
        assert_eq!(verify(&parts.join("."), NOW), Err(TokenError::BadSignature));
    }

    #[test]
    fn wrong_audience_expiry_nonce_and_algorithm_are_refused() {
        let provider = FakeProvider::new(NOW);
        let with = |name: &str, value: serde_json::Value| {
            let mut c = claims(NOW);
            c[name] = value;
            provider.sign(&c)
        };
        assert_eq!(
            verify(&with("aud", "other".into()), NOW),
            Err(TokenError::WrongAudience)
        );
        assert_eq!(
            verify(&with("aud", serde_json::json!(["a", "seteli-local"])), NOW),
            Ok(())
        );
        assert_eq!(
            verify(&with("iss", "http://evil".into()), NOW),
            Err(TokenError::WrongIssuer)
        );
        assert_eq!(
            verify(&with("nonce", "n-2".into()), NOW),
            Err(TokenError::WrongNonce)
        );
        assert_eq!(
            verify(&with("exp", (NOW - 61).into()), NOW),
            Err(TokenError::Expired)
        );
        assert_eq!(
            verify(&with("iat", (NOW + 3600).into()), NOW),
            Err(TokenError::IssuedInTheFuture)
        );
        let unsigned = format!(
            "{}.{}.",
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                r#"{"alg":"none"}"#
            ),
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                claims(NOW).to_string()
            )
        );
        assert_eq!(
            verify(&unsigned, NOW),
            Err(TokenError::UnsupportedAlgorithm)
        );
        assert_eq!(verify("not.a.jwt.at-all", NOW), Err(TokenError::Malformed));
    }
}

#[tokio::test]
async fn staff_log_in_at_their_own_provider_and_get_a_staff_session() {
    let mut app = TestApp::with_identification();
    // The fake provider stands in for the staff issuer; citizens have none configured here.
    app.ctx.config.staff_oidc = app.ctx.config.citizen_oidc.take();
    app.ctx.http.tamper.lock().unwrap().extend([
        ("municipality".to_owned(), serde_json::json!("638")),
        (
            "roles".to_owned(),
            serde_json::json!(["customer_service", "root"]),
        ),
        (
            "preferred_username".to_owned(),
            serde_json::json!("asiakaspalvelu"),
        ),
    ]);

    let res = app
        .login_at("/api/auth/login?audience=staff", HETU, None)
        .await;
    let session = res.cookie("seteli_session").expect("a staff session");
    let me = app.get_me(&session).await;
    let vouchers = app
        .request_with(
            Method::Get,
            "/api/citizen/vouchers",
            &[("cookie", &format!("seteli_session={session}"))],
        )
        .await;

    assert_eq!(me.json["audience"], "staff");
    assert_eq!(me.json["municipality_code"], "638");
    assert_eq!(
        me.json["roles"],
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
async fn a_staff_token_without_a_municipality_gives_no_session() {
    let mut app = TestApp::with_identification();
    app.ctx.config.staff_oidc = app.ctx.config.citizen_oidc.take();

    let res = app
        .login_at("/api/auth/login?audience=staff", HETU, None)
        .await;

    assert_eq!(res.header("location"), Some("/?login_error=failed"));
    assert!(res.cookie("seteli_session").is_none());
}
