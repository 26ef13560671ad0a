//! The producer's log: who did what to which voucher and event.

use crate::db::SqlValue;
use crate::db::Statement;
use seteli_domain::ids::{EventId, ProducerId, VoucherId};

/// Who did something to a customer's data for the producer, for [`log_statement`].
pub struct Actor<'a> {
    pub name: &'a str,
    /// SHA-256 of the person's identity code.
    pub key: &'a str,
    pub at: &'a str,
}

/// The statement that logs `action` on `voucher_id` (and `event`, or the event of the
/// submission `key` when `event` is `None` and a key is given).
pub fn log_statement(
    producer: ProducerId,
    actor: &Actor<'_>,
    voucher_id: VoucherId,
    event: EventRef<'_>,
    action: &'static str,
) -> Statement {
    // ?7 is the event: none, its id, or the key it was stored under in the same batch.
    let (sql, event_value) = match event {
        EventRef::None => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            SqlValue::Null,
        ),
        EventRef::Id(id) => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            SqlValue::from(id),
        ),
        EventRef::Submission(key) => (
            "INSERT INTO producer_log (producer_id, at, actor_name, actor_key, voucher_id, action, event_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                     (SELECT event_id FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?7))",
            SqlValue::Text(key.to_owned()),
        ),
    };
    (
        sql,
        vec![
            SqlValue::from(producer),
            actor.at.into(),
            actor.name.into(),
            actor.key.into(),
            SqlValue::from(voucher_id),
            action.into(),
            event_value,
        ],
    )
}

/// Which event a log line is about.
#[derive(Clone, Copy)]
pub enum EventRef<'a> {
    None,
    Id(EventId),
    /// The event stored in the same batch under this idempotency key.
    Submission(&'a str),
}
