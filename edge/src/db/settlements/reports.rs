//! The organiser's reports (finance and customer service): visits per month, service and
//! producer, and each service's purchasing power granted against used in a year. Visits
//! that stand only (not cancelled), by service date; every figure from the same rows the
//! settlements read.

use crate::db::{Database, DbError};
use serde::Deserialize;
use seteli_domain::api::settlement::{BudgetRow, ProductionRow};
use seteli_domain::ids::ProducerId;
use seteli_domain::settlement::Month;
use seteli_domain::{Lang, OrganiserCode};

#[derive(Deserialize)]
struct ProductionDbRow {
    month: String,
    service_code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    producer_id: ProducerId,
    producer_name: String,
    events: i64,
    units_x100: i64,
    voucher_share_cents: i64,
    own_share_cents: i64,
}

/// The organiser's visits from `from` to `to` (whole months), per month, service and
/// producer, in month order.
pub async fn production(
    db: &impl Database,
    organiser: &OrganiserCode,
    from: Month,
    to: Month,
    lang: Lang,
) -> Result<Vec<ProductionRow>, DbError> {
    let rows: Vec<ProductionDbRow> = db
        .query(
            "SELECT substr(e.service_date, 1, 7) AS month, v.service_code, s.name_fi, s.name_sv, s.name_en,
                    e.producer_id, p.name AS producer_name, COUNT(*) AS events,
                    SUM(e.units_x100) AS units_x100, SUM(e.voucher_share_cents) AS voucher_share_cents,
                    SUM(e.own_share_cents) AS own_share_cents
             FROM service_events e
             JOIN vouchers v ON v.id = e.voucher_id
             JOIN organiser_municipalities om ON om.municipality_code = v.municipality_code
             JOIN services s ON s.code = v.service_code
             JOIN producers p ON p.id = e.producer_id
             WHERE om.organiser_code = ?1 AND e.status = 'recorded'
               AND e.service_date BETWEEN ?2 AND ?3
             GROUP BY month, v.service_code, e.producer_id
             ORDER BY month, s.name_fi, p.name",
            &[
                organiser.as_str().into(),
                from.first_day().into(),
                to.last_day().into(),
            ],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ProductionRow {
                month: Month::parse(&r.month)
                    .ok_or_else(|| DbError::bad_row("service_events", "service_date"))?,
                service_code: r.service_code,
                service_name: lang.pick(r.name_fi, r.name_sv, Some(r.name_en)),
                producer_id: r.producer_id,
                producer_name: r.producer_name,
                events: u32::try_from(r.events).unwrap_or(u32::MAX),
                units_x100: r.units_x100,
                voucher_share_cents: r.voucher_share_cents,
                own_share_cents: r.own_share_cents,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct BudgetDbRow {
    service_code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    vouchers: i64,
    granted_cents: i64,
    used_cents: i64,
}

/// Per service, the vouchers in force at some time in `year` (not annulled): how many, what
/// they granted, and the voucher share of their visits in the year.
pub async fn budget(
    db: &impl Database,
    organiser: &OrganiserCode,
    year: i32,
    lang: Lang,
) -> Result<Vec<BudgetRow>, DbError> {
    let (first, last) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
    let rows: Vec<BudgetDbRow> = db
        .query(
            "SELECT v.service_code, s.name_fi, s.name_sv, s.name_en, COUNT(*) AS vouchers,
                    SUM(v.granted_cents) AS granted_cents,
                    SUM(COALESCE((SELECT SUM(e.voucher_share_cents) FROM service_events e
                                  WHERE e.voucher_id = v.id AND e.status = 'recorded'
                                    AND e.service_date BETWEEN ?2 AND ?3), 0)) AS used_cents
             FROM vouchers v
             JOIN organiser_municipalities om ON om.municipality_code = v.municipality_code
             JOIN services s ON s.code = v.service_code
             WHERE om.organiser_code = ?1 AND v.status != 'cancelled'
               AND v.valid_from <= ?3 AND v.valid_until >= ?2
             GROUP BY v.service_code
             ORDER BY s.name_fi",
            &[organiser.as_str().into(), first.into(), last.into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| BudgetRow {
            service_code: r.service_code,
            service_name: lang.pick(r.name_fi, r.name_sv, Some(r.name_en)),
            vouchers: u32::try_from(r.vouchers).unwrap_or(u32::MAX),
            granted_cents: r.granted_cents,
            used_cents: r.used_cents,
        })
        .collect())
}
