//! Delivering the outbox: every due message is claimed by one run, sent electronically when
//! its recipient's mailbox is active and as a printed letter otherwise, and its state is
//! then read back from the events feed. Runs from the Cron Trigger and right after a write.

use super::client::{CallError, MessagesClient};
use super::events::read_events;
use super::{letter, MessagesConfig};
use crate::db::outbox::{self, OutboxRow, Outcome};
use crate::db::{Database, DbError};
use crate::outbound::Outbound;
use serde_json::{json, Value};
use seteli_domain::api::MessageKind;
use seteli_domain::clock::{finnish_date, rfc3339};
use seteli_domain::delivery::texts::{notice, notice_lang, Addressee, Facts, Notice};
use seteli_domain::delivery::{retry_at, HeldReason, MessageStatus};
use seteli_domain::{Hetu, Lang};
use time::OffsetDateTime;

/// At most this many messages a run (each takes up to four calls of at most 3 s).
const BATCH: i64 = 20;

/// A claimed message is held this long (seconds): longer than any attempt takes.
const LEASE_SECS: i64 = 60;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Taken by Suomi.fi Messages (electronic or paper).
    pub handed_over: usize,
    pub held: usize,
    pub retried: usize,
    pub failed: usize,
    /// Messages whose state an event moved on.
    pub updated: usize,
}

/// The scheduled run: delivers the due messages and reads the events feed, when Suomi.fi
/// Messages is configured (else the outbox waits). The texts send readers to `service_url`.
pub async fn deliver_due(
    db: &impl Database,
    http: &impl Outbound,
    messages: Option<&MessagesConfig>,
    service_url: &str,
    now: OffsetDateTime,
) -> Result<DeliveryReport, DbError> {
    let Some(messages) = messages else {
        return Ok(DeliveryReport::default());
    };
    let client = MessagesClient::new(db, http, messages, now.unix_timestamp());
    let mut report = send_due(&client, service_url, now).await?;
    match read_events(&client, &rfc3339(now)).await {
        Ok(updated) => report.updated = updated,
        Err(e) => crate::error::log_warning(&format!("Suomi.fi Messages events: {e:?}")),
    }
    Ok(report)
}

/// Right after a write: sends what is due (the message the write queued among them),
/// without reading the events feed, which the scheduled run keeps up with.
pub async fn send_after_write(
    db: &impl Database,
    http: &impl Outbound,
    messages: &MessagesConfig,
    service_url: &str,
    now: OffsetDateTime,
) -> Result<DeliveryReport, DbError> {
    let client = MessagesClient::new(db, http, messages, now.unix_timestamp());
    send_due(&client, service_url, now).await
}

/// Claims and sends each due message, recording what came of it.
async fn send_due<D: Database, H: Outbound>(
    client: &MessagesClient<'_, D, H>,
    service_url: &str,
    now: OffsetDateTime,
) -> Result<DeliveryReport, DbError> {
    let db = client.db;
    let unix = client.now;
    let at = rfc3339(now);
    let mut report = DeliveryReport::default();
    for id in outbox::due(db, unix, BATCH).await? {
        let Some(lease) = crate::crypto::random_token() else {
            return Err(DbError("no randomness for a lease".into()));
        };
        if !outbox::claim(db, id, &lease, unix, unix + LEASE_SECS).await? {
            continue;
        }
        let Some(row) = outbox::load(db, id, &lease).await? else {
            continue;
        };
        let outcome = attempt(client, &row, service_url, now).await?;
        match &outcome {
            Outcome::HandedOver { .. } => report.handed_over += 1,
            Outcome::Held(_) => report.held += 1,
            Outcome::Retry { .. } => report.retried += 1,
            Outcome::Failed { .. } => report.failed += 1,
        }
        outbox::record(db, id, &lease, &at, &outcome).await?;
    }
    Ok(report)
}

/// The next attempt after a failure worth retrying, or failed once a day has passed.
fn retry<D: Database, H: Outbound>(
    client: &MessagesClient<'_, D, H>,
    row: &OutboxRow,
    error: String,
) -> Outcome {
    let queued_at = time::OffsetDateTime::parse(
        &row.created_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map_or(client.now, |t| t.unix_timestamp());
    let attempts = u32::try_from(row.attempts + 1).unwrap_or(u32::MAX);
    match retry_at(attempts, queued_at, client.now) {
        Some(next_at) => Outcome::Retry { error, next_at },
        None => Outcome::Failed { error },
    }
}

/// Whom a message goes to.
struct Recipient {
    /// An identity code or a business id: the mailbox's key.
    id: String,
    name: String,
    address: Option<Address>,
    non_disclosure: bool,
    lang: Lang,
}

struct Address {
    street: String,
    postal_code: String,
    city: String,
}

/// One attempt at message `row`; the outcome to record.
async fn attempt<D: Database, H: Outbound>(
    client: &MessagesClient<'_, D, H>,
    row: &OutboxRow,
    service_url: &str,
    now: OffsetDateTime,
) -> Result<Outcome, DbError> {
    let (recipient, child) = match recipient(client.db, row, finnish_date(now)).await? {
        Ok(found) => found,
        Err(reason) => return Ok(Outcome::Held(reason)),
    };
    let lang = notice_lang(Some(recipient.lang));
    let organiser = match lang {
        Lang::Sv => row.organiser_sv.as_deref(),
        _ => row.organiser_fi.as_deref(),
    }
    .unwrap_or("Seteli");
    let addressee = match (&child, row.company_id.is_some()) {
        (Some(child), _) => Addressee::GuardianOf(child),
        (None, true) => Addressee::Company,
        (None, false) => Addressee::Principal,
    };
    let text = notice(
        lang,
        &Facts {
            kind: MessageKind::parse(&row.kind).unwrap_or(MessageKind::Unknown),
            actor: &row.actor_name,
            producer: row.producer_name.as_deref().unwrap_or_default(),
            organiser,
            addressee,
            service_url,
        },
    );
    let sent = send(client, row, &recipient, &text, organiser, now).await;
    Ok(match sent {
        Ok(Sent::Handed(status, remote_id)) => Outcome::HandedOver {
            status,
            remote_id,
            recipient_name: recipient.name,
        },
        Ok(Sent::Held(reason)) => Outcome::Held(reason),
        // A mailbox closed between the check and the send is tried again like an outage.
        Err(CallError::Retry(error)) => retry(client, row, error),
        Err(CallError::MailboxNotInUse) => retry(client, row, "MAILBOX_NOT_IN_USE".into()),
        Err(CallError::Refused(error)) => Outcome::Failed { error },
    })
}

/// The recipient of `row`, and the child's name when it goes to a guardian; or why it must
/// wait for staff.
async fn recipient(
    db: &impl Database,
    row: &OutboxRow,
    today: time::Date,
) -> Result<Result<(Recipient, Option<String>), HeldReason>, DbError> {
    let address = |street: &Option<String>, postal: &Option<String>, city: &Option<String>| match (
        street.as_deref(),
        postal.as_deref(),
        city.as_deref(),
    ) {
        (Some(s), Some(p), Some(c)) if !s.is_empty() && !p.is_empty() && !c.is_empty() => {
            Some(Address {
                street: s.to_owned(),
                postal_code: p.to_owned(),
                city: c.to_owned(),
            })
        }
        _ => None,
    };
    if let Some(company) = &row.company_id {
        return Ok(Ok((
            Recipient {
                id: company.clone(),
                name: row.company_name.clone().unwrap_or_default(),
                address: address(
                    &row.company_street,
                    &row.company_postal_code,
                    &row.company_post_office,
                ),
                non_disclosure: false,
                lang: Lang::Fi,
            },
            None,
        )));
    }
    // A named guardian who is not a customer: Seteli knows no address or language, so
    // only their mailbox reaches them (else staff review it); the text names the child.
    if let (Some(hetu), Some(name)) = (&row.to_hetu, &row.to_name) {
        return Ok(Ok((
            Recipient {
                id: hetu.clone(),
                name: name.clone(),
                address: None,
                non_disclosure: false,
                lang: Lang::Fi,
            },
            row.about_name.clone(),
        )));
    }
    let (Some(customer), Some(hetu)) = (row.customer_id, row.hetu.as_deref()) else {
        return Ok(Err(HeldReason::NoRecipient));
    };
    let Ok(hetu) = Hetu::parse(hetu) else {
        return Ok(Err(HeldReason::NoRecipient));
    };
    let own_name = format!(
        "{} {}",
        row.given_name.as_deref().unwrap_or_default(),
        row.family_name.as_deref().unwrap_or_default()
    );
    let lang = row
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(Lang::Fi);
    let home = address(&row.street_address, &row.postal_code, &row.post_office);
    let non_disclosure = row.non_disclosure != 0;
    if !hetu.is_minor_on(today) {
        return Ok(Ok((
            Recipient {
                id: hetu.as_str().to_owned(),
                name: own_name,
                address: home,
                non_disclosure,
                lang,
            },
            None,
        )));
    }
    // A child's message goes to the guardian who acted (and stays in the child's trail);
    // the letter goes to the child's home, where the guardian lives. About a child's
    // application, that is the guardian who applied.
    let guardian = match (&row.applicant_hetu, &row.applicant_name) {
        (Some(hetu), Some(name)) => Some(outbox::Guardian {
            actor_hetu: hetu.clone(),
            actor_name: name.clone(),
        }),
        _ => outbox::guardian_of(db, customer).await?,
    };
    let Some(guardian) = guardian else {
        return Ok(Err(HeldReason::NoRecipient));
    };
    Ok(Ok((
        Recipient {
            id: guardian.actor_hetu,
            name: guardian.actor_name,
            address: home,
            non_disclosure,
            lang,
        },
        Some(row.given_name.clone().unwrap_or_default()),
    )))
}

enum Sent {
    Handed(MessageStatus, i64),
    Held(HeldReason),
}

/// Electronic when the mailbox is active; otherwise paper, unless the person's address is
/// protected (staff must release it first) or unknown.
async fn send<D: Database, H: Outbound>(
    client: &MessagesClient<'_, D, H>,
    row: &OutboxRow,
    recipient: &Recipient,
    text: &Notice,
    organiser: &str,
    now: OffsetDateTime,
) -> Result<Sent, CallError> {
    let mut message = json!({
        "externalId": row.id.to_string(),
        "recipient": {"id": recipient.id},
        "sender": {"serviceId": client.config.service_id},
        "electronic": {
            "title": text.title,
            "body": text.body(),
            "bodyFormat": "Text",
            "messageServiceType": "Normal",
            "replyAllowedBy": "No one",
            "notifications": {
                "senderDetailsInNotifications": "Organisation and service name",
                "unreadMessageNotification": {"reminder": "Default reminder"}
            }
        }
    });
    let active = client.active_mailboxes(&[recipient.id.as_str()]).await?;
    if active.iter().any(|id| id == &recipient.id) {
        match client.send(&message, false).await {
            Ok(remote_id) => return Ok(Sent::Handed(MessageStatus::Sent, remote_id)),
            // Closed between the check and the send: on paper, below.
            Err(CallError::MailboxNotInUse) => {}
            Err(e) => return Err(e),
        }
    }
    if recipient.non_disclosure && row.released_by.is_none() {
        return Ok(Sent::Held(HeldReason::NonDisclosure));
    }
    let Some(address) = &recipient.address else {
        return Ok(Sent::Held(HeldReason::NoAddress));
    };
    let Some(posti) = client.config.posti.as_ref() else {
        return Err(CallError::Refused("paper mail is not configured".into()));
    };
    let sender = letter::Sender {
        name: organiser,
        street: row.organiser_street.as_deref().unwrap_or_default(),
        postal_code: row.organiser_postal_code.as_deref().unwrap_or_default(),
        city: row.organiser_post_office.as_deref().unwrap_or_default(),
    };
    let pdf = letter::render(text, &sender, now, notice_lang(Some(recipient.lang)))
        .map_err(CallError::Refused)?;
    let attachment = client
        .upload_pdf(&format!("seteli-{}.pdf", row.id), &pdf)
        .await?;
    let postal = |name: &str, street: &str, zip: &str, city: &str| json!({"name": name, "streetAddress": street, "zipCode": zip, "city": city, "countryCode": "FI"});
    let mut service = json!({"postiMessaging": {
        "username": posti.username, "password": posti.password,
        "contactDetails": {"email": posti.email}
    }});
    if let Some(pool) = &posti.cost_pool {
        service["costPool"] = Value::from(pool.as_str());
    }
    message["paperMail"] = json!({
        "attachments": [{"attachmentId": attachment}],
        "messageServiceType": "Normal",
        "colorPrinting": false,
        "twoSidedPrinting": true,
        "rotateLandscapePages": false,
        "createAddressPage": true,
        "printingAndEnvelopingService": service,
        "recipient": {"address": postal(&recipient.name, &address.street, &address.postal_code, &address.city)},
        "sender": {"address": postal(sender.name, sender.street, sender.postal_code, sender.city)}
    });
    let remote_id = client.send(&message, true).await?;
    Ok(Sent::Handed(MessageStatus::Paper, remote_id))
}
