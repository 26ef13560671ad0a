//! The identification mock over real HTTP on 127.0.0.1, as Seteli's login will use it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde_json::Value;
use seteli_mocks::clock::Clock;
use seteli_mocks::identification::{self, people, ClaimsIn, Config, Issuer};
use sha2::{Digest, Sha256};
use tokio::net::TcpListener;
use url::Url;

const REDIRECT_URI: &str = "http://127.0.0.1:43353/api/auth/callback";
const STATE: &str = "state-1234";
const NONCE: &str = "nonce-5678";
const VERIFIER: &str = "a-code-verifier-of-at-least-forty-three-characters-0123456789";

struct Mock {
    base: String,
    http: reqwest::Client,
    /// The server's clock: moving it moves the server's time.
    clock: Clock,
}

impl Mock {
    async fn start() -> Mock {
        Self::start_with(ClaimsIn::IdToken).await
    }

    async fn start_with(claims_in: ClaimsIn) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let clock = Clock::system();
        let config = Config {
            redirect_uris: vec![REDIRECT_URI.to_owned()],
            claims_in,
            clock: clock.clone(),
        };
        tokio::spawn(identification::serve(listener, config));
        let http = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .unwrap();
        Mock { base, http, clock }
    }

    fn issuer(&self, issuer: Issuer) -> String {
        format!("{}/{}", self.base, issuer.path())
    }

    async fn get_json(&self, url: &str) -> Value {
        let response = self.http.get(url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        response.json().await.unwrap()
    }

    async fn authorize_get(&self, issuer: Issuer, params: &[(&str, String)]) -> Response {
        let url = format!("{}/authorize", self.issuer(issuer));
        self.http.get(url).query(params).send().await.unwrap()
    }

    async fn authorize_post(&self, issuer: Issuer, params: &[(&str, String)]) -> Response {
        let url = format!("{}/authorize", self.issuer(issuer));
        self.http.post(url).form(params).send().await.unwrap()
    }

    /// Logs in through the page's form and returns the redirect's query.
    async fn login(&self, issuer: Issuer, choice: (&str, &str)) -> Vec<(String, String)> {
        let mut params = request(issuer);
        params.push((choice.0, choice.1.to_owned()));
        let response = self.authorize_post(issuer, &params).await;
        redirect_query(&response)
    }

    async fn code_for(&self, issuer: Issuer, choice: (&str, &str)) -> String {
        let query = self.login(issuer, choice).await;
        param(&query, "code").expect("a code")
    }

    /// Exchanges `code` with HTTP Basic client authentication.
    async fn exchange(&self, issuer: Issuer, code: &str, verifier: &str) -> Response {
        self.http
            .post(format!("{}/token", self.issuer(issuer)))
            .basic_auth(issuer.client_id(), Some(issuer.client_secret()))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", REDIRECT_URI),
                ("code_verifier", verifier),
            ])
            .send()
            .await
            .unwrap()
    }

    /// Exchanges, checks the ID token's signature against the JWKS and returns its claims.
    async fn id_token_claims(&self, issuer: Issuer, code: &str) -> Value {
        self.tokens(issuer, code).await.0
    }

    /// Exchanges, checks the ID token; returns its claims and the access token.
    async fn tokens(&self, issuer: Issuer, code: &str) -> (Value, String) {
        let response = self.exchange(issuer, code, VERIFIER).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "no-store");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["expires_in"], 600);
        assert!(body["access_token"].as_str().is_some_and(|t| t.len() >= 32));
        let jwks = self
            .get_json(&format!("{}/jwks", self.issuer(issuer)))
            .await;
        let claims = verify_jwt(body["id_token"].as_str().unwrap(), &jwks);
        (claims, body["access_token"].as_str().unwrap().to_owned())
    }

    /// `GET {iss}/userinfo` with `Authorization: Bearer {token}`, if a token is given.
    async fn userinfo(&self, issuer: Issuer, token: Option<&str>) -> Response {
        let mut request = self.http.get(format!("{}/userinfo", self.issuer(issuer)));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    /// Logs in as `choice` and returns the ID token's claims and the userinfo answer.
    async fn claims_both_ways(&self, issuer: Issuer, choice: (&str, &str)) -> (Value, Value) {
        let code = self.code_for(issuer, choice).await;
        let (id_token, access_token) = self.tokens(issuer, &code).await;
        let response = self.userinfo(issuer, Some(&access_token)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["cache-control"], "no-store");
        (id_token, response.json().await.unwrap())
    }
}

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// A complete, valid authorization request for `issuer`'s client.
fn request(issuer: Issuer) -> Vec<(&'static str, String)> {
    vec![
        ("response_type", "code".to_owned()),
        ("client_id", issuer.client_id().to_owned()),
        ("redirect_uri", REDIRECT_URI.to_owned()),
        ("scope", "openid profile".to_owned()),
        ("state", STATE.to_owned()),
        ("nonce", NONCE.to_owned()),
        ("code_challenge", challenge(VERIFIER)),
        ("code_challenge_method", "S256".to_owned()),
    ]
}

fn with(
    mut params: Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    params.retain(|(n, _)| *n != name);
    params.push((name, value.to_owned()));
    params
}

fn without(mut params: Vec<(&'static str, String)>, name: &str) -> Vec<(&'static str, String)> {
    params.retain(|(n, _)| *n != name);
    params
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

fn verify_jwt(token: &str, jwks: &Value) -> Value {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let decode = |s: &str| URL_SAFE_NO_PAD.decode(s).unwrap();
    let header: Value = serde_json::from_slice(&decode(parts[0])).unwrap();
    assert_eq!(header["alg"], "RS256");
    let key = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .expect("the token's kid is in the JWKS");
    let public = RsaPublicKey::new(
        BigUint::from_bytes_be(&decode(key["n"].as_str().unwrap())),
        BigUint::from_bytes_be(&decode(key["e"].as_str().unwrap())),
    )
    .unwrap();
    let signature = Signature::try_from(decode(parts[2]).as_slice()).unwrap();
    VerifyingKey::<Sha256>::new(public)
        .verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature)
        .expect("the signature verifies against the JWKS");
    serde_json::from_slice(&decode(parts[1])).unwrap()
}

async fn oauth_error(response: Response) -> (StatusCode, String) {
    let status = response.status();
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert!(body["error_description"].is_string());
    (status, body["error"].as_str().unwrap().to_owned())
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
async fn each_issuer_publishes_its_discovery_document() {
    let mock = Mock::start().await;
    for issuer in Issuer::ALL {
        let iss = mock.issuer(issuer);
        let doc = mock
            .get_json(&format!("{iss}/.well-known/openid-configuration"))
            .await;
        assert_eq!(doc["issuer"], iss);
        assert_eq!(doc["authorization_endpoint"], format!("{iss}/authorize"));
        assert_eq!(doc["token_endpoint"], format!("{iss}/token"));
        assert_eq!(doc["jwks_uri"], format!("{iss}/jwks"));
        assert_eq!(doc["userinfo_endpoint"], format!("{iss}/userinfo"));
        assert_eq!(doc["response_types_supported"], serde_json::json!(["code"]));
        assert_eq!(
            doc["subject_types_supported"],
            serde_json::json!(["public"])
        );
        assert_eq!(
            doc["id_token_signing_alg_values_supported"],
            serde_json::json!(["RS256"])
        );
        assert_eq!(
            doc["code_challenge_methods_supported"],
            serde_json::json!(["S256"])
        );
        assert_eq!(
            doc["token_endpoint_auth_methods_supported"],
            serde_json::json!(["client_secret_basic", "client_secret_post"])
        );
        assert_eq!(
            doc["scopes_supported"],
            serde_json::json!(["openid", "profile"])
        );
        let claims = doc["claims_supported"].as_array().unwrap();
        let expected = match issuer {
            Issuer::Citizen => "urn:oid:1.2.246.21",
            Issuer::Staff => "roles",
        };
        assert!(claims.iter().any(|c| c == expected));
    }
}

#[tokio::test]
async fn the_jwks_serves_one_rs256_signing_key_with_a_kid() {
    let mock = Mock::start().await;
    let jwks = mock
        .get_json(&format!("{}/jwks", mock.issuer(Issuer::Citizen)))
        .await;
    let keys = jwks["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1);
    let key = &keys[0];
    assert_eq!(key["kty"], "RSA");
    assert_eq!(key["use"], "sig");
    assert_eq!(key["alg"], "RS256");
    assert!(key["kid"].as_str().is_some_and(|k| !k.is_empty()));
    let n = key["n"].as_str().unwrap();
    assert!(!n.contains('=') && !n.contains('+') && !n.contains('/'));
    assert_eq!(URL_SAFE_NO_PAD.decode(n).unwrap().len(), 256);
    assert_eq!(key["e"], "AQAB");
}

#[tokio::test]
async fn the_login_page_lists_every_test_person_and_offers_a_code_field() {
    let mock = Mock::start().await;
    let response = mock
        .authorize_get(Issuer::Citizen, &request(Issuer::Citizen))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("<main>"));
    assert!(page.contains("Suomi.fi"));
    assert!(page.contains("<label for=\"hetu\">Henkilötunnus</label>"));
    for person in people::persons().unwrap() {
        let id = format!("data-testid=\"person-{}\"", person.hetu.as_str());
        assert!(page.contains(&id), "{id}");
        assert!(page.contains(&person.full_name()));
    }
    for id in ["hetu-input", "hetu-submit", "cancel"] {
        assert!(page.contains(&format!("data-testid=\"{id}\"")), "{id}");
    }
    // The request travels on in hidden fields.
    assert!(page.contains(&format!("name=\"nonce\" value=\"{NONCE}\"")));
}

#[tokio::test]
async fn the_login_page_speaks_the_language_asked_for() {
    let mock = Mock::start().await;
    for (locale, label) in [
        ("sv", "Personbeteckning"),
        ("en fi", "Personal identity code"),
        ("de", "Henkilötunnus"),
    ] {
        let params = with(request(Issuer::Citizen), "ui_locales", locale);
        let page = mock
            .authorize_get(Issuer::Citizen, &params)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(&format!(">{label}</label>")), "{locale}");
    }
}

#[tokio::test]
async fn a_citizen_login_with_pkce_yields_a_signed_id_token_with_the_persons_claims() {
    let mock = Mock::start().await;
    let query = mock.login(Issuer::Citizen, ("person", "220784-926C")).await;
    assert_eq!(param(&query, "state").as_deref(), Some(STATE));
    let code = param(&query, "code").unwrap();

    let claims = mock.id_token_claims(Issuer::Citizen, &code).await;

    assert_eq!(claims["iss"], mock.issuer(Issuer::Citizen));
    assert_eq!(claims["aud"], "seteli-local");
    assert_eq!(claims["nonce"], NONCE);
    assert_eq!(claims["acr"], "http://ftn.ficora.fi/2017/loa3");
    assert_eq!(claims["given_name"], "Anni Emilia");
    assert_eq!(claims["family_name"], "Kumpulainen");
    assert_eq!(claims["name"], "Anni Emilia Kumpulainen");
    assert_eq!(claims["urn:oid:1.2.246.21"], "220784-926C");
    let sub = claims["sub"].as_str().unwrap();
    assert!(!sub.contains("220784"));
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap(),
        claims["exp"].as_u64().unwrap(),
    );
    assert_eq!(exp, iat + 600);
    assert!(claims["auth_time"].as_u64().unwrap() <= iat);

    // The same person gets the same subject next time.
    let again = mock
        .code_for(Issuer::Citizen, ("person", "220784-926C"))
        .await;
    assert_eq!(
        mock.id_token_claims(Issuer::Citizen, &again).await["sub"],
        sub
    );
}

#[tokio::test]
async fn client_secret_post_authenticates_the_client_too() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "140334-912M"))
        .await;
    let response = mock
        .http
        .post(format!("{}/token", mock.issuer(Issuer::Citizen)))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
            ("client_id", "seteli-local"),
            ("client_secret", "seteli-local-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_typed_test_code_logs_in_as_that_code() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("hetu", "010280-952L"))
        .await;
    let claims = mock.id_token_claims(Issuer::Citizen, &code).await;
    assert_eq!(claims["urn:oid:1.2.246.21"], "010280-952L");
}

#[tokio::test]
async fn an_invalid_or_real_typed_code_is_shown_as_an_error_on_the_page() {
    let mock = Mock::start().await;
    for typed in ["131052-308U", "131052-308T", "", "hello"] {
        let params = with(request(Issuer::Citizen), "hetu", typed);
        let response = mock.authorize_post(Issuer::Citizen, &params).await;
        assert_eq!(response.status(), StatusCode::OK, "{typed}");
        let page = response.text().await.unwrap();
        let start = page.find("<p id=\"hetu-error\"").expect("an error message");
        let error = &page[start..start + page[start..].find("</p>").unwrap()];
        assert!(error.contains("role=\"alert\""));
        assert!(error.contains("data-testid=\"hetu-error\""));
        assert!(
            typed.is_empty() || !error.contains(typed),
            "the error repeats the code"
        );
        assert!(page.contains("aria-invalid=\"true\""));
    }
}

#[tokio::test]
async fn cancelling_sends_access_denied_with_the_state() {
    let mock = Mock::start().await;
    let query = mock.login(Issuer::Citizen, ("action", "cancel")).await;
    assert_eq!(param(&query, "error").as_deref(), Some("access_denied"));
    assert_eq!(param(&query, "state").as_deref(), Some(STATE));
    assert_eq!(param(&query, "code"), None);
}

#[tokio::test]
async fn an_unknown_client_gets_an_error_page_and_no_redirect() {
    let mock = Mock::start().await;
    for issuer in Issuer::ALL {
        let params = with(request(issuer), "client_id", "evil-client");
        let response = mock.authorize_get(issuer, &params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.headers().get("location").is_none());
        assert!(response.text().await.unwrap().contains("client_id"));
    }
    // Each issuer knows only its own client.
    let params = request(Issuer::Staff);
    let response = mock.authorize_get(Issuer::Citizen, &params).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect() {
    let mock = Mock::start().await;
    for uri in [
        "http://127.0.0.1:9999/api/auth/callback",
        "https://evil.example/cb",
        "",
    ] {
        let params = with(request(Issuer::Citizen), "redirect_uri", uri);
        let response = mock.authorize_get(Issuer::Citizen, &params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{uri}");
        assert!(response.headers().get("location").is_none());
    }
    let response = mock
        .authorize_get(
            Issuer::Citizen,
            &without(request(Issuer::Citizen), "redirect_uri"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_tampered_redirect_uri_in_the_login_form_is_refused_too() {
    let mock = Mock::start().await;
    let mut params = with(
        request(Issuer::Citizen),
        "redirect_uri",
        "https://evil.example/cb",
    );
    params.push(("person", "220784-926C".to_owned()));
    let response = mock.authorize_post(Issuer::Citizen, &params).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
}

#[tokio::test]
async fn a_bad_request_from_a_known_client_is_sent_back_as_an_error() {
    let mock = Mock::start().await;
    let base = request(Issuer::Citizen);
    let cases = [
        (
            with(base.clone(), "response_type", "token"),
            "unsupported_response_type",
        ),
        (
            without(base.clone(), "response_type"),
            "unsupported_response_type",
        ),
        (with(base.clone(), "scope", "profile"), "invalid_request"),
        (without(base.clone(), "nonce"), "invalid_request"),
        (without(base.clone(), "code_challenge"), "invalid_request"),
        (
            with(base.clone(), "code_challenge_method", "plain"),
            "invalid_request",
        ),
        (
            without(base.clone(), "code_challenge_method"),
            "invalid_request",
        ),
    ];
    for (params, error) in cases {
        let response = mock.authorize_get(Issuer::Citizen, &params).await;
        let query = redirect_query(&response);
        assert_eq!(param(&query, "error").as_deref(), Some(error));
        assert_eq!(param(&query, "state").as_deref(), Some(STATE));
        if error == "invalid_request" {
            assert!(param(&query, "error_description").is_some());
        }
    }
}

#[tokio::test]
async fn a_code_works_only_once() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    assert_eq!(
        mock.exchange(Issuer::Citizen, &code, VERIFIER)
            .await
            .status(),
        StatusCode::OK
    );
    let again = mock.exchange(Issuer::Citizen, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(again).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn a_code_expires_sixty_seconds_after_the_login_on_the_mocks_clock() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;

    mock.clock.set_offset_seconds(61);

    let late = mock.exchange(Issuer::Citizen, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(late).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn tokens_are_stamped_with_the_mocks_clock_and_userinfo_ends_with_the_token() {
    let mock = Mock::start().await;
    mock.clock.set_offset_seconds(-86_400);
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let (claims, access_token) = mock.tokens(Issuer::Citizen, &code).await;
    let yesterday = mock.clock.unix_now();
    assert!((claims["iat"].as_i64().unwrap() - yesterday).abs() < 5);
    assert_eq!(
        mock.userinfo(Issuer::Citizen, Some(&access_token))
            .await
            .status(),
        StatusCode::OK
    );

    mock.clock.set_offset_seconds(-86_400 + 600);

    assert_eq!(
        mock.userinfo(Issuer::Citizen, Some(&access_token))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_wrong_code_verifier_is_an_invalid_grant() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let wrong = "another-verifier-of-at-least-forty-three-characters-0123456789";
    let response = mock.exchange(Issuer::Citizen, &code, wrong).await;
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn an_unknown_code_or_another_redirect_uri_is_an_invalid_grant() {
    let mock = Mock::start().await;
    let response = mock
        .exchange(Issuer::Citizen, "no-such-code", VERIFIER)
        .await;
    assert_eq!(oauth_error(response).await.1, "invalid_grant");

    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let response = mock
        .http
        .post(format!("{}/token", mock.issuer(Issuer::Citizen)))
        .basic_auth("seteli-local", Some("seteli-local-secret"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://127.0.0.1:43353/other"),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(oauth_error(response).await.1, "invalid_grant");
}

#[tokio::test]
async fn a_code_from_the_citizen_issuer_is_refused_by_the_staff_issuer() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let response = mock.exchange(Issuer::Staff, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn wrong_client_credentials_are_invalid_client() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let token_url = format!("{}/token", mock.issuer(Issuer::Citizen));
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", VERIFIER),
    ];

    let basic = mock
        .http
        .post(&token_url)
        .basic_auth("seteli-local", Some("wrong-secret"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(basic.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Basic"));
    assert_eq!(
        oauth_error(basic).await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );

    let mut post = form.to_vec();
    post.extend([
        ("client_id", "seteli-local"),
        ("client_secret", "wrong-secret"),
    ]);
    let response = mock.http.post(&token_url).form(&post).send().await.unwrap();
    assert!(response.headers().get("www-authenticate").is_none());
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );

    let none = mock.http.post(&token_url).form(&form).send().await.unwrap();
    assert_eq!(oauth_error(none).await.1, "invalid_client");

    // The failed attempts did not reach the code, so the right client can still use it.
    assert_eq!(
        mock.exchange(Issuer::Citizen, &code, VERIFIER)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn other_grant_types_and_missing_parameters_are_refused() {
    let mock = Mock::start().await;
    let token_url = format!("{}/token", mock.issuer(Issuer::Citizen));
    let send = |form: Vec<(&'static str, &'static str)>| {
        mock.http
            .post(&token_url)
            .basic_auth("seteli-local", Some("seteli-local-secret"))
            .form(&form)
            .send()
    };
    let response = send(vec![("grant_type", "client_credentials")])
        .await
        .unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "unsupported_grant_type".into())
    );
    let response = send(vec![("grant_type", "authorization_code")])
        .await
        .unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
    let response = send(vec![]).await.unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
}

#[tokio::test]
async fn the_staff_issuer_gives_roles_and_municipality() {
    let mock = Mock::start().await;
    let page = mock
        .authorize_get(Issuer::Staff, &request(Issuer::Staff))
        .await
        .text()
        .await
        .unwrap();
    for user in people::staff().unwrap() {
        assert!(page.contains(&format!("data-testid=\"staff-{}\"", user.username)));
    }

    let code = mock
        .code_for(Issuer::Staff, ("user", "valtuushallinnoija"))
        .await;
    let claims = mock.id_token_claims(Issuer::Staff, &code).await;

    assert_eq!(claims["iss"], mock.issuer(Issuer::Staff));
    assert_eq!(claims["aud"], "seteli-staff-local");
    assert_eq!(claims["preferred_username"], "valtuushallinnoija");
    assert_eq!(claims["municipality"], "638");
    assert_eq!(
        claims["roles"],
        serde_json::json!(["customer_service", "authorisation_admin"])
    );
    assert!(claims["email"].as_str().unwrap().contains('@'));
    assert!(claims.get("urn:oid:1.2.246.21").is_none());

    let code = mock
        .code_for(Issuer::Staff, ("user", "helsinki-asiakaspalvelu"))
        .await;
    let claims = mock.id_token_claims(Issuer::Staff, &code).await;
    assert_eq!(claims["municipality"], "091");
    assert_eq!(claims["roles"], serde_json::json!(["customer_service"]));
}

/// Claims about the subject, as opposed to the protocol's own.
const SUBJECT_CLAIMS: [&str; 8] = [
    "given_name",
    "family_name",
    "name",
    "urn:oid:1.2.246.21",
    "email",
    "preferred_username",
    "municipality",
    "roles",
];

#[tokio::test]
async fn userinfo_gives_the_same_subject_and_claims_as_the_id_token() {
    let mock = Mock::start().await;

    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Citizen, ("person", "220784-926C"))
        .await;

    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["urn:oid:1.2.246.21"], "220784-926C");
    assert_eq!(id_token["urn:oid:1.2.246.21"], "220784-926C");
    assert_eq!(userinfo["given_name"], "Anni Emilia");
    assert_eq!(userinfo["family_name"], "Kumpulainen");
    for protocol in ["iss", "aud", "nonce", "exp"] {
        assert!(userinfo.get(protocol).is_none(), "{protocol}");
    }
}

#[tokio::test]
async fn with_claims_in_userinfo_a_citizens_id_token_has_only_the_protocols_claims() {
    let mock = Mock::start_with(ClaimsIn::Userinfo).await;

    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Citizen, ("person", "220784-926C"))
        .await;

    for claim in SUBJECT_CLAIMS {
        assert!(id_token.get(claim).is_none(), "{claim} in the ID token");
    }
    assert_eq!(id_token["nonce"], NONCE);
    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["urn:oid:1.2.246.21"], "220784-926C");
    assert_eq!(userinfo["given_name"], "Anni Emilia");
    assert_eq!(userinfo["family_name"], "Kumpulainen");
}

#[tokio::test]
async fn with_claims_in_userinfo_staff_get_municipality_and_roles_only_there() {
    let mock = Mock::start_with(ClaimsIn::Userinfo).await;

    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Staff, ("user", "valtuushallinnoija"))
        .await;

    for claim in SUBJECT_CLAIMS {
        assert!(id_token.get(claim).is_none(), "{claim} in the ID token");
    }
    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["municipality"], "638");
    assert_eq!(
        userinfo["roles"],
        serde_json::json!(["customer_service", "authorisation_admin"])
    );
    assert_eq!(userinfo["preferred_username"], "valtuushallinnoija");
    assert!(userinfo.get("urn:oid:1.2.246.21").is_none());
}

#[tokio::test]
async fn userinfo_refuses_a_missing_unknown_or_other_issuers_token() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("person", "091182-931V"))
        .await;
    let (_, access_token) = mock.tokens(Issuer::Citizen, &code).await;

    let missing = mock.userinfo(Issuer::Citizen, None).await;
    let unknown = mock.userinfo(Issuer::Citizen, Some("made-up")).await;
    let other_issuer = mock.userinfo(Issuer::Staff, Some(&access_token)).await;

    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    let challenge = missing.headers()["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("Bearer") && !challenge.contains("error="));
    for response in [unknown, other_issuer] {
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("error=\"invalid_token\""));
    }
    // POST works as well as GET (OpenID Connect Core §5.3.1).
    let post = mock
        .http
        .post(format!("{}/userinfo", mock.issuer(Issuer::Citizen)))
        .bearer_auth(&access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_dev_switch_moves_the_claims_for_the_next_login() {
    let mock = Mock::start().await;
    let switch = format!("{}/dev/claims-in", mock.base);
    assert_eq!(
        mock.get_json(&switch).await,
        serde_json::json!({"claims_in": "id-token"})
    );

    let set = mock
        .http
        .post(&switch)
        .json(&serde_json::json!({"claims_in": "userinfo"}))
        .send()
        .await
        .unwrap();
    let bad = mock
        .http
        .post(&switch)
        .json(&serde_json::json!({"claims_in": "both"}))
        .send()
        .await
        .unwrap();

    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        mock.get_json(&switch).await,
        serde_json::json!({"claims_in": "userinfo"})
    );
    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Citizen, ("person", "140334-912M"))
        .await;
    assert!(id_token.get("urn:oid:1.2.246.21").is_none());
    assert_eq!(userinfo["urn:oid:1.2.246.21"], "140334-912M");
}
