//! `/oauth/token`: the code exchange with HTTP Basic, its parameters in the query (as DVV
//! documents it) or in a form body (as DVV's Java client sends them).

use crate::{error_code, hetu, Mock, Session, REDIRECT_URI};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use seteli_mocks::valtuudet::checksum::basic_header;
use seteli_mocks::valtuudet::{CLIENT_ID, OAUTH_PASSWORD};

/// Another redirect URI than the one in the authorization request.
const OTHER_REDIRECT_URI: &str = "http://127.0.0.1:43354/api/other";

/// Step 3 as DVV's own Java client sends it: the parameters in a form body, none in the query.
async fn exchange_as_form(mock: &Mock, form: &[(&str, &str)]) -> Response {
    mock.http
        .post(format!("{}/oauth/token", mock.base))
        .header("authorization", basic_header(CLIENT_ID, OAUTH_PASSWORD))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// The token call's three parameters, for a form body.
fn form<'a>(code: &'a str, redirect_uri: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("grant_type", "authorization_code"),
        ("redirect_uri", redirect_uri),
    ]
}

/// Registers Anni and picks `principal`; returns `(sessionId, code)`.
async fn code_for_anni(mock: &Mock, principal: &str) -> (String, String) {
    let (id, user_id) = mock.register("hpa", hetu("Anni")).await;
    (id, mock.pick(&user_id, hetu(principal)).await)
}

#[tokio::test]
async fn a_code_works_only_once() {
    let mock = Mock::start().await;
    let (_, code) = code_for_anni(&mock, "Ella").await;
    assert_eq!(mock.exchange_status(&code).await, StatusCode::OK);
    let again = mock.exchange(&code, REDIRECT_URI).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(again).await, "invalid_grant");
    let unknown = mock.exchange_status("no-such-code").await;
    assert_eq!(unknown, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_token_exchange_with_another_redirect_uri_is_refused() {
    let mock = Mock::start().await;
    let (_, code) = code_for_anni(&mock, "Ella").await;
    let response = mock.exchange(&code, OTHER_REDIRECT_URI).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(response).await, "invalid_grant");
}

#[tokio::test]
async fn the_token_call_takes_its_parameters_from_a_form_body_as_well() {
    let mock = Mock::start().await;
    let (id, code) = code_for_anni(&mock, "Eetu").await;

    let response = exchange_as_form(&mock, &form(&code, REDIRECT_URI)).await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    let session = Session {
        id,
        token: body["access_token"].as_str().unwrap().to_owned(),
    };
    assert_eq!(
        mock.authorization(&session, hetu("Eetu"), &[]).await,
        "ALLOWED"
    );
    // The code was used up by the form exchange, whichever way it comes next.
    assert_eq!(mock.exchange_status(&code).await, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_form_body_token_call_is_checked_like_the_query_one() {
    let mock = Mock::start().await;
    let (_, code) = code_for_anni(&mock, "Eetu").await;

    let other_uri = exchange_as_form(&mock, &form(&code, OTHER_REDIRECT_URI)).await;
    let no_grant_type =
        exchange_as_form(&mock, &[("code", "x"), ("redirect_uri", REDIRECT_URI)]).await;

    assert_eq!(other_uri.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(other_uri).await, "invalid_grant");
    assert_eq!(error_code(no_grant_type).await, "invalid_request");
}

#[tokio::test]
async fn a_token_parameter_given_twice_or_a_body_that_is_not_a_form_is_refused() {
    let mock = Mock::start().await;
    let (_, code) = code_for_anni(&mock, "Eetu").await;
    let query = mock.token_url(&code, REDIRECT_URI);
    let basic = basic_header(CLIENT_ID, OAUTH_PASSWORD);

    let twice = mock
        .http
        .post(&query)
        .header("authorization", &basic)
        .form(&[("code", code.as_str())])
        .send()
        .await
        .unwrap();
    let json_body = mock
        .http
        .post(&query)
        .header("authorization", &basic)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap();
    let mut other_client = form(&code, REDIRECT_URI);
    other_client.push(("client_id", "abcd1234"));
    let other_client = exchange_as_form(&mock, &other_client).await;

    for response in [twice, json_body] {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(error_code(response).await, "invalid_request");
    }
    assert_eq!(other_client.status(), StatusCode::UNAUTHORIZED);
    // None of them reached the code.
    assert_eq!(mock.exchange_status(&code).await, StatusCode::OK);
}

#[tokio::test]
async fn a_wrong_basic_header_is_401_and_leaves_the_code_usable() {
    let mock = Mock::start().await;
    let (_, code) = code_for_anni(&mock, "Ella").await;
    for authorization in [
        basic_header(CLIENT_ID, "wrong-password"),
        basic_header("abcd1234", OAUTH_PASSWORD),
        format!("Bearer {OAUTH_PASSWORD}"),
    ] {
        let response = mock
            .exchange_with(&code, REDIRECT_URI, &authorization)
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic"));
    }
    assert_eq!(mock.exchange_status(&code).await, StatusCode::OK);
}
