//! A stand-in for the Suomi.fi Messages (Suomi.fi-viestit) REST API as organisations use it
//! today (`../shared/docs/messages-api.md`): v1 token and mailbox check, v2 attachments,
//! electronic and multichannel sends, the events feed. It checks what the real service checks:
//! credentials and the token's expiry, required fields and lengths, known attachments less
//! than a day old, an active mailbox for an electronic message, exactly one attachment for
//! paper mail, and a reused `externalId` (409 with the original message's id).
//!
//! - `POST /v1/token` `{"username","password"}` → `{"access_token","token_type","expires_in"}`.
//! - `POST /v1/mailboxes/active` `{"endUsers":[{"id"}]}` → `{"endUsersWithActiveMailbox":[..]}`.
//! - `POST /v2/attachments` (multipart `file`) → 201 `{"attachmentId"}`.
//! - `POST /v2/messages/electronic`, `POST /v2/messages` (multichannel) → `{"messageId"}`.
//! - `GET /v2/events?continuationToken=` → `{"continuationToken","events"}`.
//! - `GET /v1/messages/id?externalId=` → `{"messageId"}`.
//! - `GET /health`.
//!
//! For people and tests, not the edge: `GET /`, a page of what each recipient received
//! (`page`), and the `/dev/*` routes (`dev`): an outage, slow answers, injected read and
//! Posti events, the accepted messages and their attachments' bytes, a reset.
//!
//! The mailboxes are `mocks/data/messages.json`. Every API answer carries a `traceId` header.

mod dev;
mod page;
mod records;
mod sending;

pub use records::Sent;

use crate::clock::Clock;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use records::{Attachment, Store};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

/// The mailboxes and the service's credentials, compiled in.
const DATA_JSON: &str = include_str!("../../data/messages.json");

/// How long a token is valid (seconds), as `expires_in` says.
pub const TOKEN_SECONDS: i64 = 3600;
/// The largest attachment (bytes).
pub const MAX_ATTACHMENT_BYTES: usize = 10_485_760;
/// An attachment not used in a message within this many seconds is gone.
pub const ATTACHMENT_SECONDS: i64 = 24 * 3600;
/// Most events one call answers.
pub const EVENTS_PER_CALL: usize = 1000;

/// How the mock starts.
#[derive(Clone)]
pub struct Config {
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            clock: Clock::system(),
        }
    }
}

/// The service's data file.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Data {
    pub service_id: String,
    pub username: String,
    pub password: String,
    pub mailboxes: Vec<Mailbox>,
    /// Test persons known to have no mailbox (listed on the page).
    #[serde(default)]
    pub without_mailbox: Vec<Mailbox>,
}

/// A person or a company, with or without an active electronic mailbox.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Mailbox {
    pub id: String,
}

/// `mocks/data/messages.json`.
pub fn data() -> Result<Data, serde_json::Error> {
    serde_json::from_str(DATA_JSON)
}

pub(crate) struct Shared {
    data: Data,
    active: HashSet<String>,
    /// Id → the person's or the company's name, for the page.
    names: HashMap<String, String>,
    clock: Clock,
    state: Mutex<Store>,
    /// `POST /dev/outage`: while set, every API route answers 503.
    outage: AtomicBool,
    /// `POST /dev/slow`: every API answer waits this many milliseconds.
    delay_ms: AtomicU64,
}

/// The whole mock as a router.
pub fn router(config: Config) -> Result<Router, serde_json::Error> {
    let data = data()?;
    let active = data.mailboxes.iter().map(|m| m.id.clone()).collect();
    let mut names = HashMap::new();
    for person in crate::identification::people::persons()? {
        names.insert(person.hetu.as_str().to_owned(), person.full_name());
    }
    for company in crate::ytj::companies()? {
        if let (Some(id), Some(name)) = (
            company["businessId"]["value"].as_str(),
            company["names"][0]["name"].as_str(),
        ) {
            names.insert(id.to_owned(), name.to_owned());
        }
    }
    let shared = Arc::new(Shared {
        data,
        active,
        names,
        clock: config.clock,
        state: Mutex::new(Store::default()),
        outage: AtomicBool::new(false),
        delay_ms: AtomicU64::new(0),
    });
    let api = Router::new()
        .route("/v1/token", post(token))
        .route("/v1/mailboxes/active", post(mailboxes))
        .route("/v2/attachments", post(attachment))
        .route("/v2/messages/electronic", post(sending::electronic))
        .route("/v2/messages", post(sending::multichannel))
        .route("/v2/events", get(events))
        .route("/v1/messages/id", get(message_id))
        .route_layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            dev::gate,
        ));
    Ok(api
        .merge(dev::routes())
        .route("/", get(page::page))
        .route("/health", get(|| async { "ok" }))
        .with_state(shared))
}

/// Serves the mock on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: Config) -> Result<(), std::io::Error> {
    let app = router(config).map_err(std::io::Error::other)?;
    axum::serve(listener, app).await
}

/// An answer with the service's `traceId` header.
pub(crate) fn answer(status: StatusCode, body: Value) -> Response {
    let trace = crate::random::token().unwrap_or_default();
    (status, [("traceId", trace)], Json(body)).into_response()
}

/// An error with the service's `{"reason"}` body.
pub(crate) fn reason(status: StatusCode, text: &str) -> Response {
    answer(status, json!({ "reason": text }))
}

impl Shared {
    /// The 401 the service answers when the request has no valid token; `None` when it has.
    pub(crate) fn refusal(&self, headers: &HeaderMap) -> Option<Response> {
        (!self.authorised(headers)).then(|| reason(StatusCode::UNAUTHORIZED, "Unauthorized"))
    }

    /// Whether the request carries a valid token (`Authorization: <token>` or `Bearer <token>`).
    pub(crate) fn authorised(&self, headers: &HeaderMap) -> bool {
        let Some(value) = headers.get("authorization").and_then(|v| v.to_str().ok()) else {
            return false;
        };
        let token = value.strip_prefix("Bearer ").unwrap_or(value).trim();
        let now = self.clock.unix_now();
        crate::store::lock(&self.state)
            .tokens
            .get(token)
            .is_some_and(|expires| *expires > now)
    }

    pub(crate) fn has_mailbox(&self, id: &str) -> bool {
        self.active.contains(id)
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.unix_now()
    }

    pub(crate) fn service_id(&self) -> &str {
        &self.data.service_id
    }

    /// Whether attachment `id` exists and is less than a day old.
    pub(crate) fn attachment_usable(&self, id: &str) -> bool {
        let now = self.now();
        crate::store::lock(&self.state)
            .attachments
            .get(id)
            .is_some_and(|a| now - a.stored_at < ATTACHMENT_SECONDS)
    }

    /// The message already sent under `external_id`, if any.
    pub(crate) fn sent_as(&self, external_id: &str) -> Option<i64> {
        crate::store::lock(&self.state)
            .sent_as(external_id)
            .map(|m| m.message_id)
    }

    /// Keeps a sent message (its id and time are set here) and the events it makes; its id,
    /// or the original's when its `externalId` was used before.
    pub(crate) fn keep(&self, mut sent: Sent) -> Result<i64, i64> {
        sent.created_at = self.clock.now();
        crate::store::lock(&self.state).accept(sent, &self.data.service_id)
    }
}

async fn token(State(shared): State<Arc<Shared>>, body: Option<Json<Value>>) -> Response {
    let Some(Json(body)) = body else {
        return reason(StatusCode::BAD_REQUEST, "Invalid request");
    };
    if body["username"] != shared.data.username.as_str()
        || body["password"] != shared.data.password.as_str()
    {
        return reason(StatusCode::BAD_REQUEST, "Invalid username or password");
    }
    let Ok(token) = crate::random::token() else {
        return reason(StatusCode::INTERNAL_SERVER_ERROR, "No randomness");
    };
    crate::store::lock(&shared.state)
        .tokens
        .insert(token.clone(), shared.now() + TOKEN_SECONDS);
    answer(
        StatusCode::OK,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_SECONDS}),
    )
}

async fn mailboxes(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Response {
    if let Some(refused) = shared.refusal(&headers) {
        return refused;
    }
    let ids: Option<Vec<String>> = body.and_then(|Json(b)| {
        b["endUsers"].as_array().map(|users| {
            users
                .iter()
                .map(|u| u["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
    });
    let Some(ids) = ids else {
        return reason(StatusCode::BAD_REQUEST, "endUsers is required");
    };
    if ids.is_empty() || ids.len() > 10_000 || ids.iter().any(|id| !(9..=11).contains(&id.len())) {
        return reason(
            StatusCode::BAD_REQUEST,
            "endUsers must hold 1-10000 ids of 9-11 characters",
        );
    }
    let active: Vec<Value> = ids
        .iter()
        .filter(|id| shared.has_mailbox(id))
        .map(|id| json!({ "id": id }))
        .collect();
    answer(
        StatusCode::OK,
        json!({ "endUsersWithActiveMailbox": active }),
    )
}

/// The file types the service takes: PDF, images, office documents, text.
fn allowed_type(content_type: &str) -> bool {
    content_type == "application/pdf"
        || content_type.starts_with("image/")
        || content_type.starts_with("text/")
        || content_type.starts_with("application/vnd.openxmlformats-officedocument")
        || content_type == "application/msword"
}

async fn attachment(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    if let Some(refused) = shared.refusal(&headers) {
        return refused;
    }
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() != Some("file") {
            continue;
        }
        let content_type = field.content_type().unwrap_or_default().to_owned();
        let Ok(bytes) = field.bytes().await else {
            return reason(StatusCode::BAD_REQUEST, "Unreadable file");
        };
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            return (StatusCode::PAYLOAD_TOO_LARGE, "File too large").into_response();
        }
        if !allowed_type(&content_type) {
            return reason(StatusCode::UNSUPPORTED_MEDIA_TYPE, "File type not allowed");
        }
        let Ok(id) = crate::random::token() else {
            return reason(StatusCode::INTERNAL_SERVER_ERROR, "No randomness");
        };
        let stored = Attachment {
            bytes: bytes.to_vec(),
            content_type,
            stored_at: shared.now(),
        };
        crate::store::lock(&shared.state)
            .attachments
            .insert(id.clone(), stored);
        return answer(StatusCode::CREATED, json!({ "attachmentId": id }));
    }
    reason(StatusCode::BAD_REQUEST, "The file is missing")
}

async fn events(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = shared.refusal(&headers) {
        return refused;
    }
    let state = crate::store::lock(&shared.state);
    let continuation = query.get("continuationToken").map(String::as_str);
    let Some((page, next)) = state.events_after(continuation, EVENTS_PER_CALL) else {
        return reason(StatusCode::BAD_REQUEST, "Invalid continuationToken");
    };
    answer(
        StatusCode::OK,
        json!({"continuationToken": next.to_string(), "events": page}),
    )
}

async fn message_id(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = shared.refusal(&headers) {
        return refused;
    }
    match query.get("externalId").and_then(|id| shared.sent_as(id)) {
        Some(id) => answer(StatusCode::OK, json!({ "messageId": id })),
        None => reason(StatusCode::NOT_FOUND, "Message not found"),
    }
}
