//! `cargo xtask bench`: the comparison's queries over the large data set (10 000 producers,
//! over 100 000 offers) in the native SQLite store, which runs the same SQL as D1.
//! Reports timings; it asserts nothing, because speed is measured here, not in tests.

use crate::seed;
use seteli_domain::comparison::OffersQuery;
use seteli_edge::db::sqlite::Sqlite;
use seteli_edge::db::{offers, producers};
use std::time::{Duration, Instant};

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
                offers::current_page(&db, &q, "2026-11-21")
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
            seteli_domain::catalogue::ProducerId(id),
            seteli_domain::Lang::Fi,
            "2026-11-21",
        )
        .await
        .map_err(|e| e.0)?;
        samples.push(t.elapsed());
    }
    summary("producer profile", samples);
    Ok(())
}
