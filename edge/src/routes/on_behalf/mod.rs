//! Choosing whom to act for (`/api/on-behalf/..`, `/api/valtuudet/callback`): a guardian's
//! child or an adult principal through the Suomi.fi-valtuudet selection page, or a customer
//! whose proxy the municipality registered in Seteli; and going back to acting for oneself.
//! Refusals send the browser to `/on-behalf?refused=..&for=..`, which explains them.

mod registered;
mod selection;

pub use registered::{handle_act_for_registered, handle_registered};
pub use selection::{handle_callback, handle_start};

use crate::auth::{new_session_id, session_set_cookie, CurrentSession};
use crate::context::Ctx;
use crate::db::on_behalf::{self as store, Acting};
use crate::db::Database;
use crate::db::Statement;
use crate::error::{log_warning, EdgeError};
use crate::http::ApiResponse;
use crate::on_behalf::call_context;
use crate::outbound::Outbound;
use crate::routes::Call;
use crate::valtuudet::{self, Mode};
use seteli_domain::mandates::{PrincipalKind, Refusal};
use seteli_domain::permissions::{require, Action, Actor, Person};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// How long a person may spend on the selection page.
const SELECTION_LIMIT_SECS: i64 = 15 * 60;

/// Where Valtuudet sends the browser back.
pub fn callback_uri(public_url: &str) -> String {
    format!(
        "{}/api/valtuudet/callback",
        public_url.trim_end_matches('/')
    )
}

fn refused(refusal: Refusal, kind: PrincipalKind, lang: Lang) -> ApiResponse {
    ApiResponse::redirect(&format!(
        "/on-behalf?refused={}&for={}&lang={}",
        refusal.as_str(),
        kind.as_str(),
        lang.code()
    ))
}

/// The person logged in, whether acting for themselves or someone else now.
fn logged_in_person(actor: &Actor) -> Option<&Person> {
    match actor {
        Actor::Citizen(person) => Some(person),
        Actor::OnBehalf(on_behalf) => Some(&on_behalf.delegate),
        Actor::Producer(agent) => Some(&agent.person),
        Actor::Visitor | Actor::Staff(_) => None,
    }
}

/// `POST /api/on-behalf/stop`: act for oneself again; the Valtuudet session is ended (best
/// effort: it expires by itself anyway). Permission: [`Action::ChoosePrincipal`].
pub async fn handle_stop<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let session = call.session;
    require(call.actor, Action::ChoosePrincipal, call.lang)?;
    let Some(session) = session else {
        return Err(ApiError::new(ErrorCode::Unauthorized, call.lang).into());
    };
    let (new_id, new_hash) = new_session_id()?;
    store::stop_acting_with_new_id(&call.ctx.db, &session.id_hash, &new_hash).await?;
    end_valtuudet_session(call.ctx, session).await;
    Ok(ApiResponse::no_content().add_header(
        "set-cookie",
        session_set_cookie(&call.ctx.config.public_url, &new_id),
    ))
}

/// Makes the session act for `acting.customer` under a new session id (the old one stops
/// working), with the trail line `trail` in the same batch; the cookie with the new id.
async fn act_under_new_id<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    session: &CurrentSession,
    acting: &Acting<'_>,
    trail: Statement,
) -> Result<String, EdgeError> {
    let (new_id, new_hash) = new_session_id()?;
    store::start_acting(&call.ctx.db, &session.id_hash, &new_hash, acting, trail).await?;
    Ok(session_set_cookie(&call.ctx.config.public_url, &new_id))
}

/// Ends the session's Valtuudet session, if any; a failure is only logged.
pub async fn end_valtuudet_session<D: Database, H: Outbound>(
    ctx: &Ctx<D, H>,
    session: &CurrentSession,
) {
    let (Some(config), Some((valtuudet_session, _))) = (
        ctx.config.valtuudet.as_ref(),
        session.acting.as_ref().and_then(|a| a.valtuudet.as_ref()),
    ) else {
        return;
    };
    if let Err(error) = valtuudet::unregister(
        &ctx.http,
        config,
        Mode::Hpa,
        valtuudet_session,
        &call_context(ctx),
    )
    .await
    {
        log_warning(&format!("valtuudet unregister failed: {error:?}"));
    }
}
