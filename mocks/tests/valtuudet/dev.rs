//! The development-only endpoints: seeding the register, the clock and an outage (health is in
//! `common`).

use crate::common::param;
use crate::{hetu, redirect_query, Mock};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use seteli_mocks::cast;
use seteli_mocks::valtuudet::{CLIENT_ID, ISSUE_VOUCHER_MATTERS};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn a_posted_seed_replaces_the_register_and_a_bad_one_is_refused() {
    let mock = Mock::start().await;
    let bad = mock.post_json("/dev/seed", json!({ "persons": 1 })).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    // Eeva-Liisa is made Karl-Johan's delegate, flagged UNKNOWN.
    let (eeva_liisa, karl_johan) = (hetu("Eeva-Liisa"), hetu("Karl-Johan"));
    let persons: Vec<Value> = ["Eeva-Liisa", "Karl-Johan"]
        .map(cast::person)
        .iter()
        .map(|p| json!({ "hetu": p.code(), "given_name": p.given_name, "family_name": p.family_name }))
        .collect();
    let seed = json!({
        "persons": persons,
        "mandates": [{
            "principal": karl_johan, "delegate": eeva_liisa,
            "issues": [ISSUE_VOUCHER_MATTERS], "valid_from": "2020-01-01", "valid_until": null
        }],
        "unknown": [{ "principal": karl_johan, "delegate": eeva_liisa }]
    });
    let response = mock.post_json("/dev/seed", seed).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let session = mock.login("hpa", eeva_liisa, karl_johan).await;
    assert_eq!(
        mock.authorization(&session, karl_johan, &[]).await,
        "UNKNOWN"
    );
    let (_, anni) = mock.register("hpa", hetu("Anni")).await;
    let query = redirect_query(
        &mock
            .authorize(Method::GET, &Mock::authorize_params(&anni))
            .await,
    );
    assert_eq!(param(&query, "error").as_deref(), Some("access_denied"));
}

#[tokio::test]
async fn the_dev_clock_reports_and_resets_its_offset() {
    let mock = Mock::start().await;
    let before = OffsetDateTime::now_utc();
    let body: Value = mock
        .post_json("/dev/clock", json!({ "offset_seconds": 3600 }))
        .await
        .json()
        .await
        .unwrap();
    let now = OffsetDateTime::parse(body["now"].as_str().unwrap(), &Rfc3339).unwrap();
    assert!(now - before >= Duration::seconds(3599));
    assert_eq!(mock.clock.offset_seconds(), 3600);
    mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(mock.clock.offset_seconds(), 0);
}

#[tokio::test]
async fn a_simulated_outage_answers_503_until_lifted_or_reset() {
    let mock = Mock::start().await;
    let anni = mock.login("hpa", hetu("Anni"), hetu("Eetu")).await;
    let down = mock.post_json("/dev/outage", json!({"down": true})).await;
    assert_eq!(down.status(), StatusCode::NO_CONTENT);
    let register = format!(
        "/service/hpa/user/register/{CLIENT_ID}/{}?requestId=r1",
        hetu("Anni")
    );
    assert_eq!(
        mock.get_signed(&register, None).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let exchange = mock.exchange_status("any-code").await;
    assert_eq!(exchange, StatusCode::SERVICE_UNAVAILABLE);
    mock.post_json("/dev/outage", json!({"down": false})).await;
    assert_eq!(
        mock.authorization(&anni, hetu("Eetu"), &[ISSUE_VOUCHER_MATTERS])
            .await,
        "ALLOWED"
    );
    mock.post_json("/dev/outage", json!({"down": true})).await;
    mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(
        mock.get_signed(&register, None).await.status(),
        StatusCode::OK
    );
    let bad = mock.post_json("/dev/outage", json!({"up": 1})).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
