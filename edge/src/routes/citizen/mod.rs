//! `/api/citizen/..`: a customer's vouchers, events, feedback, surveys, the trail of what
//! others did on their behalf, and their messages; for a person acting for someone, the
//! principal's (see [`crate::on_behalf::subject`]).

pub mod feedback;
pub mod messages;
pub mod surveys;
pub mod vouchers;

/// An RFC 3339 timestamp (UTC) for `created_at` columns.
pub(crate) fn timestamp(now: time::OffsetDateTime) -> String {
    now.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// Personal data: never stored by browsers or shared caches.
pub(crate) fn private_json<T: serde::Serialize>(
    status: u16,
    value: &T,
) -> crate::http::ApiResponse {
    crate::http::ApiResponse::json(status, value).with_header("cache-control", "no-store")
}
