//! `/oauth/authorize`: the selection page, its language, and every way it refuses or sends the
//! person back.

use crate::common::{assert_sent_back, param, with};
use crate::{hetu, redirect_query, Mock, STATE};
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn the_page_speaks_the_language_asked_for() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", hetu("Anni")).await;
    for (lang, heading) in [
        ("sv", "Välj för vem du uträttar ärenden"),
        ("en", "Choose whom you act for"),
        ("de", "Valitse, kenen puolesta asioit"),
    ] {
        let params = with(Mock::authorize_params(&user_id), "lang", lang);
        let page = mock.page(&params).await;
        assert!(page.contains(&format!("<h1>{heading}</h1>")), "{lang}");
    }
}

#[tokio::test]
async fn an_unregistered_redirect_uri_or_unknown_client_gets_a_400_page_and_no_redirect() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", hetu("Anni")).await;
    for (name, value) in [
        (
            "redirect_uri",
            "http://127.0.0.1:9999/api/valtuudet/callback",
        ),
        ("redirect_uri", "https://evil.example/cb"),
        ("client_id", "evil0001"),
    ] {
        let params = with(Mock::authorize_params(&user_id), name, value);
        let response = mock.authorize(Method::GET, &params).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{value}");
        assert!(response.headers().get("location").is_none());
        let page = response.text().await.unwrap();
        assert!(page.contains("<main>") && page.contains("role=\"alert\""));
    }
}

#[tokio::test]
async fn a_person_with_nobody_to_act_for_is_sent_straight_back_with_access_denied() {
    let mock = Mock::start().await;
    for (mode, person) in [("hpa", hetu("Eeva-Liisa")), ("ypa", hetu("Eeva-Liisa"))] {
        let (_, user_id) = mock.register(mode, person).await;
        let response = mock
            .authorize(Method::GET, &Mock::authorize_params(&user_id))
            .await;
        let query = redirect_query(&response);
        assert_sent_back(&query, "access_denied", STATE);
        assert!(param(&query, "error_description").is_some());
    }
}

#[tokio::test]
async fn cancelling_sends_access_denied_with_the_state() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", hetu("Anni")).await;
    let query = mock.press(&user_id, ("action", "cancel")).await;
    assert_sent_back(&query, "access_denied", STATE);
}

#[tokio::test]
async fn a_pick_that_is_not_on_the_list_is_refused_on_a_page() {
    let mock = Mock::start().await;
    let (_, user_id) = mock.register("hpa", hetu("Eetu")).await;
    let mut params = Mock::authorize_params(&user_id);
    params.push(("principal", hetu("Anni").to_owned()));
    // Eetu has nobody to act for, so he is sent back before any pick counts.
    let response = mock.authorize(Method::POST, &params).await;
    assert_eq!(
        param(&redirect_query(&response), "error").as_deref(),
        Some("access_denied")
    );

    let (_, user_id) = mock.register("hpa", hetu("Anni")).await;
    let mut params = Mock::authorize_params(&user_id);
    params.push(("principal", hetu("Karl-Johan").to_owned()));
    let response = mock.authorize(Method::POST, &params).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("location").is_none());
}
