//! `GET /api/citizen/feedback` and `POST /api/citizen/feedback`.

use super::{customer_or_not_found, own_customer, timestamp};
use crate::db::{vouchers, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use crate::router::Ctx;
use seteli_domain::api::NewFeedback;
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::voucher::FeedbackText;
use seteli_domain::{ApiError, ErrorCode};

/// The customer's feedback with producers' replies. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::ViewOwnVouchers, lang)?;
    let list = match own_customer(&ctx.db, actor).await? {
        Some(customer) => vouchers::feedback_of(&ctx.db, customer).await?,
        None => Vec::new(),
    };
    Ok(ApiResponse::json(200, &list).with_header("cache-control", "no-store"))
}

/// New feedback on a producer that served under the customer's voucher (optionally on one
/// of its events). Refused feedback changes nothing. Permission: [`Action::GiveFeedback`].
pub async fn handle_create<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::GiveFeedback, lang)?;
    let new: NewFeedback = req.json()?;
    let invalid = || EdgeError::from(ApiError::new(ErrorCode::InvalidFeedback, lang));
    let body = FeedbackText::parse(&new.body).map_err(|_| invalid())?;
    let customer = customer_or_not_found(&ctx.db, actor, lang).await?;
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
    let created = vouchers::insert_feedback(
        &ctx.db,
        customer,
        new.voucher_id,
        new.producer_id,
        new.event_id,
        body.as_str(),
        &timestamp(ctx.now),
    )
    .await?;
    Ok(ApiResponse::json(201, &created).with_header("cache-control", "no-store"))
}
