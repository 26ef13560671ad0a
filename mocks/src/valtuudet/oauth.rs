//! `/oauth/authorize` (the selection page and its form) and `/oauth/token` (the code
//! exchange with HTTP Basic; its parameters in the query with no body, as DVV documents it, or
//! in an `application/x-www-form-urlencoded` body, as DVV's own Java client sends them).

use super::api::api_error;
use super::pages::{self, PageError, SelectionView};
use super::register::{Choice, Principal};
use super::sessions::{AccessToken, Grant, Mode};
use super::{AppState, CLIENT_ID, OAUTH_PASSWORD, TOKEN_EXPIRES_IN};
use axum::body::Bytes;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::json;
use seteli_domain::Lang;
use url::Url;

/// The authorize request's parameters, and (on POST only) the page's choice. Deliberately not
/// `Debug`: `principal` may hold a personal identity code.
#[derive(Default, Deserialize)]
pub(super) struct AuthorizeParams {
    client_id: Option<String>,
    response_type: Option<String>,
    redirect_uri: Option<String>,
    user: Option<String>,
    state: Option<String>,
    lang: Option<String>,
    /// `cancel` from the cancel button.
    action: Option<String>,
    /// The picked principal's identity code or business id, from their button.
    principal: Option<String>,
}

impl AuthorizeParams {
    fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(|l| Lang::parse(&l.to_ascii_lowercase()))
            .unwrap_or_default()
    }

    /// The request's own parameters, to carry through the page in hidden fields.
    fn oauth_fields(&self) -> Vec<(&'static str, &str)> {
        [
            ("client_id", &self.client_id),
            ("response_type", &self.response_type),
            ("redirect_uri", &self.redirect_uri),
            ("user", &self.user),
            ("state", &self.state),
            ("lang", &self.lang),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
    }
}

/// `url` with `pairs` and, when the request had one, `state` appended.
fn with_query(url: &Url, pairs: &[(&str, &str)], state: Option<&str>) -> Url {
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

fn see_other(url: &Url) -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Redirect::to(url.as_str()),
    )
        .into_response()
}

/// A request from the registered client to a registered redirect URI, for a live session,
/// with the delegate's current choices.
struct Valid {
    redirect_uri: String,
    redirect_url: Url,
    state: Option<String>,
    session_id: String,
    mode: Mode,
    delegate_name: Option<String>,
    choices: Vec<Choice>,
}

impl Valid {
    fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        see_other(&with_query(
            &self.redirect_url,
            pairs,
            self.state.as_deref(),
        ))
    }
}

/// Why an authorize request was refused: a page here (the client cannot be trusted with a
/// redirect) or an error sent back to the registered redirect URI.
enum Refusal {
    Page(PageError),
    /// The error redirect, already built.
    Redirect(Url),
}

impl Refusal {
    fn into_response(self, lang: Lang) -> Response {
        match self {
            Refusal::Page(error) => pages::error_response(lang, error),
            Refusal::Redirect(url) => see_other(&url),
        }
    }
}

/// The client and redirect URI first (failures show a page and never redirect), then the
/// rest (failures go back to the client).
fn validate(st: &AppState, p: &AuthorizeParams) -> Result<Valid, Refusal> {
    if p.client_id.as_deref() != Some(CLIENT_ID) {
        return Err(Refusal::Page(PageError::UnknownClient));
    }
    let redirect_uri = p
        .redirect_uri
        .as_deref()
        .filter(|uri| st.redirect_uris.iter().any(|r| r == uri))
        .ok_or(Refusal::Page(PageError::UnregisteredRedirectUri))?;
    let redirect_url =
        Url::parse(redirect_uri).map_err(|_| Refusal::Page(PageError::UnregisteredRedirectUri))?;
    let state = p.state.as_deref();
    if p.response_type.as_deref() != Some("code") {
        return Err(Refusal::Redirect(with_query(
            &redirect_url,
            &[("error", "unsupported_response_type")],
            state,
        )));
    }
    let now = st.clock.now();
    let today = st.clock.today();
    let shared = st.state();
    let Some((session_id, session)) = p
        .user
        .as_deref()
        .and_then(|user| shared.session_by_user(user, now))
    else {
        return Err(Refusal::Redirect(with_query(
            &redirect_url,
            &[
                ("error", "invalid_request"),
                (
                    "error_description",
                    "the user is unknown or the session has expired",
                ),
            ],
            state,
        )));
    };
    let register = &shared.register;
    let choices = match session.mode {
        Mode::Hpa => register.person_choices(&session.delegate, today),
        Mode::Ypa => register.organisation_choices(&session.delegate),
    };
    Ok(Valid {
        redirect_uri: redirect_uri.to_owned(),
        redirect_url,
        state: p.state.clone(),
        session_id: session_id.clone(),
        mode: session.mode,
        delegate_name: register.person(&session.delegate).map(|p| p.full_name()),
        choices,
    })
}

/// As DVV does, a delegate with nobody to act for is sent straight back.
fn nobody_to_pick(valid: &Valid) -> Response {
    let description = match valid.mode {
        Mode::Hpa => "the person has no one to act for",
        Mode::Ypa => "the person has no roles in any organisation",
    };
    valid.redirect(&[
        ("error", "access_denied"),
        ("error_description", description),
    ])
}

/// `GET /oauth/authorize`: the selection page, or why the request is refused.
pub(super) async fn show(
    State(st): State<AppState>,
    query: Result<Query<AuthorizeParams>, QueryRejection>,
) -> Response {
    let Ok(Query(p)) = query else {
        return pages::error_response(Lang::default(), PageError::MalformedRequest);
    };
    let valid = match validate(&st, &p) {
        Ok(valid) => valid,
        Err(refusal) => return refusal.into_response(p.lang()),
    };
    if valid.choices.is_empty() {
        return nobody_to_pick(&valid);
    }
    let hidden = p.oauth_fields();
    let view = SelectionView {
        lang: p.lang(),
        mode: valid.mode,
        hidden: &hidden,
        delegate_name: valid.delegate_name.clone(),
        choices: &valid.choices,
    };
    pages::html(StatusCode::OK, pages::selection_page(&view))
}

/// `POST /oauth/authorize`: the page's form. Everything is checked again, since the hidden
/// fields come back from the browser, and the pick must still be among the choices.
pub(super) async fn submit(
    State(st): State<AppState>,
    form: Result<Form<AuthorizeParams>, FormRejection>,
) -> Response {
    let Ok(Form(p)) = form else {
        return pages::error_response(Lang::default(), PageError::MalformedRequest);
    };
    let lang = p.lang();
    let valid = match validate(&st, &p) {
        Ok(valid) => valid,
        Err(refusal) => return refusal.into_response(lang),
    };
    if p.action.as_deref() == Some("cancel") {
        return valid.redirect(&[("error", "access_denied")]);
    }
    if valid.choices.is_empty() {
        return nobody_to_pick(&valid);
    }
    let Some(choice) = p
        .principal
        .as_deref()
        .and_then(|id| valid.choices.iter().find(|c| c.principal.id() == id))
    else {
        return pages::error_response(lang, PageError::NotAChoice);
    };
    let Ok(code) = crate::random::token() else {
        return pages::error_response(lang, PageError::ServerError);
    };
    let now = st.clock.now();
    st.state().insert_code(
        code.clone(),
        Grant {
            session_id: valid.session_id.clone(),
            principal: choice.principal.clone(),
            redirect_uri: valid.redirect_uri.clone(),
            created: now,
        },
        now,
    );
    valid.redirect(&[("code", &code)])
}

/// The token call's parameters. Deliberately not `Debug`: `code` is a credential.
#[derive(Default)]
pub(super) struct TokenParams {
    code: Option<String>,
    grant_type: Option<String>,
    redirect_uri: Option<String>,
    client_id: Option<String>,
}

impl TokenParams {
    /// The parameters from the query and, when it is a form, the body. RFC 6749 §3.2 lets
    /// each parameter appear once: one named twice, in either place or across both, is
    /// refused, and so is a body of any other type. Unknown parameters are ignored.
    fn parse(
        query: Option<&str>,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self, &'static str> {
        let is_form = content_type
            .and_then(|t| t.split(';').next())
            .is_some_and(|t| {
                t.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            });
        if !body.is_empty() && !is_form {
            return Err("a body must be application/x-www-form-urlencoded");
        }
        let from_query = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes());
        let from_body = url::form_urlencoded::parse(body);
        let mut params = Self::default();
        for (name, value) in from_query.chain(from_body) {
            let slot = match name.as_ref() {
                "code" => &mut params.code,
                "grant_type" => &mut params.grant_type,
                "redirect_uri" => &mut params.redirect_uri,
                "client_id" => &mut params.client_id,
                _ => continue,
            };
            if slot.replace(value.into_owned()).is_some() {
                return Err("each parameter may be given once");
            }
        }
        Ok(params)
    }
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut response = api_error(status, error, description);
    response
        .headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// Whether the `Authorization` header is `Basic base64(clientId:oauthPassword)`.
fn basic_is_valid(headers: &HeaderMap) -> bool {
    let Some((scheme, encoded)) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
    else {
        return false;
    };
    // A mock: plain comparison is fine for a password that is published in the README.
    scheme.eq_ignore_ascii_case("basic")
        && STANDARD
            .decode(encoded.trim())
            .is_ok_and(|decoded| decoded == format!("{CLIENT_ID}:{OAUTH_PASSWORD}").as_bytes())
}

/// `POST /oauth/token?code=..&grant_type=authorization_code&redirect_uri=..` with no body,
/// or `POST /oauth/token` with the same parameters as a form body.
pub(super) async fn token(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    if st.is_down() {
        return super::api::outage_response();
    }
    if !basic_is_valid(&headers) {
        let mut response = oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"seteli-mocks valtuudet\""),
        );
        return response;
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let p = match TokenParams::parse(uri.query(), content_type, &body) {
        Ok(p) => p,
        Err(description) => {
            return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", description)
        }
    };
    // RFC 6749 §3.2.1: a client that sends its id must send its own.
    if p.client_id.as_deref().is_some_and(|id| id != CLIENT_ID) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client_id differs from the authenticated client",
        );
    }
    match p.grant_type.as_deref() {
        Some("authorization_code") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only authorization_code is supported",
            )
        }
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required",
            )
        }
    }
    let (Some(code), Some(redirect_uri)) = (p.code.as_deref(), p.redirect_uri.as_deref()) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code and redirect_uri are required",
        );
    };
    let invalid_grant =
        |description: &str| oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", description);
    let (Ok(access_token), Ok(refresh_token)) = (crate::random::token(), crate::random::token())
    else {
        return oauth_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "no randomness",
        );
    };
    let now = st.clock.now();
    let mut state = st.state();
    let Some(grant) = state.take_code(code, now) else {
        return invalid_grant("the code is unknown, expired or already used");
    };
    if grant.redirect_uri != redirect_uri {
        return invalid_grant("redirect_uri differs from the one in the authorization request");
    }
    let Some(session) = state.live_session_mut(&grant.session_id, now) else {
        return invalid_grant("the session has ended or expired");
    };
    let scope = match &grant.principal {
        Principal::Person(_) => "hpa",
        Principal::Organisation(_) => "ypa",
    };
    session.principal = Some(grant.principal);
    session.token = Some(AccessToken {
        value: access_token.clone(),
        issued: now,
    });
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(json!({
            "access_token": access_token,
            "token_type": "bearer",
            "refresh_token": refresh_token,
            "expires_in": TOKEN_EXPIRES_IN,
            "scope": scope,
        })),
    )
        .into_response()
}
