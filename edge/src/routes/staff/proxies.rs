//! `/api/staff/customers/{id}/proxy..`: registering the customer's proxy (at most one in
//! force) and ending it. The customer is told of both through the outbox.

use super::{customer_of, field_error, member, organiser_name, refuse};
use crate::db::desk::access_log::staff_view_statement;
use crate::db::desk::deciding::organiser_message;
use crate::db::desk::proxies::{end_statement, proxies_of, register_statement};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::desk::{EndProxy, NewProxy};
use seteli_domain::api::MessageKind;
use seteli_domain::desk::{check_proxy, check_text, ProxyRequest, StaffView, MAX_TEXT};
use seteli_domain::permissions::Action;
use seteli_domain::ErrorCode;

/// `POST /api/staff/customers/{id}/proxy`: registers a proxy (204). A registration whose
/// validity has passed is ended in the same batch; one still valid refuses a second.
/// Permission: [`Action::StaffRegisterProxies`].
pub async fn handle_register_proxy<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffRegisterProxies, call.lang)?;
    let new: NewProxy = call.body(ErrorCode::InvalidProxy)?;
    let customer = customer_of(call, member).await?;
    let request = ProxyRequest {
        proxy_hetu: &new.hetu,
        given_name: &new.given_name,
        family_name: &new.family_name,
        basis: new.basis,
        justification: &new.justification,
        scope: &new.scope,
        evidence: &new.evidence,
        valid_from: new.valid_from,
        valid_until: new.valid_until,
    };
    let proxy = check_proxy(&request, &customer.hetu()?).map_err(|e| field_error(e, call.lang))?;
    let db = &call.ctx.db;
    let today = call.ctx.today();
    let at = call.ctx.timestamp();
    let mut statements = Vec::new();
    if let Some(current) = proxies_of(db, customer.id)
        .await?
        .into_iter()
        .find(|p| p.ended_at.is_none())
    {
        if current.valid_until >= today {
            return Err(refuse(ErrorCode::ProxyAlreadyRegistered, call.lang));
        }
        statements.push(end_statement(customer.id, "expired", &member.username, &at));
    }
    statements.push(register_statement(
        customer.id,
        &proxy,
        &request,
        &member.username,
        &at,
    ));
    statements.push(organiser_message(
        customer.id,
        MessageKind::ProxyRegistered,
        &organiser_name(call, member).await?,
        None,
        &at,
    ));
    statements.push(staff_view_statement(
        member,
        customer.id,
        StaffView::ProxyChange,
        &at,
    ));
    match db.batch(&statements).await {
        Ok(()) => Ok(ApiResponse::no_content()),
        // Two employees at once: the index keeps one in force.
        Err(e) if e.is_unique_violation() => {
            Err(refuse(ErrorCode::ProxyAlreadyRegistered, call.lang))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /api/staff/customers/{id}/proxy/end` `{reason}`: ends the proxy in force.
/// Permission: [`Action::StaffRegisterProxies`].
pub async fn handle_end_proxy<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffRegisterProxies, call.lang)?;
    let end: EndProxy = call.body(ErrorCode::InvalidProxy)?;
    let customer = customer_of(call, member).await?;
    check_text(&end.reason, MAX_TEXT, ErrorCode::InvalidProxy, "reason")
        .map_err(|e| field_error(e, call.lang))?;
    let db = &call.ctx.db;
    let in_force = proxies_of(db, customer.id)
        .await?
        .iter()
        .any(|p| p.ended_at.is_none());
    if !in_force {
        return Err(refuse(ErrorCode::NoProxyInForce, call.lang));
    }
    let at = call.ctx.timestamp();
    db.batch(&[
        end_statement(customer.id, &end.reason, &member.username, &at),
        organiser_message(
            customer.id,
            MessageKind::ProxyEnded,
            &organiser_name(call, member).await?,
            None,
            &at,
        ),
        staff_view_statement(member, customer.id, StaffView::ProxyChange, &at),
    ])
    .await?;
    Ok(ApiResponse::no_content())
}
