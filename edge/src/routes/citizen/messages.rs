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
