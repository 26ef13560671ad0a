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
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use seteli_domain::Hetu;
use std::sync::atomic::Ordering::SeqCst;
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

/// A development call that posts JSON: its body's shape, and what it does.
pub(super) trait JsonCall: DeserializeOwned {
    /// What the body must look like, as a 400 says it.
    const SHAPE: &str;

    fn run(self, st: &AppState) -> Result<Response, Refused>;
}

/// `POST` of a [`JsonCall`]: its body, or 400 saying the shape it must have.
pub(super) async fn post_json<T: JsonCall>(
    State(st): State<AppState>,
    body: Result<Json<T>, JsonRejection>,
) -> Result<Response, Refused> {
    let Json(call) =
        body.map_err(|_| Refused::BadRequest(format!("the body must be {}", T::SHAPE)))?;
    call.run(&st)
}

/// The bodies of the development calls that post JSON.
#[derive(Deserialize)]
pub(super) struct Outage {
    down: bool,
}

#[derive(Deserialize)]
pub(super) struct Revoke {
    principal: String,
    delegate: String,
}

#[derive(Deserialize)]
pub(super) struct SetClock {
    offset_seconds: i64,
}

/// `POST /dev/outage {"down": true|false}`: while down, every Web API call and the token
/// exchange answer 503, as during a real outage. The selection page still opens.
impl JsonCall for Outage {
    const SHAPE: &str = "{\"down\": true|false}";

    fn run(self, st: &AppState) -> Result<Response, Refused> {
        st.outage.store(self.down, SeqCst);
        Ok(StatusCode::NO_CONTENT.into_response())
    }
}

/// `POST /dev/reset`: the register back to the seed, the clock back to the system clock, no
/// outage, and every session and code forgotten.
pub(super) async fn reset(State(st): State<AppState>) -> Response {
    st.clock.set_offset_seconds(0);
    st.outage.store(false, SeqCst);
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

/// `POST /dev/mandates/revoke {"principal":..,"delegate":..}`: revokes every mandate between
/// the two at once, so the next authorization call answers DISALLOWED. 404 if there was none.
impl JsonCall for Revoke {
    const SHAPE: &str = "{\"principal\": hetu, \"delegate\": hetu}";

    fn run(self, st: &AppState) -> Result<Response, Refused> {
        let (Ok(principal), Ok(delegate)) =
            (Hetu::parse(&self.principal), Hetu::parse(&self.delegate))
        else {
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

/// `POST /dev/clock {"offset_seconds": N}`: the mock's time becomes the system time plus N
/// seconds (not cumulative; 0 puts it back). Checksum timestamps are judged by it too.
impl JsonCall for SetClock {
    const SHAPE: &str = "{\"offset_seconds\": integer}";

    fn run(self, st: &AppState) -> Result<Response, Refused> {
        // Keep the clock within a century, so date arithmetic cannot overflow.
        if self.offset_seconds.abs() > 100 * 366 * 24 * 3600 {
            return Err(Refused::BadRequest(
                "offset_seconds is out of range".to_owned(),
            ));
        }
        st.clock.set_offset_seconds(self.offset_seconds);
        Ok(clock_answer(st))
    }
}
