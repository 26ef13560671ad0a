//! `/api/producer/applications..`: a company (approved or not yet) applies for approval in
//! a municipality — drafts it, attaches files, submits it, answers the handler's requests,
//! cancels it or deletes the draft. Every query is limited to the company's own
//! applications; another company's answers 404.

use super::{agent, error};
use crate::db::applications::view::{complete, first_sent};
use crate::db::applications::writes::{self, Prefill};
use crate::db::applications::{self as rows, view::view, ApplicationRow, Scope};
use crate::db::{organisers, Database, SqlValue};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, nothing, Step};
use crate::routes::Call;
use seteli_domain::api::applications::{
    ApplicationForm, NewApplication, OwnApplications, StepComment,
};
use seteli_domain::api::MessageKind;
use seteli_domain::application::{check_comment, check_draft};
use seteli_domain::case::{CaseAction, Party, StateName};
use seteli_domain::desk::FieldError;
use seteli_domain::ids::{CaseId, ProducerId};
use seteli_domain::permissions::{Action, ProducerAgent};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// Most services one application may name.
const MAX_SERVICES: usize = 10;

fn field_error(error: FieldError, lang: Lang) -> EdgeError {
    ApiError::field(error.code, error.field, lang).into()
}

fn name_of(agent: &ProducerAgent) -> String {
    format!("{} {}", agent.person.given_name, agent.person.family_name)
}

/// The path's application, if it is the company's.
pub(super) async fn own<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    producer: ProducerId,
) -> Result<ApplicationRow, EdgeError> {
    let not_found = || error(ErrorCode::ApplicationNotFound, call.lang);
    let id = CaseId::parse(call.id).ok_or_else(not_found)?;
    rows::find(&call.ctx.db, id, Scope::Company(producer))
        .await?
        .ok_or_else(not_found)
}

/// Whether the applicant may write to the case now: a draft, or more information asked.
pub(super) fn writable(row: &ApplicationRow) -> bool {
    row.case.state == StateName::Draft
        || (row.case.state == StateName::Waiting
            && row.case.waiting_on == Some(seteli_domain::case::Awaited::Applicant))
}

async fn answer_view<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    producer: ProducerId,
    id: CaseId,
    status: u16,
) -> Result<ApiResponse, EdgeError> {
    let row = rows::find(&call.ctx.db, id, Scope::Company(producer))
        .await?
        .ok_or_else(|| error(ErrorCode::ApplicationNotFound, call.lang))?;
    let view = view(&call.ctx.db, &row, call.lang, call.ctx.today()).await?;
    Ok(ApiResponse::private_json(status, &view))
}

/// `GET /api/producer/applications`: the company's applications and what it may apply for.
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let db = &call.ctx.db;
    let producer = agent.company.producer_id;
    Ok(ApiResponse::private_json(
        200,
        &OwnApplications {
            company_name: agent.company.name.clone(),
            applications: rows::list(db, Scope::Company(producer), call.lang, call.ctx.today())
                .await?,
            approvals: crate::db::applications::supervision::of_company(db, producer, call.lang)
                .await?,
            municipalities: crate::db::catalogue::municipalities(db, call.lang).await?,
            services: rows::service_names(db, call.lang).await?,
        },
    ))
}

/// `POST /api/producer/applications`: a new draft for a municipality and its services,
/// with the company's details as Seteli knows them (the trade register's current name).
pub async fn handle_start<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let new: NewApplication = call.body(ErrorCode::InvalidApplication)?;
    let lang = call.lang;
    let db = &call.ctx.db;
    let invalid = |field| {
        field_error(
            FieldError {
                code: ErrorCode::InvalidApplication,
                field,
            },
            lang,
        )
    };
    let Some(organiser) = organisers::of_municipality(db, &new.municipality_code).await? else {
        return Err(invalid("municipality_code"));
    };
    let known = rows::service_names(db, lang).await?;
    let mut services = new.services.clone();
    services.sort();
    services.dedup();
    if services.is_empty()
        || services.len() != new.services.len()
        || services.len() > MAX_SERVICES
        || !services.iter().all(|s| known.iter().any(|k| &k.code == s))
    {
        return Err(invalid("services"));
    }
    let prefill = prefill(call, agent.company.producer_id, &agent.company.name).await?;
    let token = crate::crypto::random_token()
        .ok_or_else(|| EdgeError::Internal("no randomness for a case".into()))?;
    let id = writes::start(
        db,
        agent.company.producer_id,
        &new.municipality_code,
        &organiser,
        &services,
        &prefill,
        &name_of(agent),
        &token,
        &call.ctx.timestamp(),
    )
    .await?;
    answer_view(call, agent.company.producer_id, id, 201).await
}

/// What a new draft starts with: the producer's details in Seteli, and the name the trade
/// register gives now (when it answers).
async fn prefill<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    producer: ProducerId,
    name: &str,
) -> Result<Prefill, EdgeError> {
    #[derive(serde::Deserialize)]
    struct Row {
        business_id: String,
        street_address: String,
        postal_code: String,
        post_office: String,
        phone: String,
        email: String,
        website: Option<String>,
        description_fi: String,
        description_sv: String,
        languages: Option<String>,
    }
    let rows: Vec<Row> = call
        .ctx
        .db
        .query(
            "SELECT business_id, street_address, postal_code, post_office, phone, email, website,
                    description_fi, description_sv,
                    (SELECT group_concat(lang, ' ') FROM producer_languages WHERE producer_id = p.id) AS languages
             FROM producers p WHERE id = ?1",
            &[SqlValue::from(producer)],
        )
        .await?;
    let row = rows
        .into_iter()
        .next()
        .ok_or_else(|| EdgeError::Internal("the acting company has no producer row".into()))?;
    let registered = match crate::routes::registry_check(call, &row.business_id).await {
        Some(seteli_domain::registry::RegistryCheck::Found(finding)) => Some(finding),
        _ => None,
    };
    // The address Seteli has, else the register's (a company new to Seteli has none yet).
    let address = match registered.as_ref().and_then(|f| f.address.clone()) {
        Some(a) if row.street_address.is_empty() => {
            (a.street_address, a.postal_code, a.post_office)
        }
        _ => (row.street_address, row.postal_code, row.post_office),
    };
    Ok(Prefill {
        company_name: registered.map_or_else(|| name.to_owned(), |f| f.name),
        street_address: address.0,
        postal_code: address.1,
        post_office: address.2,
        phone: row.phone,
        email: row.email,
        website: row.website.unwrap_or_default(),
        description_fi: row.description_fi,
        description_sv: row.description_sv,
        languages: row.languages.unwrap_or_default(),
    })
}

/// `GET /api/producer/applications/{id}`.
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let row = own(call, agent.company.producer_id).await?;
    answer_view(call, agent.company.producer_id, row.case.id, 200).await
}

/// `POST /api/producer/applications/{id}`: saves the form (a draft, or while more
/// information is asked; the services change only in a draft).
pub async fn handle_save<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let producer = agent.company.producer_id;
    let row = own(call, producer).await?;
    let form: ApplicationForm = call.body(ErrorCode::InvalidApplication)?;
    if !writable(&row) {
        return Err(error(ErrorCode::CaseWrongState, call.lang));
    }
    let draft = row.case.state == StateName::Draft;
    let services = if draft {
        form.service_codes()
    } else {
        rows::form(&call.ctx.db, &row).await?.service_codes()
    };
    let known = rows::service_names(&call.ctx.db, call.lang).await?;
    if services.len() > MAX_SERVICES || !services.iter().all(|s| known.iter().any(|k| &k.code == s))
    {
        return Err(field_error(
            FieldError {
                code: ErrorCode::InvalidApplication,
                field: "services",
            },
            call.lang,
        ));
    }
    let checklist =
        rows::requirements(&call.ctx.db, &row.municipality_code, &services, call.lang).await?;
    check_draft(&form, &checklist).map_err(|e| field_error(e, call.lang))?;
    writes::save(&call.ctx.db, row.case.id, &row.case.step, &form, draft).await?;
    answer_view(call, producer, row.case.id, 200).await
}

/// `POST /api/producer/applications/{id}/submit`: sends a complete draft to the organiser.
pub async fn handle_submit<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let producer = agent.company.producer_id;
    let row = own(call, producer).await?;
    let body: StepComment = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    if row.case.state != StateName::Draft {
        return Err(error(ErrorCode::CaseWrongState, call.lang));
    }
    complete(&call.ctx.db, &row, call.ctx.today(), call.lang)
        .await?
        .map_err(|e| field_error(e, call.lang))?;
    applicant_step(call, agent, &row, CaseAction::Submit, &body.comment).await?;
    answer_view(call, producer, row.case.id, 200).await
}

/// `POST /api/producer/applications/{id}/cancel`: withdraws an application nobody has taken.
pub async fn handle_cancel<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    step_with_comment(call, CaseAction::Cancel).await
}

/// `POST /api/producer/applications/{id}/answer`: answers the handler's request for more
/// information (the files and fields are saved before); the case returns to the handler.
pub async fn handle_answer<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    step_with_comment(call, CaseAction::Answer).await
}

/// The applicant's `action` on the path's application, with the body's comment.
async fn step_with_comment<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    action: CaseAction,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let row = own(call, agent.company.producer_id).await?;
    let body: StepComment = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field_error(e, call.lang))?;
    // An answer returns the case to its handler, who may approve it: it must be whole.
    if action == CaseAction::Answer && writable(&row) {
        complete(
            &call.ctx.db,
            &row,
            first_sent(&row, call.ctx.today()),
            call.lang,
        )
        .await?
        .map_err(|e| field_error(e, call.lang))?;
    }
    applicant_step(call, agent, &row, action, &body.comment).await?;
    answer_view(call, agent.company.producer_id, row.case.id, 200).await
}

async fn applicant_step<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    agent: &ProducerAgent,
    row: &ApplicationRow,
    action: CaseAction,
    comment: &str,
) -> Result<(), EdgeError> {
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let tell =
        |token: &str| writes::tell_company(id, token, MessageKind::ApplicationChanged, "", &at);
    case_steps::take(
        call,
        &row.case,
        Step {
            action,
            by: Party::Applicant,
            by_name: &name_of(agent),
            comment,
            tell: &tell,
            with: &nothing,
        },
    )
    .await
}

/// `POST /api/producer/applications/{id}/delete`: deletes a draft with its files.
pub async fn handle_delete<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerApply, call.lang)?;
    let row = own(call, agent.company.producer_id).await?;
    if row.case.state != StateName::Draft {
        return Err(error(ErrorCode::CaseWrongState, call.lang));
    }
    let db = &call.ctx.db;
    let keys = rows::attachments::keys_of_case(db, row.case.id).await?;
    writes::delete_draft(db, row.case.id, &row.case.step).await?;
    if crate::db::cases::find(db, row.case.id).await?.is_some() {
        return Err(error(ErrorCode::CaseChanged, call.lang));
    }
    for key in keys {
        // A file left behind is removed by the scheduled sweep.
        if let Err(e) = call.ctx.blobs.delete(&key).await {
            crate::error::log_warning(&format!("deleting a draft's file failed: {}", e.0));
        }
    }
    Ok(ApiResponse::no_content())
}
