//! The principal's trail of what was done, or tried, on their behalf, and their message
//! outbox.

use crate::db::Statement;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{MessageKind, MessageView, TrailEntry, TrailResult};
use seteli_domain::ids::{CustomerId, MessageId, ProducerId};
use seteli_domain::mandates::{Basis, OnBehalfAction};

/// Whom a trail entry, or a session acting for someone, is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal<'a> {
    Customer(CustomerId),
    /// A person no municipality has made a customer yet, by their identity code and the
    /// names Suomi.fi-valtuudet gave.
    Person {
        hetu: &'a str,
        given_name: &'a str,
        family_name: &'a str,
    },
}

/// One line of a principal's trail.
pub struct TrailRecord<'a> {
    pub at: &'a str,
    pub actor_hetu: &'a str,
    pub actor_name: &'a str,
    pub principal: Principal<'a>,
    pub action: OnBehalfAction,
    pub basis: Basis,
    pub result: TrailResult,
}

/// The statement that writes `record`, to run alone or inside the write it describes.
pub fn trail_statement(record: &TrailRecord<'_>) -> Statement {
    (
        "INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, principal_hetu,
                                    action, basis, result)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        vec![
            record.at.into(),
            record.actor_hetu.into(),
            record.actor_name.into(),
            match record.principal {
                Principal::Customer(id) => SqlValue::from(id),
                Principal::Person { .. } => SqlValue::Null,
            },
            match record.principal {
                Principal::Customer(_) => SqlValue::Null,
                Principal::Person { hetu, .. } => hetu.into(),
            },
            record.action.as_str().into(),
            record.basis.as_str().into(),
            match record.result {
                TrailResult::Allowed => "allowed",
                TrailResult::Refused => "refused",
            }
            .into(),
        ],
    )
}

/// The statement that moves the trail kept under the identity code `hetu` to the customer
/// with that code, for the batch that makes them a customer (after the statement that does).
pub fn trail_to_customer_statement(hetu: &str) -> Statement {
    (
        "UPDATE on_behalf_log
         SET principal_customer_id = (SELECT id FROM customers WHERE hetu = ?1), principal_hetu = NULL
         WHERE principal_hetu = ?1 AND EXISTS (SELECT 1 FROM customers WHERE hetu = ?1)",
        vec![hetu.into()],
    )
}

/// The statement that queues a message to the principal about a write done for them.
pub fn message_statement(
    principal: CustomerId,
    kind: MessageKind,
    actor_name: &str,
    producer_id: ProducerId,
    created_at: &str,
) -> Statement {
    (
        "INSERT INTO messages (customer_id, kind, actor_name, producer_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        vec![
            SqlValue::from(principal),
            kind.as_str().into(),
            actor_name.into(),
            SqlValue::from(producer_id),
            created_at.into(),
        ],
    )
}

#[derive(Deserialize)]
struct TrailRow {
    #[serde(with = "seteli_domain::clock::wire_time")]
    at: time::OffsetDateTime,
    actor_name: String,
    action: String,
    basis: String,
    result: String,
}

/// What was done, or tried, on the customer's behalf, newest first.
pub async fn trail_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<TrailEntry>, DbError> {
    let rows: Vec<TrailRow> = db
        .query(
            "SELECT at, actor_name, action, basis, result FROM on_behalf_log
             WHERE principal_customer_id = ?1 ORDER BY id DESC LIMIT 500",
            &[SqlValue::from(customer)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(TrailEntry {
                action: OnBehalfAction::parse(&r.action)
                    .ok_or_else(|| DbError::bad_row("on_behalf_log", "action"))?,
                basis: Basis::parse(&r.basis)
                    .ok_or_else(|| DbError::bad_row("on_behalf_log", "basis"))?,
                result: match r.result.as_str() {
                    "allowed" => TrailResult::Allowed,
                    "refused" => TrailResult::Refused,
                    _ => return Err(DbError::bad_row("on_behalf_log", "result")),
                },
                at: r.at,
                actor_name: r.actor_name,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct MessageRow {
    id: MessageId,
    #[serde(with = "seteli_domain::clock::wire_time")]
    created_at: time::OffsetDateTime,
    kind: String,
    actor_name: String,
    producer_name: String,
    status: seteli_domain::delivery::MessageStatus,
}

/// The messages queued to the customer, newest first.
pub async fn messages_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<MessageView>, DbError> {
    let rows: Vec<MessageRow> = db
        .query(
            "SELECT m.id, m.created_at, m.kind, m.actor_name, COALESCE(p.name, '') AS producer_name, m.status
             FROM messages m LEFT JOIN producers p ON p.id = m.producer_id
             WHERE m.customer_id = ?1 ORDER BY m.id DESC LIMIT 500",
            &[SqlValue::from(customer)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(MessageView {
                kind: MessageKind::parse(&r.kind)
                    .ok_or_else(|| DbError::bad_row("messages", "kind"))?,
                id: r.id,
                created_at: r.created_at,
                actor_name: r.actor_name,
                producer_name: r.producer_name,
                status: r.status,
            })
        })
        .collect()
}
