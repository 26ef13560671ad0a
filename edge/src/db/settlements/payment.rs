//! What the bank's payment file and the ledger of a month hold: the organiser's confirmed
//! settlements with something to pay, each to the producer's account in effect; those
//! without one are held, with the reason.

use super::{of_month, Settings, SettlementRow};
use crate::db::{Database, DbError};
use seteli_domain::money::Cents;
use seteli_domain::payment_file::{CreditTransfer, Debtor, PaymentBatch};
use seteli_domain::settlement::Month;
use seteli_domain::OrganiserCode;
use time::{Date, OffsetDateTime};

/// The payments of a month and the settlements held back.
pub struct Payments {
    pub batch: Option<PaymentBatch>,
    /// Confirmed settlements with something to pay whose producer has no account in effect.
    pub held: Vec<SettlementRow>,
}

/// The reference a settlement's payment carries end to end (at most 35 characters).
pub fn reference(settlement: &SettlementRow) -> String {
    format!("SETELI-{}", settlement.id)
}

/// The confirmed, unpaid settlements of `month` with something to pay, as one batch from
/// the organiser's account (`settings.payer`; `None` when it is not configured or nothing
/// is to be paid), to be paid on `execution_date`.
pub async fn payments(
    db: &impl Database,
    organiser: &OrganiserCode,
    settings: &Settings,
    month: Month,
    now: OffsetDateTime,
    execution_date: Date,
) -> Result<Payments, DbError> {
    let due: Vec<SettlementRow> = of_month(db, organiser, month)
        .await?
        .into_iter()
        .filter(|s| s.state == "confirmed" && s.payable_cents > 0)
        .collect();
    let (payable, held): (Vec<_>, Vec<_>) = due.into_iter().partition(|s| s.account().is_some());
    let transfers: Vec<CreditTransfer> = payable
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
    let batch = match &settings.payer {
        Some((business_id, iban, bic)) if !transfers.is_empty() => Some(PaymentBatch {
            message_id: format!("SETELI-{month}-{}", now.unix_timestamp()),
            created_at: now,
            execution_date,
            debtor: Debtor {
                name: settings.name.clone(),
                business_id: business_id.clone(),
                iban: iban.clone(),
                bic: bic.clone(),
            },
            transfers,
        }),
        _ => None,
    };
    Ok(Payments { batch, held })
}
