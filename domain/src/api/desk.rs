//! The organiser's desk: request and answer bodies of `/api/staff/..`, and what customers
//! and producers see of it (decisions, disputes, the access log).

use crate::catalogue::Unit;
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::desk::{AssessmentOutcome, CheckStatus, DecisionStatus, DeliveryChannel, StaffView};
use crate::ids::{AssessmentId, CustomerId, DecisionId, EventId, ProducerId, ProxyId, VoucherId};
use crate::mandates::{OnBehalfAction, ProxyBasis};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `POST /api/staff/customers/search`: by identity code, or by family name and birth date
/// (given name optional). The identity code travels only in this body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSearch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hetu: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_date::option"
    )]
    pub birth_date: Option<Date>,
}

/// A customer in a search result: the identity code masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerListItem {
    pub id: CustomerId,
    pub given_name: String,
    pub family_name: String,
    /// Birth date and century sign only (`140334-****`).
    pub masked_hetu: String,
    pub municipality_name: String,
}

/// The answer to a search: the customers found in the employee's organiser (at most 50).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSearchResult {
    pub customers: Vec<CustomerListItem>,
}

/// Where letters to the customer go, typed by staff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    pub street_address: String,
    pub postal_code: String,
    pub post_office: String,
}

/// `POST /api/staff/customers`: a resident who is not yet in Seteli, in a municipality of
/// the employee's organiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCustomer {
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub municipality_code: MunicipalityCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    #[serde(default)]
    pub non_disclosure: bool,
    /// The language of the customer's messages and letters (Finnish or Swedish); `None`:
    /// not known, the organiser's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
}

/// The answer to creating a customer (201).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerCreated {
    pub id: CustomerId,
}

/// `POST /api/staff/customers/{id}/contact`: the address letters go to, and the
/// non-disclosure flag (turvakielto).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    pub non_disclosure: bool,
    /// The language of the customer's messages and letters; `None`: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
}

/// `POST /api/staff/customers/{id}/reveal`: the full identity code (the reveal is logged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedHetu {
    pub hetu: String,
}

/// `POST /api/staff/customers/{id}/assessments`: a need assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAssessment {
    #[serde(with = "crate::clock::wire_date")]
    pub assessed_on: Date,
    pub assessor: String,
    pub service_code: ServiceCode,
    pub summary: String,
    pub outcome: AssessmentOutcome,
}

/// A need assessment on the customer card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub id: AssessmentId,
    #[serde(with = "crate::clock::wire_date")]
    pub assessed_on: Date,
    pub assessor: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub summary: String,
    pub outcome: AssessmentOutcome,
}

/// The answer to recording an assessment or drafting a decision (201): its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Created {
    pub id: i64,
}

/// The household an income-related value is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdInput {
    pub size: u32,
    pub gross_monthly_income_cents: Cents,
}

/// `POST /api/staff/decisions`: a draft decision. For an income-related service the value
/// comes from `household` (leave `unit_value_cents` out, or send the previewed value);
/// otherwise `unit_value_cents`. Exactly one of `granted_units` and `granted_cents`.
/// `amends_voucher_id`: the voucher this decision changes (an amendment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDecision {
    pub customer_id: CustomerId,
    pub assessment_id: AssessmentId,
    pub service_code: ServiceCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_value_cents: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_units: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_cents: Option<Cents>,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<HouseholdInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends_voucher_id: Option<VoucherId>,
    /// The resident's application the decision answers (the handler's, in progress):
    /// deciding it approves the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<crate::ids::CaseId>,
}

/// How an income-related value was reached, as the decision shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComputationView {
    pub household_size: u32,
    pub gross_monthly_income_cents: Cents,
    pub income_limit_cents: Cents,
    /// Hundredths of a percent (3500 = 35 %).
    pub reduction_basis_points: u32,
    pub excess_income_cents: Cents,
    pub reduction_cents: Cents,
    pub full_value_cents: Cents,
    pub minimum_value_cents: Cents,
    pub units_per_month: u32,
    pub value_cents: Cents,
    pub at_minimum: bool,
}

/// A decision in a list (the customer card, the desk home, the customer's voucher).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSummary {
    pub id: DecisionId,
    pub status: DecisionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_number: Option<String>,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub service_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher_id: Option<VoucherId>,
    /// Whether this decision changes an earlier voucher.
    pub amendment: bool,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    #[serde(with = "crate::clock::wire_time")]
    pub drafted_at: OffsetDateTime,
}

/// `GET /api/staff/decisions/{id}` and `GET /api/citizen/decisions/{id}`: the decision
/// document, with what the customer needs to appeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionDocument {
    pub id: DecisionId,
    pub status: DecisionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_number: Option<String>,
    pub organiser_name: String,
    /// Where an appeal (oikaisuvaatimus) is sent.
    pub appeal_address: String,
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// Birth date and century sign only.
    pub customer_masked_hetu: String,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
    pub unit_value_cents: Cents,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_units: Option<i64>,
    pub granted_cents: Cents,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computation: Option<ComputationView>,
    #[serde(with = "crate::clock::wire_date")]
    pub assessed_on: Date,
    pub assessment_outcome: AssessmentOutcome,
    /// The voucher's number, grouped, once decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher_id: Option<VoucherId>,
    /// For an amendment: the voucher it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends_voucher_id: Option<VoucherId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by_name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_time::option"
    )]
    pub decided_at: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_via: Option<DeliveryChannel>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_time::option"
    )]
    pub delivered_at: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annul_reason: Option<String>,
}

/// `POST /api/staff/decisions/{id}/deliver`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliver {
    pub via: DeliveryChannel,
}

/// `POST /api/staff/vouchers/{id}/end`: end a voucher early, from `end_on` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndVoucher {
    #[serde(with = "crate::clock::wire_date")]
    pub end_on: Date,
    pub reason: String,
}

/// `POST /api/staff/vouchers/{id}/annul`: annul a voucher under which nothing is logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnulVoucher {
    pub reason: String,
}

/// A voucher on the customer card and the desk home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffVoucher {
    pub id: VoucherId,
    pub number: String,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
    pub unit_value_cents: Cents,
    pub granted_cents: Cents,
    pub balance_cents: Cents,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    pub status: crate::voucher::VoucherStatus,
    /// Whether any event was logged under it (then it can only be ended, not annulled).
    pub has_events: bool,
}

/// `POST /api/staff/customers/{id}/proxy`: register the customer's proxy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProxy {
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub basis: ProxyBasis,
    #[serde(default)]
    pub justification: String,
    pub scope: Vec<OnBehalfAction>,
    #[serde(default)]
    pub evidence: String,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
}

/// `POST /api/staff/customers/{id}/proxy/end`: end the proxy in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndProxy {
    pub reason: String,
}

/// A registered proxy on the customer card: the proxy's code masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyView {
    pub id: ProxyId,
    pub given_name: String,
    pub family_name: String,
    pub masked_hetu: String,
    pub basis: ProxyBasis,
    pub justification: String,
    pub scope: Vec<OnBehalfAction>,
    pub evidence: String,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    pub registered_by: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_time::option"
    )]
    pub ended_at: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_reason: Option<String>,
}

/// Staff's check of an event, and the producer's answer to a dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCheckView {
    pub status: CheckStatus,
    pub note: String,
    pub checked_by_name: String,
    #[serde(with = "crate::clock::wire_time")]
    pub checked_at: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::clock::wire_time::option"
    )]
    pub answered_at: Option<OffsetDateTime>,
}

/// A service event as staff check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEvent {
    pub id: EventId,
    pub voucher_id: VoucherId,
    pub voucher_number: String,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub producer_id: ProducerId,
    pub producer_name: String,
    #[serde(with = "crate::clock::wire_date")]
    pub service_date: Date,
    pub description: String,
    pub units_x100: i64,
    pub voucher_share_cents: Cents,
    pub own_share_cents: Cents,
    pub status: crate::voucher::EventStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<EventCheckView>,
}

/// `POST /api/staff/events/{id}/check`: mark an event checked, or disputed with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEventCheck {
    pub status: CheckStatus,
    #[serde(default)]
    pub note: String,
}

/// `POST /api/producer/events/{id}/answer`: the producer's answer to a dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeAnswer {
    pub body: String,
}

/// What a producer's person did with the customer's data, on the customer card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerLogEntry {
    #[serde(with = "crate::clock::wire_time")]
    pub at: OffsetDateTime,
    pub producer_name: String,
    pub actor_name: String,
    /// `link_voucher`, `view_voucher`, `log_event`, `correct_event`, `cancel_event`,
    /// `answer_dispute`.
    pub action: String,
    pub voucher_number: String,
}

/// Who looked at the customer's data: staff (organiser) or a producer's person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewerKind {
    Staff,
    Producer,
}

/// One line of "Who has looked at my data" (`GET /api/citizen/access-log`, newest first)
/// and of the card's access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogEntry {
    #[serde(with = "crate::clock::wire_time")]
    pub at: OffsetDateTime,
    pub kind: ViewerKind,
    /// The person's name.
    pub who: String,
    /// The organiser or the producer company they work for.
    pub organisation: String,
    /// For staff, a [`StaffView`] name; for producers, the producer log's action.
    pub what: String,
}

impl AccessLogEntry {
    /// What a staff member looked at, if this line is staff's.
    pub fn staff_view(&self) -> Option<StaffView> {
        StaffView::parse(&self.what)
    }
}

/// `GET /api/staff/customers/{id}`: everything the organiser holds of the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerCard {
    pub id: CustomerId,
    pub given_name: String,
    pub family_name: String,
    pub masked_hetu: String,
    #[serde(with = "crate::clock::wire_date")]
    pub birth_date: Date,
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PostalAddress>,
    pub non_disclosure: bool,
    /// The language of the customer's messages and letters; `None`: not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::Lang>,
    pub assessments: Vec<AssessmentView>,
    /// The customer's voucher applications to this organiser (not drafts), newest first:
    /// who applied, and the consents or the right declared.
    #[serde(default)]
    pub applications: Vec<crate::api::resident::VoucherApplicationItem>,
    pub decisions: Vec<DecisionSummary>,
    pub vouchers: Vec<StaffVoucher>,
    /// The proxy in force, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<ProxyView>,
    /// Ended registrations, newest first.
    pub past_proxies: Vec<ProxyView>,
    /// The customer's events under this organiser's vouchers, newest first (at most 100).
    pub events: Vec<StaffEvent>,
    pub producer_log: Vec<ProducerLogEntry>,
    pub feedback: Vec<crate::api::FeedbackView>,
    /// Who has looked at the customer's data, newest first (at most 100).
    pub access_log: Vec<AccessLogEntry>,
}

/// `GET /api/staff/desk`: what waits for the employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskHome {
    pub organiser_name: String,
    pub given_name: String,
    pub roles: Vec<String>,
    /// Draft decisions of the organiser.
    pub drafts: Vec<DecisionSummary>,
    /// Decided decisions not yet delivered.
    pub undelivered: Vec<DecisionSummary>,
    /// Vouchers whose validity ends within 30 days.
    pub ending_soon: Vec<StaffVoucher>,
    /// Disputed events the producer has not answered, and answered ones not yet rechecked.
    pub disputed: Vec<StaffEvent>,
    /// For producer handlers: the organiser's open producer applications (not closed).
    #[serde(default)]
    pub applications: Vec<crate::api::applications::ApplicationListItem>,
    /// For customer service: the organiser's residents' voucher applications in the queue,
    /// in progress or waiting (not those still waiting on a guardian's consent, nor closed).
    #[serde(default)]
    pub resident_applications: Vec<crate::api::resident::VoucherApplicationItem>,
    /// What came to the member and they have not opened yet, newest first.
    #[serde(default)]
    pub notices: Vec<StaffNotice>,
    /// For customer service and producer handlers: messages held for review or failed.
    #[serde(default)]
    pub deliveries_to_review: u32,
}

/// What a notice on an employee's desk is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A case came to them (handed over, answered, returned by the deadline job).
    #[default]
    CaseToYou,
    /// An e-authorisation order they sent changed (taken, waiting for DVV, done, …).
    OrderChanged,
    /// An e-authorisation (theirs, or one they administer) ends within 60 days.
    HoldingEnding,
}

/// Something that came to an employee (a case handed over, answered or returned to them),
/// shown on their desk until they open it; the same goes to them by e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffNotice {
    /// What it is about.
    #[serde(default)]
    pub kind: NoticeKind,
    /// The case that came to them, or their order that changed.
    pub case_id: Option<crate::ids::CaseId>,
    /// A resident's voucher application (else a producer's application): where it opens.
    #[serde(default)]
    pub resident: bool,
    /// An e-authorisation order (else an application): where it opens.
    #[serde(default)]
    pub order: bool,
    /// A holding whose end nears (`holding_ending`).
    #[serde(default)]
    pub holding_id: Option<i64>,
    /// Who moved it: a colleague, the applicant company, or "Seteli" for the deadline job.
    pub by_name: String,
    /// RFC 3339, UTC.
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
}

/// `GET /api/staff/events?voucher=&producer=&from=&to=`: events to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEventList {
    pub events: Vec<StaffEvent>,
}

/// An organiser's income table for one service, as staff read and edit it
/// (`GET`/`POST /api/staff/income-tables`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeTableView {
    pub service_code: ServiceCode,
    #[serde(default)]
    pub service_name: String,
    pub full_value_cents: Cents,
    pub minimum_value_cents: Cents,
    /// `[household size, income limit in cents, reduction in basis points]` per row.
    pub rows: Vec<(u32, Cents, u32)>,
    pub limit_step_cents: Cents,
    pub reduction_step_basis_points: u32,
    pub units_per_month: u32,
    pub rounding_cents: Cents,
    #[serde(default)]
    pub updated_by: String,
}

impl IncomeTableView {
    /// The table as `domain::income` computes with it.
    pub fn table(&self) -> crate::income::IncomeTable {
        crate::income::IncomeTable {
            full_value: self.full_value_cents,
            minimum_value: self.minimum_value_cents,
            rows: self
                .rows
                .iter()
                .map(|(size, limit, points)| crate::income::IncomeRow {
                    household_size: *size,
                    income_limit: *limit,
                    reduction_basis_points: *points,
                })
                .collect(),
            limit_step: self.limit_step_cents,
            reduction_step_basis_points: self.reduction_step_basis_points,
            units_per_month: self.units_per_month,
            rounding: self.rounding_cents,
        }
    }
}

/// The organiser's income tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeTables {
    pub tables: Vec<IncomeTableView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staff_lines_what_reads_as_a_staff_view_and_a_producers_does_not() {
        let line = |kind, what: &str| AccessLogEntry {
            at: time::macros::datetime!(2026-11-21 10:00 UTC),
            kind,
            who: "Sari Virtanen".into(),
            organisation: "Itä-Uudenmaan hyvinvointialue".into(),
            what: what.into(),
        };
        assert_eq!(
            line(ViewerKind::Staff, "identity_code").staff_view(),
            Some(StaffView::IdentityCode)
        );
        assert_eq!(
            line(ViewerKind::Producer, "link_voucher").staff_view(),
            None
        );
    }
}
