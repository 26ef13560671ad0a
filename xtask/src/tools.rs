//! Installs only what is missing, at pinned versions. After the first run everything here
//! is local, so later runs work without a network.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Must equal the `wasm-bindgen` crate version pinned in the workspace Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const WORKER_BUILD_VERSION: &str = "0.8.7";
/// 0.21 is the newest trunk that builds with stable Rust 1.95 (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

/// The repository root (the parent of xtask/).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Where cargo builds: `CARGO_TARGET_DIR` when set, else `target/` at the root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// A command with the cargo bin directory and the npm tools (trunk finds `wasm-opt` there)
/// first on PATH, run from the repository root.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![cargo_bin(), root().join("node_modules/.bin")];
    paths.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(paths) {
        cmd.env("PATH", joined);
    }
    cmd.current_dir(root());
    cmd
}

/// Runs a command to completion, echoing it first; a non-zero exit is an error.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// The first line a `--version` call prints, or `None` when the program is missing.
fn version_of(program: &str) -> Option<String> {
    let out = command(program).arg("--version").output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

/// The wasm target, wasm-bindgen-cli, worker-build, trunk and the npm packages.
pub fn ensure_build_tools() -> Result<(), String> {
    let installed = command("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| e.to_string())?;
    if !String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !version_of("wasm-bindgen").is_some_and(|v| v.contains(WASM_BINDGEN_VERSION)) {
        // Without --locked: the CLI's own lockfile names a crate version the registry lacks.
        run(command("cargo").args([
            "install",
            &format!("wasm-bindgen-cli@{WASM_BINDGEN_VERSION}"),
        ]))?;
    }
    if !version_of("worker-build").is_some_and(|v| v.contains(WORKER_BUILD_VERSION)) {
        run(command("cargo").args([
            "install",
            &format!("worker-build@{WORKER_BUILD_VERSION}"),
            "--locked",
        ]))?;
    }
    if !version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        // No update check (it would call the network on every build).
        run(command("cargo").args([
            "install",
            &format!("trunk@{TRUNK_VERSION}"),
            "--locked",
            "--no-default-features",
            "--features",
            "rustls",
        ]))?;
    }
    ensure_npm_packages()
}

/// `npm ci` when node_modules is missing or older than the lockfile.
fn ensure_npm_packages() -> Result<(), String> {
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => {
            installed >= locked && root.join("node_modules/.bin/wrangler").exists()
        }
        _ => false,
    };
    if !fresh {
        run(command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's `xmllint` (libxml2-utils), which checks the bank's payment file against the
/// ISO 20022 schema in the tests.
pub fn ensure_schema_validator() -> Result<(), String> {
    if Path::new("/usr/bin/xmllint").exists() {
        return Ok(());
    }
    apt_install(&["libxml2-utils"])
}

/// Installs Debian `packages` (through sudo when not root).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let apt = |args: &[&str]| {
        let mut cmd = Command::new("apt-get");
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        if !is_root() {
            cmd = Command::new("sudo");
            cmd.arg("apt-get")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive");
        }
        run(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    apt(&[&["install", "-y", "-qq"][..], packages].concat())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
