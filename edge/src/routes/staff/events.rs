//! `/api/staff/events..`: service events to check, by voucher, producer and period, and
//! staff's check of one (checked, or disputed with a note the producer answers).

use super::{field_error, member, refuse};
use crate::db::desk::access_log::{log_staff_views, staff_view_statement};
use crate::db::desk::events::{self, check_statement, StaffEventFilter};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::desk::{NewEventCheck, StaffEventList};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::desk::{check_event_check, FieldError, StaffView};
use seteli_domain::ids::{CustomerId, EventId, ProducerId, VoucherId};
use seteli_domain::permissions::Action;
use seteli_domain::ErrorCode;

/// `GET /api/staff/events?voucher=&producer=&from=&to=&disputed=1`: the organiser's events,
/// newest service date first (at most 200). A parameter that is not an id or a
/// `YYYY-MM-DD` date is refused naming it. The customers whose events are listed are logged
/// as seen. Permission: [`Action::StaffViewCustomers`].
pub async fn handle_events<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewCustomers, call.lang)?;
    let bad = |field| {
        field_error(
            FieldError {
                code: ErrorCode::InvalidCheck,
                field,
            },
            call.lang,
        )
    };
    let param = |name: &'static str| call.req.query_param(name).filter(|v| !v.is_empty());
    let id = |name: &'static str| -> Result<Option<i64>, EdgeError> {
        param(name)
            .map(|v| {
                VoucherId::parse(v)
                    .map(VoucherId::get)
                    .ok_or_else(|| bad(name))
            })
            .transpose()
    };
    let date = |name: &'static str| {
        param(name)
            .map(|v| parse_iso_date(v).ok_or_else(|| bad(name)))
            .transpose()
    };
    let filter = StaffEventFilter {
        customer: id("customer")?.and_then(|v| CustomerId::parse(&v.to_string())),
        voucher: id("voucher")?.and_then(|v| VoucherId::parse(&v.to_string())),
        producer: id("producer")?.and_then(|v| ProducerId::parse(&v.to_string())),
        from: date("from")?,
        to: date("to")?,
        event: None,
        disputed_only: param("disputed") == Some("1"),
    };
    let list = events::events(&call.ctx.db, &member.organiser, &filter).await?;
    let mut customers: Vec<CustomerId> = list.iter().map(|e| e.customer_id).collect();
    customers.sort();
    customers.dedup();
    log_staff_views(
        &call.ctx.db,
        member,
        &customers,
        StaffView::Events,
        &call.ctx.timestamp(),
    )
    .await?;
    Ok(ApiResponse::private_json(
        200,
        &StaffEventList { events: list },
    ))
}

/// `POST /api/staff/events/{id}/check` `{status, note}`: marks the organiser's event
/// checked, or disputed with a note (the producer sees it on its voucher page and answers).
/// Answers the event. Permission: [`Action::StaffCheckEvents`].
pub async fn handle_check_event<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffCheckEvents, call.lang)?;
    let check: NewEventCheck = call.body(ErrorCode::InvalidCheck)?;
    let not_found = || refuse(ErrorCode::NotFound, call.lang);
    let id = EventId::parse(call.id).ok_or_else(not_found)?;
    let filter = StaffEventFilter {
        event: Some(id),
        ..StaffEventFilter::default()
    };
    let db = &call.ctx.db;
    let event = events::events(db, &member.organiser, &filter)
        .await?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    check_event_check(check.status, &check.note).map_err(|e| field_error(e, call.lang))?;
    let at = call.ctx.timestamp();
    db.batch(&[
        check_statement(id, check.status, &check.note, member, &at),
        staff_view_statement(member, event.customer_id, StaffView::EventCheck, &at),
    ])
    .await?;
    let event = events::events(db, &member.organiser, &filter)
        .await?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    Ok(ApiResponse::private_json(200, &event))
}
