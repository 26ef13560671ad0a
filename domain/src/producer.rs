//! The rules for producers: who may act for a producer company (trade-register roles or the
//! service-voucher mandate issue), what a service event must be, how long it can be
//! corrected, how a price change is dated, and how many wrong voucher numbers one person may
//! try. No I/O: the edge applies these and the app uses them to check forms early.

use crate::mandates::ISSUE_VOUCHER_MATTERS;
use time::{Date, Duration};

/// Trade-register roles (kaupparekisteri) that may act for the company in Seteli: managing
/// director, chair, board member, signatory (nimenkirjoittaja), and isännöitsijä.
pub const COMPANY_ROLES: [&str; 5] = ["TJ", "PJ", "J", "NIMKO", "IS"];

/// Whether a person with `roles` in a company (as Valtuudet's `organizationRoles` lists
/// them: trade-register codes or mandate issue URIs) may act for it in Seteli.
pub fn may_act_for_company(roles: &[String]) -> bool {
    roles
        .iter()
        .any(|role| COMPANY_ROLES.contains(&role.as_str()) || role == ISSUE_VOUCHER_MATTERS)
}

/// Trade-register roles that may change the company's prices: those who can bind the
/// company commercially (managing director, chair, signatory, isännöitsijä). Board members
/// alone and holders of the service-voucher mandate log visits but do not set prices.
pub const PRICE_ROLES: [&str; 4] = ["TJ", "PJ", "NIMKO", "IS"];

/// Whether a person with `roles` in a company may change its prices in Seteli.
pub fn may_set_prices(roles: &[String]) -> bool {
    roles
        .iter()
        .any(|role| PRICE_ROLES.contains(&role.as_str()))
}

/// How long a choice of company lasts (seconds). After it the person chooses the company
/// again through Valtuudet `ypa`, so that a role that has ended stops within this time.
pub const COMPANY_CHOICE_SECS: i64 = 30 * 60;

/// Whether a company chosen at `chosen_at` (Unix seconds) may still be acted for at `now`.
pub fn company_choice_valid(chosen_at: i64, now: i64) -> bool {
    now >= chosen_at && now - chosen_at < COMPANY_CHOICE_SECS
}

/// An event can be corrected or cancelled for this many days after it was logged.
pub const CORRECTION_DAYS: i64 = 14;

/// Whether an event logged on `logged_on` can still be corrected or cancelled on `today`.
/// For a correction, `logged_on` is the day the original event was logged: correcting a
/// correction does not extend the window.
pub fn correctable(logged_on: Date, today: Date) -> bool {
    today >= logged_on && today - logged_on <= Duration::days(CORRECTION_DAYS)
}

/// Wrong voucher numbers one person may enter within [`LOOKUP_WINDOW_SECS`] before further
/// tries are refused until the window has passed (a guard against guessing).
pub const LOOKUP_FAILURES_ALLOWED: i64 = 5;
/// The guard's window, in seconds.
pub const LOOKUP_WINDOW_SECS: i64 = 15 * 60;

/// Most units one event may record (hundredths: 2400 = 24 hours or visits).
pub const MAX_EVENT_UNITS_X100: i64 = 2400;
/// Longest description of an event, in characters.
pub const EVENT_DESCRIPTION_MAX_CHARS: usize = 500;

/// Why a service event is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("the date is in the future")]
    InFuture,
    #[error("the date is outside the voucher's validity")]
    OutsideValidity,
    #[error("the units must be more than 0 and at most 24")]
    Units,
    #[error("the description must be 1-500 characters")]
    Description,
}

/// Checks an event against its voucher: the date inside the voucher's validity and not
/// after `today`, units within (0, 24], a description of 1–500 characters.
pub fn check_event(
    service_date: Date,
    units_x100: i64,
    description: &str,
    valid: (Date, Date),
    today: Date,
) -> Result<(), EventError> {
    if service_date > today {
        return Err(EventError::InFuture);
    }
    if service_date < valid.0 || service_date > valid.1 {
        return Err(EventError::OutsideValidity);
    }
    if units_x100 <= 0 || units_x100 > MAX_EVENT_UNITS_X100 {
        return Err(EventError::Units);
    }
    let chars = description.trim().chars().count();
    if chars == 0 || chars > EVENT_DESCRIPTION_MAX_CHARS {
        return Err(EventError::Description);
    }
    Ok(())
}

/// A price change takes effect on a later day: from tomorrow at the earliest, so that the
/// price of today's events never changes under them.
pub fn valid_price_start(valid_from: Date, today: Date) -> bool {
    valid_from > today
}

/// An idempotency key: 8–64 characters of letters, digits and `-` (a UUID fits).
pub fn valid_idempotency_key(key: &str) -> bool {
    (8..=64).contains(&key.len()) && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn board_roles_and_the_voucher_mandate_may_act_for_the_company() {
        for role in ["TJ", "PJ", "J", "NIMKO", "IS", ISSUE_VOUCHER_MATTERS] {
            assert!(may_act_for_company(&[role.to_owned()]), "{role}");
        }
        assert!(!may_act_for_company(&["TIL".to_owned()]));
        assert!(!may_act_for_company(&[]));
        assert!(may_act_for_company(&["TIL".into(), "J".into()]));
    }

    #[test]
    fn only_those_who_bind_the_company_may_set_prices() {
        for role in ["TJ", "PJ", "NIMKO", "IS"] {
            assert!(may_set_prices(&[role.to_owned()]), "{role}");
        }
        for role in ["J", "TIL", ISSUE_VOUCHER_MATTERS, ""] {
            assert!(!may_set_prices(&[role.to_owned()]), "{role}");
        }
        assert!(!may_set_prices(&[]));
        assert!(may_set_prices(&["J".into(), "NIMKO".into()]));
    }

    #[test]
    fn a_company_choice_lasts_thirty_minutes() {
        assert!(company_choice_valid(1000, 1000));
        assert!(company_choice_valid(1000, 1000 + 30 * 60 - 1));
        assert!(!company_choice_valid(1000, 1000 + 30 * 60));
        // A choice dated in the future (a clock gone wrong) grants nothing.
        assert!(!company_choice_valid(1000, 999));
    }

    #[test]
    fn events_are_inside_validity_and_not_in_the_future() {
        let valid = (date!(2026 - 01 - 01), date!(2026 - 12 - 31));
        let today = date!(2026 - 11 - 21);
        assert!(check_event(today, 150, "Aamukäynti", valid, today).is_ok());
        assert_eq!(
            check_event(date!(2026 - 11 - 22), 100, "x", valid, today),
            Err(EventError::InFuture)
        );
        assert_eq!(
            check_event(date!(2025 - 12 - 31), 100, "x", valid, today),
            Err(EventError::OutsideValidity)
        );
        assert_eq!(
            check_event(today, 0, "x", valid, today),
            Err(EventError::Units)
        );
        assert_eq!(
            check_event(today, 2401, "x", valid, today),
            Err(EventError::Units)
        );
        assert_eq!(
            check_event(today, 100, "  ", valid, today),
            Err(EventError::Description)
        );
    }

    #[test]
    fn corrections_are_possible_for_fourteen_days() {
        let logged = date!(2026 - 11 - 01);
        assert!(correctable(logged, date!(2026 - 11 - 15)));
        assert!(!correctable(logged, date!(2026 - 11 - 16)));
        assert!(!correctable(logged, date!(2026 - 10 - 31)));
    }

    #[test]
    fn prices_change_from_tomorrow_at_the_earliest() {
        let today = date!(2026 - 11 - 21);
        assert!(valid_price_start(date!(2026 - 12 - 01), today));
        assert!(!valid_price_start(today, today));
    }

    #[test]
    fn idempotency_keys_are_uuid_like() {
        assert!(valid_idempotency_key(
            "0b7c6c1e-2f43-4d5b-9b1a-2a4e1c7d9f00"
        ));
        assert!(!valid_idempotency_key("short"));
        assert!(!valid_idempotency_key("has space in it!"));
    }
}
