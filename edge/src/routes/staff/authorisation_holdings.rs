//! `/api/staff/authorisation-holdings..`: the holdings register the authorisation
//! administrator keeps — who holds what, since and until when; what ends within 60 days (to
//! renew); an employee leaving and what they hold (to revoke); a holding revoked in
//! Suomi.fi-valtuudet, recorded with its day and the administrator's name. Every query is
//! limited to the member's organiser.

use super::{field_error, member, refuse};
use crate::db::authorisations as catalogue;
use crate::db::authorisations::holdings::{self, HoldingRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::authorisations::{
    EndHolding, HoldingView, HoldingsRegister, Leaving, MapBy, NewHolding,
};
use seteli_domain::authorisation::ends_soon;
use seteli_domain::desk::FieldError;
use seteli_domain::permissions::{Action, StaffMember};
use seteli_domain::{ApiError, ErrorCode};

const ACTION: Action = Action::StaffAdministerAuthorisations;

/// The path's holding, if the member's organiser has it.
async fn holding_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<HoldingRow, EdgeError> {
    let not_found = || refuse(ErrorCode::HoldingNotFound, call.lang);
    let id: i64 = call.id.parse().map_err(|_| not_found())?;
    holdings::find(&call.ctx.db, &member.organiser, id)
        .await?
        .ok_or_else(not_found)
}

/// The register as the administrator reads it on `today`.
async fn register<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<HoldingsRegister, EdgeError> {
    let rows = holdings::in_force(&call.ctx.db, &member.organiser).await?;
    let today = call.ctx.today();
    let views = |keep: &dyn Fn(&HoldingRow) -> bool| -> Vec<HoldingView> {
        rows.iter()
            .filter(|r| keep(r))
            .map(HoldingRow::view)
            .collect()
    };
    Ok(HoldingsRegister {
        ending_soon: views(&|r| r.until.is_some_and(|until| ends_soon(until, today))),
        to_revoke: views(&|r| r.leaving_on.is_some()),
        holdings: views(&|_| true),
    })
}

/// `GET /api/staff/authorisation-holdings`: holdings in force, those ending within 60 days
/// and those of leaving employees. Opening it reads the notices of holdings' ends.
/// Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let answer = register(call, member).await?;
    crate::db::desk::notices::mark_holdings_read(
        &call.ctx.db,
        &member.username,
        &call.ctx.timestamp(),
    )
    .await?;
    Ok(ApiResponse::private_json(200, &answer))
}

/// `POST /api/staff/authorisation-holdings`: a holding made in Suomi.fi-valtuudet before the
/// register, entered by the administrator (names, identity code, place, the authorisation —
/// one the organisation holds —, since and until). Answered with the register. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_add<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let lang = call.lang;
    let body: NewHolding = call.body(ErrorCode::InvalidAuthorisationOrder)?;
    let bad = |field| {
        field_error(
            FieldError {
                code: ErrorCode::InvalidAuthorisationOrder,
                field,
            },
            lang,
        )
    };
    for (text, field) in [
        (&body.given_name, "given_name"),
        (&body.family_name, "family_name"),
    ] {
        let length = text.trim().chars().count();
        if length == 0 || length > 100 || text.chars().any(char::is_control) {
            return Err(bad(field));
        }
    }
    let hetu = seteli_domain::Hetu::parse(body.hetu.trim()).map_err(|_| bad("hetu"))?;
    let today = call.ctx.today();
    if body.since > today {
        return Err(bad("since"));
    }
    if body.until.is_some_and(|until| until <= body.since) {
        return Err(bad("until"));
    }
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    for (by, code, field) in [
        (MapBy::Department, &body.department, "department"),
        (MapBy::JobTitle, &body.job_title, "job_title"),
    ] {
        if catalogue::place(db, organiser, by, code).await?.is_none() {
            return Err(bad(field));
        }
    }
    let entry = catalogue::entries(db, organiser, &[body.authorisation_id])
        .await?
        .pop()
        .ok_or_else(|| {
            ApiError::field(ErrorCode::UnknownAuthorisation, "authorisation_id", lang)
        })?;
    // One holds only what the organisation holds.
    if !entry.held {
        return Err(
            ApiError::field(ErrorCode::AuthorisationNotHeld, "authorisation_id", lang).into(),
        );
    }
    holdings::add(db, organiser, &body, hetu.as_str(), &member.full_name()).await?;
    Ok(ApiResponse::private_json(
        201,
        &register(call, member).await?,
    ))
}

/// `POST /api/staff/authorisation-holdings/{id}/leaving` `{leaving_on}`: the holding's
/// employee leaves on that day; every holding of theirs in force is marked, and the answer
/// lists them: what to revoke in Suomi.fi-valtuudet. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_leaving<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let body: Leaving = call.body(ErrorCode::InvalidCaseStep)?;
    let row = holding_of(call, member).await?;
    if row.ended_on.is_some() {
        return Err(refuse(ErrorCode::HoldingEnded, call.lang));
    }
    let db = &call.ctx.db;
    holdings::mark_leaving(db, &member.organiser, &row.employee_hetu, body.leaving_on).await?;
    let to_revoke: Vec<HoldingView> = holdings::in_force(db, &member.organiser)
        .await?
        .iter()
        .filter(|r| r.employee_hetu == row.employee_hetu)
        .map(HoldingRow::view)
        .collect();
    Ok(ApiResponse::private_json(200, &to_revoke))
}

/// `POST /api/staff/authorisation-holdings/{id}/end` `{ended_on}`: the administrator
/// revoked it in Suomi.fi-valtuudet on that day (not in the future); recorded with their
/// name. Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_end<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, ACTION, call.lang)?;
    let body: EndHolding = call.body(ErrorCode::InvalidCaseStep)?;
    let row = holding_of(call, member).await?;
    if body.ended_on > call.ctx.today() || body.ended_on < row.since {
        return Err(field_error(
            FieldError {
                code: ErrorCode::InvalidCaseStep,
                field: "ended_on",
            },
            call.lang,
        ));
    }
    let ended = holdings::end(
        &call.ctx.db,
        &member.organiser,
        row.id,
        body.ended_on,
        &member.full_name(),
    )
    .await?;
    if !ended {
        return Err(refuse(ErrorCode::HoldingEnded, call.lang));
    }
    Ok(ApiResponse::private_json(
        200,
        &register(call, member).await?,
    ))
}
