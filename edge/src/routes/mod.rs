//! Handlers, grouped by audience as the URLs are: `/api/public/..`, `/api/auth/..`,
//! `/api/citizen/..`, `/api/on-behalf/..`, `/api/producer/..`, `/api/staff/..`.
//!
//! Every handler is `async fn handle_x(call: &Call<'_, D, H>) -> Result<ApiResponse, EdgeError>`.

pub mod auth;
pub mod case_steps;
pub mod citizen;
pub mod on_behalf;
pub mod producer;
pub mod public;
pub mod staff;

use crate::auth::CurrentSession;
use crate::context::Ctx;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiRequest;
use crate::on_behalf::{subject, Subject};
use crate::outbound::Outbound;
use seteli_domain::permissions::{Action, Actor};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// One request as a handler sees it, after the router has resolved its route, its session and,
/// for a route that names an action, asked the permission catalogue.
pub struct Call<'a, D: Database, H: Outbound> {
    pub req: &'a ApiRequest,
    pub ctx: &'a Ctx<D, H>,
    /// The request's session, if it carries a valid one.
    pub session: Option<&'a CurrentSession>,
    /// Who asks: a visitor without a session.
    pub actor: &'a Actor,
    /// The language of the answer (`?lang=`, else `Accept-Language`, else Finnish).
    pub lang: Lang,
    /// The route's `{id}` segment, unparsed; empty when the route has none.
    pub id: &'a str,
}

impl<'a, D: Database, H: Outbound> Call<'a, D, H> {
    /// The request's JSON body as `T`; a body that is not one is `refused` (the route's own
    /// "invalid …" code, so the person learns which form to fix).
    pub fn body<T: serde::de::DeserializeOwned>(&self, refused: ErrorCode) -> Result<T, EdgeError> {
        self.req
            .json()
            .map_err(|_| ApiError::new(refused, self.lang).into())
    }

    /// Whose data the request is about for `action`: the person themselves, or the principal
    /// they act for (see [`crate::on_behalf::subject`]: permission asked, Valtuudet asked
    /// again where it must be, the read or write logged).
    pub async fn subject(&self, action: Action) -> Result<Subject<'a>, EdgeError> {
        subject(self.ctx, self.session, self.actor, action, self.lang).await
    }
}

/// The trade register's answer about the company `business_id` on the request's day, or
/// `None` when the register is not configured or could not be asked (the handler then
/// checks by hand: never a refusal).
pub async fn registry_check<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    business_id: &str,
) -> Option<seteli_domain::registry::RegistryCheck> {
    let business_id = seteli_domain::BusinessId::parse(business_id).ok()?;
    let config = call.ctx.config.ytj.as_ref()?;
    match crate::registry::check_company(&call.ctx.http, config, &business_id, call.ctx.today())
        .await
    {
        Ok(check) => Some(check),
        Err(e) => {
            crate::error::log_warning(&format!("the trade register was not reached: {e:?}"));
            None
        }
    }
}
