//! The authorisation administrator's steps on an order, on the case engine: take, hand
//! over, release, wait on DVV (path 2, under DVV's reference), record DVV's grant, record
//! what they did in Suomi.fi-valtuudet, reject. Each tells the orderer on their desk and by
//! e-mail, and answers with the order as it now is.

use super::authorisation_orders::{order_of, view};
use super::{field_error, member, refuse};
use crate::db::authorisations as catalogue;
use crate::db::authorisations::order_steps;
use crate::db::authorisations::orders::{self, OrderRow};
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, comment_of, Step};
use crate::routes::Call;
use seteli_domain::api::applications::HandOver;
use seteli_domain::api::authorisations::{DoneInValtuudet, DvvGranted, WaitDvv};
use seteli_domain::application::{check_comment, check_reasons};
use seteli_domain::authorisation::{check_done, check_dvv_reference, OrderPath};
use seteli_domain::case::{Awaited, CaseAction, Party, StateName};
use seteli_domain::permissions::{Action, StaffMember};
use seteli_domain::{ApiError, ErrorCode};

const ADMIN: Action = Action::StaffAdministerAuthorisations;

/// Takes `action` on the path's order as the administrator, telling the orderer, with what
/// `with` adds (given the step's token and the order), guarded by the token.
async fn step<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str, &OrderRow) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let row = order_of(call, member).await?;
    step_on(call, member, &row, action, comment, with).await
}

/// [`step`] on an order already read.
async fn step_on<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    row: &OrderRow,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str, &OrderRow) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let name = member.full_name();
    let tell = |token: &str| order_steps::notice_to_orderer(id, token, &name, &at);
    let also = |token: &str| {
        let mut statements = vec![order_steps::email_to_orderer(id, token, &name, &at)];
        statements.extend(with(token, row));
        statements
    };
    case_steps::take(
        call,
        &row.case,
        Step {
            action,
            by: Party::Handler(member.username.clone()),
            by_name: &name,
            comment,
            tell: &tell,
            with: &also,
        },
    )
    .await?;
    let row = order_of(call, member).await?;
    Ok(ApiResponse::private_json(
        200,
        &view(call, member, &row).await?,
    ))
}

fn nothing(_: &str, _: &OrderRow) -> Vec<Statement> {
    Vec::new()
}

/// `POST /api/staff/authorisation-orders/{id}/take`. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_take<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ADMIN, call.lang)?;
    let comment = comment_of(call)?;
    step(call, CaseAction::Take, &comment, &nothing).await
}

/// `POST /api/staff/authorisation-orders/{id}/release`: back to the queue, for any
/// administrator to take. Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_release<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ADMIN, call.lang)?;
    let comment = comment_of(call)?;
    step(call, CaseAction::Release, &comment, &nothing).await
}

/// `POST /api/staff/authorisation-orders/{id}/hand-over` `{to, comment}`: to another of the
/// organiser's authorisation administrators. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_hand_over<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let body: HandOver = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    let row = order_of(call, member).await?;
    let colleagues = orders::administrators(&call.ctx.db, &member.organiser).await?;
    if !colleagues.iter().any(|(username, _)| *username == body.to) {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "to", call.lang).into());
    }
    let action = CaseAction::HandOver { to: body.to };
    step_on(call, member, &row, action, &body.comment, &nothing).await
}

/// The refusal of a DVV step on a path-1 order: it never waits on DVV.
fn only_missing(row: &OrderRow, lang: seteli_domain::Lang) -> Result<(), EdgeError> {
    if row.path == OrderPath::Missing {
        Ok(())
    } else {
        Err(refuse(ErrorCode::CaseWrongState, lang))
    }
}

/// `POST /api/staff/authorisation-orders/{id}/wait-dvv` `{dvv_reference, comment}`: the
/// organisation's application went to DVV (path 2 only); the order waits on DVV under its
/// reference. Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_wait_dvv<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let body: WaitDvv = call.body(ErrorCode::InvalidCaseStep)?;
    check_dvv_reference(&body.dvv_reference).map_err(|e| field_error(e, call.lang))?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    let row = order_of(call, member).await?;
    only_missing(&row, call.lang)?;
    let action = CaseAction::Wait {
        on: Awaited::Dvv,
        deadline: None,
        missing: Vec::new(),
    };
    let reference = body.dvv_reference.clone();
    let record = move |token: &str, row: &OrderRow| {
        vec![order_steps::record_dvv_reference(
            row.case.id,
            token,
            &reference,
        )]
    };
    step_on(call, member, &row, action, &body.comment, &record).await
}

/// `POST /api/staff/authorisation-orders/{id}/dvv-granted` `{granted_on, comment}`: DVV
/// granted the organisation the order's authorisations: they are marked held in the
/// catalogue, and the order is back with its administrator to assign them. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_dvv_granted<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let body: DvvGranted = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    let row = order_of(call, member).await?;
    if body.granted_on > call.ctx.today() || body.granted_on < row.sent_on() {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "granted_on", call.lang).into());
    }
    only_missing(&row, call.lang)?;
    let at = call.ctx.timestamp();
    let name = member.full_name();
    let granted_on = body.granted_on;
    let record = |token: &str, row: &OrderRow| {
        vec![
            order_steps::record_dvv_granted(row.case.id, token, granted_on),
            catalogue::mark_held(&member.organiser, row.case.id, token, &at, &name),
        ]
    };
    step_on(
        call,
        member,
        &row,
        CaseAction::Answer,
        &body.comment,
        &record,
    )
    .await
}

/// `POST /api/staff/authorisation-orders/{id}/dvv-refused` `{comment}`: DVV did not grant
/// the organisation the authorisation (the reasons, required): the order is back with its
/// administrator, nothing is marked held, and they reject it (or apply again). Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_dvv_refused<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let comment = comment_of(call)?;
    check_reasons(&comment).map_err(|e| field_error(e, call.lang))?;
    let row = order_of(call, member).await?;
    only_missing(&row, call.lang)?;
    step_on(call, member, &row, CaseAction::Answer, &comment, &nothing).await
}

/// `POST /api/staff/authorisation-orders/{id}/done` `{done_on, valid_until, comment}`: the
/// administrator records that they made the change in Suomi.fi-valtuudet on `done_on`
/// ("done in Valtuudet on DATE by NAME"); the order closes and its authorisations enter the
/// holdings register. A path-2 order needs DVV's grant recorded first. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_done<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let body: DoneInValtuudet = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    let row = order_of(call, member).await?;
    check_done(
        body.done_on,
        body.valid_until,
        row.sent_on(),
        call.ctx.today(),
    )
    .map_err(|e| field_error(e, call.lang))?;
    if row.path == OrderPath::Missing
        && row.dvv_granted_on.is_none()
        && !matches!(
            row.case.state,
            StateName::Approved | StateName::Rejected | StateName::Cancelled
        )
    {
        return Err(refuse(ErrorCode::OrderAwaitsDvv, call.lang));
    }
    let name = member.full_name();
    let record = |token: &str, row: &OrderRow| {
        order_steps::record_done(row.case.id, token, body.done_on, body.valid_until, &name)
    };
    step_on(
        call,
        member,
        &row,
        CaseAction::Approve,
        &body.comment,
        &record,
    )
    .await
}

/// `POST /api/staff/authorisation-orders/{id}/reject` `{comment}`: rejects with reasons,
/// which the orderer reads. Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_reject<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ADMIN, call.lang)?;
    let comment = comment_of(call)?;
    check_reasons(&comment).map_err(|e| field_error(e, call.lang))?;
    step(call, CaseAction::Reject, &comment, &nothing).await
}
