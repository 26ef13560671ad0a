//! `{iss}/userinfo` (OpenID Connect Core §5.3): the subject's claims for the access token that
//! `{iss}/token` issued, and the switch that decides whether those claims are also in the ID
//! token.

use super::tokens::{userinfo_claims, Subject};
use super::{Issuer, IssuerState, TOKEN_LIFETIME_SECS};
use crate::store::Expiring;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Where the provider puts what it asserts about the subject (names, the personal identity
/// code, staff `organiser` and `roles`). `userinfo` always has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimsIn {
    /// In the ID token and in `userinfo`, as the mock has always done.
    #[default]
    IdToken,
    /// Only in `userinfo`: the ID token carries just the protocol's claims (`iss`, `sub`,
    /// `aud`, times, `nonce`, `acr`), as some conformant identity brokers do.
    Userinfo,
}

impl ClaimsIn {
    /// `id-token` or `userinfo` (as on the command line, in `SETELI_MOCK_CLAIMS_IN` and at
    /// `/dev/claims-in`); `id_token` is accepted too.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "id-token" | "id_token" => Some(ClaimsIn::IdToken),
            "userinfo" => Some(ClaimsIn::Userinfo),
            _ => None,
        }
    }

    /// The name [`ClaimsIn::parse`] reads back.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimsIn::IdToken => "id-token",
            ClaimsIn::Userinfo => "userinfo",
        }
    }
}

/// Whom an access token is for, and at which issuer it is valid.
#[derive(Clone)]
struct Issued {
    issuer: Issuer,
    subject: Subject,
}

/// The access tokens issued and not yet expired, each valid at its own issuer's `userinfo`
/// for [`TOKEN_LIFETIME_SECS`].
pub(super) struct AccessTokens(Expiring<Issued>);

impl Default for AccessTokens {
    fn default() -> Self {
        Self(Expiring::new(TOKEN_LIFETIME_SECS))
    }
}

impl AccessTokens {
    /// Remembers a new token issued at `now`.
    pub(super) fn insert(&self, token: String, issuer: Issuer, subject: Subject, now: u64) {
        self.0.insert(token, Issued { issuer, subject }, now);
    }

    /// The subject of a token issued by `issuer` and still live at `now`.
    fn subject(&self, token: &str, issuer: Issuer, now: u64) -> Option<Subject> {
        self.0
            .get(token, now, |issued| issued.issuer == issuer)
            .map(|issued| issued.subject)
    }
}

/// RFC 6750 §3: 401 with a `WWW-Authenticate: Bearer` challenge; `error` only when a token
/// was presented.
fn unauthorized(error: Option<&str>) -> Response {
    let challenge = match error {
        Some(error) => format!("Bearer realm=\"seteli-mocks\", error=\"{error}\""),
        None => "Bearer realm=\"seteli-mocks\"".to_owned(),
    };
    let body = json!({
        "error": error.unwrap_or("invalid_request"),
        "error_description": "a valid access token from this issuer is required",
    });
    let mut response = (
        StatusCode::UNAUTHORIZED,
        [(header::CACHE_CONTROL, "no-store")],
        Json(body),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// The token of an `Authorization: Bearer ..` header, if one follows the scheme.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    crate::oauth::bearer(headers).filter(|t| !t.is_empty())
}

/// `GET|POST {iss}/userinfo` with `Authorization: Bearer {access_token}`: `sub` and the
/// subject's claims as JSON.
pub(super) async fn userinfo(State(st): State<IssuerState>, headers: HeaderMap) -> Response {
    let Some(token) = bearer(&headers) else {
        return unauthorized(None);
    };
    let now = super::tokens::unix_now(&st.shared.clock);
    let Some(subject) = st.shared.access_tokens.subject(token, st.issuer, now) else {
        return unauthorized(Some("invalid_token"));
    };
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(userinfo_claims(st.issuer, &subject)),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identification::people;

    #[test]
    fn the_switch_reads_back_what_it_writes() {
        for claims_in in [ClaimsIn::IdToken, ClaimsIn::Userinfo] {
            assert_eq!(ClaimsIn::parse(claims_in.as_str()), Some(claims_in));
        }
        assert_eq!(ClaimsIn::parse("id_token"), Some(ClaimsIn::IdToken));
        assert_eq!(ClaimsIn::parse("both"), None);
    }

    #[test]
    fn a_token_is_valid_only_at_its_own_issuer() {
        let tokens = AccessTokens::default();
        let person = people::persons().unwrap().remove(0);
        tokens.insert("t".into(), Issuer::Citizen, Subject::Citizen(person), 100);
        assert!(tokens.subject("t", Issuer::Citizen, 100).is_some());
        assert!(tokens.subject("t", Issuer::Staff, 100).is_none());
        assert!(tokens.subject("other", Issuer::Citizen, 100).is_none());
    }

    #[test]
    fn a_token_expires_after_its_lifetime_on_the_mocks_clock() {
        let tokens = AccessTokens::default();
        let person = people::persons().unwrap().remove(0);
        tokens.insert("t".into(), Issuer::Citizen, Subject::Citizen(person), 100);
        assert!(tokens
            .subject("t", Issuer::Citizen, 100 + TOKEN_LIFETIME_SECS - 1)
            .is_some());
        assert!(tokens
            .subject("t", Issuer::Citizen, 100 + TOKEN_LIFETIME_SECS)
            .is_none());
    }
}
