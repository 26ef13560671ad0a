//! Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a business id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BusinessIdError {
    #[error("a business id is seven digits, a hyphen and a check digit, e.g. 7019376-8")]
    Format,
    #[error("the check digit of the business id does not match")]
    Checksum,
}

/// A business id whose format and check digit are valid. Only [`BusinessId::parse`] builds one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BusinessId(String);

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

impl BusinessId {
    /// Parses `1234567-8`; no whitespace or other forms are accepted.
    pub fn parse(input: &str) -> Result<Self, BusinessIdError> {
        let bytes = input.as_bytes();
        if bytes.len() != 9 || bytes[7] != b'-' {
            return Err(BusinessIdError::Format);
        }
        let digits = &bytes[..7];
        let check = bytes[8];
        if !digits.iter().all(u8::is_ascii_digit) || !check.is_ascii_digit() {
            return Err(BusinessIdError::Format);
        }
        let body: [u32; 7] = std::array::from_fn(|i| u32::from(digits[i] - b'0'));
        match check_digit(&body) {
            Some(expected) if expected == u32::from(check - b'0') => Ok(Self(input.to_owned())),
            _ => Err(BusinessIdError::Checksum),
        }
    }

    /// Builds the id for a seven-digit body, or `None` when no valid id has that body
    /// (remainder 1 is never issued). Used by the demo-data generator.
    pub fn from_body(body: u32) -> Option<Self> {
        if body > 9_999_999 {
            return None;
        }
        let digits: [u32; 7] = std::array::from_fn(|i| (body / 10u32.pow(6 - i as u32)) % 10);
        check_digit(&digits).map(|c| Self(format!("{body:07}-{c}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check digit for a body, or `None` for the remainder 1, which is never issued.
fn check_digit(body: &[u32; 7]) -> Option<u32> {
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some(11 - r),
    }
}

impl TryFrom<String> for BusinessId {
    type Error = BusinessIdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<BusinessId> for String {
    fn from(value: BusinessId) -> Self {
        value.0
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn published_valid_ids_parse() {
        for id in [
            "2077474-0",
            "7019376-8",
            "2305162-8",
            "0877830-0",
            "1572860-0",
        ] {
            assert_eq!(
                BusinessId::parse(id).map(|b| b.to_string()),
                Ok(id.to_owned())
            );
        }
    }

    #[test]
    fn published_invalid_ids_are_refused_for_the_right_reason() {
        use BusinessIdError::*;
        let cases = [
            ("2077474-1", Checksum),
            ("7019376", Format),
            ("70193768", Format),
            ("7019376-X", Format),
            ("0000010-1", Checksum),
            (" 7019376-8", Format),
            ("", Format),
        ];
        for (input, why) in cases {
            assert_eq!(BusinessId::parse(input), Err(why), "{input}");
        }
    }

    #[test]
    fn serde_refuses_an_invalid_id() {
        assert!(serde_json::from_str::<BusinessId>("\"2077474-1\"").is_err());
        let ok: BusinessId = serde_json::from_str("\"2077474-0\"").unwrap();
        assert_eq!(ok.as_str(), "2077474-0");
    }

    proptest! {
        #[test]
        fn every_generated_id_parses_back(body in 0u32..10_000_000) {
            if let Some(id) = BusinessId::from_body(body) {
                prop_assert_eq!(BusinessId::parse(id.as_str()), Ok(id.clone()));
            }
        }

        #[test]
        fn changing_the_check_digit_breaks_the_id(body in 0u32..10_000_000, delta in 1u32..10) {
            if let Some(id) = BusinessId::from_body(body) {
                let s = id.as_str();
                let c = s.as_bytes()[8] - b'0';
                let wrong = format!("{}{}", &s[..8], (u32::from(c) + delta) % 10);
                prop_assert_eq!(BusinessId::parse(&wrong), Err(BusinessIdError::Checksum));
            }
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = BusinessId::parse(&s);
        }
    }
}
