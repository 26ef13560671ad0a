//! `/api/staff/applications..`: the organiser's producer handlers work producers'
//! applications through the case engine — the queue, a case with its files, history and
//! the trade register's answer, and the steps: take, hand over, release, ask for more,
//! approve (which publishes the producer), reject. Only the member's organiser's cases are
//! reached; drafts never are.

use super::{member, organiser_name, refuse};
use crate::db::applications::attachments::Reader;
use crate::db::applications::view::{complete, first_sent, view};
use crate::db::applications::writes::{self, handlers, publish};
use crate::db::applications::{self as rows, ApplicationRow, Scope};
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, comment_of, nothing, Step};
use crate::routes::Call;
use seteli_domain::api::applications::{ApplicationQueue, AskForMore, HandOver, Handler};
use seteli_domain::api::MessageKind;
use seteli_domain::application::{check_ask, check_comment, check_reasons};
use seteli_domain::case::{Awaited, CaseAction, Party};
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::{Action, StaffMember};
use seteli_domain::{ApiError, ErrorCode};

const ACTION: Action = Action::StaffHandleProducers;

/// The path's application, if the member's organiser has it (and it is not a draft).
async fn case_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<ApplicationRow, EdgeError> {
    let not_found = || refuse(ErrorCode::ApplicationNotFound, call.lang);
    let id = CaseId::parse(call.id).ok_or_else(not_found)?;
    rows::find(&call.ctx.db, id, Scope::Organiser(&member.organiser))
        .await?
        .ok_or_else(not_found)
}

async fn answer_case<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<ApiResponse, EdgeError> {
    let row = case_of(call, member).await?;
    let mut answer = view(&call.ctx.db, &row, call.lang, call.ctx.today()).await?;
    match crate::routes::registry_check(call, &row.business_id).await {
        Some(check) => answer.registry = Some(check),
        None => answer.registry_unavailable = true,
    }
    Ok(ApiResponse::private_json(200, &answer))
}

/// `GET /api/staff/applications`: the queue (every case but drafts, newest first) and the
/// colleagues a case can be handed to.
pub async fn handle_queue<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let db = &call.ctx.db;
    let applications = rows::list(
        db,
        Scope::Organiser(&member.organiser),
        call.lang,
        call.ctx.today(),
    )
    .await?;
    let handlers = handlers(db, &member.organiser)
        .await?
        .into_iter()
        .map(|(username, name)| Handler { username, name })
        .collect();
    Ok(ApiResponse::private_json(
        200,
        &ApplicationQueue {
            applications,
            handlers,
        },
    ))
}

/// `GET /api/staff/applications/{id}`.
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let answer = answer_case(call, member).await?;
    // Opened: what told the member of this case is read.
    if let Some(id) = CaseId::parse(call.id) {
        let at = call.ctx.timestamp();
        crate::db::desk::notices::mark_read(&call.ctx.db, &member.username, id, &at).await?;
    }
    Ok(answer)
}

/// Takes `action` on the path's case as the member, telling the company (and writing what
/// `with` adds, guarded by the step's token).
async fn handler_step<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str, CaseId, &str) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let row = case_of(call, member).await?;
    let organiser = organiser_name(call, member).await?;
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let name = member.full_name();
    let tell = |token: &str| {
        writes::tell_company(id, token, MessageKind::ApplicationChanged, &organiser, &at)
    };
    let more = |token: &str| with(token, id, &name);
    case_steps::take(
        call,
        &row.case,
        Step {
            action,
            by: Party::Handler(member.username.clone()),
            by_name: &name,
            comment,
            tell: &tell,
            with: &more,
        },
    )
    .await?;
    answer_case(call, member).await
}

fn no_more(_: &str, _: CaseId, _: &str) -> Vec<Statement> {
    nothing("")
}

/// `POST /api/staff/applications/{id}/take`: the member takes a case from the queue.
pub async fn handle_take<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ACTION, call.lang)?;
    let comment = comment_of(call)?;
    handler_step(call, CaseAction::Take, &comment, &no_more).await
}

/// `POST /api/staff/applications/{id}/release`: back to the queue.
pub async fn handle_release<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ACTION, call.lang)?;
    let comment = comment_of(call)?;
    handler_step(call, CaseAction::Release, &comment, &no_more).await
}

/// `POST /api/staff/applications/{id}/hand-over`: to another producer handler of the
/// organiser (one who has logged in).
pub async fn handle_hand_over<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    case_of(call, member).await?;
    let body: HandOver = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    let colleagues = handlers(&call.ctx.db, &member.organiser).await?;
    if !colleagues.iter().any(|(username, _)| *username == body.to) {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "to", call.lang).into());
    }
    handler_step(
        call,
        CaseAction::HandOver { to: body.to },
        &body.comment,
        &no_more,
    )
    .await
}

/// `POST /api/staff/applications/{id}/ask`: more information needed — the items and a
/// deadline; the applicant is told and sees them.
pub async fn handle_ask<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ACTION, call.lang)?;
    let body: AskForMore = call.body(ErrorCode::InvalidCaseStep)?;
    let missing = check_ask(&body, call.ctx.today())
        .map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    handler_step(
        call,
        CaseAction::Wait {
            on: Awaited::Applicant,
            deadline: Some(body.deadline),
            missing,
        },
        &body.comment,
        &no_more,
    )
    .await
}

/// `POST /api/staff/applications/{id}/approve`: approves, and publishes the producer for the
/// municipality and each service applied for, at the prices applied for.
pub async fn handle_approve<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let comment = comment_of(call)?;
    // Only a whole application is published: a price or a file missing is asked for first.
    let row = case_of(call, member).await?;
    if row.case.state == seteli_domain::case::StateName::InProgress {
        let today = call.ctx.today();
        complete(&call.ctx.db, &row, first_sent(&row, today), call.lang)
            .await?
            .map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    }
    let at = call.ctx.timestamp();
    let approve = |token: &str, id: CaseId, name: &str| publish(id, token, name, &at);
    handler_step(call, CaseAction::Approve, &comment, &approve).await
}

/// `POST /api/staff/applications/{id}/reject`: rejects with reasons (the applicant may
/// appeal: the answer carries where).
pub async fn handle_reject<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, ACTION, call.lang)?;
    let comment = comment_of(call)?;
    check_reasons(&comment).map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    handler_step(call, CaseAction::Reject, &comment, &no_more).await
}

/// `GET /api/staff/attachments/{id}`: a file of a case the member's organiser has.
pub async fn handle_attachment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    crate::routes::producer::serve_attachment(call, Reader::Organiser(&member.organiser)).await
}
