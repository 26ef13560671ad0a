//! Acting for a customer whose proxy the municipality registered in Seteli.

use super::logged_in_person;
use crate::db::on_behalf::{self as store, Acting, Principal, TrailRecord};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::{ActForRegistered, TrailResult};
use seteli_domain::mandates::{Basis, OnBehalfAction};
use seteli_domain::permissions::{require, Action};
use seteli_domain::{ApiError, ErrorCode};

/// `GET /api/on-behalf/registered`: the customers whose proxy the municipality registered
/// this person as, valid today. Permission: [`Action::ChoosePrincipal`].
pub async fn handle_registered<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    require(call.actor, Action::ChoosePrincipal, call.lang)?;
    let person = logged_in_person(call.actor)
        .ok_or_else(|| ApiError::new(ErrorCode::Forbidden, call.lang))?;
    let list = store::registered_principals(
        &call.ctx.db,
        person.hetu.as_str(),
        call.ctx.today(),
        call.lang,
    )
    .await?;
    Ok(ApiResponse::json(200, &list).with_header("cache-control", "no-store"))
}

/// `POST /api/on-behalf/registered` `{customer_id}`: act for that customer as their
/// registered proxy, if the registration is valid today (403 `no_right_to_act` otherwise,
/// the same for a customer who does not exist). Permission: [`Action::ChoosePrincipal`].
pub async fn handle_act_for_registered<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let session = call.session;
    require(call.actor, Action::ChoosePrincipal, call.lang)?;
    let choice: ActForRegistered = call.req.json()?;
    let (Some(person), Some(session)) = (logged_in_person(call.actor), session) else {
        return Err(ApiError::new(ErrorCode::Forbidden, call.lang).into());
    };
    let customer = choice.customer_id;
    if !store::is_registered_proxy(
        &call.ctx.db,
        customer,
        person.hetu.as_str(),
        call.ctx.today(),
        OnBehalfAction::Choose,
    )
    .await?
    {
        return Err(ApiError::new(ErrorCode::NoRightToAct, call.lang).into());
    }
    let at = call.ctx.timestamp();
    let name = format!("{} {}", person.given_name, person.family_name);
    let acting = Acting {
        principal: Principal::Customer(customer),
        basis: Basis::RegisteredProxy,
        valtuudet: None,
        checked_at: call.ctx.unix_now(),
    };
    let trail = store::trail_statement(&TrailRecord {
        at: &at,
        actor_hetu: person.hetu.as_str(),
        actor_name: &name,
        principal: Principal::Customer(customer),
        action: OnBehalfAction::Choose,
        basis: Basis::RegisteredProxy,
        result: TrailResult::Allowed,
    });
    let cookie = super::act_under_new_id(call, session, &acting, trail).await?;
    Ok(ApiResponse::no_content().add_header("set-cookie", cookie))
}
