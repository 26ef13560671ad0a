//! `/api/producer/vouchers/..`: finding a voucher by the number the customer gave (and
//! linking it), and a linked voucher with this producer's events under it.

use super::agent;
use super::{error, Who};
use crate::context::Ctx;
use crate::db::producer_desk::{self as desk, EventFilter, EventRef};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::{ProducerVoucher, ProducerVoucherDetail, VoucherLookup};
use seteli_domain::clock::finnish_date;
use seteli_domain::ids::{ProducerId, VoucherId};
use seteli_domain::permissions::Action;
use seteli_domain::producer::{LOOKUP_FAILURES_ALLOWED, LOOKUP_WINDOW_SECS};
use seteli_domain::voucher::VoucherNumber;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// `POST /api/producer/vouchers/lookup`: the voucher behind the number the customer gave,
/// if the producer is approved for its service there; links it (logged). Wrong numbers
/// count against the person: after [`LOOKUP_FAILURES_ALLOWED`] in [`LOOKUP_WINDOW_SECS`],
/// 429 until the window has passed. Permission: [`Action::ProducerLookUpVoucher`].
pub async fn handle_lookup<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerLookUpVoucher, call.lang)?;
    let producer = agent.company.producer_id;
    let who = Who::of(agent, call.ctx)?;
    let lookup: VoucherLookup = call.req.json()?;
    let now = call.ctx.unix_now();
    let since = now - LOOKUP_WINDOW_SECS;
    let guard_key = call
        .ctx
        .identity_key("voucher-lookups", agent.person.hetu.as_str())?;
    // The attempt is counted (as wrong until it proves right) in the same statement that
    // checks the limit, so parallel requests cannot all slip under it.
    let Some(attempt) = desk::begin_lookup(
        &call.ctx.db,
        &guard_key,
        now,
        since,
        LOOKUP_FAILURES_ALLOWED,
    )
    .await?
    else {
        let refused = ApiError::new(ErrorCode::TooManyAttempts, call.lang);
        return Ok(
            ApiResponse::error(&refused).with_header("retry-after", LOOKUP_WINDOW_SECS.to_string())
        );
    };
    let voucher_id = match VoucherNumber::parse(&lookup.number) {
        Ok(number) => desk::voucher_by_number(&call.ctx.db, number.as_str()).await?,
        Err(_) => None,
    };
    let usable = match voucher_id {
        Some(id) => desk::may_serve(&call.ctx.db, producer, id, call.ctx.today())
            .await?
            .then_some(id),
        None => None,
    };
    let Some(voucher_id) = usable else {
        return Err(error(ErrorCode::VoucherNumberNotFound, call.lang));
    };
    desk::link_voucher(&call.ctx.db, producer, voucher_id, attempt, &who.log()).await?;
    let voucher = linked(call.ctx, producer, voucher_id, call.lang).await?;
    Ok(ApiResponse::private_json(200, &voucher))
}

pub(super) async fn linked<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    producer: ProducerId,
    voucher_id: VoucherId,
    lang: Lang,
) -> Result<ProducerVoucher, EdgeError> {
    desk::linked_vouchers(&ctx.db, producer, Some(voucher_id), ctx.today(), lang)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| error(ErrorCode::VoucherNotFound, lang))
}

/// `GET /api/producer/vouchers/{id}`: a linked voucher and this producer's events under it
/// (logged as a view). Permission: [`Action::ProducerView`].
pub async fn handle_voucher<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerView, call.lang)?;
    let producer = agent.company.producer_id;
    let id =
        VoucherId::parse(call.id).ok_or_else(|| error(ErrorCode::VoucherNotFound, call.lang))?;
    let voucher = linked(call.ctx, producer, id, call.lang).await?;
    let who = Who::of(agent, call.ctx)?;
    let (sql, params) =
        desk::log_statement(producer, &who.log(), id, EventRef::None, "view_voucher");
    call.ctx.db.execute(sql, &params).await?;
    let events = desk::events(
        &call.ctx.db,
        producer,
        EventFilter::Voucher(id),
        finnish_date(call.ctx.now),
    )
    .await?;
    Ok(ApiResponse::private_json(
        200,
        &ProducerVoucherDetail { voucher, events },
    ))
}
