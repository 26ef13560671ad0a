//! Development-only endpoints for tests and local use; the edge never calls them, and they
//! need no checksum. `POST /dev/reset`, `POST /dev/seed`, `POST /dev/mandates/revoke`,
//! `GET|POST /dev/clock`.

use super::api::api_error;
use super::register::Register;
use super::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;
use seteli_domain::Hetu;
use time::format_description::well_known::Rfc3339;

fn bad_request(description: &str) -> Response {
    api_error(StatusCode::BAD_REQUEST, "invalid_request", description)
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
) -> Response {
    let Ok(Json(outage)) = body else {
        return bad_request("the body must be {\"down\": true|false}");
    };
    st.outage
        .store(outage.down, std::sync::atomic::Ordering::SeqCst);
    StatusCode::NO_CONTENT.into_response()
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
        Err(error) => bad_request(&error.to_string()),
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
) -> Response {
    let Ok(Json(revoke)) = body else {
        return bad_request("the body must be {\"principal\": hetu, \"delegate\": hetu}");
    };
    let (Ok(principal), Ok(delegate)) = (
        Hetu::parse(&revoke.principal),
        Hetu::parse(&revoke.delegate),
    ) else {
        return bad_request("principal and delegate must be personal identity codes");
    };
    let revoked = st.state().register.revoke(&principal, &delegate);
    if revoked == 0 {
        return api_error(
            StatusCode::NOT_FOUND,
            "not_found",
            "no mandate in force between the two",
        );
    }
    Json(json!({ "revoked": revoked })).into_response()
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
) -> Response {
    let Ok(Json(set)) = body else {
        return bad_request("the body must be {\"offset_seconds\": integer}");
    };
    // Keep the clock within a century, so date arithmetic cannot overflow.
    if set.offset_seconds.abs() > 100 * 366 * 24 * 3600 {
        return bad_request("offset_seconds is out of range");
    }
    st.clock.set_offset_seconds(set.offset_seconds);
    clock_answer(&st)
}
