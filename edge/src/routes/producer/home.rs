//! `GET /api/producer/home`: the company's services, linked vouchers, latest events and
//! feedback still waiting for a reply, in one answer.

use super::agent;
use crate::context::Ctx;
use crate::db::producer_desk::{self as desk, EventFilter};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use seteli_domain::api::ProducerHome;
use seteli_domain::clock::finnish_date;
use seteli_domain::permissions::{Action, Actor};

/// `GET /api/producer/home`. Permission: [`Action::ProducerView`].
pub async fn handle_home<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = req.lang();
    let agent = agent(actor, Action::ProducerView, lang)?;
    let producer = agent.company.producer_id;
    let today = ctx.today();
    let feedback = desk::feedback_of(&ctx.db, producer, None).await?;
    let home = ProducerHome {
        producer_id: producer,
        name: agent.company.name.clone(),
        services: desk::services_of(&ctx.db, producer, &today, lang).await?,
        vouchers: desk::linked_vouchers(&ctx.db, producer, None, &today, lang).await?,
        recent_events: desk::events(
            &ctx.db,
            producer,
            EventFilter::Latest(20),
            finnish_date(ctx.now),
        )
        .await?,
        feedback_waiting: feedback.into_iter().filter(|f| f.reply.is_none()).collect(),
    };
    Ok(ApiResponse::private_json(200, &home))
}
