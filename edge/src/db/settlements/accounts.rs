//! Producers' bank accounts: the producer enters a new one, and it is in effect only once
//! the finance of an organiser that approved the producer confirms it (a changed account
//! is the classic fraud route). The rows are the log of both: who entered, who decided.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::settlement::{PendingAccount, ProducerAccountView};
use seteli_domain::ids::ProducerId;
use seteli_domain::payment_file::Iban;
use seteli_domain::settlement::AccountStatus;
use seteli_domain::OrganiserCode;

#[derive(Deserialize)]
struct AccountRow {
    iban: String,
    status: AccountStatus,
    entered_by_name: String,
    entered_at: String,
    decided_at: Option<String>,
}

/// The producer's account in effect, the one waiting, and a rejection of the newest.
pub async fn of_producer(
    db: &impl Database,
    producer: ProducerId,
) -> Result<ProducerAccountView, DbError> {
    let rows: Vec<AccountRow> = db
        .query(
            "SELECT iban, status, entered_by_name, entered_at, decided_at FROM producer_accounts
             WHERE producer_id = ?1 AND (status IN ('confirmed', 'pending')
                 OR id = (SELECT MAX(id) FROM producer_accounts WHERE producer_id = ?1))
             ORDER BY id DESC",
            &[producer.into()],
        )
        .await?;
    let grouped = |iban: &str| Iban::parse(iban).map(|i| i.grouped()).unwrap_or_default();
    let confirmed = rows.iter().find(|r| r.status == AccountStatus::Confirmed);
    let pending = rows.iter().find(|r| r.status == AccountStatus::Pending);
    let rejected = rows.first().filter(|r| r.status == AccountStatus::Rejected);
    Ok(ProducerAccountView {
        confirmed: confirmed.map(|r| grouped(&r.iban)),
        confirmed_at: confirmed.and_then(|r| r.decided_at.clone()),
        pending: pending.map(|r| grouped(&r.iban)),
        pending_entered_at: pending.map(|r| r.entered_at.clone()),
        pending_entered_by: pending.map(|r| r.entered_by_name.clone()),
        rejected: rejected.map(|r| grouped(&r.iban)),
    })
}

/// Enters `iban` as the producer's new account, waiting for finance; an earlier one still
/// waiting is replaced by it.
pub async fn enter(
    db: &impl Database,
    producer: ProducerId,
    iban: &Iban,
    by_name: &str,
    at: &str,
) -> Result<(), DbError> {
    db.batch(&[
        (
            "UPDATE producer_accounts SET status = 'replaced' WHERE producer_id = ?1 AND status = 'pending'",
            vec![producer.into()],
        ),
        (
            "INSERT INTO producer_accounts (producer_id, iban, entered_by_name, entered_at)
             VALUES (?1, ?2, ?3, ?4)",
            vec![producer.into(), iban.as_str().into(), by_name.into(), at.into()],
        ),
    ])
    .await
}

/// The condition "the producer of the `producer_accounts` row is approved in a municipality
/// of the organiser bound to `$param`, now or once (suspended or withdrawn since: its last
/// settlements are still paid)".
macro_rules! in_organiser {
    ($param:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM approvals ap JOIN organiser_municipalities om
                 ON om.municipality_code = ap.municipality_code
                 WHERE ap.producer_id = producer_accounts.producer_id AND om.organiser_code = ",
            $param,
            " AND ap.status IN ('approved', 'suspended', 'withdrawn'))"
        )
    };
}

#[derive(Deserialize)]
struct PendingRow {
    id: i64,
    producer_id: ProducerId,
    producer_name: String,
    business_id: String,
    iban: String,
    previous: Option<String>,
    entered_by_name: String,
    entered_at: String,
}

/// New accounts waiting for finance, of producers the organiser approved.
pub async fn pending(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<PendingAccount>, DbError> {
    let rows: Vec<PendingRow> = db
        .query(
            concat!(
                "SELECT producer_accounts.id, producer_accounts.producer_id, p.name AS producer_name,
                        p.business_id, producer_accounts.iban,
                        (SELECT c.iban FROM producer_accounts c
                         WHERE c.producer_id = producer_accounts.producer_id AND c.status = 'confirmed') AS previous,
                        producer_accounts.entered_by_name, producer_accounts.entered_at
                 FROM producer_accounts JOIN producers p ON p.id = producer_accounts.producer_id
                 WHERE producer_accounts.status = 'pending' AND ",
                in_organiser!("?1"),
                " ORDER BY producer_accounts.id"
            ),
            &[organiser.as_str().into()],
        )
        .await?;
    let grouped = |iban: &str| Iban::parse(iban).map(|i| i.grouped()).unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|r| PendingAccount {
            id: r.id,
            producer_id: r.producer_id,
            producer_name: r.producer_name,
            business_id: r.business_id,
            iban: grouped(&r.iban),
            previous: r.previous.as_deref().map(grouped),
            entered_by_name: r.entered_by_name,
            entered_at: r.entered_at,
        })
        .collect())
}

/// Whether account row `id` is of a producer the organiser approved (whatever its state).
pub async fn in_scope(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: i64,
) -> Result<bool, DbError> {
    let rows: Vec<crate::db::IdRow<i64>> = db
        .query(
            concat!(
                "SELECT id FROM producer_accounts WHERE id = ?1 AND ",
                in_organiser!("?2")
            ),
            &[id.into(), organiser.as_str().into()],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Confirms (`confirm`) or rejects the waiting account `id` of a producer the organiser
/// approved: a confirmed one replaces the account in effect, in the same batch. `false`
/// when there is no such account waiting.
pub async fn decide(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: i64,
    confirm: bool,
    by: (&str, &str),
    at: &str,
) -> Result<bool, DbError> {
    let (username, name) = by;
    // Decided already (the batch below would change nothing): say so.
    if status_of(db, id).await? != Some(AccountStatus::Pending) {
        return Ok(false);
    }
    let organiser: SqlValue = organiser.as_str().into();
    let mut statements = Vec::new();
    if confirm {
        statements.push((
            concat!(
                "UPDATE producer_accounts SET status = 'replaced'
                 WHERE status = 'confirmed' AND producer_id = (
                     SELECT producer_id FROM producer_accounts WHERE id = ?1 AND status = 'pending' AND ",
                in_organiser!("?2"),
                ")"
            ),
            vec![id.into(), organiser.clone()],
        ));
    }
    statements.push((
        concat!(
            "UPDATE producer_accounts SET status = ?3, decided_by = ?4, decided_by_name = ?5,
                 decided_at = ?6, decided_organiser = ?2
             WHERE id = ?1 AND status = 'pending' AND ",
            in_organiser!("?2")
        ),
        vec![
            id.into(),
            organiser,
            if confirm {
                AccountStatus::Confirmed
            } else {
                AccountStatus::Rejected
            }
            .as_str()
            .into(),
            username.into(),
            name.into(),
            at.into(),
        ],
    ));
    db.batch(&statements).await?;
    let decided = if confirm {
        AccountStatus::Confirmed
    } else {
        AccountStatus::Rejected
    };
    Ok(status_of(db, id).await? == Some(decided))
}

#[derive(Deserialize)]
struct StatusRow {
    status: AccountStatus,
}

async fn status_of(db: &impl Database, id: i64) -> Result<Option<AccountStatus>, DbError> {
    let rows: Vec<StatusRow> = db
        .query(
            "SELECT status FROM producer_accounts WHERE id = ?1",
            &[id.into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.status))
}
