//! OAuth 2.0 as both mocks speak it: the authorization request's first checks and the
//! redirects back to the client, the token endpoint's answers, and the `Authorization` header's
//! Basic and Bearer schemes. What differs between the two (PKCE, scopes, how a client
//! authenticates) stays with each mock.

use crate::html::{MockPageError, PageError};
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::de::DeserializeOwned;
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

/// [`present`] for fields of `params` named as the parameters are: `carried!(p: client_id state)`.
macro_rules! carried {
    ($params:ident: $($field:ident)*) => {
        $crate::oauth::present([$((stringify!($field), &$params.$field)),*])
    };
}
pub(crate) use carried;

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

/// Where a request from the registered client goes back to: the redirect URI as the request
/// named it, parsed, and the request's `state`.
pub(crate) struct ReturnTo {
    /// The redirect URI exactly as registered and sent, for the code's grant.
    pub uri: String,
    url: Url,
    state: Option<String>,
}

impl ReturnTo {
    fn with(&self, pairs: &[(&str, &str)]) -> Url {
        with_query(&self.url, pairs, self.state.as_deref())
    }

    /// A 303 back to the client with `pairs` and the request's `state`.
    pub(crate) fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        see_other(&self.with(pairs))
    }

    /// The refusal that sends `error=invalid_request` and `description` back to the client.
    pub(crate) fn invalid_request<M>(&self, description: &str) -> Refusal<M> {
        Refusal::Redirect(self.with(&[
            ("error", "invalid_request"),
            ("error_description", description),
        ]))
    }
}

/// An authorization request's client, redirect URI and response type: what both mocks check
/// first, in the order RFC 6749 §4.1.2.1 requires.
pub(crate) struct ClientRequest<'a> {
    client_id: Option<&'a str>,
    redirect_uri: Option<&'a str>,
    response_type: Option<&'a str>,
    state: Option<&'a str>,
}

impl<'a> ClientRequest<'a> {
    /// The parameters `client_id`, `redirect_uri`, `response_type` and `state`, in that order.
    pub(crate) fn new(params: [&'a Option<String>; 4]) -> Self {
        let [client_id, redirect_uri, response_type, state] = params.map(Option::as_deref);
        Self {
            client_id,
            redirect_uri,
            response_type,
            state,
        }
    }

    /// Where the request goes back to, when it is from `client_id` to one of its `registered`
    /// redirect URIs and asks for a code. An unknown client or redirect URI gets a page (never
    /// a redirect); any other response type goes back as `unsupported_response_type`.
    pub(crate) fn check<M>(
        &self,
        client_id: &str,
        registered: &[String],
    ) -> Result<ReturnTo, Refusal<M>> {
        if self.client_id != Some(client_id) {
            return Err(Refusal::Page(PageError::UnknownClient));
        }
        let unregistered = || Refusal::Page(PageError::UnregisteredRedirectUri);
        let uri = self
            .redirect_uri
            .filter(|uri| registered.iter().any(|r| r == uri))
            .ok_or_else(unregistered)?;
        let back = ReturnTo {
            uri: uri.to_owned(),
            url: Url::parse(uri).map_err(|_| unregistered())?,
            state: self.state.map(str::to_owned),
        };
        if self.response_type != Some("code") {
            return Err(Refusal::Redirect(
                back.with(&[("error", "unsupported_response_type")]),
            ));
        }
        Ok(back)
    }
}

/// A mock's authorization request: its parameters (on POST with the page's choice), and how the
/// mock checks them once the client and redirect URI are known to be its own.
/// `S` is the state of the mock's routes.
pub(crate) trait AuthorizeRequest<S>: DeserializeOwned + Send {
    /// What the checks found that the handlers need.
    type Checked;
    /// The mock's own reasons to stop on a page.
    type Error: MockPageError;

    /// The checks, in the order RFC 6749 §4.1.2.1 requires: the client and redirect URI first
    /// (failures never redirect), then everything else (failures go back to the client).
    fn check(&self, st: &S) -> Result<(ReturnTo, Self::Checked), Refusal<Self::Error>>;
    /// The language of the mock's pages for this request.
    fn lang(&self) -> Lang;
    /// `cancel` when the page's cancel button sent the form.
    fn action(&self) -> Option<&str>;
}

/// An authorization request that passed its mock's checks, from the query (GET) or the page's
/// form (POST). The handler never sees one that did not: malformed parameters get a page, a
/// refusal is answered as [`Refusal`] says, and the page's cancel button (on POST) goes back to
/// the client with `error=access_denied`. On POST everything is checked again, since the
/// hidden fields come back from the browser and may have been changed.
pub(crate) struct Authorize<P: AuthorizeRequest<S>, S> {
    pub params: P,
    pub lang: Lang,
    pub back: ReturnTo,
    pub checked: P::Checked,
}

impl<P: AuthorizeRequest<S>, S: Send + Sync> FromRequest<S> for Authorize<P, S> {
    type Rejection = Response;

    async fn from_request(req: Request, st: &S) -> Result<Self, Response> {
        let submitted = req.method() == Method::POST;
        let Ok(Form(params)) = Form::<P>::from_request(req, st).await else {
            return Err(PageError::<P::Error>::MalformedRequest.response(Lang::default()));
        };
        let lang = params.lang();
        let (back, checked) = params
            .check(st)
            .map_err(|refusal| refusal.into_response(lang))?;
        if submitted && params.action() == Some("cancel") {
            return Err(back.redirect(&[("error", "access_denied")]));
        }
        Ok(Authorize {
            params,
            lang,
            back,
            checked,
        })
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
