//! `{iss}/authorize`: the login page, what it accepts, and every way it refuses a request,
//! on a page or back at the client.

use crate::common::{assert_sent_back, has_testid, param, with};
use crate::{person, redirect_query, request, without, Mock, NONCE, STATE};
use reqwest::StatusCode;
use seteli_mocks::identification::{people, Issuer};

/// A valid test code that is nobody in the cast: the page logs in with any test code.
const ARBITRARY_TEST_CODE: &str = "010280-952L";
/// A code with a wrong check character, as a typo would make one.
const WRONG_CHECK_CHARACTER: &str = "131052-308U";
/// A well-formed code outside the test range (individual number 900–999): a real person's.
const REAL_CODE: &str = "131052-308T";

#[tokio::test]
async fn the_login_page_lists_every_test_person_and_offers_a_code_field() {
    let mock = Mock::start().await;
    let response = mock
        .authorize_get(Issuer::Citizen, &request(Issuer::Citizen))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("<main>"));
    assert!(page.contains("Suomi.fi"));
    assert!(page.contains("<label for=\"hetu\">Henkilötunnus</label>"));
    for person in people::persons().unwrap() {
        let id = format!("person-{}", person.code());
        assert!(has_testid(&page, &id), "{id}");
        assert!(page.contains(&person.full_name()));
    }
    for id in ["hetu-input", "hetu-submit", "cancel"] {
        assert!(has_testid(&page, id), "{id}");
    }
    // The request travels on in hidden fields.
    assert!(page.contains(&format!("name=\"nonce\" value=\"{NONCE}\"")));
}

#[tokio::test]
async fn the_login_page_speaks_the_language_asked_for() {
    let mock = Mock::start().await;
    for (locale, label) in [
        ("sv", "Personbeteckning"),
        ("en fi", "Personal identity code"),
        ("de", "Henkilötunnus"),
    ] {
        let params = with(request(Issuer::Citizen), "ui_locales", locale);
        let page = mock
            .authorize_get(Issuer::Citizen, &params)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains(&format!(">{label}</label>")), "{locale}");
    }
}

#[tokio::test]
async fn a_typed_test_code_logs_in_as_that_code() {
    let mock = Mock::start().await;
    let code = mock
        .code_for(Issuer::Citizen, ("hetu", ARBITRARY_TEST_CODE))
        .await;
    let claims = mock.id_token_claims(Issuer::Citizen, &code).await;
    assert_eq!(claims["urn:oid:1.2.246.21"], ARBITRARY_TEST_CODE);
}

#[tokio::test]
async fn an_invalid_or_real_typed_code_is_shown_as_an_error_on_the_page() {
    let mock = Mock::start().await;
    for typed in [WRONG_CHECK_CHARACTER, REAL_CODE, "", "hello"] {
        let params = with(request(Issuer::Citizen), "hetu", typed);
        let response = mock.authorize_post(Issuer::Citizen, &params).await;
        assert_eq!(response.status(), StatusCode::OK, "{typed}");
        let page = response.text().await.unwrap();
        let start = page.find("<p id=\"hetu-error\"").expect("an error message");
        let error = &page[start..start + page[start..].find("</p>").unwrap()];
        assert!(error.contains("role=\"alert\""));
        assert!(error.contains("data-testid=\"hetu-error\""));
        assert!(
            typed.is_empty() || !error.contains(typed),
            "the error repeats the code"
        );
        assert!(page.contains("aria-invalid=\"true\""));
    }
}

#[tokio::test]
async fn cancelling_sends_access_denied_with_the_state() {
    let mock = Mock::start().await;
    let query = mock.login(Issuer::Citizen, ("action", "cancel")).await;
    assert_sent_back(&query, "access_denied", STATE);
}

#[tokio::test]
async fn an_unknown_client_gets_an_error_page_and_no_redirect() {
    let mock = Mock::start().await;
    for issuer in Issuer::ALL {
        let params = with(request(issuer), "client_id", "evil-client");
        let response = mock.authorize_get(issuer, &params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert!(response.headers().get("location").is_none());
        assert!(response.text().await.unwrap().contains("client_id"));
    }
    // Each issuer knows only its own client.
    let params = request(Issuer::Staff);
    let response = mock.authorize_get(Issuer::Citizen, &params).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_unregistered_redirect_uri_gets_an_error_page_and_no_redirect() {
    let mock = Mock::start().await;
    for uri in [
        "http://127.0.0.1:9999/api/auth/callback",
        "https://evil.example/cb",
        "",
    ] {
        let params = with(request(Issuer::Citizen), "redirect_uri", uri);
        let response = mock.authorize_get(Issuer::Citizen, &params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{uri}");
        assert!(response.headers().get("location").is_none());
    }
    let response = mock
        .authorize_get(
            Issuer::Citizen,
            &without(request(Issuer::Citizen), "redirect_uri"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_tampered_redirect_uri_in_the_login_form_is_refused_too() {
    let mock = Mock::start().await;
    let mut params = with(
        request(Issuer::Citizen),
        "redirect_uri",
        "https://evil.example/cb",
    );
    let (button, anni) = person("Anni");
    params.push((button, anni.to_owned()));
    let response = mock.authorize_post(Issuer::Citizen, &params).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
}

#[tokio::test]
async fn a_bad_request_from_a_known_client_is_sent_back_as_an_error() {
    let mock = Mock::start().await;
    let base = request(Issuer::Citizen);
    let cases = [
        (
            with(base.clone(), "response_type", "token"),
            "unsupported_response_type",
        ),
        (
            without(base.clone(), "response_type"),
            "unsupported_response_type",
        ),
        (with(base.clone(), "scope", "profile"), "invalid_request"),
        (without(base.clone(), "nonce"), "invalid_request"),
        (without(base.clone(), "code_challenge"), "invalid_request"),
        (
            with(base.clone(), "code_challenge_method", "plain"),
            "invalid_request",
        ),
        (
            without(base.clone(), "code_challenge_method"),
            "invalid_request",
        ),
    ];
    for (params, error) in cases {
        let response = mock.authorize_get(Issuer::Citizen, &params).await;
        let query = redirect_query(&response);
        assert_sent_back(&query, error, STATE);
        if error == "invalid_request" {
            assert!(param(&query, "error_description").is_some());
        }
    }
}
