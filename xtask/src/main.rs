//! `cargo xtask build | dev | test | seed | bench | layers | fuzz | mutants | i18n`: Seteli's own tooling.
//!
//! - `build --public-url URL`: the app (with the `_headers` of its static files) and the
//!   worker, for `wrangler deploy`.
//! - `dev`: installs what is missing, builds app and worker, loads the demo data into local
//!   D1 and serves everything at http://127.0.0.1:8787, rebuilding on changes.
//! - `test`: formatting, the translators' CSV against the text catalogue, clippy, unit and
//!   native API tests, then browser tests in headless Chromium against the real local stack
//!   on free ports.
//! - `seed [--large] [--out FILE]`: writes the demo (or benchmark) data as SQL.
//! - `bench [--only bundle|page|edge|growth]`: issue #11's measurements on the real stack,
//!   each beside a floor measured in the same run (see `bench/mod.rs`).
//! - `layers`: fails when a module imports one that imports it back (see `layers.rs`).
//! - `fuzz [--seconds N]`: runs every fuzz target for about N seconds in all (default 120).
//! - `mutants [--base REF | --all]`: mutation testing of domain's rules, by default of the
//!   lines changed since the last landed commit; fails on a surviving mutant.
//! - `i18n --export [PATH] | --check [PATH]`: writes the text catalogue as a CSV for
//!   translators, or fails if such a CSV differs from it (PATH: `domain/i18n.csv`).

mod bench;
mod fuzz;
mod headers;
mod i18n;
mod layers;
mod mutants;
mod seed;
mod service_worker;
mod shell;
mod stack;
mod test_suite;
mod tools;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => stack::build(&args[1..]),
        Some("dev") => stack::dev(),
        Some("test") => test_suite::test(&args[1..]),
        Some("seed") => seed_command(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("layers") => layers::run(),
        Some("fuzz") => fuzz::run_fuzz(&args[1..]),
        Some("mutants") => mutants::run_mutants(&args[1..]),
        Some("i18n") => i18n::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask build --public-url URL | dev | test [--no-e2e | --e2e-only ARGS] | seed [--large] \
                 [--out FILE] | bench [--only bundle|page|edge|growth] | layers | fuzz [--seconds N] | mutants [--base REF | --all] | i18n --export [PATH] | --check [PATH]"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn seed_command(args: &[String]) -> Result<(), String> {
    let large = args.iter().any(|a| a == "--large");
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1));
    let sql = if large {
        seed::large_sql(10_000)
    } else {
        seed::demo_sql(&stack::today())
    };
    match out {
        Some(path) => std::fs::write(path, sql).map_err(|e| format!("writing {path}: {e}")),
        None => {
            print!("{sql}");
            Ok(())
        }
    }
}
