//! Money as integer euro cents. Prices and voucher values are never negative.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Why a value is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("an amount is a whole number of cents")]
    NotANumber,
    #[error("an amount cannot be negative")]
    Negative,
    #[error("the amount is too large")]
    TooLarge,
}

/// A non-negative amount in euro cents, at most [`Cents::MAX`] (10 million euros), so that
/// sums of many amounts cannot overflow an `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Cents(i64);

impl Cents {
    /// The largest amount Seteli handles: 10 000 000,00 €.
    pub const MAX: i64 = 1_000_000_000;
    pub const ZERO: Cents = Cents(0);

    /// An amount from cents; refuses negative and absurdly large values.
    pub fn new(cents: i64) -> Result<Self, MoneyError> {
        if cents < 0 {
            Err(MoneyError::Negative)
        } else if cents > Self::MAX {
            Err(MoneyError::TooLarge)
        } else {
            Ok(Self(cents))
        }
    }

    /// An amount from cents, held within `0..=MAX`: for constants and for figures already
    /// bounded by their computation.
    pub const fn clamp(cents: i64) -> Self {
        if cents < 0 {
            Self(0)
        } else if cents > Self::MAX {
            Self(Self::MAX)
        } else {
            Self(cents)
        }
    }

    /// Parses a decimal count of cents as typed in a URL (`2500`); no signs, spaces or decimals.
    pub fn parse(input: &str) -> Result<Self, MoneyError> {
        if input.starts_with('-')
            && input.len() > 1
            && input[1..].bytes().all(|b| b.is_ascii_digit())
        {
            return Err(MoneyError::Negative);
        }
        if input.is_empty() || input.len() > 12 || !input.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::NotANumber);
        }
        input
            .parse::<i64>()
            .map_err(|_| MoneyError::NotANumber)
            .and_then(Self::new)
    }

    /// Parses euros as a person types them: `25`, `25,50`, `25.5`, `25,50 €`.
    pub fn parse_euros(input: &str) -> Result<Self, MoneyError> {
        let s = input.trim().trim_end_matches('€').trim().replace(' ', "");
        if s.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, frac) = match s.split_once([',', '.']) {
            Some((w, f)) => (w, f),
            None => (s.as_str(), ""),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 8 || frac.len() > 2 || !digits(whole) || !digits(frac)
        {
            return Err(MoneyError::NotANumber);
        }
        let whole: i64 = whole.parse().map_err(|_| MoneyError::NotANumber)?;
        let frac: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| MoneyError::NotANumber)? * 10,
            _ => frac.parse().map_err(|_| MoneyError::NotANumber)?,
        };
        Self::new(whole * 100 + frac)
    }

    pub fn get(self) -> i64 {
        self.0
    }

    /// `self − other`, but never below zero.
    pub fn saturating_sub(self, other: Cents) -> Cents {
        Cents((self.0 - other.0).max(0))
    }

    /// Formats for people: `1 234,50 €` in Finnish and Swedish, `€1,234.50` in English.
    pub fn format(self, lang: Lang) -> String {
        let euros = self.0 / 100;
        let cents = self.0 % 100;
        let group = |sep: &str| {
            let digits = euros.to_string();
            let mut out = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push_str(sep);
                }
                out.push(ch);
            }
            out
        };
        match lang {
            // U+00A0 keeps the amount and the sign on one line.
            Lang::Fi | Lang::Sv => format!("{},{cents:02}\u{a0}€", group("\u{a0}")),
            Lang::En => format!("€{}.{cents:02}", group(",")),
        }
    }
}

/// A signed amount of cents (an adjustment, a balance carried over) in `lang`'s way, with
/// a minus sign (U+2212) when negative: `−32,00 €`, `−€32.00`.
pub fn format_signed(cents: i64, lang: Lang) -> String {
    let amount = Cents::clamp(cents.saturating_abs()).format(lang);
    if cents < 0 {
        format!("\u{2212}{amount}")
    } else {
        amount
    }
}

impl TryFrom<i64> for Cents {
    type Error = MoneyError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Cents> for i64 {
    fn from(value: Cents) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signed_amount_shows_its_minus() {
        assert_eq!(format_signed(-3200, Lang::Fi), "\u{2212}32,00\u{a0}€");
        assert_eq!(format_signed(-5, Lang::En), "\u{2212}€0.05");
        assert_eq!(format_signed(120_000, Lang::En), "€1,200.00");
        assert_eq!(format_signed(0, Lang::Fi), "0,00\u{a0}€");
    }
    use proptest::prelude::*;

    #[test]
    fn negative_amounts_are_refused() {
        assert_eq!(Cents::new(-1), Err(MoneyError::Negative));
        assert_eq!(Cents::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Cents::parse_euros("-5,00"), Err(MoneyError::Negative));
        assert!(serde_json::from_str::<Cents>("-100").is_err());
    }

    #[test]
    fn non_numeric_cents_are_refused() {
        for bad in [
            "",
            "abc",
            "12.5",
            "1e3",
            " 12",
            "+12",
            "0x10",
            "99999999999999999999",
        ] {
            assert!(Cents::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn euros_parse_as_people_type_them() {
        assert_eq!(Cents::parse_euros("25").unwrap().get(), 2500);
        assert_eq!(Cents::parse_euros("25,5").unwrap().get(), 2550);
        assert_eq!(Cents::parse_euros("25.05").unwrap().get(), 2505);
        assert_eq!(Cents::parse_euros(" 1 025,50 € ").unwrap().get(), 102_550);
        assert!(Cents::parse_euros("25,555").is_err());
        assert!(Cents::parse_euros(",5").is_err());
    }

    #[test]
    fn formats_in_each_language() {
        let c = Cents::new(123_450).unwrap();
        assert_eq!(c.format(Lang::Fi), "1\u{a0}234,50\u{a0}€");
        assert_eq!(c.format(Lang::Sv), "1\u{a0}234,50\u{a0}€");
        assert_eq!(c.format(Lang::En), "€1,234.50");
        assert_eq!(Cents::ZERO.format(Lang::En), "€0.00");
    }

    proptest! {
        #[test]
        fn saturating_sub_is_never_negative(a in 0..=Cents::MAX, b in 0..=Cents::MAX) {
            let d = Cents::new(a).unwrap().saturating_sub(Cents::new(b).unwrap());
            prop_assert!(d.get() >= 0);
            prop_assert_eq!(d.get(), (a - b).max(0));
        }

        #[test]
        fn cents_round_trip_through_text(a in 0..=Cents::MAX) {
            prop_assert_eq!(Cents::parse(&a.to_string()).unwrap().get(), a);
        }

        #[test]
        fn euros_round_trip_through_finnish_format(a in 0..=Cents::MAX) {
            let text = Cents::new(a).unwrap().format(Lang::Fi);
            prop_assert_eq!(Cents::parse_euros(&text.replace('\u{a0}', " ")).unwrap().get(), a);
        }
    }

    #[test]
    fn clamp_holds_an_amount_within_zero_and_the_maximum() {
        assert_eq!(Cents::clamp(-1), Cents::ZERO);
        assert_eq!(Cents::clamp(0), Cents::ZERO);
        assert_eq!(Cents::clamp(2283).get(), 2283);
        assert_eq!(Cents::clamp(Cents::MAX).get(), Cents::MAX);
        assert_eq!(Cents::clamp(Cents::MAX + 1).get(), Cents::MAX);
    }
}
