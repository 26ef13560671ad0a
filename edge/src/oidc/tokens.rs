//! The token endpoint (the code exchanged for verified tokens) and the `userinfo` endpoint.

use super::id_token::{verify_id_token, Jwks};
use super::{get_json, send, Cause, Discovery, FlowError, OidcConfig};
use crate::outbound::{Outbound, OutboundRequest};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Deserialize;

#[derive(Deserialize)]
struct TokenResponse {
    id_token: String,
    #[serde(default)]
    access_token: Option<String>,
}

/// What the callback brings to the token exchange.
pub struct CodeExchange<'a> {
    pub code: &'a str,
    pub redirect_uri: &'a str,
    pub code_verifier: &'a str,
    pub nonce: &'a str,
    /// Unix seconds, for the token's expiry.
    pub now: i64,
}

/// What a code exchange yields: the verified ID token's claims and the access token for
/// `userinfo`. Deliberately not `Debug`: both hold what must not be logged.
pub struct Tokens {
    /// The ID token's claims, verified.
    pub claims: serde_json::Map<String, serde_json::Value>,
    /// For `userinfo`; `None` if the provider sent none.
    pub access_token: Option<String>,
}

/// Exchanges the code for tokens (client authentication by HTTP Basic) and verifies the ID
/// token.
pub async fn exchange_code(
    http: &impl Outbound,
    config: &OidcConfig,
    discovery: &Discovery,
    exchange: &CodeExchange<'_>,
) -> Result<Tokens, FlowError> {
    let form = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "authorization_code")
        .append_pair("code", exchange.code)
        .append_pair("redirect_uri", exchange.redirect_uri)
        .append_pair("code_verifier", exchange.code_verifier)
        .finish();
    // RFC 6749 §2.3.1: the id and secret are form-encoded before Basic encoding.
    let basic = STANDARD.encode(format!(
        "{}:{}",
        url::form_urlencoded::byte_serialize(config.client_id.as_bytes()).collect::<String>(),
        url::form_urlencoded::byte_serialize(config.client_secret.as_bytes()).collect::<String>()
    ));
    let request = OutboundRequest {
        method: crate::http::Method::Post,
        url: discovery.token_endpoint.clone(),
        headers: vec![
            (
                "content-type".into(),
                "application/x-www-form-urlencoded".into(),
            ),
            ("authorization".into(), format!("Basic {basic}")),
            ("accept".into(), "application/json".into()),
        ],
        body: Some(form.into_bytes()),
    };
    const WHAT: &str = "token endpoint";
    let response = send(http, request, WHAT).await?;
    // The error body (RFC 6749 §5.2) is the provider's text: only the status is kept.
    expect_ok(response.status, WHAT, [400, 401], "refused the code")?;
    let tokens: TokenResponse = serde_json::from_str(&response.body).map_err(|_| {
        FlowError::Unavailable(Cause::new(WHAT, "answer not of the expected shape"))
    })?;
    let jwks: Jwks = get_json(http, &discovery.jwks_uri, "JWKS").await?;
    let claims = verify_id_token(
        &tokens.id_token,
        &jwks,
        config,
        exchange.nonce,
        exchange.now,
    )
    .map_err(|e| FlowError::Refused(Cause::new("ID token", e.as_str())))?;
    Ok(Tokens {
        claims,
        access_token: tokens.access_token,
    })
}

/// A 200 passes; a status in `refused` is the provider refusing (`why`), any other its failure.
fn expect_ok(
    status: u16,
    what: &'static str,
    refused: [u16; 2],
    why: &'static str,
) -> Result<(), FlowError> {
    match status {
        200 => Ok(()),
        status if refused.contains(&status) => {
            Err(FlowError::Refused(Cause::status(what, why, status)))
        }
        status => Err(FlowError::Unavailable(Cause::status(
            what,
            "answered an error",
            status,
        ))),
    }
}

/// Asks the provider's `userinfo` endpoint with the access token (OpenID Connect Core §5.3)
/// and returns its claims, after checking that they are about `subject` (the ID token's `sub`).
pub async fn userinfo(
    http: &impl Outbound,
    discovery: &Discovery,
    access_token: &str,
    subject: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, FlowError> {
    const WHAT: &str = "userinfo";
    let Some(endpoint) = &discovery.userinfo_endpoint else {
        return Err(FlowError::Unavailable(Cause::new(WHAT, "not advertised")));
    };
    let request = OutboundRequest {
        headers: vec![
            ("authorization".into(), format!("Bearer {access_token}")),
            ("accept".into(), "application/json".into()),
        ],
        ..OutboundRequest::get(endpoint.clone())
    };
    let response = send(http, request, WHAT).await?;
    expect_ok(
        response.status,
        WHAT,
        [401, 403],
        "refused the access token",
    )?;
    // A signed (application/jwt) answer is not JSON and is not accepted.
    let claims: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&response.body)
            .map_err(|_| FlowError::Unavailable(Cause::new(WHAT, "answer not a JSON object")))?;
    // §5.3.2: the answer is used only if it is about the same subject as the ID token.
    let same_subject = claims
        .get("sub")
        .and_then(|v| v.as_str())
        .is_some_and(|sub| crate::crypto::constant_time_eq(sub, subject));
    if !same_subject {
        return Err(FlowError::Refused(Cause::new(
            WHAT,
            "about another subject than the ID token",
        )));
    }
    Ok(claims)
}
