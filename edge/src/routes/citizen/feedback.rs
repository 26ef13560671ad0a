//! `GET /api/citizen/feedback` and `POST /api/citizen/feedback`.

use crate::auth::CurrentSession;
use crate::context::Ctx;
use crate::db::vouchers::{self, NewFeedbackRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::on_behalf::subject;
use crate::outbound::Outbound;
use seteli_domain::api::{MessageKind, NewFeedback};
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::voucher::FeedbackText;
use seteli_domain::{ApiError, ErrorCode};

/// The customer's feedback with producers' replies. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let subject = subject(ctx, session, actor, Action::ViewOwnVouchers, lang).await?;
    let list = match subject.customer {
        Some(customer) => vouchers::feedback_of(&ctx.db, customer).await?,
        None => Vec::new(),
    };
    Ok(ApiResponse::private_json(200, &list))
}

/// New feedback on a producer that served under the customer's voucher (optionally on one
/// of its events). Refused feedback changes nothing. Permission: [`Action::GiveFeedback`].
pub async fn handle_create<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::GiveFeedback, lang)?;
    let new: NewFeedback = req.json()?;
    let invalid = || EdgeError::from(ApiError::new(ErrorCode::InvalidFeedback, lang));
    let body = FeedbackText::parse(&new.body).map_err(|_| invalid())?;
    // For a principal, Valtuudet is asked again here, right before the write.
    let subject = subject(ctx, session, actor, Action::GiveFeedback, lang).await?;
    let customer = subject.customer_or_not_found(lang)?;
    if !vouchers::producer_served(
        &ctx.db,
        customer,
        new.voucher_id,
        new.producer_id,
        new.event_id,
    )
    .await?
    {
        return Err(invalid());
    }
    let at = ctx.timestamp();
    let row = NewFeedbackRow {
        customer,
        voucher_id: new.voucher_id,
        producer: new.producer_id,
        event: new.event_id,
        body: body.as_str(),
        created_at: &at,
    };
    let also = subject.write_records(MessageKind::FeedbackGiven, new.producer_id, &at);
    let created = vouchers::insert_feedback(&ctx.db, &row, also).await?;
    Ok(ApiResponse::private_json(201, &created))
}
