//! Codes that name municipalities and services.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a valid code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a municipality code is three digits, e.g. 638")]
    Municipality,
    #[error("a service code is 2–40 lowercase letters, digits or hyphens, e.g. home-care")]
    Service,
    #[error("an organiser code is 2–40 lowercase letters, digits or hyphens, e.g. ita-uusimaa")]
    Organiser,
}

/// Whether `input` is a slug: 2–40 lowercase ASCII letters, digits or inner hyphens.
fn is_slug(input: &str) -> bool {
    (2..=40).contains(&input.len())
        && input
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !input.starts_with('-')
        && !input.ends_with('-')
}

/// Seteli's code for an organiser of voucher services: a municipality or a wellbeing
/// services county (`helsinki`, `ita-uusimaa`). Staff work for one; vouchers, decisions and
/// cases belong to one (`../shared/docs/municipality.md`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganiserCode(String);

impl OrganiserCode {
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        if is_slug(input) {
            Ok(Self(input.to_owned()))
        } else {
            Err(CodeError::Organiser)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Statistics Finland's three-digit municipality code (`091` Helsinki, `638` Porvoo).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        if input.len() == 3 && input.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(input.to_owned()))
        } else {
            Err(CodeError::Municipality)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Seteli's code for a service, a lowercase slug (`home-care`, `speech-therapy`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ServiceCode(String);

impl ServiceCode {
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        if is_slug(input) {
            Ok(Self(input.to_owned()))
        } else {
            Err(CodeError::Service)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_newtype_conversions {
    ($t:ty) => {
        impl TryFrom<String> for $t {
            type Error = CodeError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.0
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
string_newtype_conversions!(MunicipalityCode);
string_newtype_conversions!(ServiceCode);
string_newtype_conversions!(OrganiserCode);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn municipality_codes_are_three_digits() {
        assert!(MunicipalityCode::parse("638").is_ok());
        assert!(MunicipalityCode::parse("091").is_ok());
        for bad in ["", "63", "6380", "abc", "63a", " 638"] {
            assert_eq!(
                MunicipalityCode::parse(bad),
                Err(CodeError::Municipality),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn service_codes_are_lowercase_slugs() {
        assert!(ServiceCode::parse("home-care").is_ok());
        for bad in [
            "",
            "a",
            "Home-care",
            "home care",
            "-care",
            "care-",
            "koti/hoito",
        ] {
            assert_eq!(ServiceCode::parse(bad), Err(CodeError::Service), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics(s in "\\PC{0,50}") {
            let _ = MunicipalityCode::parse(&s);
            let _ = ServiceCode::parse(&s);
        }
    }

    #[test]
    fn organiser_codes_are_slugs_and_travel_as_themselves() {
        let code = OrganiserCode::parse("ita-uusimaa").unwrap();
        assert_eq!(code.as_str(), "ita-uusimaa");
        assert_eq!(code.to_string(), "ita-uusimaa");
        assert_eq!(serde_json::to_value(&code).unwrap(), "ita-uusimaa");
        for bad in ["", "x", "Ita", "-ita", "ita-", "itä", "ita uusimaa"] {
            assert_eq!(
                OrganiserCode::parse(bad),
                Err(CodeError::Organiser),
                "{bad:?}"
            );
        }
    }
}
