//! `/api/auth/..`: logging in with strong identification, the session, logging out.
//! Login and callback are browser navigations, so their failures redirect to a page that
//! explains them (`/?login_error=..`); `me` and `logout` answer JSON.

use crate::auth::oidc::{self, CodeExchange, FlowError};
use crate::auth::{
    clear_cookie, cookie, secure_cookies, set_cookie, CurrentSession, LOGIN_COOKIE, SESSION_COOKIE,
};
use crate::crypto::{constant_time_eq, pkce_challenge, random_token, sha256_hex};
use crate::db::sessions::{self, Audience, LoginAttempt, SessionRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use crate::router::Ctx;
use seteli_domain::api::Me;
use seteli_domain::hetu::Hetu;
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::session::LOGIN_ATTEMPT_LIMIT_SECS;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// Why a login ended without a session, as the app's page names it.
#[derive(Debug, Clone, Copy)]
enum LoginFailure {
    Cancelled,
    Failed,
    Unavailable,
}

fn failure_redirect(ctx_public_url: &str, failure: LoginFailure) -> ApiResponse {
    let reason = match failure {
        LoginFailure::Cancelled => "cancelled",
        LoginFailure::Failed => "failed",
        LoginFailure::Unavailable => "unavailable",
    };
    ApiResponse::redirect(&format!("/?login_error={reason}")).add_header(
        "set-cookie",
        clear_cookie(LOGIN_COOKIE, "/api/auth", secure_cookies(ctx_public_url)),
    )
}

/// A path inside Seteli to return to after login; anything else (absolute URLs,
/// protocol-relative `//host`, backslashes) becomes `/`, so login cannot be an open redirect.
fn safe_return_to(requested: Option<&str>) -> String {
    match requested {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.len() <= 512 =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn redirect_uri(public_url: &str) -> String {
    format!("{}/api/auth/callback", public_url.trim_end_matches('/'))
}

/// `GET /api/auth/login?return_to=/path`: starts strong identification. Open to everyone.
pub async fn handle_login<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let public_url = &ctx.config.public_url;
    let Some(config) = &ctx.config.citizen_oidc else {
        return Ok(failure_redirect(public_url, LoginFailure::Unavailable));
    };
    let discovery = match oidc::discover(&ctx.http, config).await {
        Ok(d) => d,
        Err(e) => {
            crate::error::log_warning(&format!("identification discovery failed: {e:?}"));
            return Ok(failure_redirect(public_url, LoginFailure::Unavailable));
        }
    };
    let tokens = (
        random_token(),
        random_token(),
        random_token(),
        random_token(),
    );
    let (Some(login_id), Some(state), Some(nonce), Some(verifier)) = tokens else {
        return Err(EdgeError::Internal("no randomness for a login".into()));
    };
    let attempt = LoginAttempt {
        audience: Audience::Citizen.as_str().to_owned(),
        state,
        nonce,
        code_verifier: verifier,
        return_to: safe_return_to(req.query_param("return_to")),
        created_at: ctx.unix_now(),
    };
    sessions::insert_login_attempt(&ctx.db, &sha256_hex(&login_id), &attempt).await?;
    let mut authorize = url::Url::parse(&discovery.authorization_endpoint)
        .map_err(|e| EdgeError::Internal(format!("authorization endpoint: {e}")))?;
    authorize
        .query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &config.client_id)
        .append_pair("redirect_uri", &redirect_uri(public_url))
        .append_pair("scope", "openid profile")
        .append_pair("state", &attempt.state)
        .append_pair("nonce", &attempt.nonce)
        .append_pair("code_challenge", &pkce_challenge(&attempt.code_verifier))
        .append_pair("code_challenge_method", "S256")
        .append_pair("ui_locales", lang.code());
    let cookie = set_cookie(
        LOGIN_COOKIE,
        &login_id,
        "/api/auth",
        Some(LOGIN_ATTEMPT_LIMIT_SECS),
        secure_cookies(public_url),
    );
    Ok(ApiResponse::redirect(authorize.as_str()).add_header("set-cookie", cookie))
}

/// `GET /api/auth/callback?code&state`: finishes identification and starts a session with a
/// new id. Open to everyone; only the browser that started the login can finish it.
pub async fn handle_callback<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    previous: Option<&CurrentSession>,
) -> Result<ApiResponse, EdgeError> {
    let public_url = &ctx.config.public_url;
    let fail = |failure| Ok(failure_redirect(public_url, failure));
    let Some(config) = &ctx.config.citizen_oidc else {
        return fail(LoginFailure::Unavailable);
    };
    let Some(login_id) = cookie(req, LOGIN_COOKIE) else {
        return fail(LoginFailure::Failed);
    };
    // Taking the attempt deletes it: a callback can succeed once.
    let Some(attempt) = sessions::take_login_attempt(&ctx.db, &sha256_hex(&login_id)).await? else {
        return fail(LoginFailure::Failed);
    };
    let now = ctx.unix_now();
    let state_ok = req
        .query_param("state")
        .is_some_and(|s| constant_time_eq(s, &attempt.state));
    if !state_ok
        || now - attempt.created_at > LOGIN_ATTEMPT_LIMIT_SECS
        || attempt.audience != "citizen"
    {
        return fail(LoginFailure::Failed);
    }
    if req.query_param("error") == Some("access_denied") {
        return fail(LoginFailure::Cancelled);
    }
    let Some(code) = req.query_param("code") else {
        return fail(LoginFailure::Failed);
    };
    let exchange = CodeExchange {
        code,
        redirect_uri: &redirect_uri(public_url),
        code_verifier: &attempt.code_verifier,
        nonce: &attempt.nonce,
        now,
    };
    let claims = match oidc::discover(&ctx.http, config).await {
        Ok(discovery) => oidc::exchange_code(&ctx.http, config, &discovery, &exchange).await,
        Err(e) => Err(e),
    };
    let claims = match claims {
        Ok(claims) => claims,
        Err(FlowError::Unavailable(cause)) => {
            crate::error::log_warning(&format!("identification unavailable: {cause}"));
            return fail(LoginFailure::Unavailable);
        }
        Err(FlowError::Refused(cause)) => {
            crate::error::log_warning(&format!("identification refused: {cause}"));
            return fail(LoginFailure::Failed);
        }
    };
    let text = |name: &str| claims.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let hetu = text(&ctx.config.hetu_claim).and_then(|h| Hetu::parse(&h).ok());
    let (Some(hetu), Some(subject)) = (hetu, text("sub")) else {
        crate::error::log_warning(
            "identification: the ID token lacks a valid identity code or subject",
        );
        return fail(LoginFailure::Failed);
    };
    let Some(session_id) = random_token() else {
        return Err(EdgeError::Internal("no randomness for a session".into()));
    };
    let row = SessionRow {
        audience: Audience::Citizen.as_str().to_owned(),
        subject,
        hetu: Some(hetu.as_str().to_owned()),
        given_name: text("given_name").unwrap_or_default(),
        family_name: text("family_name").unwrap_or_default(),
        created_at: now,
        last_seen_at: now,
    };
    sessions::create_session(
        &ctx.db,
        &sha256_hex(&session_id),
        previous.map(|p| p.id_hash.as_str()),
        &row,
    )
    .await?;
    let secure = secure_cookies(public_url);
    Ok(ApiResponse::redirect(&attempt.return_to)
        .add_header(
            "set-cookie",
            set_cookie(SESSION_COOKIE, &session_id, "/", None, secure),
        )
        .add_header(
            "set-cookie",
            clear_cookie(LOGIN_COOKIE, "/api/auth", secure),
        ))
}

/// `POST /api/auth/logout`: ends the session on the server and deletes the cookie. Open to
/// everyone (logging out twice is harmless); same-origin only, as every POST.
pub async fn handle_logout<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
) -> Result<ApiResponse, EdgeError> {
    if let Some(session) = session {
        sessions::delete_session(&ctx.db, &session.id_hash).await?;
    }
    let secure = secure_cookies(&ctx.config.public_url);
    Ok(ApiResponse::no_content()
        .add_header("set-cookie", clear_cookie(SESSION_COOKIE, "/", secure)))
}

/// `GET /api/auth/me`: who is logged in. Permission: [`Action::ViewOwnSession`].
pub async fn handle_me(actor: &Actor, lang: Lang) -> Result<ApiResponse, EdgeError> {
    require(actor, Action::ViewOwnSession, lang)?;
    match actor {
        Actor::Citizen(person) => Ok(ApiResponse::json(
            200,
            &Me {
                audience: "citizen".into(),
                given_name: person.given_name.clone(),
                family_name: person.family_name.clone(),
            },
        )
        .with_header("cache-control", "no-store")),
        Actor::Visitor => Err(ApiError::new(ErrorCode::Unauthorized, lang).into()),
    }
}
