//! The ID token: the provider's key set and the verification of a token's signature and
//! claims.

use super::OidcConfig;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde::Deserialize;
use sha2::Sha256;

/// The provider's JSON Web Key Set.
#[derive(Debug, Clone, Deserialize)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// One key of the set (unknown members are ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    /// `sig` or `enc` (RFC 7517 §4.2); absent means either.
    #[serde(default, rename = "use")]
    pub key_use: Option<String>,
    /// The one algorithm the key is for (RFC 7517 §4.4); absent means any.
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
}

impl Jwk {
    /// Whether the key may verify an RS256 signature: an RSA key, not marked for encryption
    /// only, not bound to another algorithm.
    pub fn verifies_rs256(&self) -> bool {
        self.kty == "RSA"
            && self.key_use.as_deref().is_none_or(|u| u == "sig")
            && self.alg.as_deref().is_none_or(|a| a == "RS256")
    }
}

/// Why an ID token was refused. Never holds claim values (they may hold identity codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    UnsupportedAlgorithm,
    /// No RS256 signing key of the set has the token's `kid`, or the set has none at all.
    UnknownKey,
    /// The token names no `kid` and the set has more than one RS256 signing key.
    AmbiguousKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    /// `azp` is present and is not our client.
    WrongAuthorizedParty,
    Expired,
    IssuedInTheFuture,
    WrongNonce,
}

impl TokenError {
    /// A fixed description for the log.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenError::Malformed => "malformed",
            TokenError::UnsupportedAlgorithm => "not RS256",
            TokenError::UnknownKey => "signed with a key not in the JWKS",
            TokenError::AmbiguousKey => "no kid, and the JWKS has several keys",
            TokenError::BadSignature => "signature does not verify",
            TokenError::WrongIssuer => "from another issuer",
            TokenError::WrongAudience => "for another audience",
            TokenError::WrongAuthorizedParty => "authorised for another party (azp)",
            TokenError::Expired => "expired",
            TokenError::IssuedInTheFuture => "issued in the future",
            TokenError::WrongNonce => "nonce does not match",
        }
    }
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Aud {
    One(String),
    Many(Vec<String>),
}

/// Seconds of clock difference tolerated between us and the provider.
const LEEWAY_SECS: i64 = 60;

/// Verifies an ID token's RS256 signature against the provider's keys and its issuer,
/// audience, expiry, issue time and nonce at `now` (Unix seconds); returns its claims.
pub fn verify_id_token(
    token: &str,
    jwks: &Jwks,
    config: &OidcConfig,
    nonce: &str,
    now: i64,
) -> Result<serde_json::Map<String, serde_json::Value>, TokenError> {
    let mut parts = token.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let decode = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| TokenError::Malformed)
    };
    let header: Header =
        serde_json::from_slice(&decode(header_b64)?).map_err(|_| TokenError::Malformed)?;
    if header.alg != "RS256" {
        return Err(TokenError::UnsupportedAlgorithm);
    }
    let mut usable = jwks.keys.iter().filter(|k| k.verifies_rs256());
    let key = match &header.kid {
        Some(kid) => usable.find(|k| k.kid.as_ref() == Some(kid)),
        // OpenID Connect Core §10.1: without a `kid` only a set of one key is unambiguous.
        None => match (usable.next(), usable.next()) {
            (Some(_), Some(_)) => return Err(TokenError::AmbiguousKey),
            (only, None) => only,
            (None, Some(_)) => None,
        },
    }
    .ok_or(TokenError::UnknownKey)?;
    let (Some(n), Some(e)) = (&key.n, &key.e) else {
        return Err(TokenError::UnknownKey);
    };
    let public = RsaPublicKey::new(
        BigUint::from_bytes_be(&decode(n)?),
        BigUint::from_bytes_be(&decode(e)?),
    )
    .map_err(|_| TokenError::UnknownKey)?;
    let signature = Signature::try_from(decode(signature_b64)?.as_slice())
        .map_err(|_| TokenError::Malformed)?;
    let signed = &token[..header_b64.len() + 1 + payload_b64.len()];
    VerifyingKey::<Sha256>::new(public)
        .verify(signed.as_bytes(), &signature)
        .map_err(|_| TokenError::BadSignature)?;

    let claims: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&decode(payload_b64)?).map_err(|_| TokenError::Malformed)?;
    if claims.get("iss").and_then(|v| v.as_str()) != Some(config.issuer.as_str()) {
        return Err(TokenError::WrongIssuer);
    }
    let audience_ok = match claims
        .get("aud")
        .cloned()
        .map(serde_json::from_value::<Aud>)
    {
        Some(Ok(Aud::One(a))) => a == config.client_id,
        Some(Ok(Aud::Many(list))) => list.contains(&config.client_id),
        _ => false,
    };
    if !audience_ok {
        return Err(TokenError::WrongAudience);
    }
    // OpenID Connect Core §3.1.3.7: when `azp` is there, it must be us.
    if claims
        .get("azp")
        .is_some_and(|azp| azp.as_str() != Some(config.client_id.as_str()))
    {
        return Err(TokenError::WrongAuthorizedParty);
    }
    if claims
        .get("sub")
        .and_then(|v| v.as_str())
        .is_none_or(str::is_empty)
    {
        return Err(TokenError::Malformed);
    }
    let exp = claims
        .get("exp")
        .and_then(|v| v.as_i64())
        .ok_or(TokenError::Malformed)?;
    if now >= exp.saturating_add(LEEWAY_SECS) {
        return Err(TokenError::Expired);
    }
    let iat = claims
        .get("iat")
        .and_then(|v| v.as_i64())
        .ok_or(TokenError::Malformed)?;
    if iat > now + LEEWAY_SECS {
        return Err(TokenError::IssuedInTheFuture);
    }
    let token_nonce = claims
        .get("nonce")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    if !crate::crypto::constant_time_eq(token_nonce, nonce) {
        return Err(TokenError::WrongNonce);
    }
    Ok(claims)
}
