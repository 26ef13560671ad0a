//! `/api/staff/deliveries..`: the messages an employee may need to act on — held for review
//! (a protected address, no address, a child with no known guardian), failed, or gone on
//! paper — and releasing a held one. Customer service sees its customers' messages, a
//! producer handler the companies' of the member's organiser.

use super::{member, refuse};
use crate::db::outbox;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::delivery::Deliveries;
use seteli_domain::ids::MessageId;
use seteli_domain::permissions::{Action, StaffRole};
use seteli_domain::ErrorCode;

/// What the member's roles let them see: customers' messages, companies' messages.
fn scope(roles: &[StaffRole]) -> outbox::Scope {
    outbox::Scope {
        customers: roles.contains(&StaffRole::CustomerService),
        companies: roles.contains(&StaffRole::ProducerHandler),
    }
}

/// `GET /api/staff/deliveries`: newest first.
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffReviewDeliveries, call.lang)?;
    let items = outbox::for_review(&call.ctx.db, &member.organiser, scope(&member.roles)).await?;
    Ok(ApiResponse::private_json(200, &Deliveries { items }))
}

/// `POST /api/staff/deliveries/{id}/release`: a held message goes back to the queue, and
/// may then go on paper even to a protected address; the answer is the list as it now is.
pub async fn handle_release<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffReviewDeliveries, call.lang)?;
    let not_found = || refuse(ErrorCode::MessageNotFound, call.lang);
    let id = MessageId::parse(call.id).ok_or_else(not_found)?;
    let scope = scope(&member.roles);
    let db = &call.ctx.db;
    match outbox::release(
        db,
        &member.organiser,
        scope,
        id,
        &member.full_name(),
        &call.ctx.timestamp(),
    )
    .await?
    {
        outbox::Released::Released => {}
        outbox::Released::NotHeld => return Err(refuse(ErrorCode::MessageNotHeld, call.lang)),
        outbox::Released::NotFound => return Err(not_found()),
    }
    let items = outbox::for_review(db, &member.organiser, scope).await?;
    Ok(ApiResponse::private_json(200, &Deliveries { items }))
}
