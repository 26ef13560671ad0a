//! The steps on one settlement: hold a disputed visit out of a draft and release it,
//! confirm a draft (atomically, and only if nothing it shows changed since it was gathered),
//! mark a confirmed settlement paid.

use super::gather::gather;
use super::SettlementRow;
use crate::db::{Database, DbError, SqlValue};
use seteli_domain::api::settlement::SettlementId;
use seteli_domain::ids::EventId;
use seteli_domain::settlement::SettlementState;
use time::Date;

/// What a step came to, when it did not simply happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The settlement is not at the state the step needs.
    WrongState,
    /// A visit it shows (or the balance it carries in) changed since it was gathered.
    Changed,
    /// The producer's settlement of an earlier month is still a draft.
    EarlierOpen,
    /// The visit is not a line of the settlement (to hold) or not held in it (to release).
    NotInIt,
}

/// Holds visit `event` out of the draft `row` with `reason`, and gathers the producer's
/// draft again without it.
pub async fn hold(
    db: &impl Database,
    row: &SettlementRow,
    event: EventId,
    reason: &str,
    by_name: &str,
    at: &str,
) -> Result<Result<(), Refused>, DbError> {
    if row.state != SettlementState::Draft {
        return Ok(Err(Refused::WrongState));
    }
    let inserted = db
        .execute(
            "INSERT INTO settlement_holds (settlement_id, event_id, reason, held_by_name, held_at)
             SELECT ?1, ?2, ?3, ?4, ?5
             WHERE EXISTS (SELECT 1 FROM settlement_lines WHERE settlement_id = ?1 AND event_id = ?2)
               AND EXISTS (SELECT 1 FROM settlements WHERE id = ?1 AND state = 'draft')",
            &[
                row.id.into(),
                event.into(),
                reason.into(),
                by_name.into(),
                at.into(),
            ],
        )
        .await?;
    if inserted == 0 {
        return Ok(Err(Refused::NotInIt));
    }
    gather(
        db,
        &row.organiser_code,
        row.month()?,
        Some(row.producer_id),
        at,
    )
    .await?;
    Ok(Ok(()))
}

/// Puts visit `event` back into the draft `row`, gathered again.
pub async fn release(
    db: &impl Database,
    row: &SettlementRow,
    event: EventId,
    at: &str,
) -> Result<Result<(), Refused>, DbError> {
    if row.state != SettlementState::Draft {
        return Ok(Err(Refused::WrongState));
    }
    let removed = db
        .execute(
            "DELETE FROM settlement_holds WHERE settlement_id = ?1 AND event_id = ?2
             AND EXISTS (SELECT 1 FROM settlements WHERE id = ?1 AND state = 'draft')",
            &[row.id.into(), event.into()],
        )
        .await?;
    if removed == 0 {
        return Ok(Err(Refused::NotInIt));
    }
    gather(
        db,
        &row.organiser_code,
        row.month()?,
        Some(row.producer_id),
        at,
    )
    .await?;
    Ok(Ok(()))
}

/// Confirms the draft `id`: its lines become what was settled. In one batch with a guard
/// that fails the whole batch (the state's CHECK) if any visit it shows changed since it
/// was gathered — cancelled, corrected, repriced, or settled by another settlement — if the
/// balance it carries in is no longer the producer's latest, or if a later month of the
/// producer is confirmed already (its balance would be taken twice).
pub async fn confirm(
    db: &impl Database,
    row: &SettlementRow,
    by_name: &str,
    at: &str,
) -> Result<Result<(), Refused>, DbError> {
    if row.state != SettlementState::Draft {
        return Ok(Err(Refused::WrongState));
    }
    let earlier: Vec<crate::db::IdRow<SettlementId>> = db
        .query(
            "SELECT id FROM settlements WHERE organiser_code = ?1 AND producer_id = ?2 AND month < ?3
             AND state = 'draft' LIMIT 1",
            &[
                row.organiser_code.as_str().into(),
                row.producer_id.into(),
                row.month.as_str().into(),
            ],
        )
        .await?;
    if !earlier.is_empty() {
        return Ok(Err(Refused::EarlierOpen));
    }
    let id: SqlValue = row.id.into();
    let result = db
        .batch(&[
            (
                "UPDATE settlements SET state = 'changed_meanwhile' WHERE id = ?1 AND state = 'draft' AND (
                     EXISTS (
                         SELECT 1 FROM settlement_lines l JOIN service_events e ON e.id = l.event_id
                         WHERE l.settlement_id = ?1 AND (
                             e.status != l.event_status OR e.voucher_share_cents != l.event_share_cents
                             OR (CASE l.event_status WHEN 'recorded' THEN l.event_share_cents ELSE 0 END)
                                - l.amount_cents != COALESCE((
                                    SELECT SUM(l2.amount_cents) FROM settlement_lines l2
                                    JOIN settlements s2 ON s2.id = l2.settlement_id
                                    WHERE l2.event_id = l.event_id AND s2.state != 'draft'), 0)))
                     OR EXISTS (SELECT 1 FROM settlements s3
                                WHERE s3.organiser_code = settlements.organiser_code
                                  AND s3.producer_id = settlements.producer_id
                                  AND s3.month > settlements.month AND s3.state != 'draft')
                     OR carried_in_cents != COALESCE((
                         SELECT s2.carried_out_cents FROM settlements s2
                         WHERE s2.organiser_code = settlements.organiser_code
                           AND s2.producer_id = settlements.producer_id
                           AND s2.state != 'draft' AND s2.month < settlements.month
                         ORDER BY s2.month DESC LIMIT 1), 0))",
                vec![id.clone()],
            ),
            (
                "UPDATE settlements SET state = 'confirmed', confirmed_at = ?2, confirmed_by_name = ?3
                 WHERE id = ?1 AND state = 'draft'",
                vec![id, at.into(), by_name.into()],
            ),
        ])
        .await;
    match result {
        Ok(()) => {}
        Err(e) if e.is_check_violation() => return Ok(Err(Refused::Changed)),
        Err(e) => return Err(e),
    }
    Ok(if confirmed(db, row.id).await? {
        Ok(())
    } else {
        Err(Refused::WrongState)
    })
}

async fn confirmed(db: &impl Database, id: SettlementId) -> Result<bool, DbError> {
    let rows: Vec<crate::db::IdRow<SettlementId>> = db
        .query(
            "SELECT id FROM settlements WHERE id = ?1 AND state = 'confirmed'",
            &[id.into()],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Marks the confirmed settlement `id` paid on `paid_on` with the bank's `reference`.
pub async fn mark_paid(
    db: &impl Database,
    id: SettlementId,
    paid_on: Date,
    reference: &str,
    by_name: &str,
) -> Result<Result<(), Refused>, DbError> {
    let changed = db
        .execute(
            "UPDATE settlements SET state = 'paid', paid_on = ?2, payment_reference = ?3, paid_by_name = ?4
             WHERE id = ?1 AND state = 'confirmed'",
            &[id.into(), paid_on.into(), reference.into(), by_name.into()],
        )
        .await?;
    Ok(if changed == 1 {
        Ok(())
    } else {
        Err(Refused::WrongState)
    })
}
