//! Time as the voucher system sees it. Dates that matter to people — when a price becomes
//! valid, when a voucher ends — are calendar dates in Finland, so "today" is computed in
//! Finnish time (EET, EEST in summer) from an instant the caller supplies: the edge passes
//! the real clock, tests pass a fixed one.

use time::{Date, Duration, Month, OffsetDateTime, Weekday};

/// The calendar date in Finland at the instant `now`.
pub fn finnish_date(now: OffsetDateTime) -> Date {
    let utc = now.to_offset(time::UtcOffset::UTC);
    let offset_hours = if is_eu_summer_time(utc) { 3 } else { 2 };
    (utc + Duration::hours(offset_hours)).date()
}

/// EU summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October.
fn is_eu_summer_time(utc: OffsetDateTime) -> bool {
    let year = utc.year();
    let (Some(start), Some(end)) = (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) else {
        return false;
    };
    let start = start.with_hms(1, 0, 0).map(|t| t.assume_utc());
    let end = end.with_hms(1, 0, 0).map(|t| t.assume_utc());
    match (start, end) {
        (Ok(start), Ok(end)) => utc >= start && utc < end,
        _ => false,
    }
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut day = Date::from_calendar_date(year, month, 31).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

/// A date as `YYYY-MM-DD`, the form the database stores.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_finland() {
        assert_eq!(
            iso_date(finnish_date(datetime!(2026-11-30 22:30 UTC))),
            "2026-12-01"
        );
        assert_eq!(
            iso_date(finnish_date(datetime!(2026-11-30 21:59 UTC))),
            "2026-11-30"
        );
    }

    #[test]
    fn summer_time_moves_midnight_an_hour_earlier() {
        assert_eq!(
            iso_date(finnish_date(datetime!(2026-06-30 21:00 UTC))),
            "2026-07-01"
        );
        assert_eq!(
            iso_date(finnish_date(datetime!(2026-06-30 20:59 UTC))),
            "2026-06-30"
        );
    }

    #[test]
    fn summer_time_boundaries_follow_the_eu_rule() {
        // 2026: summer time starts 29 March and ends 25 October, at 01:00 UTC.
        assert!(!is_eu_summer_time(datetime!(2026-03-29 00:59 UTC)));
        assert!(is_eu_summer_time(datetime!(2026-03-29 01:00 UTC)));
        assert!(is_eu_summer_time(datetime!(2026-10-25 00:59 UTC)));
        assert!(!is_eu_summer_time(datetime!(2026-10-25 01:00 UTC)));
    }
}
