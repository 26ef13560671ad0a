//! `/api/citizen/..`: a customer's vouchers, events, feedback, surveys, the trail of what
//! others did on their behalf, and their messages; for a person acting for someone, the
//! principal's (see [`crate::on_behalf::subject`]).

pub mod applicant;
pub mod applications;
pub mod consents;
pub mod feedback;
pub mod files;
pub mod messages;
pub mod surveys;
pub mod vouchers;

use crate::db::{Database, DbError};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::on_behalf::Subject;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::ids::{CustomerId, EventId, ProducerId, VoucherId};
use seteli_domain::permissions::Action;
use seteli_domain::{ApiError, ErrorCode};
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

/// The customer a write about `producer`'s service under `voucher` (and `event`) is for,
/// after Valtuudet is asked again for a principal: refused with `refused` unless that
/// producer served the customer under that voucher.
async fn served_customer<'a, D: Database, H: Outbound>(
    call: &Call<'a, D, H>,
    action: Action,
    served: (VoucherId, ProducerId, Option<EventId>),
    refused: ErrorCode,
) -> Result<(Subject<'a>, CustomerId), EdgeError> {
    let subject = call.subject(action).await?;
    let customer = subject.customer_or_not_found(call.lang)?;
    let (voucher, producer, event) = served;
    if !crate::db::vouchers::producer_served(&call.ctx.db, customer, voucher, producer, event)
        .await?
    {
        return Err(ApiError::new(refused, call.lang).into());
    }
    Ok((subject, customer))
}
