//! Producers' applications: a case (`db::cases`) with the company's details, the services
//! and their prices, the checklist's answers and the attached files. Reads are limited to
//! one company's cases (the applicant) or one organiser's (its handlers); a case outside
//! answers nothing, exactly as one that does not exist.

pub mod attachments;
pub mod supervision;
pub mod view;
pub mod writes;

use crate::db::cases::{CaseRow, CASE_COLUMNS};
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::applications::{
    ApplicationForm, ApplicationListItem, CaseStatus, RequirementAnswer, ServiceName, ServicePrice,
};
use seteli_domain::application::{Answer, Requirement};
use seteli_domain::case::StateName;
use seteli_domain::catalogue::Unit;
use seteli_domain::ids::{CaseId, ProducerId};
use seteli_domain::{Cents, Lang, MunicipalityCode, OrganiserCode, ServiceCode};
use time::Date;

/// Whose applications a read may reach.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The applicant company's own.
    Company(ProducerId),
    /// The organiser's, but not drafts (nobody but the applicant sees a draft).
    Organiser(&'a OrganiserCode),
}

/// An application's own row with its case.
#[derive(Debug, Clone, Deserialize)]
pub struct ApplicationRow {
    #[serde(flatten)]
    pub case: CaseRow,
    pub producer_id: ProducerId,
    pub business_id: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_fi: String,
    pub municipality_sv: String,
    pub company_name: String,
    pub description_fi: String,
    pub description_sv: String,
    pub languages: String,
    pub areas: String,
    pub street_address: String,
    pub postal_code: String,
    pub post_office: String,
    pub phone: String,
    pub email: String,
    pub website: String,
}

impl ApplicationRow {
    pub fn municipality_name(&self, lang: Lang) -> String {
        lang.pick(
            self.municipality_fi.clone(),
            self.municipality_sv.clone(),
            None,
        )
    }
}

const APPLICATION_COLUMNS: &str = "a.producer_id, p.business_id, a.municipality_code,
    m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, a.company_name, a.description_fi,
    a.description_sv, a.languages, a.areas, a.street_address, a.postal_code, a.post_office, a.phone,
    a.email, a.website";

/// The application `id` within `scope`.
pub async fn find(
    db: &impl Database,
    id: CaseId,
    scope: Scope<'_>,
) -> Result<Option<ApplicationRow>, DbError> {
    let (condition, param): (&str, SqlValue) = match scope {
        Scope::Company(producer) => ("a.producer_id = ?2", producer.into()),
        Scope::Organiser(organiser) => (
            "c.organiser_code = ?2 AND c.state != 'draft'",
            organiser.as_str().into(),
        ),
    };
    let rows: Vec<ApplicationRow> = db
        .query(
            &format!(
                "SELECT {CASE_COLUMNS}, {APPLICATION_COLUMNS}
                 FROM producer_applications a
                 JOIN cases c ON c.id = a.case_id
                 JOIN producers p ON p.id = a.producer_id
                 JOIN municipalities m ON m.code = a.municipality_code
                 WHERE a.case_id = ?1 AND {condition}"
            ),
            &[SqlValue::from(id), param],
        )
        .await?;
    Ok(rows.into_iter().next())
}

#[derive(Deserialize)]
struct ServiceRow {
    service_code: ServiceCode,
    unit: Option<Unit>,
    price_cents: Option<i64>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    valid_from: Option<Date>,
}

#[derive(Deserialize)]
struct AnswerRow {
    requirement_code: String,
    answer: String,
    note: String,
}

/// What the applicant wrote: the form as saved.
pub async fn form(db: &impl Database, row: &ApplicationRow) -> Result<ApplicationForm, DbError> {
    let services: Vec<ServiceRow> = db
        .query(
            "SELECT service_code, unit, price_cents, valid_from FROM application_services
             WHERE case_id = ?1 ORDER BY service_code",
            &[SqlValue::from(row.case.id)],
        )
        .await?;
    let answers: Vec<AnswerRow> = db
        .query(
            "SELECT requirement_code, answer, note FROM application_answers WHERE case_id = ?1
             ORDER BY requirement_code",
            &[SqlValue::from(row.case.id)],
        )
        .await?;
    Ok(ApplicationForm {
        services: services
            .into_iter()
            .map(|s| {
                Ok(ServicePrice {
                    service_code: s.service_code,
                    unit: s.unit,
                    price_cents: s
                        .price_cents
                        .map(Cents::new)
                        .transpose()
                        .map_err(|_| DbError::bad_row("application_services", "price_cents"))?,
                    valid_from: s.valid_from,
                })
            })
            .collect::<Result<_, DbError>>()?,
        description_fi: row.description_fi.clone(),
        description_sv: row.description_sv.clone(),
        languages: row
            .languages
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        areas: row.areas.clone(),
        street_address: row.street_address.clone(),
        postal_code: row.postal_code.clone(),
        post_office: row.post_office.clone(),
        phone: row.phone.clone(),
        email: row.email.clone(),
        website: row.website.clone(),
        answers: answers
            .into_iter()
            .map(|a| {
                Ok(RequirementAnswer {
                    answer: Answer::parse(&a.answer)
                        .ok_or_else(|| DbError::bad_row("application_answers", "answer"))?,
                    code: a.requirement_code,
                    note: a.note,
                })
            })
            .collect::<Result<_, DbError>>()?,
    })
}

#[derive(Deserialize)]
struct RequirementRow {
    code: String,
    needs_attachment: i64,
    label_fi: String,
    label_sv: String,
    label_en: String,
}

/// The checklist for `services` in `municipality`: each item once (an item several services
/// ask for is answered once), in the organiser's order.
pub async fn requirements(
    db: &impl Database,
    municipality: &MunicipalityCode,
    services: &[ServiceCode],
    lang: Lang,
) -> Result<Vec<Requirement>, DbError> {
    let rows: Vec<(RequirementRow, ServiceCode)> = db
        .query::<RequirementServiceRow>(
            "SELECT code, needs_attachment, label_fi, label_sv, label_en, service_code FROM requirements
             WHERE municipality_code = ?1 ORDER BY sort_order, code",
            &[municipality.as_str().into()],
        )
        .await?
        .into_iter()
        .map(|r| (r.item, r.service_code))
        .collect();
    let mut list: Vec<Requirement> = Vec::new();
    for (row, service) in rows {
        if !services.contains(&service) {
            continue;
        }
        match list.iter_mut().find(|r| r.code == row.code) {
            Some(existing) => existing.needs_attachment |= row.needs_attachment == 1,
            None => list.push(Requirement {
                code: row.code,
                needs_attachment: row.needs_attachment == 1,
                label: lang.pick(row.label_fi, row.label_sv, Some(row.label_en)),
            }),
        }
    }
    Ok(list)
}

#[derive(Deserialize)]
struct RequirementServiceRow {
    #[serde(flatten)]
    item: RequirementRow,
    service_code: ServiceCode,
}

#[derive(Deserialize)]
struct ServiceNameRow {
    code: ServiceCode,
    name_fi: String,
    name_sv: String,
    name_en: String,
    unit: Unit,
}

/// Every service, named in `lang`, in the catalogue's order.
pub async fn service_names(db: &impl Database, lang: Lang) -> Result<Vec<ServiceName>, DbError> {
    let rows: Vec<ServiceNameRow> = db
        .query(
            "SELECT code, name_fi, name_sv, name_en, unit FROM services ORDER BY sort_order, code",
            &[],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ServiceName {
            code: r.code,
            name: lang.pick(r.name_fi, r.name_sv, Some(r.name_en)),
            unit: r.unit,
        })
        .collect())
}

#[derive(Deserialize)]
struct ListRow {
    #[serde(flatten)]
    case: CaseRow,
    company_name: String,
    municipality_fi: String,
    municipality_sv: String,
    /// The services' names as a JSON array of [fi, sv, en].
    services: String,
    handler_name: Option<String>,
}

/// The applications within `scope`, newest first (at most 200).
pub async fn list(
    db: &impl Database,
    scope: Scope<'_>,
    lang: Lang,
    today: Date,
) -> Result<Vec<ApplicationListItem>, DbError> {
    let (condition, param): (&str, SqlValue) = match scope {
        Scope::Company(producer) => ("a.producer_id = ?1", producer.into()),
        Scope::Organiser(organiser) => (
            "c.organiser_code = ?1 AND c.state != 'draft'",
            organiser.as_str().into(),
        ),
    };
    let rows: Vec<ListRow> = db
        .query(
            &format!(
                "SELECT {CASE_COLUMNS}, a.company_name, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
                        (SELECT json_group_array(json_array(s.name_fi, s.name_sv, s.name_en))
                         FROM application_services x JOIN services s ON s.code = x.service_code
                         WHERE x.case_id = c.id) AS services,
                        (SELECT given_name || ' ' || family_name FROM staff_members WHERE username = c.handler)
                            AS handler_name
                 FROM producer_applications a
                 JOIN cases c ON c.id = a.case_id
                 JOIN municipalities m ON m.code = a.municipality_code
                 WHERE {condition}
                 ORDER BY c.id DESC LIMIT 200"
            ),
            &[param],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let names: Vec<(String, String, String)> = serde_json::from_str(&r.services)
                .map_err(|_| DbError::bad_row("application_services", "services"))?;
            Ok(ApplicationListItem {
                id: r.case.id,
                company_name: r.company_name,
                municipality_name: lang.pick(r.municipality_fi, r.municipality_sv, None),
                services: names
                    .into_iter()
                    .map(|(fi, sv, en)| lang.pick(fi, sv, Some(en)))
                    .collect(),
                status: status(&r.case, r.handler_name, today)?,
                submitted_at: r.case.submitted_at,
            })
        })
        .collect()
}

/// Where a case stands, with the handler's name (as their last login gave it).
pub fn status(
    case: &CaseRow,
    handler_name: Option<String>,
    today: Date,
) -> Result<CaseStatus, DbError> {
    let waiting = case.state == StateName::Waiting;
    Ok(CaseStatus {
        state: case.state,
        handler_name: case
            .handler
            .as_ref()
            .map(|username| handler_name.unwrap_or_else(|| username.clone())),
        waiting_on: case.waiting_on,
        deadline: case.deadline,
        missing: case.missing_items()?,
        overdue: waiting
            && case
                .deadline
                .is_some_and(|d| seteli_domain::application::overdue(d, today)),
    })
}

/// The handler's name as their last login gave it.
pub async fn staff_name(db: &impl Database, username: &str) -> Result<Option<String>, DbError> {
    #[derive(Deserialize)]
    struct NameRow {
        name: String,
    }
    let rows: Vec<NameRow> = db
        .query(
            "SELECT given_name || ' ' || family_name AS name FROM staff_members WHERE username = ?1",
            &[username.into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.name))
}
