//! The identification mock over real HTTP on 127.0.0.1, as Seteli's login will use it.
//! Test persons are the cast's (`seteli_mocks::cast`).

#[path = "../common/mod.rs"]
mod common;

mod discovery;
mod login_page;
mod token;
mod userinfo;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::Mock;
use reqwest::{Response, StatusCode};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde_json::Value;
use seteli_mocks::cast;
use seteli_mocks::identification::{self, ClaimsIn, Config, Issuer};
use sha2::{Digest, Sha256};

const REDIRECT_URI: &str = "http://127.0.0.1:43353/api/auth/callback";
const STATE: &str = "state-1234";
const NONCE: &str = "nonce-5678";
const VERIFIER: &str = "a-code-verifier-of-at-least-forty-three-characters-0123456789";

/// The login page's button for the cast's person `first_name`.
fn person(first_name: &str) -> (&'static str, &'static str) {
    ("person", cast::person(first_name).code())
}

/// The login page's button for the staff user `username`.
fn staff(username: &str) -> (&'static str, &'static str) {
    ("user", cast::staff_user(username).username.as_str())
}

impl Mock {
    async fn start() -> Mock {
        Self::start_with(ClaimsIn::IdToken).await
    }

    async fn start_with(claims_in: ClaimsIn) -> Mock {
        Mock::spawn(|listener, clock| {
            let config = Config {
                redirect_uris: vec![REDIRECT_URI.to_owned()],
                claims_in,
                clock,
            };
            identification::serve(listener, config)
        })
        .await
    }

    fn issuer(&self, issuer: Issuer) -> String {
        format!("{}/{}", self.base, issuer.path())
    }

    fn token_url(&self, issuer: Issuer) -> String {
        format!("{}/token", self.issuer(issuer))
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
        common::param(&query, "code").expect("a code")
    }

    /// A token request to `issuer` with `form`, the client authenticated as `auth` says.
    async fn token_call(
        &self,
        issuer: Issuer,
        auth: ClientAuth<'_>,
        form: &[(&str, &str)],
    ) -> Response {
        let request = self.http.post(self.token_url(issuer));
        let client_id = issuer.client_id();
        let request = match auth {
            ClientAuth::Basic(secret) => request.basic_auth(client_id, Some(secret)).form(form),
            ClientAuth::Post(secret) => {
                let mut form = form.to_vec();
                form.extend([("client_id", client_id), ("client_secret", secret)]);
                request.form(&form)
            }
            ClientAuth::None => request.form(form),
        };
        request.send().await.unwrap()
    }

    /// Exchanges `code` with HTTP Basic client authentication.
    async fn exchange(&self, issuer: Issuer, code: &str, verifier: &str) -> Response {
        let basic = ClientAuth::Basic(issuer.client_secret());
        let form = grant(code, REDIRECT_URI, verifier);
        self.token_call(issuer, basic, &form).await
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

/// How a token request authenticates its client: with this secret in HTTP Basic or in the form.
enum ClientAuth<'a> {
    Basic(&'a str),
    Post(&'a str),
    None,
}

/// The form of a code exchange.
fn grant<'a>(code: &'a str, redirect_uri: &'a str, verifier: &'a str) -> [(&'a str, &'a str); 4] {
    [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier),
    ]
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

fn without(mut params: Vec<(&'static str, String)>, name: &str) -> Vec<(&'static str, String)> {
    params.retain(|(n, _)| *n != name);
    params
}

/// Asserts a 303 to the registered redirect URI and returns its query.
fn redirect_query(response: &Response) -> Vec<(String, String)> {
    common::redirect_query(response, REDIRECT_URI)
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

/// Asserts an RFC 6749 §5.2 error answer with `status` and `error`.
async fn assert_oauth_error(response: Response, status: StatusCode, error: &str) {
    assert_eq!(response.status(), status);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert!(body["error_description"].is_string());
    assert_eq!(body["error"], error);
}
