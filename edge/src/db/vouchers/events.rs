//! A voucher's service events as its customer sees them, and which producers served under it.

use crate::db::IdRow;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{ServiceEventView, VoucherProducer};
use seteli_domain::ids::{CustomerId, EventId, ProducerId, VoucherId};
use seteli_domain::Cents;

#[derive(Deserialize)]
struct EventRow {
    id: EventId,
    #[serde(with = "seteli_domain::clock::wire_date")]
    service_date: time::Date,
    producer_id: ProducerId,
    producer_name: String,
    description: String,
    units_x100: i64,
    unit_price_cents: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
    status: seteli_domain::voucher::EventStatus,
}

/// A voucher's service events, newest first. The caller has checked the voucher is the
/// customer's.
pub async fn events_of(
    db: &impl Database,
    voucher_id: VoucherId,
) -> Result<Vec<ServiceEventView>, DbError> {
    let rows: Vec<EventRow> = db
        .query(
            "SELECT e.id, e.service_date, e.producer_id, p.name AS producer_name, e.description, e.units_x100,
                    e.unit_price_cents, e.voucher_share_cents, e.own_share_cents, e.status
             FROM service_events e JOIN producers p ON p.id = e.producer_id
             WHERE e.voucher_id = ?1
             ORDER BY e.service_date DESC, e.id DESC",
            &[SqlValue::from(voucher_id)],
        )
        .await?;
    let money =
        |c: i64, column| Cents::new(c).map_err(|_| DbError::bad_row("service_events", column));
    rows.into_iter()
        .map(|r| {
            Ok(ServiceEventView {
                id: r.id,
                service_date: r.service_date,
                producer_id: r.producer_id,
                producer_name: r.producer_name,
                description: r.description,
                units_x100: r.units_x100,
                unit_price_cents: money(r.unit_price_cents, "unit_price_cents")?,
                voucher_share_cents: money(r.voucher_share_cents, "voucher_share_cents")?,
                own_share_cents: money(r.own_share_cents, "own_share_cents")?,
                status: r.status,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct VoucherProducerRow {
    producer_id: ProducerId,
    producer_name: String,
    answered: i64,
}

/// The producers that logged events under a voucher, and whether `period`'s survey about
/// each is answered.
pub async fn producers_of(
    db: &impl Database,
    voucher_id: VoucherId,
    period: &str,
) -> Result<Vec<VoucherProducer>, DbError> {
    let rows: Vec<VoucherProducerRow> = db
        .query(
            "SELECT p.id AS producer_id, p.name AS producer_name,
                    EXISTS (SELECT 1 FROM survey_answers a
                            WHERE a.voucher_id = ?1 AND a.producer_id = p.id AND a.period = ?2) AS answered
             FROM producers p
             WHERE p.id IN (SELECT producer_id FROM service_events WHERE voucher_id = ?1 AND status = 'recorded')
             ORDER BY p.name",
            &[SqlValue::from(voucher_id), period.into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| VoucherProducer {
            producer_id: r.producer_id,
            producer_name: r.producer_name,
            survey_answered_this_month: r.answered != 0,
        })
        .collect())
}

/// Whether `producer` logged a (not cancelled) event under the customer's voucher, and —
/// when `event` is given — whether that event is one of them.
pub async fn producer_served(
    db: &impl Database,
    customer: CustomerId,
    voucher_id: VoucherId,
    producer: ProducerId,
    event: Option<EventId>,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow<EventId>> = db
        .query(
            "SELECT e.id FROM service_events e JOIN vouchers v ON v.id = e.voucher_id
             WHERE v.customer_id = ?1 AND v.id = ?2 AND e.producer_id = ?3 AND e.status = 'recorded'
               AND (?4 IS NULL OR e.id = ?4)
             LIMIT 1",
            &[
                SqlValue::from(customer),
                SqlValue::from(voucher_id),
                SqlValue::from(producer),
                event.map_or(SqlValue::Null, SqlValue::from),
            ],
        )
        .await?;
    Ok(!rows.is_empty())
}
