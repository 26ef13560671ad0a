//! Growth: the pages whose queries must not slow down as data grows, at 1× and 10× the data
//! in the native SQLite store (the same migrations and SQL as D1). At 1×: 10 000 producers
//! (over 100 000 offers) and 100 000 service events on 5 000 vouchers; at 10×: 100 000
//! producers (over 1 000 000 offers) and 1 000 000 events on 50 000 vouchers. A query that
//! stops using an index shows as a ratio far above the others.

use super::{median, Report, Row, Target, Unit};
use crate::seed;
use serde_json::json;
use seteli_domain::comparison::OffersQuery;
use seteli_domain::ids::{ProducerId, VoucherId};
use seteli_domain::{Cents, Lang};
use seteli_edge::db::producer_desk::{self as desk, Actor, EventFilter, EventRecord};
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::db::{offers, producers};
use std::time::{Duration, Instant};

/// "Today" in every measurement, so that the same prices are current.
const BENCH_TODAY: time::Date = time::macros::date!(2026 - 11 - 21);

/// The 1× set's producers; the 10× set has ten times as many.
const PRODUCERS: u32 = 10_000;
/// Service events at 1×.
const EVENTS: u32 = 100_000;

/// 10× data should cost less than twice the time (issue #11).
const GROWTH_TARGET: f64 = 2.0;

pub fn run(report: &mut Report) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    // One set at a time, so that memory holds only one.
    let one = runtime.block_on(measure(1))?;
    let ten = runtime.block_on(measure(10))?;
    let mut details = Vec::new();
    for ((name, at_one), (_, at_ten)) in one.iter().zip(&ten) {
        let (p50_one, p50_ten) = (p50_ms(at_one), p50_ms(at_ten));
        report.push(
            Row::new("growth", format!("{name}, 10× / 1×"), p50_ten, Unit::Millis)
                .floor(p50_one)
                .target(Target::RatioAtMost(GROWTH_TARGET)),
        );
        details.push(json!({
            "query": name,
            "samples": [at_one.len(), at_ten.len()],
            "p50_ms": [p50_one, p50_ten],
            "p95_ms": [quantile_ms(at_one, 0.95), quantile_ms(at_ten, 0.95)],
        }));
    }
    report.details.push(("growth", json!(details)));
    Ok(())
}

fn p50_ms(samples: &[Duration]) -> f64 {
    let ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    median(&ms)
}

fn quantile_ms(samples: &[Duration], q: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort();
    s.get(((s.len() as f64 - 1.0) * q) as usize)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

type Samples = Vec<(&'static str, Vec<Duration>)>;

/// Loads the set at `scale` × and times each page's queries over it.
async fn measure(scale: u32) -> Result<Samples, String> {
    let started = Instant::now();
    let producers = PRODUCERS * scale;
    let vouchers = EVENTS * scale / seed::EVENTS_PER_VOUCHER;
    let db = Sqlite::in_memory().map_err(|e| e.0)?;
    seed::large_sql_in_parts(producers, |part| db.execute_script(part)).map_err(|e| e.0)?;
    db.execute_script(&seed::bench_vouchers_sql(vouchers, producers))
        .map_err(|e| e.0)?;
    let count = |table: &str| db.scalar(&format!("SELECT COUNT(*) FROM {table}"));
    eprintln!(
        "{scale}×: {} producers, {} offers, {} service events, loaded in {:.1?}",
        count("producers").map_err(|e| e.0)?,
        count("offers").map_err(|e| e.0)?,
        count("service_events").map_err(|e| e.0)?,
        started.elapsed()
    );
    let mut samples: Samples = Vec::new();
    samples.push(("offers page", offers_page(&db).await?));
    samples.push(("producer page", producer_page(&db, producers).await?));
    samples.push((
        "voucher page",
        voucher_page(&db, vouchers, producers).await?,
    ));
    samples.push(("log a visit", log_events(&db, vouchers, producers).await?));
    Ok(samples)
}

/// The comparison's first page sorted each way, over municipalities and services alike at
/// either size.
async fn offers_page(db: &Sqlite) -> Result<Vec<Duration>, String> {
    let municipalities = ["091", "638", "100", "150", "200", "250", "300", "350"];
    let services = ["home-care", "cleaning", "speech-therapy", "physiotherapy"];
    let mut samples = Vec::new();
    for extra in ["", "&sort=own_share&voucher=3000", "&sort=name&page=2"] {
        for m in municipalities {
            for s in services {
                let query = format!("municipality={m}&service={s}{extra}");
                let pairs: Vec<(&str, &str)> = query
                    .split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .collect();
                let q = OffersQuery::from_pairs(pairs).map_err(|e| e.message)?;
                let t = Instant::now();
                offers::current_page(db, &q, BENCH_TODAY)
                    .await
                    .map_err(|e| e.0)?;
                samples.push(t.elapsed());
            }
        }
    }
    Ok(samples)
}

/// A producer's public profile, for 200 producers spread over the set.
async fn producer_page(db: &Sqlite, producers: u32) -> Result<Vec<Duration>, String> {
    let mut samples = Vec::new();
    for id in (1..=producers).step_by((producers / 200).max(1) as usize) {
        let id = ProducerId::parse(&id.to_string()).ok_or("producer id")?;
        let t = Instant::now();
        producers::public_profile(db, id, Lang::Fi, BENCH_TODAY)
            .await
            .map_err(|e| e.0)?;
        samples.push(t.elapsed());
    }
    Ok(samples)
}

/// (producer, voucher) for 200 vouchers spread over the set.
fn spread_vouchers(vouchers: u32, producers: u32) -> Result<Vec<(ProducerId, VoucherId)>, String> {
    (1..=vouchers)
        .step_by((vouchers / 200).max(1) as usize)
        .map(|v| {
            let p = seed::bench_voucher_producer(v, producers);
            Ok((
                ProducerId::parse(&p.to_string()).ok_or("producer id")?,
                VoucherId::parse(&v.to_string()).ok_or("voucher id")?,
            ))
        })
        .collect()
}

/// A producer's voucher page: the voucher (`desk::linked_vouchers`) and its events.
async fn voucher_page(db: &Sqlite, vouchers: u32, producers: u32) -> Result<Vec<Duration>, String> {
    let mut samples = Vec::new();
    for (producer, voucher) in spread_vouchers(vouchers, producers)? {
        let t = Instant::now();
        let found = desk::linked_vouchers(db, producer, Some(voucher), BENCH_TODAY, Lang::Fi)
            .await
            .map_err(|e| e.0)?;
        let events = desk::events(db, producer, EventFilter::Voucher(voucher), BENCH_TODAY)
            .await
            .map_err(|e| e.0)?;
        samples.push(t.elapsed());
        if found.len() != 1 || events.len() != seed::EVENTS_PER_VOUCHER as usize {
            return Err(format!(
                "voucher {voucher}: {} vouchers, {} events",
                found.len(),
                events.len()
            ));
        }
    }
    Ok(samples)
}

/// Logging a visit: the atomic batch (balance, event, idempotency key, log line).
async fn log_events(db: &Sqlite, vouchers: u32, producers: u32) -> Result<Vec<Duration>, String> {
    let actor = Actor {
        name: "Bench Agent",
        key: "bench",
        at: "2026-11-21T10:00:00Z",
    };
    let cents = |c: i64| Cents::new(c).map_err(|e| e.to_string());
    let (price, voucher_share, own_share) = (cents(3600)?, cents(3200)?, cents(400)?);
    let mut samples = Vec::new();
    for (i, (producer, voucher_id)) in spread_vouchers(vouchers, producers)?
        .into_iter()
        .enumerate()
    {
        let key = format!("bench-key-{i:08}");
        let r = EventRecord {
            producer,
            voucher_id,
            idempotency_key: &key,
            request_hash: "bench",
            service_date: time::macros::date!(2026 - 11 - 20),
            description: "Aamukäynti",
            units_x100: 100,
            unit_price: price,
            voucher_share,
            own_share,
            corrects: None,
        };
        let t = Instant::now();
        let stored = desk::store_event(db, &r, &actor).await.map_err(|e| e.0)?;
        samples.push(t.elapsed());
        if stored != desk::Stored::New {
            return Err(format!("logging a visit: {stored:?}"));
        }
    }
    Ok(samples)
}
