//! The Valtuudet mock (`seteli-mocks`), called in-process through its router: the edge's
//! requests go to it exactly as they would over HTTP, checksum and Basic headers included.

use super::mocks::{call, location, path_and_method};
use axum::Router;
use seteli_edge::outbound::{OutboundError, OutboundRequest, OutboundResponse};
use seteli_edge::valtuudet::ValtuudetConfig;
use seteli_mocks::clock::Clock;
use seteli_mocks::valtuudet as mock;
use std::sync::Mutex;

/// Where the edge believes Valtuudet is.
pub const BASE_URL: &str = "http://valtuudet.test";

pub struct ValtuudetMock {
    router: Router,
    /// When false, every call fails as if Valtuudet were down.
    pub up: Mutex<bool>,
}

impl ValtuudetMock {
    /// The mock with its default register, on `clock`.
    pub fn new(callback: &str, clock: Clock) -> Self {
        Self {
            router: mock::router(mock::Config {
                redirect_uris: vec![callback.to_owned()],
                seed: None,
                clock,
            })
            .expect("the mock starts"),
            up: Mutex::new(true),
        }
    }

    /// The edge's configuration for this mock.
    pub fn config() -> ValtuudetConfig {
        ValtuudetConfig {
            base_url: BASE_URL.into(),
            client_id: mock::CLIENT_ID.into(),
            api_key: mock::API_KEY.into(),
            oauth_password: mock::OAUTH_PASSWORD.into(),
        }
    }

    async fn call(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &[(String, String)],
        body: impl Into<axum::body::Body>,
    ) -> (u16, Vec<(String, String)>, String) {
        call(&self.router, method, path_and_query, headers, body).await
    }

    /// What the edge's `Outbound` sends here.
    pub async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        if !*self.up.lock().unwrap() {
            return Err(OutboundError("connection refused".into()));
        }
        let (path, method) = path_and_method(&request.url, BASE_URL, request.method);
        let (status, _, body) = self
            .call(
                method,
                path,
                &request.headers,
                request.body.unwrap_or_default(),
            )
            .await;
        Ok(OutboundResponse { status, body })
    }

    /// The person's pick on the selection page at `selection_url` (what the edge redirected
    /// the browser to): the mock's redirect back, `Location` as it is.
    pub async fn pick(&self, selection_url: &str, button: (&str, &str)) -> String {
        let url = url::Url::parse(selection_url).expect("an absolute selection URL");
        assert!(selection_url.starts_with(BASE_URL), "{selection_url}");
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in url.query_pairs() {
            form.append_pair(&name, &value);
        }
        form.append_pair(button.0, button.1);
        let (status, headers, _) = self
            .call(
                "POST",
                "/oauth/authorize",
                &[(
                    "content-type".into(),
                    "application/x-www-form-urlencoded".into(),
                )],
                form.finish(),
            )
            .await;
        assert_eq!(status, 303, "the selection page redirects back");
        location(headers).expect("a location")
    }

    /// `GET` of the selection page itself (a person with nobody to pick is sent straight back).
    pub async fn open(&self, selection_url: &str) -> (u16, Option<String>) {
        let path = selection_url.strip_prefix(BASE_URL).expect("a mock URL");
        let (status, headers, _) = self.call("GET", path, &[], String::new()).await;
        (status, location(headers))
    }

    /// Revokes the principal's mandates to the delegate (the mock's development endpoint).
    pub async fn revoke(&self, principal: &str, delegate: &str) {
        let body = serde_json::json!({"principal": principal, "delegate": delegate}).to_string();
        let (status, _, _) = self
            .call(
                "POST",
                "/dev/mandates/revoke",
                &[("content-type".into(), "application/json".into())],
                body,
            )
            .await;
        assert_eq!(status, 200, "a mandate was revoked");
    }

    /// Replaces the mock's register (its development endpoint `/dev/seed`).
    pub async fn seed(&self, register: &serde_json::Value) {
        let (status, _, body) = self
            .call(
                "POST",
                "/dev/seed",
                &[("content-type".into(), "application/json".into())],
                register.to_string(),
            )
            .await;
        assert_eq!(status, 204, "the register was replaced: {body}");
    }

    /// The register the mock starts with (`mocks/data/valtuudet.json`).
    pub fn default_register() -> serde_json::Value {
        serde_json::from_str(include_str!("../../../../mocks/data/valtuudet.json"))
            .expect("the default register is JSON")
    }
}
