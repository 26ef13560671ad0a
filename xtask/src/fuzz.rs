//! `cargo xtask fuzz [--seconds N]`: runs every fuzz target for a while instead of the few
//! hundred cases `cargo test` gives each.
//!
//! The targets are proptest properties in `domain/tests/fuzz.rs` and `edge/tests/api/fuzz/`
//! (see `domain/tests/harness`). This sets `SETELI_FUZZ_SECONDS` so that each keeps drawing
//! fresh random cases until its share of the `N` seconds (default 120) is used, on as many
//! test threads as the machine has. Everything works offline: no nightly, no cargo-fuzz.
//! A failure prints the minimal input and a seed to replay it with (`SETELI_FUZZ_SEED`);
//! keep it as a named regression test at the end of the target's file, and fix the cause.

use crate::tools::{command, run};

/// The default wall-clock budget for all targets together.
const DEFAULT_SECONDS: u64 = 120;

/// A test binary that holds fuzz targets, and the filter that picks them out of it.
struct Suite {
    package: &'static str,
    test: &'static str,
    filter: &'static str,
}

const SUITES: [Suite; 2] = [
    Suite {
        package: "seteli-domain",
        test: "fuzz",
        filter: "",
    },
    Suite {
        package: "seteli-edge",
        test: "api",
        filter: "fuzz::",
    },
];

pub fn run_fuzz(args: &[String]) -> Result<(), String> {
    let seconds = match args.iter().position(|a| a == "--seconds") {
        Some(i) => args
            .get(i + 1)
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|s| *s > 0)
            .ok_or("--seconds takes a whole number of seconds")?,
        None => DEFAULT_SECONDS,
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());

    // Build first, and count the targets, so that the time goes to fuzzing.
    let mut counts = Vec::new();
    for suite in &SUITES {
        let mut list = command("cargo");
        list.args(["test", "--quiet", "-p", suite.package, "--test", suite.test])
            .args(["--", "--list", "--format", "terse"]);
        if !suite.filter.is_empty() {
            list.arg(suite.filter);
        }
        let out = list
            .output()
            .map_err(|e| format!("could not list the fuzz targets: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "building the {} fuzz targets failed:\n{}",
                suite.package,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let count = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.ends_with(": test"))
            .count();
        counts.push(count.max(1));
    }
    let targets: usize = counts.iter().sum();
    // Targets run `threads` at a time, so each gets this much of the budget.
    let per_target = (seconds as f64 * threads as f64 / targets as f64).max(1.0);
    eprintln!(
        "fuzz: {targets} targets, {per_target:.1} s each on {threads} threads, about {seconds} s in all"
    );

    for suite in &SUITES {
        let mut cmd = command("cargo");
        cmd.args(["test", "-p", suite.package, "--test", suite.test, "--"])
            .args(["--nocapture", "--test-threads", &threads.to_string()]);
        if !suite.filter.is_empty() {
            cmd.arg(suite.filter);
        }
        cmd.env("SETELI_FUZZ_SECONDS", format!("{per_target:.1}"))
            // The shrinker panics many times on the way to a minimal input.
            .env("RUST_BACKTRACE", "0");
        run(&mut cmd).map_err(|e| {
            format!(
                "{e}\nA fuzz target failed: its minimal input is printed above. Keep it as a \
                 regression test named as a sentence at the end of {}, then fix the cause.",
                match suite.package {
                    "seteli-domain" => "domain/tests/fuzz.rs",
                    _ => "the file of its topic in edge/tests/api/fuzz/",
                }
            )
        })?;
    }
    Ok(())
}
