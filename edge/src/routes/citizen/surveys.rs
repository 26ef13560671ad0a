//! `POST /api/citizen/surveys`: the monthly satisfaction survey about a producer.

use crate::auth::CurrentSession;
use crate::context::Ctx;
use crate::db::vouchers::{self, SurveyRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::on_behalf::subject;
use crate::outbound::Outbound;
use seteli_domain::api::{MessageKind, NewSurveyAnswer, SurveyReceipt};
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::voucher::{survey_period, SURVEY_COMMENT_MAX_CHARS};
use seteli_domain::{ApiError, ErrorCode};

/// Stores the answer for aggregation; at most one per voucher and producer per month (409
/// after that). Scores out of 1–5 never reach the handler: the body does not parse.
/// Permission: [`Action::AnswerSurvey`].
pub async fn handle_create<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::AnswerSurvey, lang)?;
    let invalid = || EdgeError::from(ApiError::new(ErrorCode::InvalidSurvey, lang));
    let answer: NewSurveyAnswer = req.json().map_err(|_| invalid())?;
    let comment = answer.comment.trim();
    if comment.chars().count() > SURVEY_COMMENT_MAX_CHARS {
        return Err(invalid());
    }
    // For a principal, Valtuudet is asked again here, right before the write.
    let subject = subject(ctx, session, actor, Action::AnswerSurvey, lang).await?;
    let customer = subject.customer_or_not_found(lang)?;
    if !vouchers::producer_served(
        &ctx.db,
        customer,
        answer.voucher_id,
        answer.producer_id,
        None,
    )
    .await?
    {
        return Err(invalid());
    }
    let today = ctx.today();
    let period = survey_period(&today);
    let at = ctx.timestamp();
    let row = SurveyRow {
        customer,
        voucher_id: answer.voucher_id,
        producer: answer.producer_id,
        period,
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
    if !vouchers::insert_survey(&ctx.db, &row, also).await? {
        return Err(ApiError::new(ErrorCode::SurveyAlreadyAnswered, lang).into());
    }
    Ok(ApiResponse::json(
        201,
        &SurveyReceipt {
            period: period.to_owned(),
        },
    )
    .with_header("cache-control", "no-store"))
}
