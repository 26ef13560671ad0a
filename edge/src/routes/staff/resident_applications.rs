//! `/api/staff/resident-applications..`: the organiser's customer service works residents'
//! voucher applications through the case engine — the queue (with whose consent is
//! missing, and a declared right flagged), an application with its consents and history,
//! and asking a guardian's consent; the steps every kind of case has — take, hand over,
//! release, ask for more, reject with reasons — are [`case_work`]'s, through
//! `impl WorkedCase`. Approving is
//! deciding a voucher: a decision drafted from the application
//! (`POST /api/staff/decisions` with `application_id`) approves it when decided. Every read
//! and step is in the customer's "who has looked at my data".

use super::case_work::{self, StepBy, WorkedCase};
use super::{member, organiser_name, refuse};
use crate::db::cases::CaseRow;
use crate::db::desk::access_log::staff_view_statement;
use crate::db::resident_applications::view::view;
use crate::db::resident_applications::writes::tell_principal;
use crate::db::resident_applications::{self as rows, ResidentRow, Scope};
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps;
use crate::routes::Call;
use seteli_domain::api::resident::{Handler, ResidentApplicationQueue};
use seteli_domain::case::{Awaited, CaseAction, Party};
use seteli_domain::desk::StaffView;
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::{Action, StaffMember, StaffRole};
use seteli_domain::{ApiError, ErrorCode};

const ACTION: Action = Action::StaffDecideVouchers;

/// The path's application, if the member's organiser has it (and it is not a draft).
pub(super) async fn case_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    id: Option<CaseId>,
) -> Result<ResidentRow, EdgeError> {
    let not_found = || refuse(ErrorCode::ApplicationNotFound, call.lang);
    let id = id
        .or_else(|| CaseId::parse(call.id))
        .ok_or_else(not_found)?;
    rows::find(&call.ctx.db, id, Scope::Organiser(&member.organiser))
        .await?
        .ok_or_else(not_found)
}

/// The application as the handler reads it; the read is logged for the customer.
async fn answer_case<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<ApiResponse, EdgeError> {
    let row = case_of(call, member, None).await?;
    if let Some(customer) = row.customer_id {
        let at = call.ctx.timestamp();
        call.ctx
            .db
            .execute_statement(staff_view_statement(
                member,
                customer,
                StaffView::Application,
                &at,
            ))
            .await?;
    }
    let answer = view(&call.ctx.db, &row, call.lang, call.ctx.today()).await?;
    Ok(ApiResponse::private_json(200, &answer))
}

/// `GET /api/staff/resident-applications`: the organiser's applications (everything but
/// drafts, newest first) and the colleagues a case can be handed to. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_queue<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    let applications =
        rows::list(db, Scope::Organiser(organiser), call.lang, call.ctx.today()).await?;
    let handlers = rows::handlers(db, organiser)
        .await?
        .into_iter()
        .map(|(username, name)| Handler { username, name })
        .collect();
    Ok(ApiResponse::private_json(
        200,
        &ResidentApplicationQueue {
            applications,
            handlers,
        },
    ))
}

/// `GET /api/staff/resident-applications/{id}`: opening it also reads what told the member
/// of it. Permission: [`Action::StaffDecideVouchers`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let answer = answer_case(call, member).await?;
    if let Some(id) = CaseId::parse(call.id) {
        let at = call.ctx.timestamp();
        crate::db::desk::notices::mark_read(&call.ctx.db, &member.username, id, &at).await?;
    }
    Ok(answer)
}

/// The statements a handler's step on application `id` of `row` writes besides the step:
/// the view of the customer's data, in the customer's log.
pub(super) fn logged_step(member: &StaffMember, row: &ResidentRow, at: &str) -> Vec<Statement> {
    row.customer_id
        .map(|customer| staff_view_statement(member, customer, StaffView::ApplicationChange, at))
        .into_iter()
        .collect()
}

/// Residents' applications, worked by the organiser's customer service: take, release,
/// hand over, ask for more and reject (`/api/staff/resident-applications/{id}/…`) are
/// [`case_work`]'s. The principal is told of each step, by the organiser, and every step is
/// in the customer's "who has looked at my data".
impl WorkedCase for ResidentRow {
    const ACTION: Action = ACTION;
    const WORKED_BY: StaffRole = StaffRole::CustomerService;

    async fn of_path<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<Self, EdgeError> {
        case_of(call, member, None).await
    }

    fn case(&self) -> &CaseRow {
        &self.case
    }

    fn tell(&self, by: &StepBy<'_>, token: &str) -> Statement {
        tell_principal(self.case.id, token, &by.signer, &by.at)
    }

    fn always(&self, by: &StepBy<'_>, _token: &str) -> Vec<Statement> {
        logged_step(by.member, self, &by.at)
    }

    async fn answer<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<ApiResponse, EdgeError> {
        answer_case(call, member).await
    }
}

/// The application a decision for `customer` and `service` is drafted from, if `id` names
/// one: the member's own, in progress, for the same customer and service — else
/// `invalid_decision` naming `application_id`.
pub(super) async fn drafted_from<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    id: Option<CaseId>,
    customer: seteli_domain::ids::CustomerId,
    service: &seteli_domain::ServiceCode,
) -> Result<Option<CaseId>, EdgeError> {
    let Some(id) = id else {
        return Ok(None);
    };
    let invalid = || ApiError::field(ErrorCode::InvalidDecision, "application_id", call.lang);
    let row = case_of(call, member, Some(id))
        .await
        .map_err(|_| invalid())?;
    let fits = row.customer_id == Some(customer)
        && row.service_code.as_ref() == Some(service)
        && row.case.state == seteli_domain::case::StateName::InProgress
        && row.case.handler.as_deref() == Some(member.username.as_str());
    if !fits {
        return Err(invalid().into());
    }
    Ok(Some(row.case.id))
}

/// What deciding a decision drafted from application `id` adds to the deciding batch: the
/// application approved by the member (refused, with nothing written, when the engine says
/// no — another handler's, or no longer in progress), the principal told, the view logged.
pub(super) async fn approving<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    id: CaseId,
) -> Result<Vec<Statement>, EdgeError> {
    let row = case_of(call, member, Some(id)).await?;
    let token = crate::crypto::random_token()
        .ok_or_else(|| EdgeError::Internal("no randomness for a case step".into()))?;
    let planned = crate::db::cases::plan(
        &row.case,
        &CaseAction::Approve,
        Party::Handler(member.username.clone()),
        &member.full_name(),
        "",
        call.ctx.now,
        token,
    )?
    .map_err(|e| case_steps::refusal(e, call.lang))?;
    let at = call.ctx.timestamp();
    let organiser = organiser_name(call, member).await?;
    // The deciding statements are guarded by the decision's state only: the whole batch
    // fails if the application moved since it was read.
    let mut statements = vec![crate::db::cases::abort_unless_at(id, &row.case.step)];
    statements.extend(planned.statements);
    statements.push(tell_principal(id, &planned.token, &organiser, &at));
    statements.extend(logged_step(member, &row, &at));
    Ok(statements)
}

/// `GET /api/staff/resident-attachments/{id}`: a file of one of the organiser's residents'
/// applications (not a draft's). Permission: [`Action::StaffDecideVouchers`].
pub async fn handle_attachment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let not_found = || refuse(ErrorCode::AttachmentNotFound, call.lang);
    let id = seteli_domain::ids::AttachmentId::parse(call.id).ok_or_else(not_found)?;
    let file = crate::db::resident_applications::files::find(
        &call.ctx.db,
        id,
        Scope::Organiser(&member.organiser),
    )
    .await?
    .ok_or_else(not_found)?;
    crate::routes::producer::send_file(call, file).await
}

/// `POST /api/staff/resident-applications/{id}/ask-consent` `{given_name, family_name, hetu}`:
/// the handler found a guardian the applicant did not know (or another to ask) and asks
/// their consent: the application waits on it (until the request's last day), the guardian
/// is sent the request, and their answer brings it back to the handler. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_ask_consent<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    use seteli_domain::resident_application::{
        check_named_guardian, consent_last_day, NamedGuardian,
    };
    let member = member(call.actor, ACTION, call.lang)?;
    let lang = call.lang;
    let guardian: NamedGuardian = call.body(ErrorCode::InvalidCaseStep)?;
    let row = case_of(call, member, None).await?;
    let today = call.ctx.today();
    let (Ok(applicant), Ok(principal)) = (
        seteli_domain::Hetu::parse(&row.applicant_hetu),
        seteli_domain::Hetu::parse(&row.principal_hetu),
    ) else {
        return Err(EdgeError::Internal(
            "an application row with a bad identity code".into(),
        ));
    };
    let hetu = check_named_guardian(&guardian, &[&applicant, &principal], today)
        .map_err(|e| ApiError::field(ErrorCode::InvalidCaseStep, e.field, lang))?;
    let asked = crate::db::resident_applications::consents::of_case(&call.ctx.db, row.case.id)
        .await?
        .iter()
        .any(|c| c.guardian_hetu == hetu.as_str());
    if asked {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "hetu", lang).into());
    }
    let name = format!(
        "{} {}",
        guardian.given_name.trim(),
        guardian.family_name.trim()
    );
    let last_day = consent_last_day(today);
    let at = call.ctx.timestamp();
    let action = CaseAction::Wait {
        on: Awaited::Consent,
        // The day after the request's last: then the case is back with its handler.
        deadline: last_day.next_day(),
        missing: vec![name.clone()],
    };
    let ask = |token: &str, row: &ResidentRow| {
        crate::db::resident_applications::writes::ask_consent(
            row.case.id,
            token,
            (hetu.as_str(), &name, &row.applicant_name),
            (today, last_day),
            &at,
        )
    };
    case_work::step(call, member, &row, action, "", &ask).await
}
