//! `/api/staff/desk` and `/api/staff/income-tables`: what waits for the employee, and the
//! organiser's income tables for income-related vouchers.

use super::{field_error, member, refuse};
use crate::db::desk::decisions::{self, DecisionsOf};
use crate::db::desk::events::{self, StaffEventFilter};
use crate::db::desk::income;
use crate::db::{catalogue, organisers, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::desk::{DeskHome, IncomeTableView, IncomeTables};
use seteli_domain::desk::{DecisionStatus, FieldError};
use seteli_domain::permissions::{Action, StaffRole};
use seteli_domain::ErrorCode;

/// How far ahead the desk shows vouchers that are ending.
const ENDING_WITHIN_DAYS: i64 = 30;

/// `GET /api/staff/desk`: the employee's organiser and, for customer service, what waits:
/// drafts, decided decisions not yet delivered, vouchers ending within 30 days and disputed
/// events; for producer handlers, the open producer applications. Permission:
/// [`Action::StaffViewDesk`].
pub async fn handle_desk<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewDesk, call.lang)?;
    let db = &call.ctx.db;
    let lang = call.lang;
    let organiser = &member.organiser;
    let mut home = DeskHome {
        organiser_name: organisers::name(db, organiser, lang)
            .await?
            .unwrap_or_else(|| organiser.as_str().to_owned()),
        given_name: member.given_name.clone(),
        roles: member.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        drafts: Vec::new(),
        undelivered: Vec::new(),
        ending_soon: Vec::new(),
        disputed: Vec::new(),
        applications: Vec::new(),
        resident_applications: Vec::new(),
        notices: crate::db::desk::notices::unread(db, &member.username).await?,
        deliveries_to_review: 0,
    };
    let review = crate::db::outbox::Scope {
        customers: member.has(StaffRole::CustomerService),
        companies: member.has(StaffRole::ProducerHandler),
    };
    if review.customers || review.companies {
        home.deliveries_to_review =
            crate::db::outbox::count_to_review(db, organiser, review).await?;
    }
    if member.has(StaffRole::ProducerHandler) {
        let scope = crate::db::applications::Scope::Organiser(organiser);
        home.applications = crate::db::applications::list(db, scope, lang, call.ctx.today())
            .await?
            .into_iter()
            .filter(|a| {
                use seteli_domain::case::StateName::*;
                matches!(a.status.state, Submitted | InProgress | Waiting)
            })
            .collect();
    }
    // Customers' data is for customer service only; other roles see their organiser.
    if member.has(StaffRole::CustomerService) {
        let scope = crate::db::resident_applications::Scope::Organiser(organiser);
        home.resident_applications =
            crate::db::resident_applications::list(db, scope, lang, call.ctx.today())
                .await?
                .into_iter()
                .filter(|a| {
                    use seteli_domain::case::StateName::*;
                    matches!(a.status.state, Submitted | InProgress | Waiting)
                })
                .collect();
        let list = |status| {
            decisions::decisions(
                db,
                DecisionsOf::Organiser(organiser),
                None,
                None,
                Some(status),
            )
        };
        home.drafts = list(DecisionStatus::Draft)
            .await?
            .iter()
            .map(|d| d.summary(lang))
            .collect();
        home.undelivered = list(DecisionStatus::Decided)
            .await?
            .iter()
            .map(|d| d.summary(lang))
            .collect();
        let today = call.ctx.today();
        let until = today + time::Duration::days(ENDING_WITHIN_DAYS);
        home.ending_soon =
            crate::db::desk::vouchers(db, organiser, None, Some((today, until)), lang).await?;
        let disputed = StaffEventFilter {
            disputed_only: true,
            ..StaffEventFilter::default()
        };
        home.disputed = events::events(db, organiser, &disputed).await?;
    }
    Ok(ApiResponse::private_json(200, &home))
}

/// `GET /api/staff/income-tables`: the organiser's tables. Permission:
/// [`Action::StaffViewIncomeTables`].
pub async fn handle_income_tables<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewIncomeTables, call.lang)?;
    let tables = income::tables(&call.ctx.db, &member.organiser, None, call.lang).await?;
    Ok(ApiResponse::private_json(200, &IncomeTables { tables }))
}

/// `POST /api/staff/income-tables`: stores (or replaces) the organiser's table for its
/// service, checked by `domain::income`. Answers the table. Permission:
/// [`Action::StaffEditIncomeTables`].
pub async fn handle_set_income_table<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffEditIncomeTables, call.lang)?;
    let table: IncomeTableView = call.body(ErrorCode::InvalidIncomeTable)?;
    let fail = |field| {
        field_error(
            FieldError {
                code: ErrorCode::InvalidIncomeTable,
                field,
            },
            call.lang,
        )
    };
    table.table().check().map_err(|e| fail(e.field()))?;
    if table.full_value_cents > seteli_domain::desk::MAX_UNIT_VALUE {
        return Err(fail("full_value_cents"));
    }
    let db = &call.ctx.db;
    if catalogue::service_unit(db, &table.service_code)
        .await?
        .is_none()
    {
        return Err(fail("service_code"));
    }
    db.execute_statement(income::set_statement(
        &member.organiser,
        &table,
        &member.username,
        &call.ctx.timestamp(),
    ))
    .await?;
    let stored = income::tables(db, &member.organiser, Some(&table.service_code), call.lang)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| refuse(ErrorCode::Internal, call.lang))?;
    Ok(ApiResponse::private_json(200, &stored))
}
