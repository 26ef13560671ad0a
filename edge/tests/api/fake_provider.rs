//! A minimal OpenID Connect provider behind the edge's `Outbound` seam: discovery, JWKS and
//! a token endpoint that checks client authentication and PKCE and signs ID tokens with
//! the identification mock's test key. The browser tests use the real mock over HTTP; this
//! one lets native tests drive every branch of the callback, clock included.

use crate::valtuudet_mock::ValtuudetMock;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use seteli_edge::outbound::{Outbound, OutboundError, OutboundRequest, OutboundResponse};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

pub const ISSUER: &str = "http://idp.test/citizen";
pub const CLIENT_ID: &str = "seteli-local";
pub const CLIENT_SECRET: &str = "seteli-local-secret";
const KEY_PEM: &str = include_str!("../../../mocks/keys/identification-test-key.pem");

/// What the provider will put in the ID token for a code.
#[derive(Clone)]
pub struct Grant {
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub nonce: String,
    pub code_challenge: String,
}

pub struct FakeProvider {
    key: RsaPrivateKey,
    grants: Mutex<HashMap<String, Grant>>,
    /// Unix seconds the provider stamps into tokens.
    pub now: Mutex<i64>,
    /// When false, every call fails as if the provider were down.
    pub up: Mutex<bool>,
    /// Claims to override in the next ID token (e.g. a wrong audience).
    pub tamper: Mutex<Vec<(String, serde_json::Value)>>,
    /// Suomi.fi-valtuudet, when the test deployment has it.
    pub valtuudet: Option<ValtuudetMock>,
}

impl FakeProvider {
    pub fn new(now: i64) -> Self {
        Self {
            key: RsaPrivateKey::from_pkcs8_pem(KEY_PEM).expect("the mock's test key"),
            grants: Mutex::new(HashMap::new()),
            now: Mutex::new(now),
            up: Mutex::new(true),
            tamper: Mutex::new(Vec::new()),
            valtuudet: None,
        }
    }

    /// What the provider's login page does when a person picks an identity: issues a code.
    pub fn grant(&self, code: &str, grant: Grant) {
        self.grants.lock().unwrap().insert(code.to_owned(), grant);
    }

    /// Signs claims as an RS256 JWT with the test key.
    pub fn sign(&self, claims: &serde_json::Value) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256","typ":"JWT","kid":"test"}"#);
        let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
        let input = format!("{header}.{payload}");
        let signature = SigningKey::<Sha256>::new(self.key.clone()).sign(input.as_bytes());
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }

    pub fn jwks(&self) -> serde_json::Value {
        let public = self.key.to_public_key();
        serde_json::json!({"keys": [{
            "kty": "RSA", "kid": "test", "alg": "RS256", "use": "sig",
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        }]})
    }

    fn token(&self, request: &OutboundRequest) -> OutboundResponse {
        let error = |status: u16, error: &str| OutboundResponse {
            status,
            body: serde_json::json!({ "error": error }).to_string(),
        };
        let basic = format!(
            "Basic {}",
            STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
        );
        if !request
            .headers
            .iter()
            .any(|(k, v)| k == "authorization" && *v == basic)
        {
            return error(401, "invalid_client");
        }
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(request.body.as_deref().unwrap_or_default().as_bytes())
                .into_owned()
                .collect();
        // Codes are single-use.
        let Some(grant) = form
            .get("code")
            .and_then(|c| self.grants.lock().unwrap().remove(c))
        else {
            return error(400, "invalid_grant");
        };
        let verifier = form.get("code_verifier").cloned().unwrap_or_default();
        if URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) != grant.code_challenge {
            return error(400, "invalid_grant");
        }
        let now = *self.now.lock().unwrap();
        let mut claims = serde_json::json!({
            "iss": ISSUER, "aud": CLIENT_ID, "sub": format!("sub-{}", grant.given_name),
            "iat": now, "exp": now + 600, "nonce": grant.nonce,
            "given_name": grant.given_name, "family_name": grant.family_name,
            "urn:oid:1.2.246.21": grant.hetu,
        });
        for (name, value) in self.tamper.lock().unwrap().drain(..) {
            claims[name] = value;
        }
        OutboundResponse {
            status: 200,
            body: serde_json::json!({"access_token": "at", "token_type": "Bearer", "id_token": self.sign(&claims)})
                .to_string(),
        }
    }
}

impl Outbound for FakeProvider {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, OutboundError> {
        if let Some(valtuudet) = &self.valtuudet {
            if request.url.starts_with(crate::valtuudet_mock::BASE_URL) {
                return valtuudet.send(request).await;
            }
        }
        if !*self.up.lock().unwrap() {
            return Err(OutboundError("connection refused".into()));
        }
        let json = |value: serde_json::Value| {
            Ok(OutboundResponse {
                status: 200,
                body: value.to_string(),
            })
        };
        match request.url.as_str() {
            "http://idp.test/citizen/.well-known/openid-configuration" => json(serde_json::json!({
                "issuer": ISSUER,
                "authorization_endpoint": format!("{ISSUER}/authorize"),
                "token_endpoint": format!("{ISSUER}/token"),
                "jwks_uri": format!("{ISSUER}/jwks"),
                "extra_field_to_ignore": true,
            })),
            "http://idp.test/citizen/jwks" => json(self.jwks()),
            "http://idp.test/citizen/token" => Ok(self.token(&request)),
            other => Ok(OutboundResponse {
                status: 404,
                body: format!("no {other}"),
            }),
        }
    }
}
