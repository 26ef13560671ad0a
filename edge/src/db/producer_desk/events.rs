//! The producer's service events: pricing on the service date, listing, storing
//! (idempotent, never below the balance), cancelling and correcting.

use super::log::{log_statement, Actor, EventRef};
use super::money;
use crate::db::offers::is_current_price;
use crate::db::IdRow;
use crate::db::Statement;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::ProducerEvent;
use seteli_domain::catalogue::Unit;
use seteli_domain::ids::{EventId, ProducerId, VoucherId};
use seteli_domain::voucher::EventStatus;
use seteli_domain::Cents;
use time::Date;

/// The producer's price per unit for the voucher's service and municipality on
/// `service_date` (the offer with the latest start on or before it), if the producer is
/// approved for it.
pub async fn price_on(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: VoucherId,
    service_date: Date,
) -> Result<Option<Cents>, DbError> {
    #[derive(Deserialize)]
    struct PriceOnRow {
        price_cents: i64,
    }
    let rows: Vec<PriceOnRow> = db
        .query(
            &format!(
                "SELECT o.price_cents FROM vouchers v
                 JOIN approvals a ON a.producer_id = ?1 AND a.municipality_code = v.municipality_code
                                 AND a.service_code = v.service_code AND a.status = 'approved'
                 JOIN offers o ON o.producer_id = ?1 AND o.municipality_code = v.municipality_code
                              AND o.service_code = v.service_code
                 WHERE v.id = ?2 AND {}",
                is_current_price("?3")
            ),
            &[
                SqlValue::from(producer),
                SqlValue::from(voucher_id),
                service_date.into(),
            ],
        )
        .await?;
    rows.first()
        .map(|r| money(r.price_cents, "offers", "price_cents"))
        .transpose()
}

/// The request hash stored with the producer's submission `key`: `None` when there is no
/// such submission or it was stored before hashes were kept.
pub async fn submission_hash(
    db: &impl Database,
    producer: ProducerId,
    key: &str,
) -> Result<Option<String>, DbError> {
    #[derive(Deserialize)]
    struct HashRow {
        request_hash: Option<String>,
    }
    let rows: Vec<HashRow> = db
        .query(
            "SELECT request_hash FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?2",
            &[SqlValue::from(producer), key.into()],
        )
        .await?;
    Ok(rows.into_iter().next().and_then(|r| r.request_hash))
}

#[derive(Deserialize)]
struct EventRow {
    id: EventId,
    voucher_id: VoucherId,
    customer_given_name: String,
    customer_family_name: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    service_date: time::Date,
    description: String,
    units_x100: i64,
    unit: String,
    unit_price_cents: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
    status: EventStatus,
    #[serde(with = "seteli_domain::clock::wire_time")]
    created_at: time::OffsetDateTime,
    corrects: Option<EventId>,
    window_from: String,
    #[serde(flatten)]
    check: crate::db::desk::events::CheckColumns,
}

const EVENT_SELECT: &str = "
    SELECT e.id, e.voucher_id, c.given_name AS customer_given_name, c.family_name AS customer_family_name,
           e.service_date, e.description, e.units_x100, v.unit, e.unit_price_cents, e.voucher_share_cents,
           e.own_share_cents, e.status, e.created_at, e.corrects,
           COALESCE(e.window_from, substr(e.created_at, 1, 10)) AS window_from,
           -- The check columns (`desk::events::CHECK_COLUMNS`).
           k.status AS check_status, k.note, k.checked_by_name, k.checked_at, k.answer, k.answered_at
    FROM service_events e
    JOIN vouchers v ON v.id = e.voucher_id
    JOIN customers c ON c.id = v.customer_id
    LEFT JOIN event_checks k ON k.event_id = e.id";

fn event_dto(r: EventRow, today: time::Date) -> Result<ProducerEvent, DbError> {
    // The window counts from the day the original event was logged.
    let logged_on = time::Date::parse(
        &r.window_from,
        &time::format_description::well_known::Iso8601::DATE,
    )
    .ok();
    Ok(ProducerEvent {
        correctable: r.status == EventStatus::Recorded
            && logged_on.is_some_and(|d| seteli_domain::producer::correctable(d, today)),
        id: r.id,
        voucher_id: r.voucher_id,
        customer_given_name: r.customer_given_name,
        customer_family_name: r.customer_family_name,
        service_date: r.service_date,
        description: r.description,
        units_x100: r.units_x100,
        unit: Unit::parse(&r.unit).ok_or_else(|| DbError::bad_row("vouchers", "unit"))?,
        unit_price_cents: money(r.unit_price_cents, "service_events", "unit_price_cents")?,
        voucher_share_cents: money(
            r.voucher_share_cents,
            "service_events",
            "voucher_share_cents",
        )?,
        own_share_cents: money(r.own_share_cents, "service_events", "own_share_cents")?,
        status: r.status,
        created_at: r.created_at,
        corrects: r.corrects,
        // The organiser's check, for the producer to see a dispute and answer it.
        check: r.check.view(),
    })
}

/// Which of the producer's events to list.
pub enum EventFilter<'a> {
    /// The latest `n`.
    Latest(i64),
    /// All under one voucher.
    Voucher(VoucherId),
    /// The one with this id.
    Id(EventId),
    /// The one stored under this idempotency key.
    Key(&'a str),
}

/// The producer's own events, newest first.
pub async fn events(
    db: &impl Database,
    producer: ProducerId,
    filter: EventFilter<'_>,
    today: time::Date,
) -> Result<Vec<ProducerEvent>, DbError> {
    let (condition, value, limit) = match filter {
        EventFilter::Latest(n) => ("?2 IS NOT NULL", SqlValue::from(0), n),
        EventFilter::Voucher(id) => ("e.voucher_id = ?2", SqlValue::from(id), 1000),
        EventFilter::Id(id) => ("e.id = ?2", SqlValue::from(id), 1),
        EventFilter::Key(key) => (
            "e.id = (SELECT event_id FROM event_submissions WHERE producer_id = ?1 AND idempotency_key = ?2)",
            SqlValue::Text(key.to_owned()),
            1,
        ),
    };
    let rows: Vec<EventRow> = db
        .query(
            &format!(
                "{EVENT_SELECT} WHERE e.producer_id = ?1 AND {condition}
                 ORDER BY e.service_date DESC, e.id DESC LIMIT ?3"
            ),
            &[SqlValue::from(producer), value, SqlValue::from(limit)],
        )
        .await?;
    rows.into_iter().map(|r| event_dto(r, today)).collect()
}

/// A service event to store, already validated and priced.
pub struct EventRecord<'a> {
    pub producer: ProducerId,
    pub voucher_id: VoucherId,
    pub idempotency_key: &'a str,
    /// What the submission asked for, to tell a retry from a key reused for another request.
    pub request_hash: &'a str,
    pub service_date: Date,
    pub description: &'a str,
    pub units_x100: i64,
    pub unit_price: Cents,
    pub voucher_share: Cents,
    pub own_share: Cents,
    /// For a correction: the event it replaces (cancelled in the same batch) and that
    /// event's voucher share, which returns to the balance.
    pub corrects: Option<(EventId, Cents)>,
}

/// How storing an event ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new event.
    New,
    /// This key was used before: nothing new was stored.
    Duplicate,
    /// The voucher's balance does not cover the voucher share: nothing was stored.
    InsufficientBalance,
    /// The event to correct is no longer `recorded`: nothing was stored.
    AlreadyCancelled,
}

/// Stores an event atomically: the balance goes down by the voucher share (the table's
/// CHECK keeps it at zero or above, so concurrent submissions cannot overdraw it), the event
/// and its idempotency key are stored, and the log line written; a correction also cancels
/// the original and returns its share in the same batch.
pub async fn store_event(
    db: &impl Database,
    e: &EventRecord<'_>,
    actor: &Actor<'_>,
) -> Result<Stored, DbError> {
    let mut statements: Vec<Statement> = Vec::new();
    let action = if let Some((original, share)) = e.corrects {
        statements.push(cancel_statement(e.producer, original, actor.at));
        statements.push(restore_statement(e.voucher_id, share));
        "correct_event"
    } else {
        "log_event"
    };
    statements.push((
        "UPDATE vouchers SET balance_cents = balance_cents - ?2 WHERE id = ?1",
        vec![
            SqlValue::from(e.voucher_id),
            SqlValue::from(e.voucher_share.get()),
        ],
    ));
    statements.push((
        "INSERT INTO service_events (voucher_id, producer_id, service_date, description, units_x100,
                                     unit_price_cents, voucher_share_cents, own_share_cents, created_at, corrects,
                                     window_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                 COALESCE((SELECT COALESCE(o.window_from, substr(o.created_at, 1, 10))
                           FROM service_events o WHERE o.id = ?10),
                          substr(?9, 1, 10)))",
        vec![
            SqlValue::from(e.voucher_id),
            SqlValue::from(e.producer),
            e.service_date.into(),
            e.description.into(),
            SqlValue::from(e.units_x100),
            SqlValue::from(e.unit_price.get()),
            SqlValue::from(e.voucher_share.get()),
            SqlValue::from(e.own_share.get()),
            actor.at.into(),
            e.corrects.map_or(SqlValue::Null, |(id, _)| SqlValue::from(id)),
        ],
    ));
    statements.push((
        "INSERT INTO event_submissions (producer_id, idempotency_key, event_id, request_hash)
         VALUES (?1, ?2, last_insert_rowid(), ?3)",
        vec![
            SqlValue::from(e.producer),
            e.idempotency_key.into(),
            e.request_hash.into(),
        ],
    ));
    statements.push(log_statement(
        e.producer,
        actor,
        e.voucher_id,
        EventRef::Submission(e.idempotency_key),
        action,
    ));
    match db.batch(&statements).await {
        Ok(()) => Ok(Stored::New),
        Err(error) if error.is_unique_violation() => Ok(Stored::Duplicate),
        Err(error) if error.is_check_violation() => {
            // Either the balance or, for a correction, the original's state refused it.
            if let Some((original, _)) = e.corrects {
                if !is_recorded(db, e.producer, original).await? {
                    return Ok(Stored::AlreadyCancelled);
                }
            }
            Ok(Stored::InsufficientBalance)
        }
        Err(error) => Err(error),
    }
}

/// Cancels the producer's recorded event.
fn cancel_statement(producer: ProducerId, event: EventId, at: &str) -> Statement {
    (
        "UPDATE service_events SET status = 'cancelled', cancelled_at = ?3
         WHERE id = ?1 AND producer_id = ?2 AND status = 'recorded'",
        vec![SqlValue::from(event), SqlValue::from(producer), at.into()],
    )
}

/// Returns a cancelled event's share to the balance — only if the statement before it
/// (the cancel) changed a row; otherwise it sets an impossible balance, so that the table's
/// CHECK aborts the whole batch and nothing is returned twice.
fn restore_statement(voucher_id: VoucherId, share: Cents) -> Statement {
    (
        "UPDATE vouchers SET balance_cents = CASE WHEN changes() = 1 THEN balance_cents + ?2 ELSE -1 END
         WHERE id = ?1",
        vec![SqlValue::from(voucher_id), SqlValue::from(share.get())],
    )
}

async fn is_recorded(
    db: &impl Database,
    producer: ProducerId,
    event: EventId,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow<EventId>> = db
        .query(
            "SELECT id FROM service_events WHERE id = ?1 AND producer_id = ?2 AND status = 'recorded'",
            &[SqlValue::from(event), SqlValue::from(producer)],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Cancels the producer's event and returns its voucher share to the balance; `false` when
/// it was already cancelled (nothing changes).
pub async fn cancel_event(
    db: &impl Database,
    producer: ProducerId,
    event: &ProducerEvent,
    actor: &Actor<'_>,
) -> Result<bool, DbError> {
    let result = db
        .batch(&[
            cancel_statement(producer, event.id, actor.at),
            restore_statement(event.voucher_id, event.voucher_share_cents),
            log_statement(
                producer,
                actor,
                event.voucher_id,
                EventRef::Id(event.id),
                "cancel_event",
            ),
        ])
        .await;
    match result {
        Ok(()) => Ok(true),
        Err(error) if error.is_check_violation() => Ok(false),
        Err(error) => Err(error),
    }
}
