//! The bank's payment files of a month: writing one takes the organiser's confirmed, unpaid
//! settlements with something to pay to an account in effect that no file has taken yet, and
//! marks them as taken by it in one batch — so that no settlement is ever in two files, and
//! downloading a file again gives the same file (the same `MsgId`), which a bank refuses to
//! pay twice. Settlements of producers without an account in effect are held, with why.

use super::{of_month, Settings, SettlementRow};
use crate::db::{Database, DbError, SqlValue};
use seteli_domain::api::settlement::PaymentFileSummary;
use seteli_domain::clock::{parse_rfc3339, rfc3339};
use seteli_domain::money::Cents;
use seteli_domain::payment_file::{CreditTransfer, Debtor, PaymentBatch};
use seteli_domain::settlement::{Month, SettlementState};
use seteli_domain::OrganiserCode;
use time::{Date, OffsetDateTime};

/// The reference a settlement's payment carries end to end (at most 35 characters).
pub fn reference(settlement: &SettlementRow) -> String {
    format!("SETELI-{}", settlement.id)
}

/// Whether `settlement` goes into the next payment file.
fn payable_now(settlement: &SettlementRow) -> bool {
    settlement.state == SettlementState::Confirmed
        && settlement.payable_cents > 0
        && settlement.payment_message_id.is_none()
        && settlement.account().is_some()
}

/// The transfers of `settlements` (each to the account in effect) as the file `message_id`
/// written at `created_at` from the organiser's account; `None` without a payer or payments.
fn batch(
    settings: &Settings,
    month: Month,
    settlements: &[&SettlementRow],
    message_id: &str,
    created_at: OffsetDateTime,
    execution_date: Date,
) -> Option<PaymentBatch> {
    let (business_id, iban, bic) = settings.payer.as_ref()?;
    let transfers: Vec<CreditTransfer> = settlements
        .iter()
        .filter_map(|s| {
            Some(CreditTransfer {
                end_to_end_id: reference(s),
                creditor_name: s.producer_name.clone(),
                creditor_iban: s.account()?,
                amount: Cents::new(s.payable_cents).ok()?,
                remittance: format!(
                    "Palveluseteli {month} / {} / {}",
                    settings.name,
                    reference(s)
                ),
            })
        })
        .collect();
    (!transfers.is_empty()).then(|| PaymentBatch {
        message_id: message_id.to_owned(),
        created_at,
        execution_date,
        debtor: Debtor {
            name: settings.name.clone(),
            business_id: business_id.clone(),
            iban: iban.clone(),
            bic: bic.clone(),
        },
        transfers,
    })
}

/// What writing a file came to.
pub enum Written {
    File(PaymentFileSummary),
    /// Nothing confirmed is left to pay to an account in effect.
    NothingToPay,
    /// Another file took some of the settlements first: nothing was marked.
    Changed,
}

/// Writes the next payment file of `month` at `now`: its settlements marked as taken by it
/// (`SETELI-{month}-{unix seconds}`), in one batch that fails whole if another file took any
/// of them first.
pub async fn write(
    db: &impl Database,
    organiser: &OrganiserCode,
    month: Month,
    now: OffsetDateTime,
) -> Result<Written, DbError> {
    let due: Vec<SettlementRow> = of_month(db, organiser, month)
        .await?
        .into_iter()
        .filter(payable_now)
        .collect();
    if due.is_empty() {
        return Ok(Written::NothingToPay);
    }
    let message_id = format!("SETELI-{month}-{}", now.unix_timestamp());
    let exported_at = rfc3339(now);
    let ids = serde_json::to_string(&due.iter().map(|s| s.id).collect::<Vec<_>>())
        .map_err(|e| DbError(e.to_string()))?;
    let result = db
        .batch(&[
            (
                "UPDATE settlements SET state = 'taken_meanwhile'
                 WHERE id IN (SELECT value FROM json_each(?1))
                   AND (payment_message_id IS NOT NULL OR state != 'confirmed')",
                vec![ids.clone().into()],
            ),
            (
                "UPDATE settlements SET payment_message_id = ?2, exported_at = ?3
                 WHERE id IN (SELECT value FROM json_each(?1))",
                vec![
                    ids.into(),
                    message_id.as_str().into(),
                    exported_at.as_str().into(),
                ],
            ),
        ])
        .await;
    match result {
        Ok(()) => {}
        Err(e) if e.is_check_violation() => return Ok(Written::Changed),
        Err(e) => return Err(e),
    }
    Ok(Written::File(PaymentFileSummary {
        message_id,
        exported_at,
        transfers: u32::try_from(due.len()).unwrap_or(u32::MAX),
        total_cents: due.iter().map(|s| s.payable_cents).sum(),
    }))
}

/// The payment files of `month`, oldest first.
pub fn files_of(settlements: &[SettlementRow]) -> Vec<PaymentFileSummary> {
    let mut files: Vec<PaymentFileSummary> = Vec::new();
    for s in settlements {
        let (Some(message_id), Some(exported_at)) = (&s.payment_message_id, &s.exported_at) else {
            continue;
        };
        match files.iter_mut().find(|f| &f.message_id == message_id) {
            Some(file) => {
                file.transfers += 1;
                file.total_cents += s.payable_cents;
            }
            None => files.push(PaymentFileSummary {
                message_id: message_id.clone(),
                exported_at: exported_at.clone(),
                transfers: 1,
                total_cents: s.payable_cents,
            }),
        }
    }
    files.sort_by(|a, b| a.exported_at.cmp(&b.exported_at));
    files
}

/// The payment file `message_id` of the organiser, as it was written (the same `MsgId`,
/// time and transfers, to each producer's account in effect now); `None` when there is no
/// such file or no payer.
pub async fn file(
    db: &impl Database,
    organiser: &OrganiserCode,
    settings: &Settings,
    message_id: &str,
    execution_date: Date,
) -> Result<Option<PaymentBatch>, DbError> {
    let rows: Vec<SettlementRow> = db
        .query(
            super::settlement_select!(
                "s.organiser_code = ?1 AND s.payment_message_id = ?2 ORDER BY p.name, s.id"
            ),
            &[organiser.as_str().into(), SqlValue::from(message_id)],
        )
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let month = first.month()?;
    let created_at = first
        .exported_at
        .as_deref()
        .and_then(parse_rfc3339)
        .ok_or_else(|| DbError::bad_row("settlements", "exported_at"))?;
    let refs: Vec<&SettlementRow> = rows.iter().collect();
    Ok(batch(
        settings,
        month,
        &refs,
        message_id,
        created_at,
        execution_date,
    ))
}
