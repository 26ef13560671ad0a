//! The API's routes: one table from method and path to handler, after the session is
//! resolved and the same-origin rule is applied to every state-changing request.

use crate::auth;
use crate::context::Ctx;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::outbound::Outbound;
use crate::routes::{auth as auth_routes, citizen, on_behalf, producer, public};
use seteli_domain::permissions::{require, Actor};
use seteli_domain::routes::{resolve, Access, Resolved, RouteId, RouteMethod};
use seteli_domain::{ApiError, ErrorCode};

/// The largest request body accepted: every form Seteli has fits many times over (the
/// longest text is 2000 characters).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Answers one API request. Never fails: every error becomes an `ApiError` response.
/// `HEAD` is answered as `GET` without the body. Every answer carries the security headers.
pub async fn handle<D: Database, H: Outbound>(req: &ApiRequest, ctx: &Ctx<D, H>) -> ApiResponse {
    let mut response = match route(req, ctx).await {
        Ok(response) => response,
        Err(error) => ApiResponse::error(&error.into_api_error(req.lang())),
    };
    if req.method == Method::Head {
        response.body.clear();
    }
    response.with_security_headers(&ctx.config.public_url)
}

/// Whether a body announced with `content_length` may be read: a larger one is refused
/// (413) before a byte of it is read.
pub fn body_too_large(content_length: Option<&str>) -> bool {
    content_length
        .and_then(|n| n.trim().parse::<u64>().ok())
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
}

async fn route<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    auth::require_same_origin(req, &ctx.config.public_url)?;
    if req.body.len() > MAX_BODY_BYTES || body_too_large(req.header("content-length")) {
        return Err(ApiError::new(ErrorCode::PayloadTooLarge, lang).into());
    }
    let method = match req.method {
        Method::Get | Method::Head => Some(RouteMethod::Get),
        Method::Post => Some(RouteMethod::Post),
        _ => None,
    };
    let (route, params) = match resolve(method, &req.path) {
        Resolved::Found(route, params) => (route, params),
        Resolved::MethodNotAllowed(allow) => {
            let error = ApiError::new(ErrorCode::MethodNotAllowed, lang);
            return Ok(ApiResponse::error(&error).with_header("allow", allow));
        }
        Resolved::NotFound => return Err(ApiError::new(ErrorCode::NotFound, lang).into()),
    };
    let session = auth::current_session(req, ctx).await?;
    let actor = session.as_ref().map_or(Actor::Visitor, |s| s.actor.clone());
    let session = session.as_ref();
    if let Some(action) = route.access.action() {
        // A company whose 30 minutes ran out on this request: say so, so that the person
        // chooses it again (queued visits wait for that) instead of being told "forbidden".
        if action.is_producer_action() && session.is_some_and(|s| s.company_expired) {
            return Err(ApiError::new(ErrorCode::CompanyChoiceExpired, lang).into());
        }
        if matches!(route.access, Access::Requires(_)) {
            require(&actor, action, lang)?;
        }
    }
    let id = params.first().copied().unwrap_or_default();
    match route.id {
        RouteId::PublicMunicipalities => {
            public::catalogue::handle_municipalities(req, ctx, &actor).await
        }
        RouteId::PublicServices => public::catalogue::handle_services(req, ctx, &actor).await,
        RouteId::PublicOffers => public::offers::handle_list(req, ctx, &actor).await,
        RouteId::PublicProducer => public::producers::handle_get(req, ctx, &actor, id).await,
        RouteId::AuthLogin => auth_routes::handle_login(req, ctx).await,
        RouteId::AuthCallback => auth_routes::handle_callback(req, ctx, session).await,
        RouteId::AuthLogout => auth_routes::handle_logout(ctx, session).await,
        RouteId::AuthMe => auth_routes::handle_me(ctx, &actor, lang).await,
        RouteId::CitizenVouchers => citizen::vouchers::handle_list(req, ctx, session, &actor).await,
        RouteId::CitizenVoucher => {
            citizen::vouchers::handle_get(req, ctx, session, &actor, id).await
        }
        RouteId::CitizenFeedback => citizen::feedback::handle_list(req, ctx, session, &actor).await,
        RouteId::CitizenGiveFeedback => {
            citizen::feedback::handle_create(req, ctx, session, &actor).await
        }
        RouteId::CitizenAnswerSurvey => {
            citizen::surveys::handle_create(req, ctx, session, &actor).await
        }
        RouteId::CitizenTrail => citizen::messages::handle_trail(req, ctx, session, &actor).await,
        RouteId::CitizenMessages => {
            citizen::messages::handle_messages(req, ctx, session, &actor).await
        }
        RouteId::OnBehalfStart => on_behalf::handle_start(req, ctx, session, &actor).await,
        RouteId::ValtuudetCallback => on_behalf::handle_callback(req, ctx, session, &actor).await,
        RouteId::OnBehalfRegistered => on_behalf::handle_registered(req, ctx, &actor).await,
        RouteId::OnBehalfActForRegistered => {
            on_behalf::handle_act_for_registered(req, ctx, session, &actor).await
        }
        RouteId::OnBehalfStop => on_behalf::handle_stop(req, ctx, session, &actor).await,
        RouteId::ProducerHome => producer::handle_home(req, ctx, &actor).await,
        RouteId::ProducerPrices => producer::handle_prices(req, ctx, &actor).await,
        RouteId::ProducerSetPrice => producer::handle_set_price(req, ctx, &actor).await,
        RouteId::ProducerLookUpVoucher => producer::handle_lookup(req, ctx, &actor).await,
        RouteId::ProducerVoucher => producer::handle_voucher(req, ctx, &actor, id).await,
        RouteId::ProducerLogEvent => producer::handle_log_event(req, ctx, &actor).await,
        RouteId::ProducerCancelEvent => producer::handle_cancel_event(req, ctx, &actor, id).await,
        RouteId::ProducerCorrectEvent => producer::handle_correct_event(req, ctx, &actor, id).await,
        RouteId::ProducerFeedback => producer::handle_feedback(req, ctx, &actor).await,
        RouteId::ProducerReply => producer::handle_reply(req, ctx, &actor, id).await,
    }
}
