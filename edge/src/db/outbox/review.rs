//! The desk's side of the outbox: the organiser's messages held for review, failed or on
//! paper, within what the employee's roles cover, and releasing a held one.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::MessageKind;
use seteli_domain::delivery::{DeliveryItem, HeldReason, MessageStatus};
use seteli_domain::ids::MessageId;
use seteli_domain::OrganiserCode;

/// Which of the organiser's messages an employee's roles let them see.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// Messages to the customers of the organiser's municipalities.
    pub customers: bool,
    /// Messages to companies about the organiser's cases and approvals.
    pub companies: bool,
}

/// The condition (on `messages m` joined to `customers c`) that a message is organiser
/// `?1`'s and within `scope`.
fn in_scope(scope: Scope) -> String {
    // A person who is not a customer (a named guardian) is reached about the organiser's case.
    let customers = "((m.customer_id IS NOT NULL AND c.municipality_code IN
         (SELECT municipality_code FROM organiser_municipalities WHERE organiser_code = ?1))
         OR (m.to_hetu IS NOT NULL AND (SELECT organiser_code FROM cases WHERE id = m.case_id) = ?1))";
    let companies = "(m.to_producer_id IS NOT NULL AND COALESCE(m.organiser_code,
         (SELECT organiser_code FROM cases WHERE id = m.case_id)) = ?1)";
    match (scope.customers, scope.companies) {
        (true, true) => format!("({customers} OR {companies})"),
        (true, false) => customers.to_owned(),
        (false, true) => companies.to_owned(),
        (false, false) => "0".to_owned(),
    }
}

/// The organiser's messages held, failed or on paper, within `scope`, newest first.
pub async fn for_review(
    db: &impl Database,
    organiser: &OrganiserCode,
    scope: Scope,
) -> Result<Vec<DeliveryItem>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        id: MessageId,
        #[serde(with = "seteli_domain::clock::wire_time")]
        created_at: time::OffsetDateTime,
        kind: String,
        recipient: String,
        to_company: i64,
        status: String,
        held_reason: Option<String>,
        last_error: Option<String>,
        attempts: i64,
    }
    let sql = format!(
        "SELECT m.id, m.created_at, m.kind,
                COALESCE(co.name, c.given_name || ' ' || c.family_name, m.to_name, '') AS recipient,
                m.to_producer_id IS NOT NULL AS to_company, m.status, m.held_reason, m.last_error,
                m.attempts
         FROM messages m
         LEFT JOIN customers c ON c.id = m.customer_id
         LEFT JOIN producers co ON co.id = m.to_producer_id
         WHERE m.status IN ('held', 'failed', 'paper', 'printed', 'returned') AND {}
         ORDER BY m.id DESC LIMIT 200",
        in_scope(scope)
    );
    let rows: Vec<Row> = db.query(&sql, &[organiser.as_str().into()]).await?;
    Ok(rows
        .into_iter()
        .map(|r| DeliveryItem {
            id: r.id,
            created_at: r.created_at,
            kind: MessageKind::parse(&r.kind).unwrap_or(MessageKind::Unknown),
            recipient: r.recipient,
            to_company: r.to_company != 0,
            status: MessageStatus::parse(&r.status).unwrap_or(MessageStatus::Unknown),
            held_reason: r.held_reason.as_deref().and_then(HeldReason::parse),
            last_error: r.last_error,
            attempts: u32::try_from(r.attempts).unwrap_or(0),
        })
        .collect())
}

/// How many of the organiser's messages within `scope` are held or failed.
pub async fn count_to_review(
    db: &impl Database,
    organiser: &OrganiserCode,
    scope: Scope,
) -> Result<u32, DbError> {
    #[derive(Deserialize)]
    struct Count {
        n: i64,
    }
    let sql = format!(
        "SELECT COUNT(*) AS n FROM messages m LEFT JOIN customers c ON c.id = m.customer_id
         WHERE m.status IN ('held', 'failed') AND {}",
        in_scope(scope)
    );
    let rows: Vec<Count> = db.query(&sql, &[organiser.as_str().into()]).await?;
    Ok(rows.first().map_or(0, |c| u32::try_from(c.n).unwrap_or(0)))
}

/// What releasing a message came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Released {
    Released,
    /// The message is the organiser's but not held (sent, failed, queued).
    NotHeld,
    /// No such message within the member's organiser and scope.
    NotFound,
}

/// Puts held message `id` back in the queue, released by `by` (it may then go on paper to
/// a protected address), if it is the organiser's and within `scope`.
pub async fn release(
    db: &impl Database,
    organiser: &OrganiserCode,
    scope: Scope,
    id: MessageId,
    by: &str,
    at: &str,
) -> Result<Released, DbError> {
    let mine = format!(
        "SELECT m.id FROM messages m LEFT JOIN customers c ON c.id = m.customer_id
         WHERE m.id = ?2 AND {}",
        in_scope(scope)
    );
    let changed = db
        .execute(
            &format!(
                "UPDATE messages SET status = 'queued', held_reason = NULL, released_by = ?3,
                     next_attempt_at = 0, status_at = ?4
                 WHERE status = 'held' AND id IN ({mine})"
            ),
            &[
                organiser.as_str().into(),
                SqlValue::from(id),
                by.into(),
                at.into(),
            ],
        )
        .await?;
    if changed == 1 {
        return Ok(Released::Released);
    }
    #[derive(Deserialize)]
    struct Count {
        n: i64,
    }
    let found: Vec<Count> = db
        .query(
            &format!("SELECT COUNT(*) AS n FROM ({mine})"),
            &[organiser.as_str().into(), SqlValue::from(id)],
        )
        .await?;
    Ok(if found.first().is_none_or(|c| c.n == 0) {
        Released::NotFound
    } else {
        Released::NotHeld
    })
}
