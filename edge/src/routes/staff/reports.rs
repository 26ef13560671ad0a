//! `/api/staff/reports/..`: the organiser's reports for finance and customer service —
//! visits per month, service and producer over a period, and each service's purchasing
//! power granted against used in a year — as JSON for the page, or as CSV (`format=csv`).

use super::{bad_field as bad, csv_euros, csv_file, member};
use crate::db::settlements::reports;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::settlement::{BudgetReport, ProductionReport, MAX_REPORT_MONTHS};
use seteli_domain::permissions::Action;
use seteli_domain::settlement::Month;
use seteli_domain::{ApiError, ErrorCode};

/// The query's period `from=YYYY-MM&to=YYYY-MM`: by default the twelve months up to
/// `default_to`; at most [`MAX_REPORT_MONTHS`], `from` not after `to`, else
/// `invalid_report_period` naming the field to correct.
pub(super) fn period<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    default_to: Month,
) -> Result<(Month, Month), EdgeError> {
    let bad = |field| ApiError::field(ErrorCode::InvalidReportPeriod, field, call.lang);
    let month = |name: &'static str| -> Result<Option<Month>, ApiError> {
        match call.req.query_param(name).filter(|v| !v.is_empty()) {
            Some(text) => Month::parse(text).map(Some).ok_or_else(|| bad(name)),
            None => Ok(None),
        }
    };
    let to = month("to")?.unwrap_or(default_to);
    let from = match month("from")? {
        Some(from) => from,
        None => (0..11).fold(to, |m, _| m.previous()),
    };
    let span = from.months_to(to);
    if span < 0 || span >= MAX_REPORT_MONTHS as i32 {
        return Err(bad("from").into());
    }
    Ok((from, to))
}

fn wants_csv<D: Database, H: Outbound>(call: &Call<'_, D, H>) -> bool {
    call.req.query_param("format") == Some("csv")
}

/// `GET /api/staff/reports/production?from=YYYY-MM&to=YYYY-MM[&format=csv]`: the visits
/// that stand per month, service and producer (by default the twelve months up to the one
/// before this; at most 24). Permission: [`Action::StaffViewSettlements`].
pub async fn handle_production<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewSettlements, call.lang)?;
    let (from, to) = period(call, Month::of(call.ctx.today()).previous())?;
    let rows = reports::production(&call.ctx.db, &member.organiser, from, to, call.lang).await?;
    if wants_csv(call) {
        let records = rows.iter().map(|r| {
            vec![
                r.month.to_string(),
                r.service_code.clone(),
                r.service_name.clone(),
                r.producer_name.clone(),
                r.events.to_string(),
                format!("{}.{:02}", r.units_x100 / 100, r.units_x100 % 100),
                csv_euros(r.voucher_share_cents),
                csv_euros(r.own_share_cents),
            ]
        });
        return csv_file(
            &format!("seteli-{}-{from}-{to}.csv", member.organiser.as_str()),
            &[
                "month",
                "service_code",
                "service",
                "producer",
                "visits",
                "units",
                "voucher_share_eur",
                "own_share_eur",
            ],
            records,
        );
    }
    Ok(ApiResponse::private_json(
        200,
        &ProductionReport { from, to, rows },
    ))
}

/// `GET /api/staff/reports/budget?year=YYYY[&format=csv]`: per service, the vouchers in
/// force in the year, what they granted and what the year's visits used (by default this
/// year). Permission: [`Action::StaffViewSettlements`].
pub async fn handle_budget<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewSettlements, call.lang)?;
    let year = match call.req.query_param("year").filter(|v| !v.is_empty()) {
        Some(text) => text
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2999).contains(y))
            .ok_or_else(|| bad(call, "year"))?,
        None => call.ctx.today().year(),
    };
    let rows = reports::budget(&call.ctx.db, &member.organiser, year, call.lang).await?;
    if wants_csv(call) {
        let records = rows.iter().map(|r| {
            vec![
                year.to_string(),
                r.service_code.clone(),
                r.service_name.clone(),
                r.vouchers.to_string(),
                csv_euros(r.granted_cents),
                csv_euros(r.used_cents),
            ]
        });
        return csv_file(
            &format!("seteli-{}-{year}-budget.csv", member.organiser.as_str()),
            &[
                "year",
                "service_code",
                "service",
                "vouchers",
                "granted_eur",
                "used_eur",
            ],
            records,
        );
    }
    Ok(ApiResponse::private_json(200, &BudgetReport { year, rows }))
}
