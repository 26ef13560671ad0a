//! `cargo xtask bench [--only bundle|page|edge|growth|settlement]`: issue #11's measurements, each side
//! by side with a floor measured in the same run, printed as one table and written to
//! `target/bench/bench.json`. It asserts nothing and is not part of `cargo xtask test`:
//! speed is measured here, not tested.
//!
//! - bundle: gzip bytes of what the comparison, a producer page and a staff page load;
//! - page: Lighthouse (mobile preset) on the comparison of a shared link and on a static
//!   HTML page with the same producers, served by the same local stack;
//! - edge: throughput and latency of the public API over the large data set in local D1,
//!   cached and uncached, against a constant worker under the same wrangler;
//! - growth: the offers page, a producer's page and a voucher page at 1× and 10× the data,
//!   in native SQLite (the same SQL as D1);
//! - settlement: gathering a month of 1 000 producers' 100 000 visits against reading those
//!   visits once, in native SQLite (issue #16).

mod bundle;
mod edge;
mod growth;
mod page;
mod report;
mod settlement;

use crate::stack::{self, Guard};
use crate::tools::{self, root};
pub use report::{Report, Row, Target, Unit};
use std::path::{Path, PathBuf};
use std::time::Duration;

const PARTS: [&str; 5] = ["bundle", "page", "edge", "growth", "settlement"];

/// Where the benchmark writes: its JSON, Lighthouse's reports, the generated data.
pub fn out_dir() -> PathBuf {
    root().join("target/bench")
}

pub fn run(args: &[String]) -> Result<(), String> {
    let only = match args {
        [] => None,
        [flag, part] if flag == "--only" && PARTS.contains(&part.as_str()) => Some(part.as_str()),
        _ => {
            return Err(
                "usage: cargo xtask bench [--only bundle|page|edge|growth|settlement]".into(),
            )
        }
    };
    let wanted = |part: &str| only.is_none_or(|o| o == part);
    std::fs::create_dir_all(out_dir()).map_err(|e| e.to_string())?;
    if PARTS[..3].iter().any(|p| wanted(p)) {
        // What production serves: the release builds.
        tools::ensure_build_tools()?;
        stack::build_app(stack::LOCAL_TEST_URL)?;
    }
    if wanted("page") || wanted("edge") {
        stack::build_worker()?;
    }
    let mut report = Report::default();
    let started = std::time::Instant::now();
    for part in PARTS.into_iter().filter(|p| wanted(p)) {
        eprintln!("\n== bench: {part}");
        let result = match part {
            "bundle" => bundle::run(&mut report),
            "page" => page::run(&mut report),
            "edge" => edge::run(&mut report),
            "growth" => growth::run(&mut report),
            _ => settlement::run(&mut report),
        };
        if let Err(e) = result {
            eprintln!("bench {part}: {e}");
            report.failed.push((part, e));
        }
    }
    let table = report.table();
    println!("\n{table}");
    println!("(the whole run took {:.0?})", started.elapsed());
    let json = out_dir().join("bench.json");
    let text = serde_json::to_string_pretty(&report.json()).map_err(|e| e.to_string())?;
    std::fs::write(&json, text).map_err(|e| e.to_string())?;
    println!("written to {}", json.display());
    if report.failed.is_empty() {
        Ok(())
    } else {
        Err("some parts were not measured (see above)".into())
    }
}

/// The median of `values` (0 when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Seteli under `wrangler dev` on a free port with the local D1 in `state`, for the public
/// pages and API only (no identification or Valtuudet: the public answers never ask them).
pub struct Seteli {
    pub port: u16,
    _wrangler: Guard,
}

impl Seteli {
    pub fn start(state: &Path, log: &Path) -> Result<Self, String> {
        let port = stack::free_port()?;
        let vars = [("PUBLIC_URL", format!("http://127.0.0.1:{port}"))];
        // The log is appended to; keep only this run's.
        let _ = std::fs::remove_file(log);
        let child = stack::start_wrangler(port, stack::free_port()?, state, &vars, Some(log))?;
        let wrangler = Guard {
            child,
            name: "wrangler (Seteli)",
        };
        if let Err(e) = stack::wait_until_ready(
            port,
            "/api/public/services",
            "wrangler dev",
            Duration::from_secs(90),
        ) {
            let log_text = std::fs::read_to_string(log).unwrap_or_default();
            return Err(format!("{e}\n--- wrangler log ---\n{log_text}"));
        }
        Ok(Seteli {
            port,
            _wrangler: wrangler,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

/// A fresh directory for a local D1 under `target/bench/`.
pub fn fresh_state(name: &str) -> Result<PathBuf, String> {
    let state = out_dir().join(name);
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).map_err(|e| e.to_string())?;
    Ok(state)
}

/// Lighthouse and autocannon, from package.json's pinned versions (`npm ci` when missing).
pub fn ensure_npm_tools() -> Result<(), String> {
    let missing = ["lighthouse", "autocannon"]
        .iter()
        .any(|t| !root().join("node_modules").join(t).exists());
    if missing {
        tools::run(tools::command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}
