//! What both mocks' HTTP tests need: a server on a free port of 127.0.0.1 with its own clock,
//! a client that does not follow redirects (the tests read them), and readers for a redirect
//! back to the client and for the mocks' pages; and the test both mocks pass alike (health).

use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};
use serde_json::Value;
use seteli_mocks::clock::Clock;
use std::future::Future;
use tokio::net::TcpListener;
use url::Url;

/// A mock serving on 127.0.0.1, and a client for it. Each test crate adds its mock's calls
/// in its own `impl Mock`.
pub struct Mock {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Does not follow redirects.
    pub http: reqwest::Client,
    /// The server's clock: moving it moves the server's time.
    pub clock: Clock,
}

impl Mock {
    /// Binds a free port and spawns `serve` on it with a fresh clock.
    pub async fn spawn<F, E>(serve: impl FnOnce(TcpListener, Clock) -> F) -> Mock
    where
        F: Future<Output = Result<(), E>> + Send + 'static,
        E: Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let clock = Clock::system();
        tokio::spawn(serve(listener, clock.clone()));
        let http = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .unwrap();
        Mock { base, http, clock }
    }

    /// `GET {base}{path}`.
    pub async fn get(&self, path: &str) -> Response {
        let url = format!("{}{path}", self.base);
        self.http.get(url).send().await.unwrap()
    }

    /// `POST {base}{path}` with `body` as JSON.
    pub async fn post_json(&self, path: &str, body: Value) -> Response {
        self.http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

/// Each mock's test crate starts its own mock with `Mock::start`.
#[tokio::test]
async fn health_answers_ok() {
    let response = Mock::start().await.get("/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

/// Asserts a 303 to `redirect_uri` and returns its query.
pub fn redirect_query(response: &Response, redirect_uri: &str) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap();
    let url = Url::parse(location).unwrap();
    assert_eq!(&url[..url::Position::AfterPath], redirect_uri);
    url.query_pairs().into_owned().collect()
}

/// Asserts that `query` sends `error` back to the client with `state` and no code.
pub fn assert_sent_back(query: &[(String, String)], error: &str, state: &str) {
    assert_eq!(param(query, "error").as_deref(), Some(error));
    assert_eq!(param(query, "state").as_deref(), Some(state));
    assert_eq!(param(query, "code"), None);
}

/// The first value of `name` in `query`.
pub fn param(query: &[(String, String)], name: &str) -> Option<String> {
    query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// `params` with `name` set to `value` (in place of any value it had).
pub fn with(
    mut params: Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    params.retain(|(n, _)| *n != name);
    params.push((name, value.to_owned()));
    params
}

/// Whether `page` has an element with `data-testid="{id}"`.
pub fn has_testid(page: &str, id: &str) -> bool {
    page.contains(&format!("data-testid=\"{id}\""))
}
