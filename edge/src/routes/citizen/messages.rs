//! `GET /api/citizen/trail` and `GET /api/citizen/messages`: what others did on the
//! customer's behalf, and the messages queued to them about it.

use crate::db::on_behalf as store;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::permissions::Action;

/// The trail, newest first (for a child, any guardian acting for them reads it).
/// Permission: [`Action::ViewTrail`].
pub async fn handle_trail<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    super::customer_list(call, Action::ViewTrail, |customer| {
        store::trail_of(&call.ctx.db, customer)
    })
    .await
}

/// The messages in the customer's outbox, newest first. Permission: [`Action::ViewMessages`].
pub async fn handle_messages<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    super::customer_list(call, Action::ViewMessages, |customer| {
        store::messages_of(&call.ctx.db, customer)
    })
    .await
}

/// "Who has looked at my data": staff's and producers' views of the customer's data,
/// newest first (at most 500). Permission: [`Action::ViewAccessLog`].
pub async fn handle_access_log<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    super::customer_list(call, Action::ViewAccessLog, |customer| {
        crate::db::desk::access_log::access_log(&call.ctx.db, customer, call.lang, 500)
    })
    .await
}

/// `GET /api/citizen/decisions/{id}`: one of the customer's decided voucher decisions, the
/// document with its appeal instructions. Another customer's decision, or a draft, is 404
/// exactly like one that does not exist. Permission: [`Action::ViewOwnVouchers`].
pub async fn handle_decision<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    use crate::db::desk::decisions::{decisions, DecisionsOf};
    use seteli_domain::ids::DecisionId;
    use seteli_domain::{ApiError, ErrorCode};
    let subject = call.subject(Action::ViewOwnVouchers).await?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::DecisionNotFound, call.lang));
    let id = DecisionId::parse(call.id).ok_or_else(not_found)?;
    let customer = subject.customer_or_not_found(call.lang)?;
    let row = decisions(
        &call.ctx.db,
        DecisionsOf::Customer(customer),
        Some(id),
        None,
        None,
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(not_found)?;
    Ok(ApiResponse::private_json(200, &row.document(call.lang)?))
}
