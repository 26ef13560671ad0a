//! The development endpoints: an outage, slow answers, injected events, what was accepted,
//! the attachments' bytes and a reset.

use crate::{address, electronic, Mock, PDF};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

impl Mock {
    /// `POST path` with `body`, expecting 204.
    pub(crate) async fn dev(&self, path: &str, body: Value) {
        let res = self.post_json(path, body).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{path}");
    }

    /// `GET /dev/received`.
    pub(crate) async fn received(&self) -> Vec<Value> {
        let res = self.get("/dev/received").await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.unwrap()
    }

    /// Uploads the PDF and sends it on paper to Helmi, who has no mailbox.
    pub(crate) async fn send_paper(&self, token: &str, external_id: &str) -> (StatusCode, Value) {
        let (_, attachment) = self.upload(token, PDF, "application/pdf").await;
        self.send(
            token,
            "/v2/messages",
            paper(external_id, &attachment["attachmentId"]),
        )
        .await
    }
}

/// A multichannel message to Helmi with `attachment` as the letter.
pub(crate) fn paper(external_id: &str, attachment: &Value) -> Value {
    let mut letter = electronic(external_id, "050638-921K");
    letter["paperMail"] = json!({
        "attachments": [{"attachmentId": attachment}],
        "messageServiceType": "Normal", "colorPrinting": false, "twoSidedPrinting": true,
        "rotateLandscapePages": false, "createAddressPage": true,
        "printingAndEnvelopingService": {"postiMessaging": {"username": "123456",
            "password": "9999", "contactDetails": {"email": "it@porvoo.example"}}},
        "recipient": address("Helmi Lindqvist"),
        "sender": address("Itä-Uudenmaan hyvinvointialue"),
    });
    letter
}

fn kinds(page: &Value) -> Vec<&str> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn during_an_outage_every_api_route_answers_503_and_records_nothing() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    mock.dev("/dev/outage", json!({"down": true})).await;

    let data = seteli_mocks::messages::data().unwrap();
    let credentials = json!({"username": data.username, "password": data.password});
    let res = mock.post_json("/v1/token", credentials).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = res.json().await.unwrap();
    assert!(body["reason"].is_string());
    let calls = [
        (
            "/v1/mailboxes/active",
            json!({"endUsers": [{"id": "140334-912M"}]}),
        ),
        (
            "/v2/messages/electronic",
            electronic("down-1", "140334-912M"),
        ),
        ("/v2/messages", electronic("down-2", "220784-926C")),
    ];
    for (path, body) in calls {
        let (status, body) = mock.send(&token, path, body).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert!(body["reason"].is_string());
    }
    let (upload, _) = mock.upload(&token, PDF, "application/pdf").await;
    assert_eq!(upload, StatusCode::SERVICE_UNAVAILABLE);
    for path in ["/v2/events", "/v1/messages/id?externalId=down-1"] {
        let res = mock
            .http
            .get(format!("{}{path}", mock.base))
            .header("Authorization", &token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
    }
    // The page and the development routes stay up; nothing was recorded.
    assert_eq!(mock.get("/").await.status(), StatusCode::OK);
    assert!(mock.received().await.is_empty());

    mock.dev("/dev/outage", json!({"down": false})).await;
    let (status, _) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("down-1", "140334-912M"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mock.received().await.len(), 1);
    let events = mock.events(&token, None).await;
    assert_eq!(kinds(&events), ["Electronic message created"]);

    let bad = mock.post_json("/dev/outage", json!({"down": "yes"})).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn slow_answers_wait_the_delay_until_it_is_turned_off() {
    let mock = Mock::start().await;
    mock.dev("/dev/slow", json!({"delayMs": 200})).await;
    let started = Instant::now();
    let token = mock.token().await;
    assert!(started.elapsed() >= Duration::from_millis(200));
    let started = Instant::now();
    let (status, _) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("slow-1", "140334-912M"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(200));

    mock.dev("/dev/slow", json!({"delayMs": 0})).await;
    assert_eq!(mock.received().await.len(), 1);
    let bad = mock.post_json("/dev/slow", json!({"delayMs": -1})).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn injected_read_and_posti_events_follow_the_created_ones_in_the_feed() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    let (status, _) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("read-1", "220784-926C"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = mock.send_paper(&token, "paper-1").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let first = mock.events(&token, None).await;
    assert_eq!(first["events"].as_array().unwrap().len(), 3);
    let after_created = first["continuationToken"].as_str().unwrap().to_owned();

    let read = mock
        .post_json(
            "/dev/events",
            json!({"externalId": "read-1", "type": "Electronic message read"}),
        )
        .await;
    assert_eq!(read.status(), StatusCode::OK);
    let returned = mock
        .post_json(
            "/dev/events",
            json!({"externalId": "paper-1", "type": "Posti: returned to sender",
                   "postiTrackingCode": "JJFI12345678901234"}),
        )
        .await;
    assert_eq!(returned.status(), StatusCode::OK);

    let next = mock.events(&token, Some(&after_created)).await;
    assert_eq!(
        kinds(&next),
        ["Electronic message read", "Posti: returned to sender"]
    );
    assert_eq!(next["events"][0]["metadata"]["externalId"], "read-1");
    assert_eq!(next["events"][1]["metadata"]["externalId"], "paper-1");
    assert_eq!(
        next["events"][1]["metadata"]["postiTrackingCode"],
        "JJFI12345678901234"
    );
    assert_eq!(
        next["events"][1]["metadata"]["messageId"],
        body["messageId"]
    );
    // From the start, all five in order; after the last, none.
    let all = mock.events(&token, None).await;
    assert_eq!(all["events"].as_array().unwrap().len(), 5);
    let end = next["continuationToken"].as_str().unwrap().to_owned();
    assert!(mock.events(&token, Some(&end)).await["events"]
        .as_array()
        .unwrap()
        .is_empty());

    for wrong in [
        json!({"externalId": "never-sent", "type": "Electronic message read"}),
        json!({"externalId": "read-1", "type": "Electronic message deleted"}),
        json!({"type": "Receipt confirmed"}),
    ] {
        let res = mock.post_json("/dev/events", wrong).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    }

    // A reset clears the feed; a token given before it still works and sees what comes after.
    mock.dev("/dev/reset", json!({})).await;
    assert!(mock.events(&token, Some(&end)).await["events"]
        .as_array()
        .unwrap()
        .is_empty());
    let (status, _) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("read-1", "220784-926C"),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the externalId is free again after a reset"
    );
    let later = mock.events(&token, Some(&end)).await;
    assert_eq!(kinds(&later), ["Electronic message created"]);
}

#[tokio::test]
async fn received_lists_each_accepted_message_once_with_its_letter() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    for expected in [StatusCode::OK, StatusCode::CONFLICT] {
        let (status, _) = mock
            .send(
                &token,
                "/v2/messages/electronic",
                electronic("once-1", "140334-912M"),
            )
            .await;
        assert_eq!(status, expected);
    }
    let (status, _) = mock.send_paper(&token, "letter-1").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = mock.send_paper(&token, "letter-1").await;
    assert_eq!(status, StatusCode::CONFLICT);

    let received = mock.received().await;
    let ids: Vec<&str> = received
        .iter()
        .map(|m| m["externalId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["once-1", "letter-1"]);
    let (online, letter) = (&received[0], &received[1]);
    assert_eq!(online["channel"], "electronic");
    assert_eq!(online["recipientId"], "140334-912M");
    assert_eq!(online["title"], "Palvelusetelipäätös");
    assert_eq!(online["body"], "Hei, päätös on tehty.");
    assert_eq!(online["attachments"], json!([]));
    assert!(online["paperAddress"].is_null());
    assert!(online["createdAt"].as_str().unwrap().ends_with('Z'));
    assert!(online["messageId"].is_i64());

    assert_eq!(letter["channel"], "paper");
    assert_eq!(letter["paperAddress"]["name"], "Helmi Lindqvist");
    let attachment = &letter["attachments"][0];
    assert_eq!(attachment["contentType"], "application/pdf");
    assert_eq!(attachment["size"], PDF.len());
    let id = attachment["attachmentId"].as_str().unwrap();
    let bytes = mock.get(&format!("/dev/attachments/{id}")).await;
    assert_eq!(bytes.status(), StatusCode::OK);
    assert_eq!(bytes.headers()["content-type"], "application/pdf");
    assert_eq!(bytes.bytes().await.unwrap().as_ref(), PDF);
    let missing = mock.get("/dev/attachments/no-such-id").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
