//! Producers' applications and their supervision: request and answer bodies of
//! `/api/producer/applications..` (the applicant company) and `/api/staff/applications..`,
//! `/api/staff/approvals..` (the organiser's producer handlers).

use crate::application::{Answer, ApprovalStatus, AttachmentType};
use crate::case::{Awaited, StateName};
use crate::catalogue::Unit;
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::ids::{AttachmentId, CaseId, ProducerId};
use crate::money::Cents;
use crate::registry::RegistryCheck;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `POST /api/producer/applications`: a new draft for a municipality and its services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApplication {
    pub municipality_code: MunicipalityCode,
    pub services: Vec<ServiceCode>,
}

/// A service applied for with its price (the price list). Unset fields are allowed in a
/// draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePrice {
    pub service_code: ServiceCode,
    #[serde(default)]
    pub unit: Option<Unit>,
    #[serde(default)]
    pub price_cents: Option<Cents>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub valid_from: Option<Date>,
}

/// The applicant's answer to one checklist item, by the item's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementAnswer {
    pub code: String,
    pub answer: Answer,
    #[serde(default)]
    pub note: String,
}

/// `POST /api/producer/applications/{id}`: what the applicant writes (saved as it is in a
/// draft; checked whole on submitting).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub services: Vec<ServicePrice>,
    #[serde(default)]
    pub description_fi: String,
    #[serde(default)]
    pub description_sv: String,
    /// ISO 639-1 codes of the languages served.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Where the company serves (districts, postal codes), free text.
    #[serde(default)]
    pub areas: String,
    #[serde(default)]
    pub street_address: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub post_office: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub answers: Vec<RequirementAnswer>,
}

/// A checklist item as the application shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementView {
    pub code: String,
    pub label: String,
    pub needs_attachment: bool,
}

/// A file attached to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: AttachmentId,
    pub file_name: String,
    pub content_type: AttachmentType,
    pub size_bytes: i64,
    /// The checklist item it backs, if any.
    #[serde(default)]
    pub requirement_code: Option<String>,
    #[serde(with = "crate::clock::wire_time")]
    pub uploaded_at: OffsetDateTime,
}

/// One step in a case's history as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    #[serde(with = "crate::clock::wire_time")]
    pub at: OffsetDateTime,
    /// The person (a handler's name, the applicant's person) or empty for Seteli itself.
    pub by_name: String,
    pub from: StateName,
    pub to: StateName,
    pub comment: String,
}

/// A service's name and unit, for the form's price list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceName {
    pub code: ServiceCode,
    pub name: String,
    pub unit: Unit,
}

/// Where a case stands, as both the applicant and the handler see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseStatus {
    pub state: StateName,
    /// The handler's name while one holds the case.
    #[serde(default)]
    pub handler_name: Option<String>,
    #[serde(default)]
    pub waiting_on: Option<Awaited>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub deadline: Option<Date>,
    /// What the handler asked for.
    #[serde(default)]
    pub missing: Vec<String>,
    /// The deadline has passed.
    #[serde(default)]
    pub overdue: bool,
}

/// `GET /api/producer/applications/{id}` and `GET /api/staff/applications/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: CaseId,
    pub producer_id: ProducerId,
    pub company_name: String,
    pub business_id: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub organiser_name: String,
    pub status: CaseStatus,
    pub form: ApplicationForm,
    /// Names of every service the municipality has, for the form.
    pub services: Vec<ServiceName>,
    pub requirements: Vec<RequirementView>,
    pub attachments: Vec<AttachmentView>,
    pub history: Vec<HistoryEntry>,
    #[serde(default, with = "crate::clock::wire_time::option")]
    pub submitted_at: Option<OffsetDateTime>,
    /// Where an appeal against a rejection goes (shown with the rejection).
    pub appeal_address: String,
    /// The trade register's answer, for the handler only; `None` for the applicant, and
    /// when the register could not be asked (`registry_unavailable`).
    #[serde(default)]
    pub registry: Option<RegistryCheck>,
    #[serde(default)]
    pub registry_unavailable: bool,
}

/// A case in a list: the applicant's own applications, or the handler's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationListItem {
    pub id: CaseId,
    pub company_name: String,
    pub municipality_name: String,
    /// The services' names, in the list's language.
    pub services: Vec<String>,
    pub status: CaseStatus,
    #[serde(default, with = "crate::clock::wire_time::option")]
    pub submitted_at: Option<OffsetDateTime>,
}

/// `GET /api/producer/applications`: the company's applications, newest first, and the
/// municipalities and services it may apply for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnApplications {
    pub company_name: String,
    pub applications: Vec<ApplicationListItem>,
    pub municipalities: Vec<crate::api::Municipality>,
    pub services: Vec<ServiceName>,
}

/// A colleague a case can be handed over to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handler {
    pub username: String,
    pub name: String,
}

/// `GET /api/staff/applications`: the organiser's queue (everything but drafts), and the
/// handlers a case can be handed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationQueue {
    pub applications: Vec<ApplicationListItem>,
    pub handlers: Vec<Handler>,
}

/// A step with only a comment: take, release, answer, approve; reject (the comment is then
/// the reasons, required).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepComment {
    #[serde(default)]
    pub comment: String,
}

/// `POST /api/staff/applications/{id}/hand-over`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOver {
    pub to: String,
    #[serde(default)]
    pub comment: String,
}

/// `POST /api/staff/applications/{id}/ask`: more information needed, by a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskForMore {
    pub missing: Vec<String>,
    #[serde(with = "crate::clock::wire_date")]
    pub deadline: Date,
    #[serde(default)]
    pub comment: String,
}

/// A supervision step on one approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SupervisionStep {
    /// Until the day `until` (inclusive), or until lifted.
    Suspend {
        #[serde(default, with = "crate::clock::wire_date::option")]
        until: Option<Date>,
    },
    Withdraw,
    Lift,
}

/// `POST /api/staff/approvals/supervise`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervise {
    pub producer_id: ProducerId,
    pub municipality_code: MunicipalityCode,
    pub service_code: ServiceCode,
    pub step: SupervisionStep,
    #[serde(default)]
    pub reason: String,
}

/// An approval as the handler supervises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub producer_id: ProducerId,
    pub company_name: String,
    pub business_id: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub status: ApprovalStatus,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub suspended_until: Option<Date>,
    pub reason: String,
    /// Vouchers linked to the producer in this municipality and service.
    pub customers: i64,
}

/// `GET /api/staff/approvals`: the organiser's approvals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approvals {
    pub approvals: Vec<ApprovalView>,
}
