//! The outbox's delivery (issue 14): which queued messages are due, claiming one so that
//! only one run sends it, what a message needs to be sent (recipient, address, organiser),
//! and recording what happened.

mod review;

pub use review::{count_to_review, for_review, release, Released, Scope};

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::delivery::{advance, HeldReason, MessageStatus};
use seteli_domain::ids::{CustomerId, MessageId};

/// Queued messages whose next attempt is due at `now` and that no run holds, oldest first.
pub async fn due(db: &impl Database, now: i64, limit: i64) -> Result<Vec<MessageId>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        id: MessageId,
    }
    let rows: Vec<Row> = db
        .query(
            "SELECT id FROM messages WHERE status = 'queued' AND next_attempt_at <= ?1
               AND lease_until <= ?1 ORDER BY id LIMIT ?2",
            &[now.into(), limit.into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// Takes message `id` for this run under `lease` until `until`; whether this run got it
/// (another run holding it, or a message no longer due, is left alone).
pub async fn claim(
    db: &impl Database,
    id: MessageId,
    lease: &str,
    now: i64,
    until: i64,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "UPDATE messages SET lease = ?2, lease_until = ?4
             WHERE id = ?1 AND status = 'queued' AND next_attempt_at <= ?3 AND lease_until <= ?3",
            &[SqlValue::from(id), lease.into(), now.into(), until.into()],
        )
        .await?;
    Ok(changed == 1)
}

/// Everything a claimed message needs to be sent.
#[derive(Debug, Deserialize)]
pub struct OutboxRow {
    pub id: MessageId,
    pub kind: String,
    pub actor_name: String,
    pub created_at: String,
    pub attempts: i64,
    /// Set when an employee let a held message go on paper.
    pub released_by: Option<String>,
    pub customer_id: Option<CustomerId>,
    pub hetu: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub post_office: Option<String>,
    pub non_disclosure: i64,
    pub lang: Option<String>,
    /// A person who is not a customer (a named guardian): identity code and name.
    pub to_hetu: Option<String>,
    pub to_name: Option<String>,
    /// Whom a resident's application is for (the child, in a named guardian's message).
    pub about_name: Option<String>,
    /// The guardian who applied, for a message about a child's application (it goes to
    /// them, not to whichever guardian acted for the child last).
    pub applicant_hetu: Option<String>,
    pub applicant_name: Option<String>,
    /// The company's business id, for a message to a company.
    pub company_id: Option<String>,
    pub company_name: Option<String>,
    pub company_street: Option<String>,
    pub company_postal_code: Option<String>,
    pub company_post_office: Option<String>,
    /// The producer the matter is about.
    pub producer_name: Option<String>,
    pub organiser_fi: Option<String>,
    pub organiser_sv: Option<String>,
    pub organiser_street: Option<String>,
    pub organiser_postal_code: Option<String>,
    pub organiser_post_office: Option<String>,
}

/// Message `id` as claimed under `lease`, if this run still holds it.
pub async fn load(
    db: &impl Database,
    id: MessageId,
    lease: &str,
) -> Result<Option<OutboxRow>, DbError> {
    let rows: Vec<OutboxRow> = db
        .query(
            "SELECT m.id, m.kind, m.actor_name, m.created_at, m.attempts, m.released_by, m.customer_id,
                    c.hetu, c.given_name, c.family_name, c.street_address, c.postal_code, c.post_office,
                    COALESCE(c.non_disclosure, 0) AS non_disclosure, c.lang,
                    m.to_hetu, m.to_name,
                    (SELECT principal_name FROM voucher_applications WHERE case_id = m.case_id) AS about_name,
                    (SELECT applicant_hetu FROM voucher_applications
                     WHERE case_id = m.case_id AND applies_for = 'child') AS applicant_hetu,
                    (SELECT applicant_name FROM voucher_applications
                     WHERE case_id = m.case_id AND applies_for = 'child') AS applicant_name,
                    co.business_id AS company_id, co.name AS company_name,
                    co.street_address AS company_street, co.postal_code AS company_postal_code,
                    co.post_office AS company_post_office,
                    p.name AS producer_name,
                    o.name_fi AS organiser_fi, o.name_sv AS organiser_sv,
                    o.street_address AS organiser_street, o.postal_code AS organiser_postal_code,
                    o.post_office AS organiser_post_office
             FROM messages m
             LEFT JOIN customers c ON c.id = m.customer_id
             LEFT JOIN producers co ON co.id = m.to_producer_id
             LEFT JOIN producers p ON p.id = m.producer_id
             LEFT JOIN organisers o ON o.code = COALESCE(m.organiser_code,
                 (SELECT organiser_code FROM cases WHERE id = m.case_id),
                 (SELECT organiser_code FROM organiser_municipalities WHERE municipality_code = c.municipality_code))
             WHERE m.id = ?1 AND m.lease = ?2 AND m.status = 'queued'",
            &[SqlValue::from(id), lease.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// A guardian of a child, as Seteli knows them: from the trail of their acts.
#[derive(Debug, Deserialize)]
pub struct Guardian {
    pub actor_hetu: String,
    pub actor_name: String,
}

/// The guardian who last acted for `child` in Seteli (confirmed by Valtuudet when they did).
pub async fn guardian_of(
    db: &impl Database,
    child: CustomerId,
) -> Result<Option<Guardian>, DbError> {
    let rows: Vec<Guardian> = db
        .query(
            "SELECT actor_hetu, actor_name FROM on_behalf_log
             WHERE principal_customer_id = ?1 AND basis = 'guardian' AND result = 'allowed'
             ORDER BY id DESC LIMIT 1",
            &[SqlValue::from(child)],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// What an attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Suomi.fi Messages took it (`Sent` electronically or as `Paper`).
    HandedOver {
        status: MessageStatus,
        remote_id: i64,
        recipient_name: String,
    },
    /// Waits for an employee.
    Held(HeldReason),
    /// Try again at `next_at` (Unix seconds).
    Retry { error: String, next_at: i64 },
    /// Given up on.
    Failed { error: String },
}

/// Records `outcome` of the attempt on message `id` held under `lease` at `at`, and lets
/// the row go.
pub async fn record(
    db: &impl Database,
    id: MessageId,
    lease: &str,
    at: &str,
    outcome: &Outcome,
) -> Result<(), DbError> {
    let (sql, extra): (&str, Vec<SqlValue>) = match outcome {
        Outcome::HandedOver {
            status,
            remote_id,
            recipient_name,
        } => (
            "UPDATE messages SET status = ?4, remote_id = ?5, recipient_name = ?6,
                 held_reason = NULL, last_error = NULL, status_at = ?3, attempts = attempts + 1,
                 lease = NULL, lease_until = 0
             WHERE id = ?1 AND lease = ?2",
            vec![
                status.as_str().into(),
                (*remote_id).into(),
                recipient_name.as_str().into(),
            ],
        ),
        Outcome::Held(reason) => (
            "UPDATE messages SET status = 'held', held_reason = ?4, status_at = ?3,
                 lease = NULL, lease_until = 0
             WHERE id = ?1 AND lease = ?2",
            vec![reason.as_str().into()],
        ),
        Outcome::Retry { error, next_at } => (
            "UPDATE messages SET last_error = ?4, next_attempt_at = ?5, attempts = attempts + 1,
                 lease = NULL, lease_until = 0
             WHERE id = ?1 AND lease = ?2",
            vec![error.as_str().into(), (*next_at).into()],
        ),
        Outcome::Failed { error } => (
            "UPDATE messages SET status = 'failed', last_error = ?4, status_at = ?3,
                 attempts = attempts + 1, lease = NULL, lease_until = 0
             WHERE id = ?1 AND lease = ?2",
            vec![error.as_str().into()],
        ),
    };
    let mut params = vec![SqlValue::from(id), lease.into(), at.into()];
    params.extend(extra);
    db.execute(sql, &params).await?;
    Ok(())
}

/// At most this many ids in one query (D1 binds at most 100 parameters).
const IDS_PER_QUERY: usize = 90;

/// Moves the messages the events feed reported on (`(id, reported state)`, in the feed's
/// order) forward, in one batch; how many it moves. A state already passed changes
/// nothing, so a page read twice is harmless, and each update is guarded by the state it
/// was planned from.
pub async fn apply_events(
    db: &impl Database,
    reported: &[(MessageId, MessageStatus)],
    at: &str,
) -> Result<usize, DbError> {
    #[derive(Deserialize)]
    struct Row {
        id: MessageId,
        status: String,
    }
    let mut ids: Vec<MessageId> = reported.iter().map(|(id, _)| *id).collect();
    ids.sort();
    ids.dedup();
    let mut current = std::collections::BTreeMap::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let params: Vec<SqlValue> = chunk.iter().map(|id| SqlValue::from(*id)).collect();
        let rows: Vec<Row> = db
            .query(
                &format!("SELECT id, status FROM messages WHERE id IN ({marks})"),
                &params,
            )
            .await?;
        for row in rows {
            if let Some(status) = MessageStatus::parse(&row.status) {
                current.insert(row.id, (status, status));
            }
        }
    }
    for (id, next) in reported {
        if let Some((_, now)) = current.get_mut(id) {
            if let Some(moved) = advance(*now, *next) {
                *now = moved;
            }
        }
    }
    let updates: Vec<Statement> = current
        .into_iter()
        .filter(|(_, (from, to))| from != to)
        .map(|(id, (from, to))| {
            (
                "UPDATE messages SET status = ?3, status_at = ?4, held_reason = NULL
                 WHERE id = ?1 AND status = ?2",
                vec![
                    SqlValue::from(id),
                    from.as_str().into(),
                    to.as_str().into(),
                    at.into(),
                ],
            )
        })
        .collect();
    if !updates.is_empty() {
        db.batch(&updates).await?;
    }
    Ok(updates.len())
}
