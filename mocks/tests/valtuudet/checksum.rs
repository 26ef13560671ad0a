//! The checksum header: what the mock refuses with 401 (the published vectors are checked by
//! the unit tests of `valtuudet::checksum`).

use crate::{assert_unauthorized, hetu, Mock, REQUEST_ID};
use reqwest::StatusCode;
use seteli_mocks::valtuudet::checksum::{self, header_value};
use seteli_mocks::valtuudet::{API_KEY, CLIENT_ID};
use time::format_description::well_known::Rfc3339;
use time::Duration;

#[tokio::test]
async fn a_wrong_or_missing_checksum_is_refused_with_401() {
    let mock = Mock::start().await;
    let anni = hetu("Anni");
    let path = format!("/service/hpa/user/register/{CLIENT_ID}/{anni}?requestId={REQUEST_ID}");
    let url = format!("{}{path}", mock.base);
    let ts = mock.timestamp();
    let signed_with = |header: String| mock.http.get(&url).header(checksum::HEADER, header).send();

    let wrong_key = signed_with(header_value(CLIENT_ID, "another-key", &path, &ts))
        .await
        .unwrap();
    assert_eq!(wrong_key.status(), StatusCode::UNAUTHORIZED);

    let missing = mock.http.get(&url).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);

    // Signed over another query than the one sent.
    let other_query = signed_with(header_value(
        CLIENT_ID,
        API_KEY,
        &path.replace("02fd", "03fd"),
        &ts,
    ))
    .await
    .unwrap();
    assert_eq!(other_query.status(), StatusCode::UNAUTHORIZED);

    let wrong_client = signed_with(header_value("abcd1234", API_KEY, &path, &ts))
        .await
        .unwrap();
    assert_eq!(wrong_client.status(), StatusCode::UNAUTHORIZED);

    // The same call, signed right, goes through.
    assert_eq!(mock.get_signed(&path, None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_timestamp_six_minutes_old_is_refused_and_four_minutes_is_not() {
    let mock = Mock::start().await;
    let anni = hetu("Anni");
    let path = format!("/service/hpa/user/register/{CLIENT_ID}/{anni}?requestId={REQUEST_ID}");
    let at = |minutes: i64| {
        (mock.clock.now() - Duration::minutes(minutes))
            .format(&Rfc3339)
            .unwrap()
    };
    let stale = mock.get_signed_at(&path, None, &at(6)).await;
    assert_unauthorized(stale, "5 minutes").await;
    let late = mock.get_signed_at(&path, None, &at(4)).await;
    assert_eq!(late.status(), StatusCode::OK);
    // The other published form, with microseconds and +00:00, is accepted too.
    let micro = mock
        .clock
        .now()
        .to_offset(time::UtcOffset::UTC)
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]+00:00"
        ))
        .unwrap();
    assert_eq!(
        mock.get_signed_at(&path, None, &micro).await.status(),
        StatusCode::OK
    );
}
