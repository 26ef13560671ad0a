//! Development-only endpoints for tests and local use; the edge never calls them, and they
//! need no checksum. `POST /dev/reset`, `POST /dev/seed`, `POST /dev/mandates/revoke`,
//! `GET|POST /dev/clock`.

use super::register::Register;
use super::AppState;
use crate::oauth;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use seteli_domain::Hetu;
use time::format_description::well_known::Rfc3339;

/// Why a development call was refused.
pub(super) enum Refused {
    /// 400, saying what is wrong.
    BadRequest(String),
    /// 404, saying what was not found.
    NotFound(&'static str),
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::BadRequest(description) => {
                oauth::error(StatusCode::BAD_REQUEST, "invalid_request", &description)
            }
            Refused::NotFound(description) => {
                oauth::error(StatusCode::NOT_FOUND, "not_found", description)
            }
        }
    }
}

/// The posted JSON body, or 400 saying the `shape` it must have.
fn json_body<T>(body: Result<Json<T>, JsonRejection>, shape: &str) -> Result<T, Refused> {
    body.map(|Json(value)| value)
        .map_err(|_| Refused::BadRequest(format!("the body must be {shape}")))
}

/// The body of `POST /dev/outage`.
#[derive(Deserialize)]
pub(super) struct Outage {
    down: bool,
}

/// `POST /dev/outage {"down": true|false}`: while down, every Web API call and the token
/// exchange answer 503, as during a real outage. The selection page still opens.
pub(super) async fn outage(
    State(st): State<AppState>,
    body: Result<Json<Outage>, JsonRejection>,
) -> Result<Response, Refused> {
    let outage = json_body(body, "{\"down\": true|false}")?;
    st.outage
        .store(outage.down, std::sync::atomic::Ordering::SeqCst);
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /dev/reset`: the register back to the seed, the clock back to the system clock, no
/// outage, and every session and code forgotten.
pub(super) async fn reset(State(st): State<AppState>) -> Response {
    st.clock.set_offset_seconds(0);
    st.outage.store(false, std::sync::atomic::Ordering::SeqCst);
    st.state().reset(st.seed.clone());
    StatusCode::NO_CONTENT.into_response()
}

/// `POST /dev/seed` with a register as JSON (the format of `mocks/data/valtuudet.json`):
/// replaces the register. Sessions and the clock stay; `POST /dev/reset` returns to the seed
/// the server was started with.
pub(super) async fn seed(State(st): State<AppState>, body: String) -> Response {
    match Register::from_json(&body) {
        Ok(register) => {
            st.state().register = register;
            StatusCode::NO_CONTENT.into_response()
        }
        Err(error) => Refused::BadRequest(error.to_string()).into_response(),
    }
}

/// The body of `POST /dev/mandates/revoke`.
#[derive(Deserialize)]
pub(super) struct Revoke {
    principal: String,
    delegate: String,
}

/// `POST /dev/mandates/revoke {"principal":..,"delegate":..}`: revokes every mandate between
/// the two at once, so the next authorization call answers DISALLOWED. 404 if there was none.
pub(super) async fn revoke(
    State(st): State<AppState>,
    body: Result<Json<Revoke>, JsonRejection>,
) -> Result<Response, Refused> {
    let revoke = json_body(body, "{\"principal\": hetu, \"delegate\": hetu}")?;
    let (Ok(principal), Ok(delegate)) = (
        Hetu::parse(&revoke.principal),
        Hetu::parse(&revoke.delegate),
    ) else {
        return Err(Refused::BadRequest(
            "principal and delegate must be personal identity codes".to_owned(),
        ));
    };
    let revoked = st.state().register.revoke(&principal, &delegate);
    if revoked == 0 {
        return Err(Refused::NotFound("no mandate in force between the two"));
    }
    Ok(Json(json!({ "revoked": revoked })).into_response())
}

fn clock_answer(st: &AppState) -> Response {
    let now = st.clock.now();
    Json(json!({
        "offset_seconds": st.clock.offset_seconds(),
        "now": now.format(&Rfc3339).unwrap_or_default(),
    }))
    .into_response()
}

/// `GET /dev/clock`: the mock's time and how far it is moved.
pub(super) async fn clock(State(st): State<AppState>) -> Response {
    clock_answer(&st)
}

/// The body of `POST /dev/clock`.
#[derive(Deserialize)]
pub(super) struct SetClock {
    offset_seconds: i64,
}

/// `POST /dev/clock {"offset_seconds": N}`: the mock's time becomes the system time plus N
/// seconds (not cumulative; 0 puts it back). Checksum timestamps are judged by it too.
pub(super) async fn set_clock(
    State(st): State<AppState>,
    body: Result<Json<SetClock>, JsonRejection>,
) -> Result<Response, Refused> {
    let set = json_body(body, "{\"offset_seconds\": integer}")?;
    // Keep the clock within a century, so date arithmetic cannot overflow.
    if set.offset_seconds.abs() > 100 * 366 * 24 * 3600 {
        return Err(Refused::BadRequest(
            "offset_seconds is out of range".to_owned(),
        ));
    }
    st.clock.set_offset_seconds(set.offset_seconds);
    Ok(clock_answer(&st))
}
