//! `/api/citizen/..`: a customer's vouchers, events, feedback, surveys, the trail of what
//! others did on their behalf, and their messages; for a person acting for someone, the
//! principal's (see [`crate::on_behalf::subject`]).

pub mod feedback;
pub mod messages;
pub mod surveys;
pub mod vouchers;

use crate::db::{Database, DbError};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::ids::CustomerId;
use seteli_domain::permissions::Action;
use std::future::Future;

/// A list of the subject's own rows (`read` of their customer id) for `action`: empty for a
/// person the municipality has not made a customer. Personal data: never cached.
async fn customer_list<D, H, T, F, Fut>(
    call: &Call<'_, D, H>,
    action: Action,
    read: F,
) -> Result<ApiResponse, EdgeError>
where
    D: Database,
    H: Outbound,
    T: serde::Serialize,
    F: FnOnce(CustomerId) -> Fut,
    Fut: Future<Output = Result<Vec<T>, DbError>>,
{
    let list = match call.subject(action).await?.customer {
        Some(customer) => read(customer).await?,
        None => Vec::new(),
    };
    Ok(ApiResponse::private_json(200, &list))
}
