//! The mock's RS256 signing key: a committed test key, its public part as a JWK, and compact
//! JWS signing for ID tokens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rsa::pkcs1v15;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The committed 2048-bit TEST key (see `mocks/README.md`). Loading it is fast even in debug
/// builds, unlike generating one at start-up. It protects nothing: anyone can read it.
const TEST_KEY_PEM: &str = include_str!("../../keys/identification-test-key.pem");

/// Why a key could not be loaded or a token signed.
#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error("the signing key is not a PKCS#8 PEM RSA private key: {0}")]
    Key(#[from] rsa::pkcs8::Error),
    #[error("the token claims could not be serialised: {0}")]
    Claims(#[from] serde_json::Error),
    #[error("RSA signing failed: {0}")]
    Sign(#[from] rsa::signature::Error),
}

/// An RS256 signing key with its key id. The key id is the key's RFC 7638 JWK thumbprint, so it
/// changes exactly when the key does.
pub struct SigningKey {
    key: pkcs1v15::SigningKey<Sha256>,
    n: String,
    e: String,
    kid: String,
}

impl SigningKey {
    /// The committed test key.
    pub fn test_key() -> Result<Self, SigningError> {
        Self::from_pkcs8_pem(TEST_KEY_PEM)
    }

    /// A key from a PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`, as `openssl genrsa` writes).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, SigningError> {
        let private = RsaPrivateKey::from_pkcs8_pem(pem)?;
        let n = URL_SAFE_NO_PAD.encode(private.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(private.e().to_bytes_be());
        // RFC 7638: the required members in lexicographic order, no whitespace.
        let canonical = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let kid = URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()));
        Ok(Self {
            key: pkcs1v15::SigningKey::new(private),
            n,
            e,
            kid,
        })
    }

    /// The key id put in every token header and in the JWKS.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The JSON Web Key Set with the public half of this key, as served at `{iss}/jwks`.
    pub fn jwks(&self) -> Value {
        json!({
            "keys": [{
                "kty": "RSA",
                "use": "sig",
                "alg": "RS256",
                "kid": self.kid,
                "n": self.n,
                "e": self.e,
            }]
        })
    }

    /// Signs `claims` as a compact JWS: `BASE64URL(header).BASE64URL(claims).BASE64URL(sig)`,
    /// with header `{"alg":"RS256","typ":"JWT","kid":..}`.
    pub fn sign_jwt(&self, claims: &impl Serialize) -> Result<String, SigningError> {
        self.sign_with_header(
            &json!({ "alg": "RS256", "typ": "JWT", "kid": self.kid }),
            claims,
        )
    }

    /// Signs `claims` with RS256 under any JOSE `header`, as it is (e.g. one without `kid`,
    /// for tests of how a relying party picks the key).
    pub fn sign_with_header(
        &self,
        header: &Value,
        claims: &impl Serialize,
    ) -> Result<String, SigningError> {
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(header)?),
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims)?)
        );
        let signature = self.key.try_sign(signing_input.as_bytes())?;
        Ok(format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::signature::Verifier;
    use rsa::{BigUint, RsaPublicKey};

    #[test]
    fn the_committed_test_key_loads_and_is_2048_bits() {
        let key = SigningKey::test_key().unwrap();
        assert_eq!(URL_SAFE_NO_PAD.decode(&key.n).unwrap().len(), 256);
        assert_eq!(key.e, "AQAB");
    }

    #[test]
    fn a_signed_token_verifies_with_the_public_key_from_the_jwks() {
        let key = SigningKey::test_key().unwrap();
        let token = key.sign_jwt(&json!({ "sub": "x" })).unwrap();
        let jwk = &key.jwks()["keys"][0];
        let decode = |v: &Value| URL_SAFE_NO_PAD.decode(v.as_str().unwrap()).unwrap();
        let public = RsaPublicKey::new(
            BigUint::from_bytes_be(&decode(&jwk["n"])),
            BigUint::from_bytes_be(&decode(&jwk["e"])),
        )
        .unwrap();
        let (input, sig) = token.rsplit_once('.').unwrap();
        let sig =
            pkcs1v15::Signature::try_from(URL_SAFE_NO_PAD.decode(sig).unwrap().as_slice()).unwrap();
        pkcs1v15::VerifyingKey::<Sha256>::new(public)
            .verify(input.as_bytes(), &sig)
            .unwrap();
    }
}
