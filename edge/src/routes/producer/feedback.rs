//! `/api/producer/feedback..`: feedback addressed to the company, and its one reply.

use super::company;
use super::error;
use crate::db::producer_desk as desk;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::NewReply;
use seteli_domain::ids::FeedbackId;
use seteli_domain::permissions::Action;
use seteli_domain::voucher::FeedbackText;
use seteli_domain::ErrorCode;

/// `GET /api/producer/feedback`. Permission: [`Action::ProducerView`].
pub async fn handle_feedback<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerView)?;
    let list = desk::feedback_of(&call.ctx.db, producer, None).await?;
    Ok(ApiResponse::private_json(200, &list))
}

/// `POST /api/producer/feedback/{id}/reply`: one reply to feedback addressed to the
/// company; the customer (or their proxy) sees it. Permission: [`Action::ProducerReply`].
pub async fn handle_reply<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerReply)?;
    let not_found = || error(ErrorCode::NotFound, call.lang);
    let id = FeedbackId::parse(call.id).ok_or_else(not_found)?;
    let reply: NewReply = call.body(ErrorCode::InvalidReply)?;
    let body =
        FeedbackText::parse(&reply.body).map_err(|_| error(ErrorCode::InvalidReply, call.lang))?;
    let feedback = desk::feedback_of(&call.ctx.db, producer, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    if feedback.reply.is_some()
        || !desk::insert_reply(
            &call.ctx.db,
            producer,
            id,
            body.as_str(),
            &call.ctx.timestamp(),
        )
        .await?
    {
        return Err(error(ErrorCode::AlreadyReplied, call.lang));
    }
    let answered = desk::feedback_of(&call.ctx.db, producer, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| EdgeError::Internal("replied feedback was not found".into()))?;
    Ok(ApiResponse::private_json(201, &answered))
}
