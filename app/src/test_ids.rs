//! Ids and amounts for unit tests. Outside tests an id only comes from the API or the
//! address.

use seteli_domain::Cents;

/// The id `n` of whichever kind the test needs, as if the API had sent it.
pub fn id<T: serde::de::DeserializeOwned>(n: i64) -> T {
    serde_json::from_value(n.into()).expect("an id is an integer")
}

/// `n` cents, a valid amount.
pub fn cents(n: i64) -> Cents {
    Cents::new(n).expect("a test amount is valid")
}
