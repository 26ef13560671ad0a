//! The Suomi.fi Messages REST client: the access token (kept in D1 until it expires, renewed
//! once on a 401), the active-mailbox check, attachments, electronic and multichannel sends,
//! and the events feed — as `../shared/docs/messages-api.md` describes the API.

use super::MessagesConfig;
use crate::db::{service_state, Database};
use crate::http::Method;
use crate::outbound::{Outbound, OutboundRequest, OutboundResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// Why a call did not go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Worth trying again later: no answer in time, a 5xx or a 429. The text is for the log
    /// and the outbox row (a status code, never a person's data).
    Retry(String),
    /// The service refused the request for good (a 4xx other than 409): trying again would
    /// be refused again.
    Refused(String),
    /// An electronic send to someone whose mailbox is not in use (`MAILBOX_NOT_IN_USE`).
    MailboxNotInUse,
}

/// The service's key for the access token in `service_state`.
const TOKEN_KEY: &str = "messages.token";

/// A token is renewed this many seconds before it expires, so no call carries a token that
/// runs out on the way.
const TOKEN_MARGIN_SECS: i64 = 60;

/// One conversation with Suomi.fi Messages at `now` (Unix seconds): one run of the
/// delivery, which asks D1 for the token once and then keeps it.
pub struct MessagesClient<'a, D: Database, H: Outbound> {
    pub db: &'a D,
    pub http: &'a H,
    pub config: &'a MessagesConfig,
    pub now: i64,
    token: std::cell::RefCell<Option<String>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: i64,
}

/// One event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    pub event_type: String,
    /// The sender's id of the message (the outbox row's id), when the event names one.
    pub external_id: Option<String>,
}

/// A page of the events feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedPage {
    pub continuation_token: Option<String>,
    pub events: Vec<FeedEvent>,
}

impl<'a, D: Database, H: Outbound> MessagesClient<'a, D, H> {
    pub fn new(db: &'a D, http: &'a H, config: &'a MessagesConfig, now: i64) -> Self {
        Self {
            db,
            http,
            config,
            now,
            token: std::cell::RefCell::new(None),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url.trim_end_matches('/'))
    }

    /// A valid access token: this run's, else the stored one while it lasts, else a new
    /// one (stored).
    async fn token(&self, renew: bool) -> Result<String, CallError> {
        if !renew {
            let kept = self.token.borrow().clone();
            if let Some(token) = kept {
                return Ok(token);
            }
            let stored = service_state::get(self.db, TOKEN_KEY, self.now + TOKEN_MARGIN_SECS)
                .await
                .map_err(|e| CallError::Retry(format!("token store: {}", e.0)))?;
            if let Some(token) = stored {
                self.token.replace(Some(token.clone()));
                return Ok(token);
            }
        }
        let body = json!({"username": self.config.username, "password": self.config.password});
        let response = self
            .http
            .send(json_request(Method::Post, self.url("/v1/token"), &body))
            .await
            .map_err(|e| CallError::Retry(e.0))?;
        check_status(&response)?;
        let answer: TokenAnswer = serde_json::from_str(&response.body)
            .map_err(|_| CallError::Retry("token: unreadable answer".into()))?;
        service_state::put(
            self.db,
            TOKEN_KEY,
            &answer.access_token,
            // The lifetime is the service's word, within reason: never past a day.
            Some(
                self.now
                    .saturating_add(answer.expires_in.clamp(0, 24 * 60 * 60)),
            ),
        )
        .await
        .map_err(|e| CallError::Retry(format!("token store: {}", e.0)))?;
        self.token.replace(Some(answer.access_token.clone()));
        Ok(answer.access_token)
    }

    /// Sends `request` with the token; on a 401 fetches a new token once and sends again.
    async fn call(&self, mut request: OutboundRequest) -> Result<OutboundResponse, CallError> {
        let headers = request.headers.clone();
        for renew in [false, true] {
            let token = self.token(renew).await?;
            request.headers = headers.clone();
            request
                .headers
                .push(("authorization".into(), format!("Bearer {token}")));
            let response = self
                .http
                .send(request.clone())
                .await
                .map_err(|e| CallError::Retry(e.0))?;
            if response.status != 401 {
                return Ok(response);
            }
        }
        Err(CallError::Refused("401: the token was not accepted".into()))
    }

    /// Which of `ids` (identity codes or business ids) have an active mailbox.
    pub async fn active_mailboxes(&self, ids: &[&str]) -> Result<Vec<String>, CallError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer {
            end_users_with_active_mailbox: Vec<Id>,
        }
        #[derive(Deserialize)]
        struct Id {
            id: String,
        }
        let users: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
        let body = json!({"endUsers": users});
        let response = self
            .call(json_request(
                Method::Post,
                self.url("/v1/mailboxes/active"),
                &body,
            ))
            .await?;
        check_status(&response)?;
        let answer: Answer = serde_json::from_str(&response.body)
            .map_err(|_| CallError::Retry("mailboxes: unreadable answer".into()))?;
        Ok(answer
            .end_users_with_active_mailbox
            .into_iter()
            .map(|u| u.id)
            .collect())
    }

    /// Uploads a PDF; its attachment id.
    pub async fn upload_pdf(&self, file_name: &str, pdf: &[u8]) -> Result<String, CallError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer {
            attachment_id: String,
        }
        let boundary = format!(
            "seteli-{}",
            crate::crypto::random_token()
                .ok_or_else(|| CallError::Retry("no randomness for a boundary".into()))?
        );
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(pdf);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = OutboundRequest {
            method: Method::Post,
            url: self.url("/v2/attachments"),
            headers: vec![(
                "content-type".into(),
                format!("multipart/form-data; boundary={boundary}"),
            )],
            body: Some(body),
        };
        let response = self.call(request).await?;
        check_status(&response)?;
        let answer: Answer = serde_json::from_str(&response.body)
            .map_err(|_| CallError::Retry("attachment: unreadable answer".into()))?;
        Ok(answer.attachment_id)
    }

    /// Sends a message (`/v2/messages/electronic` when `paper` is false, else the
    /// multichannel `/v2/messages`); the service's message id. A reused `externalId` (409)
    /// is the message sent before: its id is returned as a success.
    pub async fn send(&self, message: &Value, paper: bool) -> Result<i64, CallError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer {
            message_id: i64,
        }
        let path = if paper {
            "/v2/messages"
        } else {
            "/v2/messages/electronic"
        };
        let response = self
            .call(json_request(Method::Post, self.url(path), message))
            .await?;
        if response.status == 400 && response.body.contains("MAILBOX_NOT_IN_USE") {
            return Err(CallError::MailboxNotInUse);
        }
        if response.status != 409 {
            check_status(&response)?;
        }
        let answer: Answer = serde_json::from_str(&response.body)
            .map_err(|_| CallError::Retry("send: unreadable answer".into()))?;
        Ok(answer.message_id)
    }

    /// The events after `continuation` (from the start when `None`).
    pub async fn events(&self, continuation: Option<&str>) -> Result<FeedPage, CallError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Answer {
            continuation_token: Option<String>,
            #[serde(default)]
            events: Vec<Event>,
        }
        #[derive(Deserialize)]
        struct Event {
            #[serde(rename = "type")]
            event_type: String,
            #[serde(default)]
            metadata: Metadata,
        }
        #[derive(Deserialize, Default)]
        #[serde(rename_all = "camelCase")]
        struct Metadata {
            external_id: Option<String>,
        }
        let mut url = url::Url::parse(&self.url("/v2/events"))
            .map_err(|_| CallError::Refused("MESSAGES_BASE_URL is not a URL".into()))?;
        if let Some(token) = continuation {
            url.query_pairs_mut()
                .append_pair("continuationToken", token);
        }
        let response = self.call(OutboundRequest::get(url.to_string())).await?;
        check_status(&response)?;
        let answer: Answer = serde_json::from_str(&response.body)
            .map_err(|_| CallError::Retry("events: unreadable answer".into()))?;
        Ok(FeedPage {
            continuation_token: answer.continuation_token,
            events: answer
                .events
                .into_iter()
                .map(|e| FeedEvent {
                    event_type: e.event_type,
                    external_id: e.metadata.external_id,
                })
                .collect(),
        })
    }
}

fn json_request(method: Method, url: String, body: &Value) -> OutboundRequest {
    OutboundRequest {
        method,
        url,
        headers: vec![("content-type".into(), "application/json".into())],
        body: Some(body.to_string().into_bytes()),
    }
}

/// A 2xx passes; 5xx and 429 are worth retrying; any other answer is a refusal. Only the
/// status and the service's error code are kept: its `reason` may quote what was sent.
fn check_status(response: &OutboundResponse) -> Result<(), CallError> {
    match response.status {
        200..=299 => Ok(()),
        429 | 500..=599 => Err(CallError::Retry(format!("HTTP {}", response.status))),
        status => {
            let code = serde_json::from_str::<Value>(&response.body)
                .ok()
                .and_then(|v| {
                    v.pointer("/validationErrors/0/errorCode")
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .unwrap_or_default();
            Err(CallError::Refused(
                format!("HTTP {status} {code}").trim().to_owned(),
            ))
        }
    }
}
