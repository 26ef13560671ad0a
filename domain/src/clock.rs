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

/// A date from exactly `YYYY-MM-DD` (what a date input gives, the API sends and the database
/// stores); `None` for anything else. Written out rather than through `time`'s format
/// machinery, which the browser would otherwise have to download.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = digits(&text[0..4])?.try_into().ok()?;
    let month = Month::try_from(u8::try_from(digits(&text[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&text[8..10])?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// An instant as RFC 3339 in UTC, `2026-11-21T10:00:00Z`, with milliseconds only when it
/// has them: the form `created_at` columns hold and the API sends.
pub fn rfc3339(at: OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    let millis = utc.millisecond();
    let fraction = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    format!(
        "{}T{:02}:{:02}:{:02}{fraction}Z",
        iso_date(utc.date()),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// An instant from RFC 3339 (`2026-11-21T10:00:00Z`, with or without a fraction of a second,
/// `Z` or an offset such as `+02:00`); `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<OffsetDateTime> {
    let (date, rest) = text.split_once(['T', 't'])?;
    let date = parse_iso_date(date)?;
    let b = rest.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let hour = u8::try_from(digits(&rest[0..2])?).ok()?;
    let minute = u8::try_from(digits(&rest[3..5])?).ok()?;
    let second = u8::try_from(digits(&rest[6..8])?).ok()?;
    let mut rest = &rest[8..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if end == 0 || end > 9 {
            return None;
        }
        let value = u32::try_from(digits(&fraction[..end])?).ok()?;
        nanos = value * 10u32.pow(9 - u32::try_from(end).ok()?);
        rest = &fraction[end..];
    }
    let offset = match rest {
        "Z" | "z" => time::UtcOffset::UTC,
        _ => {
            let sign: i8 = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let hours = i8::try_from(digits(&rest[1..3])?).ok()?;
            let minutes = i8::try_from(digits(&rest[4..6])?).ok()?;
            time::UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?
        }
    };
    let time = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(date.with_time(time).assume_offset(offset))
}

/// The value of a run of ASCII digits, nothing else.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A serde helper for a type written as text by `$write` and read by `$read` (`None`:
/// refused with `$what`), with `option` for `Option` of it (`null` is `None`).
macro_rules! wire_text {
    ($(#[$doc:meta])* $name:ident, $ty:ty, $write:path, $read:path, $what:literal) => {
        $(#[$doc])*
        pub mod $name {
            use serde::{de::Error, Deserialize, Deserializer, Serializer};

            pub fn serialize<S: Serializer>(value: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&$write(*value))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let text = String::deserialize(d)?;
                $read(&text).ok_or_else(|| D::Error::custom($what))
            }

            /// The same for an `Option`: `null` (or an absent field with `#[serde(default)]`)
            /// is `None`.
            pub mod option {
                use serde::{de::Error, Deserialize, Deserializer, Serializer};

                pub fn serialize<S: Serializer>(value: &Option<$ty>, s: S) -> Result<S::Ok, S::Error> {
                    match value {
                        Some(value) => super::serialize(value, s),
                        None => s.serialize_none(),
                    }
                }

                pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$ty>, D::Error> {
                    Option::<String>::deserialize(d)?
                        .map(|text| $read(&text).ok_or_else(|| D::Error::custom($what)))
                        .transpose()
                }
            }
        }
    };
}

wire_text! {
    /// `#[serde(with = "seteli_domain::clock::wire_date")]`: a [`Date`] as `YYYY-MM-DD` on the
    /// wire and in rows. The one serde helper for dates.
    wire_date, time::Date, crate::clock::iso_date, crate::clock::parse_iso_date, "a date YYYY-MM-DD"
}

wire_text! {
    /// `#[serde(with = "seteli_domain::clock::wire_time")]`: an [`OffsetDateTime`] as RFC 3339
    /// in UTC ([`rfc3339`]) on the wire and in rows. The one serde helper for instants.
    wire_time, time::OffsetDateTime, crate::clock::rfc3339, crate::clock::parse_rfc3339, "an RFC 3339 time"
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_are_read_only_as_yyyy_mm_dd() {
        assert_eq!(
            parse_iso_date("2026-11-21"),
            Some(time::macros::date!(2026 - 11 - 21))
        );
        for bad in [
            "",
            "2026-11-1",
            "2026-13-01",
            "2026-02-30",
            "26-11-21",
            "2026/11/21",
            "2026-11/21",
            "2026/11-21",
            " 2026-11-21",
            "+026-11-21",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn instants_round_trip_as_utc_rfc3339() {
        for text in [
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:00:00.120Z",
            "1999-12-31T23:59:59.001Z",
        ] {
            let at = parse_rfc3339(text).unwrap();
            assert_eq!(rfc3339(at), text);
        }
        for (text, utc) in [
            ("2026-11-21T00:30:00+02:00", "2026-11-20T22:30:00Z"),
            ("2026-11-20T22:30:00-02:00", "2026-11-21T00:30:00Z"),
            ("2026-11-20T10:00:00.5Z", "2026-11-20T10:00:00.500Z"),
            // Nine digits of a second is the most RFC 3339 instants carry here.
            ("2026-11-20T10:00:00.123456789Z", "2026-11-20T10:00:00.123Z"),
        ] {
            assert_eq!(
                parse_rfc3339(text).map(rfc3339).as_deref(),
                Some(utc),
                "{text}"
            );
        }
        for bad in [
            "",
            "2026-11-20",
            "2026-11-20T10:0",
            "2026-11-20T10:00Z",
            "2026-11-20T10-00:00Z",
            "2026-11-20T10:00-00Z",
            "2026-11-20T25:00:00Z",
            "2026-11-20T10:00:00",
            "2026-11-20T10:00:00.Z",
            "2026-11-20T10:00:00.1234567890Z",
            "2026-11-20T10:00:00+0200",
            "2026-11-20T10:00:00+02:000",
            "2026-11-20T10:00:00*02:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_finnish_day_starts_at_local_midnight_in_winter_and_in_summer() {
        for (instant, day) in [
            (datetime!(2026-11-30 22:30 UTC), "2026-12-01"),
            (datetime!(2026-11-30 21:59 UTC), "2026-11-30"),
            // Summer time moves midnight an hour earlier.
            (datetime!(2026-06-30 21:00 UTC), "2026-07-01"),
            (datetime!(2026-06-30 20:59 UTC), "2026-06-30"),
        ] {
            assert_eq!(iso_date(finnish_date(instant)), day, "{instant}");
        }
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
