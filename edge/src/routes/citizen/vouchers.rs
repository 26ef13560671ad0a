//! `GET /api/citizen/vouchers` and `GET /api/citizen/vouchers/{id}`.

use crate::db::{vouchers, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::VoucherDetail;
use seteli_domain::ids::VoucherId;
use seteli_domain::permissions::Action;
use seteli_domain::voucher::survey_period;
use seteli_domain::{ApiError, ErrorCode};

/// The customer's own vouchers. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let today = call.ctx.today();
    super::customer_list(call, Action::ViewOwnVouchers, |customer| {
        vouchers::vouchers_of(&call.ctx.db, customer, call.lang, today)
    })
    .await
}

/// One of the customer's vouchers with its events and producers. Another customer's
/// voucher is 404 exactly like one that does not exist. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let subject = call.subject(Action::ViewOwnVouchers).await?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::VoucherNotFound, call.lang));
    let id = VoucherId::parse(call.id).ok_or_else(not_found)?;
    let customer = subject.customer_or_not_found(call.lang)?;
    let today = call.ctx.today();
    let voucher = vouchers::voucher_of(&call.ctx.db, customer, id, call.lang, today)
        .await?
        .ok_or_else(not_found)?;
    let detail = VoucherDetail {
        events: vouchers::events_of(&call.ctx.db, voucher.id).await?,
        producers: vouchers::producers_of(&call.ctx.db, voucher.id, &survey_period(today)).await?,
        decisions: crate::db::desk::decisions::decisions_of_voucher(
            &call.ctx.db,
            customer,
            voucher.id,
            call.lang,
        )
        .await?,
        voucher,
    };
    Ok(ApiResponse::private_json(200, &detail))
}
