//! `/api/citizen/consent-requests..`: DVV scenario B. A guardian named in another
//! guardian's application for their child sees the request on login, acts for the child
//! through Valtuudet (which confirms their right), reads the application and consents or
//! declines. The last consent sends the application to the organiser's queue; a decline
//! stops it. The applicant may send an unanswered or expired request again.

use super::applicant::who;
use crate::db::resident_applications::consents::{self, ConsentRow};
use crate::db::resident_applications::view::view;
use crate::db::resident_applications::writes::{tell_person, tell_principal};
use crate::db::resident_applications::{self as rows, ResidentRow, Scope};
use crate::db::{organisers, Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::on_behalf::Subject;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, Step};
use crate::routes::Call;
use seteli_domain::api::resident::{ConsentAnswer, ConsentRequestView};
use seteli_domain::api::MessageKind;
use seteli_domain::application::{check_comment, check_reasons};
use seteli_domain::case::Awaited;
use seteli_domain::case::{CaseAction, Party, StateName};
use seteli_domain::ids::ConsentRequestId;
use seteli_domain::permissions::{Action, Actor};
use seteli_domain::resident_application::{
    answer_consent, consent_last_day, consent_step, may_resend, ConsentStatus, ConsentStep,
};
use seteli_domain::{ApiError, ErrorCode, Lang};

fn not_found(lang: Lang) -> EdgeError {
    ApiError::new(ErrorCode::ApplicationNotFound, lang).into()
}

fn not_the_guardian(lang: Lang) -> EdgeError {
    ApiError::new(ErrorCode::NotTheNamedGuardian, lang).into()
}

/// `GET /api/citizen/consent-requests`: the requests that name the person (whoever they act
/// for now), waiting ones first. Permission: [`Action::ViewConsentRequests`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let person = match call.actor {
        Actor::Citizen(person) => person,
        Actor::OnBehalf(on_behalf) => &on_behalf.delegate,
        _ => return Err(ApiError::new(ErrorCode::Forbidden, call.lang).into()),
    };
    let list = consents::naming(&call.ctx.db, person.hetu.as_str(), None, call.lang).await?;
    Ok(ApiResponse::private_json(200, &list))
}

/// The path's request and its application, for the guardian it names acting for the child
/// it is about; anyone else is refused (`not_the_named_guardian`), a request that does not
/// exist is 404.
async fn named_request<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    subject: &Subject<'_>,
) -> Result<(ConsentRow, ResidentRow), EdgeError> {
    let id = ConsentRequestId::parse(call.id).ok_or_else(|| not_found(call.lang))?;
    let request = consents::find(&call.ctx.db, id)
        .await?
        .ok_or_else(|| not_found(call.lang))?;
    let Some(on_behalf) = subject.acting() else {
        return Err(not_the_guardian(call.lang));
    };
    if request.guardian_hetu != on_behalf.delegate.hetu.as_str() {
        return Err(not_the_guardian(call.lang));
    }
    let scope = Scope::Principal {
        customer: on_behalf.principal.customer_id,
        principal_hetu: None,
        person: on_behalf.delegate.hetu.as_str(),
    };
    let application = rows::find(&call.ctx.db, request.case_id, scope)
        .await?
        .ok_or_else(|| not_the_guardian(call.lang))?;
    Ok((request, application))
}

async fn answer_view<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    subject: &Subject<'_>,
) -> Result<ApiResponse, EdgeError> {
    let (request, application) = named_request(call, subject).await?;
    let person = request.guardian_hetu.as_str();
    let item = consents::naming(&call.ctx.db, person, Some(request.id), call.lang)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| not_found(call.lang))?;
    let application = view(&call.ctx.db, &application, call.lang, call.ctx.today()).await?;
    Ok(ApiResponse::private_json(
        200,
        &ConsentRequestView {
            request: item,
            application,
        },
    ))
}

/// `GET /api/citizen/consent-requests/{id}`: the request and the application, for the
/// named guardian acting for the child (the read is in the child's trail). Permission:
/// [`Action::ViewOwnApplications`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let subject = call.subject(Action::ViewOwnApplications).await?;
    answer_view(call, &subject).await
}

/// `POST /api/citizen/consent-requests/{id}/answer` `{consent, comment}`: the named
/// guardian, acting for the child, consents or declines (with a reason). An answered or
/// expired request, or an application no longer waiting, is refused and nothing changes.
/// Permission: [`Action::AnswerConsent`].
pub async fn handle_answer<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let subject = call.subject(Action::AnswerConsent).await?;
    let (request, application) = named_request(call, &subject).await?;
    let lang = call.lang;
    let body: ConsentAnswer = call.body(ErrorCode::InvalidCaseStep)?;
    let checked = if body.consent {
        check_comment(&body.comment)
    } else {
        check_reasons(&body.comment)
    };
    checked.map_err(|e| ApiError::field(e.code, e.field, lang))?;
    let today = call.ctx.today();
    let status = answer_consent(request.status()?, request.last_day, body.consent, today)
        .map_err(|code| ApiError::new(code, lang))?;
    let Some(handler_waits) = awaits_consent(&application) else {
        return Err(ApiError::new(ErrorCode::CaseWrongState, lang).into());
    };
    let at = call.ctx.timestamp();
    let trail = subject.trail_record(&at);
    let others = consents::of_case(&call.ctx.db, application.case.id).await?;
    let statuses = others
        .iter()
        .map(|c| {
            if c.id == request.id {
                Ok(status)
            } else {
                c.status()
            }
        })
        .collect::<Result<Vec<ConsentStatus>, _>>()?;
    let comment = body.comment.as_str();
    let answer = |step: Option<(seteli_domain::ids::CaseId, &str)>| {
        consents::answer_statement(request.id, status, comment, &at, step)
    };
    match consent_step(handler_waits, &statuses) {
        ConsentStep::None => {
            let mut records = vec![answer(None)];
            records.extend(trail);
            call.ctx.db.batch(&records).await?;
            settle(call, &application).await?;
        }
        step => {
            let action = if step == ConsentStep::Decline {
                CaseAction::Decline
            } else {
                CaseAction::Answer
            };
            // The answer is written only with the step it decides.
            let with = |token: &str| {
                let mut records = vec![answer(Some((application.case.id, token)))];
                records.extend(trail.clone());
                if step == ConsentStep::Decline {
                    // Stopped: the others' requests are answered by nobody now.
                    records.push(consents::close_pending(application.case.id, token));
                }
                records
            };
            let name = request.guardian_name.as_str();
            system_step(call, &application, action, name, &body.comment, &with).await?;
        }
    }
    answer_view(call, &subject).await
}

/// Whether `row` waits on consent: `Some(false)` before the queue, `Some(true)` while its
/// handler waits on it; `None` when it does not.
fn awaits_consent(row: &ResidentRow) -> Option<bool> {
    match row.case.state {
        StateName::Consenting => Some(false),
        StateName::Waiting if row.case.waiting_on == Some(Awaited::Consent) => Some(true),
        _ => None,
    }
}

/// Seteli's own step on `row` (the consents decided it), telling the principal.
async fn system_step<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    row: &ResidentRow,
    action: CaseAction,
    by_name: &str,
    comment: &str,
    with: &dyn Fn(&str) -> Vec<Statement>,
) -> Result<(), EdgeError> {
    let organiser = organisers::name(&call.ctx.db, &row.case.organiser_code, Lang::Fi)
        .await?
        .unwrap_or_default();
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let tell = |token: &str| tell_principal(id, token, &organiser, &at);
    case_steps::take(
        call,
        &row.case,
        Step {
            action,
            by: Party::System,
            by_name,
            comment,
            tell: &tell,
            with,
        },
    )
    .await
}

/// After an answer that left the application waiting: if another guardian's answer
/// crossed it and the answers now decide it, the case moves (two last answers at once must
/// not leave it waiting for nobody).
async fn settle<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    row: &ResidentRow,
) -> Result<(), EdgeError> {
    let statuses = consents::of_case(&call.ctx.db, row.case.id)
        .await?
        .iter()
        .map(ConsentRow::status)
        .collect::<Result<Vec<_>, _>>()?;
    let Some(case) = crate::db::cases::find(&call.ctx.db, row.case.id).await? else {
        return Ok(());
    };
    let fresh = ResidentRow {
        case,
        ..row.clone()
    };
    let Some(handler_waits) = awaits_consent(&fresh) else {
        return Ok(());
    };
    let action = match consent_step(handler_waits, &statuses) {
        ConsentStep::None => return Ok(()),
        ConsentStep::Answer => CaseAction::Answer,
        ConsentStep::Decline => CaseAction::Decline,
    };
    let nothing = |_: &str| Vec::new();
    // Another request settling the same case first is fine: the case has moved on.
    match system_step(call, &fresh, action, "Seteli", "", &nothing).await {
        Ok(()) => Ok(()),
        Err(EdgeError::Api(e)) if e.code == ErrorCode::CaseChanged => Ok(()),
        Err(e) => Err(e),
    }
}

/// `POST /api/citizen/consent-requests/{id}/resend`: the applicant sends an unanswered or
/// expired request again, with a new last day. Permission: [`Action::ApplyForVoucher`].
pub async fn handle_resend<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let lang = call.lang;
    let id = ConsentRequestId::parse(call.id).ok_or_else(|| not_found(lang))?;
    let request = consents::find(&call.ctx.db, id)
        .await?
        .ok_or_else(|| not_found(lang))?;
    let row = rows::find(&call.ctx.db, request.case_id, who.scope())
        .await?
        .ok_or_else(|| not_found(lang))?;
    if row.applicant_hetu != who.person.hetu.as_str() {
        return Err(ApiError::new(ErrorCode::CaseNotYours, lang).into());
    }
    // Only before the queue: while a handler waits, the request's last day is the case's
    // deadline, and the handler asks again if they need to.
    if awaits_consent(&row) != Some(false) {
        return Err(ApiError::new(ErrorCode::CaseWrongState, lang).into());
    }
    let status = request.status()?;
    if !may_resend(status) {
        let code = if status == ConsentStatus::Pending {
            ErrorCode::ConsentStillPending
        } else {
            ErrorCode::ConsentAlreadyAnswered
        };
        return Err(ApiError::new(code, lang).into());
    }
    let today = call.ctx.today();
    let at = call.ctx.timestamp();
    let mut statements = vec![
        consents::resend_statement(request.id, today, consent_last_day(today)),
        tell_person(
            row.case.id,
            &row.case.step,
            &request.guardian_hetu,
            &request.guardian_name,
            MessageKind::ConsentRequested,
            &who.person_name(),
            &at,
        ),
    ];
    statements.extend(who.subject.trail_record(&at));
    call.ctx.db.batch(&statements).await?;
    let mut answer = view(&call.ctx.db, &row, lang, today).await?;
    answer.may_write = true;
    Ok(ApiResponse::private_json(200, &answer))
}
