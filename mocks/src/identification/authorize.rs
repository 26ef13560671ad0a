//! `{iss}/authorize`: checks the authorization request, shows the login page (GET) and handles
//! the page's own forms (POST), which end in a redirect with a code or an error.

use super::pages::{self, HetuProblem, LoginView, PageError};
use super::people::Person;
use super::tokens::{self, Grant, Subject};
use super::{Issuer, IssuerState};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
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
        [
            ("response_type", &self.response_type),
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("scope", &self.scope),
            ("state", &self.state),
            ("nonce", &self.nonce),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
            ("ui_locales", &self.ui_locales),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
        .collect()
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
        redirect_with(&self.redirect_url, pairs, self.state)
    }
}

/// Why a request was refused: either a page here (the client cannot be trusted) or an error
/// sent back to the client's registered redirect URI.
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

fn see_other(url: &Url) -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Redirect::to(url.as_str()),
    )
        .into_response()
}

fn redirect_with(url: &Url, pairs: &[(&str, &str)], state: Option<&str>) -> Response {
    see_other(&with_query(url, pairs, state))
}

/// `url` with `pairs` and, when the request had one, `state` appended to its query.
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

/// Checks the request in the order RFC 6749 §4.1.2.1 requires: the client and redirect URI
/// first (failures never redirect), then everything else (failures go back to the client).
fn validate<'a>(st: &IssuerState, p: &'a AuthorizeParams) -> Result<Valid<'a>, Refusal> {
    let client_id = st.issuer.client_id();
    if p.client_id.as_deref() != Some(client_id) {
        return Err(Refusal::Page(PageError::UnknownClient));
    }
    let redirect_uri = match p.redirect_uri.as_deref() {
        Some(uri) if st.shared.redirect_uris.iter().any(|r| r == uri) => uri,
        _ => return Err(Refusal::Page(PageError::UnregisteredRedirectUri)),
    };
    let redirect_url =
        Url::parse(redirect_uri).map_err(|_| Refusal::Page(PageError::UnregisteredRedirectUri))?;
    let state = p.state.as_deref();
    let invalid = |description: &str| {
        Refusal::Redirect(with_query(
            &redirect_url,
            &[
                ("error", "invalid_request"),
                ("error_description", description),
            ],
            state,
        ))
    };

    if p.response_type.as_deref() != Some("code") {
        return Err(Refusal::Redirect(with_query(
            &redirect_url,
            &[("error", "unsupported_response_type")],
            state,
        )));
    }
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
        return pages::error_response(Lang::default(), PageError::MalformedRequest);
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

    let subject = match st.issuer {
        Issuer::Citizen => match (p.person.as_deref(), p.hetu.as_deref()) {
            (Some(code), _) => match st.shared.persons.iter().find(|x| x.hetu.as_str() == code) {
                Some(person) => Subject::Citizen(person.clone()),
                None => return pages::error_response(lang, PageError::UnknownUser),
            },
            (None, Some(typed)) => match typed_person(&st.shared.persons, typed) {
                Ok(person) => Subject::Citizen(person),
                Err(problem) => return login_page(&st, &p, Some(problem), Some(typed)),
            },
            (None, None) => return pages::error_response(lang, PageError::NothingChosen),
        },
        Issuer::Staff => match p.user.as_deref() {
            Some(username) => match st.shared.staff.iter().find(|u| u.username == username) {
                Some(user) => Subject::Staff(user.clone()),
                None => return pages::error_response(lang, PageError::UnknownUser),
            },
            None => return pages::error_response(lang, PageError::NothingChosen),
        },
    };

    let Ok(code) = crate::random::token() else {
        return pages::error_response(lang, PageError::ServerError);
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
