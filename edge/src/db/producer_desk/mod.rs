//! A producer's work: its approved services and prices, the vouchers it has linked by their
//! numbers, its service events (idempotent, never below the balance, correctable), replies
//! to feedback, and the guard against guessing voucher numbers. Every function takes the
//! producer's id and touches only that producer's rows.

mod events;
mod feedback;
mod log;
mod lookups;
mod services;

pub use self::log::{log_statement, Actor, EventRef};
pub use events::{
    cancel_event, events, price_on, store_event, submission_hash, EventFilter, EventRecord, Stored,
};
pub use feedback::{feedback_of, insert_reply};
pub use lookups::{begin_lookup, link_voucher, linked_vouchers, may_serve, voucher_by_number};
pub use services::{services_of, set_price};

use super::DbError;
use seteli_domain::Cents;

fn money(c: i64, table: &str, column: &str) -> Result<Cents, DbError> {
    Cents::new(c).map_err(|_| DbError::bad_row(table, column))
}
