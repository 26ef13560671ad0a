//! `/api/staff/authorisations..`: the organiser's own e-authorisation catalogue and maps,
//! which every employee reads and the authorisation administrator keeps, and the report on
//! orders and holdings. Every query is limited to the member's organiser.

use super::{field_error, member, refuse};
use crate::db::authorisations::{self as catalogue, holdings, orders};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::authorisations::{
    AuthorisationCatalogue, AuthorisationMap, AuthorisationReport, DepartmentHoldings, MapBy,
    PathReport, Place, SetMap,
};
use seteli_domain::authorisation::{
    check_authorisation, median_tenths, AuthorisationForm, OrderPath,
};
use seteli_domain::case::StateName;
use seteli_domain::permissions::{Action, StaffRole};
use seteli_domain::settlement::Month;
use seteli_domain::{ApiError, ErrorCode};
use time::Date;

/// `GET /api/staff/authorisations`: the catalogue, the departments and job titles, and the
/// member's own place. Permission: [`Action::StaffViewAuthorisations`] (every employee).
pub async fn handle_catalogue<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewAuthorisations, call.lang)?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    let departments = catalogue::places(db, organiser, MapBy::Department).await?;
    let job_titles = catalogue::places(db, organiser, MapBy::JobTitle).await?;
    // The login's place counts only if the organiser's lists know it.
    let known = |places: &[Place], code: &Option<String>| {
        code.clone().filter(|c| places.iter().any(|p| p.code == *c))
    };
    let answer = AuthorisationCatalogue {
        authorisations: catalogue::catalogue(db, organiser).await?,
        given_name: member.given_name.clone(),
        family_name: member.family_name.clone(),
        my_department: known(&departments, &member.department),
        my_job_title: known(&job_titles, &member.job_title),
        departments,
        job_titles,
        orders_for_team: member.has(StaffRole::Supervisor),
        administers: member.has(StaffRole::AuthorisationAdmin),
    };
    Ok(ApiResponse::private_json(200, &answer))
}

/// The map's department or job title from `?department=` or `?job_title=`.
fn map_of<D: Database, H: Outbound>(call: &Call<'_, D, H>) -> Result<(MapBy, String), EdgeError> {
    match (
        call.req.query_param("department"),
        call.req.query_param("job_title"),
    ) {
        (Some(code), None) => Ok((MapBy::Department, code.to_owned())),
        (None, Some(code)) => Ok((MapBy::JobTitle, code.to_owned())),
        _ => Err(ApiError::field(ErrorCode::MissingParameter, "department", call.lang).into()),
    }
}

/// `GET /api/staff/authorisations/map?department=CODE` (or `?job_title=CODE`): which
/// authorisations the work needs, each saying whether the organisation holds it.
/// Permission: [`Action::StaffViewAuthorisations`] (every employee).
pub async fn handle_map<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewAuthorisations, call.lang)?;
    let (by, code) = map_of(call)?;
    let db = &call.ctx.db;
    let place = catalogue::place(db, &member.organiser, by, &code)
        .await?
        .ok_or_else(|| refuse(ErrorCode::NotFound, call.lang))?;
    let authorisations = catalogue::map(db, &member.organiser, by, &code).await?;
    Ok(ApiResponse::private_json(
        200,
        &AuthorisationMap {
            by,
            place,
            authorisations,
        },
    ))
}

/// `POST /api/staff/authorisations/map` `{by, code, authorisations}`: the whole map of one
/// department or job title. Every authorisation must be in the organiser's catalogue.
/// Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_set_map<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffAdministerAuthorisations, call.lang)?;
    let body: SetMap = call.body(ErrorCode::InvalidAuthorisation)?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    catalogue::place(db, organiser, body.by, &body.code)
        .await?
        .ok_or_else(|| ApiError::field(ErrorCode::InvalidAuthorisation, "code", call.lang))?;
    let mut ids = body.authorisations.clone();
    ids.sort_unstable();
    ids.dedup();
    let found = catalogue::entries(db, organiser, &ids).await?;
    if found.len() != ids.len() {
        return Err(
            ApiError::field(ErrorCode::UnknownAuthorisation, "authorisations", call.lang).into(),
        );
    }
    catalogue::set_map(db, organiser, body.by, &body.code, &ids).await?;
    let authorisations = catalogue::map(db, organiser, body.by, &body.code).await?;
    let place = catalogue::place(db, organiser, body.by, &body.code)
        .await?
        .ok_or_else(|| EdgeError::Internal("a mapped place vanished".into()))?;
    Ok(ApiResponse::private_json(
        200,
        &AuthorisationMap {
            by: body.by,
            place,
            authorisations,
        },
    ))
}

/// `POST /api/staff/authorisations`: a new catalogue entry (names, agency and service in
/// fi/sv/en, kind, issue code, why, held). Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_add<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffAdministerAuthorisations, call.lang)?;
    let form: AuthorisationForm = call.body(ErrorCode::InvalidAuthorisation)?;
    check_authorisation(&form).map_err(|e| field_error(e, call.lang))?;
    let at = call.ctx.timestamp();
    let db = &call.ctx.db;
    let id = catalogue::add(db, &member.organiser, &form, &at, &member.full_name()).await?;
    let entry = catalogue::entries(db, &member.organiser, &[id])
        .await?
        .pop()
        .ok_or_else(|| EdgeError::Internal("an added authorisation vanished".into()))?;
    Ok(ApiResponse::private_json(201, &entry))
}

/// `POST /api/staff/authorisations/{id}`: rewrites a catalogue entry. Permission:
/// [`Action::StaffAdministerAuthorisations`].
pub async fn handle_edit<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffAdministerAuthorisations, call.lang)?;
    let not_found = || refuse(ErrorCode::UnknownAuthorisation, call.lang);
    let id: i64 = call.id.parse().map_err(|_| not_found())?;
    let form: AuthorisationForm = call.body(ErrorCode::InvalidAuthorisation)?;
    check_authorisation(&form).map_err(|e| field_error(e, call.lang))?;
    let at = call.ctx.timestamp();
    let db = &call.ctx.db;
    if !catalogue::edit(db, &member.organiser, id, &form, &at, &member.full_name()).await? {
        return Err(not_found());
    }
    let entry = catalogue::entries(db, &member.organiser, &[id])
        .await?
        .pop()
        .ok_or_else(not_found)?;
    Ok(ApiResponse::private_json(200, &entry))
}

/// `GET /api/staff/authorisations/report?from=YYYY-MM&to=YYYY-MM`: each path's median
/// handling time of the orders done in the period (by default the twelve months up to this
/// one) against the expected, the orders open and overdue now, and holdings in force per
/// department. Permission: [`Action::StaffAdministerAuthorisations`].
pub async fn handle_report<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffAdministerAuthorisations, call.lang)?;
    let db = &call.ctx.db;
    let organiser = &member.organiser;
    let today = call.ctx.today();
    let (from, to) = super::reports::period(call, Month::of(today))?;
    let in_period = |done: Date| (from..=to).contains(&Month::of(done));
    let rows = orders::for_report(db, organiser).await?;
    let paths = OrderPath::ALL
        .into_iter()
        .map(|path| {
            let of_path = || rows.iter().filter(move |r| r.path == path);
            let days: Vec<i64> = of_path()
                .filter(|r| r.state == StateName::Approved)
                .filter_map(|r| {
                    r.done_on
                        .filter(|done| in_period(*done))
                        .map(|done| (done - r.sent_on()).whole_days())
                })
                .collect();
            let open = of_path().filter(|r| is_open(r.state));
            PathReport {
                path,
                expected_max_days: path.expected_days().1,
                median_tenths: median_tenths(&days),
                done: count(days.len()),
                open: count(open.clone().count()),
                overdue: count(open.filter(|r| path.overdue(r.sent_on(), today)).count()),
            }
        })
        .collect();
    let counts = holdings::per_department(db, organiser).await?;
    let departments = catalogue::places(db, organiser, MapBy::Department)
        .await?
        .into_iter()
        .map(|department| DepartmentHoldings {
            holdings: counts
                .iter()
                .find(|(code, _)| *code == department.code)
                .map_or(0, |(_, n)| u32::try_from(*n).unwrap_or(u32::MAX)),
            department,
        })
        .collect();
    Ok(ApiResponse::private_json(
        200,
        &AuthorisationReport {
            from,
            to,
            paths,
            departments,
        },
    ))
}

/// Whether an order in `state` is still open.
fn is_open(state: StateName) -> bool {
    matches!(
        state,
        StateName::Submitted | StateName::InProgress | StateName::Waiting
    )
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
