//! The customer's survey answers about producers.

use crate::db::Statement;
use crate::db::{Database, DbError, SqlValue};
use seteli_domain::ids::{CustomerId, ProducerId, VoucherId};

/// A survey answer, validated by the caller.
pub struct SurveyRow<'a> {
    pub customer: CustomerId,
    pub voucher_id: VoucherId,
    pub producer: ProducerId,
    pub period: &'a str,
    pub scores: [u8; 4],
    pub comment: &'a str,
    pub created_at: &'a str,
}

/// Stores a survey answer, with `also` (see [`insert_feedback`](super::insert_feedback)) in one atomic batch;
/// `false`, with nothing stored, when this voucher's survey about this producer is already
/// answered for the period (the unique key decides, so concurrent answers cannot both count).
pub async fn insert_survey(
    db: &impl Database,
    a: &SurveyRow<'_>,
    also: Vec<Statement>,
) -> Result<bool, DbError> {
    let mut statements = vec![(
        "INSERT INTO survey_answers
             (customer_id, voucher_id, producer_id, period, overall, punctuality, staff, information, comment, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        vec![
                SqlValue::from(a.customer),
                SqlValue::from(a.voucher_id),
                SqlValue::from(a.producer),
                a.period.into(),
                SqlValue::from(i64::from(a.scores[0])),
                SqlValue::from(i64::from(a.scores[1])),
                SqlValue::from(i64::from(a.scores[2])),
                SqlValue::from(i64::from(a.scores[3])),
                a.comment.into(),
                a.created_at.into(),
        ],
    )];
    statements.extend(also);
    match db.batch(&statements).await {
        Ok(()) => Ok(true),
        Err(e) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}
