//! Feedback addressed to the producer, and its one reply.

use crate::db::vouchers::{FeedbackCore, FEEDBACK_COLUMNS, LATEST_REPLY};
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::ProducerFeedback;
use seteli_domain::ids::{FeedbackId, ProducerId};

#[derive(Deserialize)]
struct ProducerFeedbackRow {
    customer_given_name: String,
    #[serde(flatten)]
    core: FeedbackCore,
}

/// Feedback addressed to the producer, newest first, with its reply if any.
pub async fn feedback_of(
    db: &impl Database,
    producer: ProducerId,
    only: Option<FeedbackId>,
) -> Result<Vec<ProducerFeedback>, DbError> {
    let rows: Vec<ProducerFeedbackRow> = db
        .query(
            &format!(
                "SELECT {FEEDBACK_COLUMNS}, c.given_name AS customer_given_name
                 FROM feedback f
                 JOIN customers c ON c.id = f.customer_id
                 {LATEST_REPLY}
                 WHERE f.producer_id = ?1 AND (?2 IS NULL OR f.id = ?2)
                 ORDER BY f.created_at DESC, f.id DESC LIMIT 500"
            ),
            &[
                SqlValue::from(producer),
                only.map_or(SqlValue::Null, SqlValue::from),
            ],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|mut r| ProducerFeedback {
            reply: r.core.reply(),
            id: r.core.id,
            customer_given_name: r.customer_given_name,
            voucher_id: r.core.voucher_id,
            event_id: r.core.event_id,
            body: r.core.body,
            created_at: r.core.created_at,
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
