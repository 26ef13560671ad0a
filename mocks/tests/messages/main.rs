//! The Suomi.fi Messages mock over real HTTP on 127.0.0.1, called as organisations call the
//! REST API: a token, the mailbox check, an attachment, electronic and multichannel sends,
//! the 409 of a reused `externalId`, and the events feed; the development endpoints (`dev`)
//! and the page of what each recipient received (`page`).

// The redirect readers there are for the OAuth mocks; this one has no redirects.
#[allow(dead_code)]
#[path = "../common/mod.rs"]
mod common;

mod dev;
mod page;

use common::Mock;
use reqwest::StatusCode;
use serde_json::{json, Value};
use seteli_mocks::messages::{self, Config, TOKEN_SECONDS};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";

impl Mock {
    async fn start() -> Mock {
        Mock::spawn(|listener, clock| messages::serve(listener, Config { clock })).await
    }

    /// A token for the service's own credentials.
    async fn token(&self) -> String {
        let data = messages::data().unwrap();
        let res = self
            .post_json(
                "/v1/token",
                json!({"username": data.username, "password": data.password}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers().contains_key("traceId"));
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["expires_in"], TOKEN_SECONDS);
        body["access_token"].as_str().unwrap().to_owned()
    }

    /// `POST path` with `body` and `Authorization: Bearer token`.
    async fn send(&self, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
        let res = self
            .http
            .post(format!("{}{path}", self.base))
            .header("Authorization", format!("Bearer {token}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn events(&self, token: &str, continuation: Option<&str>) -> Value {
        let path = match continuation {
            Some(c) => format!("/v2/events?continuationToken={c}"),
            None => "/v2/events".to_owned(),
        };
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header("Authorization", token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.unwrap()
    }

    async fn upload(&self, token: &str, bytes: &[u8], content_type: &str) -> (StatusCode, Value) {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name("kirje.pdf")
            .mime_str(content_type)
            .unwrap();
        let res = self
            .http
            .post(format!("{}/v2/attachments", self.base))
            .header("Authorization", token)
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }
}

pub(crate) fn electronic(external_id: &str, recipient: &str) -> Value {
    json!({
        "externalId": external_id,
        "recipient": {"id": recipient},
        "sender": {"serviceId": "seteli-local"},
        "electronic": {"title": "Palvelusetelipäätös", "body": "Hei, päätös on tehty.",
            "bodyFormat": "Text", "messageServiceType": "Normal", "replyAllowedBy": "No one",
            "notifications": {"senderDetailsInNotifications": "Organisation and service name",
                "unreadMessageNotification": {"reminder": "Default reminder"}}}
    })
}

pub(crate) fn address(name: &str) -> Value {
    json!({"address": {"name": name, "streetAddress": "Runebergsgatan 14", "zipCode": "06100",
        "city": "Porvoo", "countryCode": "FI"}})
}

#[tokio::test]
async fn a_token_is_needed_and_only_the_services_credentials_get_one() {
    let mock = Mock::start().await;
    let wrong = mock
        .post_json(
            "/v1/token",
            json!({"username": "seteli-local-messages", "password": "x"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let body: Value = wrong.json().await.unwrap();
    assert!(body["reason"].is_string());

    let (status, _) = mock
        .send(
            "not-a-token",
            "/v1/mailboxes/active",
            json!({"endUsers": [{"id": "140334-912M"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The raw token works as well as `Bearer`, until it expires.
    let token = mock.token().await;
    let raw = mock.events(&token, None).await;
    assert!(raw["events"].as_array().unwrap().is_empty());
    mock.clock.set_offset_seconds(TOKEN_SECONDS + 1);
    let (expired, _) = mock
        .send(
            &token,
            "/v1/mailboxes/active",
            json!({"endUsers": [{"id": "140334-912M"}]}),
        )
        .await;
    assert_eq!(expired, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_mailbox_check_names_only_those_with_an_active_mailbox() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    let (status, body) = mock
        .send(
            &token,
            "/v1/mailboxes/active",
            json!({"endUsers": [{"id": "140334-912M"}, {"id": "050638-921K"}, {"id": "2468013-5"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["endUsersWithActiveMailbox"],
        json!([{"id": "140334-912M"}, {"id": "2468013-5"}])
    );
    let (bad, _) = mock
        .send(
            &token,
            "/v1/mailboxes/active",
            json!({"endUsers": [{"id": "123"}]}),
        )
        .await;
    assert_eq!(bad, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_electronic_message_goes_once_and_a_reused_external_id_answers_the_original() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    let (status, first) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("seteli-1", "140334-912M"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let id = first["messageId"].as_i64().unwrap();

    let (again, body) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("seteli-1", "140334-912M"),
        )
        .await;
    assert_eq!(again, StatusCode::CONFLICT);
    assert_eq!(body["messageId"], id);

    // Helmi has no mailbox: an electronic message cannot reach her.
    let (none, body) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("seteli-2", "050638-921K"),
        )
        .await;
    assert_eq!(none, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["validationErrors"][0]["errorCode"],
        "MAILBOX_NOT_IN_USE"
    );

    // What the real service checks: lengths, enums, the known service.
    let mut long = electronic("seteli-3", "140334-912M");
    long["electronic"]["title"] = json!("x".repeat(257));
    let mut format = electronic("seteli-4", "140334-912M");
    format["electronic"]["bodyFormat"] = json!("Html");
    let mut stranger = electronic("seteli-5", "140334-912M");
    stranger["sender"]["serviceId"] = json!("someone-else");
    for body in [long, format, stranger] {
        let (status, _) = mock.send(&token, "/v2/messages/electronic", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
    }

    let (_, found) = mock
        .send(
            &token,
            "/v2/messages/electronic",
            electronic("seteli-6", "2468013-5"),
        )
        .await;
    assert!(found["messageId"].is_i64());
}

#[tokio::test]
async fn without_a_mailbox_a_multichannel_message_goes_on_paper_with_exactly_one_pdf() {
    let mock = Mock::start().await;
    let token = mock.token().await;
    let (created, attachment) = mock.upload(&token, PDF, "application/pdf").await;
    assert_eq!(created, StatusCode::CREATED);
    let attachment_id = attachment["attachmentId"].as_str().unwrap().to_owned();
    let (refused, _) = mock
        .upload(&token, b"MZ\x90", "application/x-msdownload")
        .await;
    assert_eq!(refused, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let mut letter = electronic("seteli-paper-1", "050638-921K");
    // Paper mail needs its one attachment, both addresses and the printing service.
    let (missing, _) = mock.send(&token, "/v2/messages", letter.clone()).await;
    assert_eq!(missing, StatusCode::BAD_REQUEST);
    letter["paperMail"] = json!({
        "attachments": [{"attachmentId": attachment_id}],
        "messageServiceType": "Normal", "colorPrinting": false, "twoSidedPrinting": true,
        "rotateLandscapePages": false, "createAddressPage": true,
        "printingAndEnvelopingService": {"postiMessaging": {"username": "123456", "password": "9999",
            "contactDetails": {"email": "it@porvoo.example"}}},
        "recipient": address("Helmi Lindqvist"),
        "sender": address("Itä-Uudenmaan hyvinvointialue"),
    });
    let (sent, body) = mock.send(&token, "/v2/messages", letter.clone()).await;
    assert_eq!(sent, StatusCode::OK, "{body}");

    // Someone with a mailbox gets it electronically.
    let (electronic_sent, _) = mock
        .send(
            &token,
            "/v2/messages",
            electronic("seteli-multi-2", "220784-926C"),
        )
        .await;
    assert_eq!(electronic_sent, StatusCode::OK);

    // The events tell which way each went, page by page.
    let first = mock.events(&token, None).await;
    let kinds: Vec<&str> = first["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "Paper mail created",
            "Sent for printing and enveloping",
            "Electronic message created"
        ]
    );
    assert_eq!(
        first["events"][0]["metadata"]["externalId"],
        "seteli-paper-1"
    );
    let next = first["continuationToken"].as_str().unwrap().to_owned();
    let after = mock.events(&token, Some(&next)).await;
    assert!(after["events"].as_array().unwrap().is_empty());

    // An attachment a day old is gone.
    mock.clock
        .set_offset_seconds(messages::ATTACHMENT_SECONDS + 1);
    let token = mock.token().await;
    letter["externalId"] = json!("seteli-paper-2");
    let (stale, _) = mock.send(&token, "/v2/messages", letter).await;
    assert_eq!(stale, StatusCode::BAD_REQUEST);
}
