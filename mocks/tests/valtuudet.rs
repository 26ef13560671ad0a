//! The Valtuudet mock over real HTTP on 127.0.0.1, called the way the edge calls DVV's Web API:
//! every service call signed with the checksum header over the exact path and query sent.

use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use seteli_mocks::valtuudet::checksum::{self, basic_header, header_value};
use seteli_mocks::valtuudet::clock::Clock;
use seteli_mocks::valtuudet::{
    self, Config, API_KEY, CLIENT_ID, ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS, OAUTH_PASSWORD,
};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use tokio::net::TcpListener;
use url::Url;

const REDIRECT_URI: &str = "http://127.0.0.1:43354/api/valtuudet/callback";
const STATE: &str = "state-4321";
const VECTORS: &str = include_str!("fixtures/valtuudet-checksum-vectors.json");

const ANNI: &str = "220784-926C";
const MIKKO: &str = "091182-931V";
const EETU: &str = "030413A9450";
const ELLA: &str = "170816A958E";
const EEVA_LIISA: &str = "140334-912M";
const KARL_JOHAN: &str = "280175-967D";
const ROVA: &str = "7019376-8";

struct Mock {
    base: String,
    http: reqwest::Client,
    clock: Clock,
}

/// A session after the pick and the token exchange.
struct Session {
    id: String,
    token: String,
}

fn percent(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn request_id() -> &'static str {
    "02fd35dc-99e6-477b-b6e2-03f02cbf3666"
}

impl Mock {
    async fn start() -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let clock = Clock::system();
        let config = Config {
            redirect_uris: vec![REDIRECT_URI.to_owned()],
            seed: None,
            clock: clock.clone(),
        };
        tokio::spawn(valtuudet::serve(listener, config));
        let http = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .unwrap();
        Mock { base, http, clock }
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
                checksum::HEADER,
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
                    "/service/{mode}/user/register/{CLIENT_ID}/{delegate}?requestId={}",
                    request_id()
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

    async fn authorize_get(&self, params: &[(&str, String)]) -> Response {
        self.http
            .get(format!("{}/oauth/authorize", self.base))
            .query(params)
            .send()
            .await
            .unwrap()
    }

    async fn selection_page(&self, user_id: &str) -> String {
        let response = self.authorize_get(&Self::authorize_params(user_id)).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.text().await.unwrap()
    }

    /// Step 2: presses a button on the page and returns the redirect's query.
    async fn press(&self, user_id: &str, button: (&'static str, &str)) -> Vec<(String, String)> {
        let mut params = Self::authorize_params(user_id);
        params.push((button.0, button.1.to_owned()));
        let response = self
            .http
            .post(format!("{}/oauth/authorize", self.base))
            .form(&params)
            .send()
            .await
            .unwrap();
        redirect_query(&response)
    }

    async fn pick(&self, user_id: &str, principal: &str) -> String {
        let query = self.press(user_id, ("principal", principal)).await;
        assert_eq!(param(&query, "state").as_deref(), Some(STATE));
        param(&query, "code").expect("a code")
    }

    /// Step 3 with the right Basic header.
    async fn exchange(&self, code: &str, redirect_uri: &str) -> Response {
        self.exchange_with(code, redirect_uri, &basic_header(CLIENT_ID, OAUTH_PASSWORD))
            .await
    }

    async fn exchange_with(&self, code: &str, redirect_uri: &str, authorization: &str) -> Response {
        let url = format!(
            "{}/oauth/token?code={}&grant_type=authorization_code&redirect_uri={}",
            self.base,
            percent(code),
            percent(redirect_uri)
        );
        self.http
            .post(url)
            .header("authorization", authorization)
            .send()
            .await
            .unwrap()
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
                "/service/hpa/api/delegate/{}?requestId={}",
                session.id,
                request_id()
            ),
            Some(&session.token),
        )
        .await
    }

    fn authorization_path(session: &Session, principal: &str, issues: &[&str]) -> String {
        let mut path = format!(
            "/service/hpa/api/authorization/{}/{principal}?requestId={}",
            session.id,
            request_id()
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

    async fn post_json(&self, path: &str, body: Value) -> Response {
        self.http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

/// Asserts a 303 to the registered redirect URI and returns its query.
fn redirect_query(response: &Response) -> Vec<(String, String)> {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap();
    let url = Url::parse(location).unwrap();
    assert_eq!(&url[..url::Position::AfterPath], REDIRECT_URI);
    url.query_pairs().into_owned().collect()
}

fn param(query: &[(String, String)], name: &str) -> Option<String> {
    query
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn has_testid(page: &str, id: &str) -> bool {
    page.contains(&format!("data-testid=\"{id}\""))
}

#[test]
fn the_published_checksum_vectors_are_computed_by_the_mocks_own_function() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let key = doc["api_key"].as_str().unwrap();
    let client = doc["client_id"].as_str().unwrap();
    let vectors = doc["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 3);
    for v in vectors {
        let path = v["path_and_query"].as_str().unwrap();
        let ts = v["timestamp"].as_str().unwrap();
        let expected = v["checksum"].as_str().unwrap();
        assert_eq!(checksum::checksum(key, path, ts), expected, "{ts} {path}");
        assert_eq!(
            header_value(client, key, path, ts),
            format!("{client} {ts} {expected}")
        );
        // The mock accepts exactly this header at that time.
        let at = checksum::parse_timestamp(ts).unwrap();
        let header = header_value(client, key, path, ts);
        assert_eq!(
            checksum::verify(Some(&header), client, key, path, at),
            Ok(())
        );
    }
    let basic = &doc["basic_auth"];
    assert_eq!(
        basic_header(
            basic["client_id"].as_str().unwrap(),
            basic["oauth_password"].as_str().unwrap()
        ),
        basic["header"].as_str().unwrap()
    );
}

#[tokio::test]
async fn health_answers_ok() {
    let mock = Mock::start().await;
    let response = mock
        .http
        .get(format!("{}/health", mock.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn a_wrong_or_missing_checksum_is_refused_with_401() {
    let mock = Mock::start().await;
    let path = format!(
        "/service/hpa/user/register/{CLIENT_ID}/{ANNI}?requestId={}",
        request_id()
    );
    let url = format!("{}{path}", mock.base);
    let ts = mock.timestamp();

    let wrong_key = mock
        .http
        .get(&url)
        .header(
            checksum::HEADER,
            header_value(CLIENT_ID, "another-key", &path, &ts),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_key.status(), StatusCode::UNAUTHORIZED);

    let missing = mock.http.get(&url).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);

    // Signed over another query than the one sent.
    let other_query = mock
        .http
        .get(&url)
        .header(
            checksum::HEADER,
            header_value(CLIENT_ID, API_KEY, &path.replace("02fd", "03fd"), &ts),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(other_query.status(), StatusCode::UNAUTHORIZED);

    let wrong_client = mock
        .http
        .get(&url)
        .header(
            checksum::HEADER,
            header_value("abcd1234", API_KEY, &path, &ts),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_client.status(), StatusCode::UNAUTHORIZED);

    // The same call, signed right, goes through.
    assert_eq!(mock.get_signed(&path, None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_timestamp_six_minutes_old_is_refused_and_four_minutes_is_not() {
    let mock = Mock::start().await;
    let path = format!(
        "/service/hpa/user/register/{CLIENT_ID}/{ANNI}?requestId={}",
        request_id()
    );
    let at = |minutes: i64| {
        (mock.clock.now() - Duration::minutes(minutes))
            .format(&Rfc3339)
            .unwrap()
    };
    let stale = mock.get_signed_at(&path, None, &at(6)).await;
    assert_eq!(stale.status(), StatusCode::UNAUTHORIZED);
    let body: Value = stale.json().await.unwrap();
    assert!(body["error_description"]
        .as_str()
        .unwrap()
        .contains("5 minutes"));
    let late = mock.get_signed_at(&path, None, &at(4)).await;
    assert_eq!(late.status(), StatusCode::OK);
    // The other published form, with microseconds and +00:00, is accepted too.
    let micro = mock
        .clock
        .now()
        .to_offset(time::UtcOffset::UTC)
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]+00:00"
        ))
        .unwrap();
    assert_eq!(
        mock.get_signed_at(&path, None, &micro).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_guardian_picks_a_child_and_may_act_for_them() {
    let mock = Mock::start().await;
    let (session_id, user_id) = mock.register("hpa", ANNI).await;

    let page = mock.selection_page(&user_id).await;
    assert!(page.contains("<main>"));
    assert!(page.contains("<h1>Valitse, kenen puolesta asioit</h1>"));
    assert!(page.contains("<legend"));
    assert!(page.contains("Eetu Olavi Kumpulainen"));
    for id in [
        format!("principal-{EETU}"),
        format!("principal-{ELLA}"),
        format!("principal-{EEVA_LIISA}"),
        "cancel".to_owned(),
    ] {
        assert!(has_testid(&page, &id), "{id}");
    }
    // Karl-Johan's mandate to Anni has expired.
    assert!(!has_testid(&page, &format!("principal-{KARL_JOHAN}")));
    assert!(page.contains("width=device-width"));

    let code = mock.pick(&user_id, EETU).await;
    let response = mock.exchange(&code, REDIRECT_URI).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 599);
    assert!(body["refresh_token"].is_string());
    assert!(body["scope"].is_string());
    let session = Session {
        id: session_id,
        token: body["access_token"].as_str().unwrap().to_owned(),
    };

    let delegate = mock.delegate(&session).await;
    assert_eq!(delegate.status(), StatusCode::OK);
    assert_eq!(
        delegate.json::<Value>().await.unwrap(),
        json!([{ "personId": EETU, "name": "Kumpulainen Eetu Olavi" }])
    );
    assert_eq!(
        mock.authorization(&session, EETU, &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK])
            .await,
        "ALLOWED"
    );
    assert_eq!(mock.authorization(&session, EETU, &[]).await, "ALLOWED");

    // End: unregister, after which the session is gone.
    let unregister = mock
        .get_signed(
            &format!(
                "/service/hpa/user/unregister/{}?requestId={}",
                session.id,
                request_id()
            ),
            None,
        )
        .await;
    assert_eq!(unregister.status(), StatusCode::OK);
    assert_eq!(unregister.json::<Value>().await.unwrap(), json!(true));
    assert_eq!(
        mock.delegate(&session).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_page_speaks_the_language_asked_for() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    for (lang, heading) in [
        ("sv", "Välj för vem du uträttar ärenden"),
        ("en", "Choose whom you act for"),
        ("de", "Valitse, kenen puolesta asioit"),
    ] {
        let mut params = Mock::authorize_params(&user_id);
        params.retain(|(n, _)| *n != "lang");
        params.push(("lang", lang.to_owned()));
        let page = mock.authorize_get(&params).await.text().await.unwrap();
        assert!(page.contains(&format!("<h1>{heading}</h1>")), "{lang}");
    }
}

#[tokio::test]
async fn a_principal_other_than_the_one_picked_is_disallowed() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", ANNI, EETU).await;
    assert_eq!(mock.authorization(&session, ELLA, &[]).await, "DISALLOWED");
    assert_eq!(
        mock.authorization(&session, EEVA_LIISA, &[]).await,
        "DISALLOWED"
    );
}

#[tokio::test]
async fn a_code_works_only_once() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, ELLA).await;
    assert_eq!(
        mock.exchange(&code, REDIRECT_URI).await.status(),
        StatusCode::OK
    );
    let again = mock.exchange(&code, REDIRECT_URI).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "invalid_grant"
    );
    assert_eq!(
        mock.exchange("no-such-code", REDIRECT_URI).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn an_unregistered_redirect_uri_or_unknown_client_gets_a_400_page_and_no_redirect() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    for (name, value) in [
        (
            "redirect_uri",
            "http://127.0.0.1:9999/api/valtuudet/callback",
        ),
        ("redirect_uri", "https://evil.example/cb"),
        ("client_id", "evil0001"),
    ] {
        let mut params = Mock::authorize_params(&user_id);
        params.retain(|(n, _)| *n != name);
        params.push((name, value.to_owned()));
        let response = mock.authorize_get(&params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{value}");
        assert!(response.headers().get("location").is_none());
        let page = response.text().await.unwrap();
        assert!(page.contains("<main>") && page.contains("role=\"alert\""));
    }
}

#[tokio::test]
async fn a_token_exchange_with_another_redirect_uri_is_refused() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, ELLA).await;
    let response = mock
        .exchange(&code, "http://127.0.0.1:43354/api/other")
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"],
        "invalid_grant"
    );
}

/// Step 3 as DVV's own Java client sends it: the parameters in a form body, none in the query.
async fn exchange_as_form(mock: &Mock, form: &[(&str, &str)]) -> Response {
    mock.http
        .post(format!("{}/oauth/token", mock.base))
        .header("authorization", basic_header(CLIENT_ID, OAUTH_PASSWORD))
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_token_call_takes_its_parameters_from_a_form_body_as_well() {
    let mock = Mock::start().await;
    let (id, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, EETU).await;

    let response = exchange_as_form(
        &mock,
        &[
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT_URI),
        ],
    )
    .await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    let session = Session {
        id,
        token: body["access_token"].as_str().unwrap().to_owned(),
    };
    assert_eq!(mock.authorization(&session, EETU, &[]).await, "ALLOWED");
    // The code was used up by the form exchange, whichever way it comes next.
    assert_eq!(
        mock.exchange(&code, REDIRECT_URI).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_form_body_token_call_is_checked_like_the_query_one() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, EETU).await;

    let other_uri = exchange_as_form(
        &mock,
        &[
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", "http://127.0.0.1:43354/api/other"),
        ],
    )
    .await;
    let no_grant_type =
        exchange_as_form(&mock, &[("code", "x"), ("redirect_uri", REDIRECT_URI)]).await;

    assert_eq!(other_uri.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        other_uri.json::<Value>().await.unwrap()["error"],
        "invalid_grant"
    );
    assert_eq!(
        no_grant_type.json::<Value>().await.unwrap()["error"],
        "invalid_request"
    );
}

#[tokio::test]
async fn a_token_parameter_given_twice_or_a_body_that_is_not_a_form_is_refused() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, EETU).await;
    let query = format!(
        "{}/oauth/token?code={}&grant_type=authorization_code&redirect_uri={}",
        mock.base,
        percent(&code),
        percent(REDIRECT_URI)
    );
    let basic = basic_header(CLIENT_ID, OAUTH_PASSWORD);

    let twice = mock
        .http
        .post(&query)
        .header("authorization", &basic)
        .form(&[("code", code.as_str())])
        .send()
        .await
        .unwrap();
    let json_body = mock
        .http
        .post(&query)
        .header("authorization", &basic)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    let other_client = exchange_as_form(
        &mock,
        &[
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT_URI),
            ("client_id", "abcd1234"),
        ],
    )
    .await;

    for response in [twice, json_body] {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"],
            "invalid_request"
        );
    }
    assert_eq!(other_client.status(), StatusCode::UNAUTHORIZED);
    // None of them reached the code.
    assert_eq!(
        mock.exchange(&code, REDIRECT_URI).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_basic_header_is_401_and_leaves_the_code_usable() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let code = mock.pick(&user_id, ELLA).await;
    for authorization in [
        basic_header(CLIENT_ID, "wrong-password"),
        basic_header("abcd1234", OAUTH_PASSWORD),
        format!("Bearer {OAUTH_PASSWORD}"),
    ] {
        let response = mock
            .exchange_with(&code, REDIRECT_URI, &authorization)
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic"));
    }
    assert_eq!(
        mock.exchange(&code, REDIRECT_URI).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_session_expires_ten_minutes_after_register() {
    let mock = Mock::start().await;
    let (id, user_id) = mock.register("hpa", ANNI).await;
    // The client's timestamps follow the mock's clock here, so only the session can expire.
    let response = mock
        .post_json("/dev/clock", json!({ "offset_seconds": 9 * 60 }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap()["offset_seconds"],
        540
    );
    // Nine minutes in, the session still works; its token is fresh (valid for 599 s).
    let code = mock.pick(&user_id, EETU).await;
    let session = Session {
        id,
        token: mock.token(&code).await,
    };
    assert_eq!(mock.delegate(&session).await.status(), StatusCode::OK);

    mock.post_json("/dev/clock", json!({ "offset_seconds": 11 * 60 }))
        .await;
    let expired = mock.delegate(&session).await;
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    let body: Value = expired.json().await.unwrap();
    assert!(body["error_description"]
        .as_str()
        .unwrap()
        .contains("session is unknown, has ended or has expired"));
    let unregister = mock
        .get_signed(
            &format!(
                "/service/hpa/user/unregister/{}?requestId={}",
                session.id,
                request_id()
            ),
            None,
        )
        .await;
    assert_eq!(unregister.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_expires_after_599_seconds() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", ANNI, EETU).await;
    mock.clock.set_offset_seconds(590);
    assert_eq!(mock.delegate(&session).await.status(), StatusCode::OK);
    mock.clock.set_offset_seconds(599);
    assert_eq!(
        mock.delegate(&session).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn another_sessions_token_is_refused() {
    let mock = Mock::start().await;
    let anni = mock.login("hpa", ANNI, EETU).await;
    let mikko = mock.login("hpa", MIKKO, KARL_JOHAN).await;
    let borrowed = Session {
        id: anni.id.clone(),
        token: mikko.token.clone(),
    };
    assert_eq!(
        mock.delegate(&borrowed).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let path = Mock::authorization_path(&anni, EETU, &[]);
    assert_eq!(
        mock.get_signed(&path, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_adult_mandate_allows_only_the_issues_it_covers() {
    let mock = Mock::start().await;
    let mikko = mock.login("hpa", MIKKO, KARL_JOHAN).await;
    assert_eq!(
        mock.authorization(&mikko, KARL_JOHAN, &[ISSUE_VOUCHER_MATTERS])
            .await,
        "ALLOWED"
    );
    assert_eq!(
        mock.authorization(&mikko, KARL_JOHAN, &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK])
            .await,
        "DISALLOWED"
    );
    assert_eq!(
        mock.authorization(&mikko, KARL_JOHAN, &[ISSUE_FEEDBACK])
            .await,
        "DISALLOWED"
    );

    let anni = mock.login("hpa", ANNI, EEVA_LIISA).await;
    assert_eq!(
        mock.authorization(&anni, EEVA_LIISA, &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK])
            .await,
        "ALLOWED"
    );
    assert_eq!(
        mock.authorization(
            &anni,
            EEVA_LIISA,
            &["http://valtuusrekisteri.suomi.fi/other"]
        )
        .await,
        "DISALLOWED"
    );
}

#[tokio::test]
async fn a_restriction_disallows_a_guardian_without_saying_why() {
    let mock = Mock::start().await;
    let mikko = mock.login("hpa", MIKKO, ELLA).await;
    let path = Mock::authorization_path(&mikko, ELLA, &[]);
    let body: Value = mock
        .get_signed(&path, Some(&mikko.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["result"], "DISALLOWED");
    assert_eq!(
        body["reasons"],
        json!([]),
        "DVV never tells the service why"
    );
}

#[tokio::test]
async fn a_revoked_mandate_is_disallowed_on_the_next_call_until_reset() {
    let mock = Mock::start().await;
    let anni = mock.login("hpa", ANNI, EEVA_LIISA).await;
    assert_eq!(
        mock.authorization(&anni, EEVA_LIISA, &[ISSUE_VOUCHER_MATTERS])
            .await,
        "ALLOWED"
    );

    let revoke = json!({ "principal": EEVA_LIISA, "delegate": ANNI });
    let response = mock.post_json("/dev/mandates/revoke", revoke.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap()["revoked"], 1);
    assert_eq!(
        mock.authorization(&anni, EEVA_LIISA, &[ISSUE_VOUCHER_MATTERS])
            .await,
        "DISALLOWED"
    );
    // Nothing is left to revoke, and Eeva-Liisa is no longer offered.
    assert_eq!(
        mock.post_json("/dev/mandates/revoke", revoke)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let page = mock.selection_page(&user_id).await;
    assert!(!has_testid(&page, &format!("principal-{EEVA_LIISA}")));

    let reset = mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    let again = mock.login("hpa", ANNI, EEVA_LIISA).await;
    assert_eq!(
        mock.authorization(&again, EEVA_LIISA, &[ISSUE_VOUCHER_MATTERS])
            .await,
        "ALLOWED"
    );
}

#[tokio::test]
async fn a_person_with_nobody_to_act_for_is_sent_straight_back_with_access_denied() {
    let mock = Mock::start().await;
    for (mode, person) in [("hpa", EEVA_LIISA), ("ypa", EEVA_LIISA)] {
        let (_, user_id) = mock.register(mode, person).await;
        let response = mock.authorize_get(&Mock::authorize_params(&user_id)).await;
        let query = redirect_query(&response);
        assert_eq!(param(&query, "error").as_deref(), Some("access_denied"));
        assert!(param(&query, "error_description").is_some());
        assert_eq!(param(&query, "state").as_deref(), Some(STATE));
        assert_eq!(param(&query, "code"), None);
    }
}

#[tokio::test]
async fn cancelling_sends_access_denied_with_the_state() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", ANNI).await;
    let query = mock.press(&user_id, ("action", "cancel")).await;
    assert_eq!(param(&query, "error").as_deref(), Some("access_denied"));
    assert_eq!(param(&query, "state").as_deref(), Some(STATE));
    assert_eq!(param(&query, "code"), None);
}

#[tokio::test]
async fn a_pick_that_is_not_on_the_list_is_refused_on_a_page() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", EETU).await;
    let mut params = Mock::authorize_params(&user_id);
    params.push(("principal", ANNI.to_owned()));
    // Eetu has nobody to act for, so he is sent back before any pick counts.
    let response = mock
        .http
        .post(format!("{}/oauth/authorize", mock.base))
        .form(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(
        param(&redirect_query(&response), "error").as_deref(),
        Some("access_denied")
    );

    let (_, user_id) = mock.register("hpa", ANNI).await;
    let mut params = Mock::authorize_params(&user_id);
    params.push(("principal", KARL_JOHAN.to_owned()));
    let response = mock
        .http
        .post(format!("{}/oauth/authorize", mock.base))
        .form(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
}

#[tokio::test]
async fn a_person_with_roles_picks_an_organisation_and_gets_its_roles() {
    let mock = Mock::start().await;
    let (session_id, user_id) = mock.register("ypa", KARL_JOHAN).await;
    let page = mock.selection_page(&user_id).await;
    assert!(has_testid(&page, &format!("principal-{ROVA}")));
    assert!(has_testid(&page, "principal-2077474-0"));
    assert!(page.contains("Rova Oy"));

    let code = mock.pick(&user_id, ROVA).await;
    let session = Session {
        id: session_id,
        token: mock.token(&code).await,
    };
    let response = mock
        .get_signed(
            &format!(
                "/service/ypa/api/organizationRoles/{}?requestId={}",
                session.id,
                request_id()
            ),
            Some(&session.token),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!([{ "name": "Rova Oy", "identifier": ROVA, "complete": true, "roles": ["TJ", "J"] }])
    );
    // An ypa session is not an hpa one.
    assert_eq!(
        mock.delegate(&session).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_posted_seed_replaces_the_register_and_a_bad_one_is_refused() {
    let mock = Mock::start().await;
    let bad = mock
        .http
        .post(format!("{}/dev/seed", mock.base))
        .body("{\"persons\": 1}")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // Eeva-Liisa is made Karl-Johan's delegate, flagged UNKNOWN.
    let seed = json!({
        "persons": [
            { "hetu": EEVA_LIISA, "given_name": "Eeva-Liisa Marjatta", "family_name": "Kinnunen" },
            { "hetu": KARL_JOHAN, "given_name": "Karl-Johan Fredrik", "family_name": "Nyström" }
        ],
        "mandates": [{
            "principal": KARL_JOHAN, "delegate": EEVA_LIISA,
            "issues": [ISSUE_VOUCHER_MATTERS], "valid_from": "2020-01-01", "valid_until": null
        }],
        "unknown": [{ "principal": KARL_JOHAN, "delegate": EEVA_LIISA }]
    });
    let response = mock.post_json("/dev/seed", seed).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let session = mock.login("hpa", EEVA_LIISA, KARL_JOHAN).await;
    assert_eq!(
        mock.authorization(&session, KARL_JOHAN, &[]).await,
        "UNKNOWN"
    );
    let (_, anni) = mock.register("hpa", ANNI).await;
    let query = redirect_query(&mock.authorize_get(&Mock::authorize_params(&anni)).await);
    assert_eq!(param(&query, "error").as_deref(), Some("access_denied"));
}

#[tokio::test]
async fn service_calls_need_a_request_id_and_a_valid_identity_code() {
    let mock = Mock::start().await;
    let no_request_id = mock
        .get_signed(
            &format!("/service/hpa/user/register/{CLIENT_ID}/{ANNI}"),
            None,
        )
        .await;
    assert_eq!(no_request_id.status(), StatusCode::BAD_REQUEST);
    let bad_hetu = mock
        .get_signed(
            &format!("/service/hpa/user/register/{CLIENT_ID}/220784-926D?requestId=1"),
            None,
        )
        .await;
    assert_eq!(bad_hetu.status(), StatusCode::BAD_REQUEST);
    let other_mode = mock
        .get_signed(
            &format!("/service/xpa/user/register/{CLIENT_ID}/{ANNI}?requestId=1"),
            None,
        )
        .await;
    assert_eq!(other_mode.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unregister_works_without_a_request_id_as_dvvs_reference_clients_call_it() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", ANNI, EETU).await;

    let unregister = mock
        .get_signed(
            &format!("/service/hpa/user/unregister/{}", session.id),
            None,
        )
        .await;

    assert_eq!(unregister.status(), StatusCode::OK);
    assert_eq!(unregister.json::<Value>().await.unwrap(), json!(true));
    assert_eq!(
        mock.delegate(&session).await.status(),
        StatusCode::UNAUTHORIZED,
        "the session has ended"
    );
    // The other calls still need one.
    let delegate = mock
        .get_signed(
            &format!("/service/hpa/api/delegate/{}", session.id),
            Some(&session.token),
        )
        .await;
    assert_eq!(delegate.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_dev_clock_reports_and_resets_its_offset() {
    let mock = Mock::start().await;
    let before = OffsetDateTime::now_utc();
    let body: Value = mock
        .post_json("/dev/clock", json!({ "offset_seconds": 3600 }))
        .await
        .json()
        .await
        .unwrap();
    let now = OffsetDateTime::parse(body["now"].as_str().unwrap(), &Rfc3339).unwrap();
    assert!(now - before >= Duration::seconds(3599));
    assert_eq!(mock.clock.offset_seconds(), 3600);
    mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(mock.clock.offset_seconds(), 0);
}

#[tokio::test]
async fn a_simulated_outage_answers_503_until_lifted_or_reset() {
    let mock = Mock::start().await;
    let anni = mock.login("hpa", ANNI, EETU).await;
    let down = mock.post_json("/dev/outage", json!({"down": true})).await;
    assert_eq!(down.status(), StatusCode::NO_CONTENT);
    let register = format!("/service/hpa/user/register/{CLIENT_ID}/{ANNI}?requestId=r1");
    assert_eq!(
        mock.get_signed(&register, None).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        mock.exchange("any-code", REDIRECT_URI).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    mock.post_json("/dev/outage", json!({"down": false})).await;
    assert_eq!(
        mock.authorization(&anni, EETU, &[ISSUE_VOUCHER_MATTERS])
            .await,
        "ALLOWED"
    );
    mock.post_json("/dev/outage", json!({"down": true})).await;
    mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(
        mock.get_signed(&register, None).await.status(),
        StatusCode::OK
    );
    let bad = mock.post_json("/dev/outage", json!({"up": 1})).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
