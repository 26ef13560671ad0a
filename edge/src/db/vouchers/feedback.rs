//! The customer's feedback to producers, with the producers' replies.

use crate::db::Statement;
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{FeedbackReplyView, FeedbackView};
use seteli_domain::ids::{CustomerId, EventId, FeedbackId, ProducerId, VoucherId};

/// What every view of a piece of feedback has: the columns [`FEEDBACK_COLUMNS`] selects from
/// `feedback f` joined to its latest reply `r` ([`LATEST_REPLY`]).
#[derive(Deserialize)]
pub(crate) struct FeedbackCore {
    pub id: FeedbackId,
    pub voucher_id: Option<VoucherId>,
    pub event_id: Option<EventId>,
    pub body: String,
    #[serde(with = "seteli_domain::clock::wire_time")]
    pub created_at: time::OffsetDateTime,
    reply_body: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    reply_created_at: Option<time::OffsetDateTime>,
}

/// The columns of [`FeedbackCore`].
pub(crate) const FEEDBACK_COLUMNS: &str = "f.id, f.voucher_id, f.event_id, f.body, f.created_at,
    r.body AS reply_body, r.created_at AS reply_created_at";

/// Joins `r`, the latest reply to feedback `f` (one per feedback today; the latest if ever more).
pub(crate) const LATEST_REPLY: &str = "LEFT JOIN feedback_replies r ON r.id = (
    SELECT r2.id FROM feedback_replies r2 WHERE r2.feedback_id = f.id ORDER BY r2.created_at DESC, r2.id DESC LIMIT 1)";

impl FeedbackCore {
    /// The reply, when there is one.
    pub(crate) fn reply(&mut self) -> Option<FeedbackReplyView> {
        match (self.reply_body.take(), self.reply_created_at) {
            (Some(body), Some(created_at)) => Some(FeedbackReplyView { body, created_at }),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
struct FeedbackRow {
    producer_id: ProducerId,
    producer_name: String,
    #[serde(flatten)]
    core: FeedbackCore,
}

fn feedback_select() -> String {
    format!(
        "SELECT {FEEDBACK_COLUMNS}, f.producer_id, p.name AS producer_name
         FROM feedback f
         JOIN producers p ON p.id = f.producer_id
         {LATEST_REPLY}"
    )
}

fn feedback_dto(mut r: FeedbackRow) -> FeedbackView {
    FeedbackView {
        reply: r.core.reply(),
        id: r.core.id,
        producer_id: r.producer_id,
        producer_name: r.producer_name,
        voucher_id: r.core.voucher_id,
        event_id: r.core.event_id,
        body: r.core.body,
        created_at: r.core.created_at,
    }
}

/// The customer's feedback, newest first, each with the producer's latest reply.
pub async fn feedback_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<FeedbackView>, DbError> {
    let rows: Vec<FeedbackRow> = db
        .query(
            &format!(
                "{} WHERE f.customer_id = ?1 ORDER BY f.created_at DESC, f.id DESC",
                feedback_select()
            ),
            &[SqlValue::from(customer)],
        )
        .await?;
    Ok(rows.into_iter().map(feedback_dto).collect())
}

/// Feedback validated by the caller.
#[derive(Clone, Copy)]
pub struct NewFeedbackRow<'a> {
    pub customer: CustomerId,
    pub voucher_id: VoucherId,
    pub producer: ProducerId,
    pub event: Option<EventId>,
    pub body: &'a str,
    pub created_at: &'a str,
}

/// Stores feedback (already validated), together with `also` (the trail entry and message
/// of a write done on the customer's behalf) in one atomic batch, and returns it as the
/// customer will see it.
pub async fn insert_feedback(
    db: &impl Database,
    f: &NewFeedbackRow<'_>,
    also: Vec<Statement>,
) -> Result<FeedbackView, DbError> {
    let NewFeedbackRow {
        customer,
        voucher_id,
        producer,
        event,
        body,
        created_at,
    } = *f;
    let mut statements = vec![(
        "INSERT INTO feedback (customer_id, producer_id, voucher_id, event_id, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vec![
            SqlValue::from(customer),
            SqlValue::from(producer),
            SqlValue::from(voucher_id),
            event.map_or(SqlValue::Null, SqlValue::from),
            body.into(),
            created_at.into(),
        ],
    )];
    statements.extend(also);
    db.batch(&statements).await?;
    // The batch gives no ids back: the customer's newest feedback with this time and text
    // is the one just stored.
    let rows: Vec<FeedbackRow> = db
        .query(
            &format!(
                "{} WHERE f.customer_id = ?1 AND f.created_at = ?2 AND f.body = ?3
                 ORDER BY f.id DESC LIMIT 1",
                feedback_select()
            ),
            &[SqlValue::from(customer), created_at.into(), body.into()],
        )
        .await?;
    rows.into_iter()
        .next()
        .map(feedback_dto)
        .ok_or_else(|| DbError("new feedback not found".into()))
}
