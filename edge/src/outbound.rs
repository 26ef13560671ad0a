//! Calls from the edge to outside services (the identity provider, Valtuudet, PRH's YTJ). The
//! Worker uses `fetch` with a time limit; native tests plug in their own client.

use crate::http::Method;

/// A request to an outside service.
#[derive(Debug, Clone)]
pub struct OutboundRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// JSON, a form, or a multipart upload's bytes.
    pub body: Option<Vec<u8>>,
}

impl OutboundRequest {
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: None,
        }
    }
}

/// What the service answered.
#[derive(Debug, Clone)]
pub struct OutboundResponse {
    pub status: u16,
    pub body: String,
}

/// The service could not be reached or did not answer in time. The text is for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundError(pub String);

/// Every call to an outside service is bounded by this many milliseconds.
pub const TIMEOUT_MS: u64 = 3_000;

/// Sends requests to outside services.
// Single-threaded runtime, as for `Database`: no `Send` promise.
#[allow(async_fn_in_trait)]
pub trait Outbound {
    /// Sends the request, giving up after [`TIMEOUT_MS`].
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError>;
}

/// For contexts that must not call out (the public catalogue's tests): every call fails.
pub struct NoOutbound;

impl Outbound for NoOutbound {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        Err(OutboundError(format!(
            "outbound calls are disabled ({})",
            request.url
        )))
    }
}
