//! Feedback addressed to the producer, and its one reply.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{FeedbackReplyView, ProducerFeedback};
use seteli_domain::ids::{EventId, FeedbackId, ProducerId, VoucherId};

#[derive(Deserialize)]
struct ProducerFeedbackRow {
    id: FeedbackId,
    customer_given_name: String,
    voucher_id: Option<VoucherId>,
    event_id: Option<EventId>,
    body: String,
    #[serde(with = "seteli_domain::clock::wire_time")]
    created_at: time::OffsetDateTime,
    reply_body: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    reply_created_at: Option<time::OffsetDateTime>,
}

/// Feedback addressed to the producer, newest first, with its reply if any.
pub async fn feedback_of(
    db: &impl Database,
    producer: ProducerId,
    only: Option<FeedbackId>,
) -> Result<Vec<ProducerFeedback>, DbError> {
    let rows: Vec<ProducerFeedbackRow> = db
        .query(
            "SELECT f.id, c.given_name AS customer_given_name, f.voucher_id, f.event_id, f.body, f.created_at,
                    r.body AS reply_body, r.created_at AS reply_created_at
             FROM feedback f
             JOIN customers c ON c.id = f.customer_id
             LEFT JOIN feedback_replies r ON r.id = (
                 SELECT MAX(r2.id) FROM feedback_replies r2 WHERE r2.feedback_id = f.id)
             WHERE f.producer_id = ?1 AND (?2 IS NULL OR f.id = ?2)
             ORDER BY f.created_at DESC, f.id DESC LIMIT 500",
            &[
                SqlValue::from(producer),
                only.map_or(SqlValue::Null, SqlValue::from),
            ],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ProducerFeedback {
            reply: match (r.reply_body, r.reply_created_at) {
                (Some(body), Some(created_at)) => Some(FeedbackReplyView { body, created_at }),
                _ => None,
            },
            id: r.id,
            customer_given_name: r.customer_given_name,
            voucher_id: r.voucher_id,
            event_id: r.event_id,
            body: r.body,
            created_at: r.created_at,
        })
        .collect())
}

/// Stores the producer's reply to its own feedback, unless it already has one; `false`
/// when nothing was stored.
pub async fn insert_reply(
    db: &impl Database,
    producer: ProducerId,
    feedback: FeedbackId,
    body: &str,
    at: &str,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "INSERT INTO feedback_replies (feedback_id, producer_id, body, created_at)
             SELECT f.id, f.producer_id, ?3, ?4 FROM feedback f
             WHERE f.id = ?1 AND f.producer_id = ?2
               AND NOT EXISTS (SELECT 1 FROM feedback_replies r WHERE r.feedback_id = f.id)",
            &[
                SqlValue::from(feedback),
                SqlValue::from(producer),
                body.into(),
                at.into(),
            ],
        )
        .await?;
    Ok(changed == 1)
}
