//! `GET /api/citizen/vouchers` and `GET /api/citizen/vouchers/{id}`.

use super::{customer_or_not_found, own_customer};
use crate::db::{vouchers, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use crate::router::Ctx;
use seteli_domain::api::VoucherDetail;
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::voucher::survey_period;
use seteli_domain::{ApiError, ErrorCode};

fn private_json<T: serde::Serialize>(value: &T) -> ApiResponse {
    // Personal data: never stored by browsers or shared caches.
    ApiResponse::json(200, value).with_header("cache-control", "no-store")
}

/// The customer's own vouchers. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::ViewOwnVouchers, lang)?;
    let list = match own_customer(&ctx.db, actor).await? {
        Some(customer) => vouchers::vouchers_of(&ctx.db, customer, lang, &ctx.today()).await?,
        None => Vec::new(),
    };
    Ok(private_json(&list))
}

/// One of the customer's vouchers with its events and producers. Another customer's
/// voucher is 404 exactly like one that does not exist. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_get<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    require(actor, Action::ViewOwnVouchers, lang)?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::VoucherNotFound, lang));
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let customer = customer_or_not_found(&ctx.db, actor, lang).await?;
    let today = ctx.today();
    let voucher = vouchers::voucher_of(&ctx.db, customer, id, lang, &today)
        .await?
        .ok_or_else(not_found)?;
    let detail = VoucherDetail {
        events: vouchers::events_of(&ctx.db, voucher.id).await?,
        producers: vouchers::producers_of(&ctx.db, voucher.id, survey_period(&today)).await?,
        voucher,
    };
    Ok(private_json(&detail))
}
