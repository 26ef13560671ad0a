//! A stand-in for PRH's open data YTJ API v3 (`opendata-ytj-api`), as
//! `../shared/docs/ytj-api.md` describes it: the same paths and JSON, no authentication.
//!
//! - `GET /opendata-ytj-api/v3/companies?businessId=1234567-1`: `{"totalResults": n,
//!   "companies": [..]}`, an empty list for an unknown id (no 404 is defined); a malformed id
//!   is 400 with the API's JSON error body. `?name=` searches names (case-insensitive).
//! - `GET /opendata-ytj-api/v3/description?code=REK|REK_KDI`: the code list as tab-separated
//!   text.
//! - Past `limit_per_minute` calls in a minute of the clock: 429 in plain text, as the real
//!   service answers when its shared limit is reached.
//! - `GET /health`.
//!
//! The companies are `mocks/data/ytj.json`, in v3's own shape: the cast's companies, one not
//! yet a producer, one in liquidation, one ceased; a sole trader is absent.

use crate::clock::Clock;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

/// The companies the mock knows, compiled in.
const COMPANIES_JSON: &str = include_str!("../../data/ytj.json");

/// How the mock starts.
#[derive(Clone)]
pub struct Config {
    pub clock: Clock,
    /// Calls answered per minute before 429 (the real service shares about 300 among all).
    pub limit_per_minute: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            clock: Clock::system(),
            limit_per_minute: 300,
        }
    }
}

struct Shared {
    companies: Vec<Value>,
    clock: Clock,
    limit_per_minute: u32,
    /// (the minute, calls in it).
    calls: Mutex<(i64, u32)>,
}

impl Shared {
    /// Counts a call; `false` once the minute's limit is used.
    fn admit(&self) -> bool {
        let minute = self.clock.unix_now() / 60;
        let mut calls = crate::store::lock(&self.calls);
        if calls.0 != minute {
            *calls = (minute, 0);
        }
        calls.1 += 1;
        calls.1 <= self.limit_per_minute
    }
}

/// The companies of `mocks/data/ytj.json`.
pub fn companies() -> Result<Vec<Value>, serde_json::Error> {
    let data: Value = serde_json::from_str(COMPANIES_JSON)?;
    Ok(data["companies"].as_array().cloned().unwrap_or_default())
}

/// The whole mock as a router.
pub fn router(config: Config) -> Result<Router, serde_json::Error> {
    let shared = Arc::new(Shared {
        companies: companies()?,
        clock: config.clock,
        limit_per_minute: config.limit_per_minute,
        calls: Mutex::new((0, 0)),
    });
    Ok(Router::new()
        .route("/opendata-ytj-api/v3/companies", get(companies_route))
        .route("/opendata-ytj-api/v3/description", get(description))
        .route("/health", get(|| async { "ok" }))
        .with_state(shared))
}

/// Serves the mock on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: Config) -> Result<(), std::io::Error> {
    let app = router(config).map_err(std::io::Error::other)?;
    axum::serve(listener, app).await
}

/// The API's error body: `{"timestamp", "message", "errorcode"}`.
fn error(shared: &Shared, status: StatusCode, message: &str) -> Response {
    let timestamp = shared
        .clock
        .now()
        .format(time::macros::format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second]"
        ))
        .unwrap_or_default();
    let body = json!({"timestamp": timestamp, "message": message, "errorcode": status.as_u16()});
    (status, Json(body)).into_response()
}

fn too_many() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Too many requests",
    )
        .into_response()
}

/// Whether `id` has a business id's form, `NNNNNNN-N` (the check digit is not checked: the
/// real service answers an unknown id with an empty list).
fn looks_like_business_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 9
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 7 || b.is_ascii_digit())
}

async fn companies_route(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if !shared.admit() {
        return too_many();
    }
    let found: Vec<&Value> = match (query.get("businessId"), query.get("name")) {
        (Some(id), _) => {
            if !looks_like_business_id(id) {
                return error(&shared, StatusCode::BAD_REQUEST, "Invalid businessId");
            }
            shared
                .companies
                .iter()
                .filter(|c| c["businessId"]["value"] == id.as_str())
                .collect()
        }
        (None, Some(name)) => {
            let wanted = name.to_lowercase();
            shared
                .companies
                .iter()
                .filter(|c| {
                    c["names"].as_array().is_some_and(|names| {
                        names.iter().any(|n| {
                            n["name"]
                                .as_str()
                                .is_some_and(|n| n.to_lowercase().contains(&wanted))
                        })
                    })
                })
                .collect()
        }
        (None, None) => shared.companies.iter().collect(),
    };
    Json(json!({"totalResults": found.len(), "companies": found})).into_response()
}

/// The code lists the check reads, as tab-separated text (`code`, `description`).
async fn description(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if !shared.admit() {
        return too_many();
    }
    let rows: &[(&str, &str)] = match query.get("code").map(String::as_str) {
        Some("REK") => &[
            ("1", "Kaupparekisteri"),
            ("2", "Säätiörekisteri"),
            ("3", "Yhdistysrekisteri"),
            ("4", "Verohallinto"),
            ("5", "Ennakkoperintärekisteri"),
            ("6", "Arvonlisäverovelvollisten rekisteri"),
            ("7", "Työnantajarekisteri"),
            ("8", "Vakuutusmaksuverovelvollisten rekisteri"),
        ],
        Some("REK_KDI") => &[
            ("1_0", "Ei rekisteröity"),
            ("1_1", "Rekisterissä"),
            ("5_55", "Ennakkoperintärekisterissä"),
            ("6_80", "Arvonlisäverovelvollinen"),
            ("7_41", "Säännöllinen työnantaja"),
        ],
        _ => return error(&shared, StatusCode::BAD_REQUEST, "Unknown code"),
    };
    let text: String = rows
        .iter()
        .map(|(code, words)| format!("{code}\t{words}\n"))
        .collect();
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}
