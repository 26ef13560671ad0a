//! The API's routes: one table from method and path to handler, after the session is
//! resolved and the same-origin rule is applied to every state-changing request.

use crate::auth;
use crate::auth::oidc::OidcConfig;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::outbound::Outbound;
use crate::routes::{auth as auth_routes, citizen, on_behalf, producer, public};
use crate::valtuudet::ValtuudetConfig;
use seteli_domain::clock::{finnish_date, iso_date};
use seteli_domain::permissions::Actor;
use seteli_domain::{ApiError, ErrorCode};
use time::OffsetDateTime;

/// The deployment's configuration (wrangler vars and secrets; see README).
#[derive(Debug, Clone)]
pub struct Config {
    /// Where users reach Seteli, e.g. `https://seteli.porvoo.fi`: the OAuth redirect URI and
    /// the same-origin rule derive from it.
    pub public_url: String,
    /// The citizens' identity provider; `None` when not configured (login then explains
    /// that identification is unavailable).
    pub citizen_oidc: Option<OidcConfig>,
    /// The staff identity provider (a separate issuer and client); `None` when not configured.
    pub staff_oidc: Option<OidcConfig>,
    /// The ID-token claim that carries the personal identity code.
    pub hetu_claim: String,
    /// Suomi.fi-valtuudet; `None` when not configured (acting for others through it then
    /// explains that the service is unavailable, and grants nothing).
    pub valtuudet: Option<ValtuudetConfig>,
    /// How long a read for a principal may rely on the last confirmed right (seconds, at
    /// most [`MAX_RIGHTS_CACHE_SECS`]); writes always ask Valtuudet again.
    pub rights_cache_secs: i64,
}

/// The largest request body accepted: every form Seteli has fits many times over (the
/// longest text is 2000 characters).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The longest a read may rely on an earlier Valtuudet answer.
pub const MAX_RIGHTS_CACHE_SECS: i64 = 300;

/// The claim Suomi.fi e-Identification uses for the identity code (nationalIdentificationNumber).
pub const DEFAULT_HETU_CLAIM: &str = "urn:oid:1.2.246.21";

/// What a handler may use: the database, the outside world, the configuration, and the
/// time of the request from an injected clock.
pub struct Ctx<D: Database, H: Outbound> {
    pub db: D,
    pub http: H,
    pub config: Config,
    pub now: OffsetDateTime,
}

impl<D: Database, H: Outbound> Ctx<D, H> {
    /// Unix seconds of the request.
    pub fn unix_now(&self) -> i64 {
        self.now.unix_timestamp()
    }

    /// Today's date in Finland, `YYYY-MM-DD`.
    pub fn today(&self) -> String {
        iso_date(finnish_date(self.now))
    }
}

/// Answers one API request. Never fails: every error becomes an `ApiError` response.
pub async fn handle<D: Database, H: Outbound>(req: &ApiRequest, ctx: &Ctx<D, H>) -> ApiResponse {
    match route(req, ctx).await {
        Ok(response) => response,
        Err(error) => ApiResponse::error(&error.into_api_error(req.lang())),
    }
}

async fn route<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
) -> Result<ApiResponse, EdgeError> {
    auth::require_same_origin(req, &ctx.config.public_url)?;
    if req.body.len() > MAX_BODY_BYTES {
        return Err(ApiError::new(ErrorCode::PayloadTooLarge, req.lang()).into());
    }
    let session = auth::current_session(req, ctx).await?;
    let actor = session.as_ref().map_or(Actor::Visitor, |s| s.actor.clone());
    let session = session.as_ref();
    let segments: Vec<&str> = req.path.trim_matches('/').split('/').collect();
    let method = req.method;
    let lang = req.lang();
    let allow = |methods: &str| {
        let error = ApiError::new(ErrorCode::MethodNotAllowed, lang);
        Ok(ApiResponse::error(&error).with_header("allow", methods.to_owned()))
    };
    match (segments.as_slice(), method) {
        (["api", "public", "municipalities"], Method::Get) => {
            public::catalogue::handle_municipalities(req, ctx, &actor).await
        }
        (["api", "public", "services"], Method::Get) => {
            public::catalogue::handle_services(req, ctx, &actor).await
        }
        (["api", "public", "offers"], Method::Get) => {
            public::offers::handle_list(req, ctx, &actor).await
        }
        (["api", "public", "producers", id], Method::Get) => {
            public::producers::handle_get(req, ctx, &actor, id).await
        }
        (
            ["api", "public", "municipalities" | "services" | "offers"]
            | ["api", "public", "producers", _],
            _,
        ) => allow("GET"),
        (["api", "auth", "login"], Method::Get) => auth_routes::handle_login(req, ctx).await,
        (["api", "auth", "callback"], Method::Get) => {
            auth_routes::handle_callback(req, ctx, session).await
        }
        (["api", "auth", "logout"], Method::Post) => auth_routes::handle_logout(ctx, session).await,
        (["api", "auth", "me"], Method::Get) => auth_routes::handle_me(&actor, lang).await,
        (["api", "citizen", "vouchers"], Method::Get) => {
            citizen::vouchers::handle_list(req, ctx, session, &actor).await
        }
        (["api", "citizen", "vouchers", id], Method::Get) => {
            citizen::vouchers::handle_get(req, ctx, session, &actor, id).await
        }
        (["api", "citizen", "feedback"], Method::Get) => {
            citizen::feedback::handle_list(req, ctx, session, &actor).await
        }
        (["api", "citizen", "feedback"], Method::Post) => {
            citizen::feedback::handle_create(req, ctx, session, &actor).await
        }
        (["api", "citizen", "surveys"], Method::Post) => {
            citizen::surveys::handle_create(req, ctx, session, &actor).await
        }
        (["api", "citizen", "trail"], Method::Get) => {
            citizen::messages::handle_trail(req, ctx, session, &actor).await
        }
        (["api", "citizen", "messages"], Method::Get) => {
            citizen::messages::handle_messages(req, ctx, session, &actor).await
        }
        (["api", "on-behalf", "start"], Method::Get) => {
            on_behalf::handle_start(req, ctx, session, &actor).await
        }
        (["api", "valtuudet", "callback"], Method::Get) => {
            on_behalf::handle_callback(req, ctx, session, &actor).await
        }
        (["api", "on-behalf", "registered"], Method::Get) => {
            on_behalf::handle_registered(req, ctx, &actor).await
        }
        (["api", "on-behalf", "registered"], Method::Post) => {
            on_behalf::handle_act_for_registered(req, ctx, session, &actor).await
        }
        (["api", "on-behalf", "stop"], Method::Post) => {
            on_behalf::handle_stop(req, ctx, session, &actor).await
        }
        (
            ["api", "citizen", "vouchers" | "trail" | "messages"]
            | ["api", "citizen", "vouchers", _]
            | ["api", "on-behalf", "start"]
            | ["api", "valtuudet", "callback"],
            _,
        ) => allow("GET"),
        (["api", "producer", "home"], Method::Get) => producer::handle_home(req, ctx, &actor).await,
        (["api", "producer", "prices"], Method::Get) => {
            producer::handle_prices(req, ctx, &actor).await
        }
        (["api", "producer", "prices"], Method::Post) => {
            producer::handle_set_price(req, ctx, &actor).await
        }
        (["api", "producer", "vouchers", "lookup"], Method::Post) => {
            producer::handle_lookup(req, ctx, &actor).await
        }
        (["api", "producer", "vouchers", "lookup"], _) => allow("POST"),
        (["api", "producer", "vouchers", id], Method::Get) => {
            producer::handle_voucher(req, ctx, &actor, id).await
        }
        (["api", "producer", "events"], Method::Post) => {
            producer::handle_log_event(req, ctx, &actor).await
        }
        (["api", "producer", "events", id, "cancel"], Method::Post) => {
            producer::handle_cancel_event(req, ctx, &actor, id).await
        }
        (["api", "producer", "events", id, "correct"], Method::Post) => {
            producer::handle_correct_event(req, ctx, &actor, id).await
        }
        (["api", "producer", "feedback"], Method::Get) => {
            producer::handle_feedback(req, ctx, &actor).await
        }
        (["api", "producer", "feedback", id, "reply"], Method::Post) => {
            producer::handle_reply(req, ctx, &actor, id).await
        }
        (["api", "producer", "home" | "feedback"] | ["api", "producer", "vouchers", _], _) => {
            allow("GET")
        }
        (["api", "producer", "prices"], _) => allow("GET, POST"),
        (
            ["api", "producer", "events"]
            | ["api", "producer", "events", _, "cancel" | "correct"]
            | ["api", "producer", "feedback", _, "reply"],
            _,
        ) => allow("POST"),
        (["api", "on-behalf", "registered"], _) => allow("GET, POST"),
        (["api", "on-behalf", "stop"], _) => allow("POST"),
        (["api", "citizen", "feedback"], _) => allow("GET, POST"),
        (["api", "citizen", "surveys"], _) => allow("POST"),
        (["api", "auth", "login" | "callback" | "me"], _) => allow("GET"),
        (["api", "auth", "logout"], _) => allow("POST"),
        _ => Err(ApiError::new(ErrorCode::NotFound, lang).into()),
    }
}
