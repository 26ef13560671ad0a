//! `/api/producer/..`: a person acting for a producer company (chosen through Valtuudet
//! `ypa`) at work — the company's home, voucher numbers, service events, prices and replies
//! to feedback. Every handler asks the permission catalogue first, and every query is
//! limited to the company's own rows: another producer's vouchers and events are 404.

mod applications;
mod attachments;
mod events;
mod feedback;
mod home;
mod prices;
mod statements;
mod vouchers;

pub use applications::{
    handle_answer as handle_answer_application, handle_cancel as handle_cancel_application,
    handle_delete as handle_delete_application, handle_get as handle_application,
    handle_list as handle_applications, handle_save as handle_save_application,
    handle_start as handle_start_application, handle_submit as handle_submit_application,
};
pub use attachments::{
    handle_attachment, handle_delete as handle_delete_attachment, handle_upload, send_file,
    serve as serve_attachment, store_upload,
};
pub use events::{
    handle_answer_dispute, handle_cancel_event, handle_correct_event, handle_log_event,
};
pub use feedback::{handle_feedback, handle_reply};
pub use home::handle_home;
pub use prices::{handle_prices, handle_set_price};
pub use statements::{handle_account, handle_set_account, handle_statement, handle_statements};
pub use vouchers::{handle_lookup, handle_voucher};

use crate::context::Ctx;
use crate::db::producer_desk::Actor as LogActor;
use crate::db::Database;
use crate::error::EdgeError;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::ids::ProducerId;
use seteli_domain::permissions::{require, Action, Actor, ProducerAgent};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The person acting for a company, after the permission catalogue allowed `action`.
fn agent(actor: &Actor, action: Action, lang: Lang) -> Result<&ProducerAgent, EdgeError> {
    require(actor, action, lang)?;
    match actor {
        Actor::Producer(agent) => Ok(agent),
        _ => Err(ApiError::new(ErrorCode::Forbidden, lang).into()),
    }
}

/// The company the person acts for, after the permission catalogue allowed `action`.
fn company<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    action: Action,
) -> Result<ProducerId, EdgeError> {
    Ok(agent(call.actor, action, call.lang)?.company.producer_id)
}

fn error(code: ErrorCode, lang: Lang) -> EdgeError {
    ApiError::new(code, lang).into()
}

/// What the log says about who acted.
struct Who {
    name: String,
    key: String,
    at: String,
}

impl Who {
    fn of<D: Database, H: Outbound>(
        agent: &ProducerAgent,
        ctx: &Ctx<D, H>,
    ) -> Result<Who, EdgeError> {
        Ok(Who {
            name: format!("{} {}", agent.person.given_name, agent.person.family_name),
            key: ctx.identity_key("producer-log", agent.person.hetu.as_str())?,
            at: ctx.timestamp(),
        })
    }
    fn log(&self) -> LogActor<'_> {
        LogActor {
            name: &self.name,
            key: &self.key,
            at: &self.at,
        }
    }
}
