//! Sending: the electronic route and the multichannel one, checked as the real service checks
//! a message (`../shared/docs/messages-api.md`).

use super::{answer, reason, Sent, Shared};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;

/// Longest title, `externalId` and address field; longest body.
const SHORT_MAX: usize = 256;
const BODY_MAX: usize = 40_000;

/// What is wrong with a message, as the 400's reason says it.
type Invalid = String;

fn text<'a>(value: &'a Value, field: &str, max: usize) -> Result<&'a str, Invalid> {
    match value[field].as_str() {
        Some(s) if !s.trim().is_empty() && s.chars().count() <= max => Ok(s),
        _ => Err(format!("{field} is required and at most {max} characters")),
    }
}

fn one_of(value: &Value, field: &str, allowed: &[&str]) -> Result<(), Invalid> {
    match value[field].as_str() {
        Some(s) if allowed.contains(&s) => Ok(()),
        _ => Err(format!("{field} must be one of {}", allowed.join(", "))),
    }
}

/// The parts every message has: its `externalId`, recipient and sender.
fn envelope<'a>(shared: &Shared, body: &'a Value) -> Result<(&'a str, &'a str), Invalid> {
    let external_id = text(body, "externalId", SHORT_MAX)?;
    let recipient = text(&body["recipient"], "id", 11)?;
    if recipient.chars().count() < 9 {
        return Err("recipient.id must be 9-11 characters".into());
    }
    if body["sender"]["serviceId"] != shared.service_id() {
        return Err("sender.serviceId is not a known service".into());
    }
    Ok((external_id, recipient))
}

/// The electronic part's checks.
fn electronic_part(shared: &Shared, part: &Value) -> Result<(), Invalid> {
    if !part.is_object() {
        return Err("electronic is required".into());
    }
    text(part, "title", SHORT_MAX)?;
    text(part, "body", BODY_MAX)?;
    one_of(part, "bodyFormat", &["Text", "Markdown"])?;
    one_of(part, "messageServiceType", &["Normal", "Verifiable"])?;
    one_of(part, "replyAllowedBy", &["Anyone", "No one"])?;
    if !part["notifications"].is_object() {
        return Err("electronic.notifications is required".into());
    }
    attachments(shared, part, 50)?;
    Ok(())
}

/// The listed attachments exist and are fresh; at most `max`.
fn attachments(shared: &Shared, part: &Value, max: usize) -> Result<usize, Invalid> {
    let list = part["attachments"].as_array().cloned().unwrap_or_default();
    if list.len() > max {
        return Err(format!("at most {max} attachments"));
    }
    for a in &list {
        let id = a["attachmentId"].as_str().unwrap_or_default();
        if !shared.attachment_usable(id) {
            return Err(format!("attachment {id} does not exist or has expired"));
        }
    }
    Ok(list.len())
}

/// The paper part's checks: exactly one attachment, the recipient's and the sender's
/// addresses, the printing service's details.
fn paper_part(shared: &Shared, part: &Value) -> Result<(), Invalid> {
    if !part.is_object() {
        return Err("paperMail is required for a recipient without an active mailbox".into());
    }
    if attachments(shared, part, 1)? != 1 {
        return Err("paper mail carries exactly one attachment".into());
    }
    for whose in ["recipient", "sender"] {
        let address = &part[whose]["address"];
        for field in ["name", "streetAddress", "zipCode", "city", "countryCode"] {
            text(address, field, SHORT_MAX)
                .map_err(|e| format!("paperMail.{whose}.address.{e}"))?;
        }
    }
    if !part["printingAndEnvelopingService"]["postiMessaging"].is_object() {
        return Err("paperMail.printingAndEnvelopingService.postiMessaging is required".into());
    }
    Ok(())
}

/// 409 with the original message's id, for a reused `externalId`.
fn conflict(original: i64) -> Response {
    answer(
        StatusCode::CONFLICT,
        json!({"messageId": original, "reason": "externalId has already been used"}),
    )
}

/// 409 when the `externalId` was used before.
fn reused(shared: &Shared, external_id: &str) -> Option<Response> {
    shared.sent_as(external_id).map(conflict)
}

/// Keeps the checked message `body`, sent by `channel`; the answer.
fn accept(shared: &Shared, body: &Value, channel: &'static str) -> Response {
    let field = |part: &str, name: &str| body[part][name].as_str().unwrap_or_default().to_owned();
    let part = if channel == "paper" {
        &body["paperMail"]
    } else {
        &body["electronic"]
    };
    let sent = Sent {
        message_id: 0,
        external_id: body["externalId"].as_str().unwrap_or_default().to_owned(),
        recipient: field("recipient", "id"),
        channel,
        title: field("electronic", "title"),
        body: field("electronic", "body"),
        attachments: part["attachments"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|a| a["attachmentId"].as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        paper_address: (channel == "paper")
            .then(|| body["paperMail"]["recipient"]["address"].clone()),
        created_at: time::OffsetDateTime::UNIX_EPOCH,
    };
    match shared.keep(sent) {
        Ok(id) => answer(StatusCode::OK, json!({ "messageId": id })),
        Err(original) => conflict(original),
    }
}

fn invalid(text: Invalid) -> Response {
    reason(StatusCode::BAD_REQUEST, &text)
}

/// The request's message, once its token is valid.
fn message(
    shared: &Shared,
    headers: &HeaderMap,
    body: Option<Json<Value>>,
) -> Result<Value, Box<Response>> {
    if let Some(refused) = shared.refusal(headers) {
        return Err(Box::new(refused));
    }
    body.map(|Json(body)| body)
        .ok_or_else(|| Box::new(invalid("a JSON body is required".into())))
}

/// `POST /v2/messages/electronic`: only to an active mailbox.
pub(super) async fn electronic(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Response {
    let body = match message(&shared, &headers, body) {
        Ok(body) => body,
        Err(refused) => return *refused,
    };
    let checked = envelope(&shared, &body).and_then(|(external_id, recipient)| {
        electronic_part(&shared, &body["electronic"]).map(|()| (external_id, recipient))
    });
    let (external_id, recipient) = match checked {
        Ok(parts) => parts,
        Err(text) => return invalid(text),
    };
    if let Some(conflict) = reused(&shared, external_id) {
        return conflict;
    }
    if !shared.has_mailbox(recipient) {
        return answer(
            StatusCode::BAD_REQUEST,
            json!({"reason": "The recipient has no active mailbox",
                   "validationErrors": [{"error": "Mailbox not in use", "errorCode": "MAILBOX_NOT_IN_USE"}]}),
        );
    }
    accept(&shared, &body, "electronic")
}

/// `POST /v2/messages`: electronic when the recipient's mailbox is active, else paper.
pub(super) async fn multichannel(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Response {
    let body = match message(&shared, &headers, body) {
        Ok(body) => body,
        Err(refused) => return *refused,
    };
    let checked = envelope(&shared, &body).and_then(|(external_id, recipient)| {
        electronic_part(&shared, &body["electronic"])?;
        if !body["paperMail"].is_null() || !shared.has_mailbox(recipient) {
            paper_part(&shared, &body["paperMail"])?;
        }
        Ok((external_id, recipient))
    });
    let (external_id, recipient) = match checked {
        Ok(parts) => parts,
        Err(text) => return invalid(text),
    };
    if let Some(conflict) = reused(&shared, external_id) {
        return conflict;
    }
    let channel = if shared.has_mailbox(recipient) {
        "electronic"
    } else {
        "paper"
    };
    accept(&shared, &body, channel)
}
