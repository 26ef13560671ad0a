//! Development-only endpoints for tests and local use; the edge never calls them and they need
//! no token. They and the page stay up during a simulated outage and are never slowed.
//!
//! - `POST /dev/outage {"down": true|false}` → 204: while down, every API route answers 503
//!   `{"reason"}` and records nothing.
//! - `POST /dev/slow {"delayMs": n}` → 204: every API answer waits n ms (0 turns it off).
//! - `POST /dev/events {"externalId", "type", "postiTrackingCode"?}` → 200 with the event:
//!   appends an end user's or Posti's event about a message to the feed.
//! - `GET /dev/received` → every accepted message, oldest first.
//! - `GET /dev/attachments/{attachmentId}` → the uploaded bytes with their content type.
//! - `POST /dev/reset` → 204: forgets every message and event, ends an outage and the delay.

use super::{reason, Shared};
use crate::messages::records::Extra;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::atomic::Ordering::SeqCst;
use std::sync::Arc;
use std::time::Duration;

/// The longest delay `POST /dev/slow` takes (ten minutes).
pub const MAX_DELAY_MS: u64 = 600_000;

/// The event types a test may inject.
pub const INJECTABLE_EVENTS: [&str; 5] = [
    "Electronic message read",
    "Receipt confirmed",
    "Posti: receipt confirmed",
    "Posti: returned to sender",
    "Posti: unresolved",
];

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/dev/outage", post(outage))
        .route("/dev/slow", post(slow))
        .route("/dev/events", post(event))
        .route("/dev/received", get(received))
        .route("/dev/attachments/{id}", get(attachment))
        .route("/dev/reset", post(reset))
}

/// In front of every API route: 503 during an outage (before the route sees the request, so
/// nothing is recorded), and the delay after the route has answered, so a slow answer to a
/// send has already been kept, as when a real answer is lost on its way back.
pub(super) async fn gate(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let answer = if shared.outage.load(SeqCst) {
        reason(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service unavailable (a simulated outage)",
        )
    } else {
        next.run(request).await
    };
    let delay = shared.delay_ms.load(SeqCst);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    answer
}

/// The body of a development call, or 400 saying the shape it must have.
fn body<T>(body: Result<Json<T>, JsonRejection>, shape: &str) -> Result<T, Box<Response>> {
    body.map(|Json(b)| b).map_err(|_| Box::new(bad(shape)))
}

/// 400 saying the shape the body must have.
fn bad(shape: &str) -> Response {
    reason(
        StatusCode::BAD_REQUEST,
        &format!("the body must be {shape}"),
    )
}

#[derive(Deserialize)]
struct Outage {
    down: bool,
}

async fn outage(
    State(shared): State<Arc<Shared>>,
    call: Result<Json<Outage>, JsonRejection>,
) -> Response {
    match body(call, r#"{"down": true|false}"#) {
        Ok(call) => {
            shared.outage.store(call.down, SeqCst);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(refused) => *refused,
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Slow {
    delay_ms: u64,
}

async fn slow(
    State(shared): State<Arc<Shared>>,
    call: Result<Json<Slow>, JsonRejection>,
) -> Response {
    let shape = format!(r#"{{"delayMs": 0-{MAX_DELAY_MS}}}"#);
    match body(call, &shape) {
        Ok(call) if call.delay_ms <= MAX_DELAY_MS => {
            shared.delay_ms.store(call.delay_ms, SeqCst);
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(_) => bad(&shape),
        Err(refused) => *refused,
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Inject {
    external_id: String,
    #[serde(rename = "type")]
    kind: String,
    posti_tracking_code: Option<String>,
}

async fn event(
    State(shared): State<Arc<Shared>>,
    call: Result<Json<Inject>, JsonRejection>,
) -> Response {
    let call = match body(
        call,
        r#"{"externalId": string, "type": string, "postiTrackingCode"?: string}"#,
    ) {
        Ok(call) => call,
        Err(refused) => return *refused,
    };
    if !INJECTABLE_EVENTS.contains(&call.kind.as_str()) {
        let known = INJECTABLE_EVENTS.join(", ");
        return reason(
            StatusCode::BAD_REQUEST,
            &format!("type must be one of {known}"),
        );
    }
    let mut state = crate::store::lock(&shared.state);
    let Some(sent) = state.sent_as(&call.external_id).cloned() else {
        return reason(
            StatusCode::BAD_REQUEST,
            "no message was sent under that externalId",
        );
    };
    let extra = Extra {
        posti_tracking_code: call.posti_tracking_code.as_deref(),
    };
    let event = state.push_event(
        &call.kind,
        &sent,
        &shared.data.service_id,
        shared.clock.now(),
        Some(extra),
    );
    Json(event).into_response()
}

async fn received(State(shared): State<Arc<Shared>>) -> Response {
    let state = crate::store::lock(&shared.state);
    let list: Vec<Value> = state
        .messages
        .iter()
        .map(|m| {
            let attachments: Vec<Value> = m
                .attachments
                .iter()
                .map(|id| {
                    let stored = state.attachments.get(id);
                    json!({"attachmentId": id,
                           "contentType": stored.map(|a| a.content_type.as_str()),
                           "size": stored.map(|a| a.bytes.len())})
                })
                .collect();
            json!({
                "externalId": m.external_id,
                "messageId": m.message_id,
                "recipientId": m.recipient,
                "channel": m.channel,
                "title": m.title,
                "body": m.body,
                "attachments": attachments,
                "paperAddress": m.paper_address,
                "createdAt": seteli_domain::clock::rfc3339(m.created_at),
            })
        })
        .collect();
    Json(list).into_response()
}

async fn attachment(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let state = crate::store::lock(&shared.state);
    match state.attachments.get(&id) {
        Some(a) => (
            [(header::CONTENT_TYPE, a.content_type.clone())],
            a.bytes.clone(),
        )
            .into_response(),
        None => reason(StatusCode::NOT_FOUND, "no such attachment"),
    }
}

async fn reset(State(shared): State<Arc<Shared>>) -> Response {
    crate::store::lock(&shared.state).reset();
    shared.outage.store(false, SeqCst);
    shared.delay_ms.store(0, SeqCst);
    StatusCode::NO_CONTENT.into_response()
}
