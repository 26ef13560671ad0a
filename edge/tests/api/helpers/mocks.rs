//! The edge's outside world in the API tests: the real identification, Valtuudet and YTJ
//! mocks, called in-process through their routers on one test clock.

use super::identification::{self, IdentificationMock};
use super::messages::{self, MessagesMock};
use super::valtuudet::{self, ValtuudetMock};
use super::ytj::{self, YtjMock};
use axum::body::Body;
use axum::Router;
use seteli_edge::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse};
use seteli_mocks::clock::Clock;
use tower::ServiceExt;

/// The mocks behind the edge's `Outbound` seam, sharing `clock`.
pub struct Mocks {
    pub clock: Clock,
    pub identification: IdentificationMock,
    /// Suomi.fi-valtuudet, when the test deployment has it.
    pub valtuudet: Option<ValtuudetMock>,
    /// PRH's open data (the company registry), which every test deployment has.
    pub ytj: YtjMock,
    /// Suomi.fi Messages, which delivers the outbox.
    pub messages: MessagesMock,
}

impl Mocks {
    /// The identification and YTJ mocks, their clock reading `now`.
    pub fn new(now: time::OffsetDateTime) -> Self {
        let clock = Clock::system();
        clock.set_now(now);
        Self {
            identification: IdentificationMock::new(clock.clone()),
            ytj: YtjMock::new(clock.clone()),
            messages: MessagesMock::new(clock.clone()),
            clock,
            valtuudet: None,
        }
    }
}

impl Outbound for Mocks {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        match &self.valtuudet {
            Some(valtuudet) if request.url.starts_with(valtuudet::BASE_URL) => {
                valtuudet.send(request).await
            }
            _ if request.url.starts_with(identification::BASE_URL) => {
                self.identification.send(request).await
            }
            _ if request.url.starts_with(ytj::BASE_URL) => self.ytj.send(request).await,
            _ if request.url.starts_with(messages::BASE_URL) => self.messages.send(request).await,
            _ => Err(OutboundError(format!("no mock at {}", request.url))),
        }
    }
}

/// One HTTP exchange with a mock's router: method, path and query, headers, body; the
/// answer's status, headers and body.
pub async fn call(
    router: &Router,
    method: &str,
    path_and_query: &str,
    headers: &[(String, String)],
    body: impl Into<Body>,
) -> (u16, Vec<(String, String)>, String) {
    let (status, headers, bytes) = call_raw(router, method, path_and_query, headers, body).await;
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// [`call`], with the answer's bytes as they are.
pub async fn call_raw(
    router: &Router,
    method: &str,
    path_and_query: &str,
    headers: &[(String, String)],
    body: impl Into<Body>,
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut request = axum::http::Request::builder()
        .method(method)
        .uri(path_and_query);
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request.body(body.into()).expect("a valid request");
    let response = match router.clone().oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .expect("a body");
    (status, headers, bytes.to_vec())
}

/// The `Location` among `headers`.
pub fn location(headers: Vec<(String, String)>) -> Option<String> {
    headers
        .into_iter()
        .find(|(k, _)| k == "location")
        .map(|(_, v)| v)
}

/// The mock's path for an edge request to `url` under `base`, and its method.
pub fn path_and_method<'a>(
    url: &'a str,
    base: &str,
    method: seteli_edge::http::Method,
) -> (&'a str, &'static str) {
    let path = url.strip_prefix(base).unwrap_or("/");
    let method = match method {
        seteli_edge::http::Method::Post => "POST",
        _ => "GET",
    };
    (path, method)
}

/// An outside world that answers every call with one canned result and remembers the
/// requests, for a client's tests against answers no mock gives.
pub struct Canned {
    answer: Result<OutboundResponse, OutboundError>,
    pub seen: std::sync::Mutex<Vec<OutboundRequest>>,
}

impl Canned {
    /// `Ok((status, body))` or `Err(text)` (no answer at all).
    pub fn new(answer: Result<(u16, &str), &str>) -> Self {
        Self {
            answer: answer
                .map(|(status, body)| OutboundResponse {
                    status,
                    body: body.into(),
                })
                .map_err(|e| OutboundError(e.into())),
            seen: std::sync::Mutex::new(Vec::new()),
        }
    }
}

impl Outbound for Canned {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        self.seen.lock().unwrap().push(request);
        self.answer.clone()
    }
}
