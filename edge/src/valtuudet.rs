//! The Suomi.fi-valtuudet Web API client (`../shared/docs/valtuudet-webapi.md` in the
//! project brief; README): register, the selection page's URL, token, delegate,
//! authorization, organisation roles, unregister. Every call carries the checksum header;
//! every call is bounded by the `Outbound` time limit; and no error, time-out or `UNKNOWN`
//! ever reads as a permission: only [`Decision::Allowed`] grants anything.

use crate::outbound::{Outbound, OutboundRequest, OutboundResponse};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// One e-service's credentials, issued by DVV. The key and password are secrets.
#[derive(Debug, Clone)]
pub struct ValtuudetConfig {
    /// `https://asiointivaltuustarkastus.suomi.fi`, the test service, or the local mock.
    pub base_url: String,
    pub client_id: String,
    pub api_key: String,
    pub oauth_password: String,
}

/// Person for person (`hpa`) or person for organisation (`ypa`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Hpa,
    Ypa,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::Hpa => "hpa",
            Mode::Ypa => "ypa",
        }
    }
}

/// `base64(HMAC-SHA256(api_key, path_and_query + " " + timestamp))`.
pub fn checksum(api_key: &str, path_and_query: &str, timestamp: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(api_key.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(path_and_query.as_bytes());
    mac.update(b" ");
    mac.update(timestamp.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// The `X-AsiointivaltuudetAuthorization` header value: `{clientId} {timestamp} {checksum}`.
pub fn authorization_header(
    config: &ValtuudetConfig,
    path_and_query: &str,
    timestamp: &str,
) -> String {
    format!(
        "{} {timestamp} {}",
        config.client_id,
        checksum(&config.api_key, path_and_query, timestamp)
    )
}

/// The token call's `Authorization: Basic base64(clientId:oauthPassword)`.
pub fn basic_auth(client_id: &str, oauth_password: &str) -> String {
    format!(
        "Basic {}",
        STANDARD.encode(format!("{client_id}:{oauth_password}"))
    )
}

/// What every checksummed call needs: a fresh request id and the time.
pub struct CallContext {
    pub request_id: String,
    /// ISO-8601 with offset, e.g. `2026-11-21T10:00:00Z`.
    pub timestamp: String,
}

/// Why a call gave no answer to rely on. Never holds identity codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValtuudetError {
    /// Unreachable, timed out, 5xx, or an answer that is not the protocol.
    Unavailable(String),
    /// 401/403: our checksum, credentials or session were refused (an expired session too).
    Refused(u16),
    /// 400: e.g. a code already used.
    BadRequest,
}

/// May the delegate act for the principal?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Disallowed,
    /// The engine could not decide; treated exactly like a refusal.
    Unknown,
}

impl Decision {
    /// Only an explicit ALLOWED grants access.
    pub fn grants_access(self) -> bool {
        self == Decision::Allowed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Registration {
    pub session_id: String,
    pub user_id: String,
}

/// The principal picked on the selection page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Principal {
    pub person_id: String,
    pub name: String,
}

/// An organisation and the delegate's roles in it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrganizationRoles {
    pub name: String,
    pub identifier: String,
    #[serde(default)]
    pub complete: bool,
    #[serde(default)]
    pub roles: Vec<String>,
}

fn url(config: &ValtuudetConfig, path_and_query: &str) -> String {
    format!("{}{path_and_query}", config.base_url.trim_end_matches('/'))
}

fn interpret(
    response: Result<OutboundResponse, crate::outbound::OutboundError>,
) -> Result<String, ValtuudetError> {
    let response = response.map_err(|e| ValtuudetError::Unavailable(e.0))?;
    match response.status {
        200 => Ok(response.body),
        400 => Err(ValtuudetError::BadRequest),
        401 | 403 => Err(ValtuudetError::Refused(response.status)),
        status => Err(ValtuudetError::Unavailable(format!("status {status}"))),
    }
}

fn parse<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ValtuudetError> {
    serde_json::from_str(body)
        // The position only: serde's message may quote the body, which can hold identity codes.
        .map_err(|e| {
            ValtuudetError::Unavailable(format!(
                "unexpected answer (line {}, column {})",
                e.line(),
                e.column()
            ))
        })
}

async fn checksummed_get(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    path_and_query: &str,
    bearer: Option<&str>,
    call: &CallContext,
) -> Result<String, ValtuudetError> {
    let mut request = OutboundRequest::get(url(config, path_and_query));
    request.headers.push((
        "x-asiointivaltuudetauthorization".into(),
        authorization_header(config, path_and_query, &call.timestamp),
    ));
    if let Some(token) = bearer {
        request
            .headers
            .push(("authorization".into(), format!("Bearer {token}")));
    }
    interpret(http.send(request).await)
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Registers a Valtuudet session for the logged-in delegate.
pub async fn register(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    mode: Mode,
    delegate_hetu: &str,
    call: &CallContext,
) -> Result<Registration, ValtuudetError> {
    let path = format!(
        "/service/{}/user/register/{}/{}?requestId={}",
        mode.as_str(),
        encode(&config.client_id),
        encode(delegate_hetu),
        encode(&call.request_id)
    );
    parse(&checksummed_get(http, config, &path, None, call).await?)
}

/// Where to send the browser to pick a principal.
pub fn selection_url(
    config: &ValtuudetConfig,
    user_id: &str,
    redirect_uri: &str,
    state: &str,
    lang: &str,
) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", &config.client_id)
        .append_pair("response_type", "code")
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("user", user_id)
        .append_pair("state", state)
        .append_pair("lang", lang)
        .finish();
    url(config, &format!("/oauth/authorize?{query}"))
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
}

/// Exchanges the selection page's code for an access token.
pub async fn token(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    code: &str,
    redirect_uri: &str,
) -> Result<String, ValtuudetError> {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("code", code)
        .append_pair("grant_type", "authorization_code")
        .append_pair("redirect_uri", redirect_uri)
        .finish();
    let request = OutboundRequest {
        method: crate::http::Method::Post,
        url: url(config, &format!("/oauth/token?{query}")),
        headers: vec![(
            "authorization".into(),
            basic_auth(&config.client_id, &config.oauth_password),
        )],
        body: None,
    };
    let body = interpret(http.send(request).await)?;
    Ok(parse::<TokenResponse>(&body)?.access_token)
}

/// Who was picked (`hpa`).
pub async fn delegate(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    session_id: &str,
    access_token: &str,
    call: &CallContext,
) -> Result<Vec<Principal>, ValtuudetError> {
    let path = format!(
        "/service/hpa/api/delegate/{}?requestId={}",
        encode(session_id),
        encode(&call.request_id)
    );
    parse(&checksummed_get(http, config, &path, Some(access_token), call).await?)
}

#[derive(Deserialize)]
struct AuthorizationResponse {
    result: String,
}

/// Whether the delegate may act for `principal_hetu` in every one of `issues` (`hpa`).
/// Anything but a clear `ALLOWED` is not a permission.
pub async fn authorization(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    session_id: &str,
    access_token: &str,
    principal_hetu: &str,
    issues: &[&str],
    call: &CallContext,
) -> Result<Decision, ValtuudetError> {
    let mut path = format!(
        "/service/hpa/api/authorization/{}/{}?requestId={}",
        encode(session_id),
        encode(principal_hetu),
        encode(&call.request_id)
    );
    for issue in issues {
        path.push_str("&issues=");
        path.push_str(&encode(issue));
    }
    let answer: AuthorizationResponse =
        parse(&checksummed_get(http, config, &path, Some(access_token), call).await?)?;
    Ok(match answer.result.as_str() {
        "ALLOWED" => Decision::Allowed,
        "DISALLOWED" => Decision::Disallowed,
        _ => Decision::Unknown,
    })
}

/// The picked organisation and the delegate's roles in it (`ypa`).
pub async fn organization_roles(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    session_id: &str,
    access_token: &str,
    call: &CallContext,
) -> Result<Vec<OrganizationRoles>, ValtuudetError> {
    let path = format!(
        "/service/ypa/api/organizationRoles/{}?requestId={}",
        encode(session_id),
        encode(&call.request_id)
    );
    parse(&checksummed_get(http, config, &path, Some(access_token), call).await?)
}

/// Ends the Valtuudet session.
pub async fn unregister(
    http: &impl Outbound,
    config: &ValtuudetConfig,
    mode: Mode,
    session_id: &str,
    call: &CallContext,
) -> Result<(), ValtuudetError> {
    let path = format!(
        "/service/{}/user/unregister/{}?requestId={}",
        mode.as_str(),
        encode(session_id),
        encode(&call.request_id)
    );
    checksummed_get(http, config, &path, None, call)
        .await
        .map(|_| ())
}
