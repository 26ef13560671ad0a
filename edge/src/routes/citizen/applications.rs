//! `/api/citizen/applications..`: a resident applies for a voucher — for themselves, for a
//! child (a guardian, through Valtuudet) or for an adult (a mandate with the application
//! issue). Drafts save; sending checks the form whole and, for a child's shared matter,
//! asks the named guardians' consent (scenario B) or records the declared right (C); the
//! applicant follows the state and answers requests for more information.

use super::applicant::{who, Who};
use crate::db::resident_applications::view::view;
use crate::db::resident_applications::writes::{self, NewApplication, Sending};
use crate::db::resident_applications::{self as rows, ResidentRow};
use crate::db::{organisers, Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, Step};
use crate::routes::Call;
use seteli_domain::api::applications::StepComment;
use seteli_domain::api::desk::Created;
use seteli_domain::api::resident::OwnVoucherApplications;
use seteli_domain::application::check_comment;
use seteli_domain::case::{CaseAction, Party, StateName};
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::Action;
use seteli_domain::resident_application::{self as rules, VoucherApplicationForm};
use seteli_domain::{ApiError, ErrorCode, Hetu, OrganiserCode};

fn not_found(lang: seteli_domain::Lang) -> EdgeError {
    ApiError::new(ErrorCode::ApplicationNotFound, lang).into()
}

fn field(e: seteli_domain::desk::FieldError, lang: seteli_domain::Lang) -> EdgeError {
    ApiError::field(e.code, e.field, lang).into()
}

/// The path's application within the subject's scope.
async fn row_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    who: &Who<'_>,
) -> Result<ResidentRow, EdgeError> {
    let id = CaseId::parse(call.id).ok_or_else(|| not_found(call.lang))?;
    rows::find(&call.ctx.db, id, who.scope())
        .await?
        .ok_or_else(|| not_found(call.lang))
}

/// The path's application, if the person may write to it.
async fn own_row<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    who: &Who<'_>,
) -> Result<ResidentRow, EdgeError> {
    let row = row_of(call, who).await?;
    if !who.may_write(&row) {
        return Err(ApiError::new(ErrorCode::CaseNotYours, call.lang).into());
    }
    Ok(row)
}

async fn answer_view<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    who: &Who<'_>,
    status: u16,
) -> Result<ApiResponse, EdgeError> {
    let row = row_of(call, who).await?;
    let mut answer = view(&call.ctx.db, &row, call.lang, call.ctx.today()).await?;
    answer.may_write = who.may_write(&row);
    Ok(ApiResponse::private_json(status, &answer))
}

/// The organiser of the form's municipality (the principal's home municipality when none
/// is chosen), and the form with that municipality in it.
async fn organiser_for<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    who: &Who<'_>,
    mut form: VoucherApplicationForm,
) -> Result<(VoucherApplicationForm, OrganiserCode), EdgeError> {
    if form.municipality_code.is_none() {
        form.municipality_code = who.home.clone();
    }
    let refused = |code| ApiError::field(code, "municipality_code", call.lang);
    let municipality = form
        .municipality_code
        .clone()
        .ok_or_else(|| refused(ErrorCode::VoucherApplicationIncomplete))?;
    let db = &call.ctx.db;
    let organiser = organisers::of_municipality(db, &municipality)
        .await?
        .ok_or_else(|| refused(ErrorCode::ServiceNotOffered))?;
    // Only what Seteli knows is kept: a municipality it has, a service in its catalogue.
    if !organisers::serves(db, &organiser, &municipality).await? {
        return Err(refused(ErrorCode::InvalidVoucherApplication).into());
    }
    if let Some(service) = &form.service_code {
        if crate::db::catalogue::service_unit(db, service)
            .await?
            .is_none()
        {
            let field = ApiError::field(
                ErrorCode::InvalidVoucherApplication,
                "service_code",
                call.lang,
            );
            return Err(field.into());
        }
    }
    Ok((form, organiser))
}

/// `GET /api/citizen/applications`: the principal's applications and what the form offers.
/// Permission: [`Action::ViewOwnApplications`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ViewOwnApplications).await?;
    let db = &call.ctx.db;
    let applications = rows::list(db, who.scope(), call.lang, call.ctx.today()).await?;
    Ok(ApiResponse::private_json(
        200,
        &OwnVoucherApplications {
            principal_name: format!("{} {}", who.principal_names.0, who.principal_names.1),
            applies_for: who.applies_for,
            home_municipality: who.home.clone(),
            applications,
            offered: rows::offered(db, None, call.lang).await?,
        },
    ))
}

/// `POST /api/citizen/applications` (the form so far): a new draft (201 with its id).
/// Permission: [`Action::ApplyForVoucher`].
pub async fn handle_start<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let form: VoucherApplicationForm = call.body(ErrorCode::InvalidVoucherApplication)?;
    rules::check_draft(&form).map_err(|e| field(e, call.lang))?;
    let (form, organiser) = organiser_for(call, &who, form).await?;
    let token = crate::crypto::random_token()
        .ok_or_else(|| EdgeError::Internal("no randomness for a new application".into()))?;
    let at = call.ctx.timestamp();
    let principal_name = format!("{} {}", who.principal_names.0, who.principal_names.1);
    let id = writes::start(
        &call.ctx.db,
        &NewApplication {
            applies_for: who.applies_for,
            principal_hetu: &who.principal_hetu,
            principal_name: &principal_name,
            customer: who.subject.customer,
            applicant_hetu: who.person.hetu.as_str(),
            applicant_name: &who.person_name(),
            organiser: &organiser,
            form: &form,
        },
        &token,
        &at,
        who.subject.trail_record(&at),
    )
    .await?;
    Ok(ApiResponse::private_json(201, &Created { id: id.get() }))
}

/// `GET /api/citizen/applications/{id}`. Permission: [`Action::ViewOwnApplications`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ViewOwnApplications).await?;
    answer_view(call, &who, 200).await
}

/// `POST /api/citizen/applications/{id}` (the form): saves a draft. A named guardian's
/// code sent back masked keeps the code saved. Permission: [`Action::ApplyForVoucher`].
pub async fn handle_save<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let row = own_row(call, &who).await?;
    if row.case.state != StateName::Draft {
        return Err(ApiError::new(ErrorCode::CaseWrongState, call.lang).into());
    }
    let form: VoucherApplicationForm = call.body(ErrorCode::InvalidVoucherApplication)?;
    let form = form.keeping_codes_of(&row.form()?);
    rules::check_draft(&form).map_err(|e| field(e, call.lang))?;
    let (form, organiser) = organiser_for(call, &who, form).await?;
    let at = call.ctx.timestamp();
    let trail = who.subject.trail_record(&at);
    writes::save(
        &call.ctx.db,
        row.case.id,
        &row.case.step,
        &form,
        &organiser,
        &at,
        trail,
    )
    .await?;
    answer_view(call, &who, 200).await
}

/// `POST /api/citizen/applications/{id}/send`: sends a whole draft — to the organiser's
/// queue, or first to the named guardians for their consent. A service the municipality
/// has no vouchers for, or a second open application for the same service, is refused.
/// Permission: [`Action::ApplyForVoucher`].
pub async fn handle_send<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let row = own_row(call, &who).await?;
    if row.case.state != StateName::Draft {
        return Err(ApiError::new(ErrorCode::CaseWrongState, call.lang).into());
    }
    let db = &call.ctx.db;
    let lang = call.lang;
    let form = row.form()?;
    let offered = match &form.municipality_code {
        Some(municipality) => rows::offered(db, Some(municipality), lang).await?,
        None => Vec::new(),
    };
    let service = offered
        .iter()
        .find(|o| Some(&o.service_code) == form.service_code.as_ref());
    let codes: Vec<_> = offered.iter().map(|o| o.service_code.clone()).collect();
    let (Ok(applicant), Ok(principal)) = (
        Hetu::parse(&row.applicant_hetu),
        Hetu::parse(&row.principal_hetu),
    ) else {
        return Err(EdgeError::Internal(
            "an application row with a bad identity code".into(),
        ));
    };
    rules::check_complete(
        &form,
        &rules::Sending {
            applies_for: row.applies_for,
            applicant: &applicant,
            principal: &principal,
            offered: &codes,
            income_related: service.is_some_and(|s| s.income_related),
            today: call.ctx.today(),
        },
    )
    .map_err(|e| field(e, lang))?;
    let (Some(service), Some(municipality)) = (&form.service_code, &form.municipality_code) else {
        return Err(ApiError::new(ErrorCode::VoucherApplicationIncomplete, lang).into());
    };
    if rows::open_for_service(
        db,
        row.customer_id,
        &row.principal_hetu,
        service,
        row.case.id,
    )
    .await?
    {
        return Err(
            ApiError::field(ErrorCode::ApplicationAlreadyOpen, "service_code", lang).into(),
        );
    }
    let action = if form.needs_consent() {
        CaseAction::AskConsent
    } else {
        CaseAction::Submit
    };
    let at = call.ctx.timestamp();
    let name = who.person_name();
    let (given, family) = (&who.principal_names.0, &who.principal_names.1);
    let sending = Sending {
        id: row.case.id,
        form: &form,
        municipality,
        principal_hetu: &row.principal_hetu,
        principal_names: (given, family),
        actor: &name,
        today: call.ctx.today(),
        at: &at,
    };
    // The trail entry first: for a principal who is not a customer yet it is kept under
    // their identity code, which sending then moves to the customer it makes.
    let with = |token: &str| {
        let mut statements = who.subject.trail_record(&at);
        statements.extend(writes::on_sending(&sending, token));
        statements
    };
    applicant_step(call, &who, &row, action, "", &with).await
}

/// Takes `action` on `row` as its applicant, telling the principal (when the engine says
/// so) and writing what `with` adds; answers the application.
async fn applicant_step<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    who: &Who<'_>,
    row: &ResidentRow,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let organiser = organisers::name(
        &call.ctx.db,
        &row.case.organiser_code,
        seteli_domain::Lang::Fi,
    )
    .await?
    .unwrap_or_default();
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let tell = |token: &str| writes::tell_principal(id, token, &organiser, &at);
    let name = who.person_name();
    case_steps::take(
        call,
        &row.case,
        Step {
            action,
            by: Party::Applicant,
            by_name: &name,
            comment,
            tell: &tell,
            with,
        },
    )
    .await?;
    answer_view(call, who, 200).await
}

/// `POST /api/citizen/applications/{id}/cancel`: withdraws an application nobody has taken
/// yet (a draft, one in the queue, or one waiting on consent). Permission:
/// [`Action::ApplyForVoucher`].
pub async fn handle_cancel<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let row = own_row(call, &who).await?;
    let at = call.ctx.timestamp();
    let id = row.case.id;
    let with = |token: &str| {
        let mut statements = who.subject.trail_record(&at);
        // Withdrawn: the guardians' requests are answered by nobody now.
        statements.push(crate::db::resident_applications::consents::close_pending(
            id, token,
        ));
        statements
    };
    applicant_step(call, &who, &row, CaseAction::Cancel, "", &with).await
}

/// `POST /api/citizen/applications/{id}/answer` `{comment}`: the applicant answers the
/// handler's request for more information; the case goes back to the handler. Permission:
/// [`Action::ApplyForVoucher`].
pub async fn handle_answer<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let who = who(call, Action::ApplyForVoucher).await?;
    let row = own_row(call, &who).await?;
    // Only a request for more information is the applicant's to answer (a consent is the
    // named guardian's).
    if row.case.state != StateName::Waiting {
        return Err(ApiError::new(ErrorCode::CaseWrongState, call.lang).into());
    }
    let body: StepComment = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| field(e, call.lang))?;
    if body.comment.trim().is_empty() {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "comment", call.lang).into());
    }
    let at = call.ctx.timestamp();
    let trail = |_: &str| who.subject.trail_record(&at);
    applicant_step(call, &who, &row, CaseAction::Answer, &body.comment, &trail).await
}
