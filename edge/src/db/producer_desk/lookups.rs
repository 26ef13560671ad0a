//! Finding a voucher by its number (with the guard against guessing numbers), linking it to
//! the producer, and the vouchers the producer has linked.

use super::log::{log_statement, Actor, EventRef};
use super::money;
use crate::db::offers::is_current_price;
use crate::db::vouchers::{VoucherRow, VOUCHER_COLUMNS};
use crate::db::IdRow;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::ProducerVoucher;
use seteli_domain::ids::{ProducerId, VoucherId};
use seteli_domain::Lang;
use time::Date;

/// The voucher with this number (normalised, no spaces), if any.
pub async fn voucher_by_number(
    db: &impl Database,
    number: &str,
) -> Result<Option<VoucherId>, DbError> {
    let rows: Vec<IdRow<VoucherId>> = db
        .query(
            "SELECT id FROM vouchers WHERE number = ?1",
            &[number.into()],
        )
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// Whether the producer may link the voucher and serve under it: the voucher is active and
/// its validity has not ended by `today`, and the producer is approved for its service in
/// its municipality.
pub async fn may_serve(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: VoucherId,
    today: Date,
) -> Result<bool, DbError> {
    let rows: Vec<IdRow<VoucherId>> = db
        .query(
            "SELECT v.id FROM vouchers v
             JOIN approvals a ON a.municipality_code = v.municipality_code
                             AND a.service_code = v.service_code
             WHERE v.id = ?1 AND a.producer_id = ?2 AND a.status = 'approved'
               AND v.status = 'active' AND v.valid_until >= ?3",
            &[
                SqlValue::from(voucher_id),
                SqlValue::from(producer),
                today.into(),
            ],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Counts one voucher number entered by the person `actor_key`, as wrong until
/// [`link_voucher`] marks it found — unless they already entered `allowed` wrong numbers
/// since `since`: then nothing is recorded and `None` is returned. One statement does both,
/// so parallel requests cannot all pass the check before any is counted. Entries older
/// than `since` are forgotten.
pub async fn begin_lookup(
    db: &impl Database,
    actor_key: &str,
    at: i64,
    since: i64,
    allowed: i64,
) -> Result<Option<i64>, DbError> {
    db.execute(
        "DELETE FROM voucher_lookups WHERE at < ?1",
        &[SqlValue::from(since)],
    )
    .await?;
    let rows: Vec<IdRow<i64>> = db
        .query(
            "INSERT INTO voucher_lookups (actor_key, at, found)
             SELECT ?1, ?2, 0
             WHERE (SELECT COUNT(*) FROM voucher_lookups
                    WHERE actor_key = ?1 AND at >= ?3 AND found = 0) < ?4
             RETURNING id",
            &[
                actor_key.into(),
                SqlValue::from(at),
                SqlValue::from(since),
                SqlValue::from(allowed),
            ],
        )
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// Links the voucher to the producer (if not linked yet), ends its link to any producer no
/// longer approved for it, marks the lookup `attempt` (from [`begin_lookup`]) found, and
/// logs it, in one batch.
pub async fn link_voucher(
    db: &impl Database,
    producer: ProducerId,
    voucher_id: VoucherId,
    attempt: i64,
    actor: &Actor<'_>,
) -> Result<(), DbError> {
    db.batch(&[
        (
            "UPDATE voucher_lookups SET found = 1 WHERE id = ?1",
            vec![SqlValue::from(attempt)],
        ),
        (
            "INSERT INTO producer_vouchers (producer_id, voucher_id, linked_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (producer_id, voucher_id) DO NOTHING",
            vec![
                SqlValue::from(producer),
                SqlValue::from(voucher_id),
                actor.at.into(),
            ],
        ),
        // The voucher moves to this producer from one that may no longer serve under it
        // (a suspended or withdrawn approval): that link ends.
        (
            "DELETE FROM producer_vouchers
             WHERE voucher_id = ?2 AND producer_id != ?1
               AND NOT EXISTS (SELECT 1 FROM approvals a JOIN vouchers v ON v.id = ?2
                   WHERE a.producer_id = producer_vouchers.producer_id
                     AND a.municipality_code = v.municipality_code
                     AND a.service_code = v.service_code AND a.status = 'approved')",
            vec![SqlValue::from(producer), SqlValue::from(voucher_id)],
        ),
        log_statement(producer, actor, voucher_id, EventRef::None, "link_voucher"),
    ])
    .await
}

const LINKED_VOUCHERS: &str = "
    JOIN producer_vouchers pv ON pv.voucher_id = v.id AND pv.producer_id = ?1
    JOIN customers c ON c.id = v.customer_id";

#[derive(Deserialize)]
struct CurrentPriceRow {
    voucher_id: VoucherId,
    price_cents: i64,
}

/// The producer's price today for each linked voucher's service and municipality, if the
/// producer is approved for it.
async fn prices_for_vouchers(
    db: &impl Database,
    producer: ProducerId,
    today: Date,
    voucher: Option<VoucherId>,
) -> Result<Vec<CurrentPriceRow>, DbError> {
    db.query(
        &format!(
            "SELECT v.id AS voucher_id, o.price_cents FROM vouchers v
             JOIN producer_vouchers pv ON pv.voucher_id = v.id AND pv.producer_id = ?1
             JOIN approvals a ON a.producer_id = ?1 AND a.municipality_code = v.municipality_code
                             AND a.service_code = v.service_code AND a.status = 'approved'
             JOIN offers o ON o.producer_id = ?1 AND o.municipality_code = v.municipality_code
                          AND o.service_code = v.service_code
             WHERE {} AND (?3 IS NULL OR v.id = ?3)",
            is_current_price("?2")
        ),
        &[
            SqlValue::from(producer),
            today.into(),
            voucher.map_or(SqlValue::Null, SqlValue::from),
        ],
    )
    .await
}

/// The vouchers linked to the producer (or just `only`), newest link first.
pub async fn linked_vouchers(
    db: &impl Database,
    producer: ProducerId,
    only: Option<VoucherId>,
    today: Date,
    lang: Lang,
) -> Result<Vec<ProducerVoucher>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!(
                "SELECT c.given_name AS customer_given_name, c.family_name AS customer_family_name,
                        {VOUCHER_COLUMNS} {LINKED_VOUCHERS}
                 WHERE (?2 IS NULL OR v.id = ?2)
                 ORDER BY pv.linked_at DESC, v.id DESC"
            ),
            &[
                SqlValue::from(producer),
                only.map_or(SqlValue::Null, SqlValue::from),
            ],
        )
        .await?;
    let prices = prices_for_vouchers(db, producer, today, only).await?;
    rows.into_iter()
        .map(|row| {
            let id = row.id();
            let price = prices
                .iter()
                .find(|p| p.voucher_id == id)
                .map(|p| money(p.price_cents, "offers", "price_cents"))
                .transpose()?;
            row.into_producer_view(lang, today, price)
        })
        .collect()
}
