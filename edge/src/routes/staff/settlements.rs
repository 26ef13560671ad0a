//! `/api/staff/settlements..` and `/api/staff/producer-accounts..`: paying producers.
//! Finance gathers a month, holds disputed visits, confirms, writes the bank's payment file
//! and the ledger, marks paid, and confirms producers' new accounts; customer service
//! reads. Every query is limited to the member's organiser.

use super::{bad_field as bad, csv_euros, csv_file, member, refuse};
use crate::db::settlements::steps::{self, Refused};
use crate::db::settlements::{self as rows, accounts, gather, payment, Scope, SettlementRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::settlement::{
    GatherMonth, HoldEvent, MarkPaid, PendingAccounts, ReleaseEvent, SettlementMonth,
};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::ids::EventId;
use seteli_domain::payment_file::pain001_03;
use seteli_domain::permissions::{Action, StaffMember};
use seteli_domain::settlement::{month_to_gather, Month, SettlementState};
use seteli_domain::ErrorCode;

/// The month of the query (`?month=YYYY-MM`), or the latest gathered by the schedule.
async fn month_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<(Month, rows::Settings), EdgeError> {
    let settings = rows::settings(&call.ctx.db, &member.organiser)
        .await?
        .ok_or_else(|| refuse(ErrorCode::Forbidden, call.lang))?;
    let month = match call.req.query_param("month").filter(|m| !m.is_empty()) {
        Some(text) => Month::parse(text).ok_or_else(|| bad(call, "month"))?,
        None => month_to_gather(call.ctx.today(), settings.cutoff_day),
    };
    Ok((month, settings))
}

async fn month_view<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    month: Month,
    settings: &rows::Settings,
) -> Result<ApiResponse, EdgeError> {
    let list = rows::of_month(&call.ctx.db, &member.organiser, month).await?;
    let settlements = list
        .iter()
        .map(|s| s.summary(call.lang))
        .collect::<Result<Vec<_>, _>>()?;
    let pending = accounts::pending(&call.ctx.db, &member.organiser).await?;
    Ok(ApiResponse::private_json(
        200,
        &SettlementMonth {
            month,
            cutoff_day: settings.cutoff_day,
            payer_configured: settings.payer.is_some(),
            payment_files: payment::files_of(&list),
            settlements,
            pending_accounts: u32::try_from(pending.len()).unwrap_or(u32::MAX),
        },
    ))
}

/// `GET /api/staff/settlements?month=YYYY-MM`: the organiser's settlements of the month
/// (by default the latest the schedule gathers). Permission: [`Action::StaffViewSettlements`].
pub async fn handle_month<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewSettlements, call.lang)?;
    let (month, settings) = month_of(call, member).await?;
    month_view(call, member, month, &settings).await
}

/// `POST /api/staff/settlements/gather` `{month}`: gathers the month's drafts again (a month
/// that has ended; confirmed settlements stay as they are). Permission: [`Action::StaffSettle`].
pub async fn handle_gather<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let body: GatherMonth = call.body(ErrorCode::InvalidSettlement)?;
    let month = Month::parse(body.month.trim()).ok_or_else(|| bad(call, "month"))?;
    // A month is settled once it has ended.
    if month >= Month::of(call.ctx.today()) {
        return Err(bad(call, "month"));
    }
    let settings = rows::settings(&call.ctx.db, &member.organiser)
        .await?
        .ok_or_else(|| refuse(ErrorCode::Forbidden, call.lang))?;
    gather::gather(
        &call.ctx.db,
        &member.organiser,
        month,
        None,
        &call.ctx.timestamp(),
    )
    .await?;
    month_view(call, member, month, &settings).await
}

/// The path's settlement, if it is the member's organiser's; 404 otherwise.
async fn settlement_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<SettlementRow, EdgeError> {
    let not_found = || refuse(ErrorCode::SettlementNotFound, call.lang);
    let id: i64 = call.id.parse().map_err(|_| not_found())?;
    rows::find(&call.ctx.db, Scope::Organiser(&member.organiser), id)
        .await?
        .ok_or_else(not_found)
}

async fn answer<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<ApiResponse, EdgeError> {
    let row = settlement_of(call, member).await?;
    let view = rows::view(&call.ctx.db, &row, call.lang).await?;
    Ok(ApiResponse::private_json(200, &view))
}

/// `GET /api/staff/settlements/{id}`: one settlement line by line. Permission:
/// [`Action::StaffViewSettlements`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewSettlements, call.lang)?;
    answer(call, member).await
}

fn refused<D: Database, H: Outbound>(call: &Call<'_, D, H>, refusal: Refused) -> EdgeError {
    match refusal {
        Refused::WrongState => refuse(ErrorCode::SettlementWrongState, call.lang),
        Refused::Changed => refuse(ErrorCode::SettlementChanged, call.lang),
        Refused::EarlierOpen => refuse(ErrorCode::SettlementEarlierOpen, call.lang),
        Refused::NotInIt => bad(call, "event_id"),
    }
}

/// `POST /api/staff/settlements/{id}/hold` `{event_id, reason}`: holds a disputed visit
/// out of a draft (it waits for the next month). Permission: [`Action::StaffSettle`].
pub async fn handle_hold<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let body: HoldEvent = call.body(ErrorCode::InvalidSettlement)?;
    let event = EventId::parse(&body.event_id.to_string()).ok_or_else(|| bad(call, "event_id"))?;
    let reason = body.reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 || reason.chars().any(char::is_control) {
        return Err(bad(call, "reason"));
    }
    let row = settlement_of(call, member).await?;
    let name = member.full_name();
    steps::hold(
        &call.ctx.db,
        &row,
        event,
        reason,
        &name,
        &call.ctx.timestamp(),
    )
    .await?
    .map_err(|r| refused(call, r))?;
    answer(call, member).await
}

/// `POST /api/staff/settlements/{id}/release` `{event_id}`: puts a held visit back into the
/// draft. Permission: [`Action::StaffSettle`].
pub async fn handle_release<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let body: ReleaseEvent = call.body(ErrorCode::InvalidSettlement)?;
    let event = EventId::parse(&body.event_id.to_string()).ok_or_else(|| bad(call, "event_id"))?;
    let row = settlement_of(call, member).await?;
    steps::release(&call.ctx.db, &row, event, &call.ctx.timestamp())
        .await?
        .map_err(|r| refused(call, r))?;
    answer(call, member).await
}

/// `POST /api/staff/settlements/{id}/confirm`: confirms a draft (once; only if nothing it
/// shows changed since it was gathered, and no earlier month of the producer is a draft).
/// Permission: [`Action::StaffSettle`].
pub async fn handle_confirm<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let row = settlement_of(call, member).await?;
    let name = member.full_name();
    steps::confirm(&call.ctx.db, &row, &name, &call.ctx.timestamp())
        .await?
        .map_err(|r| refused(call, r))?;
    answer(call, member).await
}

/// `POST /api/staff/settlements/{id}/paid` `{paid_on, reference}`: marks a confirmed
/// settlement paid (a day not in the future; the bank's reference, at most 35 characters).
/// Permission: [`Action::StaffSettle`].
pub async fn handle_paid<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let body: MarkPaid = call.body(ErrorCode::InvalidSettlement)?;
    let paid_on = parse_iso_date(body.paid_on.trim())
        .filter(|d| *d <= call.ctx.today())
        .ok_or_else(|| bad(call, "paid_on"))?;
    let reference = body.reference.trim();
    if reference.is_empty()
        || reference.chars().count() > 35
        || reference.chars().any(char::is_control)
    {
        return Err(bad(call, "reference"));
    }
    let row = settlement_of(call, member).await?;
    let name = member.full_name();
    steps::mark_paid(&call.ctx.db, row.id, paid_on, reference, &name)
        .await?
        .map_err(|r| refused(call, r))?;
    answer(call, member).await
}

/// `POST /api/staff/settlements/payment-file` `{month}`: writes the month's next bank
/// payment file — its confirmed, unpaid settlements with something to pay to an account in
/// effect that no earlier file took — and answers what it holds (201); each settlement goes
/// into one file only. Permission: [`Action::StaffSettle`].
pub async fn handle_write_payment_file<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let body: GatherMonth = call.body(ErrorCode::InvalidSettlement)?;
    let month = Month::parse(body.month.trim()).ok_or_else(|| bad(call, "month"))?;
    let settings = rows::settings(&call.ctx.db, &member.organiser)
        .await?
        .ok_or_else(|| refuse(ErrorCode::Forbidden, call.lang))?;
    if settings.payer.is_none() {
        return Err(refuse(ErrorCode::PayerAccountMissing, call.lang));
    }
    match payment::write(&call.ctx.db, &member.organiser, month, call.ctx.now).await? {
        payment::Written::File(file) => Ok(ApiResponse::private_json(201, &file)),
        payment::Written::NothingToPay => Err(refuse(ErrorCode::NothingToPay, call.lang)),
        payment::Written::Changed => Err(refuse(ErrorCode::SettlementChanged, call.lang)),
    }
}

/// `GET /api/staff/settlements/payment-file?message=ID`: the bank's ISO 20022
/// `pain.001.001.03` file `ID` as it was written (the same message id, so a bank refuses to
/// pay it twice). Permission: [`Action::StaffSettle`].
pub async fn handle_payment_file<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let settings = rows::settings(&call.ctx.db, &member.organiser)
        .await?
        .ok_or_else(|| refuse(ErrorCode::Forbidden, call.lang))?;
    if settings.payer.is_none() {
        return Err(refuse(ErrorCode::PayerAccountMissing, call.lang));
    }
    let message = call
        .req
        .query_param("message")
        .filter(|m| !m.is_empty() && m.len() <= 35)
        .ok_or_else(|| bad(call, "message"))?;
    let batch = payment::file(
        &call.ctx.db,
        &member.organiser,
        &settings,
        message,
        call.ctx.today(),
    )
    .await?
    .ok_or_else(|| refuse(ErrorCode::NotFound, call.lang))?;
    let xml =
        pain001_03::write(&batch).map_err(|e| EdgeError::Internal(format!("payment file: {e}")))?;
    Ok(ApiResponse::attachment(
        "application/xml",
        &format!("{message}.xml"),
        xml.into_bytes(),
    ))
}

/// `GET /api/staff/settlements/ledger?month=YYYY-MM`: the month's confirmed and paid
/// settlements as CSV for the organiser's ledger (euros with a decimal point). Permission:
/// [`Action::StaffSettle`].
pub async fn handle_ledger<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let (month, _) = month_of(call, member).await?;
    let list = rows::of_month(&call.ctx.db, &member.organiser, month).await?;
    let records = list
        .iter()
        .filter(|s| s.state != SettlementState::Draft)
        .map(|s| {
            vec![
                s.month.clone(),
                payment::reference(s),
                s.business_id.clone(),
                s.producer_name.clone(),
                s.state.as_str().to_owned(),
                csv_euros(s.events_cents),
                csv_euros(s.adjustments_cents),
                csv_euros(s.carried_in_cents),
                csv_euros(s.payable_cents),
                csv_euros(s.carried_out_cents),
                s.paid_on.clone().unwrap_or_default(),
                s.payment_reference.clone().unwrap_or_default(),
            ]
        });
    csv_file(
        &format!("seteli-{}-{month}-ledger.csv", member.organiser.as_str()),
        &[
            "month",
            "reference",
            "business_id",
            "producer",
            "state",
            "events_eur",
            "adjustments_eur",
            "carried_in_eur",
            "payable_eur",
            "carried_out_eur",
            "paid_on",
            "bank_reference",
        ],
        records,
    )
}

/// `GET /api/staff/producer-accounts`: producers' new accounts waiting for finance.
/// Permission: [`Action::StaffSettle`].
pub async fn handle_accounts<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let accounts = accounts::pending(&call.ctx.db, &member.organiser).await?;
    Ok(ApiResponse::private_json(
        200,
        &PendingAccounts { accounts },
    ))
}

/// `POST /api/staff/producer-accounts/{id}/confirm` and `/reject`: decides a producer's new
/// account (`confirm`: it is in effect from now on). Permission: [`Action::StaffSettle`].
pub async fn handle_decide_account<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    confirm: bool,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffSettle, call.lang)?;
    let not_found = || refuse(ErrorCode::NotFound, call.lang);
    let id: i64 = call.id.parse().map_err(|_| not_found())?;
    // Another organiser's producer's account answers as a missing one.
    if !accounts::in_scope(&call.ctx.db, &member.organiser, id).await? {
        return Err(not_found());
    }
    let name = member.full_name();
    let decided = accounts::decide(
        &call.ctx.db,
        &member.organiser,
        id,
        confirm,
        (&member.username, &name),
        &call.ctx.timestamp(),
    )
    .await?;
    if !decided {
        return Err(refuse(ErrorCode::AccountWrongState, call.lang));
    }
    handle_accounts(call).await
}
