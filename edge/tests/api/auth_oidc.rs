//! Logging in through a conformant identity broker: the identity (and staff municipality and
//! roles) from the ID token or, when absent there, from `userinfo`; and the ID token checks a
//! certified OpenID library makes (`kid`, `azp`, the keys' `use` and `alg`).

use crate::fake_provider::{self, FakeProvider, Grant};
use crate::helpers::TestApp;
use seteli_edge::crypto::pkce_challenge;
use seteli_edge::oidc::{self, verify_id_token, CodeExchange, Jwks, OidcConfig, TokenError};

const HETU: &str = "010280-952L";

/// A deployment whose staff (and only staff) log in at the fake provider, which asserts
/// `municipality`, `roles` and `preferred_username` for them.
fn staff_app() -> TestApp<FakeProvider> {
    let mut app = TestApp::with_identification();
    app.ctx.config.staff_oidc = app.ctx.config.citizen_oidc.take();
    app.ctx.http.tamper.lock().unwrap().extend([
        ("municipality".to_owned(), serde_json::json!("638")),
        (
            "roles".to_owned(),
            serde_json::json!(["customer_service", "authorisation_admin"]),
        ),
        (
            "preferred_username".to_owned(),
            serde_json::json!("valtuushallinnoija"),
        ),
    ]);
    app
}

async fn staff_login(app: &TestApp<FakeProvider>) -> crate::helpers::TestResponse {
    app.login_at("/api/auth/login?audience=staff", HETU, None)
        .await
}

fn sessions_with_hetu(app: &TestApp<FakeProvider>, hetu: &str) -> i64 {
    app.ctx
        .db
        .scalar(&format!(
            "SELECT COUNT(*) FROM sessions WHERE hetu = '{hetu}'"
        ))
        .unwrap()
}

fn assert_refused(res: &crate::helpers::TestResponse, expected: &str) {
    assert_eq!(res.status, 303);
    assert_eq!(
        res.header("location"),
        Some(format!("/?login_error={expected}").as_str())
    );
    assert!(res.cookie("seteli_session").is_none());
}

#[tokio::test]
async fn a_citizen_with_the_identity_code_in_the_id_token_logs_in_without_asking_userinfo() {
    let app = TestApp::with_identification();

    let res = app.login_as(HETU, None).await;

    let session = res.cookie("seteli_session").expect("a session");
    assert_eq!(app.get_me(&session).await.json["given_name"], "Anni");
    assert_eq!(sessions_with_hetu(&app, HETU), 1);
    assert!(!app.ctx.http.userinfo_was_called());
}

#[tokio::test]
async fn a_citizen_whose_identity_code_and_names_are_only_in_userinfo_logs_in() {
    let app = TestApp::with_identification();
    *app.ctx.http.claims_only_in_userinfo.lock().unwrap() = true;

    let res = app.login_as("140334-912M", None).await;

    assert_eq!(res.header("location"), Some("/omat"));
    let session = res.cookie("seteli_session").expect("a session");
    let me = app.get_me(&session).await;
    assert_eq!(me.json["audience"], "citizen");
    assert_eq!(me.json["given_name"], "Eeva-Liisa");
    assert_eq!(me.json["family_name"], "Kinnunen");
    assert_eq!(sessions_with_hetu(&app, "140334-912M"), 1);
    assert!(app.ctx.http.userinfo_was_called());
}

#[tokio::test]
async fn staff_with_municipality_and_roles_in_the_id_token_log_in_without_asking_userinfo() {
    let app = staff_app();

    let res = staff_login(&app).await;

    let session = res.cookie("seteli_session").expect("a staff session");
    let me = app.get_me(&session).await;
    assert_eq!(me.json["audience"], "staff");
    assert_eq!(me.json["municipality_code"], "638");
    assert_eq!(
        me.json["roles"],
        serde_json::json!(["customer_service", "authorisation_admin"])
    );
    assert!(!app.ctx.http.userinfo_was_called());
}

#[tokio::test]
async fn staff_whose_municipality_and_roles_are_only_in_userinfo_log_in() {
    let app = staff_app();
    *app.ctx.http.claims_only_in_userinfo.lock().unwrap() = true;

    let res = staff_login(&app).await;

    let session = res.cookie("seteli_session").expect("a staff session");
    let me = app.get_me(&session).await;
    assert_eq!(me.json["audience"], "staff");
    assert_eq!(me.json["municipality_code"], "638");
    assert_eq!(
        me.json["roles"],
        serde_json::json!(["customer_service", "authorisation_admin"])
    );
    assert_eq!(me.json["given_name"], "Anni");
    let username: i64 = app
        .ctx
        .db
        .scalar("SELECT COUNT(*) FROM sessions WHERE subject = 'valtuushallinnoija'")
        .unwrap();
    assert_eq!(
        username, 1,
        "staff are known by their username from userinfo"
    );
    assert!(app.ctx.http.userinfo_was_called());
}

#[tokio::test]
async fn a_userinfo_answer_about_another_subject_gives_no_session() {
    for staff in [false, true] {
        let app = if staff {
            staff_app()
        } else {
            TestApp::with_identification()
        };
        *app.ctx.http.claims_only_in_userinfo.lock().unwrap() = true;
        app.ctx
            .http
            .userinfo_tamper
            .lock()
            .unwrap()
            .push(("sub".into(), serde_json::json!("sub-someone-else")));

        let res = if staff {
            staff_login(&app).await
        } else {
            app.login_as(HETU, None).await
        };

        assert_refused(&res, "failed");
        assert_eq!(
            app.ctx.db.scalar("SELECT COUNT(*) FROM sessions").unwrap(),
            0,
            "staff: {staff}"
        );
    }
}

#[tokio::test]
async fn userinfo_only_fills_in_what_the_id_token_lacks() {
    let app = TestApp::with_identification();
    // The ID token has the identity code but no names; userinfo names another code.
    app.ctx.http.tamper.lock().unwrap().extend([
        ("given_name".to_owned(), serde_json::Value::Null),
        ("family_name".to_owned(), serde_json::Value::Null),
    ]);
    app.ctx.http.userinfo_tamper.lock().unwrap().extend([
        ("given_name".to_owned(), serde_json::json!("Anni")),
        ("family_name".to_owned(), serde_json::json!("Kumpulainen")),
        (
            "urn:oid:1.2.246.21".to_owned(),
            serde_json::json!("140334-912M"),
        ),
    ]);

    let res = app.login_as(HETU, None).await;

    let session = res.cookie("seteli_session").expect("a session");
    assert_eq!(app.get_me(&session).await.json["given_name"], "Anni");
    assert_eq!(sessions_with_hetu(&app, HETU), 1, "the ID token's code");
    assert_eq!(sessions_with_hetu(&app, "140334-912M"), 0);
}

#[tokio::test]
async fn a_failing_userinfo_gives_no_session_and_says_the_service_is_unavailable() {
    let app = TestApp::with_identification();
    *app.ctx.http.claims_only_in_userinfo.lock().unwrap() = true;
    app.ctx.http.answers.lock().unwrap().insert(
        format!("{}/userinfo", fake_provider::ISSUER),
        (503, "maintenance".into()),
    );

    let res = app.login_as(HETU, None).await;

    assert_refused(&res, "unavailable");
}

#[tokio::test]
async fn without_a_userinfo_endpoint_a_token_lacking_the_identity_code_gives_no_session() {
    let app = TestApp::with_identification();
    *app.ctx.http.claims_only_in_userinfo.lock().unwrap() = true;
    app.ctx.http.answers.lock().unwrap().insert(
        format!("{}/.well-known/openid-configuration", fake_provider::ISSUER),
        (
            200,
            serde_json::json!({
                "issuer": fake_provider::ISSUER,
                "authorization_endpoint": format!("{}/authorize", fake_provider::ISSUER),
                "token_endpoint": format!("{}/token", fake_provider::ISSUER),
                "jwks_uri": format!("{}/jwks", fake_provider::ISSUER),
            })
            .to_string(),
        ),
    );

    let res = app.login_as(HETU, None).await;

    assert_refused(&res, "failed");
    assert!(!app.ctx.http.userinfo_was_called());
}

mod id_token {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn config() -> OidcConfig {
        OidcConfig {
            issuer: fake_provider::ISSUER.into(),
            client_id: fake_provider::CLIENT_ID.into(),
            client_secret: String::new(),
        }
    }

    fn claims() -> serde_json::Value {
        serde_json::json!({"iss": fake_provider::ISSUER, "aud": fake_provider::CLIENT_ID, "sub": "s",
                           "iat": NOW, "exp": NOW + 600, "nonce": "n-1"})
    }

    /// The provider's one key, with `changes` made to it, plus `more` keys.
    fn jwks(changes: serde_json::Value, more: &[serde_json::Value]) -> Jwks {
        let provider = FakeProvider::new(NOW);
        let mut set = provider.jwks();
        let key = &mut set["keys"][0];
        for (name, value) in changes.as_object().unwrap() {
            key[name] = value.clone();
        }
        let mut keys = set["keys"].as_array().unwrap().clone();
        keys.extend(more.iter().cloned());
        serde_json::from_value(serde_json::json!({ "keys": keys })).unwrap()
    }

    /// Another key entry (the same modulus under another id is enough to be "another key").
    fn another_key(changes: serde_json::Value) -> serde_json::Value {
        let mut key = FakeProvider::new(NOW).jwks()["keys"][0].clone();
        key["kid"] = "other".into();
        for (name, value) in changes.as_object().unwrap() {
            key[name] = value.clone();
        }
        key
    }

    fn without_kid(claims: &serde_json::Value) -> String {
        FakeProvider::new(NOW)
            .sign_with_header(&serde_json::json!({"alg": "RS256", "typ": "JWT"}), claims)
    }

    fn verify(token: &str, jwks: &Jwks) -> Result<(), TokenError> {
        verify_id_token(token, jwks, &config(), "n-1", NOW).map(|_| ())
    }

    #[test]
    fn a_token_without_kid_is_refused_when_the_jwks_has_several_signing_keys() {
        let set = jwks(serde_json::json!({}), &[another_key(serde_json::json!({}))]);

        assert_eq!(
            verify(&without_kid(&claims()), &set),
            Err(TokenError::AmbiguousKey)
        );
        // With its kid, the same token's key is found among several.
        let with_kid = FakeProvider::new(NOW).sign(&claims());
        assert_eq!(verify(&with_kid, &set), Ok(()));
    }

    #[test]
    fn a_token_without_kid_verifies_against_the_only_signing_key_of_the_set() {
        let only = jwks(serde_json::json!({}), &[]);
        let beside_an_encryption_key = jwks(
            serde_json::json!({}),
            &[another_key(serde_json::json!({"use": "enc"}))],
        );
        let no_use_or_alg = jwks(serde_json::json!({"use": null, "alg": null}), &[]);

        for set in [only, beside_an_encryption_key, no_use_or_alg] {
            assert_eq!(verify(&without_kid(&claims()), &set), Ok(()));
        }
    }

    #[test]
    fn a_key_for_encryption_or_for_another_algorithm_never_verifies_a_token() {
        let token = FakeProvider::new(NOW).sign(&claims());
        for changes in [
            serde_json::json!({"use": "enc"}),
            serde_json::json!({"alg": "RS512"}),
            serde_json::json!({"alg": "PS256"}),
        ] {
            assert_eq!(
                verify(&token, &jwks(changes.clone(), &[])),
                Err(TokenError::UnknownKey),
                "{changes}"
            );
            assert_eq!(
                verify(&without_kid(&claims()), &jwks(changes.clone(), &[])),
                Err(TokenError::UnknownKey),
                "{changes}, no kid"
            );
        }
    }

    #[test]
    fn an_azp_other_than_our_client_is_refused() {
        let provider = FakeProvider::new(NOW);
        let set = jwks(serde_json::json!({}), &[]);
        let with_azp = |azp: serde_json::Value| {
            let mut c = claims();
            c["aud"] = serde_json::json!([fake_provider::CLIENT_ID, "another-client"]);
            c["azp"] = azp;
            provider.sign(&c)
        };

        assert_eq!(
            verify(&with_azp("another-client".into()), &set),
            Err(TokenError::WrongAuthorizedParty)
        );
        assert_eq!(
            verify(&with_azp(serde_json::json!(7)), &set),
            Err(TokenError::WrongAuthorizedParty)
        );
        assert_eq!(
            verify(&with_azp(fake_provider::CLIENT_ID.into()), &set),
            Ok(())
        );
    }

    #[test]
    fn a_token_without_a_subject_is_refused() {
        let provider = FakeProvider::new(NOW);
        let mut c = claims();
        c.as_object_mut().unwrap().remove("sub");
        assert_eq!(
            verify(&provider.sign(&c), &jwks(serde_json::json!({}), &[])),
            Err(TokenError::Malformed)
        );
    }
}

/// A remote answer that carries text a log must never hold.
const LEAK: &str = "LEAKED-TEXT 010280-952L";

/// Runs the callback's exchange with the provider directly, so its error (which is what the
/// callback logs) can be read.
async fn identify_error(provider: &FakeProvider) -> oidc::FlowError {
    let verifier = "v".repeat(43);
    provider.grant(
        "code-1",
        Grant {
            hetu: HETU.into(),
            given_name: "Anni".into(),
            family_name: "Kumpulainen".into(),
            nonce: "n-1".into(),
            code_challenge: pkce_challenge(&verifier),
        },
    );
    let exchange = CodeExchange {
        code: "code-1",
        redirect_uri: "http://127.0.0.1:8787/api/auth/callback",
        code_verifier: &verifier,
        nonce: "n-1",
        now: *provider.now.lock().unwrap(),
    };
    let config = OidcConfig {
        issuer: fake_provider::ISSUER.into(),
        client_id: fake_provider::CLIENT_ID.into(),
        client_secret: fake_provider::CLIENT_SECRET.into(),
    };
    match oidc::identify(provider, &config, &exchange, &["urn:oid:1.2.246.21"]).await {
        Ok(_) => panic!("the exchange was expected to fail"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn no_text_from_the_providers_answers_reaches_what_is_logged() {
    let iss = fake_provider::ISSUER;
    let cases = [
        (
            format!("{iss}/.well-known/openid-configuration"),
            200,
            format!(r#"{{"issuer": ["{LEAK}"]}}"#),
        ),
        (
            format!("{iss}/.well-known/openid-configuration"),
            500,
            LEAK.to_owned(),
        ),
        (
            format!("{iss}/token"),
            400,
            format!(r#"{{"error":"invalid_grant","error_description":"{LEAK}"}}"#),
        ),
        (
            format!("{iss}/token"),
            200,
            format!(r#"{{"id_token": ["{LEAK}"]}}"#),
        ),
        (
            format!("{iss}/jwks"),
            200,
            format!(r#"{{"keys": "{LEAK}"}}"#),
        ),
        (format!("{iss}/userinfo"), 500, LEAK.to_owned()),
        (format!("{iss}/userinfo"), 200, format!(r#"["{LEAK}"]"#)),
    ];
    for (url, status, body) in cases {
        let provider = FakeProvider::new(1_800_000_000);
        *provider.claims_only_in_userinfo.lock().unwrap() = true;
        provider
            .answers
            .lock()
            .unwrap()
            .insert(url.clone(), (status, body));

        let error = identify_error(&provider).await;

        // The callback logs the error's Display and `handle_login` its Debug.
        for logged in [error.to_string(), format!("{error:?}")] {
            assert!(
                !logged.contains("LEAKED") && !logged.contains("010280"),
                "{url} {status}: {logged}"
            );
        }
    }
}
