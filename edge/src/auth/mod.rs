//! Who is asking: the session cookie, server-side sessions with idle and absolute limits,
//! and the same-origin rule for every state-changing request.

use crate::context::Ctx;
use crate::crypto::{random_token, sha256_hex};
use crate::db::sessions;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, Method};
use crate::outbound::Outbound;
use seteli_domain::hetu::Hetu;
use seteli_domain::mandates::Basis;
use seteli_domain::permissions::{
    Actor, CompanyRef, OnBehalf, Person, PrincipalRef, ProducerAgent, StaffMember, StaffRole,
};
use seteli_domain::producer::company_choice_valid;
use seteli_domain::session::Audience;
use seteli_domain::session::{session_state, SessionState};
use seteli_domain::BusinessId;
use seteli_domain::OrganiserCode;
use seteli_domain::{ApiError, ErrorCode};

/// The session cookie: a random 256-bit id; the server keeps only its hash. On https its
/// name carries the `__Host-` prefix (see [`session_cookie`]).
pub const SESSION_COOKIE: &str = "seteli_session";
/// The cookie that ties a login in progress to this browser (prevents login CSRF). On
/// https its name carries the `__Secure-` prefix (see [`login_cookie`]).
pub const LOGIN_COOKIE: &str = "seteli_login";

/// The session cookie's name: `__Host-seteli_session` on https, so that the browser takes
/// it only from this host, over https, for the whole site (no subdomain can plant one);
/// plain-http localhost cannot use the prefix.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-seteli_session"
    } else {
        SESSION_COOKIE
    }
}

/// The login cookie's name: `__Secure-seteli_login` on https (its path is `/api/auth`,
/// which `__Host-` does not allow).
pub fn login_cookie(secure: bool) -> &'static str {
    if secure {
        "__Secure-seteli_login"
    } else {
        LOGIN_COOKIE
    }
}
/// `last_seen_at` is written at most this often, to spare the database a write per request;
/// the idle limit is thus enforced to within a minute.
const TOUCH_INTERVAL_SECS: i64 = 60;

/// The logged-in party behind a request, and its session's key.
pub struct CurrentSession {
    pub id_hash: String,
    pub actor: Actor,
    /// While the actor is [`Actor::OnBehalf`]: what is needed to check the right again.
    pub acting: Option<ActingState>,
    /// The session acted for a company until its choice ran out on this request: producer
    /// routes answer `company_choice_expired` (the person is a citizen again).
    pub company_expired: bool,
}

/// What the edge keeps about the principal a session acts for. Never sent to the browser.
#[derive(Debug, Clone)]
pub struct ActingState {
    pub principal_hetu: Hetu,
    /// Valtuudet's session id and access token (guardians and mandates).
    pub valtuudet: Option<(String, String)>,
    /// When the right was last confirmed (Unix seconds).
    pub checked_at: i64,
}

/// A cookie's value from the request's `Cookie` header.
pub fn cookie(req: &ApiRequest, name: &str) -> Option<String> {
    let header = req.header("cookie")?;
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name && !v.is_empty()).then(|| v.to_owned())
    })
}

/// Cookies are `Secure` everywhere except plain-http development on this machine.
pub fn secure_cookies(public_url: &str) -> bool {
    !(public_url.starts_with("http://127.0.0.1") || public_url.starts_with("http://localhost"))
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, and Secure outside localhost.
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<i64>,
    secure: bool,
) -> String {
    let mut cookie = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A new id for a session: the value for the cookie and the hash the row is stored under.
pub fn new_session_id() -> Result<(String, String), EdgeError> {
    let id =
        random_token().ok_or_else(|| EdgeError::Internal("no randomness for a session".into()))?;
    let hash = sha256_hex(&id);
    Ok((id, hash))
}

/// The `Set-Cookie` value that gives the browser the session id `id` (a session cookie:
/// it ends with the browser, and the server's limits apply before that).
pub fn session_set_cookie(public_url: &str, id: &str) -> String {
    let secure = secure_cookies(public_url);
    set_cookie(session_cookie(secure), id, "/", None, secure)
}

/// A `Set-Cookie` value that deletes the cookie.
pub fn clear_cookie(name: &str, path: &str, secure: bool) -> String {
    set_cookie(name, "", path, Some(0), secure)
}

/// The valid session behind the request's cookie, if any. An expired session is deleted.
pub async fn current_session<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
) -> Result<Option<CurrentSession>, EdgeError> {
    let Some(id) = cookie(req, session_cookie(secure_cookies(&ctx.config.public_url))) else {
        return Ok(None);
    };
    let id_hash = sha256_hex(&id);
    let Some(row) = sessions::find_session(&ctx.db, &id_hash).await? else {
        return Ok(None);
    };
    let now = ctx.unix_now();
    if session_state(row.created_at, row.last_seen_at, now) != SessionState::Valid {
        sessions::delete_session(&ctx.db, &id_hash).await?;
        return Ok(None);
    }
    let mut principal = acting_principal(&row);
    let mut company = acting_company(&row);
    let mut acting = None;
    // The company choice lasts 30 minutes: then the person is themselves again, until they
    // choose the company again through Valtuudet (which asks their roles anew).
    let company_expired = row.acting_producer_id.is_some()
        && !row
            .company_chosen_at
            .is_some_and(|at| company_choice_valid(at, now));
    if company_expired {
        crate::db::on_behalf::stop_acting(&ctx.db, &id_hash).await?;
        company = None;
    }
    let actor = match (
        Audience::parse(&row.audience),
        row.hetu.as_deref().map(Hetu::parse),
    ) {
        (Some(Audience::Citizen), Some(Ok(hetu))) => {
            let person = Person {
                hetu,
                given_name: row.given_name,
                family_name: row.family_name,
            };
            match (company.take(), principal.take()) {
                (Some(company), _) => Actor::Producer(ProducerAgent { person, company }),
                (None, Some((principal, basis, state))) => {
                    acting = Some(state);
                    Actor::OnBehalf(OnBehalf {
                        delegate: person,
                        principal,
                        basis,
                    })
                }
                (None, None) => Actor::Citizen(person),
            }
        }
        (Some(Audience::Staff), None) => {
            let organiser = row.organiser_code.as_deref().map(OrganiserCode::parse);
            let Some(Ok(organiser)) = organiser else {
                return Ok(None);
            };
            Actor::Staff(StaffMember {
                username: row.subject,
                given_name: row.given_name,
                family_name: row.family_name,
                organiser,
                roles: row
                    .roles
                    .split_whitespace()
                    .filter_map(StaffRole::parse)
                    .collect(),
                department: row.staff_department,
                job_title: row.staff_job_title,
            })
        }
        // An unreadable row grants nothing.
        _ => return Ok(None),
    };
    if now - row.last_seen_at >= TOUCH_INTERVAL_SECS {
        sessions::touch_session(&ctx.db, &id_hash, now).await?;
    }
    Ok(Some(CurrentSession {
        id_hash,
        actor,
        acting,
        company_expired,
    }))
}

/// The producer company a citizen session acts for, if its row names a valid one.
fn acting_company(row: &sessions::SessionRow) -> Option<CompanyRef> {
    Some(CompanyRef {
        producer_id: row.acting_producer_id?,
        name: row.producer_name.clone()?,
        business_id: BusinessId::parse(row.producer_business_id.as_deref()?).ok()?,
        roles: row
            .acting_company_roles
            .as_deref()?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        approved: row.producer_approvals.unwrap_or(0) > 0,
    })
}

/// The principal a citizen session acts for, if its row names a valid one. A row that is
/// half filled or unreadable means acting for oneself: it never grants anything.
fn acting_principal(row: &sessions::SessionRow) -> Option<(PrincipalRef, Basis, ActingState)> {
    let customer_id = row.acting_customer_id;
    let basis = Basis::parse(row.acting_basis.as_deref()?)?;
    // The municipality's register names customers only.
    if basis == Basis::RegisteredProxy && customer_id.is_none() {
        return None;
    }
    let principal_hetu = Hetu::parse(row.principal_hetu.as_deref()?).ok()?;
    let valtuudet = match (&row.valtuudet_session, &row.valtuudet_token) {
        (Some(session), Some(token)) => Some((session.clone(), token.clone())),
        _ => None,
    };
    // Guardianships and mandates are re-checked with Valtuudet, so they need its session.
    if basis != Basis::RegisteredProxy && valtuudet.is_none() {
        return None;
    }
    Some((
        PrincipalRef {
            customer_id,
            given_name: row.principal_given_name.clone()?,
            family_name: row.principal_family_name.clone()?,
        },
        basis,
        ActingState {
            principal_hetu,
            valtuudet,
            checked_at: row.acting_checked_at.unwrap_or(0),
        },
    ))
}

/// Refuses a state-changing request whose `Origin` is not Seteli's own. Browsers send
/// `Origin` on every cross-origin and every POST request, so a missing one on a
/// state-changing request is refused too.
pub fn require_same_origin(req: &ApiRequest, public_url: &str) -> Result<(), ApiError> {
    let changes_state = !matches!(req.method, Method::Get | Method::Head | Method::Options);
    if !changes_state {
        return Ok(());
    }
    let expected = url::Url::parse(public_url)
        .map(|u| u.origin().ascii_serialization())
        .ok();
    match (req.header("origin"), expected) {
        (Some(origin), Some(expected)) if origin == expected => Ok(()),
        _ => Err(ApiError::new(ErrorCode::CrossSiteRequest, req.lang())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(method: Method, headers: &[(&str, &str)]) -> ApiRequest {
        let mut r = ApiRequest::new(method, "/api/auth/logout").unwrap();
        r.headers = headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        r
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let r = req(
            Method::Get,
            &[("cookie", "a=1; seteli_session=abc; seteli_sessionx=no")],
        );
        assert_eq!(cookie(&r, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&r, "missing"), None);
    }

    #[test]
    fn session_cookies_are_http_only_lax_and_secure_outside_localhost() {
        let c = set_cookie(
            SESSION_COOKIE,
            "v",
            "/",
            None,
            secure_cookies("https://seteli.example.fi"),
        );
        assert_eq!(
            c,
            "seteli_session=v; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
        assert!(!secure_cookies("http://127.0.0.1:8787"));
    }

    #[test]
    fn only_our_own_origin_may_change_state() {
        let public = "http://127.0.0.1:8787";
        assert!(require_same_origin(
            &req(Method::Post, &[("origin", "http://127.0.0.1:8787")]),
            public
        )
        .is_ok());
        let cross = require_same_origin(
            &req(Method::Post, &[("origin", "https://evil.example")]),
            public,
        );
        assert_eq!(cross.unwrap_err().code, ErrorCode::CrossSiteRequest);
        assert!(require_same_origin(&req(Method::Post, &[]), public).is_err());
        assert!(require_same_origin(
            &req(Method::Get, &[("origin", "https://evil.example")]),
            public
        )
        .is_ok());
    }
}
