//! `{iss}/token`: the code exchange with PKCE, client authentication, and the signed ID
//! token's claims for citizens and staff.

use crate::common::{has_testid, param};
use crate::{assert_oauth_error, grant, person, request, staff, ClientAuth, Mock};
use crate::{NONCE, REDIRECT_URI, STATE, VERIFIER};
use reqwest::{Response, StatusCode};
use serde_json::json;
use seteli_mocks::cast;
use seteli_mocks::identification::{people, Issuer};

/// The citizen issuer's client secret, and a wrong one.
const CLIENT_SECRET: &str = "seteli-local-secret";
const WRONG_SECRET: &str = "wrong-secret";

/// Logs Mikko in as a citizen; `spoil` then uses the code as the test says, and the exchange
/// it answers with must be refused as `invalid_grant`.
async fn refused_as_invalid_grant(spoil: impl AsyncFnOnce(&Mock, &str) -> Response) {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let response = spoil(&mock, &code).await;
    assert_oauth_error(response, StatusCode::BAD_REQUEST, "invalid_grant").await;
}

#[tokio::test]
async fn a_citizen_login_with_pkce_yields_a_signed_id_token_with_the_persons_claims() {
    let mock = Mock::start().await;
    let anni = cast::person("Anni").code();
    let query = mock.login(Issuer::Citizen, person("Anni")).await;
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
    assert_eq!(claims["urn:oid:1.2.246.21"], anni);
    let sub = claims["sub"].as_str().unwrap();
    // Not even the date of birth shows through.
    assert!(!sub.contains(&anni[..6]));
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap(),
        claims["exp"].as_u64().unwrap(),
    );
    assert_eq!(exp, iat + 600);
    assert!(claims["auth_time"].as_u64().unwrap() <= iat);

    // The same person gets the same subject next time.
    let again = mock.code_for(Issuer::Citizen, person("Anni")).await;
    assert_eq!(
        mock.id_token_claims(Issuer::Citizen, &again).await["sub"],
        sub
    );
}

#[tokio::test]
async fn client_secret_post_authenticates_the_client_too() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Eeva-Liisa")).await;
    let form = grant(&code, REDIRECT_URI, VERIFIER);
    let post = ClientAuth::Post(CLIENT_SECRET);
    let response = mock.token_call(Issuer::Citizen, post, &form).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_code_works_only_once() {
    refused_as_invalid_grant(async |mock, code| {
        let first = mock.exchange(Issuer::Citizen, code, VERIFIER).await;
        assert_eq!(first.status(), StatusCode::OK);
        mock.exchange(Issuer::Citizen, code, VERIFIER).await
    })
    .await;
}

#[tokio::test]
async fn a_code_expires_sixty_seconds_after_the_login_on_the_mocks_clock() {
    refused_as_invalid_grant(async |mock, code| {
        mock.clock.set_offset_seconds(61);
        mock.exchange(Issuer::Citizen, code, VERIFIER).await
    })
    .await;
}

#[tokio::test]
async fn a_wrong_code_verifier_is_an_invalid_grant() {
    let wrong = "another-verifier-of-at-least-forty-three-characters-0123456789";
    refused_as_invalid_grant(async |mock, code| mock.exchange(Issuer::Citizen, code, wrong).await)
        .await;
}

#[tokio::test]
async fn an_unknown_code_or_another_redirect_uri_is_an_invalid_grant() {
    refused_as_invalid_grant(async |mock, code| {
        let unknown = mock
            .exchange(Issuer::Citizen, "no-such-code", VERIFIER)
            .await;
        assert_oauth_error(unknown, StatusCode::BAD_REQUEST, "invalid_grant").await;
        let form = grant(code, "http://127.0.0.1:43353/other", VERIFIER);
        let basic = ClientAuth::Basic(CLIENT_SECRET);
        mock.token_call(Issuer::Citizen, basic, &form).await
    })
    .await;
}

#[tokio::test]
async fn a_code_from_the_citizen_issuer_is_refused_by_the_staff_issuer() {
    refused_as_invalid_grant(async |mock, code| mock.exchange(Issuer::Staff, code, VERIFIER).await)
        .await;
}

#[tokio::test]
async fn wrong_client_credentials_are_invalid_client() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let form = grant(&code, REDIRECT_URI, VERIFIER);
    let call = |auth| mock.token_call(Issuer::Citizen, auth, &form);

    let basic = call(ClientAuth::Basic(WRONG_SECRET)).await;
    assert!(basic.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Basic"));
    assert_oauth_error(basic, StatusCode::UNAUTHORIZED, "invalid_client").await;

    let post = call(ClientAuth::Post(WRONG_SECRET)).await;
    assert!(post.headers().get("www-authenticate").is_none());
    assert_oauth_error(post, StatusCode::UNAUTHORIZED, "invalid_client").await;

    let none = call(ClientAuth::None).await;
    assert_oauth_error(none, StatusCode::UNAUTHORIZED, "invalid_client").await;

    // The failed attempts did not reach the code, so the right client can still use it.
    let right = mock.exchange(Issuer::Citizen, &code, VERIFIER).await;
    assert_eq!(right.status(), StatusCode::OK);
}

#[tokio::test]
async fn other_grant_types_and_missing_parameters_are_refused() {
    let mock = Mock::start().await;
    for (form, error) in [
        (
            &[("grant_type", "client_credentials")][..],
            "unsupported_grant_type",
        ),
        (&[("grant_type", "authorization_code")], "invalid_request"),
        (&[], "invalid_request"),
    ] {
        let basic = ClientAuth::Basic(CLIENT_SECRET);
        let response = mock.token_call(Issuer::Citizen, basic, form).await;
        assert_oauth_error(response, StatusCode::BAD_REQUEST, error).await;
    }
}

#[tokio::test]
async fn the_staff_issuer_gives_roles_and_organiser() {
    let mock = Mock::start().await;
    let page = mock
        .authorize_get(Issuer::Staff, &request(Issuer::Staff))
        .await
        .text()
        .await
        .unwrap();
    for user in people::staff().unwrap() {
        assert!(has_testid(&page, &format!("staff-{}", user.username)));
    }

    let code = mock
        .code_for(Issuer::Staff, staff("valtuushallinnoija"))
        .await;
    let claims = mock.id_token_claims(Issuer::Staff, &code).await;

    assert_eq!(claims["iss"], mock.issuer(Issuer::Staff));
    assert_eq!(claims["aud"], "seteli-staff-local");
    assert_eq!(claims["preferred_username"], "valtuushallinnoija");
    assert_eq!(claims["organiser"], "ita-uusimaa");
    assert_eq!(
        claims["roles"],
        json!(["customer_service", "authorisation_admin"])
    );
    assert!(claims["email"].as_str().unwrap().contains('@'));
    assert!(claims.get("urn:oid:1.2.246.21").is_none());

    let code = mock
        .code_for(Issuer::Staff, staff("helsinki-asiakaspalvelu"))
        .await;
    let claims = mock.id_token_claims(Issuer::Staff, &code).await;
    assert_eq!(claims["organiser"], "helsinki");
    assert_eq!(claims["roles"], json!(["customer_service"]));
}
