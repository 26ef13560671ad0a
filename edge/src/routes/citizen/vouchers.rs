//! `GET /api/citizen/vouchers` and `GET /api/citizen/vouchers/{id}`.

use crate::auth::CurrentSession;
use crate::context::Ctx;
use crate::db::{vouchers, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::on_behalf::subject;
use crate::outbound::Outbound;
use seteli_domain::api::VoucherDetail;
use seteli_domain::ids::VoucherId;
use seteli_domain::permissions::{Action, Actor};
use seteli_domain::voucher::survey_period;
use seteli_domain::{ApiError, ErrorCode};

/// The customer's own vouchers. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let subject = subject(ctx, session, actor, Action::ViewOwnVouchers, lang).await?;
    let list = match subject.customer {
        Some(customer) => vouchers::vouchers_of(&ctx.db, customer, lang, &ctx.today()).await?,
        None => Vec::new(),
    };
    Ok(ApiResponse::private_json(200, &list))
}

/// One of the customer's vouchers with its events and producers. Another customer's
/// voucher is 404 exactly like one that does not exist. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_get<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    session: Option<&CurrentSession>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let subject = subject(ctx, session, actor, Action::ViewOwnVouchers, lang).await?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::VoucherNotFound, lang));
    let id = VoucherId::parse(id).ok_or_else(not_found)?;
    let customer = subject.customer_or_not_found(lang)?;
    let today = ctx.today();
    let voucher = vouchers::voucher_of(&ctx.db, customer, id, lang, &today)
        .await?
        .ok_or_else(not_found)?;
    let detail = VoucherDetail {
        events: vouchers::events_of(&ctx.db, voucher.id).await?,
        producers: vouchers::producers_of(&ctx.db, voucher.id, survey_period(&today)).await?,
        voucher,
    };
    Ok(ApiResponse::private_json(200, &detail))
}
