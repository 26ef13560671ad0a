//! Finnish personal identity code (henkilötunnus): the date of birth, a century sign, a
//! three-digit individual number and a check character, e.g. `131052-308T`.
//!
//! A code identifies a person, so [`Hetu`] never prints itself: its `Debug` is redacted, it has
//! no `Display`, and its errors never repeat the input. Code that really needs the value (a
//! database row, a claim sent to the person's own browser) asks for it with [`Hetu::as_str`].

use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// Why a string is not a personal identity code. The messages never contain the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HetuError {
    #[error(
        "a personal identity code is the date of birth as six digits (DDMMYY), a century sign \
         (+, -, A–F or U–Y), three digits and a check character in capitals, e.g. 010280-952L"
    )]
    Format,
    #[error("the first six digits of the personal identity code are not a real date of birth")]
    Date,
    #[error(
        "the individual number (the three digits after the century sign) must be between 002 and 999"
    )]
    Individual,
    #[error(
        "the check character at the end of the personal identity code does not match; \
         check the code for typing errors"
    )]
    Checksum,
}

/// A personal identity code whose format, date of birth, individual number and check character
/// are valid. Only [`Hetu::parse`] builds one. `Debug` prints `Hetu(<redacted>)`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hetu {
    code: String,
    birth_date: Date,
}

/// The check character is this alphabet indexed by `int(DDMMYY + NNN) % 31`.
const CHECK_CHARS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Individual numbers from here up are test (or temporary) numbers, never a real person's.
const FIRST_TEST_INDIVIDUAL: u16 = 900;

impl Hetu {
    /// Parses `DDMMYYCNNNX` exactly: no whitespace, no lowercase, no other forms. Test codes
    /// (individual number 900–999) are accepted; [`Hetu::is_test_code`] tells them apart.
    pub fn parse(input: &str) -> Result<Self, HetuError> {
        let b = input.as_bytes();
        if b.len() != 11 {
            return Err(HetuError::Format);
        }
        let (date_digits, sign, individual_digits, check) = (&b[..6], b[6], &b[7..10], b[10]);
        if !date_digits
            .iter()
            .chain(individual_digits)
            .all(u8::is_ascii_digit)
        {
            return Err(HetuError::Format);
        }
        let century = century_of(sign).ok_or(HetuError::Format)?;
        if !CHECK_CHARS.contains(&check) {
            return Err(HetuError::Format);
        }
        // Every byte is now ASCII, so slicing `input` by byte index below is safe.

        let day = digits_value(&date_digits[..2]) as u8;
        let month = digits_value(&date_digits[2..4]) as u8;
        let year = century + digits_value(&date_digits[4..]) as i32;
        let month = Month::try_from(month).map_err(|_| HetuError::Date)?;
        let birth_date = Date::from_calendar_date(year, month, day).map_err(|_| HetuError::Date)?;

        if digits_value(individual_digits) < 2 {
            return Err(HetuError::Individual);
        }
        let number = digits_value(date_digits) * 1000 + digits_value(individual_digits);
        if CHECK_CHARS[(number % 31) as usize] != check {
            return Err(HetuError::Checksum);
        }
        Ok(Self {
            code: input.to_owned(),
            birth_date,
        })
    }

    /// The date of birth the code encodes (it is always a real date, 1800–2099).
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// Whether the person is under 18 on `today` (a child's matters go to a guardian).
    pub fn is_minor_on(&self, today: Date) -> bool {
        let born = self.birth_date;
        let years = today.year() - born.year();
        let birthday_passed =
            (u8::from(today.month()), today.day()) >= (u8::from(born.month()), born.day());
        years < 18 || (years == 18 && !birthday_passed)
    }

    /// True for test and temporary codes (individual number 900–999), which no real person
    /// holds permanently. The local identification mock accepts only these.
    pub fn is_test_code(&self) -> bool {
        digits_value(&self.code.as_bytes()[7..10]) >= u32::from(FIRST_TEST_INDIVIDUAL)
    }

    /// The code itself. Call it only where the raw value must leave the type (storage, a
    /// signed claim); never for logs, URLs or error messages.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// The date part and century sign with the rest hidden, e.g. `120508A****`: enough for a
    /// person to recognise their own code on screen.
    pub fn masked(&self) -> String {
        format!("{}****", &self.code[..7])
    }
}

/// The first seven characters (the date and the century sign) an identity code of someone
/// born on `date` can start with: one per century sign of the date's century (`-` and
/// `U`–`Y` for the 1900s, `A`–`F` for the 2000s, `+` for the 1800s); none outside them.
pub fn prefixes_for_birth_date(date: Date) -> Vec<String> {
    let signs: &[u8] = match date.year() {
        1800..=1899 => b"+",
        1900..=1999 => b"-YXWVU",
        2000..=2099 => b"ABCDEF",
        _ => b"",
    };
    let digits = format!(
        "{:02}{:02}{:02}",
        date.day(),
        u8::from(date.month()),
        date.year().rem_euclid(100)
    );
    signs
        .iter()
        .map(|sign| format!("{digits}{}", char::from(*sign)))
        .collect()
}

/// The first year of the century a sign stands for.
fn century_of(sign: u8) -> Option<i32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'U'..=b'Y' => Some(1900),
        b'A'..=b'F' => Some(2000),
        _ => None,
    }
}

/// The value of a run of ASCII digits (at most six here, so it fits).
fn digits_value(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
}

impl fmt::Debug for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hetu(<redacted>)")
    }
}

impl TryFrom<String> for Hetu {
    type Error = HetuError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Hetu> for String {
    fn from(value: Hetu) -> Self {
        value.code
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn a_person_is_a_minor_until_their_eighteenth_birthday() {
        // Ella Sofia, born 17.8.2016; and someone born on a leap day.
        let ella = Hetu::parse("170816A958E").unwrap();
        assert!(ella.is_minor_on(date!(2034 - 08 - 16)));
        assert!(!ella.is_minor_on(date!(2034 - 08 - 17)));
        assert!(ella.is_minor_on(date!(2026 - 11 - 30)));
        let anni = Hetu::parse("220784-926C").unwrap();
        assert!(!anni.is_minor_on(date!(2026 - 11 - 30)));
        let leap = Hetu::parse(&make_code(date!(2008 - 02 - 29), 'A', 901)).unwrap();
        assert!(leap.is_minor_on(date!(2026 - 02 - 28)));
        assert!(!leap.is_minor_on(date!(2026 - 03 - 01)));
        assert!(!leap.is_minor_on(date!(2027 - 01 - 01)));
    }

    /// Builds a code the way the population register does, for the property tests.
    fn make_code(birth: Date, sign: char, individual: u16) -> String {
        let ddmmyy = format!(
            "{:02}{:02}{:02}",
            birth.day(),
            u8::from(birth.month()),
            birth.year() % 100
        );
        let number: u32 = format!("{ddmmyy}{individual:03}").parse().unwrap();
        let check = CHECK_CHARS[(number % 31) as usize] as char;
        format!("{ddmmyy}{sign}{individual:03}{check}")
    }

    fn signs_for(year: i32) -> &'static [char] {
        match year {
            1800..=1899 => &['+'],
            1900..=1999 => &['-', 'Y', 'X', 'W', 'V', 'U'],
            _ => &['A', 'B', 'C', 'D', 'E', 'F'],
        }
    }

    #[test]
    fn debug_never_shows_the_code() {
        let hetu = Hetu::parse("131052-308T").unwrap();
        assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
        assert_eq!(format!("{:?}", Some(&hetu)), "Some(Hetu(<redacted>))");
    }

    #[test]
    fn masked_keeps_only_the_birth_date_and_century_sign() {
        assert_eq!(Hetu::parse("120508A950F").unwrap().masked(), "120508A****");
    }

    #[test]
    fn century_signs_give_the_right_birth_year() {
        for (code, born) in [
            ("131052-308T", date!(1952 - 10 - 13)),
            ("010594Y9032", date!(1994 - 05 - 01)),
            ("120508A950F", date!(2008 - 05 - 12)),
            ("020503F9037", date!(2003 - 05 - 02)),
        ] {
            assert_eq!(Hetu::parse(code).unwrap().birth_date(), born, "{code}");
        }
        let old = make_code(date!(1875 - 03 - 14), '+', 902);
        assert_eq!(
            Hetu::parse(&old).unwrap().birth_date(),
            date!(1875 - 03 - 14)
        );
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        let leap = make_code(date!(2000 - 02 - 29), 'A', 902);
        assert!(Hetu::parse(&leap).is_ok());
        // 1900 is not a leap year, though 1900 % 4 == 0.
        assert_eq!(Hetu::parse("290200-902X"), Err(HetuError::Date));
    }

    #[test]
    fn individual_numbers_from_900_are_test_codes() {
        assert!(Hetu::parse("120508A950F").unwrap().is_test_code());
        assert!(Hetu::parse("010280-952L").unwrap().is_test_code());
        assert!(!Hetu::parse("131052-308T").unwrap().is_test_code());
    }

    #[test]
    fn individual_numbers_000_and_001_are_refused() {
        for individual in [0, 1] {
            let code = make_code(date!(1952 - 10 - 13), '-', individual);
            assert_eq!(Hetu::parse(&code), Err(HetuError::Individual));
        }
        let lowest = make_code(date!(1952 - 10 - 13), '-', 2);
        assert!(Hetu::parse(&lowest).is_ok());
    }

    #[test]
    fn a_check_character_outside_the_alphabet_is_a_format_error() {
        // G, I, O, Q and Z are left out of the alphabet so they cannot be misread.
        for wrong in ['G', 'I', 'O', 'Q', 'Z'] {
            assert_eq!(
                Hetu::parse(&format!("131052-308{wrong}")),
                Err(HetuError::Format)
            );
        }
    }

    #[test]
    fn serde_goes_through_parse() {
        assert!(serde_json::from_str::<Hetu>("\"131052-308U\"").is_err());
        let hetu: Hetu = serde_json::from_str("\"131052-308T\"").unwrap();
        assert_eq!(hetu.as_str(), "131052-308T");
        assert_eq!(serde_json::to_string(&hetu).unwrap(), "\"131052-308T\"");
    }

    #[test]
    fn error_messages_never_contain_the_input() {
        for input in ["131052-308U", "311152-308T", "131052-000T", "131052308T"] {
            let message = Hetu::parse(input).unwrap_err().to_string();
            assert!(!message.contains(input), "{message}");
            assert!(!message.contains(&input[..6]), "{message}");
        }
    }

    proptest! {
        #[test]
        fn every_generated_valid_code_parses_back(
            year in 1850i32..=2099,
            day_of_year in 1u16..=366,
            individual in 2u16..=999,
            sign_index in 0usize..6,
        ) {
            let days = time::util::days_in_year(year);
            let birth = Date::from_ordinal_date(year, (day_of_year - 1) % days + 1).unwrap();
            let signs = signs_for(year);
            let code = make_code(birth, signs[sign_index % signs.len()], individual);
            let hetu = Hetu::parse(&code);
            prop_assert!(hetu.is_ok(), "{} did not parse: {:?}", code, hetu);
            let hetu = hetu.unwrap();
            prop_assert_eq!(hetu.as_str(), code.as_str());
            prop_assert_eq!(hetu.birth_date(), birth);
            prop_assert_eq!(hetu.is_test_code(), individual >= 900);
        }

        #[test]
        fn changing_the_check_character_breaks_the_code(
            year in 1900i32..=1999,
            day_of_year in 1u16..=365,
            individual in 2u16..=999,
            shift in 1usize..31,
        ) {
            let birth = Date::from_ordinal_date(year, day_of_year).unwrap();
            let code = make_code(birth, '-', individual);
            let at = CHECK_CHARS.iter().position(|&c| c == code.as_bytes()[10]).unwrap();
            let wrong = CHECK_CHARS[(at + shift) % 31] as char;
            let broken = format!("{}{wrong}", &code[..10]);
            prop_assert_eq!(Hetu::parse(&broken), Err(HetuError::Checksum));
        }

        #[test]
        fn parse_never_panics_on_arbitrary_strings(s in any::<String>()) {
            let _ = Hetu::parse(&s);
        }

        #[test]
        fn parse_never_panics_on_near_misses(s in "[0-9]{0,7}[-+A-Z a-z0-9é]{0,6}") {
            let _ = Hetu::parse(&s);
        }
    }

    #[test]
    fn a_birth_date_gives_the_codes_prefixes_of_its_century() {
        let prefixes = prefixes_for_birth_date(date!(1934 - 03 - 14));
        assert_eq!(prefixes.len(), 6);
        assert!(prefixes.contains(&"140334-".to_owned()));
        assert!(prefixes.contains(&"140334Y".to_owned()));
        assert_eq!(prefixes_for_birth_date(date!(2013 - 04 - 03))[0], "030413A");
        assert_eq!(
            prefixes_for_birth_date(date!(1899 - 12 - 31)),
            vec!["311299+".to_owned()]
        );
        assert!(prefixes_for_birth_date(date!(2100 - 01 - 01)).is_empty());
        // Every code's own birth date gives its prefix.
        for code in ["140334-912M", "030413A9450", "120366-9339"] {
            let hetu = Hetu::parse(code).unwrap();
            assert!(prefixes_for_birth_date(hetu.birth_date()).contains(&code[..7].to_owned()));
        }
    }
}
