//! `/api/citizen/..`: a logged-in customer's own vouchers, events, feedback and surveys.

pub mod feedback;
pub mod surveys;
pub mod vouchers;

use crate::db::vouchers::{customer_by_hetu, CustomerId};
use crate::db::Database;
use crate::error::EdgeError;
use seteli_domain::permissions::Actor;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The customer record of the person acting for themselves; `None` for a person the
/// municipality has not made a customer (they simply have no vouchers).
pub(crate) async fn own_customer(
    db: &impl Database,
    actor: &Actor,
) -> Result<Option<CustomerId>, EdgeError> {
    match actor {
        Actor::Citizen(person) => Ok(customer_by_hetu(db, person.hetu.as_str()).await?),
        Actor::Visitor | Actor::Staff(_) => Ok(None),
    }
}

/// The asker's customer record for a request about one voucher. A person who is not a
/// customer gets the same `voucher_not_found` as for someone else's voucher.
pub(crate) async fn customer_or_not_found(
    db: &impl Database,
    actor: &Actor,
    lang: Lang,
) -> Result<CustomerId, EdgeError> {
    own_customer(db, actor)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::VoucherNotFound, lang).into())
}

/// An RFC 3339 timestamp (UTC) for `created_at` columns.
pub(crate) fn timestamp(now: time::OffsetDateTime) -> String {
    now.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}
