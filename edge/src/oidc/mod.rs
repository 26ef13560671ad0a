//! OpenID Connect, authorization code flow with PKCE, `state` and `nonce`, against any
//! standard provider (locally the identification mock; in production an identity broker in
//! front of Suomi.fi e-Identification). Only configuration names the provider.

mod id_token;
mod tokens;

pub use id_token::{verify_id_token, Jwk, Jwks, TokenError};
pub use tokens::{exchange_code, userinfo, CodeExchange, Tokens};

use crate::outbound::{Outbound, OutboundRequest, OutboundResponse};
use serde::Deserialize;

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
