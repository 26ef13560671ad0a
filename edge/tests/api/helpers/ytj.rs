//! The YTJ mock (`seteli-mocks`, PRH's open data API v3), called in-process through its
//! router: the edge's lookups go to it exactly as they would over HTTP.

use super::mocks::{call, path_and_method};
use axum::Router;
use seteli_edge::outbound::{OutboundError, OutboundRequest, OutboundResponse};
use seteli_edge::registry::YtjConfig;
use seteli_mocks::clock::Clock;
use seteli_mocks::ytj as mock;
use std::sync::Mutex;

/// Where the edge believes PRH's open data is.
pub const BASE_URL: &str = "http://ytj.test";

pub struct YtjMock {
    router: Router,
    /// When false, every call fails as if the service could not be reached.
    pub up: Mutex<bool>,
}

impl YtjMock {
    /// The mock with its companies (`mocks/data/ytj.json`) and the real service's limit.
    pub fn new(clock: Clock) -> Self {
        Self::with_limit(clock, mock::Config::default().limit_per_minute)
    }

    /// The mock answering only `limit_per_minute` calls a minute, then a plain-text 429.
    pub fn with_limit(clock: Clock, limit_per_minute: u32) -> Self {
        Self {
            router: mock::router(mock::Config {
                clock,
                limit_per_minute,
            })
            .expect("the mock's companies are valid"),
            up: Mutex::new(true),
        }
    }

    /// The edge's configuration for this mock.
    pub fn config() -> YtjConfig {
        YtjConfig {
            base_url: BASE_URL.into(),
        }
    }

    /// What the edge's `Outbound` sends here.
    pub async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        if !*self.up.lock().unwrap() {
            return Err(OutboundError("connection refused".into()));
        }
        let (path, method) = path_and_method(&request.url, BASE_URL, request.method);
        let (status, _, body) = call(
            &self.router,
            method,
            path,
            &request.headers,
            request.body.unwrap_or_default(),
        )
        .await;
        Ok(OutboundResponse { status, body })
    }
}
