//! `cargo xtask bench`: the comparison's queries over the large data set (10 000 producers,
//! over 100 000 offers) in the native SQLite store, which runs the same SQL as D1.
//! Reports timings; it asserts nothing, because speed is measured here, not in tests.

use crate::seed;
use seteli_domain::comparison::OffersQuery;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::db::{offers, producers};
use std::time::{Duration, Instant};

/// "Today" in every measurement, so that the same prices are current.
const BENCH_TODAY: time::Date = time::macros::date!(2026 - 11 - 21);

pub fn run() -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(bench())
}

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    println!(
        "{name:<34} n={:<5} p50={:>8.2?} p95={:>8.2?} max={:>8.2?}",
        samples.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

async fn bench() -> Result<(), String> {
    let started = Instant::now();
    let sql = seed::large_sql(10_000);
    let db = Sqlite::in_memory().map_err(|e| e.0)?;
    db.execute_script(&sql).map_err(|e| e.0)?;
    println!(
        "generated and loaded the large data set in {:.1?}",
        started.elapsed()
    );

    let municipalities = ["091", "638", "100", "150", "200", "250", "300", "350"];
    let services = ["home-care", "cleaning", "speech-therapy", "physiotherapy"];
    for (name, extra) in [
        ("offers, by price, page 1", ""),
        (
            "offers, by own share with voucher",
            "&sort=own_share&voucher=3000",
        ),
        ("offers, by name, page 2", "&sort=name&page=2"),
    ] {
        let mut samples = Vec::new();
        for m in municipalities {
            for s in services {
                let query = format!("municipality={m}&service={s}{extra}");
                let pairs: Vec<(String, String)> = query
                    .split('&')
                    .filter_map(|kv| {
                        kv.split_once('=')
                            .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    })
                    .collect();
                let q =
                    OffersQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                        .map_err(|e| e.message)?;
                let t = Instant::now();
                offers::current_page(&db, &q, BENCH_TODAY)
                    .await
                    .map_err(|e| e.0)?;
                samples.push(t.elapsed());
            }
        }
        summary(name, samples);
    }
    let mut samples = Vec::new();
    for id in (1..=10_000).step_by(97) {
        let t = Instant::now();
        producers::public_profile(
            &db,
            seteli_domain::ids::ProducerId::parse(&id.to_string()).ok_or("producer id")?,
            seteli_domain::Lang::Fi,
            BENCH_TODAY,
        )
        .await
        .map_err(|e| e.0)?;
        samples.push(t.elapsed());
    }
    summary("producer profile", samples);
    bench_events(&db).await
}

/// Logging service events: the atomic batch (balance, event, idempotency key, log line), a
/// retry of a used key, and a producer's voucher page with its events.
async fn bench_events(db: &Sqlite) -> Result<(), String> {
    use seteli_domain::ids::ProducerId;
    use seteli_domain::Cents;
    use seteli_edge::db::producer_desk::{self as desk, Actor, EventFilter, EventRecord};
    let producer = ProducerId::parse("1").ok_or("producer id")?;
    let voucher = seteli_domain::ids::VoucherId::parse("1").ok_or("voucher id")?;
    let number = seteli_domain::voucher::VoucherNumber::from_body(48_219_930_117)
        .ok_or("no voucher number")?;
    db.execute_script(&format!(
        "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code)
             VALUES (1, '010280-952L', 'Bench', 'Customer', '091');
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at)
             VALUES (1, '{}', 1, '091', 'home-care', 'hour', 3200, NULL, 1000000000, 1000000000,
                     '2026-01-01', '2026-12-31', 'active', '2026-01-01');
         INSERT INTO producer_vouchers (producer_id, voucher_id, linked_at) VALUES (1, 1, '2026-01-01');",
        number.as_str()
    ))
    .map_err(|e| e.0)?;
    let actor = Actor {
        name: "Bench Agent",
        key: "bench",
        at: "2026-11-21T10:00:00Z",
    };
    let keys: Vec<String> = (0..2_000).map(|i| format!("bench-key-{i:08}")).collect();
    let cents = |c: i64| Cents::new(c).map_err(|e| e.to_string());
    let (price, voucher_share, own_share) = (cents(3600)?, cents(3200)?, cents(400)?);
    for (name, repeat) in [("log an event", false), ("retry a used key", true)] {
        let mut samples = Vec::new();
        for key in &keys {
            let r = EventRecord {
                producer,
                voucher_id: voucher,
                idempotency_key: key,
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
            let expected = if repeat {
                desk::Stored::Duplicate
            } else {
                desk::Stored::New
            };
            if stored != expected {
                return Err(format!("{name}: {stored:?}"));
            }
        }
        summary(name, samples);
    }
    let today = time::macros::date!(2026 - 11 - 21);
    let mut samples = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        desk::linked_vouchers(
            db,
            producer,
            Some(voucher),
            BENCH_TODAY,
            seteli_domain::Lang::Fi,
        )
        .await
        .map_err(|e| e.0)?;
        desk::events(db, producer, EventFilter::Voucher(voucher), today)
            .await
            .map_err(|e| e.0)?;
        samples.push(t.elapsed());
    }
    summary("voucher page, 2 000 events", samples);
    Ok(())
}
