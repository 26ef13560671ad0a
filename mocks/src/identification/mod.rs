//! A stand-in for Suomi.fi e-Identification as an OpenID Connect provider: the authorization
//! code flow with PKCE (S256) and RS256-signed ID tokens, for two issuers on one server.
//!
//! - `{base}/citizen`: residents log in as a test person or with any test personal identity
//!   code (individual number 900–999); the ID token carries the code in `urn:oid:1.2.246.21`.
//! - `{base}/staff`: municipal staff log in as a test user; the ID token carries
//!   `organiser` and `roles`.
//!
//! Per issuer: `/.well-known/openid-configuration`, `/jwks`, `/authorize` (GET shows the
//! login page, POST is the page's own form), `/token`, `/userinfo`. Plus `GET /health` and
//! the development switch `GET|POST /dev/claims-in`: with [`ClaimsIn::Userinfo`] the subject's
//! claims (names, the identity code, staff `organiser` and `roles`) are left out of the ID
//! token and served only by `userinfo`, as some conformant identity brokers do.

mod authorize;
mod pages;
pub mod people;
pub mod signing;
mod tokens;
mod userinfo;

pub use userinfo::ClaimsIn;

use crate::clock::Clock;
use crate::store::lock;
use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{extract::State, Json, Router};
use people::{Person, StaffUser};
use serde_json::json;
use signing::{SigningError, SigningKey};
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

/// The redirect URI registered when none is given: Seteli's callback under `cargo xtask dev`.
pub const DEFAULT_REDIRECT_URI: &str = "http://127.0.0.1:8787/api/auth/callback";

/// The level of assurance every login here claims (substantial, as with bank credentials).
pub const ACR_LOA3: &str = "http://ftn.ficora.fi/2017/loa3";

/// The claim that carries the personal identity code, named as Suomi.fi names the national
/// identification number attribute.
pub const HETU_CLAIM: &str = "urn:oid:1.2.246.21";

/// ID tokens and access tokens are valid this long (seconds).
pub const TOKEN_LIFETIME_SECS: u64 = 600;

/// One of the two OpenID Connect issuers the server hosts. Each has exactly one client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issuer {
    /// Residents: Seteli's citizen login.
    Citizen,
    /// Municipal staff: Seteli's staff login.
    Staff,
}

impl Issuer {
    /// Both issuers.
    pub const ALL: [Issuer; 2] = [Issuer::Citizen, Issuer::Staff];

    /// The issuer's path under the server's base URL (`{base}/{path}` is the issuer).
    pub fn path(self) -> &'static str {
        match self {
            Issuer::Citizen => "citizen",
            Issuer::Staff => "staff",
        }
    }

    /// The one client registered with this issuer.
    pub fn client_id(self) -> &'static str {
        match self {
            Issuer::Citizen => "seteli-local",
            Issuer::Staff => "seteli-staff-local",
        }
    }

    /// That client's secret (a local test secret, not a credential).
    pub fn client_secret(self) -> &'static str {
        match self {
            Issuer::Citizen => "seteli-local-secret",
            Issuer::Staff => "seteli-staff-local-secret",
        }
    }

    fn claims_supported(self) -> &'static [&'static str] {
        const COMMON: [&str; 11] = [
            "iss",
            "aud",
            "sub",
            "iat",
            "exp",
            "auth_time",
            "nonce",
            "acr",
            "given_name",
            "family_name",
            "name",
        ];
        const CITIZEN: [&str; 12] = concat_claims(COMMON, [HETU_CLAIM]);
        const STAFF: [&str; 17] = concat_claims(
            COMMON,
            [
                "email",
                "preferred_username",
                "organiser",
                "roles",
                "department",
                "job_title",
            ],
        );
        match self {
            Issuer::Citizen => &CITIZEN,
            Issuer::Staff => &STAFF,
        }
    }
}

const fn concat_claims<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    let mut out = [""; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < C {
        out[i] = b[i - A];
        i += 1;
    }
    out
}

/// What the server is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The redirect URIs registered for both clients, compared exactly. Each must be an
    /// absolute http(s) URL without a fragment.
    pub redirect_uris: Vec<String>,
    /// Where the subject's claims go at start; `POST /dev/claims-in` changes it while running.
    pub claims_in: ClaimsIn,
    /// The mock's clock, which stamps tokens and expires codes and access tokens. Keep a
    /// clone to move the server's time from an in-process test.
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            redirect_uris: vec![DEFAULT_REDIRECT_URI.to_owned()],
            claims_in: ClaimsIn::default(),
            clock: Clock::system(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot load the signing key: {0}")]
    Signing(#[from] SigningError),
    #[error("cannot read the test persons or staff users: {0}")]
    Data(#[from] serde_json::Error),
    #[error("a redirect URI must be an absolute http(s) URL without a fragment")]
    RedirectUri,
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Everything both issuers share.
struct Shared {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    base: String,
    redirect_uris: Vec<String>,
    key: SigningKey,
    codes: tokens::Codes,
    access_tokens: userinfo::AccessTokens,
    /// The development switch; see [`ClaimsIn`].
    claims_in: Mutex<ClaimsIn>,
    persons: Vec<Person>,
    staff: Vec<StaffUser>,
    clock: Clock,
}

impl Shared {
    fn claims_in(&self) -> ClaimsIn {
        *lock(&self.claims_in)
    }

    fn set_claims_in(&self, claims_in: ClaimsIn) {
        *lock(&self.claims_in) = claims_in;
    }
}

/// The state of one issuer's routes.
#[derive(Clone)]
struct IssuerState {
    shared: Arc<Shared>,
    issuer: Issuer,
}

impl IssuerState {
    fn issuer_url(&self) -> String {
        format!("{}/{}", self.shared.base, self.issuer.path())
    }
}

/// The whole mock as a router, for a server reachable at `base_url` (e.g.
/// `http://127.0.0.1:4000`; the issuers are `{base_url}/citizen` and `{base_url}/staff`).
pub fn router(base_url: &str, config: Config) -> Result<Router, StartError> {
    if !crate::oauth::redirect_uris_are_valid(&config.redirect_uris) {
        return Err(StartError::RedirectUri);
    }
    let shared = Arc::new(Shared {
        base: base_url.trim_end_matches('/').to_owned(),
        redirect_uris: config.redirect_uris,
        key: SigningKey::test_key()?,
        codes: tokens::no_codes(),
        access_tokens: userinfo::AccessTokens::default(),
        claims_in: Mutex::new(config.claims_in),
        persons: people::persons()?,
        staff: people::staff()?,
        clock: config.clock,
    });
    let mut router = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/dev/claims-in",
            get(claims_in)
                .post(set_claims_in)
                .with_state(shared.clone()),
        );
    for issuer in Issuer::ALL {
        let state = IssuerState {
            shared: shared.clone(),
            issuer,
        };
        let routes = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize::show).post(authorize::submit))
            .route("/token", post(tokens::token))
            .route(
                "/userinfo",
                get(userinfo::userinfo).post(userinfo::userinfo),
            )
            .with_state(state);
        router = router.nest(&format!("/{}", issuer.path()), routes);
    }
    Ok(router)
}

/// Serves the mock on `listener` until the process ends. The base URL is taken from the
/// listener's address, so bind `127.0.0.1:0` to get a free port.
pub async fn serve(listener: TcpListener, config: Config) -> Result<(), StartError> {
    let base = format!("http://{}", listener.local_addr()?);
    let app = router(&base, config)?;
    axum::serve(listener, app).await?;
    Ok(())
}

/// `GET {iss}/.well-known/openid-configuration`
async fn discovery(State(st): State<IssuerState>) -> impl IntoResponse {
    let iss = st.issuer_url();
    Json(json!({
        "issuer": iss,
        "authorization_endpoint": format!("{iss}/authorize"),
        "token_endpoint": format!("{iss}/token"),
        "jwks_uri": format!("{iss}/jwks"),
        "userinfo_endpoint": format!("{iss}/userinfo"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "grant_types_supported": ["authorization_code"],
        "scopes_supported": ["openid", "profile"],
        "acr_values_supported": [ACR_LOA3],
        "ui_locales_supported": ["fi", "sv", "en"],
        "claims_supported": st.issuer.claims_supported(),
    }))
}

/// `GET {iss}/jwks`
async fn jwks(State(st): State<IssuerState>) -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "public, max-age=300")],
        Json(st.shared.key.jwks()),
    )
}

/// `GET /dev/claims-in` → `{"claims_in": "id-token"|"userinfo"}`.
async fn claims_in(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    Json(json!({ "claims_in": shared.claims_in().as_str() }))
}

/// `POST /dev/claims-in {"claims_in": "id-token"|"userinfo"}`: where the next logins' claims go
/// (204), or 400 naming the values it takes.
async fn set_claims_in(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let requested = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get("claims_in")?.as_str().and_then(ClaimsIn::parse));
    match requested {
        Some(claims_in) => {
            shared.set_claims_in(claims_in);
            StatusCode::NO_CONTENT.into_response()
        }
        None => (
            StatusCode::BAD_REQUEST,
            "the body must be {\"claims_in\": \"id-token\"} or {\"claims_in\": \"userinfo\"}",
        )
            .into_response(),
    }
}
