//! Web API sessions and their tokens: lifetimes on the mock's clock, whose token is whose,
//! `requestId`, and ending a session with `unregister`.

use crate::{assert_unauthorized, hetu, Mock, Session, REQUEST_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};
use seteli_mocks::valtuudet::CLIENT_ID;

/// Not a valid identity code (Anni's with the wrong check character), as protocol input.
const MALFORMED_HETU: &str = "220784-926D";

#[tokio::test]
async fn a_session_expires_ten_minutes_after_register() {
    let mock = Mock::start().await;
    let (id, user_id) = mock.register("hpa", hetu("Anni")).await;
    // The client's timestamps follow the mock's clock here, so only the session can expire.
    let response = mock
        .post_json("/dev/clock", json!({ "offset_seconds": 9 * 60 }))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap()["offset_seconds"],
        540
    );
    // Nine minutes in, the session still works; its token is fresh (valid for 599 s).
    let code = mock.pick(&user_id, hetu("Eetu")).await;
    let session = Session {
        id,
        token: mock.token(&code).await,
    };
    mock.assert_delegate(&session, StatusCode::OK).await;

    mock.post_json("/dev/clock", json!({ "offset_seconds": 11 * 60 }))
        .await;
    let expired = mock.delegate(&session).await;
    assert_unauthorized(expired, "session is unknown, has ended or has expired").await;
    let unregister = mock.unregister(&session.id, Some(REQUEST_ID)).await;
    assert_eq!(unregister.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_expires_after_599_seconds() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", hetu("Anni"), hetu("Eetu")).await;
    mock.clock.set_offset_seconds(590);
    mock.assert_delegate(&session, StatusCode::OK).await;
    mock.clock.set_offset_seconds(599);
    mock.assert_delegate(&session, StatusCode::UNAUTHORIZED)
        .await;
}

#[tokio::test]
async fn another_sessions_token_is_refused() {
    let mock = Mock::start().await;
    let anni = mock.login("hpa", hetu("Anni"), hetu("Eetu")).await;
    let mikko = mock.login("hpa", hetu("Mikko"), hetu("Karl-Johan")).await;
    let borrowed = Session {
        id: anni.id.clone(),
        token: mikko.token.clone(),
    };
    mock.assert_delegate(&borrowed, StatusCode::UNAUTHORIZED)
        .await;
    // Without the token at all.
    let path = Mock::authorization_path(&anni, hetu("Eetu"), &[]);
    let unsigned = mock.get_signed(&path, None).await;
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn service_calls_need_a_request_id_and_a_valid_identity_code() {
    let mock = Mock::start().await;
    let anni = hetu("Anni");
    for (mode, delegate, query, status) in [
        ("hpa", anni, "", StatusCode::BAD_REQUEST),
        (
            "hpa",
            MALFORMED_HETU,
            "?requestId=1",
            StatusCode::BAD_REQUEST,
        ),
        ("xpa", anni, "?requestId=1", StatusCode::NOT_FOUND),
    ] {
        let path = format!("/service/{mode}/user/register/{CLIENT_ID}/{delegate}{query}");
        assert_eq!(
            mock.get_signed(&path, None).await.status(),
            status,
            "{path}"
        );
    }
}

#[tokio::test]
async fn unregister_works_without_a_request_id_as_dvvs_reference_clients_call_it() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", hetu("Anni"), hetu("Eetu")).await;

    mock.assert_unregisters(&session, None).await;

    // The other calls still need one.
    let delegate = mock
        .get_signed(
            &format!("/service/hpa/api/delegate/{}", session.id),
            Some(&session.token),
        )
        .await;
    assert_eq!(delegate.status(), StatusCode::BAD_REQUEST);
}
