//! What the mock remembers: tokens, uploaded attachments, the messages it accepted and the
//! events feed. Continuation tokens are positions in the feed counted from the mock's start,
//! so a token stays valid when tests append events or `POST /dev/reset` clears the feed.

use serde_json::{json, Value};
use std::collections::HashMap;
use time::OffsetDateTime;

/// An uploaded file.
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    pub bytes: Vec<u8>,
    pub content_type: String,
    /// Unix seconds on the mock's clock.
    pub stored_at: i64,
}

/// A message as the mock keeps it.
#[derive(Debug, Clone)]
pub struct Sent {
    pub message_id: i64,
    pub external_id: String,
    pub recipient: String,
    /// `electronic` or `paper`.
    pub channel: &'static str,
    pub title: String,
    pub body: String,
    /// The attachments of the channel it went by (for paper, the letter).
    pub attachments: Vec<String>,
    /// The recipient's postal address, for paper mail.
    pub paper_address: Option<Value>,
    pub created_at: OffsetDateTime,
}

#[derive(Default)]
pub(crate) struct Store {
    pub tokens: HashMap<String, i64>,
    pub attachments: HashMap<String, Attachment>,
    pub messages: Vec<Sent>,
    /// The feed since the last reset; `dropped` events came before it.
    events: Vec<Value>,
    dropped: usize,
    /// The last message id given; ids are never reused, not even after a reset.
    last_message_id: i64,
}

/// The details a Posti event may carry.
pub(crate) struct Extra<'a> {
    pub posti_tracking_code: Option<&'a str>,
}

impl Store {
    /// The message sent under `external_id`, if any.
    pub fn sent_as(&self, external_id: &str) -> Option<&Sent> {
        self.messages.iter().find(|m| m.external_id == external_id)
    }

    /// Keeps `sent` under a new id and appends the events its channel makes; the new id, or
    /// the original's when its `externalId` was used before.
    pub fn accept(&mut self, mut sent: Sent, service_id: &str) -> Result<i64, i64> {
        if let Some(original) = self.sent_as(&sent.external_id) {
            return Err(original.message_id);
        }
        self.last_message_id += 1;
        sent.message_id = self.last_message_id;
        let kinds: &[&str] = if sent.channel == "electronic" {
            &["Electronic message created"]
        } else {
            &["Paper mail created", "Sent for printing and enveloping"]
        };
        for kind in kinds {
            self.push_event(kind, &sent, service_id, sent.created_at, None);
        }
        self.messages.push(sent);
        Ok(self.last_message_id)
    }

    /// Appends an event of `kind` about `sent` to the feed; the event.
    pub fn push_event(
        &mut self,
        kind: &str,
        sent: &Sent,
        service_id: &str,
        at: OffsetDateTime,
        extra: Option<Extra<'_>>,
    ) -> Value {
        let mut metadata = json!({"messageId": sent.message_id, "serviceId": service_id,
                                  "externalId": sent.external_id});
        if let Some(code) = extra.and_then(|e| e.posti_tracking_code) {
            metadata["postiTrackingCode"] = json!(code);
        }
        let event = json!({
            "type": kind,
            "eventTime": seteli_domain::clock::rfc3339(at),
            "metadata": metadata,
        });
        self.events.push(event.clone());
        event
    }

    /// The events after `continuation` (none: from the start), at most `max`, and the token
    /// for the next call; `None` for a token the mock never gave.
    pub fn events_after(
        &self,
        continuation: Option<&str>,
        max: usize,
    ) -> Option<(Vec<Value>, usize)> {
        let end = self.dropped + self.events.len();
        let from = match continuation {
            None => 0,
            Some(token) => token.parse::<usize>().ok().filter(|n| *n <= end)?,
        };
        let skip = from.saturating_sub(self.dropped);
        let page: Vec<Value> = self.events.iter().skip(skip).take(max).cloned().collect();
        let next = self.dropped + skip + page.len();
        Some((page, next))
    }

    /// The newest event about message `message_id`.
    pub fn latest_event(&self, message_id: i64) -> Option<&Value> {
        self.events
            .iter()
            .rev()
            .find(|e| e["metadata"]["messageId"] == message_id)
    }

    /// Forgets every message and event; tokens and attachments stay.
    pub fn reset(&mut self) {
        self.messages.clear();
        self.dropped += self.events.len();
        self.events.clear();
    }
}
