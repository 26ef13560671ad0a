//! The Web API's service calls: register, unregister, delegate, authorization and
//! organizationRoles. Each checks the checksum header over the request target exactly as
//! received, then `requestId`, then the session (and for the `api` calls its bearer token).

use super::checksum::{self, ChecksumError};
use super::register::{Decision, Principal, Register};
use super::sessions::{Mode, Session};
use super::{AppState, API_KEY, CLIENT_ID};
use crate::oauth::{self, error as api_error};
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;
use seteli_domain::Hetu;
use std::collections::HashMap;
use time::OffsetDateTime;

/// Why a service call was refused.
pub(super) enum Refused {
    /// 401: a bad checksum, token or session.
    Unauthorized(String),
    /// 400: a malformed parameter.
    BadRequest(&'static str),
    /// 404: no such mode or call.
    NotFound,
    /// 500.
    ServerError,
    /// 503: a simulated outage.
    Outage,
}

impl Refused {
    fn unauthorized(description: &str) -> Self {
        Refused::Unauthorized(description.to_owned())
    }

    fn no_session() -> Self {
        Refused::unauthorized("the session is unknown, has ended or has expired")
    }
}

impl From<ChecksumError> for Refused {
    fn from(error: ChecksumError) -> Self {
        Refused::Unauthorized(error.to_string())
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Unauthorized(description) => {
                api_error(StatusCode::UNAUTHORIZED, "unauthorized", &description)
            }
            Refused::BadRequest(description) => {
                api_error(StatusCode::BAD_REQUEST, "invalid_request", description)
            }
            Refused::NotFound => {
                api_error(StatusCode::NOT_FOUND, "not_found", "no such service call")
            }
            Refused::ServerError => api_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "server_error",
                "the mock failed",
            ),
            Refused::Outage => outage_response(),
        }
    }
}

fn json_no_store<T: Serialize>(body: T) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

/// A service call as it came in: the target exactly as sent (never decoded or re-encoded
/// before hashing), its headers, and the path's parameters by name.
pub(super) struct ServiceCall {
    st: AppState,
    uri: Uri,
    headers: HeaderMap,
    path: HashMap<String, String>,
}

impl FromRequestParts<AppState> for ServiceCall {
    type Rejection = PathRejection;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, PathRejection> {
        let Path(path) = Path::from_request_parts(parts, st).await?;
        Ok(ServiceCall {
            st: st.clone(),
            uri: parts.uri.clone(),
            headers: parts.headers.clone(),
            path,
        })
    }
}

/// A service call that passed the common checks.
struct Call {
    mode: Mode,
    /// The query's parameters in order, repeated names kept.
    query: Vec<(String, String)>,
    /// The mock's clock when the call came in.
    now: OffsetDateTime,
}

/// What an `api` call answers from: the call, the register, and the session with its pick.
struct Picked<'a> {
    call: &'a Call,
    register: &'a Register,
    session: &'a Session,
    principal: &'a Principal,
}

/// The answer of every call during a simulated outage (`POST /dev/outage`).
pub(super) fn outage_response() -> Response {
    api_error(
        StatusCode::SERVICE_UNAVAILABLE,
        "temporarily_unavailable",
        "the service is down (a simulated outage)",
    )
}

/// Whether a call must carry `requestId`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RequestId {
    Required,
    /// `unregister`: DVV's reference clients call it without one, and DVV accepts that.
    Optional,
}

impl ServiceCall {
    /// The path parameter `name` (the route always has it).
    fn param(&self, name: &str) -> &str {
        self.path.get(name).map_or("", String::as_str)
    }

    /// The common checks of every service call: the path's mode exists and is `only` (when
    /// given), the checksum header is right for the raw target and the mock's clock, and
    /// `requestId` is there when `request_id` requires it.
    fn check(&self, only: Option<Mode>, request_id: RequestId) -> Result<Call, Refused> {
        if self.st.is_down() {
            return Err(Refused::Outage);
        }
        let mode = Mode::parse(self.param("mode"))
            .filter(|m| only.is_none_or(|only| only == *m))
            .ok_or(Refused::NotFound)?;
        let now = self.st.clock.now();
        let path_and_query = self.uri.path_and_query().map_or("", |pq| pq.as_str());
        let header = self
            .headers
            .get(checksum::HEADER)
            .map(|v| v.to_str().map_err(|_| ChecksumError::Malformed))
            .transpose()?;
        checksum::verify(header, CLIENT_ID, API_KEY, path_and_query, now)?;
        let query: Vec<(String, String)> =
            url::form_urlencoded::parse(self.uri.query().unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        if request_id == RequestId::Required
            && !query.iter().any(|(n, v)| n == "requestId" && !v.is_empty())
        {
            return Err(Refused::BadRequest("requestId is required"));
        }
        Ok(Call { mode, query, now })
    }

    /// An `api` call of `only`'s mode: the common checks, then `answer` on the session that the
    /// bearer token belongs to and its pick, under the lock; the answer is JSON, never cached.
    fn answer<T: Serialize>(
        &self,
        only: Mode,
        answer: impl FnOnce(Picked) -> T,
    ) -> Result<Response, Refused> {
        let call = self.check(Some(only), RequestId::Required)?;
        let token = oauth::bearer(&self.headers)
            .ok_or_else(|| Refused::unauthorized("a Bearer token is required"))?;
        let state = self.st.state();
        let session = state
            .session(call.mode, self.param("session_id"), call.now)
            .ok_or_else(Refused::no_session)?;
        if !session.accepts(token, call.now) {
            return Err(Refused::unauthorized(
                "the token is not this session's, or it has expired",
            ));
        }
        let principal = session
            .principal
            .as_ref()
            .ok_or_else(|| Refused::unauthorized("nobody has been picked in this session"))?;
        let body = answer(Picked {
            call: &call,
            register: &state.register,
            session,
            principal,
        });
        Ok(json_no_store(body))
    }
}

/// `GET /service/{mode}/user/register/{clientId}/{delegateHetu}?requestId=..`
/// → `{"sessionId":..,"userId":..}`. Any valid identity code may register.
pub(super) async fn register(call: ServiceCall) -> Result<Response, Refused> {
    let checked = call.check(None, RequestId::Required)?;
    if call.param("client_id") != CLIENT_ID {
        return Err(Refused::unauthorized(
            "the client id in the path is not registered",
        ));
    }
    let delegate = Hetu::parse(call.param("delegate"))
        .map_err(|_| Refused::BadRequest("the delegate is not a valid personal identity code"))?;
    let (Ok(session_id), Ok(user_id)) = (crate::random::token(), crate::random::token()) else {
        return Err(Refused::ServerError);
    };
    call.st.state().insert_session(
        session_id.clone(),
        Session {
            mode: checked.mode,
            user_id: user_id.clone(),
            delegate,
            created: checked.now,
            principal: None,
            token: None,
        },
        checked.now,
    );
    Ok(json_no_store(
        json!({ "sessionId": session_id, "userId": user_id }),
    ))
}

/// `GET /service/{mode}/user/unregister/{sessionId}[?requestId=..]` → `true`
pub(super) async fn unregister(call: ServiceCall) -> Result<Response, Refused> {
    let checked = call.check(None, RequestId::Optional)?;
    let session_id = call.param("session_id");
    let mut state = call.st.state();
    if state
        .session(checked.mode, session_id, checked.now)
        .is_none()
    {
        return Err(Refused::no_session());
    }
    state.remove_session(session_id);
    Ok(json_no_store(true))
}

/// `GET /service/hpa/api/delegate/{sessionId}?requestId=..` → the picked person.
pub(super) async fn delegate(call: ServiceCall) -> Result<Response, Refused> {
    call.answer(Mode::Hpa, |picked| {
        let Principal::Person(hetu) = picked.principal else {
            return json!([]);
        };
        // `Family Given Names`, as the Web API names people.
        let name = picked
            .register
            .person(hetu)
            .map(|person| format!("{} {}", person.family_name, person.given_name))
            .unwrap_or_default();
        json!([{ "personId": hetu.as_str(), "name": name }])
    })
}

/// `GET /service/hpa/api/authorization/{sessionId}/{principalId}?requestId=..[&issues=..]..`
/// → `{"result":"ALLOWED"|"DISALLOWED","reasons":[..]}`; `UNKNOWN` only for a pair that the
/// register flags with the development knob `unknown` (DVV documents no such answer).
pub(super) async fn authorization(call: ServiceCall) -> Result<Response, Refused> {
    let today = call.st.clock.today();
    call.answer(Mode::Hpa, |picked| {
        let issues: Vec<String> = picked
            .call
            .query
            .iter()
            .filter(|(name, _)| name == "issues")
            .map(|(_, value)| value.clone())
            .collect();
        match picked.principal {
            Principal::Person(hetu) if hetu.as_str() == call.param("principal") => {
                let delegate = &picked.session.delegate;
                picked.register.decide(delegate, hetu, &issues, today)
            }
            _ => Decision::not_the_picked_principal(),
        }
    })
}

/// `GET /service/ypa/api/organizationRoles/{sessionId}?requestId=..` → the picked
/// organisation with the delegate's roles in it (an empty list if they have none left).
pub(super) async fn organization_roles(call: ServiceCall) -> Result<Response, Refused> {
    call.answer(Mode::Ypa, |picked| {
        let (register, delegate) = (picked.register, &picked.session.delegate);
        let org = match picked.principal {
            Principal::Organisation(id) => register.organisation(id),
            Principal::Person(_) => None,
        };
        match org.map(|org| (org, register.roles_in(org, delegate))) {
            Some((org, roles)) if !roles.is_empty() => json!([{
                "name": org.name,
                "identifier": org.business_id.as_str(),
                "complete": org.complete,
                "roles": roles,
            }]),
            _ => json!([]),
        }
    })
}
