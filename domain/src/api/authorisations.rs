//! The API's shapes for the municipality's own e-authorisations: the catalogue, the maps,
//! orders on the two paths and the administrator's steps, the holdings register and its
//! report. Names come in every language ([`Texts`]); identity codes only masked, except in
//! what is prepared for the administrator holding the order.

use crate::api::applications::HistoryEntry;
use crate::authorisation::{OrderPath, Texts};
use crate::case::{Awaited, StateName};
use crate::ids::CaseId;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

pub use crate::authorisation::{AuthorisationEntry, AuthorisationId, Place};
/// A holding's id.
pub type HoldingId = i64;

/// `GET /api/staff/authorisations`: the catalogue, the organiser's departments and titles,
/// and where the member stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationCatalogue {
    pub authorisations: Vec<AuthorisationEntry>,
    pub departments: Vec<Place>,
    pub job_titles: Vec<Place>,
    /// The member's names, as the login gave them (an order for oneself is in them).
    pub given_name: String,
    pub family_name: String,
    /// The member's department and job title as the login named them (codes of the lists
    /// above), when it did.
    pub my_department: Option<String>,
    pub my_job_title: Option<String>,
    /// The member is a supervisor: they also order for their department's employees.
    pub orders_for_team: bool,
    /// The member is an authorisation administrator.
    pub administers: bool,
}

/// What a map is by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapBy {
    Department,
    JobTitle,
}

/// `GET /api/staff/authorisations/map?department=CODE` (or `?job_title=CODE`): which
/// authorisations the work needs, each saying whether the organisation holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationMap {
    pub by: MapBy,
    pub place: Place,
    pub authorisations: Vec<AuthorisationEntry>,
}

/// `POST /api/staff/authorisations/map`: the whole map of one department or job title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetMap {
    pub by: MapBy,
    pub code: String,
    pub authorisations: Vec<AuthorisationId>,
}

/// `POST /api/staff/authorisation-orders`: an order on one of the two paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderForm {
    pub path: OrderPath,
    /// The employee's names and identity code (the code only ever in this body).
    pub given_name: String,
    pub family_name: String,
    pub hetu: String,
    pub department: String,
    pub job_title: String,
    pub authorisations: Vec<AuthorisationId>,
    pub justification: String,
    /// Until when the employee needs it (a fixed-term post).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_date::option"
    )]
    pub needed_until: Option<Date>,
    /// Where the orderer is told of the order's progress.
    pub email: String,
}

/// The confirmation of an order: its number and the expected handling time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSent {
    pub id: CaseId,
    pub path: OrderPath,
    pub expected_min_days: i64,
    pub expected_max_days: i64,
    /// The day it is expected to be done by.
    #[serde(with = "crate::clock::wire_date")]
    pub due_on: Date,
}

/// An authorisation as an order or a holding names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationRef {
    pub id: AuthorisationId,
    pub name: Texts,
    pub agency: Texts,
    pub issue_code: Option<String>,
}

/// An order in a list (the orderer's own, the administrator's queue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub id: CaseId,
    pub path: OrderPath,
    pub state: StateName,
    pub waiting_on: Option<Awaited>,
    pub employee_name: String,
    pub department: Texts,
    pub job_title: Texts,
    pub authorisations: Vec<AuthorisationRef>,
    pub orderer_name: String,
    pub handler: Option<String>,
    pub handler_name: Option<String>,
    #[serde(with = "crate::clock::wire_time")]
    pub sent_at: OffsetDateTime,
    #[serde(with = "crate::clock::wire_date")]
    pub due_on: Date,
    /// Open past its expected time.
    pub overdue: bool,
}

/// What the administrator holding an order does in Suomi.fi-valtuudet, prepared by Seteli:
/// whom to authorise, for what, until when. Only they see the identity code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prepared {
    pub employee_name: String,
    pub hetu: String,
    pub authorisations: Vec<AuthorisationRef>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub until: Option<Date>,
}

/// A colleague an order can be handed to (another authorisation administrator).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administrator {
    pub username: String,
    pub name: String,
}

/// `GET /api/staff/authorisation-orders/{id}`: an order whole, for its orderer or an
/// administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub summary: OrderSummary,
    /// The employee's identity code, masked.
    pub hetu_masked: String,
    pub justification: String,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub needed_until: Option<Date>,
    pub orderer_email: String,
    pub dvv_reference: Option<String>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub dvv_granted_on: Option<Date>,
    /// "Done in Suomi.fi-valtuudet on `done_on` by `done_by_name`", once recorded.
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub done_on: Option<Date>,
    pub done_by_name: Option<String>,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub valid_until: Option<Date>,
    pub history: Vec<HistoryEntry>,
    /// For the administrator holding it.
    pub prepared: Option<Prepared>,
    /// The reader administers orders (may take the steps its state allows).
    pub administers: bool,
    /// Whom it can be handed to (for an administrator).
    pub administrators: Vec<Administrator>,
}

/// `POST …/{id}/wait-dvv`: the organisation's application was sent to DVV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitDvv {
    pub dvv_reference: String,
    #[serde(default)]
    pub comment: String,
}

/// `POST …/{id}/dvv-granted`: DVV granted the organisation the authorisations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DvvGranted {
    #[serde(with = "crate::clock::wire_date")]
    pub granted_on: Date,
    #[serde(default)]
    pub comment: String,
}

/// `POST …/{id}/done`: the administrator made the change in Suomi.fi-valtuudet on
/// `done_on`, ending on `valid_until` if it ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoneInValtuudet {
    #[serde(with = "crate::clock::wire_date")]
    pub done_on: Date,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_date::option"
    )]
    pub valid_until: Option<Date>,
    #[serde(default)]
    pub comment: String,
}

/// A holding of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingView {
    pub id: HoldingId,
    pub authorisation: AuthorisationRef,
    pub employee_name: String,
    pub hetu_masked: String,
    pub department: Texts,
    pub job_title: Texts,
    #[serde(with = "crate::clock::wire_date")]
    pub since: Date,
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub until: Option<Date>,
    pub order_id: Option<CaseId>,
    pub recorded_by_name: String,
    /// The day the employee leaves, as the administrator marked it.
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub leaving_on: Option<Date>,
    /// "Revoked in Suomi.fi-valtuudet on `ended_on` by `ended_by_name`".
    #[serde(default, with = "crate::clock::wire_date::option")]
    pub ended_on: Option<Date>,
    pub ended_by_name: Option<String>,
}

/// `GET /api/staff/authorisation-holdings`: the register in force, what ends within 60 days
/// (to renew) and what leaving employees hold (to revoke).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingsRegister {
    pub holdings: Vec<HoldingView>,
    pub ending_soon: Vec<HoldingView>,
    pub to_revoke: Vec<HoldingView>,
}

/// `POST /api/staff/authorisation-holdings`: a holding that predates Seteli (made in
/// Suomi.fi-valtuudet before the register), entered by the administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewHolding {
    pub authorisation_id: AuthorisationId,
    pub given_name: String,
    pub family_name: String,
    pub hetu: String,
    pub department: String,
    pub job_title: String,
    #[serde(with = "crate::clock::wire_date")]
    pub since: Date,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_date::option"
    )]
    pub until: Option<Date>,
}

/// `POST /api/staff/authorisation-holdings/import`: holdings made in Suomi.fi-valtuudet
/// before the register, from a spreadsheet (the CSV file's text; see
/// [`crate::authorisation::import`]), checked — and entered, all or none, when `enter`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingsImport {
    pub csv: String,
    #[serde(default)]
    pub enter: bool,
}

/// What the file holds: its lines of holdings, every problem found (nothing is entered
/// while there is one), and how many holdings were entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingsImportChecked {
    pub lines: u32,
    pub problems: Vec<crate::authorisation::import::ImportProblem>,
    pub entered: u32,
}

/// `POST /api/staff/authorisation-holdings/{id}/leaving`: the holding's employee leaves on
/// `leaving_on`. Answered with what they hold: what to revoke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaving {
    #[serde(with = "crate::clock::wire_date")]
    pub leaving_on: Date,
}

/// `POST /api/staff/authorisation-holdings/{id}/end`: revoked in Suomi.fi-valtuudet on
/// `ended_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndHolding {
    #[serde(with = "crate::clock::wire_date")]
    pub ended_on: Date,
}

/// `GET /api/staff/authorisation-orders`: the member's own orders and holdings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyAuthorisations {
    pub orders: Vec<OrderSummary>,
    pub holdings: Vec<HoldingView>,
}

/// One path's handling times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathReport {
    pub path: OrderPath,
    pub expected_max_days: i64,
    /// The median days from sending to done of the orders done in the report's period, in
    /// tenths of a day; `None` when none was.
    pub median_tenths: Option<i64>,
    /// Orders done in the report's period.
    pub done: u32,
    pub open: u32,
    pub overdue: u32,
}

/// Holdings in force per department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentHoldings {
    pub department: Place,
    pub holdings: u32,
}

/// `GET /api/staff/authorisations/report?from=&to=`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationReport {
    /// The months whose done orders the medians and `done` count; `open` and `overdue` are
    /// as of today.
    pub from: crate::settlement::Month,
    pub to: crate::settlement::Month,
    pub paths: Vec<PathReport>,
    pub departments: Vec<DepartmentHoldings>,
}
