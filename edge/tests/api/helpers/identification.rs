//! The identification mock (`seteli-mocks`) in-process, on the test clock, with what tests
//! need to make the provider misbehave: down, a canned answer for a URL, or claims asserted
//! differently (the ID token re-signed with the mock's own key, as a provider that says
//! something else would sign it).

use super::mocks::{call, location, path_and_method};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;
use seteli_edge::oidc::OidcConfig;
use seteli_edge::outbound::{OutboundError, OutboundRequest, OutboundResponse};
use seteli_mocks::clock::Clock;
use seteli_mocks::identification::signing::SigningKey;
use seteli_mocks::identification::{self as mock, ClaimsIn, Issuer};
use std::collections::HashMap;
use std::sync::Mutex;

/// Where the edge believes the identity provider is: the citizens' issuer is
/// `http://idp.test/citizen`, staff's `http://idp.test/staff`.
pub const BASE_URL: &str = "http://idp.test";

/// The ID token's own claims, which stay in it when the subject's claims move to `userinfo`.
const PROTOCOL_CLAIMS: [&str; 9] = [
    "iss",
    "aud",
    "sub",
    "iat",
    "exp",
    "nonce",
    "azp",
    "auth_time",
    "acr",
];

pub struct IdentificationMock {
    router: Router,
    /// Where the mock puts the subject's claims now (the mock's `/dev/claims-in` switch).
    claims_in: Mutex<ClaimsIn>,
    /// When false, every call fails as if the provider were down.
    pub up: Mutex<bool>,
    /// Claims the provider asserts differently in the next login: in the ID token (a
    /// protocol claim, or any while the subject's claims are there) and, for the subject's
    /// claims, in `userinfo` too.
    pub tamper: Mutex<Vec<(String, Value)>>,
    /// Claims to change in the next `userinfo` answer only (e.g. another `sub`).
    pub userinfo_tamper: Mutex<Vec<(String, Value)>>,
    /// The subject's claims of the last `tamper`, for the `userinfo` answer after it.
    tampered_userinfo: Mutex<Vec<(String, Value)>>,
    /// Canned answers `(status, body)` by URL, in place of the mock's own.
    pub answers: Mutex<HashMap<String, (u16, String)>>,
    /// Every URL called, in order.
    pub calls: Mutex<Vec<String>>,
}

impl IdentificationMock {
    /// The mock with the redirect URI of [`super::PUBLIC_URL`], on `clock`.
    pub fn new(clock: Clock) -> Self {
        let router = mock::router(
            BASE_URL,
            mock::Config {
                clock,
                ..mock::Config::default()
            },
        )
        .expect("the mock starts");
        Self {
            router,
            claims_in: Mutex::new(ClaimsIn::IdToken),
            up: Mutex::new(true),
            tamper: Mutex::new(Vec::new()),
            userinfo_tamper: Mutex::new(Vec::new()),
            tampered_userinfo: Mutex::new(Vec::new()),
            answers: Mutex::new(HashMap::new()),
            calls: Mutex::new(Vec::new()),
        }
    }

    /// The issuer URL of `issuer`.
    pub fn issuer(issuer: Issuer) -> String {
        format!("{BASE_URL}/{}", issuer.path())
    }

    /// The edge's configuration for `issuer`.
    pub fn oidc_config(issuer: Issuer) -> OidcConfig {
        OidcConfig {
            issuer: Self::issuer(issuer),
            client_id: issuer.client_id().into(),
            client_secret: issuer.client_secret().into(),
        }
    }

    /// The key the mock signs with (the committed test key).
    pub fn key() -> SigningKey {
        SigningKey::test_key().expect("the mock's test key")
    }

    /// Switches where the mock puts the subject's claims (its `/dev/claims-in`).
    pub async fn put_claims_in(&self, claims_in: ClaimsIn) {
        let body = serde_json::json!({ "claims_in": claims_in.as_str() }).to_string();
        let json = [("content-type".to_owned(), "application/json".to_owned())];
        let (status, _, _) = call(&self.router, "POST", "/dev/claims-in", &json, body).await;
        assert_eq!(status, 204, "the switch was set");
        *self.claims_in.lock().unwrap() = claims_in;
    }

    /// Whether `userinfo` has been asked.
    pub fn userinfo_was_called(&self) -> bool {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .any(|url| url.ends_with("/userinfo"))
    }

    /// The person's choice on the login page the edge sent the browser to (`authorize`),
    /// e.g. `("hetu", code)` or `("user", username)`: where the mock sends the browser back.
    pub async fn choose(&self, authorize: &url::Url, choice: (&str, &str)) -> url::Url {
        assert!(authorize.as_str().starts_with(BASE_URL), "{authorize}");
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in authorize.query_pairs() {
            form.append_pair(&name, &value);
        }
        form.append_pair(choice.0, choice.1);
        let form_type = [(
            "content-type".to_owned(),
            "application/x-www-form-urlencoded".to_owned(),
        )];
        let (status, headers, _) = call(
            &self.router,
            "POST",
            authorize.path(),
            &form_type,
            form.finish(),
        )
        .await;
        assert_eq!(status, 303, "the login page redirects back");
        url::Url::parse(&location(headers).expect("a location")).expect("an absolute URL")
    }

    /// What the edge's `Outbound` sends here.
    pub async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        if !*self.up.lock().unwrap() {
            return Err(OutboundError("connection refused".into()));
        }
        self.calls.lock().unwrap().push(request.url.clone());
        if let Some((status, body)) = self.answers.lock().unwrap().get(&request.url).cloned() {
            return Ok(OutboundResponse { status, body });
        }
        let (path, method) = path_and_method(&request.url, BASE_URL, request.method);
        let (status, _, body) = call(
            &self.router,
            method,
            path,
            &request.headers,
            request.body.clone().unwrap_or_default(),
        )
        .await;
        let body = match (status, path.rsplit('/').next()) {
            (200, Some("token")) => self.tampered_token(body),
            (200, Some("userinfo")) => self.tampered_userinfo(body),
            _ => body,
        };
        Ok(OutboundResponse { status, body })
    }

    /// The token answer with `tamper` applied to its ID token.
    fn tampered_token(&self, body: String) -> String {
        let tamper: Vec<_> = self.tamper.lock().unwrap().drain(..).collect();
        if tamper.is_empty() {
            return body;
        }
        let mut answer: Value = serde_json::from_str(&body).expect("a token answer");
        let token = answer["id_token"].as_str().expect("an ID token");
        let payload = token.split('.').nth(1).expect("a JWT");
        let mut claims: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url"))
                .expect("JSON claims");
        let subject_claims_in_token = *self.claims_in.lock().unwrap() == ClaimsIn::IdToken;
        for (name, value) in tamper {
            let protocol = PROTOCOL_CLAIMS.contains(&name.as_str());
            if protocol || subject_claims_in_token {
                claims[&name] = value.clone();
            }
            if !protocol || name == "sub" {
                self.tampered_userinfo.lock().unwrap().push((name, value));
            }
        }
        answer["id_token"] = Self::key().sign_jwt(&claims).expect("signed").into();
        answer.to_string()
    }

    /// The `userinfo` answer with the last `tamper` and `userinfo_tamper` applied.
    fn tampered_userinfo(&self, body: String) -> String {
        let mut changes: Vec<_> = self.tampered_userinfo.lock().unwrap().drain(..).collect();
        changes.extend(self.userinfo_tamper.lock().unwrap().drain(..));
        if changes.is_empty() {
            return body;
        }
        let mut claims: Value = serde_json::from_str(&body).expect("userinfo JSON");
        for (name, value) in changes {
            claims[&name] = value;
        }
        claims.to_string()
    }
}
