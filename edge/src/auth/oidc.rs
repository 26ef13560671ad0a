//! OpenID Connect, authorization code flow with PKCE, `state` and `nonce`, against any
//! standard provider (locally the identification mock; in production an identity broker in
//! front of Suomi.fi e-Identification). Only configuration names the provider.

use crate::outbound::{Outbound, OutboundError, OutboundRequest};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde::Deserialize;
use sha2::Sha256;

/// One identity provider as configured for one client.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// Exactly as the provider's tokens name it in `iss`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

/// The provider's discovery document (unknown fields are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
}

/// Why an ID token was refused. Never holds claim values (they may hold identity codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    IssuedInTheFuture,
    WrongNonce,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Aud {
    One(String),
    Many(Vec<String>),
}

/// Seconds of clock difference tolerated between us and the provider.
const LEEWAY_SECS: i64 = 60;

/// Verifies an ID token's RS256 signature against the provider's keys and its issuer,
/// audience, expiry, issue time and nonce at `now` (Unix seconds); returns its claims.
pub fn verify_id_token(
    token: &str,
    jwks: &Jwks,
    config: &OidcConfig,
    nonce: &str,
    now: i64,
) -> Result<serde_json::Map<String, serde_json::Value>, TokenError> {
    let mut parts = token.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let decode = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| TokenError::Malformed)
    };
    let header: Header =
        serde_json::from_slice(&decode(header_b64)?).map_err(|_| TokenError::Malformed)?;
    if header.alg != "RS256" {
        return Err(TokenError::UnsupportedAlgorithm);
    }
    let key = jwks
        .keys
        .iter()
        .filter(|k| k.kty == "RSA")
        .find(|k| header.kid.is_none() || k.kid == header.kid)
        .ok_or(TokenError::UnknownKey)?;
    let (Some(n), Some(e)) = (&key.n, &key.e) else {
        return Err(TokenError::UnknownKey);
    };
    let public = RsaPublicKey::new(
        BigUint::from_bytes_be(&decode(n)?),
        BigUint::from_bytes_be(&decode(e)?),
    )
    .map_err(|_| TokenError::UnknownKey)?;
    let signature = Signature::try_from(decode(signature_b64)?.as_slice())
        .map_err(|_| TokenError::Malformed)?;
    let signed = &token[..header_b64.len() + 1 + payload_b64.len()];
    VerifyingKey::<Sha256>::new(public)
        .verify(signed.as_bytes(), &signature)
        .map_err(|_| TokenError::BadSignature)?;

    let claims: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&decode(payload_b64)?).map_err(|_| TokenError::Malformed)?;
    if claims.get("iss").and_then(|v| v.as_str()) != Some(config.issuer.as_str()) {
        return Err(TokenError::WrongIssuer);
    }
    let audience_ok = match claims
        .get("aud")
        .cloned()
        .map(serde_json::from_value::<Aud>)
    {
        Some(Ok(Aud::One(a))) => a == config.client_id,
        Some(Ok(Aud::Many(list))) => list.contains(&config.client_id),
        _ => false,
    };
    if !audience_ok {
        return Err(TokenError::WrongAudience);
    }
    let exp = claims
        .get("exp")
        .and_then(|v| v.as_i64())
        .ok_or(TokenError::Malformed)?;
    if now >= exp + LEEWAY_SECS {
        return Err(TokenError::Expired);
    }
    let iat = claims
        .get("iat")
        .and_then(|v| v.as_i64())
        .ok_or(TokenError::Malformed)?;
    if iat > now + LEEWAY_SECS {
        return Err(TokenError::IssuedInTheFuture);
    }
    let token_nonce = claims
        .get("nonce")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    if !crate::crypto::constant_time_eq(token_nonce, nonce) {
        return Err(TokenError::WrongNonce);
    }
    Ok(claims)
}

/// Why the flow with the provider failed.
#[derive(Debug)]
pub enum FlowError {
    /// The provider is unreachable or answered with something that is not its protocol.
    Unavailable(String),
    /// The provider refused (e.g. a code already used) or the token did not verify.
    Refused(String),
}

impl From<OutboundError> for FlowError {
    fn from(e: OutboundError) -> Self {
        FlowError::Unavailable(e.0)
    }
}

async fn get_json<T: serde::de::DeserializeOwned>(
    http: &impl Outbound,
    url: &str,
) -> Result<T, FlowError> {
    let response = http.send(OutboundRequest::get(url)).await?;
    if response.status != 200 {
        return Err(FlowError::Unavailable(format!(
            "{url} answered {}",
            response.status
        )));
    }
    serde_json::from_str(&response.body).map_err(|e| FlowError::Unavailable(format!("{url}: {e}")))
}

/// Fetches the provider's discovery document and checks that it is for the configured issuer.
pub async fn discover(http: &impl Outbound, config: &OidcConfig) -> Result<Discovery, FlowError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        config.issuer.trim_end_matches('/')
    );
    let discovery: Discovery = get_json(http, &url).await?;
    if discovery.issuer != config.issuer {
        return Err(FlowError::Unavailable(
            "discovery names another issuer".into(),
        ));
    }
    Ok(discovery)
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: String,
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

/// Exchanges the code for tokens (client authentication by HTTP Basic) and verifies the ID
/// token; returns its claims.
pub async fn exchange_code(
    http: &impl Outbound,
    config: &OidcConfig,
    discovery: &Discovery,
    exchange: &CodeExchange<'_>,
) -> Result<serde_json::Map<String, serde_json::Value>, FlowError> {
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
        body: Some(form),
    };
    let response = http.send(request).await?;
    match response.status {
        200 => {}
        400 | 401 => {
            return Err(FlowError::Refused(format!(
                "token endpoint answered {}",
                response.status
            )))
        }
        status => {
            return Err(FlowError::Unavailable(format!(
                "token endpoint answered {status}"
            )))
        }
    }
    let tokens: TokenResponse = serde_json::from_str(&response.body)
        .map_err(|e| FlowError::Unavailable(format!("token response: {e}")))?;
    let jwks: Jwks = get_json(http, &discovery.jwks_uri).await?;
    verify_id_token(
        &tokens.id_token,
        &jwks,
        config,
        exchange.nonce,
        exchange.now,
    )
    .map_err(|e| FlowError::Refused(format!("ID token refused: {e:?}")))
}
