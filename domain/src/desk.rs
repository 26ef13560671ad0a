//! The rules of the organiser's desk (`../shared/docs/municipality.md` §1): need assessments,
//! voucher decisions and their states, registered proxies and staff's checks of service
//! events. The edge and the staff pages both call these, so a form and the API refuse the
//! same input with the same field named.

use crate::error::ErrorCode;
use crate::hetu::Hetu;
use crate::income::{income_related_value, Computation, Household, IncomeTable};
use crate::mandates::{OnBehalfAction, ProxyBasis};
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use time::Date;

/// The most a voucher may be worth per unit (10 000 €): above it is a typing error.
pub const MAX_UNIT_VALUE: Cents = Cents::clamp(1_000_000);
/// The most units one decision grants.
pub const MAX_GRANTED_UNITS: i64 = 10_000;
/// The largest sum one decision grants (1 000 000 €).
pub const MAX_GRANTED_SUM: Cents = Cents::clamp(100_000_000);
/// The longest validity of a decision or a registration, in days (about three years).
pub const MAX_VALIDITY_DAYS: i64 = 3 * 366;
/// The longest free text at the desk (summaries, notes, reasons).
pub const MAX_TEXT: usize = 2000;
/// The longest name or short field.
pub const MAX_NAME: usize = 100;

/// A refusal that names the request field to correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub code: ErrorCode,
    /// The field's name in the request body.
    pub field: &'static str,
}

const fn refuse(code: ErrorCode, field: &'static str) -> FieldError {
    FieldError { code, field }
}

/// A need assessment's outcome (palvelutarpeen arvion tulos).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentOutcome {
    /// A service voucher: a decision may refer to it.
    Voucher,
    /// Another service (the organiser's own, or none through a voucher).
    OtherService,
    /// No need for the service.
    NoNeed,
}

impl AssessmentOutcome {
    pub const ALL: [AssessmentOutcome; 3] = [
        AssessmentOutcome::Voucher,
        AssessmentOutcome::OtherService,
        AssessmentOutcome::NoNeed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AssessmentOutcome::Voucher => "voucher",
            AssessmentOutcome::OtherService => "other_service",
            AssessmentOutcome::NoNeed => "no_need",
        }
    }

    pub fn parse(s: &str) -> Option<AssessmentOutcome> {
        AssessmentOutcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// A voucher decision's state: draft → decided → delivered; a decided or delivered one is
/// superseded by an amendment's decision, or annulled with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Draft,
    Decided,
    Delivered,
    Superseded,
    Annulled,
    /// A state this build does not know (a newer edge than a statically hosted app).
    #[serde(other)]
    Unknown,
}

/// What staff do to a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionStep {
    /// Decide a draft: it gets its number and makes or changes the voucher.
    Decide,
    /// Deliver a decided one: a message to the customer, or marked for post.
    Deliver,
    /// Annul the decision and its voucher (only without events).
    Annul,
    /// A later decision on the same voucher takes its place.
    Supersede,
}

impl DecisionStatus {
    const KNOWN: [DecisionStatus; 5] = [
        DecisionStatus::Draft,
        DecisionStatus::Decided,
        DecisionStatus::Delivered,
        DecisionStatus::Superseded,
        DecisionStatus::Annulled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Draft => "draft",
            DecisionStatus::Decided => "decided",
            DecisionStatus::Delivered => "delivered",
            DecisionStatus::Superseded => "superseded",
            DecisionStatus::Annulled => "annulled",
            DecisionStatus::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<DecisionStatus> {
        DecisionStatus::KNOWN.into_iter().find(|d| d.as_str() == s)
    }

    /// The state after `step`, or `None` when the model does not allow it from here.
    pub fn after(self, step: DecisionStep) -> Option<DecisionStatus> {
        use DecisionStatus::*;
        match (self, step) {
            (Draft, DecisionStep::Decide) => Some(Decided),
            (Decided, DecisionStep::Deliver) => Some(Delivered),
            (Decided | Delivered, DecisionStep::Annul) => Some(Annulled),
            (Decided | Delivered, DecisionStep::Supersede) => Some(Superseded),
            _ => None,
        }
    }
}

/// How a decision reached the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryChannel {
    /// A message queued to the customer (Suomi.fi Messages through the outbox).
    Message,
    /// Marked for printing and post.
    Post,
}

impl DeliveryChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryChannel::Message => "message",
            DeliveryChannel::Post => "post",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryChannel> {
        [DeliveryChannel::Message, DeliveryChannel::Post]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// Staff's finding on a service event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Checked,
    /// Disputed with a note; the producer sees it and answers.
    Disputed,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Checked => "checked",
            CheckStatus::Disputed => "disputed",
        }
    }

    pub fn parse(s: &str) -> Option<CheckStatus> {
        [CheckStatus::Checked, CheckStatus::Disputed]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// What a staff member looked at or changed, as the customer's access log says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffView {
    /// The customer card (vouchers, decisions, events, proxy, feedback).
    Card,
    /// The full identity code, revealed on request.
    IdentityCode,
    /// A decision document.
    Decision,
    /// The customer's service events in the checking list.
    Events,
    /// The customer appeared in a search result.
    Search,
    /// Changed the address or the non-disclosure flag.
    Contact,
    /// Recorded a need assessment.
    Assessment,
    /// Drafted, decided or delivered a voucher decision.
    DecisionChange,
    /// Ended or annulled a voucher.
    VoucherChange,
    /// Registered or ended the registered proxy.
    ProxyChange,
    /// Checked or disputed a service event.
    EventCheck,
    /// Read a resident's voucher application.
    Application,
    /// Took a step on a resident's voucher application (took, asked, rejected …).
    ApplicationChange,
}

impl StaffView {
    pub const ALL: [StaffView; 13] = [
        StaffView::Card,
        StaffView::IdentityCode,
        StaffView::Decision,
        StaffView::Events,
        StaffView::Search,
        StaffView::Contact,
        StaffView::Assessment,
        StaffView::DecisionChange,
        StaffView::VoucherChange,
        StaffView::ProxyChange,
        StaffView::EventCheck,
        StaffView::Application,
        StaffView::ApplicationChange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffView::Card => "card",
            StaffView::IdentityCode => "identity_code",
            StaffView::Decision => "decision",
            StaffView::Events => "events",
            StaffView::Search => "search",
            StaffView::Contact => "contact",
            StaffView::Assessment => "assessment",
            StaffView::DecisionChange => "decision_change",
            StaffView::VoucherChange => "voucher_change",
            StaffView::ProxyChange => "proxy_change",
            StaffView::EventCheck => "event_check",
            StaffView::Application => "application",
            StaffView::ApplicationChange => "application_change",
        }
    }

    pub fn parse(s: &str) -> Option<StaffView> {
        StaffView::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A decision's value as staff typed it: a value per unit (for an income-related service
/// computed instead, from the household), and either a number of units or a sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueRequest {
    pub unit_value: Option<Cents>,
    pub granted_units: Option<i64>,
    pub granted_sum: Option<Cents>,
    pub household: Option<Household>,
}

/// What a decision grants, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionTerms {
    pub unit_value: Cents,
    /// Units granted; `None` for a sum of money.
    pub granted_units: Option<i64>,
    /// The purchasing power granted: units × value, or the sum.
    pub granted: Cents,
    /// How an income-related value was reached.
    pub computation: Option<Computation>,
}

/// Checks a decision's value: with the organiser's income table for the service (`table`),
/// the value comes from the household and may not differ from it or exceed the table's
/// maximum; without one, staff give it. Exactly one of units and sum.
pub fn decision_terms(
    request: &ValueRequest,
    table: Option<&IncomeTable>,
) -> Result<DecisionTerms, FieldError> {
    use ErrorCode::{InvalidDecision, ValueAboveMaximum};
    let (unit_value, computation) = match (table, request.household) {
        (Some(table), Some(household)) => {
            let computation = income_related_value(table, household)
                .map_err(|_| refuse(InvalidDecision, "household"))?;
            match request.unit_value {
                Some(typed) if typed > table.full_value => {
                    return Err(refuse(ValueAboveMaximum, "unit_value_cents"))
                }
                Some(typed) if typed != computation.value => {
                    return Err(refuse(InvalidDecision, "unit_value_cents"))
                }
                _ => (computation.value, Some(computation)),
            }
        }
        (Some(table), None) => match request.unit_value {
            Some(typed) if typed > table.full_value => {
                return Err(refuse(ValueAboveMaximum, "unit_value_cents"))
            }
            _ => return Err(refuse(InvalidDecision, "household")),
        },
        (None, Some(_)) => return Err(refuse(InvalidDecision, "household")),
        (None, None) => match request.unit_value {
            Some(value) if value > MAX_UNIT_VALUE => {
                return Err(refuse(ValueAboveMaximum, "unit_value_cents"))
            }
            Some(value) if value > Cents::ZERO => (value, None),
            _ => return Err(refuse(InvalidDecision, "unit_value_cents")),
        },
    };
    let (granted_units, granted) = match (request.granted_units, request.granted_sum) {
        (Some(units), None) if (1..=MAX_GRANTED_UNITS).contains(&units) => {
            let granted = unit_value
                .get()
                .checked_mul(units)
                .filter(|g| *g <= MAX_GRANTED_SUM.get())
                .map(Cents::clamp)
                .ok_or(refuse(InvalidDecision, "granted_units"))?;
            (Some(units), granted)
        }
        (None, Some(sum)) if sum > Cents::ZERO && sum <= MAX_GRANTED_SUM => (None, sum),
        (None, Some(_)) => return Err(refuse(InvalidDecision, "granted_cents")),
        _ => return Err(refuse(InvalidDecision, "granted_units")),
    };
    Ok(DecisionTerms {
        unit_value,
        granted_units,
        granted,
        computation,
    })
}

/// Checks a validity: it may not end before it starts nor last over
/// [`MAX_VALIDITY_DAYS`]. `code` is the form's own error.
pub fn check_validity(from: Date, until: Date, code: ErrorCode) -> Result<(), FieldError> {
    if until < from || (until - from).whole_days() > MAX_VALIDITY_DAYS {
        return Err(refuse(code, "valid_until"));
    }
    Ok(())
}

/// Checks a free text of 1..=`max` characters (after trimming); `code` and `field` name it.
pub fn check_text(
    text: &str,
    max: usize,
    code: ErrorCode,
    field: &'static str,
) -> Result<(), FieldError> {
    let length = text.trim().chars().count();
    if length == 0 || length > max {
        return Err(refuse(code, field));
    }
    Ok(())
}

/// The new balance of a voucher whose granted purchasing power changes from `old_granted`
/// to `new_granted` by an amendment: what was used stays used.
pub fn amended_balance(
    old_granted: Cents,
    old_balance: Cents,
    new_granted: Cents,
) -> Result<Cents, FieldError> {
    let used = old_granted.get() - old_balance.get();
    let balance = new_granted.get() - used;
    if balance < 0 {
        return Err(refuse(ErrorCode::AmendBelowUsed, "granted_units"));
    }
    Ok(Cents::clamp(balance))
}

/// Checks the last day of a voucher ended early: not before today nor its start, and
/// before its current end.
pub fn check_early_end(
    end_on: Date,
    valid_from: Date,
    valid_until: Date,
    today: Date,
) -> Result<(), FieldError> {
    if end_on < today || end_on < valid_from || end_on >= valid_until {
        return Err(refuse(ErrorCode::InvalidDecision, "end_on"));
    }
    Ok(())
}

/// A decision's number: the year it was decided and its sequence in the organiser's year.
pub fn decision_number(year: i32, sequence: i64) -> String {
    format!("{year}-{sequence:05}")
}

/// A proxy registration as staff typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyRequest<'a> {
    pub proxy_hetu: &'a str,
    pub given_name: &'a str,
    pub family_name: &'a str,
    pub basis: ProxyBasis,
    pub justification: &'a str,
    pub scope: &'a [OnBehalfAction],
    pub evidence: &'a str,
    pub valid_from: Date,
    pub valid_until: Date,
}

/// Checks a registration for the customer whose code is `customer`: a valid code that is
/// not the customer's own, names, a justification for `other`, at least one scopable
/// action, a validity. Returns the proxy's parsed code.
pub fn check_proxy(request: &ProxyRequest<'_>, customer: &Hetu) -> Result<Hetu, FieldError> {
    use ErrorCode::InvalidProxy;
    let hetu =
        Hetu::parse(request.proxy_hetu.trim()).map_err(|_| refuse(InvalidProxy, "proxy_hetu"))?;
    if hetu.as_str() == customer.as_str() {
        return Err(refuse(ErrorCode::ProxyIsCustomer, "proxy_hetu"));
    }
    check_text(request.given_name, MAX_NAME, InvalidProxy, "given_name")?;
    check_text(request.family_name, MAX_NAME, InvalidProxy, "family_name")?;
    if request.basis == ProxyBasis::Other {
        check_text(
            request.justification,
            MAX_TEXT,
            InvalidProxy,
            "justification",
        )?;
    } else if request.justification.chars().count() > MAX_TEXT {
        return Err(refuse(InvalidProxy, "justification"));
    }
    if request.evidence.chars().count() > MAX_TEXT {
        return Err(refuse(InvalidProxy, "evidence"));
    }
    let scoped = request
        .scope
        .iter()
        .any(|action| OnBehalfAction::SCOPABLE.contains(action));
    if !scoped || request.scope.contains(&OnBehalfAction::Choose) {
        return Err(refuse(InvalidProxy, "scope"));
    }
    check_validity(request.valid_from, request.valid_until, InvalidProxy)?;
    Ok(hetu)
}

/// Checks staff's finding on an event: a dispute needs a note; any note at most
/// [`MAX_TEXT`] characters.
pub fn check_event_check(status: CheckStatus, note: &str) -> Result<(), FieldError> {
    let length = note.trim().chars().count();
    if length > MAX_TEXT || (status == CheckStatus::Disputed && length == 0) {
        return Err(refuse(ErrorCode::InvalidCheck, "note"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::income::IncomeRow;
    use time::macros::date;

    fn table() -> IncomeTable {
        IncomeTable {
            full_value: Cents::clamp(2500),
            minimum_value: Cents::clamp(1000),
            rows: vec![
                IncomeRow {
                    household_size: 1,
                    income_limit: Cents::clamp(52_800),
                    reduction_basis_points: 3500,
                },
                IncomeRow {
                    household_size: 2,
                    income_limit: Cents::clamp(97_400),
                    reduction_basis_points: 2200,
                },
            ],
            limit_step: Cents::clamp(38_000),
            reduction_step_basis_points: 100,
            units_per_month: 60,
            rounding: Cents::clamp(1),
        }
    }

    fn household(size: u32, income: i64) -> Option<Household> {
        Some(Household {
            size,
            gross_monthly_income: Cents::clamp(income),
        })
    }

    #[test]
    fn an_income_related_value_comes_from_the_table_and_shows_its_computation() {
        let terms = decision_terms(
            &ValueRequest {
                unit_value: None,
                granted_units: Some(60),
                granted_sum: None,
                household: household(1, 90_000),
            },
            Some(&table()),
        )
        .unwrap();
        // The ministry's example: 25 € − (900 € − 528 €) × 35 % / 60 = 22.83 €.
        assert_eq!(terms.unit_value, Cents::clamp(2283));
        assert_eq!(terms.granted, Cents::clamp(2283 * 60));
        assert_eq!(
            terms.computation.unwrap().excess_income,
            Cents::clamp(37_200)
        );
    }

    #[test]
    fn a_typed_value_above_the_maximum_or_unlike_the_computed_one_is_refused() {
        let request = |value| ValueRequest {
            unit_value: Some(Cents::clamp(value)),
            granted_units: Some(10),
            granted_sum: None,
            household: household(1, 10_000),
        };
        assert_eq!(
            decision_terms(&request(2600), Some(&table())),
            Err(refuse(ErrorCode::ValueAboveMaximum, "unit_value_cents"))
        );
        assert_eq!(
            decision_terms(&request(2000), Some(&table())),
            Err(refuse(ErrorCode::InvalidDecision, "unit_value_cents"))
        );
        assert!(decision_terms(&request(2500), Some(&table())).is_ok());
        let without_household = ValueRequest {
            household: None,
            ..request(2600)
        };
        assert_eq!(
            decision_terms(&without_household, Some(&table())).unwrap_err(),
            refuse(ErrorCode::ValueAboveMaximum, "unit_value_cents")
        );
        // Without the household, a value within the maximum still needs the household.
        for typed in [2000, 2500] {
            let no_household = ValueRequest {
                household: None,
                ..request(typed)
            };
            assert_eq!(
                decision_terms(&no_household, Some(&table())).unwrap_err(),
                refuse(ErrorCode::InvalidDecision, "household"),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_plain_value_needs_a_value_and_exactly_one_of_units_and_sum() {
        let plain = ValueRequest {
            unit_value: Some(Cents::clamp(3200)),
            granted_units: None,
            granted_sum: Some(Cents::clamp(50_000)),
            household: None,
        };
        let terms = decision_terms(&plain, None).unwrap();
        assert_eq!(
            (terms.granted_units, terms.granted),
            (None, Cents::clamp(50_000))
        );
        for (bad, field) in [
            (
                ValueRequest {
                    unit_value: None,
                    ..plain
                },
                "unit_value_cents",
            ),
            (
                ValueRequest {
                    granted_units: Some(3),
                    ..plain
                },
                "granted_units",
            ),
            (
                ValueRequest {
                    granted_sum: None,
                    ..plain
                },
                "granted_units",
            ),
            (
                ValueRequest {
                    granted_sum: Some(Cents::ZERO),
                    ..plain
                },
                "granted_cents",
            ),
            (
                ValueRequest {
                    household: household(2, 1),
                    ..plain
                },
                "household",
            ),
        ] {
            assert_eq!(decision_terms(&bad, None).unwrap_err().field, field);
        }
        let too_much = ValueRequest {
            unit_value: Some(MAX_UNIT_VALUE),
            granted_units: Some(MAX_GRANTED_UNITS),
            granted_sum: None,
            household: None,
        };
        assert_eq!(
            decision_terms(&too_much, None).unwrap_err().field,
            "granted_units"
        );
    }

    #[test]
    fn a_validity_may_not_end_before_it_starts_nor_last_over_three_years() {
        let code = ErrorCode::InvalidDecision;
        assert!(check_validity(date!(2026 - 12 - 01), date!(2026 - 12 - 01), code).is_ok());
        assert_eq!(
            check_validity(date!(2026 - 12 - 01), date!(2026 - 11 - 30), code)
                .unwrap_err()
                .field,
            "valid_until"
        );
        assert!(check_validity(date!(2026 - 01 - 01), date!(2030 - 01 - 01), code).is_err());
    }

    #[test]
    fn decisions_move_only_as_the_model_allows() {
        use DecisionStatus::*;
        use DecisionStep::*;
        assert_eq!(Draft.after(Decide), Some(Decided));
        assert_eq!(Decided.after(Deliver), Some(Delivered));
        assert_eq!(Delivered.after(Annul), Some(Annulled));
        assert_eq!(Decided.after(Supersede), Some(Superseded));
        for (from, step) in [
            (Draft, Deliver),
            (Draft, Annul),
            (Decided, Decide),
            (Delivered, Deliver),
            (Annulled, Decide),
            (Superseded, Annul),
            (Unknown, Decide),
        ] {
            assert_eq!(from.after(step), None, "{from:?} {step:?}");
        }
        for status in DecisionStatus::KNOWN {
            assert_eq!(DecisionStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn an_amendment_keeps_what_was_used_and_cannot_grant_less() {
        assert_eq!(
            amended_balance(
                Cents::clamp(32_000),
                Cents::clamp(28_800),
                Cents::clamp(64_000)
            ),
            Ok(Cents::clamp(60_800))
        );
        assert_eq!(
            amended_balance(
                Cents::clamp(32_000),
                Cents::clamp(28_800),
                Cents::clamp(3_000)
            )
            .unwrap_err()
            .code,
            ErrorCode::AmendBelowUsed
        );
    }

    #[test]
    fn a_voucher_ends_early_from_today_on_and_before_its_end() {
        let (from, until, today) = (
            date!(2026 - 01 - 01),
            date!(2026 - 12 - 31),
            date!(2026 - 11 - 21),
        );
        assert!(check_early_end(today, from, until, today).is_ok());
        for bad in [date!(2026 - 11 - 20), until, date!(2027 - 01 - 01)] {
            assert!(check_early_end(bad, from, until, today).is_err(), "{bad}");
        }
    }

    fn proxy<'a>(
        hetu: &'a str,
        basis: ProxyBasis,
        scope: &'a [OnBehalfAction],
    ) -> ProxyRequest<'a> {
        ProxyRequest {
            proxy_hetu: hetu,
            given_name: "Anni",
            family_name: "Kumpulainen",
            basis,
            justification: "",
            scope,
            evidence: "Valtakirja 1.11.2026",
            valid_from: date!(2026 - 11 - 21),
            valid_until: date!(2027 - 11 - 20),
        }
    }

    #[test]
    fn a_proxy_is_someone_else_with_a_basis_a_scope_and_a_validity() {
        let customer = Hetu::parse("140334-912M").unwrap();
        let scope = [OnBehalfAction::ViewVouchers];
        let ok = proxy("220784-926C", ProxyBasis::PowerOfAttorney, &scope);
        assert_eq!(check_proxy(&ok, &customer).unwrap().as_str(), "220784-926C");
        let cases = [
            (
                proxy("140334-912M", ProxyBasis::Guardian, &scope),
                "proxy_hetu",
                ErrorCode::ProxyIsCustomer,
            ),
            (
                proxy("220784-926X", ProxyBasis::Guardian, &scope),
                "proxy_hetu",
                ErrorCode::InvalidProxy,
            ),
            (
                proxy("220784-926C", ProxyBasis::Other, &scope),
                "justification",
                ErrorCode::InvalidProxy,
            ),
            (
                proxy("220784-926C", ProxyBasis::Guardian, &[]),
                "scope",
                ErrorCode::InvalidProxy,
            ),
            (
                proxy(
                    "220784-926C",
                    ProxyBasis::Guardian,
                    &[OnBehalfAction::Choose],
                ),
                "scope",
                ErrorCode::InvalidProxy,
            ),
            (
                ProxyRequest {
                    valid_until: date!(2026 - 11 - 20),
                    ..ok.clone()
                },
                "valid_until",
                ErrorCode::InvalidProxy,
            ),
            (
                ProxyRequest {
                    family_name: "  ",
                    ..ok.clone()
                },
                "family_name",
                ErrorCode::InvalidProxy,
            ),
        ];
        for (request, field, code) in cases {
            assert_eq!(
                check_proxy(&request, &customer),
                Err(refuse(code, field)),
                "{field}"
            );
        }
    }

    #[test]
    fn a_dispute_needs_a_note() {
        assert!(check_event_check(CheckStatus::Checked, "").is_ok());
        assert!(check_event_check(CheckStatus::Disputed, " ").is_err());
        assert!(check_event_check(CheckStatus::Disputed, "Asiakas oli sairaalassa").is_ok());
        assert!(check_event_check(CheckStatus::Checked, &"x".repeat(2001)).is_err());
    }

    #[test]
    fn decision_numbers_are_year_and_sequence() {
        assert_eq!(decision_number(2026, 7), "2026-00007");
    }

    #[test]
    fn every_stored_name_parses_back_and_is_the_wire_name() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + Serialize>(
            all: &[T],
            name: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            for &value in all {
                assert_eq!(parse(name(value)), Some(value));
                assert_eq!(serde_json::to_value(value).unwrap(), name(value));
            }
            assert_eq!(parse("nonsense"), None);
        }
        check(
            &AssessmentOutcome::ALL,
            AssessmentOutcome::as_str,
            AssessmentOutcome::parse,
        );
        check(
            &DecisionStatus::KNOWN,
            DecisionStatus::as_str,
            DecisionStatus::parse,
        );
        check(
            &[DeliveryChannel::Message, DeliveryChannel::Post],
            DeliveryChannel::as_str,
            DeliveryChannel::parse,
        );
        check(
            &[CheckStatus::Checked, CheckStatus::Disputed],
            CheckStatus::as_str,
            CheckStatus::parse,
        );
        check(&StaffView::ALL, StaffView::as_str, StaffView::parse);
        check(&ProxyBasis::ALL, ProxyBasis::as_str, ProxyBasis::parse);
    }

    #[test]
    fn the_bounds_themselves_are_allowed() {
        let t = table();
        // A household under the limit gets the full value, which staff may also type.
        let full = ValueRequest {
            unit_value: Some(t.full_value),
            granted_units: Some(MAX_GRANTED_UNITS),
            granted_sum: None,
            household: household(1, 10_000),
        };
        assert_eq!(
            decision_terms(&full, Some(&t)).unwrap().unit_value,
            t.full_value
        );
        let plain = |value: i64, units: i64| ValueRequest {
            unit_value: Some(Cents::clamp(value)),
            granted_units: Some(units),
            granted_sum: None,
            household: None,
        };
        assert!(decision_terms(&plain(MAX_UNIT_VALUE.get(), 100), None).is_ok());
        assert_eq!(
            decision_terms(&plain(MAX_UNIT_VALUE.get() + 1, 1), None).unwrap_err(),
            refuse(ErrorCode::ValueAboveMaximum, "unit_value_cents")
        );
        assert_eq!(
            decision_terms(&plain(0, 1), None).unwrap_err().field,
            "unit_value_cents"
        );
        assert!(decision_terms(&plain(1, 1), None).is_ok());
        assert_eq!(
            decision_terms(&plain(100, 0), None).unwrap_err().field,
            "granted_units"
        );
        assert_eq!(
            decision_terms(&plain(100, MAX_GRANTED_UNITS + 1), None)
                .unwrap_err()
                .field,
            "granted_units"
        );
        let code = ErrorCode::InvalidDecision;
        let from = date!(2026 - 01 - 01);
        let longest = from + time::Duration::days(MAX_VALIDITY_DAYS);
        assert!(check_validity(from, longest, code).is_ok());
        assert!(check_validity(from, longest + time::Duration::days(1), code).is_err());
        // Three calendar years, the longest a decision is usually given for, fit.
        assert!(check_validity(from, date!(2028 - 12 - 31), code).is_ok());
        let field = "summary";
        assert!(check_text(&"a".repeat(MAX_TEXT), MAX_TEXT, code, field).is_ok());
        assert!(check_text(&"a".repeat(MAX_TEXT + 1), MAX_TEXT, code, field).is_err());
        assert!(check_text("a", 1, code, field).is_ok());
        assert_eq!(
            amended_balance(Cents::clamp(1000), Cents::clamp(400), Cents::clamp(600)),
            Ok(Cents::ZERO)
        );
        // A voucher may end on its first day, if that is today.
        let (start, end) = (date!(2026 - 11 - 21), date!(2026 - 12 - 31));
        assert!(check_early_end(start, start, end, start).is_ok());
        assert!(check_early_end(start, date!(2026 - 11 - 22), end, start).is_err());
        assert!(check_event_check(CheckStatus::Checked, &"x".repeat(MAX_TEXT)).is_ok());
    }

    #[test]
    fn a_justification_or_evidence_longer_than_the_limit_is_refused_whatever_the_basis() {
        let customer = Hetu::parse("140334-912M").unwrap();
        let scope = [OnBehalfAction::ViewVouchers];
        let long = "x".repeat(MAX_TEXT + 1);
        let exact = "x".repeat(MAX_TEXT);
        let with = |justification: &'static str, evidence: &'static str| ProxyRequest {
            justification,
            evidence,
            ..proxy("220784-926C", ProxyBasis::Guardian, &scope)
        };
        let long: &'static str = Box::leak(long.into_boxed_str());
        let exact: &'static str = Box::leak(exact.into_boxed_str());
        assert_eq!(
            check_proxy(&with(long, ""), &customer).unwrap_err().field,
            "justification"
        );
        assert_eq!(
            check_proxy(&with("", long), &customer).unwrap_err().field,
            "evidence"
        );
        assert!(check_proxy(&with(exact, exact), &customer).is_ok());
    }
}
