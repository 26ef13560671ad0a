//! The ID token checks, on tokens signed with the identification mock's key: the signature,
//! audience, issuer, nonce and times, and what a certified OpenID library checks too (`kid`,
//! `azp`, the keys' `use` and `alg`, a subject).

use crate::helpers::IdentificationMock;
use seteli_edge::oidc::{verify_id_token, Jwks, OidcConfig, TokenError};
use seteli_mocks::identification::Issuer;

const NOW: i64 = 1_800_000_000;

fn issuer() -> String {
    IdentificationMock::issuer(Issuer::Citizen)
}

fn config() -> OidcConfig {
    OidcConfig {
        issuer: issuer(),
        client_id: Issuer::Citizen.client_id().into(),
        client_secret: String::new(),
    }
}

fn claims(now: i64) -> serde_json::Value {
    serde_json::json!({"iss": issuer(), "aud": Issuer::Citizen.client_id(), "sub": "s",
                       "iat": now, "exp": now + 600, "nonce": "n-1"})
}

/// `claims` signed by the mock's key, with its `kid`.
fn sign(claims: &serde_json::Value) -> String {
    IdentificationMock::key().sign_jwt(claims).unwrap()
}

/// `claims` signed by the mock's key under a header without `kid`.
fn without_kid(claims: &serde_json::Value) -> String {
    IdentificationMock::key()
        .sign_with_header(&serde_json::json!({"alg": "RS256", "typ": "JWT"}), claims)
        .unwrap()
}

/// The mock's one key, with `changes` made to it, plus `more` keys.
fn jwks(changes: serde_json::Value, more: &[serde_json::Value]) -> Jwks {
    let mut set = IdentificationMock::key().jwks();
    let key = &mut set["keys"][0];
    for (name, value) in changes.as_object().unwrap() {
        key[name] = value.clone();
    }
    let mut keys = set["keys"].as_array().unwrap().clone();
    keys.extend(more.iter().cloned());
    serde_json::from_value(serde_json::json!({ "keys": keys })).unwrap()
}

/// Another key entry (the same modulus under another id is enough to be "another key").
fn another_key(changes: serde_json::Value) -> serde_json::Value {
    let mut key = IdentificationMock::key().jwks()["keys"][0].clone();
    key["kid"] = "other".into();
    for (name, value) in changes.as_object().unwrap() {
        key[name] = value.clone();
    }
    key
}

fn verify_with(token: &str, jwks: &Jwks) -> Result<(), TokenError> {
    verify_id_token(token, jwks, &config(), "n-1", NOW).map(|_| ())
}

fn verify(token: &str, now: i64) -> Result<(), TokenError> {
    let jwks = jwks(serde_json::json!({}), &[]);
    verify_id_token(token, &jwks, &config(), "n-1", now).map(|_| ())
}

#[test]
fn a_well_formed_token_verifies() {
    let token = sign(&claims(NOW));
    assert_eq!(verify(&token, NOW), Ok(()));
}

#[test]
fn a_changed_payload_breaks_the_signature() {
    let token = sign(&claims(NOW));
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut forged = claims(NOW);
    forged["sub"] = "someone-else".into();
    parts[1] = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        forged.to_string(),
    );
    assert_eq!(verify(&parts.join("."), NOW), Err(TokenError::BadSignature));
}

#[test]
fn wrong_audience_expiry_nonce_and_algorithm_are_refused() {
    let with = |name: &str, value: serde_json::Value| {
        let mut c = claims(NOW);
        c[name] = value;
        sign(&c)
    };
    assert_eq!(
        verify(&with("aud", "other".into()), NOW),
        Err(TokenError::WrongAudience)
    );
    assert_eq!(
        verify(&with("aud", serde_json::json!(["a", "seteli-local"])), NOW),
        Ok(())
    );
    assert_eq!(
        verify(&with("iss", "http://evil".into()), NOW),
        Err(TokenError::WrongIssuer)
    );
    assert_eq!(
        verify(&with("nonce", "n-2".into()), NOW),
        Err(TokenError::WrongNonce)
    );
    assert_eq!(
        verify(&with("exp", (NOW - 61).into()), NOW),
        Err(TokenError::Expired)
    );
    assert_eq!(
        verify(&with("iat", (NOW + 3600).into()), NOW),
        Err(TokenError::IssuedInTheFuture)
    );
    let unsigned = format!(
        "{}.{}.",
        base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            r#"{"alg":"none"}"#
        ),
        base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            claims(NOW).to_string()
        )
    );
    assert_eq!(
        verify(&unsigned, NOW),
        Err(TokenError::UnsupportedAlgorithm)
    );
    assert_eq!(verify("not.a.jwt.at-all", NOW), Err(TokenError::Malformed));
}

#[test]
fn a_token_without_kid_is_refused_when_the_jwks_has_several_signing_keys() {
    let set = jwks(serde_json::json!({}), &[another_key(serde_json::json!({}))]);

    assert_eq!(
        verify_with(&without_kid(&claims(NOW)), &set),
        Err(TokenError::AmbiguousKey)
    );
    // With its kid, the same token's key is found among several.
    assert_eq!(verify_with(&sign(&claims(NOW)), &set), Ok(()));
}

#[test]
fn a_token_without_kid_verifies_against_the_only_signing_key_of_the_set() {
    let only = jwks(serde_json::json!({}), &[]);
    let beside_an_encryption_key = jwks(
        serde_json::json!({}),
        &[another_key(serde_json::json!({"use": "enc"}))],
    );
    let no_use_or_alg = jwks(serde_json::json!({"use": null, "alg": null}), &[]);

    for set in [only, beside_an_encryption_key, no_use_or_alg] {
        assert_eq!(verify_with(&without_kid(&claims(NOW)), &set), Ok(()));
    }
}

#[test]
fn a_key_for_encryption_or_for_another_algorithm_never_verifies_a_token() {
    let token = sign(&claims(NOW));
    for changes in [
        serde_json::json!({"use": "enc"}),
        serde_json::json!({"alg": "RS512"}),
        serde_json::json!({"alg": "PS256"}),
    ] {
        assert_eq!(
            verify_with(&token, &jwks(changes.clone(), &[])),
            Err(TokenError::UnknownKey),
            "{changes}"
        );
        assert_eq!(
            verify_with(&without_kid(&claims(NOW)), &jwks(changes.clone(), &[])),
            Err(TokenError::UnknownKey),
            "{changes}, no kid"
        );
    }
}

#[test]
fn an_azp_other_than_our_client_is_refused() {
    let set = jwks(serde_json::json!({}), &[]);
    let client = Issuer::Citizen.client_id();
    let with_azp = |azp: serde_json::Value| {
        let mut c = claims(NOW);
        c["aud"] = serde_json::json!([client, "another-client"]);
        c["azp"] = azp;
        sign(&c)
    };

    assert_eq!(
        verify_with(&with_azp("another-client".into()), &set),
        Err(TokenError::WrongAuthorizedParty)
    );
    assert_eq!(
        verify_with(&with_azp(serde_json::json!(7)), &set),
        Err(TokenError::WrongAuthorizedParty)
    );
    assert_eq!(verify_with(&with_azp(client.into()), &set), Ok(()));
}

#[test]
fn a_token_without_a_subject_is_refused() {
    let mut c = claims(NOW);
    c.as_object_mut().unwrap().remove("sub");
    assert_eq!(
        verify_with(&sign(&c), &jwks(serde_json::json!({}), &[])),
        Err(TokenError::Malformed)
    );
}
