//! What the login logs when the provider misbehaves: never text from the provider's
//! answers, never an identity code.

use super::{anni, app_with_claims_in_userinfo};
use crate::helpers::{IdentificationMock, TestApp, PUBLIC_URL};
use seteli_edge::crypto::pkce_challenge;
use seteli_edge::oidc::{self, CodeExchange};
use seteli_mocks::identification::Issuer;

/// A remote answer that carries text a log must never hold (with an identity code in it).
fn leak() -> String {
    format!("LEAKED-TEXT {}", anni().code())
}

/// Runs the callback's exchange with the provider directly, for a code the mock gave Anni,
/// so its error (which is what the callback logs) can be read.
async fn identify_error(app: &TestApp<crate::helpers::Mocks>) -> oidc::FlowError {
    let verifier = "v".repeat(43);
    let redirect_uri = format!("{PUBLIC_URL}/api/auth/callback");
    let mut authorize = url::Url::parse(&format!(
        "{}/authorize",
        IdentificationMock::issuer(Issuer::Citizen)
    ))
    .unwrap();
    authorize
        .query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", Issuer::Citizen.client_id())
        .append_pair("redirect_uri", &redirect_uri)
        .append_pair("scope", "openid")
        .append_pair("nonce", "n-1")
        .append_pair("code_challenge", &pkce_challenge(&verifier))
        .append_pair("code_challenge_method", "S256");
    let back = app
        .identification()
        .choose(&authorize, ("hetu", anni().code()))
        .await;
    let code = back
        .query_pairs()
        .find(|(k, _)| k == "code")
        .expect("a code")
        .1
        .into_owned();
    let exchange = CodeExchange {
        code: &code,
        redirect_uri: &redirect_uri,
        code_verifier: &verifier,
        nonce: "n-1",
        now: app.ctx.now.unix_timestamp(),
    };
    let config = IdentificationMock::oidc_config(Issuer::Citizen);
    match oidc::identify(&app.ctx.http, &config, &exchange, &["urn:oid:1.2.246.21"]).await {
        Ok(_) => panic!("the exchange was expected to fail"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn no_text_from_the_providers_answers_reaches_what_is_logged() {
    let iss = IdentificationMock::issuer(Issuer::Citizen);
    let leak = leak();
    let cases = [
        (
            format!("{iss}/.well-known/openid-configuration"),
            200,
            format!(r#"{{"issuer": ["{leak}"]}}"#),
        ),
        (
            format!("{iss}/.well-known/openid-configuration"),
            500,
            leak.clone(),
        ),
        (
            format!("{iss}/token"),
            400,
            format!(r#"{{"error":"invalid_grant","error_description":"{leak}"}}"#),
        ),
        (
            format!("{iss}/token"),
            200,
            format!(r#"{{"id_token": ["{leak}"]}}"#),
        ),
        (
            format!("{iss}/jwks"),
            200,
            format!(r#"{{"keys": "{leak}"}}"#),
        ),
        (format!("{iss}/userinfo"), 500, leak.clone()),
        (format!("{iss}/userinfo"), 200, format!(r#"["{leak}"]"#)),
    ];
    for (url, status, body) in cases {
        let app = app_with_claims_in_userinfo().await;
        app.identification()
            .answers
            .lock()
            .unwrap()
            .insert(url.clone(), (status, body));

        let error = identify_error(&app).await;

        // The callback logs the error's Display and `handle_login` its Debug.
        for logged in [error.to_string(), format!("{error:?}")] {
            assert!(
                !logged.contains("LEAKED") && !logged.contains(anni().code()),
                "{url} {status}: {logged}"
            );
        }
    }
}
