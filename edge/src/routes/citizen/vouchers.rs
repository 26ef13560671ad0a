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

/// `POST /api/citizen/vouchers/{id}/refuse` `{reason}`: the resident refuses a voucher in
/// force — it ends today (what was used stays) — and is directed to the organiser's own
/// service. Another customer's voucher is 404; an ended one, `voucher_not_refusable`.
/// Permission: [`Action::ApplyForVoucher`].
pub async fn handle_refuse<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    use seteli_domain::api::resident::{RefusedVoucher, VoucherRefusal, REFUSAL_MAX_CHARS};
    let subject = call.subject(Action::ApplyForVoucher).await?;
    let lang = call.lang;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::VoucherNotFound, lang));
    let id = VoucherId::parse(call.id).ok_or_else(not_found)?;
    let customer = subject.customer_or_not_found(lang)?;
    let today = call.ctx.today();
    let db = &call.ctx.db;
    let voucher = vouchers::voucher_of(db, customer, id, lang, today)
        .await?
        .ok_or_else(not_found)?;
    let body: VoucherRefusal = call.body(ErrorCode::InvalidBody)?;
    if body.reason.chars().count() > REFUSAL_MAX_CHARS {
        return Err(ApiError::field(ErrorCode::InvalidBody, "reason", lang).into());
    }
    let refusable = voucher.status == seteli_domain::voucher::VoucherStatus::Active
        && voucher.valid_until > today;
    if !refusable {
        return Err(ApiError::new(ErrorCode::VoucherNotRefusable, lang).into());
    }
    let at = call.ctx.timestamp();
    let reason = format!(
        "Asiakas kieltäytyi palvelusetelistä. / Kunden avböjde servicesedeln. {}",
        body.reason.trim()
    );
    let mut statements = vec![vouchers::refuse_statement(
        id,
        customer,
        today,
        reason.trim(),
    )];
    statements.extend(subject.trail_record(&at));
    db.batch(&statements).await?;
    let organiser = crate::db::organisers::of_municipality(db, &voucher.municipality_code).await?;
    let names = match &organiser {
        Some(code) => crate::db::organisers::names(db, code, lang).await?,
        None => None,
    };
    let (organiser_name, organiser_address) = names
        .map(|n| (n.name, n.appeal_address))
        .unwrap_or_default();
    Ok(ApiResponse::private_json(
        200,
        &RefusedVoucher {
            valid_until: today,
            organiser_name,
            organiser_address,
        },
    ))
}
