//! OpenID Connect, authorization code flow with PKCE, `state` and `nonce`, against any
//! standard provider (locally the identification mock; in production an identity broker in
//! front of Suomi.fi e-Identification). Only configuration names the provider.

use crate::outbound::{Outbound, OutboundRequest, OutboundResponse};
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
    /// Where the claims missing from the ID token are asked, if the provider has one.
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
}

/// The provider's JSON Web Key Set.
#[derive(Debug, Clone, Deserialize)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// One key of the set (unknown members are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    /// `sig` or `enc` (RFC 7517 §4.2); absent means either.
    #[serde(default, rename = "use")]
    pub key_use: Option<String>,
    /// The one algorithm the key is for (RFC 7517 §4.4); absent means any.
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
}

impl Jwk {
    /// Whether the key may verify an RS256 signature: an RSA key, not marked for encryption
    /// only, not bound to another algorithm.
    pub fn verifies_rs256(&self) -> bool {
        self.kty == "RSA"
            && self.key_use.as_deref().is_none_or(|u| u == "sig")
            && self.alg.as_deref().is_none_or(|a| a == "RS256")
    }
}

/// Why an ID token was refused. Never holds claim values (they may hold identity codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    UnsupportedAlgorithm,
    /// No RS256 signing key of the set has the token's `kid`, or the set has none at all.
    UnknownKey,
    /// The token names no `kid` and the set has more than one RS256 signing key.
    AmbiguousKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    /// `azp` is present and is not our client.
    WrongAuthorizedParty,
    Expired,
    IssuedInTheFuture,
    WrongNonce,
}

impl TokenError {
    /// A fixed description for the log.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenError::Malformed => "malformed",
            TokenError::UnsupportedAlgorithm => "not RS256",
            TokenError::UnknownKey => "signed with a key not in the JWKS",
            TokenError::AmbiguousKey => "no kid, and the JWKS has several keys",
            TokenError::BadSignature => "signature does not verify",
            TokenError::WrongIssuer => "from another issuer",
            TokenError::WrongAudience => "for another audience",
            TokenError::WrongAuthorizedParty => "authorised for another party (azp)",
            TokenError::Expired => "expired",
            TokenError::IssuedInTheFuture => "issued in the future",
            TokenError::WrongNonce => "nonce does not match",
        }
    }
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
    let mut usable = jwks.keys.iter().filter(|k| k.verifies_rs256());
    let key = match &header.kid {
        Some(kid) => usable.find(|k| k.kid.as_ref() == Some(kid)),
        // OpenID Connect Core §10.1: without a `kid` only a set of one key is unambiguous.
        None => match (usable.next(), usable.next()) {
            (Some(_), Some(_)) => return Err(TokenError::AmbiguousKey),
            (only, None) => only,
            (None, Some(_)) => None,
        },
    }
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
    // OpenID Connect Core §3.1.3.7: when `azp` is there, it must be us.
    if claims
        .get("azp")
        .is_some_and(|azp| azp.as_str() != Some(config.client_id.as_str()))
    {
        return Err(TokenError::WrongAuthorizedParty);
    }
    if claims
        .get("sub")
        .and_then(|v| v.as_str())
        .is_none_or(str::is_empty)
    {
        return Err(TokenError::Malformed);
    }
    let exp = claims
        .get("exp")
        .and_then(|v| v.as_i64())
        .ok_or(TokenError::Malformed)?;
    if now >= exp.saturating_add(LEEWAY_SECS) {
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

/// What went wrong, as the log may tell it: which step, a fixed description and the
/// provider's HTTP status when it answered. Never text from the provider's answers or from the
/// transport: those are a remote party's words and may hold identity codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cause {
    /// `discovery`, `token endpoint`, `JWKS`, `ID token` or `userinfo`.
    pub step: &'static str,
    /// A fixed description of what failed in that step.
    pub problem: &'static str,
    /// The provider's HTTP status, when the failure is its answer.
    pub status: Option<u16>,
}

impl Cause {
    const fn new(step: &'static str, problem: &'static str) -> Self {
        Self {
            step,
            problem,
            status: None,
        }
    }

    const fn status(step: &'static str, problem: &'static str, status: u16) -> Self {
        Self {
            step,
            problem,
            status: Some(status),
        }
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.step, self.problem)?;
        match self.status {
            Some(status) => write!(f, " (HTTP {status})"),
            None => Ok(()),
        }
    }
}

/// Why the flow with the provider failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowError {
    /// The provider is unreachable or answered with something that is not its protocol.
    Unavailable(Cause),
    /// The provider refused (e.g. a code already used) or its answer did not verify.
    Refused(Cause),
}

impl std::fmt::Display for FlowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FlowError::Unavailable(cause) => write!(f, "unavailable: {cause}"),
            FlowError::Refused(cause) => write!(f, "refused: {cause}"),
        }
    }
}

/// Sends `request` for `step`; a transport failure is [`FlowError::Unavailable`] with a fixed
/// description (the transport's own text may quote the remote side).
async fn send(
    http: &impl Outbound,
    request: OutboundRequest,
    step: &'static str,
) -> Result<OutboundResponse, FlowError> {
    http.send(request)
        .await
        .map_err(|_| FlowError::Unavailable(Cause::new(step, "unreachable or timed out")))
}

/// `GET url` as JSON of type `T`, for `step`.
async fn get_json<T: serde::de::DeserializeOwned>(
    http: &impl Outbound,
    url: &str,
    step: &'static str,
) -> Result<T, FlowError> {
    let response = send(http, OutboundRequest::get(url), step).await?;
    if response.status != 200 {
        return Err(FlowError::Unavailable(Cause::status(
            step,
            "answered an error",
            response.status,
        )));
    }
    // serde's message may quote the body: it is not kept.
    serde_json::from_str(&response.body)
        .map_err(|_| FlowError::Unavailable(Cause::new(step, "answer not of the expected shape")))
}

/// Fetches the provider's discovery document and checks that it is for the configured issuer.
pub async fn discover(http: &impl Outbound, config: &OidcConfig) -> Result<Discovery, FlowError> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        config.issuer.trim_end_matches('/')
    );
    let discovery: Discovery = get_json(http, &url, "discovery").await?;
    if discovery.issuer != config.issuer {
        return Err(FlowError::Unavailable(Cause::new(
            "discovery",
            "names another issuer",
        )));
    }
    Ok(discovery)
}

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
        body: Some(form),
    };
    const WHAT: &str = "token endpoint";
    let response = send(http, request, WHAT).await?;
    match response.status {
        200 => {}
        // The error body (RFC 6749 §5.2) is the provider's text: only the status is kept.
        400 | 401 => {
            return Err(FlowError::Refused(Cause::status(
                WHAT,
                "refused the code",
                response.status,
            )))
        }
        status => {
            return Err(FlowError::Unavailable(Cause::status(
                WHAT,
                "answered an error",
                status,
            )))
        }
    }
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
    match response.status {
        200 => {}
        401 | 403 => {
            return Err(FlowError::Refused(Cause::status(
                WHAT,
                "refused the access token",
                response.status,
            )))
        }
        status => {
            return Err(FlowError::Unavailable(Cause::status(
                WHAT,
                "answered an error",
                status,
            )))
        }
    }
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

/// The whole exchange at the callback: discovery, the code exchange and the ID token's
/// verification; then, if the ID token lacks any of `wanted` and the provider has a
/// `userinfo` endpoint, the missing ones from there. The ID token's own claims are never
/// replaced. Returns the claims; whether they suffice is the caller's decision.
pub async fn identify(
    http: &impl Outbound,
    config: &OidcConfig,
    exchange: &CodeExchange<'_>,
    wanted: &[&str],
) -> Result<serde_json::Map<String, serde_json::Value>, FlowError> {
    let discovery = discover(http, config).await?;
    let Tokens {
        mut claims,
        access_token,
    } = exchange_code(http, config, &discovery, exchange).await?;
    let present = |claims: &serde_json::Map<String, serde_json::Value>, name: &str| {
        claims.get(name).is_some_and(|v| !v.is_null())
    };
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|name| !present(&claims, name))
        .collect();
    // Nothing to ask, or nowhere to ask it: the caller judges whether the ID token suffices.
    if missing.is_empty() || discovery.userinfo_endpoint.is_none() {
        return Ok(claims);
    }
    let Some(access_token) = access_token else {
        return Ok(claims);
    };
    let Some(subject) = claims.get("sub").and_then(|v| v.as_str()) else {
        return Err(FlowError::Refused(Cause::new(
            "ID token",
            TokenError::Malformed.as_str(),
        )));
    };
    let info = userinfo(http, &discovery, &access_token, subject).await?;
    for name in missing {
        if let Some(value) = info.get(name).filter(|v| !v.is_null()) {
            claims.insert(name.to_owned(), value.clone());
        }
    }
    Ok(claims)
}
