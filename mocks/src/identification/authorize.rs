//! `{iss}/authorize`: checks the authorization request, shows the login page (GET) and handles
//! the page's own forms (POST), which end in a redirect with a code or an error.

use super::pages::{self, HetuProblem, LoginError, LoginView, PageError};
use super::people::Person;
use super::tokens::{self, Grant, Subject};
use super::{Issuer, IssuerState};
use crate::oauth::{self, ClientRequest};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use seteli_domain::{Hetu, Lang};
use url::Url;

/// The parameters of an authorization request, and (on POST only) the login page's choice.
/// Deliberately not `Debug`: `hetu` and `person` hold personal identity codes.
#[derive(Default, Deserialize)]
pub(super) struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    ui_locales: Option<String>,
    /// `cancel` from the cancel button.
    action: Option<String>,
    /// A listed test person's code, from their button.
    person: Option<String>,
    /// A code typed into the field.
    hetu: Option<String>,
    /// A staff test user's username, from their button.
    user: Option<String>,
}

impl AuthorizeParams {
    /// The request's own parameters, to carry through the login page in hidden fields.
    fn oauth_fields(&self) -> Vec<(&'static str, &str)> {
        oauth::present([
            ("response_type", &self.response_type),
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &self.state),
            ("nonce", &self.nonce),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
            ("ui_locales", &self.ui_locales),
        ])
    }

    /// The first of `ui_locales` (space-separated language tags) the mock speaks, else Finnish.
    fn lang(&self) -> Lang {
        self.ui_locales
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .find_map(|tag| Lang::parse(&tag.split('-').next()?.to_ascii_lowercase()))
            .unwrap_or_default()
    }
}

/// A request whose client and redirect URI are trusted and whose parameters are complete.
struct Valid<'a> {
    client_id: &'static str,
    redirect_uri: &'a str,
    redirect_url: Url,
    state: Option<&'a str>,
    nonce: &'a str,
    code_challenge: &'a str,
}

impl Valid<'_> {
    /// A 303 to the client's redirect URI with `pairs` and the request's `state` appended.
    fn redirect(&self, pairs: &[(&str, &str)]) -> Response {
        oauth::see_other(&oauth::with_query(&self.redirect_url, pairs, self.state))
    }
}

type Refusal = oauth::Refusal<LoginError>;

/// Checks the request in the order RFC 6749 §4.1.2.1 requires: the client and redirect URI
/// first (failures never redirect), then everything else (failures go back to the client).
fn validate<'a>(st: &IssuerState, p: &'a AuthorizeParams) -> Result<Valid<'a>, Refusal> {
    let client_id = st.issuer.client_id();
    let state = p.state.as_deref();
    let client = ClientRequest {
        client_id: p.client_id.as_deref(),
        redirect_uri: p.redirect_uri.as_deref(),
        response_type: p.response_type.as_deref(),
        state,
    };
    let (redirect_uri, redirect_url) = client.check(client_id, &st.shared.redirect_uris)?;
    let invalid = |description: &str| {
        Refusal::Redirect(oauth::with_query(
            &redirect_url,
            &[
                ("error", "invalid_request"),
                ("error_description", description),
            ],
            state,
        ))
    };

    if !p
        .scope
        .as_deref()
        .unwrap_or("")
        .split(' ')
        .any(|s| s == "openid")
    {
        return Err(invalid("scope must include openid"));
    }
    let nonce = match p.nonce.as_deref() {
        Some(nonce) if !nonce.is_empty() => nonce,
        _ => return Err(invalid("nonce is required")),
    };
    let code_challenge = match p.code_challenge.as_deref() {
        Some(challenge) if tokens::is_pkce_value(challenge) => challenge,
        Some(_) => {
            return Err(invalid(
                "code_challenge must be BASE64URL(SHA256(code_verifier)), 43 characters",
            ))
        }
        None => return Err(invalid("code_challenge is required (PKCE)")),
    };
    if p.code_challenge_method.as_deref() != Some("S256") {
        return Err(invalid("code_challenge_method must be S256"));
    }
    Ok(Valid {
        client_id,
        redirect_uri,
        redirect_url: redirect_url.clone(),
        state,
        nonce,
        code_challenge,
    })
}

fn login_page(
    st: &IssuerState,
    p: &AuthorizeParams,
    problem: Option<HetuProblem>,
    typed: Option<&str>,
) -> Response {
    let action = format!("{}/authorize", st.issuer_url());
    let hidden = p.oauth_fields();
    let view = LoginView {
        issuer: st.issuer,
        lang: p.lang(),
        action: &action,
        hidden: &hidden,
        persons: &st.shared.persons,
        staff: &st.shared.staff,
        problem,
        typed,
    };
    pages::html(StatusCode::OK, pages::login_page(&view))
}

/// `GET {iss}/authorize`: the login page, or why the request is refused.
pub(super) async fn show(
    State(st): State<IssuerState>,
    query: Result<Query<AuthorizeParams>, QueryRejection>,
) -> Response {
    let Ok(Query(p)) = query else {
        return PageError::MalformedRequest.response(Lang::default());
    };
    match validate(&st, &p) {
        Ok(_) => login_page(&st, &p, None, None),
        Err(refusal) => refusal.into_response(p.lang()),
    }
}

/// `POST {iss}/authorize`: the login page's forms. The request is validated again, since the
/// hidden fields come back from the browser and may have been changed.
pub(super) async fn submit(
    State(st): State<IssuerState>,
    form: Result<Form<AuthorizeParams>, FormRejection>,
) -> Response {
    let Ok(Form(p)) = form else {
        return PageError::MalformedRequest.response(Lang::default());
    };
    let lang = p.lang();
    let valid = match validate(&st, &p) {
        Ok(valid) => valid,
        Err(refusal) => return refusal.into_response(lang),
    };
    if p.action.as_deref() == Some("cancel") {
        return valid.redirect(&[("error", "access_denied")]);
    }

    let subject = match st.issuer {
        Issuer::Citizen => match (p.person.as_deref(), p.hetu.as_deref()) {
            (Some(code), _) => match st.shared.persons.iter().find(|x| x.hetu.as_str() == code) {
                Some(person) => Subject::Citizen(person.clone()),
                None => return PageError::Mock(LoginError::UnknownUser).response(lang),
            },
            (None, Some(typed)) => match typed_person(&st.shared.persons, typed) {
                Ok(person) => Subject::Citizen(person),
                Err(problem) => return login_page(&st, &p, Some(problem), Some(typed)),
            },
            (None, None) => return PageError::Mock(LoginError::NothingChosen).response(lang),
        },
        Issuer::Staff => match p.user.as_deref() {
            Some(username) => match st.shared.staff.iter().find(|u| u.username == username) {
                Some(user) => Subject::Staff(user.clone()),
                None => return PageError::Mock(LoginError::UnknownUser).response(lang),
            },
            None => return PageError::Mock(LoginError::NothingChosen).response(lang),
        },
    };

    let Ok(code) = crate::random::token() else {
        return PageError::ServerError.response(lang);
    };
    let now = tokens::unix_now(&st.shared.clock);
    st.shared.codes.insert(
        code.clone(),
        Grant::new(
            st.issuer,
            valid.client_id,
            valid.redirect_uri,
            valid.nonce,
            valid.code_challenge,
            subject,
            now,
        ),
        now,
    );
    valid.redirect(&[("code", &code)])
}

/// The person for a typed code: any valid test code, with the listed person's names when the
/// code is one of theirs.
fn typed_person(persons: &[Person], typed: &str) -> Result<Person, HetuProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(HetuProblem::Empty);
    }
    let hetu = Hetu::parse(typed).map_err(HetuProblem::Invalid)?;
    if !hetu.is_test_code() {
        return Err(HetuProblem::NotATestCode);
    }
    Ok(persons
        .iter()
        .find(|p| p.hetu == hetu)
        .cloned()
        .unwrap_or_else(|| Person {
            hetu,
            given_name: "Testi".to_owned(),
            family_name: "Testaaja".to_owned(),
            note: None,
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(ui_locales: &str) -> AuthorizeParams {
        AuthorizeParams {
            ui_locales: Some(ui_locales.to_owned()),
            ..Default::default()
        }
    }

    #[test]
    fn ui_locales_picks_the_first_language_the_mock_speaks() {
        assert_eq!(params("de sv-FI en").lang(), Lang::Sv);
        assert_eq!(params("EN").lang(), Lang::En);
        assert_eq!(params("de").lang(), Lang::Fi);
        assert_eq!(AuthorizeParams::default().lang(), Lang::Fi);
    }

    #[test]
    fn a_typed_test_code_gets_the_listed_names_or_generic_ones() {
        let persons = crate::identification::people::persons().unwrap();
        let listed = typed_person(&persons, " 220784-926C ").unwrap();
        assert_eq!(listed.family_name, "Kumpulainen");
        let other = typed_person(&persons, "010280-952L").unwrap();
        assert_eq!(other.given_name, "Testi");
    }

    #[test]
    fn a_typed_real_or_broken_code_is_refused_with_the_reason() {
        assert_eq!(
            typed_person(&[], "131052-308T").unwrap_err(),
            HetuProblem::NotATestCode
        );
        assert_eq!(
            typed_person(&[], "131052-308U").unwrap_err(),
            HetuProblem::Invalid(seteli_domain::hetu::HetuError::Checksum)
        );
        assert_eq!(typed_person(&[], "  ").unwrap_err(), HetuProblem::Empty);
    }
}
