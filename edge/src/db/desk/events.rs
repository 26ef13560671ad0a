//! Service events as the organiser checks them: by voucher, producer and period; a check
//! (checked, or disputed with a note) and the producer's answer to a dispute.

use crate::db::organisers::in_scope;
use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::{EventCheckView, StaffEvent};
use seteli_domain::desk::CheckStatus;
use seteli_domain::ids::{CustomerId, EventId, ProducerId, VoucherId};
use seteli_domain::permissions::StaffMember;
use seteli_domain::{Cents, OrganiserCode};

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct StaffEventFilter {
    pub customer: Option<CustomerId>,
    pub voucher: Option<VoucherId>,
    pub producer: Option<ProducerId>,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    pub event: Option<EventId>,
    /// Only disputes that wait: not answered, or answered and not yet rechecked.
    pub disputed_only: bool,
}

#[derive(Deserialize)]
struct EventRow {
    id: EventId,
    voucher_id: VoucherId,
    number: String,
    customer_id: CustomerId,
    given_name: String,
    family_name: String,
    producer_id: ProducerId,
    producer_name: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    service_date: time::Date,
    description: String,
    units_x100: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
    status: seteli_domain::voucher::EventStatus,
    #[serde(flatten)]
    check: CheckColumns,
}

/// The SQL of an event's check columns ([`CheckColumns`]), `event_checks` joined as `k`.
pub(crate) const CHECK_COLUMNS: &str =
    "k.status AS check_status, k.note, k.checked_by_name, k.checked_at, k.answer, k.answered_at";

/// An event row's check columns ([`CHECK_COLUMNS`]), all NULL for an unchecked event.
#[derive(Deserialize)]
pub(crate) struct CheckColumns {
    check_status: Option<String>,
    note: Option<String>,
    checked_by_name: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    checked_at: Option<time::OffsetDateTime>,
    answer: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    answered_at: Option<time::OffsetDateTime>,
}

impl CheckColumns {
    /// The check, if the event has one.
    pub(crate) fn view(self) -> Option<EventCheckView> {
        Some(EventCheckView {
            status: CheckStatus::parse(self.check_status.as_deref()?)?,
            note: self.note.unwrap_or_default(),
            checked_by_name: self.checked_by_name.unwrap_or_default(),
            checked_at: self.checked_at?,
            answer: self.answer,
            answered_at: self.answered_at,
        })
    }
}

/// The organiser's events by `filter`, newest service date first, at most 200.
pub async fn events(
    db: &impl Database,
    organiser: &OrganiserCode,
    filter: &StaffEventFilter,
) -> Result<Vec<StaffEvent>, DbError> {
    let opt = |v: Option<SqlValue>| v.unwrap_or(SqlValue::Null);
    let sql = format!(
        "SELECT e.id, e.voucher_id, v.number, c.id AS customer_id, c.given_name, c.family_name, e.producer_id,
                p.name AS producer_name, e.service_date, e.description, e.units_x100, e.voucher_share_cents,
                e.own_share_cents, e.status, {CHECK_COLUMNS}
         FROM service_events e
         JOIN vouchers v ON v.id = e.voucher_id
         JOIN customers c ON c.id = v.customer_id
         JOIN producers p ON p.id = e.producer_id
         LEFT JOIN event_checks k ON k.event_id = e.id
         WHERE {} AND (?2 IS NULL OR c.id = ?2) AND (?3 IS NULL OR v.id = ?3) AND (?4 IS NULL OR e.producer_id = ?4)
           AND (?5 IS NULL OR e.service_date >= ?5) AND (?6 IS NULL OR e.service_date <= ?6)
           AND (?7 IS NULL OR e.id = ?7) AND (?8 = 0 OR k.status = 'disputed')
         ORDER BY e.service_date DESC, e.id DESC LIMIT 200",
        in_scope("v.municipality_code", 1)
    );
    let rows: Vec<EventRow> = db
        .query(
            &sql,
            &[
                organiser.as_str().into(),
                opt(filter.customer.map(SqlValue::from)),
                opt(filter.voucher.map(SqlValue::from)),
                opt(filter.producer.map(SqlValue::from)),
                opt(filter.from.map(SqlValue::from)),
                opt(filter.to.map(SqlValue::from)),
                opt(filter.event.map(SqlValue::from)),
                SqlValue::from(i64::from(filter.disputed_only)),
            ],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let cents = |v: i64, column| {
                Cents::new(v).map_err(|_| DbError::bad_row("service_events", column))
            };
            Ok(StaffEvent {
                id: r.id,
                voucher_id: r.voucher_id,
                voucher_number: super::access_log::grouped(&r.number),
                customer_id: r.customer_id,
                customer_name: format!("{} {}", r.given_name, r.family_name),
                producer_id: r.producer_id,
                producer_name: r.producer_name,
                service_date: r.service_date,
                description: r.description,
                units_x100: r.units_x100,
                voucher_share_cents: cents(r.voucher_share_cents, "voucher_share_cents")?,
                own_share_cents: cents(r.own_share_cents, "own_share_cents")?,
                status: r.status,
                check: r.check.view(),
            })
        })
        .collect()
}

/// The statement that records staff's check of an event (a new check replaces the earlier
/// one, and clears an answer: a recheck closes the dispute).
pub fn check_statement(
    event: EventId,
    status: CheckStatus,
    note: &str,
    member: &StaffMember,
    at: &str,
) -> Statement {
    (
        "INSERT INTO event_checks (event_id, status, note, checked_by, checked_by_name, checked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, note = excluded.note,
             checked_by = excluded.checked_by, checked_by_name = excluded.checked_by_name,
             checked_at = excluded.checked_at, answer = NULL, answered_by = NULL, answered_at = NULL",
        vec![
            SqlValue::from(event),
            status.as_str().into(),
            note.trim().into(),
            member.username.as_str().into(),
            member.full_name().into(),
            at.into(),
        ],
    )
}

/// The statement that stores the producer's answer to an open dispute of its own event.
pub fn answer_statement(
    event: EventId,
    producer: ProducerId,
    answer: &str,
    answered_by: &str,
    at: &str,
) -> Statement {
    (
        "UPDATE event_checks SET answer = ?3, answered_by = ?4, answered_at = ?5
         WHERE event_id = ?1 AND status = 'disputed' AND answer IS NULL
           AND EXISTS (SELECT 1 FROM service_events e WHERE e.id = ?1 AND e.producer_id = ?2)",
        vec![
            SqlValue::from(event),
            SqlValue::from(producer),
            answer.trim().into(),
            answered_by.into(),
            at.into(),
        ],
    )
}

#[derive(Deserialize)]
struct OpenRow {
    voucher_id: VoucherId,
}

/// The voucher of the producer's own event with an open dispute, if it has one.
pub async fn open_dispute(
    db: &impl Database,
    event: EventId,
    producer: ProducerId,
) -> Result<Option<VoucherId>, DbError> {
    let rows: Vec<OpenRow> = db
        .query(
            "SELECT e.voucher_id FROM event_checks k JOIN service_events e ON e.id = k.event_id
             WHERE k.event_id = ?1 AND e.producer_id = ?2 AND k.status = 'disputed' AND k.answer IS NULL",
            &[SqlValue::from(event), SqlValue::from(producer)],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.voucher_id))
}
