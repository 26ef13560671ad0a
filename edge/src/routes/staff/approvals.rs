//! `/api/staff/approvals..`: supervision. A producer handler suspends (until a day, or until
//! lifted), withdraws or lifts an approval of the member's organiser with a reason; the
//! producer leaves (or returns to) the public comparison at once, its people cannot link or
//! log under it, and the company and its customers there are told.

use super::{member, organiser_name, refuse};
use crate::db::applications::supervision::{self, Change};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::applications::{Approvals, Supervise, SupervisionStep};
use seteli_domain::application::supervise;
use seteli_domain::permissions::Action;
use seteli_domain::{ApiError, ErrorCode};

/// `GET /api/staff/approvals`: the organiser's approvals with how many customers each
/// producer serves under them.
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffHandleProducers, call.lang)?;
    let approvals = supervision::list(&call.ctx.db, &member.organiser, None, call.lang).await?;
    Ok(ApiResponse::private_json(200, &Approvals { approvals }))
}

/// `POST /api/staff/approvals/supervise`: one step on one approval; the answer is the
/// approval as it now is.
pub async fn handle_supervise<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffHandleProducers, call.lang)?;
    let body: Supervise = call.body(ErrorCode::InvalidCaseStep)?;
    let db = &call.ctx.db;
    let only = Some((
        body.producer_id,
        &body.municipality_code,
        &body.service_code,
    ));
    let Some(current) = supervision::list(db, &member.organiser, only, call.lang)
        .await?
        .into_iter()
        .next()
    else {
        return Err(refuse(ErrorCode::ApprovalNotFound, call.lang));
    };
    let to = supervise(current.status, &body, call.ctx.today())
        .map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    let until = match body.step {
        SupervisionStep::Suspend { until } => until,
        _ => None,
    };
    let organiser = organiser_name(call, member).await?;
    let at = call.ctx.timestamp();
    let by = member.full_name();
    let change = Change {
        producer: body.producer_id,
        municipality: &body.municipality_code,
        service: &body.service_code,
        from: current.status,
        to,
        until,
        reason: &body.reason,
        by: &by,
        organiser_name: &organiser,
        at: &at,
    };
    if !supervision::apply(db, &change).await? {
        return Err(refuse(ErrorCode::CaseChanged, call.lang));
    }
    let now = supervision::list(db, &member.organiser, only, call.lang)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| refuse(ErrorCode::ApprovalNotFound, call.lang))?;
    Ok(ApiResponse::private_json(200, &now))
}
