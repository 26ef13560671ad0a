//! `cargo xtask mutants [--base REF | --all]`: mutation testing of `domain`, the crate that
//! holds the rules. Run it before resolving an issue that touches rules.
//!
//! cargo-mutants (installed here at a pinned version if missing) changes the code one small
//! way at a time — an operator, a bound, a match arm, a return value — and runs domain's
//! tests against each change; a change no test notices is a rule no test pins. By default
//! only the lines changed since the last landed commit are mutated, so a run takes minutes:
//!
//! - `--base REF`: changed since `REF`;
//! - otherwise since where this branch left its upstream (`@{upstream}`, e.g. `origin/main`
//!   on a fresh clone, so your unpushed commits count);
//! - otherwise since where it left the local `main` (a topic branch or worktree off `main`);
//! - otherwise (on `main` with no upstream) only the uncommitted changes.
//!
//! Uncommitted and new files count too. `--all` mutates the whole crate (about half an hour
//! on two cores). The run fails on any mutant that survives unless `.cargo/mutants.toml`
//! names it as equivalent — a change that cannot alter behaviour — with the reason.

use crate::tools::{command, describe, root};
use std::process::Command;

/// The cargo-mutants release this project's list of equivalent mutants was written against
/// (mutant names can change between releases). Builds with stable Rust 1.95.
pub const CARGO_MUTANTS_VERSION: &str = "27.1.0";

pub fn run_mutants(args: &[String]) -> Result<(), String> {
    ensure_cargo_mutants()?;
    let out_dir = root().join("target/mutants");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("creating {out_dir:?}: {e}"))?;

    let mut cmd = command("cargo");
    cmd.args(["mutants", "--package", "seteli-domain", "--output"])
        .arg(&out_dir)
        // cargo-mutants builds a copy of the tree. A shared target directory would hold
        // artifacts whose fingerprints point at the real sources, so a mutated copy could
        // pass for fresh and go untested: the copy gets its own (a minute of building).
        .env_remove("CARGO_TARGET_DIR");
    if args.iter().any(|a| a == "--all") {
        eprintln!("mutants: all of domain");
    } else {
        let explicit = match args.iter().position(|a| a == "--base") {
            Some(i) => Some(args.get(i + 1).ok_or("--base takes a git ref")?.clone()),
            None => None,
        };
        let (base, why) = base_commit(explicit)?;
        let diff = domain_diff(&base)?;
        if diff.trim().is_empty() {
            eprintln!("mutants: no change in domain/ since {why}; nothing to mutate");
            return Ok(());
        }
        let diff_file = out_dir.join("change.diff");
        std::fs::write(&diff_file, diff).map_err(|e| format!("writing {diff_file:?}: {e}"))?;
        eprintln!("mutants: domain's lines changed since {why}");
        cmd.arg("--in-diff").arg(&diff_file);
    }
    eprintln!("$ {}", describe(&cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start cargo mutants: {e}"))?;
    let missed = out_dir.join("mutants.out/missed.txt");
    match status.code() {
        Some(0) => Ok(()),
        Some(2) => Err(format!(
            "these mutants survived:\n{}\nAdd a test that notices each (a known answer at the \
             edge the mutant moves), or, if a mutant cannot change behaviour, add it to \
             .cargo/mutants.toml with the reason.",
            std::fs::read_to_string(&missed).unwrap_or_default()
        )),
        Some(3) => Err(
            "some mutants timed out (see target/mutants/mutants.out/timeout.txt): \
                        a mutant that loops forever is caught, but check they are not slow tests"
                .into(),
        ),
        Some(4) => Err("domain's tests fail without any mutation: fix them first".into()),
        _ => Err(format!("cargo mutants failed ({status})")),
    }
}

fn git(args: &[&str]) -> Result<String, String> {
    let out = command("git")
        .args(args)
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    } else {
        Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The commit to measure the change from, and how it was chosen (see the module's notes).
fn base_commit(explicit: Option<String>) -> Result<(String, String), String> {
    if let Some(reference) = explicit {
        let base = git(&["merge-base", "HEAD", &reference])?;
        return Ok((base, reference));
    }
    if let Ok(upstream) = git(&[
        "rev-parse",
        "--abbrev-ref",
        "--symbolic-full-name",
        "@{upstream}",
    ]) {
        let base = git(&["merge-base", "HEAD", &upstream])?;
        return Ok((base, format!("{upstream} (this branch's upstream)")));
    }
    let head = git(&["rev-parse", "HEAD"])?;
    if let Ok(main) = git(&["rev-parse", "--verify", "--quiet", "main"]) {
        let base = git(&["merge-base", "HEAD", "main"])?;
        if main != head || base != head {
            return Ok((base, "where this branch left main".into()));
        }
    }
    Ok((head, "the last commit (uncommitted changes only)".into()))
}

/// The change to `domain/` since `base`: committed, staged, unstaged and new files.
fn domain_diff(base: &str) -> Result<String, String> {
    let mut diff = git(&["diff", "--no-color", "--no-ext-diff", base, "--", "domain"])?;
    diff.push('\n');
    let untracked = git(&["ls-files", "--others", "--exclude-standard", "--", "domain"])?;
    for path in untracked.lines().filter(|p| !p.is_empty()) {
        // `--no-index` exits 1 when the files differ, which a new file always does.
        let mut cmd: Command = command("git");
        cmd.args(["diff", "--no-color", "--no-index", "--", "/dev/null", path]);
        let out = cmd
            .output()
            .map_err(|e| format!("could not run {}: {e}", describe(&cmd)))?;
        diff.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    Ok(diff)
}

/// Installs cargo-mutants at [`CARGO_MUTANTS_VERSION`] unless that version is there.
fn ensure_cargo_mutants() -> Result<(), String> {
    let installed = command("cargo")
        .args(["mutants", "--version"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    if installed.as_deref() == Some(&format!("cargo-mutants {CARGO_MUTANTS_VERSION}")) {
        return Ok(());
    }
    crate::tools::run(command("cargo").args([
        "install",
        "cargo-mutants",
        "--version",
        CARGO_MUTANTS_VERSION,
        "--locked",
    ]))
}
