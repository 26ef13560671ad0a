//! Producers' applications and their supervision: request and answer bodies of
//! `/api/producer/applications..` (the applicant company) and `/api/staff/applications..`,
//! `/api/staff/approvals..` (the organiser's producer handlers).

pub use crate::application::{
    ApplicationForm, AskForMore, RequirementAnswer, ServicePrice, Supervise, SupervisionStep,
};
use crate::application::{ApprovalStatus, AttachmentType};
use crate::case::{Awaited, StateName};
use crate::catalogue::Unit;
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::ids::{AttachmentId, CaseId, ProducerId};
use crate::registry::RegistryCheck;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `POST /api/producer/applications`: a new draft for a municipality and its services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApplication {
    pub municipality_code: MunicipalityCode,
    pub services: Vec<ServiceCode>,
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

/// One of the company's approvals as the company reads it: in force, suspended (until when)
/// or withdrawn, the organiser's reason, and where an appeal goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnApproval {
    pub municipality_name: String,
    pub service_name: String,
    pub status: ApprovalStatus,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub suspended_until: Option<Date>,
    pub reason: String,
    pub appeal_address: String,
}

/// `GET /api/producer/applications`: the company's applications, newest first, its
/// approvals, and the municipalities and services it may apply for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnApplications {
    pub company_name: String,
    pub applications: Vec<ApplicationListItem>,
    #[serde(default)]
    pub approvals: Vec<OwnApproval>,
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
