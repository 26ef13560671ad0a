//! `cargo xtask test`: the house rules, fmt and clippy, the unit and API tests, and the
//! browser tests against one local stack — the mocks, `wrangler dev` and chromedriver,
//! started once for all of them.
//!
//! Each test file is its own `cargo test` run. `wrangler dev` has, once, exited with an
//! empty error in the middle of the suite, after which every later file failed to connect;
//! between files the worker is asked whether it still answers, and when it does not it is
//! started again on the same port and state, and a file it fell under runs once more. Both
//! are said loudly in the output — a test that fails while the worker answers fails.

use crate::stack::{
    build_app, build_mocks, build_worker, free_port, http_status, load_demo_data, start_mock,
    start_wrangler, wait_until_ready, Guard, Ports, LOCAL_TEST_URL,
};
use crate::tools::{self, command, root, run};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A public route that answers 200 without a session once the worker serves.
const READY_PATH: &str = "/api/public/services";

/// `cargo xtask test [--no-e2e | --e2e-only [CARGO TEST ARGS]]`: everything; or stop
/// before the browser tests; or only the browser tests (e.g. `--test producer`), for a
/// developer working on them.
pub fn test(args: &[String]) -> Result<(), String> {
    let e2e = !args.iter().any(|a| a == "--no-e2e");
    let e2e_only = args.iter().position(|a| a == "--e2e-only");
    tools::ensure_build_tools()?;
    if let Some(at) = e2e_only {
        tools::ensure_browser()?;
        build_app(LOCAL_TEST_URL)?;
        build_worker()?;
        build_mocks()?;
        return run_all(&args[at + 1..]);
    }
    run(command("cargo").args(["fmt", "--all", "--check"]))?;
    crate::layers::run()?;
    crate::i18n::check(&crate::i18n::committed_csv())?;
    run(command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(command("cargo").args([
        "clippy",
        "-p",
        "seteli-app",
        "-p",
        "seteli-edge",
        "-p",
        "seteli-letter",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The browser tests need the running stack; they run below.
    tools::ensure_schema_validator()?;
    run(command("cargo").args(["test", "--workspace", "--exclude", "seteli-e2e"]))?;
    if !e2e {
        return Ok(());
    }
    tools::ensure_browser()?;
    build_app(LOCAL_TEST_URL)?;
    build_worker()?;
    build_mocks()?;
    run_all(&[])
}

/// Starts a fresh stack on free ports, runs the browser tests against it — every test file,
/// or with `cargo_args` given to one `cargo test` (e.g. `--test producer`) only those — and
/// stops it.
pub(crate) fn run_all(cargo_args: &[String]) -> Result<(), String> {
    let dir = root().join("target/e2e");
    let state = dir.join("state");
    let _ = std::fs::remove_dir_all(&state);
    // Each browser session appends its console here; keep only this run's.
    let _ = std::fs::remove_dir_all(dir.join("console"));
    std::fs::create_dir_all(&state).map_err(|e| e.to_string())?;
    let log = dir.join("wrangler.log");
    let _ = std::fs::remove_file(&log);
    load_demo_data(&state)?;

    let ports = Ports {
        app: free_port()?,
        identification: free_port()?,
        valtuudet: free_port()?,
        ytj: free_port()?,
        messages: free_port()?,
    };
    let identification = start_mock(
        "identification",
        ports.identification,
        Some(&ports.redirect_uri("/api/auth/callback")),
        Some(&dir.join("identification-mock.log")),
    )?;
    let valtuudet = start_mock(
        "valtuudet",
        ports.valtuudet,
        Some(&ports.redirect_uri("/api/valtuudet/callback")),
        Some(&dir.join("valtuudet-mock.log")),
    )?;
    let ytj = start_mock("ytj", ports.ytj, None, Some(&dir.join("ytj-mock.log")))?;
    let messages = start_mock(
        "messages",
        ports.messages,
        None,
        Some(&dir.join("messages-mock.log")),
    )?;
    let mut worker = Worker {
        guard: None,
        ports,
        state,
        log,
        restarts: 0,
    };
    worker.start()?;

    let driver_port = free_port()?;
    let driver = Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("could not start chromedriver: {e}"))?;
    let driver = Guard {
        child: driver,
        name: "chromedriver",
    };
    wait_until_ready(
        driver_port,
        "/status",
        "chromedriver",
        Duration::from_secs(30),
    )?;

    let cargo_test = |args: &[String]| {
        let mut cmd = command("cargo");
        cmd.args(["test", "-p", "seteli-e2e"])
            .args(args)
            .args(["--", "--test-threads=2"])
            .env("SETELI_URL", format!("http://127.0.0.1:{}", ports.app))
            .env("WEBDRIVER_URL", format!("http://127.0.0.1:{driver_port}"))
            // The Valtuudet mock's development endpoints (revoke a mandate, an outage).
            .env(
                "SETELI_VALTUUDET_URL",
                format!("http://127.0.0.1:{}", ports.valtuudet),
            )
            // The Messages mock's page and what it received.
            .env(
                "SETELI_MESSAGES_URL",
                format!("http://127.0.0.1:{}", ports.messages),
            )
            .env("SETELI_ARTIFACTS", &dir)
            .env("AXE_JS", root().join("node_modules/axe-core/axe.min.js"));
        cmd
    };
    let result = if cargo_args.is_empty() {
        every_file(&mut worker, cargo_test)
    } else {
        run(&mut cargo_test(cargo_args))
    };
    if worker.restarts > 0 {
        eprintln!(
            "!! wrangler dev stopped answering and was started again {} time(s); see {}",
            worker.restarts,
            worker.log.display()
        );
    }
    drop(driver);
    drop(worker);
    drop(identification);
    drop(valtuudet);
    drop(ytj);
    drop(messages);
    if result.is_err() {
        eprintln!("wrangler's log: {}", dir.join("wrangler.log").display());
    }
    result
}

/// Runs each file of `tests/e2e/tests/` in turn (all are built first, in one go), with the
/// worker answering before each; every file runs even when an earlier one failed, and the
/// failed ones are named at the end.
fn every_file(
    worker: &mut Worker,
    cargo_test: impl Fn(&[String]) -> Command,
) -> Result<(), String> {
    run(&mut cargo_test(&["--no-run".to_owned()]))?;
    let mut failed = Vec::new();
    for name in test_files(&root().join("tests/e2e/tests"))? {
        let args = ["--test".to_owned(), name.clone()];
        if !worker.answers() {
            eprintln!("!! wrangler dev does not answer before {name}");
            worker.start()?;
        }
        let mut outcome = run(&mut cargo_test(&args));
        if outcome.is_err() && !worker.answers() {
            eprintln!("!! wrangler dev stopped answering during {name}; {name} runs once more");
            worker.start()?;
            outcome = run(&mut cargo_test(&args));
        }
        if outcome.is_err() {
            failed.push(name);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("browser tests failed in: {}", failed.join(", ")))
    }
}

/// The names of the test files (`*.rs`) in `dir`, in order.
fn test_files(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}

/// `wrangler dev` serving the app and the API on `ports.app` from `state`.
struct Worker {
    guard: Option<Guard>,
    ports: Ports,
    state: PathBuf,
    /// Every start appends to it.
    log: PathBuf,
    /// How often it was started again after it stopped answering.
    restarts: u32,
}

impl Worker {
    /// Starts it (stopping what is left of an earlier one first) and waits until it answers.
    fn start(&mut self) -> Result<(), String> {
        if self.guard.take().is_some() {
            self.restarts += 1;
        }
        let child = start_wrangler(
            self.ports.app,
            free_port()?,
            &self.state,
            &self.ports.worker_vars(),
            Some(&self.log),
        )?;
        self.guard = Some(Guard {
            child,
            name: "wrangler",
        });
        wait_until_ready(
            self.ports.app,
            READY_PATH,
            "wrangler dev",
            Duration::from_secs(90),
        )
        .map_err(|e| {
            let log_text = std::fs::read_to_string(&self.log).unwrap_or_default();
            format!("{e}\n--- wrangler log ---\n{log_text}")
        })
    }

    /// Whether it is running and serves.
    fn answers(&mut self) -> bool {
        let running = self
            .guard
            .as_mut()
            .is_some_and(|g| matches!(g.child.try_wait(), Ok(None)));
        running && http_status(self.ports.app, READY_PATH) == Some(200)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browser_test_file_is_found_in_order() {
        let names = test_files(&root().join("tests/e2e/tests")).unwrap();
        assert!(names.contains(&"authorisations".to_owned()), "{names:?}");
        assert!(names.contains(&"public_comparison".to_owned()), "{names:?}");
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(names.iter().all(|n| !n.ends_with(".rs")));
    }
}
