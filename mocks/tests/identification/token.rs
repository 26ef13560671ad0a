//! `{iss}/token`: the code exchange with PKCE, client authentication, and the signed ID
//! token's claims for citizens and staff.

use crate::common::{has_testid, param};
use crate::{oauth_error, person, request, staff, Mock, NONCE, REDIRECT_URI, STATE, VERIFIER};
use reqwest::StatusCode;
use serde_json::json;
use seteli_mocks::cast;
use seteli_mocks::identification::{people, Issuer};

/// The citizen issuer's client, and a wrong secret for it.
const CLIENT_ID: &str = "seteli-local";
const CLIENT_SECRET: &str = "seteli-local-secret";
const WRONG_SECRET: &str = "wrong-secret";

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
    let response = mock
        .http
        .post(mock.token_url(Issuer::Citizen))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_code_works_only_once() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    assert_eq!(
        mock.exchange(Issuer::Citizen, &code, VERIFIER)
            .await
            .status(),
        StatusCode::OK
    );
    let again = mock.exchange(Issuer::Citizen, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(again).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn a_code_expires_sixty_seconds_after_the_login_on_the_mocks_clock() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;

    mock.clock.set_offset_seconds(61);

    let late = mock.exchange(Issuer::Citizen, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(late).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn a_wrong_code_verifier_is_an_invalid_grant() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let wrong = "another-verifier-of-at-least-forty-three-characters-0123456789";
    let response = mock.exchange(Issuer::Citizen, &code, wrong).await;
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn an_unknown_code_or_another_redirect_uri_is_an_invalid_grant() {
    let mock = Mock::start().await;
    let response = mock
        .exchange(Issuer::Citizen, "no-such-code", VERIFIER)
        .await;
    assert_eq!(oauth_error(response).await.1, "invalid_grant");

    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let response = mock
        .http
        .post(mock.token_url(Issuer::Citizen))
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://127.0.0.1:43353/other"),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(oauth_error(response).await.1, "invalid_grant");
}

#[tokio::test]
async fn a_code_from_the_citizen_issuer_is_refused_by_the_staff_issuer() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let response = mock.exchange(Issuer::Staff, &code, VERIFIER).await;
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_grant".into())
    );
}

#[tokio::test]
async fn wrong_client_credentials_are_invalid_client() {
    let mock = Mock::start().await;
    let code = mock.code_for(Issuer::Citizen, person("Mikko")).await;
    let token_url = mock.token_url(Issuer::Citizen);
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT_URI),
        ("code_verifier", VERIFIER),
    ];

    let basic = mock
        .http
        .post(&token_url)
        .basic_auth(CLIENT_ID, Some(WRONG_SECRET))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(basic.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Basic"));
    assert_eq!(
        oauth_error(basic).await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );

    let mut post = form.to_vec();
    post.extend([("client_id", CLIENT_ID), ("client_secret", WRONG_SECRET)]);
    let response = mock.http.post(&token_url).form(&post).send().await.unwrap();
    assert!(response.headers().get("www-authenticate").is_none());
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::UNAUTHORIZED, "invalid_client".into())
    );

    let none = mock.http.post(&token_url).form(&form).send().await.unwrap();
    assert_eq!(oauth_error(none).await.1, "invalid_client");

    // The failed attempts did not reach the code, so the right client can still use it.
    assert_eq!(
        mock.exchange(Issuer::Citizen, &code, VERIFIER)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn other_grant_types_and_missing_parameters_are_refused() {
    let mock = Mock::start().await;
    let token_url = mock.token_url(Issuer::Citizen);
    let send = |form: Vec<(&'static str, &'static str)>| {
        mock.http
            .post(&token_url)
            .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
            .form(&form)
            .send()
    };
    let response = send(vec![("grant_type", "client_credentials")])
        .await
        .unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "unsupported_grant_type".into())
    );
    let response = send(vec![("grant_type", "authorization_code")])
        .await
        .unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
    let response = send(vec![]).await.unwrap();
    assert_eq!(
        oauth_error(response).await,
        (StatusCode::BAD_REQUEST, "invalid_request".into())
    );
}

#[tokio::test]
async fn the_staff_issuer_gives_roles_and_municipality() {
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
    assert_eq!(claims["municipality"], "638");
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
    assert_eq!(claims["municipality"], "091");
    assert_eq!(claims["roles"], json!(["customer_service"]));
}
