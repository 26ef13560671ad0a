//! What a relying party reads before the login: discovery and the JWKS (health is in
//! `common`).

use crate::Mock;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::json;
use seteli_mocks::identification::Issuer;

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
        assert_eq!(doc["response_types_supported"], json!(["code"]));
        assert_eq!(doc["subject_types_supported"], json!(["public"]));
        assert_eq!(
            doc["id_token_signing_alg_values_supported"],
            json!(["RS256"])
        );
        assert_eq!(doc["code_challenge_methods_supported"], json!(["S256"]));
        assert_eq!(
            doc["token_endpoint_auth_methods_supported"],
            json!(["client_secret_basic", "client_secret_post"])
        );
        assert_eq!(doc["scopes_supported"], json!(["openid", "profile"]));
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
