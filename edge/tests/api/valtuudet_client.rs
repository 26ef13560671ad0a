//! The Valtuudet client: the published checksum vectors, the requests it sends, and that
//! no error, time-out or UNKNOWN reads as a permission. (Conformance against the mock over
//! HTTP runs in the browser tests' stack.)

use crate::helpers::Canned;
use seteli_edge::valtuudet::{self, CallContext, Decision, ValtuudetConfig, ValtuudetError};

const VECTORS: &str = include_str!("../fixtures/valtuudet-checksum-vectors.json");

/// The published checksum vectors: the key, and for each request and time its checksum.
#[derive(serde::Deserialize)]
struct ChecksumVectors {
    api_key: String,
    vectors: Vec<ChecksumVector>,
}

#[derive(serde::Deserialize)]
struct ChecksumVector {
    path_and_query: String,
    timestamp: String,
    checksum: String,
}

#[test]
fn the_checksum_matches_every_published_vector() {
    let published: ChecksumVectors = serde_json::from_str(VECTORS).unwrap();
    assert_eq!(published.vectors.len(), 3);
    for v in &published.vectors {
        assert_eq!(
            valtuudet::checksum(&published.api_key, &v.path_and_query, &v.timestamp),
            v.checksum,
            "{}",
            v.timestamp
        );
    }
}

#[test]
fn the_basic_header_matches_the_published_vector() {
    let data: serde_json::Value = serde_json::from_str(VECTORS).unwrap();
    let b = &data["basic_auth"];
    assert_eq!(
        valtuudet::basic_auth(
            b["client_id"].as_str().unwrap(),
            b["oauth_password"].as_str().unwrap()
        ),
        b["header"].as_str().unwrap()
    );
}

fn config() -> ValtuudetConfig {
    ValtuudetConfig {
        base_url: "http://valtuudet.test".into(),
        client_id: "sete1i01".into(),
        api_key: "key".into(),
        oauth_password: "pw".into(),
    }
}

fn call() -> CallContext {
    CallContext {
        request_id: "req-1".into(),
        timestamp: "2026-11-21T10:00:00Z".into(),
    }
}

async fn decide(http: &Canned) -> Result<Decision, ValtuudetError> {
    valtuudet::authorization(
        http,
        &config(),
        "s-1",
        "t-1",
        "030413A9450",
        &["http://a/1", "http://a/2"],
        &call(),
    )
    .await
}

#[tokio::test]
async fn only_a_clear_allowed_grants_access() {
    let allowed = decide(&Canned::new(Ok((
        200,
        r#"{"result":"ALLOWED","reasons":[],"extra":1}"#,
    ))))
    .await;
    let disallowed = decide(&Canned::new(Ok((
        200,
        r#"{"result":"DISALLOWED","reasons":[]}"#,
    ))))
    .await;
    let unknown = decide(&Canned::new(Ok((200, r#"{"result":"UNKNOWN"}"#)))).await;
    let strange = decide(&Canned::new(Ok((200, r#"{"result":"MAYBE"}"#)))).await;

    assert_eq!(allowed, Ok(Decision::Allowed));
    assert!(allowed.unwrap().grants_access());
    for d in [disallowed, unknown, strange] {
        assert!(!d.unwrap().grants_access());
    }
}

#[tokio::test]
async fn errors_time_outs_and_garbage_are_failures_not_answers() {
    for (answer, expected) in [
        (Err("no answer within 3000 ms"), "unavailable"),
        (Ok((500, "oops")), "unavailable"),
        (Ok((200, "<html>")), "unavailable"),
        (Ok((401, "")), "refused"),
        (Ok((403, "")), "refused"),
    ] {
        let result = decide(&Canned::new(answer)).await;
        let kind = match result {
            Err(ValtuudetError::Unavailable(_)) => "unavailable",
            Err(ValtuudetError::Refused(_)) => "refused",
            other => panic!("{answer:?} gave {other:?}"),
        };
        assert_eq!(kind, expected, "{answer:?}");
    }
}

#[tokio::test]
async fn the_authorization_call_asks_every_issue_and_signs_the_exact_path() {
    let http = Canned::new(Ok((200, r#"{"result":"ALLOWED"}"#)));

    decide(&http).await.unwrap();

    let seen = http.seen.lock().unwrap();
    let request = &seen[0];
    let path = request.url.strip_prefix("http://valtuudet.test").unwrap();
    assert_eq!(
        path,
        "/service/hpa/api/authorization/s-1/030413A9450?requestId=req-1&issues=http%3A%2F%2Fa%2F1&issues=http%3A%2F%2Fa%2F2"
    );
    let header = request
        .headers
        .iter()
        .find(|(k, _)| k == "x-asiointivaltuudetauthorization")
        .unwrap();
    assert_eq!(
        header.1,
        format!(
            "sete1i01 2026-11-21T10:00:00Z {}",
            valtuudet::checksum("key", path, "2026-11-21T10:00:00Z")
        )
    );
    assert!(request
        .headers
        .iter()
        .any(|(k, v)| k == "authorization" && v == "Bearer t-1"));
}

#[tokio::test]
async fn the_token_call_uses_basic_auth_and_no_checksum() {
    let http = Canned::new(Ok((
        200,
        r#"{"access_token":"at","token_type":"bearer","expires_in":599}"#,
    )));

    let token = valtuudet::token(&http, &config(), "c-1", "http://127.0.0.1:8787/cb").await;

    assert_eq!(token.as_deref(), Ok("at"));
    let seen = http.seen.lock().unwrap();
    assert!(seen[0]
        .headers
        .iter()
        .any(|(k, v)| k == "authorization" && v == "Basic c2V0ZTFpMDE6cHc="));
    assert!(!seen[0]
        .headers
        .iter()
        .any(|(k, _)| k == "x-asiointivaltuudetauthorization"));
    assert!(seen[0].url.contains("grant_type=authorization_code"));
}
