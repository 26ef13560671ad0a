//! Residents' voucher applications: request and answer bodies of
//! `/api/citizen/applications..` (the applicant, or whoever acts for the principal),
//! `/api/citizen/consent-requests..` (a named guardian) and `/api/staff/resident-applications..`
//! (the organiser's customer service).

pub use crate::api::applications::{CaseStatus, Handler, HistoryEntry};
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::ids::{CaseId, ConsentRequestId, CustomerId, DecisionId};
use crate::money::Cents;
pub use crate::resident_application::{
    AppliesFor, ConsentStatus, ContactPreference, DeclaredRight, NamedGuardian, SharedMatter,
    VoucherApplicationForm,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// A service a municipality grants vouchers for, as the form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedService {
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    /// The voucher's value depends on the household's income (the form then asks for it).
    pub income_related: bool,
}

/// A named guardian's consent as the application shows it: by name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    pub id: ConsentRequestId,
    pub guardian_name: String,
    pub status: ConsentStatus,
    /// The last day it can be answered.
    #[serde(with = "crate::clock::wire_date")]
    pub last_day: Date,
    #[serde(default, with = "crate::clock::wire_time::option")]
    pub answered_at: Option<OffsetDateTime>,
    /// The guardian's comment (a decline's reason).
    #[serde(default)]
    pub comment: String,
    /// The applicant may send it again (unanswered or expired, while the application waits).
    #[serde(default)]
    pub may_resend: bool,
}

/// `GET /api/citizen/applications/{id}` and `GET /api/staff/resident-applications/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherApplicationView {
    pub id: CaseId,
    pub applies_for: AppliesFor,
    pub principal_name: String,
    pub applicant_name: String,
    pub status: CaseStatus,
    /// The form as written; named guardians' identity codes masked.
    pub form: VoucherApplicationForm,
    #[serde(default)]
    pub service_name: Option<String>,
    #[serde(default)]
    pub municipality_name: Option<String>,
    #[serde(default)]
    pub organiser_name: Option<String>,
    /// The chosen service's voucher depends on income in the chosen municipality.
    #[serde(default)]
    pub income_related: bool,
    /// The value per unit the municipality's income table gives for the household and
    /// income written, when the voucher depends on income and both are given.
    #[serde(default)]
    pub value_preview_cents: Option<Cents>,
    pub consents: Vec<ConsentView>,
    /// The files the applicant attached (statements, for example).
    #[serde(default)]
    pub attachments: Vec<crate::api::applications::AttachmentView>,
    pub history: Vec<HistoryEntry>,
    #[serde(default, with = "crate::clock::wire_time::option")]
    pub submitted_at: Option<OffsetDateTime>,
    /// Where an appeal against a rejection goes.
    #[serde(default)]
    pub appeal_address: String,
    /// The decision drafted from the application, once there is one (for the handler).
    #[serde(default)]
    pub decision_id: Option<DecisionId>,
    /// The principal as the organiser's customer, once sent (for the handler's card link).
    #[serde(default)]
    pub customer_id: Option<CustomerId>,
    /// The reader may write to it (its applicant, or its principal themselves): the page
    /// offers saving, sending, files, answering and withdrawing only then.
    #[serde(default)]
    pub may_write: bool,
}

/// An application in a list: the principal's own, or the handler's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherApplicationItem {
    pub id: CaseId,
    pub principal_name: String,
    pub applicant_name: String,
    #[serde(default)]
    pub service_name: Option<String>,
    #[serde(default)]
    pub municipality_name: Option<String>,
    pub status: CaseStatus,
    #[serde(default, with = "crate::clock::wire_time::option")]
    pub submitted_at: Option<OffsetDateTime>,
    /// The named guardians whose consent is not in yet.
    #[serde(default)]
    pub consent_missing: Vec<String>,
    /// The applicant declared they may act alone (DVV scenario C): flagged for the handler.
    #[serde(default)]
    pub declared: Option<DeclaredRight>,
    /// The applicant did not know (all of) the other guardians: staff resolve it.
    #[serde(default)]
    pub guardians_unknown: bool,
}

/// `GET /api/citizen/applications`: the principal's applications, newest first, and what
/// the form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnVoucherApplications {
    pub principal_name: String,
    /// For whom a new application would be made in this session.
    pub applies_for: AppliesFor,
    /// The principal's home municipality, when Seteli knows it (the form's default).
    #[serde(default)]
    pub home_municipality: Option<MunicipalityCode>,
    pub applications: Vec<VoucherApplicationItem>,
    pub offered: Vec<OfferedService>,
}

/// A consent request in the named guardian's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRequestItem {
    pub id: ConsentRequestId,
    pub application_id: CaseId,
    /// The child the application is for.
    pub child_name: String,
    /// The guardian who applied.
    pub applicant_name: String,
    #[serde(default)]
    pub service_name: Option<String>,
    pub status: ConsentStatus,
    #[serde(with = "crate::clock::wire_date")]
    pub last_day: Date,
}

/// `GET /api/citizen/consent-requests/{id}`: the request and the application it is about,
/// for the named guardian acting for the child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRequestView {
    pub request: ConsentRequestItem,
    pub application: VoucherApplicationView,
}

/// `POST /api/citizen/consent-requests/{id}/answer`: consent, or decline with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentAnswer {
    pub consent: bool,
    #[serde(default)]
    pub comment: String,
}

/// `GET /api/staff/resident-applications`: the organiser's applications (everything but
/// drafts), and the colleagues a case can be handed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentApplicationQueue {
    pub applications: Vec<VoucherApplicationItem>,
    pub handlers: Vec<Handler>,
}

/// `POST /api/citizen/vouchers/{id}/refuse`: the resident refuses a granted voucher; the
/// organiser then arranges the service in its own way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherRefusal {
    /// Why, in the resident's words (optional).
    #[serde(default)]
    pub reason: String,
}

/// The refusal recorded: the voucher ends today, and whom to contact for the organiser's
/// own service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedVoucher {
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    pub organiser_name: String,
    /// The organiser's address (its registry), for the service instead.
    pub organiser_address: String,
}

/// The longest reason for refusing a voucher (characters).
pub const REFUSAL_MAX_CHARS: usize = 1000;
