//! `/api/auth/..`: logging in with strong identification, the session, logging out.
//! Login and callback are browser navigations, so their failures redirect to a page that
//! explains them (`/?login_error=..`); `me` and `logout` answer JSON.

use super::Call;
use crate::auth::{
    clear_cookie, cookie, login_cookie, new_session_id, secure_cookies, session_cookie,
    session_set_cookie, set_cookie,
};
use crate::context::Ctx;
use crate::crypto::{constant_time_eq, pkce_challenge, random_token, sha256_hex};
use crate::db::sessions::{self, LoginAttempt, SessionRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::oidc::OidcConfig;
use crate::oidc::{self, CodeExchange, FlowError};
use crate::outbound::Outbound;
use seteli_domain::api::{ActingFor, ActingForCompany, Me};
use seteli_domain::hetu::Hetu;
use seteli_domain::permissions::{require, Action, Actor, Person, StaffRole};
use seteli_domain::session::Audience;
use seteli_domain::session::LOGIN_ATTEMPT_LIMIT_SECS;
use seteli_domain::OrganiserCode;
use seteli_domain::{ApiError, ErrorCode};

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
        clear_cookie(
            login_cookie(secure_cookies(ctx_public_url)),
            "/api/auth",
            secure_cookies(ctx_public_url),
        ),
    )
}

/// A path inside Seteli to return to after login. Only a local path of safe characters
/// (letters, digits, `/ _ . ~ - ? = & %`) that starts with one `/` is kept; anything else —
/// a tab, CR or LF (which browsers strip, turning `/\t/host` into `//host`), a backslash,
/// `//`, a scheme, a fragment — becomes `/`, so login can never be an open redirect nor
/// write a header it should not.
pub fn safe_return_to(requested: Option<&str>) -> String {
    let safe_char = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '/' | '_' | '.' | '~' | '-' | '?' | '=' | '&' | '%')
    };
    match requested {
        Some(p)
            if p.starts_with('/')
                && !p.contains("//")
                && p.len() <= 512
                && p.chars().all(safe_char) =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn redirect_uri(public_url: &str) -> String {
    format!("{}/api/auth/callback", public_url.trim_end_matches('/'))
}

/// The identity provider for an audience, if configured.
fn provider<D: Database, H: Outbound>(ctx: &Ctx<D, H>, audience: Audience) -> Option<&OidcConfig> {
    match audience {
        Audience::Citizen => ctx.config.citizen_oidc.as_ref(),
        Audience::Staff => ctx.config.staff_oidc.as_ref(),
    }
}

/// `GET /api/auth/login?return_to=/path[&audience=staff]`: starts strong identification of
/// a citizen, or a staff login at the staff identity provider. Open to everyone.
pub async fn handle_login<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let public_url = &call.ctx.config.public_url;
    let audience = match call.req.query_param("audience") {
        Some("staff") => Audience::Staff,
        _ => Audience::Citizen,
    };
    let Some(config) = provider(call.ctx, audience) else {
        return Ok(failure_redirect(public_url, LoginFailure::Unavailable));
    };
    let discovery = match oidc::discover(&call.ctx.http, config).await {
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
        audience: audience.as_str().to_owned(),
        state,
        nonce,
        code_verifier: verifier,
        return_to: safe_return_to(call.req.query_param("return_to")),
        created_at: call.ctx.unix_now(),
    };
    sessions::insert_login_attempt(&call.ctx.db, &sha256_hex(&login_id), &attempt).await?;
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
        .append_pair("ui_locales", call.lang.code());
    let cookie = set_cookie(
        login_cookie(secure_cookies(public_url)),
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
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let public_url = &call.ctx.config.public_url;
    let fail = |failure| Ok(failure_redirect(public_url, failure));
    let Some(login_id) = cookie(call.req, login_cookie(secure_cookies(public_url))) else {
        return fail(LoginFailure::Failed);
    };
    // Taking the attempt deletes it: a callback can succeed once.
    let Some(attempt) = sessions::take_login_attempt(&call.ctx.db, &sha256_hex(&login_id)).await?
    else {
        return fail(LoginFailure::Failed);
    };
    let now = call.ctx.unix_now();
    let state_ok = call
        .req
        .query_param("state")
        .is_some_and(|s| constant_time_eq(s, &attempt.state));
    let Some(audience) = Audience::parse(&attempt.audience) else {
        return fail(LoginFailure::Failed);
    };
    if !state_ok || now - attempt.created_at > LOGIN_ATTEMPT_LIMIT_SECS {
        return fail(LoginFailure::Failed);
    }
    let Some(config) = provider(call.ctx, audience) else {
        return fail(LoginFailure::Unavailable);
    };
    if call.req.query_param("error") == Some("access_denied") {
        return fail(LoginFailure::Cancelled);
    }
    let Some(code) = call.req.query_param("code") else {
        return fail(LoginFailure::Failed);
    };
    let exchange = CodeExchange {
        code,
        redirect_uri: &redirect_uri(public_url),
        code_verifier: &attempt.code_verifier,
        nonce: &attempt.nonce,
        now,
    };
    let wanted = wanted_claims(audience, &call.ctx.config.hetu_claim);
    let claims = match oidc::identify(&call.ctx.http, config, &exchange, &wanted).await {
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
    let Some(row) = session_row(audience, &claims, &call.ctx.config.hetu_claim, now) else {
        crate::error::log_warning(
            "identification: neither the ID token nor userinfo has the identity this audience needs",
        );
        return fail(LoginFailure::Failed);
    };
    let (session_id, session_hash) = new_session_id()?;
    // Logins are a good moment to sweep what has expired (the scheduled job does it too).
    sessions::purge_expired(&call.ctx.db, now).await?;
    sessions::create_session(
        &call.ctx.db,
        &session_hash,
        call.session.map(|p| p.id_hash.as_str()),
        &row,
    )
    .await?;
    let secure = secure_cookies(public_url);
    // Stored before this change, a return_to may be unsafe: it is checked again.
    let return_to = safe_return_to(Some(&attempt.return_to));
    Ok(ApiResponse::redirect(&return_to)
        .add_header("set-cookie", session_set_cookie(public_url, &session_id))
        .add_header(
            "set-cookie",
            clear_cookie(login_cookie(secure), "/api/auth", secure),
        ))
}

/// The claims [`session_row`] reads for `audience`. Those missing from the ID token are
/// asked from the provider's `userinfo` (some conformant brokers put them only there).
fn wanted_claims(audience: Audience, hetu_claim: &str) -> Vec<&str> {
    match audience {
        Audience::Citizen => vec![hetu_claim, "given_name", "family_name"],
        Audience::Staff => vec![
            "organiser",
            "roles",
            "preferred_username",
            "given_name",
            "family_name",
            "email",
            "department",
            "job_title",
        ],
    }
}

/// The session to store for verified `claims`: citizens need a valid identity code; staff
/// an organiser (their roles may be empty). `None` when the token lacks what is needed.
fn session_row(
    audience: Audience,
    claims: &serde_json::Map<String, serde_json::Value>,
    hetu_claim: &str,
    now: i64,
) -> Option<SessionRow> {
    let text = |name: &str| claims.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let (hetu, organiser_code, roles) = match audience {
        Audience::Citizen => {
            let hetu = Hetu::parse(&text(hetu_claim)?).ok()?;
            (Some(hetu.as_str().to_owned()), None, String::new())
        }
        Audience::Staff => {
            let organiser = OrganiserCode::parse(&text("organiser")?).ok()?;
            let roles: Vec<&str> = claims
                .get("roles")
                .and_then(|r| r.as_array())
                .map(|r| {
                    r.iter()
                        .filter_map(|v| v.as_str())
                        .filter_map(StaffRole::parse)
                        .map(StaffRole::as_str)
                        .collect()
                })
                .unwrap_or_default();
            (None, Some(organiser.as_str().to_owned()), roles.join(" "))
        }
    };
    let subject = match audience {
        Audience::Citizen => text("sub")?,
        // Staff are known by their username in Seteli's records.
        Audience::Staff => text("preferred_username").or_else(|| text("sub"))?,
    };
    Some(SessionRow {
        audience: audience.as_str().to_owned(),
        subject,
        hetu,
        given_name: text("given_name").unwrap_or_default(),
        family_name: text("family_name").unwrap_or_default(),
        organiser_code,
        roles,
        email: match audience {
            Audience::Staff => text("email").filter(|e| e.contains('@') && e.len() <= 254),
            Audience::Citizen => None,
        },
        // Codes, as the organiser's lists name them; anything longer is not one.
        staff_department: match audience {
            Audience::Staff => text("department").filter(|c| (1..=60).contains(&c.len())),
            Audience::Citizen => None,
        },
        staff_job_title: match audience {
            Audience::Staff => text("job_title").filter(|c| (1..=60).contains(&c.len())),
            Audience::Citizen => None,
        },
        created_at: now,
        last_seen_at: now,
        ..SessionRow::default()
    })
}

/// `POST /api/auth/logout`: ends the session on the server and deletes the cookie. Open to
/// everyone (logging out twice is harmless); same-origin only, as every POST.
pub async fn handle_logout<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let session = call.session;
    if let Some(session) = session {
        crate::routes::on_behalf::end_valtuudet_session(call.ctx, session).await;
        sessions::delete_session(&call.ctx.db, &session.id_hash).await?;
    }
    let secure = secure_cookies(&call.ctx.config.public_url);
    Ok(ApiResponse::no_content().add_header(
        "set-cookie",
        clear_cookie(session_cookie(secure), "/", secure),
    ))
}

/// `GET /api/auth/me`: who is logged in, and whom they act for. Permission:
/// [`Action::ViewOwnSession`].
pub async fn handle_me<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    require(call.actor, Action::ViewOwnSession, call.lang)?;
    let citizen = |person: &Person, acting_for| Me {
        audience: Audience::Citizen,
        given_name: person.given_name.clone(),
        family_name: person.family_name.clone(),
        organiser_code: None,
        organiser_name: None,
        organiser_municipalities: Vec::new(),
        roles: Vec::new(),
        acting_for,
        acting_for_company: None,
        // Without the secret there is no key, and the app then keeps no queue across loads.
        user_key: call
            .ctx
            .identity_key("browser-storage", person.hetu.as_str())
            .ok()
            .map(|k| k.chars().take(32).collect()),
    };
    let me = match call.actor {
        Actor::Citizen(person) => citizen(person, None),
        Actor::OnBehalf(on_behalf) => citizen(
            &on_behalf.delegate,
            Some(ActingFor {
                given_name: on_behalf.principal.given_name.clone(),
                family_name: on_behalf.principal.family_name.clone(),
                basis: on_behalf.basis,
            }),
        ),
        Actor::Staff(staff) => Me {
            audience: Audience::Staff,
            given_name: staff.given_name.clone(),
            family_name: staff.family_name.clone(),
            organiser_code: Some(staff.organiser.clone()),
            organiser_name: crate::db::organisers::name(&call.ctx.db, &staff.organiser, call.lang)
                .await?,
            organiser_municipalities: crate::db::organisers::municipalities(
                &call.ctx.db,
                &staff.organiser,
                call.lang,
            )
            .await?,
            roles: staff.roles.iter().map(|r| r.as_str().to_owned()).collect(),
            acting_for: None,
            acting_for_company: None,
            user_key: None,
        },
        Actor::Producer(agent) => Me {
            acting_for_company: Some(ActingForCompany {
                producer_id: agent.company.producer_id,
                name: agent.company.name.clone(),
                business_id: agent.company.business_id.clone(),
                roles: agent.company.roles.clone(),
            }),
            ..citizen(&agent.person, None)
        },
        Actor::Visitor => return Err(ApiError::new(ErrorCode::Unauthorized, call.lang).into()),
    };
    Ok(ApiResponse::json(200, &me).with_header("cache-control", "no-store"))
}
