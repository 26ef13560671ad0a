//! `GET /api/producer/home`: the company's services, linked vouchers, latest events and
//! feedback still waiting for a reply, in one answer.

use super::agent;
use crate::db::producer_desk::{self as desk, EventFilter};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::ProducerHome;
use seteli_domain::clock::finnish_date;
use seteli_domain::permissions::Action;

/// `GET /api/producer/home`. Permission: [`Action::ProducerView`].
pub async fn handle_home<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerView, call.lang)?;
    let producer = agent.company.producer_id;
    let today = call.ctx.today();
    let feedback = desk::feedback_of(&call.ctx.db, producer, None).await?;
    let home = ProducerHome {
        producer_id: producer,
        name: agent.company.name.clone(),
        services: desk::services_of(&call.ctx.db, producer, today, call.lang).await?,
        vouchers: desk::linked_vouchers(&call.ctx.db, producer, None, today, call.lang).await?,
        recent_events: desk::events(
            &call.ctx.db,
            producer,
            EventFilter::Latest(20),
            finnish_date(call.ctx.now),
        )
        .await?,
        feedback_waiting: feedback.into_iter().filter(|f| f.reply.is_none()).collect(),
    };
    Ok(ApiResponse::private_json(200, &home))
}
