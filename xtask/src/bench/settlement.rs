//! Settlement: gathering a month for an organiser with 1 000 producers and 100 000 visits
//! in it (every producer's draft written again: lines planned by the domain, written in one
//! batch), against its floor in the same run — reading those visits once with the same
//! scope (the organiser's municipalities, up to the month's end). In the native SQLite
//! store: the same migrations and SQL as D1 (issue #16).

use super::{median, Report, Row, Unit};
use crate::seed;
use serde_json::json;
use seteli_domain::settlement::Month;
use seteli_domain::OrganiserCode;
use seteli_edge::db::settlements::gather::gather;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::db::Database;
use std::time::Instant;

const PRODUCERS: u32 = 1_000;
const EVENTS: u32 = 100_000;
/// Visits per voucher (and so vouchers = events / this).
const PER_VOUCHER: u32 = 20;
/// How many times each is timed.
const SAMPLES: usize = 5;

pub fn run(report: &mut Report) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(measure(report))
}

async fn measure(report: &mut Report) -> Result<(), String> {
    let started = Instant::now();
    let db = Sqlite::in_memory().map_err(|e| e.0)?;
    seed::large_sql_in_parts(PRODUCERS, |part| db.execute_script(part)).map_err(|e| e.0)?;
    db.execute_script(&october_visits()).map_err(|e| e.0)?;
    let events = db
        .scalar("SELECT COUNT(*) FROM service_events")
        .map_err(|e| e.0)?;
    eprintln!(
        "settlement: {PRODUCERS} producers, {events} visits in October, loaded in {:.1?}",
        started.elapsed()
    );
    let organiser = OrganiserCode::parse("helsinki").map_err(|e| format!("{e:?}"))?;
    let month = Month::parse("2026-10").ok_or("month")?;
    let mut read = Vec::new();
    let mut settle = Vec::new();
    let mut lines = 0;
    for _ in 0..SAMPLES {
        let t = Instant::now();
        let rows: Vec<serde_json::Value> = db
            .query(
                "SELECT e.id, e.producer_id, e.service_date, e.voucher_share_cents, e.status
                 FROM service_events e
                 JOIN vouchers v ON v.id = e.voucher_id
                 JOIN organiser_municipalities om ON om.municipality_code = v.municipality_code
                 WHERE om.organiser_code = ?1 AND e.service_date <= ?2",
                &[organiser.as_str().into(), month.last_day().into()],
            )
            .await
            .map_err(|e| e.0)?;
        read.push(t.elapsed().as_secs_f64() * 1000.0);
        if rows.len() as i64 != events {
            return Err(format!("read {} of {events} visits", rows.len()));
        }
        let t = Instant::now();
        let gathered = gather(&db, &organiser, month, None, "2026-11-05T03:00:00Z")
            .await
            .map_err(|e| e.0)?;
        settle.push(t.elapsed().as_secs_f64() * 1000.0);
        lines = gathered.lines;
    }
    if lines as i64 != events {
        return Err(format!("settled {lines} of {events} visits"));
    }
    let (read_ms, settle_ms) = (median(&read), median(&settle));
    report.push(
        Row::new(
            "settlement",
            format!("gather a month ({PRODUCERS} producers, {EVENTS} visits) / read them once"),
            settle_ms,
            Unit::Millis,
        )
        .floor(read_ms),
    );
    report.details.push((
        "settlement",
        json!({"producers": PRODUCERS, "visits": events, "samples": SAMPLES,
            "read_ms": read, "gather_ms": settle}),
    ));
    Ok(())
}

/// 5 000 Helsinki customers with a home-care voucher each, linked to the producers in turn,
/// and 20 visits in October 2026 on every voucher.
fn october_visits() -> String {
    let vouchers = EVENTS / PER_VOUCHER;
    let last = PER_VOUCHER - 1;
    format!(
        "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < {vouchers})
         INSERT INTO customers (id, hetu, given_name, family_name, municipality_code)
         SELECT v, 'bench-' || v, 'Asiakas', 'Numero ' || v, '091' FROM n;
         WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < {vouchers})
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at)
         SELECT v, 'S-' || v, v, '091', 'home-care', 'hour', 3200, NULL, 1000000000, 1000000000,
                '2026-01-01', '2026-12-31', 'active', '2026-01-01' FROM n;
         WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < {vouchers}),
                        k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < {last})
         INSERT INTO service_events (voucher_id, producer_id, service_date, description, units_x100,
                                     unit_price_cents, voucher_share_cents, own_share_cents, created_at)
         SELECT v, ((v - 1) % {PRODUCERS}) + 1, date('2026-10-01', '+' || ((v + k.i) % 31) || ' days'),
                'Kotikäynti', 100, 3600, 3200, 400, '2026-10-31T10:00:00Z'
         FROM n, k ORDER BY 3, v;"
    )
}
