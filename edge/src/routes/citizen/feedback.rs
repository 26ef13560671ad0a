//! `GET /api/citizen/feedback` and `POST /api/citizen/feedback`.

use crate::db::vouchers::{self, NewFeedbackRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::{MessageKind, NewFeedback};
use seteli_domain::permissions::{require, Action};
use seteli_domain::voucher::FeedbackText;
use seteli_domain::{ApiError, ErrorCode};

/// The customer's feedback with producers' replies. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    super::customer_list(call, Action::ViewOwnVouchers, |customer| {
        vouchers::feedback_of(&call.ctx.db, customer)
    })
    .await
}

/// New feedback on a producer that served under the customer's voucher (optionally on one
/// of its events). Refused feedback changes nothing. Permission: [`Action::GiveFeedback`].
pub async fn handle_create<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    require(call.actor, Action::GiveFeedback, call.lang)?;
    let new: NewFeedback = call.req.json()?;
    let invalid = || EdgeError::from(ApiError::new(ErrorCode::InvalidFeedback, call.lang));
    let body = FeedbackText::parse(&new.body).map_err(|_| invalid())?;
    // For a principal, Valtuudet is asked again here, right before the write.
    let served = (new.voucher_id, new.producer_id, new.event_id);
    let (subject, customer) = super::served_customer(
        call,
        Action::GiveFeedback,
        served,
        ErrorCode::InvalidFeedback,
    )
    .await?;
    let at = call.ctx.timestamp();
    let row = NewFeedbackRow {
        customer,
        voucher_id: new.voucher_id,
        producer: new.producer_id,
        event: new.event_id,
        body: body.as_str(),
        created_at: &at,
    };
    let also = subject.write_records(MessageKind::FeedbackGiven, new.producer_id, &at);
    let created = vouchers::insert_feedback(&call.ctx.db, &row, also).await?;
    Ok(ApiResponse::private_json(201, &created))
}
