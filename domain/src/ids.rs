//! The ids of Seteli's records. Each kind of record has its own type, so a voucher's id can
//! never be passed where an event's is meant; on the wire and in the database each is the bare
//! integer it always was.
//!
//! The number inside is private: an id comes from the database (a row deserializes into it),
//! from a request body, or from a path segment through `parse`, which takes positive integers
//! of at most 15 digits only.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// Parses a path segment: a positive integer of at most 15 digits, nothing else.
            pub fn parse(input: &str) -> Option<Self> {
                parse_positive(input).map(Self)
            }

            /// The number as the database and the wire carry it.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

ids! {
    /// A producer in Seteli's register.
    ProducerId;
    /// A customer: a resident the municipality has granted a voucher to.
    CustomerId;
    /// A service voucher.
    VoucherId;
    /// A service event a producer recorded on a voucher.
    EventId;
    /// A customer's feedback on a producer.
    FeedbackId;
    /// A message in a customer's inbox.
    MessageId;
    /// A need assessment recorded at the organiser's desk.
    AssessmentId;
    /// A voucher decision (a draft until decided).
    DecisionId;
    /// A proxy registration (in force or ended).
    ProxyId;
    /// A case on the case engine (a producer's application, …).
    CaseId;
    /// A file attached to a case.
    AttachmentId;
    /// A named guardian's consent request about a resident's voucher application.
    ConsentRequestId;
}

fn parse_positive(input: &str) -> Option<i64> {
    if input.is_empty() || input.len() > 15 || !input.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    input.parse().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positive_integers_of_at_most_15_digits() {
        assert_eq!(ProducerId::parse("42").map(ProducerId::get), Some(42));
        assert_eq!(
            VoucherId::parse("999999999999999").map(VoucherId::get),
            Some(999_999_999_999_999)
        );
        for bad in ["", "0", "-1", "+1", "4x", " 4", "1.0", "1000000000000000"] {
            assert_eq!(EventId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_id_is_the_bare_integer_on_the_wire() {
        let id: VoucherId = serde_json::from_str("17").unwrap();
        assert_eq!(id.get(), 17);
        assert_eq!(serde_json::to_string(&id).unwrap(), "17");
        assert_eq!(id.to_string(), "17");
        assert!(serde_json::from_str::<VoucherId>("\"17\"").is_err());
    }
}
