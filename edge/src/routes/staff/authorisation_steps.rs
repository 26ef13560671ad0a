//! The authorisation administrator's steps on an order, on the case engine: wait on DVV
//! (path 2, under DVV's reference), record DVV's grant or refusal, record what they did in
//! Suomi.fi-valtuudet; take, hand over, release and reject are [`case_work`]'s, through
//! `impl WorkedCase`. Each tells the orderer on their desk and by e-mail, and answers with
//! the order as it now is.

use super::authorisation_orders::{order_of, view};
use super::case_work::{self, nothing, StepBy, WorkedCase};
use super::{field_error, member, refuse};
use crate::db::authorisations as catalogue;
use crate::db::authorisations::order_steps;
use crate::db::authorisations::orders::OrderRow;
use crate::db::cases::CaseRow;
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::comment_of;
use crate::routes::Call;
use seteli_domain::api::authorisations::{DoneInValtuudet, DvvGranted, WaitDvv};
use seteli_domain::application::{check_comment, check_reasons};
use seteli_domain::authorisation::{check_done, check_dvv_reference, OrderPath};
use seteli_domain::case::{Awaited, CaseAction, StateName};
use seteli_domain::permissions::{Action, StaffMember, StaffRole};
use seteli_domain::{ApiError, ErrorCode};

const ADMIN: Action = OrderRow::ACTION;

/// Authorisation orders, worked by the organiser's authorisation administrators: take,
/// release, hand over and reject (`/api/staff/authorisation-orders/{id}/…`) are
/// [`case_work`]'s. The orderer is told of each step on their desk and by e-mail, by the
/// administrator's name.
impl WorkedCase for OrderRow {
    const ACTION: Action = Action::StaffAdministerAuthorisations;
    const WORKED_BY: StaffRole = StaffRole::AuthorisationAdmin;

    async fn of_path<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<Self, EdgeError> {
        order_of(call, member).await
    }

    fn case(&self) -> &CaseRow {
        &self.case
    }

    async fn signer<D: Database, H: Outbound>(
        _: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<String, EdgeError> {
        Ok(member.full_name())
    }

    fn tell(&self, by: &StepBy<'_>, token: &str) -> Statement {
        order_steps::notice_to_orderer(self.case.id, token, &by.signer, &by.at)
    }

    fn always(&self, by: &StepBy<'_>, token: &str) -> Vec<Statement> {
        vec![order_steps::email_to_orderer(
            self.case.id,
            token,
            &by.signer,
            &by.at,
        )]
    }

    async fn answer<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<ApiResponse, EdgeError> {
        let row = order_of(call, member).await?;
        Ok(ApiResponse::private_json(
            200,
            &view(call, member, &row).await?,
        ))
    }
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
    case_work::step(call, member, &row, action, &body.comment, &record).await
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
    case_work::step(
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
    case_work::step(call, member, &row, CaseAction::Answer, &comment, &nothing).await
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
    case_work::step(
        call,
        member,
        &row,
        CaseAction::Approve,
        &body.comment,
        &record,
    )
    .await
}
