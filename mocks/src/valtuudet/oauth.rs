//! `/oauth/authorize` (the selection page and its form) and `/oauth/token` (the code
//! exchange with HTTP Basic; its parameters in the query with no body, as DVV documents it, or
//! in an `application/x-www-form-urlencoded` body, as DVV's own Java client sends them).

use super::pages::{self, PageError, SelectionError, SelectionView};
use super::register::{Choice, Principal};
use super::sessions::{AccessToken, Grant, Mode};
use super::{AppState, CLIENT_ID, OAUTH_PASSWORD, TOKEN_EXPIRES_IN};
use crate::oauth::{
    self, token_error, Authorize, AuthorizeRequest, ClientRequest, Refusal, ReturnTo,
};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use seteli_domain::Lang;

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
    /// The request's own parameters, to carry through the page in hidden fields.
    fn oauth_fields(&self) -> Vec<(&'static str, &str)> {
        oauth::carried!(self: client_id response_type redirect_uri user state lang)
    }
}

/// A live session of the user the request names, with the delegate's current choices.
pub(super) struct Valid {
    session_id: String,
    mode: Mode,
    delegate_name: Option<String>,
    choices: Vec<Choice>,
}

impl AuthorizeRequest<AppState> for AuthorizeParams {
    type Checked = Valid;
    type Error = SelectionError;

    fn check(&self, st: &AppState) -> Result<(ReturnTo, Valid), Refusal<SelectionError>> {
        let client = ClientRequest::new([
            &self.client_id,
            &self.redirect_uri,
            &self.response_type,
            &self.state,
        ]);
        let back = client.check(CLIENT_ID, &st.redirect_uris)?;
        let now = st.clock.now();
        let today = st.clock.today();
        let shared = st.state();
        let Some((session_id, session)) = self
            .user
            .as_deref()
            .and_then(|user| shared.session_by_user(user, now))
        else {
            return Err(back.invalid_request("the user is unknown or the session has expired"));
        };
        let register = &shared.register;
        let choices = match session.mode {
            Mode::Hpa => register.person_choices(&session.delegate, today),
            Mode::Ypa => register.organisation_choices(&session.delegate),
        };
        let valid = Valid {
            session_id: session_id.clone(),
            mode: session.mode,
            delegate_name: register.person(&session.delegate).map(|p| p.full_name()),
            choices,
        };
        Ok((back, valid))
    }

    fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(|l| Lang::parse(&l.to_ascii_lowercase()))
            .unwrap_or_default()
    }

    fn action(&self) -> Option<&str> {
        self.action.as_deref()
    }
}

/// An authorization request from the client that passed the checks.
type Request = Authorize<AuthorizeParams, AppState>;

/// As DVV does, a delegate with nobody to act for is sent straight back.
fn nobody_to_pick(request: &Request) -> Option<Response> {
    let valid = &request.checked;
    if !valid.choices.is_empty() {
        return None;
    }
    let description = match valid.mode {
        Mode::Hpa => "the person has no one to act for",
        Mode::Ypa => "the person has no roles in any organisation",
    };
    Some(request.back.redirect(&[
        ("error", "access_denied"),
        ("error_description", description),
    ]))
}

/// `GET /oauth/authorize`: the selection page, or why the request is refused.
pub(super) async fn show(request: Request) -> Response {
    if let Some(back) = nobody_to_pick(&request) {
        return back;
    }
    let valid = request.checked;
    let hidden = request.params.oauth_fields();
    let view = SelectionView {
        lang: request.lang,
        mode: valid.mode,
        hidden: &hidden,
        delegate_name: valid.delegate_name,
        choices: &valid.choices,
    };
    pages::html(StatusCode::OK, pages::selection_page(&view))
}

/// `POST /oauth/authorize`: the page's form. The pick must still be among the choices.
pub(super) async fn submit(State(st): State<AppState>, request: Request) -> Response {
    if let Some(back) = nobody_to_pick(&request) {
        return back;
    }
    let (valid, lang) = (&request.checked, request.lang);
    let Some(choice) = request
        .params
        .principal
        .as_deref()
        .and_then(|id| valid.choices.iter().find(|c| c.principal.id() == id))
    else {
        return PageError::Mock(SelectionError::NotAChoice).response(lang);
    };
    let Ok(code) = crate::random::token() else {
        return PageError::ServerError.response(lang);
    };
    let now = st.clock.now();
    st.state().insert_code(
        code.clone(),
        Grant {
            session_id: valid.session_id.clone(),
            principal: choice.principal.clone(),
            redirect_uri: request.back.uri.clone(),
            created: now,
        },
        now,
    );
    request.back.redirect(&[("code", &code)])
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

/// Whether the `Authorization` header is `Basic base64(clientId:oauthPassword)`.
fn basic_is_valid(headers: &HeaderMap) -> bool {
    // A mock: plain comparison is fine for a password that is published in the README.
    oauth::basic(headers)
        .is_some_and(|decoded| decoded == format!("{CLIENT_ID}:{OAUTH_PASSWORD}").as_bytes())
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
        return oauth::invalid_client(Some("Basic realm=\"seteli-mocks valtuudet\""));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let p = match TokenParams::parse(uri.query(), content_type, &body) {
        Ok(p) => p,
        Err(description) => {
            return token_error(StatusCode::BAD_REQUEST, "invalid_request", description)
        }
    };
    // RFC 6749 §3.2.1: a client that sends its id must send its own.
    if p.client_id.as_deref().is_some_and(|id| id != CLIENT_ID) {
        return token_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client_id differs from the authenticated client",
        );
    }
    if let Some(refused) = oauth::refuse_grant_type(p.grant_type.as_deref()) {
        return refused;
    }
    let (Some(code), Some(redirect_uri)) = (p.code.as_deref(), p.redirect_uri.as_deref()) else {
        return token_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code and redirect_uri are required",
        );
    };
    let invalid_grant =
        |description: &str| token_error(StatusCode::BAD_REQUEST, "invalid_grant", description);
    let (Ok(access_token), Ok(refresh_token)) = (crate::random::token(), crate::random::token())
    else {
        return token_error(
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
    oauth::token_response(json!({
        "access_token": access_token,
        "token_type": "bearer",
        "refresh_token": refresh_token,
        "expires_in": TOKEN_EXPIRES_IN,
        "scope": scope,
    }))
}
