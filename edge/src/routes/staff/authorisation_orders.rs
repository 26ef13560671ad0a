//! `/api/staff/authorisation-orders..`: employees order e-authorisations on the two paths
//! and follow them; the authorisation administrator runs the queue on the case engine —
//! take, hand over, release, wait on DVV (path 2, with DVV's reference), record DVV's grant,
//! record what they did in Suomi.fi-valtuudet, reject. Seteli prepares the change and records
//! it; a person makes it (the law requires one). Each step tells the orderer on their desk
//! and by e-mail. Every query is limited to the member's organiser.

use super::{field_error, member, refuse};
use crate::db::authorisations::orders::{self, OrderRow, Orders};
use crate::db::authorisations::{self as catalogue, holdings};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::authorisations::{
    Administrator, MapBy, MyAuthorisations, OrderForm, OrderSent, OrderSummary, OrderView, Prepared,
};
use seteli_domain::authorisation::{check_order, check_path};
use seteli_domain::desk::FieldError;
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::{Action, StaffMember, StaffRole};
use seteli_domain::{ApiError, ErrorCode, Hetu};

const ADMIN: Action = Action::StaffAdministerAuthorisations;

fn bad(field: &'static str) -> FieldError {
    FieldError {
        code: ErrorCode::InvalidAuthorisationOrder,
        field,
    }
}

/// Whether the names are the member's own (as their login gives them).
fn is_self(member: &StaffMember, given: &str, family: &str) -> bool {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    same(given, &member.given_name) && same(family, &member.family_name)
}

/// `POST /api/staff/authorisation-orders`: an order on path 1 (held) or 2 (missing). An
/// employee orders for themself (in their own department when the login names one); a
/// supervisor also for employees of their own department. Answered with the number and the
/// expected handling time; the orderer is sent the confirmation. Permission:
/// [`Action::StaffOrderAuthorisations`] (every employee).
pub async fn handle_order<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffOrderAuthorisations, call.lang)?;
    let lang = call.lang;
    let form: OrderForm = call.body(ErrorCode::InvalidAuthorisationOrder)?;
    let today = call.ctx.today();
    check_order(
        &form.given_name,
        &form.family_name,
        &form.justification,
        &form.email,
        &form.authorisations,
        form.needed_until,
        today,
    )
    .map_err(|e| field_error(e, lang))?;
    let hetu = Hetu::parse(form.hetu.trim()).map_err(|_| field_error(bad("hetu"), lang))?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    for (by, code, field) in [
        (MapBy::Department, &form.department, "department"),
        (MapBy::JobTitle, &form.job_title, "job_title"),
    ] {
        if catalogue::place(db, organiser, by, code).await?.is_none() {
            return Err(field_error(bad(field), lang));
        }
    }
    // Whom for: oneself, or (a supervisor) an employee of one's own department — as the
    // login names it, if the organiser's list knows it.
    let mut own_department = None;
    if let Some(code) = member.department.as_deref() {
        if catalogue::place(db, organiser, MapBy::Department, code)
            .await?
            .is_some()
        {
            own_department = Some(code);
        }
    }
    let for_self = is_self(member, &form.given_name, &form.family_name);
    let allowed = if for_self {
        own_department.is_none_or(|d| d == form.department)
    } else {
        member.has(StaffRole::Supervisor) && own_department == Some(form.department.as_str())
    };
    if !allowed {
        return Err(refuse(ErrorCode::NotYourTeam, lang));
    }
    let entries = catalogue::entries(db, organiser, &form.authorisations).await?;
    if entries.len() != form.authorisations.len() {
        return Err(
            ApiError::field(ErrorCode::UnknownAuthorisation, "authorisations", lang).into(),
        );
    }
    let held: Vec<bool> = entries.iter().map(|e| e.held).collect();
    check_path(form.path, &held).map_err(|e| field_error(e, lang))?;
    let token = crate::crypto::random_token()
        .ok_or_else(|| EdgeError::Internal("no randomness for an order".into()))?;
    let at = call.ctx.timestamp();
    let employee = for_self.then_some(member.username.as_str());
    let statements = orders::insert(
        organiser,
        &form,
        hetu.as_str(),
        employee,
        member,
        &token,
        &at,
    );
    db.batch(&statements).await?;
    let id = crate::db::cases::id_by_token(db, &token).await?;
    let (min, max) = form.path.expected_days();
    Ok(ApiResponse::private_json(
        201,
        &OrderSent {
            id,
            path: form.path,
            expected_min_days: min,
            expected_max_days: max,
            due_on: form.path.due_on(today),
        },
    ))
}

/// `rows` as a list shows them, with their authorisations.
async fn summaries<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    rows: &[OrderRow],
) -> Result<Vec<OrderSummary>, EdgeError> {
    let ids: Vec<CaseId> = rows.iter().map(|r| r.case.id).collect();
    let mut items = orders::items(&call.ctx.db, &ids).await?;
    let today = call.ctx.today();
    Ok(rows
        .iter()
        .map(|r| r.summary(items.remove(&r.case.id).unwrap_or_default(), today))
        .collect())
}

/// `GET /api/staff/authorisation-orders`: the member's own orders (those they sent and
/// those for them) and their holdings. Opening it reads the notices of their own holdings'
/// ends (an administrator's notices of others' stay for the register). Permission: [`Action::StaffViewAuthorisations`] (every employee).
pub async fn handle_mine<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewAuthorisations, call.lang)?;
    let db = &call.ctx.db;
    let rows = orders::list(db, Orders::Mine(member)).await?;
    let orders = summaries(call, &rows).await?;
    let holdings = holdings::of_employee(db, &member.organiser, &member.username)
        .await?
        .iter()
        .map(holdings::HoldingRow::view)
        .collect();
    crate::db::desk::notices::mark_own_holdings_read(db, &member.username, &call.ctx.timestamp())
        .await?;
    Ok(ApiResponse::private_json(
        200,
        &MyAuthorisations { orders, holdings },
    ))
}

/// `GET /api/staff/authorisation-orders/queue`: the organiser's open orders, oldest first
/// (overdue ones flagged), then the last closed. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_queue<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ADMIN, call.lang)?;
    let rows = orders::list(&call.ctx.db, Orders::Queue(&member.organiser)).await?;
    Ok(ApiResponse::private_json(
        200,
        &summaries(call, &rows).await?,
    ))
}

/// The path's order, if the member's organiser has it and the member may read it: its
/// orderer, its employee, or an administrator. Otherwise 404, as for one that does not exist.
pub(super) async fn order_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<OrderRow, EdgeError> {
    let not_found = || refuse(ErrorCode::OrderNotFound, call.lang);
    let id = CaseId::parse(call.id).ok_or_else(not_found)?;
    let row = orders::find(&call.ctx.db, &member.organiser, id)
        .await?
        .ok_or_else(not_found)?;
    let mine = row.orderer_username == member.username
        || row.employee_username.as_deref() == Some(member.username.as_str());
    if mine || member.has(StaffRole::AuthorisationAdmin) {
        Ok(row)
    } else {
        Err(not_found())
    }
}

/// The order whole, as the member may read it.
pub(super) async fn view<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    row: &OrderRow,
) -> Result<OrderView, EdgeError> {
    let db = &call.ctx.db;
    let summary = summaries(call, std::slice::from_ref(row))
        .await?
        .pop()
        .ok_or_else(|| EdgeError::Internal("an order without its summary".into()))?;
    let administers = member.has(StaffRole::AuthorisationAdmin);
    let holds = row.case.handler.as_deref() == Some(member.username.as_str());
    let prepared = (administers && holds).then(|| Prepared {
        employee_name: row.employee_name(),
        hetu: row.employee_hetu.clone(),
        authorisations: summary.authorisations.clone(),
        until: row.needed_until,
    });
    let administrators = if administers {
        orders::administrators(db, &member.organiser)
            .await?
            .into_iter()
            .map(|(username, name)| Administrator { username, name })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrderView {
        hetu_masked: Hetu::parse(&row.employee_hetu)
            .map(|h| h.masked())
            .unwrap_or_default(),
        justification: row.justification.clone(),
        needed_until: row.needed_until,
        orderer_email: row.orderer_email.clone(),
        dvv_reference: row.dvv_reference.clone(),
        dvv_granted_on: row.dvv_granted_on,
        done_on: row.done_on,
        done_by_name: row.done_by_name.clone(),
        valid_until: row.valid_until,
        history: crate::db::cases::history_entries(db, row.case.id).await?,
        prepared,
        administers,
        administrators,
        summary,
    })
}

/// `GET /api/staff/authorisation-orders/{id}`: the order, for its orderer, its employee or
/// an administrator (only the administrator holding it sees what to do in
/// Suomi.fi-valtuudet, the identity code included). Opening it reads its notices.
/// Permission: [`Action::StaffViewAuthorisations`] (every employee).
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewAuthorisations, call.lang)?;
    let row = order_of(call, member).await?;
    let answer = view(call, member, &row).await?;
    let at = call.ctx.timestamp();
    crate::db::desk::notices::mark_read(&call.ctx.db, &member.username, row.case.id, &at).await?;
    Ok(ApiResponse::private_json(200, &answer))
}
