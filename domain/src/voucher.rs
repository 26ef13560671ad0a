//! Vouchers, the shares of a service event, and what customers may write: feedback and
//! satisfaction surveys.

use crate::money::Cents;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a voucher number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoucherNumberError {
    #[error("a voucher number is 12 digits, e.g. 4821 9930 1177")]
    Format,
    #[error("the voucher number has a typing error (its check digit does not match)")]
    Checksum,
}

/// A voucher's number: 11 digits and a Luhn check digit, so that most typing errors are
/// caught before anything is looked up. Shown in groups of four.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VoucherNumber(String);

fn luhn_check_digit(body: &[u8]) -> u8 {
    // Luhn: from the right, double every second digit of the body (the first one doubled
    // is the one next to the check digit).
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 {
                    doubled - 9
                } else {
                    doubled
                }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl VoucherNumber {
    /// Parses a number as people type it: spaces and hyphens between digits are ignored.
    pub fn parse(input: &str) -> Result<Self, VoucherNumberError> {
        let digits: Vec<u8> = input
            .chars()
            .filter(|c| *c != ' ' && *c != '-')
            .map(|c| {
                c.to_digit(10)
                    .map(|d| d as u8)
                    .ok_or(VoucherNumberError::Format)
            })
            .collect::<Result<_, _>>()?;
        if digits.len() != 12 {
            return Err(VoucherNumberError::Format);
        }
        if luhn_check_digit(&digits[..11]) != digits[11] {
            return Err(VoucherNumberError::Checksum);
        }
        Ok(Self(digits.iter().map(|d| char::from(b'0' + d)).collect()))
    }

    /// The number for an 11-digit body (`0..10^11`), with its check digit.
    pub fn from_body(body: u64) -> Option<Self> {
        if body >= 100_000_000_000 {
            return None;
        }
        let text = format!("{body:011}");
        let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
        Some(Self(format!("{text}{}", luhn_check_digit(&digits))))
    }

    /// The 12 digits without spaces, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `4821 9930 1177`.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl TryFrom<String> for VoucherNumber {
    type Error = VoucherNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<VoucherNumber> for String {
    fn from(value: VoucherNumber) -> Self {
        value.0
    }
}

impl fmt::Display for VoucherNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

/// What one service event costs and who pays: the voucher covers up to its value per unit,
/// the customer pays the rest. `units_x100` is hundredths of a unit (150 = 1.5 hours).
/// Amounts round half up to whole cents, and the two shares always add up to the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventShares {
    pub total: Cents,
    pub voucher_share: Cents,
    pub own_share: Cents,
}

/// The shares of an event of `units_x100` hundredth units at `unit_price`, under a voucher
/// worth `unit_value` per unit. `None` if the amount would exceed [`Cents::MAX`].
pub fn event_shares(unit_price: Cents, unit_value: Cents, units_x100: i64) -> Option<EventShares> {
    let times = |per_unit: Cents| -> Option<Cents> {
        let hundredths = per_unit.get().checked_mul(units_x100)?;
        Cents::new(hundredths.checked_add(50)? / 100).ok()
    };
    let total = times(unit_price)?;
    let voucher_share = times(unit_price.min(unit_value))?;
    Some(EventShares {
        total,
        voucher_share,
        own_share: total.saturating_sub(voucher_share),
    })
}

/// Longest feedback or reply, in characters.
pub const FEEDBACK_MAX_CHARS: usize = 2000;
/// Longest survey comment, in characters.
pub const SURVEY_COMMENT_MAX_CHARS: usize = 1000;

/// Why a text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the text is empty")]
    Empty,
    #[error("the text is too long")]
    TooLong,
}

/// Feedback or a reply: trimmed, 1–2000 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackText(String);

impl FeedbackText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        let text = input.trim();
        if text.is_empty() {
            Err(TextError::Empty)
        } else if text.chars().count() > FEEDBACK_MAX_CHARS {
            Err(TextError::TooLong)
        } else {
            Ok(Self(text.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A survey score from 1 (very poor) to 5 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl TryFrom<u8> for Score {
    type Error = &'static str;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        if (1..=5).contains(&value) {
            Ok(Score(value))
        } else {
            Err("a score is 1 to 5")
        }
    }
}

impl From<Score> for u8 {
    fn from(value: Score) -> Self {
        value.0
    }
}

/// The survey's questions, in the order the form asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyQuestion {
    Overall,
    Punctuality,
    Staff,
    Information,
}

impl SurveyQuestion {
    pub const ALL: [SurveyQuestion; 4] = [
        SurveyQuestion::Overall,
        SurveyQuestion::Punctuality,
        SurveyQuestion::Staff,
        SurveyQuestion::Information,
    ];
}

/// The calendar month (`YYYY-MM`) a survey answer counts for: one answer per voucher and
/// producer per month.
pub fn survey_period(today: time::Date) -> String {
    format!("{:04}-{:02}", today.year(), u8::from(today.month()))
}

/// A producer's customer satisfaction: the mean of the surveys' overall score (1–5) over the
/// last 12 months, in tenths (42 = 4.2), and how many answers it rests on. Published only
/// from [`SATISFACTION_MIN_ANSWERS`] answers on, so that no one customer's answer can be
/// read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Satisfaction {
    pub average_x10: i64,
    pub answers: i64,
}

/// The fewest answers a published satisfaction figure rests on.
pub const SATISFACTION_MIN_ANSWERS: i64 = 5;

impl Satisfaction {
    /// The figure, if there are enough answers and the mean is a real score.
    pub fn publishable(average_x10: Option<i64>, answers: i64) -> Option<Satisfaction> {
        let average_x10 = average_x10?;
        (answers >= SATISFACTION_MIN_ANSWERS && (10..=50).contains(&average_x10)).then_some(
            Satisfaction {
                average_x10,
                answers,
            },
        )
    }
}

/// The first survey period (`YYYY-MM`) in the 12 months that end with `today`'s month.
pub fn satisfaction_since(today: time::Date) -> String {
    let (year, month) = (today.year(), u8::from(today.month()));
    if month == 12 {
        format!("{year:04}-01")
    } else {
        format!("{:04}-{:02}", year - 1, month + 1)
    }
}

/// A voucher's state, as the API sends it (`active`, `ended`, `cancelled`). A value this
/// build does not know (a newer edge than a statically hosted app) reads as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoucherStatus {
    Active,
    Ended,
    Cancelled,
    #[serde(other)]
    Unknown,
}

impl VoucherStatus {
    /// The status a person is shown on `today`: an active voucher whose validity ended
    /// before `today` has ended, whatever its stored status says.
    pub fn as_of(self, valid_until: time::Date, today: time::Date) -> VoucherStatus {
        if self == VoucherStatus::Active && valid_until < today {
            VoucherStatus::Ended
        } else {
            self
        }
    }

    /// The name on the wire and in `data-status` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            VoucherStatus::Active => "active",
            VoucherStatus::Ended => "ended",
            VoucherStatus::Cancelled => "cancelled",
            VoucherStatus::Unknown => "unknown",
        }
    }
}

/// A service event's state: `recorded`, or `cancelled` (by the producer, or replaced by a
/// correction); the event itself is never deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Recorded,
    Cancelled,
    #[serde(other)]
    Unknown,
}

impl EventStatus {
    /// The name on the wire and in `data-status` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Recorded => "recorded",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn statuses_travel_as_their_names_and_unknown_ones_do_not_fail() {
        for status in [
            VoucherStatus::Active,
            VoucherStatus::Ended,
            VoucherStatus::Cancelled,
        ] {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(json, status.as_str());
            assert_eq!(
                serde_json::from_value::<VoucherStatus>(json).unwrap(),
                status
            );
        }
        for status in [EventStatus::Recorded, EventStatus::Cancelled] {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
        }
        let paused: VoucherStatus = serde_json::from_str("\"paused\"").unwrap();
        assert_eq!(paused, VoucherStatus::Unknown);
    }

    #[test]
    fn an_active_voucher_past_its_validity_has_ended() {
        let active = VoucherStatus::Active;
        assert_eq!(
            active.as_of(date!(2026 - 11 - 20), date!(2026 - 11 - 21)),
            VoucherStatus::Ended
        );
        assert_eq!(
            active.as_of(date!(2026 - 11 - 21), date!(2026 - 11 - 21)),
            VoucherStatus::Active
        );
        assert_eq!(
            VoucherStatus::Cancelled.as_of(date!(2026 - 01 - 01), date!(2026 - 11 - 21)),
            VoucherStatus::Cancelled
        );
    }

    use proptest::prelude::*;

    #[test]
    fn satisfaction_is_published_from_five_answers_over_twelve_months() {
        assert_eq!(Satisfaction::publishable(Some(42), 4), None);
        assert_eq!(
            Satisfaction::publishable(Some(42), 5),
            Some(Satisfaction {
                average_x10: 42,
                answers: 5
            })
        );
        assert_eq!(Satisfaction::publishable(None, 9), None);
        assert_eq!(Satisfaction::publishable(Some(51), 9), None);
        assert_eq!(satisfaction_since(date!(2026 - 11 - 21)), "2025-12");
        assert_eq!(satisfaction_since(date!(2026 - 12 - 01)), "2026-01");
        assert_eq!(satisfaction_since(date!(2027 - 01 - 31)), "2026-02");
    }

    fn cents(c: i64) -> Cents {
        Cents::new(c).unwrap()
    }

    #[test]
    fn voucher_numbers_are_typed_with_or_without_spaces() {
        let n = VoucherNumber::from_body(48_219_930_117).unwrap();
        assert_eq!(VoucherNumber::parse(&n.grouped()), Ok(n.clone()));
        assert_eq!(
            VoucherNumber::parse(&n.grouped().replace(' ', "-")),
            Ok(n.clone())
        );
        assert_eq!(n.as_str().len(), 12);
    }

    #[test]
    fn a_mistyped_voucher_number_is_caught() {
        let n = VoucherNumber::from_body(48_219_930_117).unwrap();
        let mut wrong = n.as_str().to_owned().into_bytes();
        wrong[3] = if wrong[3] == b'9' { b'0' } else { wrong[3] + 1 };
        let wrong = String::from_utf8(wrong).unwrap();
        assert_eq!(
            VoucherNumber::parse(&wrong),
            Err(VoucherNumberError::Checksum)
        );
        assert_eq!(
            VoucherNumber::parse("1234"),
            Err(VoucherNumberError::Format)
        );
        assert_eq!(
            VoucherNumber::parse("abcd efgh ijkl"),
            Err(VoucherNumberError::Format)
        );
    }

    #[test]
    fn the_voucher_covers_up_to_its_value_and_the_customer_pays_the_rest() {
        let s = event_shares(cents(3600), cents(3200), 150).unwrap();
        assert_eq!(
            (s.total, s.voucher_share, s.own_share),
            (cents(5400), cents(4800), cents(600))
        );
        let cheap = event_shares(cents(3000), cents(3200), 200).unwrap();
        assert_eq!(
            (cheap.voucher_share, cheap.own_share),
            (cents(6000), Cents::ZERO)
        );
    }

    #[test]
    fn feedback_is_trimmed_and_limited() {
        assert_eq!(
            FeedbackText::parse("  Kiitos!  ").unwrap().as_str(),
            "Kiitos!"
        );
        assert_eq!(FeedbackText::parse("   "), Err(TextError::Empty));
        assert_eq!(
            FeedbackText::parse(&"ä".repeat(2001)),
            Err(TextError::TooLong)
        );
        assert!(FeedbackText::parse(&"ä".repeat(2000)).is_ok());
    }

    #[test]
    fn scores_are_one_to_five() {
        assert!(Score::try_from(0).is_err());
        assert!(Score::try_from(6).is_err());
        assert_eq!(u8::from(Score::try_from(5).unwrap()), 5);
        assert!(serde_json::from_str::<Score>("7").is_err());
    }

    #[test]
    fn a_survey_period_is_the_month() {
        assert_eq!(survey_period(date!(2026 - 11 - 21)), "2026-11");
    }

    proptest! {
        #[test]
        fn shares_always_add_up_to_the_total(price in 0i64..100_000, value in 0i64..100_000, units in 1i64..10_000) {
            let s = event_shares(cents(price), cents(value), units).unwrap();
            prop_assert_eq!(s.voucher_share.get() + s.own_share.get(), s.total.get());
            prop_assert!(s.voucher_share.get() <= s.total.get());
        }

        #[test]
        fn every_generated_voucher_number_parses_back(body in 0u64..100_000_000_000) {
            let n = VoucherNumber::from_body(body).unwrap();
            prop_assert_eq!(VoucherNumber::parse(n.as_str()), Ok(n.clone()));
        }
    }
}
