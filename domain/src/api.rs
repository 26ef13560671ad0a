//! The JSON contract between the app and the edge. Both sides use these types, so a field
//! renamed on one side is a compile error on the other.

use crate::business_id::BusinessId;
use crate::catalogue::Unit;
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::ids::{CustomerId, EventId, FeedbackId, MessageId, ProducerId, VoucherId};
use crate::mandates::{Basis, OnBehalfAction};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

pub mod applications;
pub mod authorisations;
pub mod desk;
pub mod resident;
pub mod settlement;

/// `GET /api/public/municipalities`: the municipalities that use Seteli, with names in the
/// requested language. `bilingual` marks municipalities with Finnish and Swedish as official
/// languages (Porvoo – Borgå).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    pub code: MunicipalityCode,
    pub name: String,
    pub bilingual: bool,
}

/// `GET /api/public/services`: the services vouchers are granted for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub code: ServiceCode,
    pub name: String,
    pub description: String,
    pub unit: Unit,
}

/// One approved producer's current price for the chosen service and municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferSummary {
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub price_cents: Cents,
    pub unit: Unit,
    /// Present only when the request gave a voucher value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_share_cents: Option<Cents>,
    /// ISO 639-1 codes of the languages the producer serves in.
    pub languages: Vec<String>,
    pub post_office: String,
    pub summary: String,
    /// ISO date (`YYYY-MM-DD`) from which the price is valid.
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    /// Customer satisfaction over the last 12 months; absent until enough answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<crate::voucher::Satisfaction>,
}

/// `GET /api/public/offers`: one page of the comparison and the total count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPage {
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
    pub offers: Vec<OfferSummary>,
}

/// A service an approved producer offers in one municipality, at today's price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerOffer {
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
    pub price_cents: Cents,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
}

/// `GET /api/public/producers/{id}`: a producer's public profile; only approved services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerProfile {
    pub id: ProducerId,
    pub name: String,
    pub business_id: BusinessId,
    pub description: String,
    pub languages: Vec<String>,
    pub street_address: String,
    pub postal_code: String,
    pub post_office: String,
    pub phone: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    pub services: Vec<ProducerOffer>,
    /// Customer satisfaction over the last 12 months; absent until enough answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<crate::voucher::Satisfaction>,
}

/// `GET /api/auth/me`: who is logged in. Never carries the identity code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// `citizen` or `staff`.
    pub audience: crate::session::Audience,
    pub given_name: String,
    pub family_name: String,
    /// Staff: the organiser (municipality or wellbeing services county) they work for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser_code: Option<crate::codes::OrganiserCode>,
    /// Staff: the organiser's name in the asked language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser_name: Option<String>,
    /// Staff: the municipalities in Seteli whose services the organiser organises (the
    /// choices for a new customer's municipality).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organiser_municipalities: Vec<Municipality>,
    /// Staff: their roles (`customer_service`, `authorisation_admin`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Citizens: the person they act for now; absent while they act for themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for: Option<ActingFor>,
    /// Citizens acting for a producer company (chosen through Valtuudet `ypa`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acting_for_company: Option<ActingForCompany>,
    /// Citizens: an opaque key of the logged-in person (an HMAC of their identity code,
    /// the same in every session), so that what the browser keeps for a person — the
    /// offline visit queue — is used only in that person's sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_key: Option<String>,
}

/// The producer company a session acts for, and the person's roles in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingForCompany {
    pub producer_id: ProducerId,
    pub name: String,
    pub business_id: BusinessId,
    /// As Valtuudet gave them: trade-register codes (`TJ`, `NIMKO`, ..) or issue URIs.
    pub roles: Vec<String>,
}

/// A municipality and service the producer is approved for, with its price today and any
/// price already set for a later day (`GET /api/producer/home`, `/api/producer/prices`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerService {
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
    /// The price valid today; absent if none is set yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_cents: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::clock::wire_date::option")]
    pub price_valid_from: Option<Date>,
    /// Prices that take effect later, earliest first.
    #[serde(default)]
    pub upcoming: Vec<UpcomingPrice>,
}

/// A price that takes effect on `valid_from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpcomingPrice {
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    pub price_cents: Cents,
}

/// `POST /api/producer/prices`: a new price for an approved service from a later day on
/// (tomorrow at the earliest). Setting the same day again replaces that future price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPrice {
    pub municipality_code: MunicipalityCode,
    pub service_code: ServiceCode,
    /// `YYYY-MM-DD`.
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    pub price_cents: Cents,
}

/// A voucher the producer serves under (linked through its number), as the producer sees
/// it: what the service needs, never the customer's identity code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerVoucher {
    pub voucher_id: VoucherId,
    /// Grouped for reading (`4821 9930 1177`).
    pub number: String,
    pub customer_given_name: String,
    pub customer_family_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub unit: Unit,
    pub unit_value_cents: Cents,
    pub balance_cents: Cents,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    /// `active`, `ended` or `cancelled`.
    pub status: crate::voucher::VoucherStatus,
    /// The producer's price today for this service in this municipality; absent if the
    /// producer is not approved for it or has no price (then no events can be logged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_cents: Option<Cents>,
}

/// `POST /api/producer/vouchers/lookup`: the number the customer gave (spaces allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherLookup {
    pub number: String,
}

/// `GET /api/producer/vouchers/{id}`: a linked voucher and this producer's events under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerVoucherDetail {
    pub voucher: ProducerVoucher,
    pub events: Vec<ProducerEvent>,
}

/// A service event as the producer that logged it sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerEvent {
    pub id: EventId,
    pub voucher_id: VoucherId,
    pub customer_given_name: String,
    pub customer_family_name: String,
    #[serde(with = "crate::clock::wire_date")]
    pub service_date: Date,
    pub description: String,
    /// Hundredths of a unit (150 = 1.5 hours).
    pub units_x100: i64,
    /// The voucher's unit (hour, visit or day).
    pub unit: Unit,
    pub unit_price_cents: Cents,
    pub voucher_share_cents: Cents,
    pub own_share_cents: Cents,
    /// `recorded` or `cancelled`.
    pub status: crate::voucher::EventStatus,
    /// RFC 3339, UTC: when it was logged.
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
    /// The event this one corrects, if it is a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<EventId>,
    /// Whether it can still be corrected or cancelled (14 days).
    pub correctable: bool,
    /// The organiser's check of the event: a dispute the producer answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<desk::EventCheckView>,
}

/// `POST /api/producer/events`: a visit to log. The unit price is the producer's current
/// offer; the shares are computed by the edge. `idempotency_key` (a UUID made by the
/// browser once per entry) makes a retry return the first result instead of a second event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewServiceEvent {
    pub voucher_id: VoucherId,
    pub idempotency_key: String,
    /// `YYYY-MM-DD`.
    #[serde(with = "crate::clock::wire_date")]
    pub service_date: Date,
    pub units_x100: i64,
    pub description: String,
}

/// `POST /api/producer/events/{id}/correct`: replaces the event with a corrected one (the
/// original stays, cancelled, and the correction names it). Same rules as a new event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventCorrection {
    pub idempotency_key: String,
    #[serde(with = "crate::clock::wire_date")]
    pub service_date: Date,
    pub units_x100: i64,
    pub description: String,
}

/// Feedback addressed to the producer (`GET /api/producer/feedback`), newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerFeedback {
    pub id: FeedbackId,
    pub customer_given_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher_id: Option<VoucherId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<EventId>,
    pub body: String,
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<FeedbackReplyView>,
}

/// `POST /api/producer/feedback/{id}/reply`: 1–2000 characters; one reply per feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReply {
    pub body: String,
}

/// `GET /api/producer/home`: the producer's approved services, the vouchers it serves,
/// recent events and feedback waiting for a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerHome {
    pub producer_id: ProducerId,
    pub name: String,
    pub services: Vec<ProducerService>,
    pub vouchers: Vec<ProducerVoucher>,
    /// The 20 latest events.
    pub recent_events: Vec<ProducerEvent>,
    pub feedback_waiting: Vec<ProducerFeedback>,
}

/// The principal a citizen session acts for, and on what basis. Every citizen page then
/// shows the principal's data under a banner naming them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub given_name: String,
    pub family_name: String,
    pub basis: Basis,
}

/// A customer for whom the municipality registered the asker as proxy, valid today
/// (`GET /api/on-behalf/registered`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredPrincipal {
    pub customer_id: CustomerId,
    pub given_name: String,
    pub family_name: String,
    pub municipality_name: String,
    /// The last day of the registration, `YYYY-MM-DD`.
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
}

/// `POST /api/on-behalf/registered`: act for this customer as their registered proxy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActForRegistered {
    pub customer_id: CustomerId,
}

/// Whether an on-behalf action was let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrailResult {
    Allowed,
    Refused,
}

/// One thing someone did, or tried, on the principal's behalf (`GET /api/citizen/trail`,
/// newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailEntry {
    /// RFC 3339, UTC.
    #[serde(with = "crate::clock::wire_time")]
    pub at: OffsetDateTime,
    /// Who acted: their name, never their identity code.
    pub actor_name: String,
    pub action: OnBehalfAction,
    pub basis: Basis,
    pub result: TrailResult,
}

pub use crate::delivery::MessageKind;

/// A message queued to the principal when someone wrote on their behalf
/// (`GET /api/citizen/messages`, newest first). Rendered in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: MessageId,
    /// RFC 3339, UTC.
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
    pub kind: MessageKind,
    /// Who acted on the principal's behalf.
    pub actor_name: String,
    /// The producer the feedback or survey was about; empty for the organiser's messages.
    #[serde(default)]
    pub producer_name: String,
    /// `queued` until the Suomi.fi Messages stand-in has taken it.
    pub status: crate::delivery::MessageStatus,
}

/// A voucher as its customer sees it (`GET /api/citizen/vouchers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherSummary {
    pub id: VoucherId,
    /// What the customer gives the producer, grouped for reading (`4821 9930 1177`).
    pub number: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub unit: Unit,
    /// The voucher's value per unit.
    pub unit_value_cents: Cents,
    /// Units granted, when the decision names a number of units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_units: Option<i64>,
    /// The purchasing power granted (ostovoima).
    pub granted_cents: Cents,
    /// What is left of it.
    pub balance_cents: Cents,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_from: Date,
    #[serde(with = "crate::clock::wire_date")]
    pub valid_until: Date,
    /// `active`, `ended` (validity passed) or `cancelled`.
    pub status: crate::voucher::VoucherStatus,
}

/// A service event under a voucher, as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEventView {
    pub id: EventId,
    #[serde(with = "crate::clock::wire_date")]
    pub service_date: Date,
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub description: String,
    /// Hundredths of a unit (150 = 1.5 hours).
    pub units_x100: i64,
    pub unit_price_cents: Cents,
    pub voucher_share_cents: Cents,
    pub own_share_cents: Cents,
    /// `recorded` or `cancelled`.
    pub status: crate::voucher::EventStatus,
}

/// A producer that has served the customer under a voucher, and whether this month's
/// survey about it is still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherProducer {
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub survey_answered_this_month: bool,
}

/// `GET /api/citizen/vouchers/{id}`: the voucher, its events newest first, and its producers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherDetail {
    pub voucher: VoucherSummary,
    pub events: Vec<ServiceEventView>,
    pub producers: Vec<VoucherProducer>,
    /// The decisions behind the voucher (the one in force and earlier ones), newest first.
    #[serde(default)]
    pub decisions: Vec<desk::DecisionSummary>,
}

/// A producer's reply to feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackReplyView {
    pub body: String,
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
}

/// Feedback the customer gave, with the producer's reply if any (`GET /api/citizen/feedback`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackView {
    pub id: FeedbackId,
    pub producer_id: ProducerId,
    pub producer_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher_id: Option<VoucherId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<EventId>,
    pub body: String,
    #[serde(with = "crate::clock::wire_time")]
    pub created_at: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<FeedbackReplyView>,
}

/// `POST /api/citizen/feedback`: feedback on a producer that served under the voucher,
/// optionally on one of its events. The body is 1–2000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFeedback {
    pub voucher_id: VoucherId,
    pub producer_id: ProducerId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<EventId>,
    pub body: String,
}

/// `POST /api/citizen/surveys`: a satisfaction survey about a producer that served under the
/// voucher; at most one per voucher and producer per month. Scores are 1–5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSurveyAnswer {
    pub voucher_id: VoucherId,
    pub producer_id: ProducerId,
    pub overall: crate::voucher::Score,
    pub punctuality: crate::voucher::Score,
    pub staff: crate::voucher::Score,
    pub information: crate::voucher::Score,
    #[serde(default)]
    pub comment: String,
}

/// The answer to `POST /api/citizen/surveys` (201): the month the answer counts for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyReceipt {
    /// `YYYY-MM`.
    pub period: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_kinds_are_stored_as_their_wire_names() {
        for kind in MessageKind::ALL {
            assert_eq!(MessageKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        assert_eq!(MessageKind::parse("unknown"), None);
        let later: MessageKind = serde_json::from_str("\"a_later_kind\"").unwrap();
        assert_eq!(later, MessageKind::Unknown);
    }
}
