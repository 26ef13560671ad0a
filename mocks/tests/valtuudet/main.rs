//! The Valtuudet mock over real HTTP on 127.0.0.1, called the way the edge calls DVV's Web API:
//! every service call signed with the checksum header over the exact path and query sent.
//! Persons and companies are the cast's (`seteli_mocks::cast`).

#[path = "../common/mod.rs"]
mod common;

mod authorization;
mod checksum;
mod dev;
mod selection;
mod sessions;
mod token;

use common::Mock;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use seteli_mocks::cast;
use seteli_mocks::valtuudet::checksum::{basic_header, header_value, HEADER};
use seteli_mocks::valtuudet::{self, Config, API_KEY, CLIENT_ID, OAUTH_PASSWORD};
use time::format_description::well_known::Rfc3339;

const REDIRECT_URI: &str = "http://127.0.0.1:43354/api/valtuudet/callback";
const STATE: &str = "state-4321";
const REQUEST_ID: &str = "02fd35dc-99e6-477b-b6e2-03f02cbf3666";

/// The identity code of the cast's person `first_name`.
fn hetu(first_name: &str) -> &'static str {
    cast::person(first_name).code()
}

/// The business id of the cast's company named with `word`.
fn business_id(word: &str) -> &'static str {
    cast::company(word).code()
}

/// A session after the pick and the token exchange.
struct Session {
    id: String,
    token: String,
}

fn percent(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Asserts a 303 to the registered redirect URI and returns its query.
fn redirect_query(response: &Response) -> Vec<(String, String)> {
    common::redirect_query(response, REDIRECT_URI)
}

impl Mock {
    async fn start() -> Mock {
        Mock::spawn(|listener, clock| {
            let config = Config {
                redirect_uris: vec![REDIRECT_URI.to_owned()],
                seed: None,
                clock,
            };
            valtuudet::serve(listener, config)
        })
        .await
    }

    /// Now on the mock's clock, as a client in step with it would stamp a call.
    fn timestamp(&self) -> String {
        self.clock.now().format(&Rfc3339).unwrap()
    }

    /// `GET path_and_query` with a checksum header made at `timestamp`.
    async fn get_signed_at(
        &self,
        path_and_query: &str,
        bearer: Option<&str>,
        timestamp: &str,
    ) -> Response {
        let mut request = self
            .http
            .get(format!("{}{path_and_query}", self.base))
            .header(
                HEADER,
                header_value(CLIENT_ID, API_KEY, path_and_query, timestamp),
            );
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    async fn get_signed(&self, path_and_query: &str, bearer: Option<&str>) -> Response {
        self.get_signed_at(path_and_query, bearer, &self.timestamp())
            .await
    }

    /// Step 1: `(sessionId, userId)`.
    async fn register(&self, mode: &str, delegate: &str) -> (String, String) {
        let response = self
            .get_signed(
                &format!(
                    "/service/{mode}/user/register/{CLIENT_ID}/{delegate}?requestId={REQUEST_ID}"
                ),
                None,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        (
            body["sessionId"].as_str().unwrap().to_owned(),
            body["userId"].as_str().unwrap().to_owned(),
        )
    }

    /// Step 7, with or without `requestId`.
    async fn unregister(&self, session_id: &str, request_id: Option<&str>) -> Response {
        let mut path = format!("/service/hpa/user/unregister/{session_id}");
        if let Some(id) = request_id {
            path.push_str(&format!("?requestId={id}"));
        }
        self.get_signed(&path, None).await
    }

    fn authorize_params(user_id: &str) -> Vec<(&'static str, String)> {
        vec![
            ("client_id", CLIENT_ID.to_owned()),
            ("response_type", "code".to_owned()),
            ("redirect_uri", REDIRECT_URI.to_owned()),
            ("user", user_id.to_owned()),
            ("state", STATE.to_owned()),
            ("lang", "fi".to_owned()),
        ]
    }

    /// `/oauth/authorize` with `params`: `GET` with them in the query, as the browser arrives,
    /// or `POST` with them as the page's form.
    async fn authorize(&self, method: Method, params: &[(&str, String)]) -> Response {
        let request = self
            .http
            .request(method.clone(), format!("{}/oauth/authorize", self.base));
        match method {
            Method::GET => request.query(params),
            _ => request.form(params),
        }
        .send()
        .await
        .unwrap()
    }

    /// The page that `GET /oauth/authorize` with `params` shows.
    async fn page(&self, params: &[(&str, String)]) -> String {
        let response = self.authorize(Method::GET, params).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.text().await.unwrap()
    }

    async fn selection_page(&self, user_id: &str) -> String {
        self.page(&Self::authorize_params(user_id)).await
    }

    /// Step 1 and the page of step 2: `(sessionId, userId, page)`.
    async fn selection(&self, mode: &str, delegate: &str) -> (String, String, String) {
        let (session_id, user_id) = self.register(mode, delegate).await;
        let page = self.selection_page(&user_id).await;
        (session_id, user_id, page)
    }

    /// Step 2: presses a button on the page and returns the redirect's query.
    async fn press(&self, user_id: &str, button: (&'static str, &str)) -> Vec<(String, String)> {
        let mut params = Self::authorize_params(user_id);
        params.push((button.0, button.1.to_owned()));
        redirect_query(&self.authorize(Method::POST, &params).await)
    }

    async fn pick(&self, user_id: &str, principal: &str) -> String {
        let query = self.press(user_id, ("principal", principal)).await;
        assert_eq!(common::param(&query, "state").as_deref(), Some(STATE));
        common::param(&query, "code").expect("a code")
    }

    /// Step 3 with the right Basic header.
    async fn exchange(&self, code: &str, redirect_uri: &str) -> Response {
        self.exchange_with(code, redirect_uri, &basic_header(CLIENT_ID, OAUTH_PASSWORD))
            .await
    }

    /// The token call with its parameters in the query, as DVV documents it.
    fn token_url(&self, code: &str, redirect_uri: &str) -> String {
        format!(
            "{}/oauth/token?code={}&grant_type=authorization_code&redirect_uri={}",
            self.base,
            percent(code),
            percent(redirect_uri)
        )
    }

    async fn exchange_with(&self, code: &str, redirect_uri: &str, authorization: &str) -> Response {
        self.http
            .post(self.token_url(code, redirect_uri))
            .header("authorization", authorization)
            .send()
            .await
            .unwrap()
    }

    /// The status of step 3 for `code`.
    async fn exchange_status(&self, code: &str) -> StatusCode {
        self.exchange(code, REDIRECT_URI).await.status()
    }

    async fn token(&self, code: &str) -> String {
        let response = self.exchange(code, REDIRECT_URI).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    }

    /// Steps 1–3: `delegate` registers in `mode`, picks `principal` and gets a token.
    async fn login(&self, mode: &str, delegate: &str, principal: &str) -> Session {
        let (id, user_id) = self.register(mode, delegate).await;
        let code = self.pick(&user_id, principal).await;
        let token = self.token(&code).await;
        Session { id, token }
    }

    async fn delegate(&self, session: &Session) -> Response {
        self.get_signed(
            &format!(
                "/service/hpa/api/delegate/{}?requestId={REQUEST_ID}",
                session.id
            ),
            Some(&session.token),
        )
        .await
    }

    /// Step 7 (with or without `requestId`): `true`, after which the session is gone.
    async fn assert_unregisters(&self, session: &Session, request_id: Option<&str>) {
        let response = self.unregister(&session.id, request_id).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.json::<Value>().await.unwrap(), json!(true));
        self.assert_delegate(session, StatusCode::UNAUTHORIZED)
            .await;
    }

    /// Asserts the status of step 4 for `session`.
    async fn assert_delegate(&self, session: &Session, status: StatusCode) {
        assert_eq!(self.delegate(session).await.status(), status);
    }

    fn authorization_path(session: &Session, principal: &str, issues: &[&str]) -> String {
        let mut path = format!(
            "/service/hpa/api/authorization/{}/{principal}?requestId={REQUEST_ID}",
            session.id
        );
        for issue in issues {
            path.push_str(&format!("&issues={}", percent(issue)));
        }
        path
    }

    /// Step 5: the `result`, after checking the answer's shape.
    async fn authorization(&self, session: &Session, principal: &str, issues: &[&str]) -> String {
        let path = Self::authorization_path(session, principal, issues);
        let response = self.get_signed(&path, Some(&session.token)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.unwrap();
        let reasons = body["reasons"].as_array().expect("reasons");
        for reason in reasons {
            assert!(reason["reasonRule"].is_string());
            assert!(reason["reasonValue"].is_string());
            assert!(matches!(
                reason["valueType"].as_str(),
                Some("DESCRIPTION" | "EXCEPTION")
            ));
        }
        body["result"].as_str().unwrap().to_owned()
    }
}

/// Asserts a 401 whose description says `says`.
async fn assert_unauthorized(response: Response, says: &str) {
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    let description = body["error_description"].as_str().unwrap();
    assert!(description.contains(says), "{description}");
}

/// The `error` of an error answer.
async fn error_code(response: Response) -> Value {
    response.json::<Value>().await.unwrap()["error"].clone()
}
