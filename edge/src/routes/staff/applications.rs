//! `/api/staff/applications..`: the organiser's producer handlers work producers'
//! applications through the case engine — the queue, a case with its files, history and
//! the trade register's answer, and approving (which publishes the producer); the steps
//! every kind of case has — take, hand over, release, ask for more, reject — are
//! [`case_work`]'s, through `impl WorkedCase`. Only the member's organiser's cases are
//! reached; drafts never are.

use super::case_work::{self, StepBy, WorkedCase};
use super::{member, refuse};
use crate::db::applications::attachments::Reader;
use crate::db::applications::view::{complete, first_sent, view};
use crate::db::applications::writes::{self, handlers, publish};
use crate::db::applications::{self as rows, ApplicationRow, Scope};
use crate::db::cases::CaseRow;
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::comment_of;
use crate::routes::Call;
use seteli_domain::api::applications::{ApplicationQueue, Handler};
use seteli_domain::api::MessageKind;
use seteli_domain::case::CaseAction;
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::{Action, StaffMember, StaffRole};
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

/// Producers' applications, worked by the organiser's producer handlers: take, release,
/// hand over, ask for more and reject (`/api/staff/applications/{id}/…`) are
/// [`case_work`]'s; the company is told of each step in its messages, by the organiser.
impl WorkedCase for ApplicationRow {
    const ACTION: Action = ACTION;
    const WORKED_BY: StaffRole = StaffRole::ProducerHandler;

    async fn of_path<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<Self, EdgeError> {
        case_of(call, member).await
    }

    fn case(&self) -> &CaseRow {
        &self.case
    }

    fn tell(&self, by: &StepBy<'_>, token: &str) -> Statement {
        let kind = MessageKind::ApplicationChanged;
        writes::tell_company(self.case.id, token, kind, &by.signer, &by.at)
    }

    async fn answer<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<ApiResponse, EdgeError> {
        answer_case(call, member).await
    }
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
    let name = member.full_name();
    let approve = |token: &str, row: &ApplicationRow| publish(row.case.id, token, &name, &at);
    case_work::step(call, member, &row, CaseAction::Approve, &comment, &approve).await
}

/// `GET /api/staff/attachments/{id}`: a file of a case the member's organiser has.
pub async fn handle_attachment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    crate::routes::producer::serve_attachment(call, Reader::Organiser(&member.organiser)).await
}
