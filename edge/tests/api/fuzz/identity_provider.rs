//! The identity provider's answers: the discovery document, token response, key set and
//! ID tokens, garbage or signed with any claims; and what fuzzing found there.

use super::*;
use seteli_mocks::identification::Issuer;

fn oidc_config() -> OidcConfig {
    IdentificationMock::oidc_config(Issuer::Citizen)
}

const OIDC_FIELDS: &[&str] = &[
    "issuer",
    "sub",
    "authorization_endpoint",
    "token_endpoint",
    "jwks_uri",
    "userinfo_endpoint",
    "id_token",
    "access_token",
    "token_type",
    "keys",
    "kty",
    "kid",
    "n",
    "e",
    "alg",
    "use",
];

/// "Now" for token checks: 2026-11-21 10:00 UTC, as in the other tests.
const NOW: i64 = 1_795_255_200;

#[test]
fn discovery_token_key_and_userinfo_answers_never_panic() {
    let rt = runtime();
    let config = oidc_config();
    let discovery: Discovery = serde_json::from_value(serde_json::json!({
        "issuer": config.issuer,
        "authorization_endpoint": format!("{}/authorize", config.issuer),
        "token_endpoint": format!("{}/token", config.issuer),
        "jwks_uri": format!("{}/jwks", config.issuer),
        "userinfo_endpoint": format!("{}/userinfo", config.issuer),
    }))
    .expect("a discovery document");
    let answers = (
        answer(OIDC_FIELDS),
        answer(OIDC_FIELDS),
        answer(OIDC_FIELDS),
    );
    fuzz(CASES, answers, |(first, second, third)| {
        rt.block_on(async {
            let http = Scripted::new(vec![first.clone()]);
            if let Ok(found) = oidc::discover(&http, &config).await {
                prop_assert_eq!(found.issuer, config.issuer.clone());
            }
            let http = Scripted::new(vec![first.clone()]);
            if let Ok(claims) = oidc::userinfo(&http, &discovery, "token", "subject-1").await {
                prop_assert_eq!(&claims["sub"], "subject-1");
            }
            let exchange = CodeExchange {
                code: "code-1",
                redirect_uri: "http://127.0.0.1:8787/api/auth/callback",
                code_verifier: "v",
                nonce: "n-1",
                now: NOW,
            };
            // No answer here is a token signed by the provider's key, so none may verify.
            let http = Scripted::new(vec![first.clone(), second.clone(), third.clone()]);
            prop_assert!(oidc::exchange_code(&http, &config, &discovery, &exchange)
                .await
                .is_err());
            let http = Scripted::new(vec![first, second, third]);
            prop_assert!(
                oidc::identify(&http, &config, &exchange, &["urn:oid:1.2.246.21"])
                    .await
                    .is_err()
            );
            Ok(())
        })
    });
}

fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A key set: keys of garbage, and sometimes the provider's real key.
fn jwks(real: Vec<Jwk>) -> impl Strategy<Value = Jwks> {
    let garbage_key = (
        prop_oneof![Just("RSA".to_owned()), any_text()],
        proptest::option::of(prop_oneof![Just("test".to_owned()), any_text()]),
        proptest::option::of(prop_oneof![
            any_text(),
            proptest::collection::vec(any::<u8>(), 0..600).prop_map(b64),
        ]),
        proptest::option::of(prop_oneof![
            any_text(),
            proptest::collection::vec(any::<u8>(), 0..12).prop_map(b64),
        ]),
    )
        .prop_map(|(kty, kid, n, e)| {
            serde_json::from_value::<Jwk>(
                serde_json::json!({"kty": kty, "kid": kid, "n": n, "e": e}),
            )
            .expect("a key of the set's shape")
        });
    (proptest::collection::vec(garbage_key, 0..3), any::<bool>()).prop_map(
        move |(mut keys, with_real)| {
            if with_real {
                keys.extend(real.iter().cloned());
            }
            Jwks { keys }
        },
    )
}

/// A token of garbage: any text, or three dot-separated parts of which each may be base64
/// of JSON, of bytes, or not base64 at all.
fn garbage_token() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        json_value(&["alg", "kid", "typ", "iss", "aud", "exp", "iat", "nonce"])
            .prop_map(|v| b64(v.to_string())),
        object_with(&["alg", "kid"]).prop_map(|v| b64(v.to_string())),
        Just(b64(r#"{"alg":"RS256","kid":"test"}"#)),
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(b64),
        any_text(),
    ];
    prop_oneof![
        1 => any_text(),
        4 => proptest::collection::vec(part, 1..5).prop_map(|parts| parts.join(".")),
    ]
}

#[test]
fn id_tokens_of_garbage_are_refused_without_panic() {
    let config = oidc_config();
    let real: Jwks =
        serde_json::from_value(IdentificationMock::key().jwks()).expect("the provider's key set");
    fuzz(
        CASES,
        (garbage_token(), jwks(real.keys)),
        |(token, jwks)| {
            prop_assert!(oidc::verify_id_token(&token, &jwks, &config, "n-1", NOW).is_err());
            Ok(())
        },
    );
}

/// Claims near a valid ID token's, each one sometimes replaced with anything.
fn claims() -> impl Strategy<Value = serde_json::Value> {
    let maybe = |good: serde_json::Value| {
        prop_oneof![
            3 => Just(Some(good)),
            1 => json_leaf().prop_map(Some),
            1 => Just(None),
        ]
    };
    let instant = |good: i64| {
        prop_oneof![
            3 => Just(Some(serde_json::Value::from(good))),
            1 => prop_oneof![
                Just(i64::MAX),
                Just(i64::MIN),
                Just(i64::MAX - 59),
                Just(NOW - 60),
                Just(NOW + 60),
                Just(NOW + 61),
                any::<i64>(),
            ]
            .prop_map(|t| Some(serde_json::Value::from(t))),
            1 => json_leaf().prop_map(Some),
        ]
    };
    (
        maybe(IdentificationMock::issuer(Issuer::Citizen).into()),
        maybe(serde_json::json!([Issuer::Citizen.client_id(), "other"])),
        instant(NOW + 300),
        instant(NOW),
        maybe("n-1".into()),
        maybe("010280-952L".into()),
        maybe("subject-1".into()),
    )
        .prop_map(|(iss, aud, exp, iat, nonce, hetu, sub)| {
            let mut claims = serde_json::Map::new();
            for (name, value) in [
                ("iss", iss),
                ("aud", aud),
                ("exp", exp),
                ("iat", iat),
                ("nonce", nonce),
                ("urn:oid:1.2.246.21", hetu),
                ("sub", sub),
            ] {
                if let Some(value) = value {
                    claims.insert(name.into(), value);
                }
            }
            serde_json::Value::Object(claims)
        })
}

#[test]
fn signed_id_tokens_with_any_claims_verify_only_for_us() {
    let config = oidc_config();
    let key = IdentificationMock::key();
    let jwks: Jwks = serde_json::from_value(key.jwks()).expect("the key set");
    fuzz(SLOW_CASES, claims(), |claims| {
        let token = key.sign_jwt(&claims).expect("signed");
        if let Ok(verified) = oidc::verify_id_token(&token, &jwks, &config, "n-1", NOW) {
            prop_assert_eq!(
                &verified["iss"],
                &IdentificationMock::issuer(Issuer::Citizen)
            );
            prop_assert_eq!(&verified["nonce"], "n-1");
            let exp = verified["exp"].as_i64().expect("a number");
            prop_assert!(NOW < exp.saturating_add(60));
        }
        Ok(())
    });
}

// ---- What fuzzing found, kept as regression tests ----

#[test]
fn a_signed_token_that_expires_at_the_end_of_time_is_checked_without_overflow() {
    // Found by `signed_id_tokens_with_any_claims_verify_only_for_us`: `exp + 60 s` overflowed
    // an i64 and panicked in debug builds (in the Worker's release build it wrapped, and the
    // token was refused as expired). Only the provider's own key could sign such a token.
    let key = IdentificationMock::key();
    let jwks: Jwks = serde_json::from_value(key.jwks()).expect("the key set");
    let token = key
        .sign_jwt(&serde_json::json!({
            "iss": IdentificationMock::issuer(Issuer::Citizen),
            "aud": Issuer::Citizen.client_id(),
            "sub": "subject-1",
            "exp": i64::MAX - 59,
            "iat": NOW,
            "nonce": "n-1",
        }))
        .expect("signed");
    let verified = oidc::verify_id_token(&token, &jwks, &oidc_config(), "n-1", NOW);
    assert_eq!(
        verified.map(|claims| claims["exp"].clone()),
        Ok(serde_json::json!(i64::MAX - 59))
    );
}
