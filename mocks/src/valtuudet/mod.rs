//! A stand-in for DVV's Suomi.fi-valtuudet Web API (`hpa` person-for-person, `ypa`
//! person-for-organisation), speaking the protocol in `docs/valtuudet-webapi.md`:
//!
//! 1. `GET /service/{mode}/user/register/{clientId}/{delegateHetu}?requestId=..` → session
//! 2. `GET /oauth/authorize?..&user={userId}` → the mock's own selection page, then a redirect
//!    with a single-use code (or `error=access_denied`)
//! 3. `POST /oauth/token?code=..&grant_type=authorization_code&redirect_uri=..` (HTTP Basic;
//!    the parameters may come as a form body instead, as DVV's Java client sends them)
//! 4. `GET /service/hpa/api/delegate/{sessionId}` → the picked person
//! 5. `GET /service/hpa/api/authorization/{sessionId}/{principalId}[?issues=..]` → ALLOWED or
//!    DISALLOWED (a restriction with no reason); UNKNOWN only for a pair the register flags
//!    with the development knob `unknown`, never an answer DVV gives
//! 6. `GET /service/ypa/api/organizationRoles/{sessionId}` → the picked organisation's roles
//! 7. `GET /service/{mode}/user/unregister/{sessionId}` → `true` (`requestId` optional here)
//!
//! Every call but the token exchange (and the browser's authorize) must carry a valid
//! `X-AsiointivaltuudetAuthorization` checksum header; steps 4–6 also need the session's
//! bearer token. Development-only endpoints under `/dev/` reset or replace the register,
//! revoke mandates, move the clock and simulate an outage (every service and token call then
//! answers 503); `GET /health` answers `ok`.

mod api;
pub mod checksum;
/// The clock both mocks share (see [`crate::clock`]), here too for the Valtuudet mock's users.
pub use crate::clock;
mod dev;
mod oauth;
mod pages;
pub mod register;
mod sessions;

use axum::routing::{get, post};
use axum::Router;
use clock::Clock;
use register::{Register, SeedError};
use std::sync::{Arc, Mutex, MutexGuard};
use time::Duration;
use tokio::net::TcpListener;

/// The Web API client id of the local e-service (8 alphanumerics, as DVV issues them).
pub const CLIENT_ID: &str = "sete1i01";

/// The key of the checksum header's HMAC (a local test value, not a credential).
pub const API_KEY: &str = "seteli-local-valtuudet-api-key";

/// The password of HTTP Basic on the token call (a local test value, not a credential).
pub const OAUTH_PASSWORD: &str = "seteli-local-valtuudet-oauth";

/// The redirect URI registered when none is given: Seteli's callback under `cargo xtask dev`.
pub const DEFAULT_REDIRECT_URI: &str = "http://127.0.0.1:8787/api/valtuudet/callback";

// The issue URIs Seteli's rule set asks about. The register's data names them as strings; the
// tests use these, so the seed and the rule set cannot drift apart unnoticed.
pub use seteli_domain::mandates::{ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS};

/// A session ends this long after its register call.
pub const SESSION_LIFETIME: Duration = Duration::minutes(10);

/// An authorization code is valid this long after the pick.
pub const CODE_LIFETIME: Duration = Duration::seconds(60);

/// `expires_in` of an access token, in seconds.
pub const TOKEN_EXPIRES_IN: i64 = 599;

/// What the server is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The redirect URIs registered for the client, compared exactly. Each must be an
    /// absolute http(s) URL without a fragment.
    pub redirect_uris: Vec<String>,
    /// The register to start from (and to go back to on `POST /dev/reset`); `None` is the
    /// one compiled in from `mocks/data/valtuudet.json`.
    pub seed: Option<Register>,
    /// The mock's clock. Keep a clone to move the server's time from an in-process test.
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            redirect_uris: vec![DEFAULT_REDIRECT_URI.to_owned()],
            seed: None,
            clock: Clock::system(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot load the register: {0}")]
    Seed(#[from] SeedError),
    #[error("a redirect URI must be an absolute http(s) URL without a fragment")]
    RedirectUri,
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Everything the handlers share.
struct Shared {
    redirect_uris: Vec<String>,
    /// What `POST /dev/reset` goes back to.
    seed: Register,
    clock: Clock,
    state: Mutex<sessions::State>,
    /// `POST /dev/outage`: while set, the Web API answers 503 to every call.
    outage: std::sync::atomic::AtomicBool,
}

impl Shared {
    fn is_down(&self) -> bool {
        self.outage.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn state(&self) -> MutexGuard<'_, sessions::State> {
        crate::store::lock(&self.state)
    }
}

type AppState = Arc<Shared>;

/// The whole mock as a router.
pub fn router(config: Config) -> Result<Router, StartError> {
    if !crate::oauth::redirect_uris_are_valid(&config.redirect_uris) {
        return Err(StartError::RedirectUri);
    }
    let seed = match config.seed {
        Some(seed) => seed,
        None => Register::default_seed()?,
    };
    let shared = Arc::new(Shared {
        redirect_uris: config.redirect_uris,
        state: Mutex::new(sessions::State::new(seed.clone())),
        seed,
        clock: config.clock,
        outage: std::sync::atomic::AtomicBool::new(false),
    });
    // One row a route, as the Web API's documentation lists them.
    #[rustfmt::skip]
    let router = Router::new()
        .route("/service/{mode}/user/register/{client_id}/{delegate}", get(api::register))
        .route("/service/{mode}/user/unregister/{session_id}", get(api::unregister))
        .route("/service/{mode}/api/delegate/{session_id}", get(api::delegate))
        .route("/service/{mode}/api/authorization/{session_id}/{principal}", get(api::authorization))
        .route("/service/{mode}/api/organizationRoles/{session_id}", get(api::organization_roles))
        .route("/oauth/authorize", get(oauth::show).post(oauth::submit))
        .route("/oauth/token", post(oauth::token))
        .route("/dev/reset", post(dev::reset))
        .route("/dev/seed", post(dev::seed))
        .route("/dev/mandates/revoke", post(dev::post_json::<dev::Revoke>))
        .route("/dev/clock", get(dev::clock).post(dev::post_json::<dev::SetClock>))
        .route("/dev/outage", post(dev::post_json::<dev::Outage>))
        .route("/health", get(|| async { "ok" }));
    Ok(router.with_state(shared))
}

/// Serves the mock on `listener` until the process ends. Bind `127.0.0.1:0` for a free port.
pub async fn serve(listener: TcpListener, config: Config) -> Result<(), StartError> {
    let app = router(config)?;
    axum::serve(listener, app).await?;
    Ok(())
}
