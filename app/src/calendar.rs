//! Dates and quantities as the producer's forms take them (ISO dates themselves are
//! `seteli_domain::clock`'s): the default days of the forms, and decimal units typed the Finnish or the
//! English way. Pure Rust, so it is tested natively.

use time::{Date, Duration, Month};

/// The day after `today`: the earliest day a new price can take effect.
pub fn tomorrow(today: Date) -> Date {
    today.next_day().unwrap_or(today)
}

/// The first day of the month after `today`: when a price change usually takes effect.
pub fn first_of_next_month(today: Date) -> Date {
    let (year, month) = match today.month() {
        Month::December => (today.year() + 1, Month::January),
        month => (today.year(), month.next()),
    };
    Date::from_calendar_date(year, month, 1).unwrap_or_else(|_| today + Duration::days(1))
}

/// Units typed as a decimal number (`1,5`, `1.5`, `2`, `0,25`) in hundredths (150). `None`
/// for anything else: no sign, at most two decimals, one separator.
pub fn parse_units(input: &str) -> Option<i64> {
    let s = input.trim();
    let (whole, frac) = match s.split_once([',', '.']) {
        Some((whole, frac)) => (whole, frac),
        None => (s, ""),
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 6 || frac.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    if s.contains([',', '.']) && frac.is_empty() {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    Some(whole * 100 + frac)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn units_are_typed_with_a_comma_or_a_point() {
        assert_eq!(parse_units("1,5"), Some(150));
        assert_eq!(parse_units("1.5"), Some(150));
        assert_eq!(parse_units(" 2 "), Some(200));
        assert_eq!(parse_units("0,25"), Some(25));
        assert_eq!(parse_units("1,05"), Some(105));
        for bad in [
            "", ",5", "1,", "1,555", "-1", "1.2.3", "abc", "1 5", "9999999",
        ] {
            assert_eq!(parse_units(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_price_change_defaults_to_the_first_of_next_month() {
        assert_eq!(
            first_of_next_month(date!(2026 - 11 - 21)),
            date!(2026 - 12 - 01)
        );
        assert_eq!(
            first_of_next_month(date!(2026 - 12 - 31)),
            date!(2027 - 01 - 01)
        );
        assert_eq!(
            first_of_next_month(date!(2026 - 01 - 01)),
            date!(2026 - 02 - 01)
        );
        assert_eq!(tomorrow(date!(2026 - 12 - 31)), date!(2027 - 01 - 01));
    }
}
