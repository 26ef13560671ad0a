//! `{iss}/userinfo`, the access token's lifetime on the mock's clock, and where the subject's
//! claims go (`--claims-in`, `/dev/claims-in`).

use crate::{person, staff, Mock, NONCE};
use reqwest::StatusCode;
use serde_json::json;
use seteli_mocks::cast;
use seteli_mocks::identification::{ClaimsIn, Issuer};

/// Claims about the subject, as opposed to the protocol's own.
const SUBJECT_CLAIMS: [&str; 8] = [
    "given_name",
    "family_name",
    "name",
    "urn:oid:1.2.246.21",
    "email",
    "preferred_username",
    "organiser",
    "roles",
];

#[tokio::test]
async fn tokens_are_stamped_with_the_mocks_clock_and_userinfo_ends_with_the_token() {
    let mock = Mock::start().await;
    mock.clock.set_offset_seconds(-86_400);
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
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
async fn userinfo_gives_the_same_subject_and_claims_as_the_id_token() {
    let mock = Mock::start().await;
    let anni = cast::person("Anni").code();

    let (id_token, userinfo) = mock.claims_both_ways(Issuer::Citizen, person("Anni")).await;

    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["urn:oid:1.2.246.21"], anni);
    assert_eq!(id_token["urn:oid:1.2.246.21"], anni);
    assert_eq!(userinfo["given_name"], "Anni Emilia");
    assert_eq!(userinfo["family_name"], "Kumpulainen");
    for protocol in ["iss", "aud", "nonce", "exp"] {
        assert!(userinfo.get(protocol).is_none(), "{protocol}");
    }
}

#[tokio::test]
async fn with_claims_in_userinfo_a_citizens_id_token_has_only_the_protocols_claims() {
    let mock = Mock::start_with(ClaimsIn::Userinfo).await;

    let (id_token, userinfo) = mock.claims_both_ways(Issuer::Citizen, person("Anni")).await;

    for claim in SUBJECT_CLAIMS {
        assert!(id_token.get(claim).is_none(), "{claim} in the ID token");
    }
    assert_eq!(id_token["nonce"], NONCE);
    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["urn:oid:1.2.246.21"], cast::person("Anni").code());
    assert_eq!(userinfo["given_name"], "Anni Emilia");
    assert_eq!(userinfo["family_name"], "Kumpulainen");
}

#[tokio::test]
async fn with_claims_in_userinfo_staff_get_organiser_and_roles_only_there() {
    let mock = Mock::start_with(ClaimsIn::Userinfo).await;

    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Staff, staff("valtuushallinnoija"))
        .await;

    for claim in SUBJECT_CLAIMS {
        assert!(id_token.get(claim).is_none(), "{claim} in the ID token");
    }
    assert_eq!(userinfo["sub"], id_token["sub"]);
    assert_eq!(userinfo["organiser"], "ita-uusimaa");
    assert_eq!(
        userinfo["roles"],
        json!(["customer_service", "authorisation_admin"])
    );
    assert_eq!(userinfo["preferred_username"], "valtuushallinnoija");
    assert!(userinfo.get("urn:oid:1.2.246.21").is_none());
}

#[tokio::test]
async fn userinfo_refuses_a_missing_unknown_or_other_issuers_token() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
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
        json!({"claims_in": "id-token"})
    );

    let set = mock
        .post_json("/dev/claims-in", json!({"claims_in": "userinfo"}))
        .await;
    let bad = mock
        .post_json("/dev/claims-in", json!({"claims_in": "both"}))
        .await;

    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        mock.get_json(&switch).await,
        json!({"claims_in": "userinfo"})
    );
    let (id_token, userinfo) = mock
        .claims_both_ways(Issuer::Citizen, person("Eeva-Liisa"))
        .await;
    assert!(id_token.get("urn:oid:1.2.246.21").is_none());
    assert_eq!(
        userinfo["urn:oid:1.2.246.21"],
        cast::person("Eeva-Liisa").code()
    );
}
