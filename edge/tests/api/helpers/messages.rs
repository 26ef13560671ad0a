//! The Suomi.fi Messages mock (`seteli-mocks`), called in-process through its router, with
//! the Worker's time limit: the outbox's delivery speaks to it exactly as over HTTP, and the
//! tests read what it received through its development routes.

use super::mocks::{call, call_raw, path_and_method};
use axum::Router;
use serde_json::{json, Value};
use seteli_edge::messages::{MessagesConfig, PostiConfig};
use seteli_edge::outbound::{OutboundError, OutboundRequest, OutboundResponse, TIMEOUT_MS};
use seteli_mocks::clock::Clock;
use seteli_mocks::messages as mock;
use std::sync::Mutex;

/// Where the edge believes Suomi.fi Messages is.
pub const BASE_URL: &str = "http://messages.test";

pub struct MessagesMock {
    router: Router,
    /// When false, every call fails as if the service could not be reached.
    pub up: Mutex<bool>,
    /// Every path the edge called, in order (tokens, mailboxes, uploads, sends, events).
    pub calls: Mutex<Vec<String>>,
}

impl MessagesMock {
    /// The mock with its mailboxes (`mocks/data/messages.json`).
    pub fn new(clock: Clock) -> Self {
        Self {
            router: mock::router(mock::Config { clock }).expect("the mock's data is valid"),
            up: Mutex::new(true),
            calls: Mutex::new(Vec::new()),
        }
    }

    /// The edge's configuration for this mock: its published test credentials, and Posti's.
    pub fn config() -> MessagesConfig {
        let data = mock::data().expect("the mock's data is valid");
        MessagesConfig {
            base_url: BASE_URL.into(),
            username: data.username,
            password: data.password,
            service_id: data.service_id,
            posti: Some(PostiConfig {
                username: "123456".into(),
                password: "9999".into(),
                email: "it@seteli.test".into(),
                cost_pool: Some("SETELI01".into()),
            }),
        }
    }

    /// What the edge's `Outbound` sends here, given up after [`TIMEOUT_MS`] as the Worker does.
    pub async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        if !*self.up.lock().unwrap() {
            return Err(OutboundError("connection refused".into()));
        }
        let (path, method) = path_and_method(&request.url, BASE_URL, request.method);
        self.calls
            .lock()
            .unwrap()
            .push(path.split('?').next().unwrap_or(path).to_owned());
        let answer = call(
            &self.router,
            method,
            path,
            &request.headers,
            request.body.unwrap_or_default(),
        );
        match tokio::time::timeout(std::time::Duration::from_millis(TIMEOUT_MS), answer).await {
            Ok((status, _, body)) => Ok(OutboundResponse { status, body }),
            Err(_) => Err(OutboundError(format!("no answer within {TIMEOUT_MS} ms"))),
        }
    }

    async fn dev(&self, method: &str, path: &str, body: Value) -> (u16, String) {
        let headers = [("content-type".to_owned(), "application/json".to_owned())];
        let (status, _, body) = call(&self.router, method, path, &headers, body.to_string()).await;
        (status, body)
    }

    /// Every message the mock accepted, oldest first (`GET /dev/received`).
    pub async fn received(&self) -> Vec<Value> {
        let (status, body) = self.dev("GET", "/dev/received", Value::Null).await;
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).expect("a list")
    }

    /// Takes the service down (503 to every call) or brings it back.
    pub async fn outage(&self, down: bool) {
        let (status, body) = self.dev("POST", "/dev/outage", json!({"down": down})).await;
        assert_eq!(status, 204, "{body}");
    }

    /// Delays every answer by `ms`.
    pub async fn slow(&self, ms: u64) {
        let (status, body) = self.dev("POST", "/dev/slow", json!({"delayMs": ms})).await;
        assert_eq!(status, 204, "{body}");
    }

    /// Adds an event of `event_type` for the message sent as `external_id` to the feed.
    pub async fn inject(&self, external_id: &str, event_type: &str) {
        let body = json!({"externalId": external_id, "type": event_type});
        let (status, answer) = self.dev("POST", "/dev/events", body).await;
        assert_eq!(status, 200, "{answer}");
    }

    /// An uploaded attachment's bytes.
    pub async fn attachment(&self, id: &str) -> Vec<u8> {
        let path = format!("/dev/attachments/{id}");
        let (status, _, bytes) = call_raw(&self.router, "GET", &path, &[], Vec::new()).await;
        assert_eq!(status, 200);
        bytes
    }
}
