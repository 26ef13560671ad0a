//! Authorization codes and `{iss}/token`: client authentication, the single-use code
//! exchange with PKCE, and the signed ID token.

use super::people::{Person, StaffUser};
use super::{ClaimsIn, Issuer, IssuerState, ACR_LOA3, HETU_CLAIM, TOKEN_LIFETIME_SECS};
use crate::oauth::{self, token_error};
use crate::store::Expiring;
use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Form;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// An authorization code is valid this long (seconds) after the login.
pub(super) const CODE_LIFETIME_SECS: u64 = 60;

/// Who logged in.
#[derive(Debug, Clone)]
pub(super) enum Subject {
    Citizen(Person),
    Staff(StaffUser),
}

/// What an authorization code stands for, and what its exchange must match.
#[derive(Debug)]
pub(super) struct Grant {
    issuer: Issuer,
    client_id: &'static str,
    redirect_uri: String,
    nonce: String,
    code_challenge: String,
    subject: Subject,
    /// When the person logged in (Unix seconds on the mock's clock).
    auth_time: u64,
}

impl Grant {
    /// A grant for a login that happened at `now` (Unix seconds on the mock's clock).
    pub(super) fn new(
        issuer: Issuer,
        client_id: &'static str,
        redirect_uri: &str,
        nonce: &str,
        code_challenge: &str,
        subject: Subject,
        now: u64,
    ) -> Self {
        Self {
            issuer,
            client_id,
            redirect_uri: redirect_uri.to_owned(),
            nonce: nonce.to_owned(),
            code_challenge: code_challenge.to_owned(),
            subject,
            auth_time: now,
        }
    }
}

/// The outstanding authorization codes, each single-use and live for [`CODE_LIFETIME_SECS`]
/// after the login.
pub(super) type Codes = Expiring<Grant>;

/// No codes yet.
pub(super) fn no_codes() -> Codes {
    Expiring::new(CODE_LIFETIME_SECS)
}

/// Now as the mock's clock reads it, in Unix seconds.
pub(super) fn unix_now(clock: &crate::clock::Clock) -> u64 {
    u64::try_from(clock.unix_now()).unwrap_or(0)
}

/// The `{iss}/token` form. Deliberately not `Debug`: it holds the client secret.
#[derive(Deserialize)]
pub(super) struct TokenParams {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn invalid_client(basic_used: bool) -> Response {
    oauth::invalid_client(basic_used.then_some("Basic realm=\"seteli-mocks\""))
}

fn invalid_grant(description: &str) -> Response {
    token_error(StatusCode::BAD_REQUEST, "invalid_grant", description)
}

fn invalid_request(description: &str) -> Response {
    token_error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

/// Decodes one half of HTTP Basic client credentials, which RFC 6749 §2.3.1 form-encodes.
fn form_decode(part: &str) -> Option<String> {
    let spaced = part.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// `(client_id, client_secret)` from an `Authorization: Basic` header, if it is well-formed.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let decoded = String::from_utf8(oauth::basic(headers)?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((form_decode(id)?, form_decode(secret)?))
}

/// Why a client was not authenticated.
enum ClientAuthError {
    /// Wrong, malformed or missing credentials; `basic` when HTTP Basic was tried.
    Invalid { basic: bool },
    /// Both HTTP Basic and `client_secret` in the body.
    TwoMethods,
}

impl ClientAuthError {
    fn into_response(self) -> Response {
        match self {
            ClientAuthError::Invalid { basic } => invalid_client(basic),
            ClientAuthError::TwoMethods => invalid_request(
                "use one client authentication method, not both Basic and client_secret",
            ),
        }
    }
}

/// Authenticates the issuer's client by `client_secret_basic` or `client_secret_post`.
fn authenticate_client(
    issuer: Issuer,
    headers: &HeaderMap,
    p: &TokenParams,
) -> Result<(), ClientAuthError> {
    // A mock: plain comparison is fine for secrets that are published in the README.
    let matches =
        |id: &str, secret: &str| id == issuer.client_id() && secret == issuer.client_secret();
    if !headers.contains_key(header::AUTHORIZATION) {
        return match (p.client_id.as_deref(), p.client_secret.as_deref()) {
            (Some(id), Some(secret)) if matches(id, secret) => Ok(()),
            _ => Err(ClientAuthError::Invalid { basic: false }),
        };
    }
    if p.client_secret.is_some() {
        return Err(ClientAuthError::TwoMethods);
    }
    match basic_credentials(headers) {
        Some((id, secret))
            if matches(&id, &secret)
                && p.client_id.as_deref().is_none_or(|body_id| body_id == id) =>
        {
            Ok(())
        }
        _ => Err(ClientAuthError::Invalid { basic: true }),
    }
}

/// RFC 7636 §4.1: a code verifier is 43–128 unreserved characters. An S256 challenge is 43 of
/// them; the same syntax is accepted for it.
pub(super) fn is_pkce_value(value: &str) -> bool {
    (43..=128).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// BASE64URL(SHA256(code_verifier)), the S256 challenge (RFC 7636 §4.2).
pub(super) fn s256_challenge(code_verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(code_verifier.as_bytes()))
}

/// A stable pairwise-looking subject: the same person gets the same `sub` from the same
/// issuer on every run and port, and the `sub` does not reveal the personal identity code.
fn subject_id(issuer: Issuer, identifier: &str) -> String {
    let digest = Sha256::digest(format!("seteli-mocks/{}/{identifier}", issuer.path()));
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The subject's `sub` at `issuer`.
fn subject_sub(issuer: Issuer, subject: &Subject) -> String {
    match subject {
        Subject::Citizen(person) => subject_id(issuer, person.hetu.as_str()),
        Subject::Staff(user) => subject_id(issuer, &user.username),
    }
}

/// What the provider asserts about the subject beyond `sub`: names, and the personal
/// identity code (citizens) or `organiser` and `roles` (staff). These go in the ID token,
/// or only in `userinfo` when the mock is switched to [`ClaimsIn::Userinfo`].
pub(super) fn subject_claims(subject: &Subject) -> Map<String, Value> {
    let mut claims = Map::new();
    let mut put = |name: &str, value: Value| {
        claims.insert(name.to_owned(), value);
    };
    match subject {
        Subject::Citizen(person) => {
            put("given_name", json!(person.given_name));
            put("family_name", json!(person.family_name));
            put("name", json!(person.full_name()));
            put(HETU_CLAIM, json!(person.hetu.as_str()));
        }
        Subject::Staff(user) => {
            put("given_name", json!(user.given_name));
            put("family_name", json!(user.family_name));
            put("name", json!(user.full_name()));
            put("email", json!(user.email));
            put("preferred_username", json!(user.username));
            put("organiser", json!(user.organiser.as_str()));
            put("roles", json!(user.roles));
            if let Some(department) = &user.department {
                put("department", json!(department));
            }
            if let Some(title) = &user.job_title {
                put("job_title", json!(title));
            }
        }
    }
    claims
}

/// The `userinfo` answer for `subject` at `issuer`: `sub` and every subject claim, whatever
/// the switch says (a conformant provider's userinfo always has them).
pub(super) fn userinfo_claims(issuer: Issuer, subject: &Subject) -> Value {
    let mut claims = subject_claims(subject);
    claims.insert("sub".to_owned(), json!(subject_sub(issuer, subject)));
    Value::Object(claims)
}

/// The ID token's claims for `grant`, issued by `iss` at `now`; the subject's claims only
/// when `claims_in` puts them there.
fn id_token_claims(iss: &str, grant: &Grant, now: u64, claims_in: ClaimsIn) -> Value {
    let mut claims = Map::new();
    let mut put = |name: &str, value: Value| {
        claims.insert(name.to_owned(), value);
    };
    put("iss", json!(iss));
    put("aud", json!(grant.client_id));
    put("sub", json!(subject_sub(grant.issuer, &grant.subject)));
    put("iat", json!(now));
    put("exp", json!(now + TOKEN_LIFETIME_SECS));
    put("auth_time", json!(grant.auth_time));
    put("nonce", json!(grant.nonce));
    put("acr", json!(ACR_LOA3));
    if claims_in == ClaimsIn::IdToken {
        claims.extend(subject_claims(&grant.subject));
    }
    Value::Object(claims)
}

/// `POST {iss}/token`: exchanges an authorization code for an ID token and an access token
/// for `{iss}/userinfo`.
pub(super) async fn token(
    State(st): State<IssuerState>,
    headers: HeaderMap,
    form: Result<Form<TokenParams>, FormRejection>,
) -> Response {
    let Ok(Form(p)) = form else {
        return invalid_request(
            "the body must be application/x-www-form-urlencoded, each parameter once",
        );
    };
    if let Err(error) = authenticate_client(st.issuer, &headers, &p) {
        return error.into_response();
    }
    if let Some(refused) = oauth::refuse_grant_type(p.grant_type.as_deref()) {
        return refused;
    }
    let (Some(code), Some(redirect_uri), Some(code_verifier)) = (
        p.code.as_deref(),
        p.redirect_uri.as_deref(),
        p.code_verifier.as_deref(),
    ) else {
        return invalid_request("code, redirect_uri and code_verifier are required");
    };

    let now = unix_now(&st.shared.clock);
    let Some(grant) = st.shared.codes.take(code, now) else {
        return invalid_grant("the code is unknown, expired or already used");
    };
    if grant.issuer != st.issuer || grant.client_id != st.issuer.client_id() {
        return invalid_grant("the code was issued to another client");
    }
    if grant.redirect_uri != redirect_uri {
        return invalid_grant("redirect_uri differs from the one in the authorization request");
    }
    if !is_pkce_value(code_verifier) || s256_challenge(code_verifier) != grant.code_challenge {
        return invalid_grant("code_verifier does not match the code_challenge");
    }

    let claims = id_token_claims(&st.issuer_url(), &grant, now, st.shared.claims_in());
    let (Ok(id_token), Ok(access_token)) =
        (st.shared.key.sign_jwt(&claims), crate::random::token())
    else {
        return token_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "the ID token could not be signed",
        );
    };
    st.shared
        .access_tokens
        .insert(access_token.clone(), st.issuer, grant.subject, now);
    oauth::token_response(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME_SECS,
        "id_token": id_token,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identification::people;

    const NOW: u64 = 1_800_000_000;

    fn grant(created: u64) -> Grant {
        let person = people::persons().unwrap().remove(0);
        Grant::new(
            Issuer::Citizen,
            Issuer::Citizen.client_id(),
            "http://127.0.0.1:1/cb",
            "n",
            "c",
            Subject::Citizen(person),
            created,
        )
    }

    #[test]
    fn a_code_can_be_taken_only_once() {
        let codes = no_codes();
        codes.insert("abc".into(), grant(NOW), NOW);
        assert!(codes.take("abc", NOW).is_some());
        assert!(codes.take("abc", NOW).is_none());
    }

    #[test]
    fn a_code_older_than_sixty_seconds_is_refused() {
        let codes = no_codes();
        codes.insert("old".into(), grant(NOW), NOW);
        codes.insert("fresh".into(), grant(NOW), NOW);
        assert!(codes.take("fresh", NOW + CODE_LIFETIME_SECS - 1).is_some());
        assert!(codes.take("old", NOW + CODE_LIFETIME_SECS).is_none());
    }

    #[test]
    fn the_s256_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            s256_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        use axum::http::HeaderValue;
        use base64::engine::general_purpose::STANDARD;
        let authorization =
            |value: HeaderValue| HeaderMap::from_iter([(header::AUTHORIZATION, value)]);
        let header =
            HeaderValue::from_str(&format!("Basic {}", STANDARD.encode("a%3Ab:c+d"))).unwrap();
        assert_eq!(
            basic_credentials(&authorization(header)),
            Some(("a:b".to_owned(), "c d".to_owned()))
        );
        assert_eq!(
            basic_credentials(&authorization(HeaderValue::from_static("Bearer x"))),
            None
        );
    }

    #[test]
    fn the_subject_is_stable_and_does_not_contain_the_code() {
        let a = subject_id(Issuer::Citizen, "220784-926C");
        assert_eq!(a, subject_id(Issuer::Citizen, "220784-926C"));
        assert_ne!(a, subject_id(Issuer::Staff, "220784-926C"));
        assert!(!a.contains("220784"));
        assert_eq!(a.len(), 64);
    }
}
