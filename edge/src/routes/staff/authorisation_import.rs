//! `POST /api/staff/authorisation-holdings/import`: the holdings an organisation had in
//! Suomi.fi-valtuudet before Seteli's register (Porvoo: 250), entered from a spreadsheet in
//! one go. The file is checked whole — every line's problems named — and entered only when
//! every line is whole, all in one batch.

use super::member;
use crate::db::authorisations::{self as catalogue, holdings};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::authorisations::{
    HoldingsImport, HoldingsImportChecked, MapBy, NewHolding,
};
use seteli_domain::authorisation::import::{read_holdings, resolve};
use seteli_domain::permissions::Action;
use seteli_domain::{ApiError, ErrorCode};

/// `POST /api/staff/authorisation-holdings/import` `{csv, enter}`: the file's lines of
/// holdings and their problems (each line's department and job title must be the
/// organiser's, its authorisation one the organisation holds); with `enter`, and no
/// problem, every line is entered as a holding recorded by the member (201) — with a
/// problem, nothing is (`invalid_holdings_import`). Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_import<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffAdministerAuthorisations, call.lang)?;
    let body: HoldingsImport = call.body(ErrorCode::InvalidHoldingsImport)?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    let (rows, mut problems) = read_holdings(&body.csv, call.ctx.today());
    let in_force = holdings::in_force(db, organiser).await?;
    let in_register: Vec<(&str, i64)> = in_force
        .iter()
        .map(|h| (h.employee_hetu.as_str(), h.authorisation_id))
        .collect();
    let (resolved, unknown) = resolve(
        rows,
        &catalogue::places(db, organiser, MapBy::Department).await?,
        &catalogue::places(db, organiser, MapBy::JobTitle).await?,
        &catalogue::catalogue(db, organiser).await?,
        &in_register,
    );
    problems.extend(unknown);
    problems.sort_by_key(|p| p.line);
    let mut lines: Vec<u32> = problems.iter().map(|p| p.line).filter(|l| *l > 1).collect();
    lines.extend(resolved.iter().map(|r| r.row.line));
    lines.sort_unstable();
    lines.dedup();
    let mut answer = HoldingsImportChecked {
        lines: u32::try_from(lines.len()).unwrap_or(u32::MAX),
        problems,
        entered: 0,
    };
    if !body.enter {
        return Ok(ApiResponse::private_json(200, &answer));
    }
    if !answer.problems.is_empty() {
        return Err(ApiError::field(ErrorCode::InvalidHoldingsImport, "csv", call.lang).into());
    }
    let by_name = member.full_name();
    let statements: Vec<_> = resolved
        .iter()
        .map(|r| {
            let holding = NewHolding {
                authorisation_id: r.authorisation_id,
                given_name: r.row.given_name.clone(),
                family_name: r.row.family_name.clone(),
                hetu: r.row.hetu.as_str().to_owned(),
                department: r.department.clone(),
                job_title: r.job_title.clone(),
                since: r.row.since,
                until: r.row.until,
            };
            holdings::adding(organiser, &holding, r.row.hetu.as_str(), &by_name)
        })
        .collect();
    db.batch(&statements).await?;
    answer.entered = u32::try_from(statements.len()).unwrap_or(u32::MAX);
    Ok(ApiResponse::private_json(201, &answer))
}
