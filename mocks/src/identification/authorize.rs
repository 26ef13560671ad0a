//! `{iss}/authorize`: checks the authorization request, shows the login page (GET) and handles
//! the page's own forms (POST), which end in a redirect with a code or an error.

use super::pages::{self, HetuProblem, LoginError, LoginView, PageError};
use super::people::Person;
use super::tokens::{self, Grant, Subject};
use super::{Issuer, IssuerState};
use crate::oauth::{self, Authorize, AuthorizeRequest, ClientRequest, Refusal, ReturnTo};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use seteli_domain::{Hetu, Lang};

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
        oauth::carried!(self: response_type client_id redirect_uri scope state nonce
            code_challenge code_challenge_method ui_locales)
    }
}

/// What the checks found: the client, and the nonce and PKCE challenge for the code's grant.
pub(super) struct Valid {
    client_id: &'static str,
    nonce: String,
    code_challenge: String,
}

impl AuthorizeRequest<IssuerState> for AuthorizeParams {
    type Checked = Valid;
    type Error = LoginError;

    fn check(&self, st: &IssuerState) -> Result<(ReturnTo, Valid), Refusal<LoginError>> {
        let client_id = st.issuer.client_id();
        let client = ClientRequest::new([
            &self.client_id,
            &self.redirect_uri,
            &self.response_type,
            &self.state,
        ]);
        let back = client.check(client_id, &st.shared.redirect_uris)?;

        if !self
            .scope
            .as_deref()
            .unwrap_or("")
            .split(' ')
            .any(|s| s == "openid")
        {
            return Err(back.invalid_request("scope must include openid"));
        }
        let nonce = match self.nonce.as_deref() {
            Some(nonce) if !nonce.is_empty() => nonce,
            _ => return Err(back.invalid_request("nonce is required")),
        };
        let code_challenge = match self.code_challenge.as_deref() {
            Some(challenge) if tokens::is_pkce_value(challenge) => challenge,
            Some(_) => {
                return Err(back.invalid_request(
                    "code_challenge must be BASE64URL(SHA256(code_verifier)), 43 characters",
                ))
            }
            None => return Err(back.invalid_request("code_challenge is required (PKCE)")),
        };
        if self.code_challenge_method.as_deref() != Some("S256") {
            return Err(back.invalid_request("code_challenge_method must be S256"));
        }
        let valid = Valid {
            client_id,
            nonce: nonce.to_owned(),
            code_challenge: code_challenge.to_owned(),
        };
        Ok((back, valid))
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

    fn action(&self) -> Option<&str> {
        self.action.as_deref()
    }
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

/// An authorization request to this issuer's client that passed the checks.
type Request = Authorize<AuthorizeParams, IssuerState>;

/// `GET {iss}/authorize`: the login page, or why the request is refused.
pub(super) async fn show(State(st): State<IssuerState>, request: Request) -> Response {
    login_page(&st, &request.params, None, None)
}

/// `POST {iss}/authorize`: the login page's forms.
pub(super) async fn submit(State(st): State<IssuerState>, request: Request) -> Response {
    let (p, lang, valid) = (&request.params, request.lang, &request.checked);
    let subject = match st.issuer {
        Issuer::Citizen => match (p.person.as_deref(), p.hetu.as_deref()) {
            (Some(code), _) => match st.shared.persons.iter().find(|x| x.hetu.as_str() == code) {
                Some(person) => Subject::Citizen(person.clone()),
                None => return PageError::Mock(LoginError::UnknownUser).response(lang),
            },
            (None, Some(typed)) => match typed_person(&st.shared.persons, typed) {
                Ok(person) => Subject::Citizen(person),
                Err(problem) => return login_page(&st, p, Some(problem), Some(typed)),
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
            &request.back.uri,
            &valid.nonce,
            &valid.code_challenge,
            subject,
            now,
        ),
        now,
    );
    request.back.redirect(&[("code", &code)])
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
