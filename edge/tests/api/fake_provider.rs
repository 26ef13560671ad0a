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
    /// When true, the claims about the person (names, identity code, municipality, roles,
    /// username) are left out of the ID token and served only by `userinfo`.
    pub claims_only_in_userinfo: Mutex<bool>,
    /// Claims to override in the next `userinfo` answer (e.g. another `sub`).
    pub userinfo_tamper: Mutex<Vec<(String, serde_json::Value)>>,
    /// What `userinfo` answers for each access token issued.
    userinfo: Mutex<HashMap<String, serde_json::Value>>,
    /// Canned answers `(status, body)` by URL, in place of the provider's own.
    pub answers: Mutex<HashMap<String, (u16, String)>>,
    /// Every URL called, in order.
    pub calls: Mutex<Vec<String>>,
}

/// The ID token's own claims, which stay in it when the others move to `userinfo`.
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

impl FakeProvider {
    pub fn new(now: i64) -> Self {
        Self {
            key: RsaPrivateKey::from_pkcs8_pem(KEY_PEM).expect("the mock's test key"),
            grants: Mutex::new(HashMap::new()),
            now: Mutex::new(now),
            up: Mutex::new(true),
            tamper: Mutex::new(Vec::new()),
            valtuudet: None,
            claims_only_in_userinfo: Mutex::new(false),
            userinfo_tamper: Mutex::new(Vec::new()),
            userinfo: Mutex::new(HashMap::new()),
            answers: Mutex::new(HashMap::new()),
            calls: Mutex::new(Vec::new()),
        }
    }

    /// Whether `userinfo` has been asked.
    pub fn userinfo_was_called(&self) -> bool {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .any(|url| url == &format!("{ISSUER}/userinfo"))
    }

    /// What the provider's login page does when a person picks an identity: issues a code.
    pub fn grant(&self, code: &str, grant: Grant) {
        self.grants.lock().unwrap().insert(code.to_owned(), grant);
    }

    /// Signs claims as an RS256 JWT with the test key.
    pub fn sign(&self, claims: &serde_json::Value) -> String {
        self.sign_with_header(
            &serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": "test"}),
            claims,
        )
    }

    /// Signs claims with the test key under any JOSE header (e.g. one without `kid`).
    pub fn sign_with_header(
        &self,
        header: &serde_json::Value,
        claims: &serde_json::Value,
    ) -> String {
        let header = URL_SAFE_NO_PAD.encode(header.to_string());
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
        let mut userinfo = serde_json::Map::new();
        if let Some(all) = claims.as_object_mut() {
            userinfo = all.clone();
            userinfo.retain(|name, _| name == "sub" || !PROTOCOL_CLAIMS.contains(&name.as_str()));
            if *self.claims_only_in_userinfo.lock().unwrap() {
                all.retain(|name, _| PROTOCOL_CLAIMS.contains(&name.as_str()));
            }
        }
        for (name, value) in self.userinfo_tamper.lock().unwrap().drain(..) {
            userinfo.insert(name, value);
        }
        let access_token = format!("at-{}", form.get("code").cloned().unwrap_or_default());
        self.userinfo
            .lock()
            .unwrap()
            .insert(access_token.clone(), userinfo.into());
        OutboundResponse {
            status: 200,
            body: serde_json::json!({"access_token": access_token, "token_type": "Bearer", "id_token": self.sign(&claims)})
                .to_string(),
        }
    }

    /// `userinfo`: the claims for the bearer token, 401 for any other.
    fn userinfo(&self, request: &OutboundRequest) -> OutboundResponse {
        let claims = request
            .headers
            .iter()
            .find(|(k, _)| k == "authorization")
            .and_then(|(_, v)| v.strip_prefix("Bearer "))
            .and_then(|token| self.userinfo.lock().unwrap().get(token).cloned());
        match claims {
            Some(claims) => OutboundResponse {
                status: 200,
                body: claims.to_string(),
            },
            None => OutboundResponse {
                status: 401,
                body: r#"{"error":"invalid_token"}"#.into(),
            },
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
        self.calls.lock().unwrap().push(request.url.clone());
        if let Some((status, body)) = self.answers.lock().unwrap().get(&request.url).cloned() {
            return Ok(OutboundResponse { status, body });
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
                "userinfo_endpoint": format!("{ISSUER}/userinfo"),
                "extra_field_to_ignore": true,
            })),
            "http://idp.test/citizen/jwks" => json(self.jwks()),
            "http://idp.test/citizen/token" => Ok(self.token(&request)),
            "http://idp.test/citizen/userinfo" => Ok(self.userinfo(&request)),
            other => Ok(OutboundResponse {
                status: 404,
                body: format!("no {other}"),
            }),
        }
    }
}
