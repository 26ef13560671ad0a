//! OAuth 2.0 as both mocks speak it: the authorization request's first checks and the
//! redirects back to the client, the token endpoint's answers, and the `Authorization` header's
//! Basic and Bearer schemes. What differs between the two (PKCE, scopes, how a client
//! authenticates) stays with each mock.

use crate::html::{MockPageError, PageError};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use seteli_domain::Lang;
use url::Url;

/// Whether each redirect URI a mock is started with is an absolute http(s) URL without a
/// fragment (RFC 6749 §3.1.2).
pub(crate) fn redirect_uris_are_valid(uris: &[String]) -> bool {
    uris.iter().all(|uri| {
        Url::parse(uri)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.fragment().is_none())
    })
}

/// The parameters of `fields` that the request has, to carry through a page in hidden fields.
pub(crate) fn present<'a, const N: usize>(
    fields: [(&'static str, &'a Option<String>); N],
) -> Vec<(&'static str, &'a str)> {
    fields
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
}

/// `url` with `pairs` and, when the request had one, `state` appended to its query.
pub(crate) fn with_query(url: &Url, pairs: &[(&str, &str)], state: Option<&str>) -> Url {
    let mut url = url.clone();
    {
        let mut query = url.query_pairs_mut();
        for (name, value) in pairs {
            query.append_pair(name, value);
        }
        if let Some(state) = state {
            query.append_pair("state", state);
        }
    }
    url
}

/// A 303 to `url`, never cached.
pub(crate) fn see_other(url: &Url) -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Redirect::to(url.as_str()),
    )
        .into_response()
}

/// Why an authorization request was refused: a page here (the client cannot be trusted with a
/// redirect) or an error sent back to the client's registered redirect URI.
pub(crate) enum Refusal<M> {
    Page(PageError<M>),
    /// The error redirect, already built.
    Redirect(Url),
}

impl<M: MockPageError> Refusal<M> {
    pub(crate) fn into_response(self, lang: Lang) -> Response {
        match self {
            Refusal::Page(error) => error.response(lang),
            Refusal::Redirect(url) => see_other(&url),
        }
    }
}

/// An authorization request's client, redirect URI and response type: what both mocks check
/// first, in the order RFC 6749 §4.1.2.1 requires.
pub(crate) struct ClientRequest<'a> {
    pub client_id: Option<&'a str>,
    pub redirect_uri: Option<&'a str>,
    pub response_type: Option<&'a str>,
    pub state: Option<&'a str>,
}

impl<'a> ClientRequest<'a> {
    /// The registered redirect URI, parsed, when the request is from `client_id` and asks for
    /// a code. An unknown client or redirect URI gets a page (never a redirect); any other
    /// response type goes back to the client as `unsupported_response_type`.
    pub(crate) fn check<M>(
        &self,
        client_id: &str,
        registered: &[String],
    ) -> Result<(&'a str, Url), Refusal<M>> {
        if self.client_id != Some(client_id) {
            return Err(Refusal::Page(PageError::UnknownClient));
        }
        let redirect_uri = self
            .redirect_uri
            .filter(|uri| registered.iter().any(|r| r == uri))
            .ok_or(Refusal::Page(PageError::UnregisteredRedirectUri))?;
        let redirect_url = Url::parse(redirect_uri)
            .map_err(|_| Refusal::Page(PageError::UnregisteredRedirectUri))?;
        if self.response_type != Some("code") {
            return Err(Refusal::Redirect(with_query(
                &redirect_url,
                &[("error", "unsupported_response_type")],
                self.state,
            )));
        }
        Ok((redirect_uri, redirect_url))
    }
}

/// A JSON error answer in RFC 6749 §5.2's shape, never cached. The Valtuudet mock's Web API
/// answers its errors in it too (DVV's real bodies differ; clients act on the status).
pub(crate) fn error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

/// A token endpoint's error answer: [`error`] with `Pragma: no-cache` as well.
pub(crate) fn token_error(status: StatusCode, code: &str, description: &str) -> Response {
    let mut response = error(status, code, description);
    response
        .headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// 401 `invalid_client`, with `challenge` as `WWW-Authenticate` when the client tried HTTP
/// Basic (RFC 6749 §5.2).
pub(crate) fn invalid_client(challenge: Option<&'static str>) -> Response {
    let mut response = token_error(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "client authentication failed",
    );
    if let Some(challenge) = challenge {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        );
    }
    response
}

/// The refusal of any grant type but `authorization_code`, the only one the mocks support.
pub(crate) fn refuse_grant_type(grant_type: Option<&str>) -> Option<Response> {
    match grant_type {
        Some("authorization_code") => None,
        Some(_) => Some(token_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only authorization_code is supported",
        )),
        None => Some(token_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "grant_type is required",
        )),
    }
}

/// A successful token answer (RFC 6749 §5.1), never cached.
pub(crate) fn token_response(body: Value) -> Response {
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(body),
    )
        .into_response()
}

/// The `Authorization` header's scheme (case-insensitively `scheme`) and what follows it.
fn authorization<'h>(headers: &'h HeaderMap, scheme: &str) -> Option<&'h str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (given, rest) = value.split_once(' ')?;
    given.eq_ignore_ascii_case(scheme).then_some(rest)
}

/// The decoded `id:secret` bytes of an `Authorization: Basic ..` header.
pub(crate) fn basic(headers: &HeaderMap) -> Option<Vec<u8>> {
    STANDARD
        .decode(authorization(headers, "basic")?.trim())
        .ok()
}

/// The token of an `Authorization: Bearer ..` header (empty if nothing follows the scheme).
pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    authorization(headers, "bearer").map(str::trim)
}
