//! Edge: requests a second and p50/p99 latency of the public API over the large data set
//! (10 000 producers, over 100 000 offers) in local D1 under `wrangler dev`, each against a
//! constant worker (`bench/constant-worker/`, a JS module answering a fixed JSON body) run by
//! a second `wrangler dev` of the same wrangler on another port: the floor, what workerd and
//! the HTTP stack cost with no work behind them. Load: autocannon (`bench/load.cjs`),
//! [`CONNECTIONS`] connections for [`SECONDS`] s a run, one run at a time.
//!
//! Cached: the same URL every time, so all but the first answer come from the edge cache.
//! Uncached: a parameter in the cache key changes on every request (the voucher value for
//! the offers, else a parameter the API ignores), so every request misses and does the work.

use super::{out_dir, Report, Row, Seteli, Target, Unit};
use crate::seed;
use crate::stack::{self, Guard};
use crate::tools::{self, root};
use serde_json::{json, Value};
use std::process::Stdio;
use std::time::{Duration, Instant};

const CONNECTIONS: u32 = 8;
const SECONDS: u32 = 10;
/// A comparison with producers in the large set.
const OFFERS: &str = "/api/public/offers?municipality=091&service=home-care";

pub fn run(report: &mut Report) -> Result<(), String> {
    super::ensure_npm_tools()?;
    let state = super::fresh_state("state-large")?;
    let sql = out_dir().join("large.sql");
    std::fs::write(&sql, seed::batched_inserts(&seed::large_sql(10_000), 200))
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    stack::load_data(&state, &sql, Some(&out_dir().join("d1-load.log")))?;
    eprintln!(
        "loaded the large set into local D1 in {:.0?}",
        started.elapsed()
    );
    let seteli = Seteli::start(&state, &out_dir().join("wrangler-edge.log"))?;
    let constant = start_constant()?;
    let producer = public_producer(seteli.port)?;
    let (status, body) = stack::http_get(seteli.port, OFFERS)?;
    if status != 200 || !body.contains("\"producer_id\"") {
        return Err(format!("{OFFERS} answered {status} with no offers: {body}"));
    }

    let floor = load(&format!("http://127.0.0.1:{}", constant.1), "/")?;
    eprintln!("constant worker: {floor}");
    // The second floor: the constant worker after one D1 round trip, which an uncached
    // answer cannot go below however small its query.
    let d1_floor = load(&format!("http://127.0.0.1:{}", constant.1), "/d1")?;
    eprintln!("constant worker with one D1 query: {d1_floor}");
    let d1_floor_rps = d1_floor["rps"].as_f64().unwrap_or(0.0);
    report.push(
        Row::new(
            "edge",
            "constant worker with one D1 query, throughput",
            d1_floor_rps,
            Unit::PerSecond,
        )
        .floor(floor["rps"].as_f64().unwrap_or(0.0)),
    );
    let producer_path = format!("/api/public/producers/{producer}");
    let cases = [
        (
            "offers",
            format!("{OFFERS}&voucher=3200"),
            format!("{OFFERS}&voucher={{n}}"),
        ),
        (
            "producer",
            producer_path.clone(),
            format!("{producer_path}?n={{n}}"),
        ),
        (
            "services",
            "/api/public/services".to_owned(),
            "/api/public/services?n={n}".to_owned(),
        ),
    ];
    let floor_rps = floor["rps"].as_f64().unwrap_or(0.0);
    let floor_p50 = floor["p50_ms"].as_f64().unwrap_or(0.0);
    let floor_p99 = floor["p99_ms"].as_f64().unwrap_or(0.0);
    let mut runs = vec![
        json!({ "case": "constant worker", "result": floor }),
        json!({ "case": "constant worker with one D1 query", "result": d1_floor }),
    ];
    for (name, cached, uncached) in cases {
        for (kind, path) in [("cached", cached), ("uncached", uncached)] {
            let result = load(&seteli.url(""), &path)?;
            eprintln!("{name} {kind}: {result}");
            let rps = result["rps"].as_f64().unwrap_or(0.0);
            let p50 = result["p50_ms"].as_f64().unwrap_or(0.0);
            let p99 = result["p99_ms"].as_f64().unwrap_or(0.0);
            let share = if kind == "cached" { 0.5 } else { 0.25 };
            report.push(
                Row::new(
                    "edge",
                    format!("{name} {kind}, throughput"),
                    rps,
                    Unit::PerSecond,
                )
                .floor(floor_rps)
                .target(Target::RatioAtLeast(share)),
            );
            report.push(
                Row::new("edge", format!("{name} {kind}, p50"), p50, Unit::Millis).floor(floor_p50),
            );
            let p99_row =
                Row::new("edge", format!("{name} {kind}, p99"), p99, Unit::Millis).floor(floor_p99);
            report.push(if kind == "cached" {
                p99_row.target(Target::AtMost(20.0))
            } else {
                p99_row
            });
            if kind == "uncached" {
                report.push(
                    Row::new(
                        "edge",
                        format!("{name} uncached, against one D1 query"),
                        rps,
                        Unit::PerSecond,
                    )
                    .floor(d1_floor_rps),
                );
            }
            runs.push(json!({ "case": format!("{name} {kind}"), "path": path, "result": result }));
        }
    }
    report.details.push((
        "edge",
        json!({
            "connections": CONNECTIONS, "seconds": SECONDS, "runs": runs,
        }),
    ));
    drop(constant);
    Ok(())
}

/// One autocannon run against `base` + `path` (`{n}` counts requests); its JSON summary.
fn load(base: &str, path: &str) -> Result<Value, String> {
    let mut cmd = tools::command("node");
    cmd.arg(root().join("bench/load.cjs"))
        .env("BENCH_URL", base)
        .env("BENCH_PATH", path)
        .env("BENCH_CONNECTIONS", CONNECTIONS.to_string())
        .env("BENCH_SECONDS", SECONDS.to_string())
        .stderr(Stdio::inherit());
    let out = cmd.output().map_err(|e| format!("autocannon: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "autocannon on {base}{path} failed ({})",
            out.status
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().last().unwrap_or("");
    let result: Value =
        serde_json::from_str(line).map_err(|e| format!("autocannon said {text}: {e}"))?;
    let failures = ["non2xx", "errors", "timeouts"]
        .iter()
        .map(|k| result[k].as_u64().unwrap_or(0))
        .sum::<u64>();
    if failures > 0 {
        return Err(format!(
            "{base}{path}: failed requests under load: {result}"
        ));
    }
    Ok(result)
}

/// The constant worker under its own `wrangler dev`, and its port.
fn start_constant() -> Result<(Guard, u16), String> {
    let port = stack::free_port()?;
    let log = out_dir().join("wrangler-constant.log");
    let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let err = file.try_clone().map_err(|e| e.to_string())?;
    let mut cmd = stack::wrangler();
    cmd.arg("dev")
        .arg("--config")
        .arg(root().join("bench/constant-worker/wrangler.toml"))
        .args(["--ip", "127.0.0.1", "--port", &port.to_string()])
        .args(["--inspector-port", &stack::free_port()?.to_string()])
        .arg("--persist-to")
        .arg(out_dir().join("state-constant"))
        .arg("--show-interactive-dev-session=false")
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err);
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    eprintln!("$ {}", tools::describe(&cmd));
    let child = cmd
        .spawn()
        .map_err(|e| format!("could not start wrangler: {e}"))?;
    let guard = Guard {
        child,
        name: "wrangler (constant worker)",
    };
    stack::wait_until_ready(port, "/", "the constant worker", Duration::from_secs(60))?;
    Ok((guard, port))
}

/// A producer with a public profile in the large set (one with an approval).
fn public_producer(port: u16) -> Result<u32, String> {
    for id in 1..50 {
        if let Ok((200, _)) = stack::http_get(port, &format!("/api/public/producers/{id}")) {
            return Ok(id);
        }
    }
    Err("no producer among the first 50 has a public profile".into())
}
