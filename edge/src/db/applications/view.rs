//! An application as the applicant and the handler read it: its form, its checklist, its
//! files, its history and where it stands.

use super::{attachments, form, requirements, service_names, staff_name, status, ApplicationRow};
use crate::db::cases::history_entries;
use crate::db::{organisers, Database, DbError};
use seteli_domain::api::applications::{ApplicationView, RequirementView};
use seteli_domain::application::{check_complete, Requirement};
use seteli_domain::desk::FieldError;
use seteli_domain::{Lang, ServiceCode};
use time::Date;

/// The checklist of the application's services (as saved) in its municipality.
pub async fn checklist(
    db: &impl Database,
    row: &ApplicationRow,
    services: &[ServiceCode],
    lang: Lang,
) -> Result<Vec<Requirement>, DbError> {
    requirements(db, &row.municipality_code, services, lang).await
}

/// Whether the application as saved may be sent, answered or approved: the domain's
/// [`check_complete`] over its form, checklist and files, with prices from `earliest` on.
pub async fn complete(
    db: &impl Database,
    row: &ApplicationRow,
    earliest: Date,
    lang: Lang,
) -> Result<Result<(), FieldError>, DbError> {
    let form = form(db, row).await?;
    let services = form.service_codes();
    let checklist = checklist(db, row, &services, lang).await?;
    let files = attachments::of_case(db, row.case.id).await?;
    let attached: Vec<&str> = files
        .iter()
        .filter_map(|f| f.requirement_code.as_deref())
        .collect();
    Ok(check_complete(&form, &checklist, &attached, earliest))
}

/// The first day a sent application's prices may start: the day it was first sent (for a
/// draft, today).
pub fn first_sent(row: &ApplicationRow, today: Date) -> Date {
    row.case
        .submitted_at
        .map_or(today, seteli_domain::clock::finnish_date)
}

/// The whole application in `lang` on `today` (the registry check is the handler's route's
/// to add).
pub async fn view(
    db: &impl Database,
    row: &ApplicationRow,
    lang: Lang,
    today: Date,
) -> Result<ApplicationView, DbError> {
    let form = form(db, row).await?;
    let services = form.service_codes();
    let checklist = checklist(db, row, &services, lang).await?;
    let handler_name = match &row.case.handler {
        Some(username) => staff_name(db, username).await?,
        None => None,
    };
    let organiser = organisers::names(db, &row.case.organiser_code, lang).await?;
    let (organiser_name, appeal_address) = organiser
        .map(|o| (o.name, o.appeal_address))
        .unwrap_or_default();
    Ok(ApplicationView {
        id: row.case.id,
        producer_id: row.producer_id,
        company_name: row.company_name.clone(),
        business_id: row.business_id.clone(),
        municipality_code: row.municipality_code.clone(),
        municipality_name: row.municipality_name(lang),
        organiser_name,
        status: status(&row.case, handler_name, today)?,
        form,
        services: service_names(db, lang).await?,
        requirements: checklist
            .into_iter()
            .map(|r| RequirementView {
                code: r.code,
                label: r.label,
                needs_attachment: r.needs_attachment,
            })
            .collect(),
        attachments: attachments::of_case(db, row.case.id).await?,
        history: history_entries(db, row.case.id).await?,
        submitted_at: row.case.submitted_at,
        appeal_address,
        registry: None,
        registry_unavailable: false,
    })
}
