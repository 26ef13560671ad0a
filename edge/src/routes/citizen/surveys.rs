//! `POST /api/citizen/surveys`: the monthly satisfaction survey about a producer.

use crate::db::vouchers::{self, SurveyRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::{MessageKind, NewSurveyAnswer, SurveyReceipt};
use seteli_domain::permissions::{require, Action};
use seteli_domain::voucher::{survey_period, SURVEY_COMMENT_MAX_CHARS};
use seteli_domain::{ApiError, ErrorCode};

/// Stores the answer for aggregation; at most one per voucher and producer per month (409
/// after that). Scores out of 1–5 never reach the handler: the body does not parse.
/// Permission: [`Action::AnswerSurvey`].
pub async fn handle_create<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    require(call.actor, Action::AnswerSurvey, call.lang)?;
    let invalid = || EdgeError::from(ApiError::new(ErrorCode::InvalidSurvey, call.lang));
    let answer: NewSurveyAnswer = call.body(ErrorCode::InvalidSurvey)?;
    let comment = answer.comment.trim();
    if comment.chars().count() > SURVEY_COMMENT_MAX_CHARS {
        return Err(invalid());
    }
    // For a principal, Valtuudet is asked again here, right before the write.
    let served = (answer.voucher_id, answer.producer_id, None);
    let (subject, customer) =
        super::served_customer(call, Action::AnswerSurvey, served, ErrorCode::InvalidSurvey)
            .await?;
    let today = call.ctx.today();
    let period = survey_period(today);
    let at = call.ctx.timestamp();
    let row = SurveyRow {
        customer,
        voucher_id: answer.voucher_id,
        producer: answer.producer_id,
        period: &period,
        scores: [
            answer.overall.into(),
            answer.punctuality.into(),
            answer.staff.into(),
            answer.information.into(),
        ],
        comment,
        created_at: &at,
    };
    let also = subject.write_records(MessageKind::SurveyAnswered, answer.producer_id, &at);
    if !vouchers::insert_survey(&call.ctx.db, &row, also).await? {
        return Err(ApiError::new(ErrorCode::SurveyAlreadyAnswered, call.lang).into());
    }
    Ok(ApiResponse::json(
        201,
        &SurveyReceipt {
            period: period.to_owned(),
        },
    )
    .with_header("cache-control", "no-store"))
}
