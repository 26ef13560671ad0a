//! Building, seeding and running the local stack: trunk (app), worker-build (edge),
//! wrangler (workerd + local D1) and, for tests, chromedriver.

use crate::headers;
use crate::seed;
use crate::tools::{self, command, node_bin, root, run};
use seteli_domain::entries::Entry;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// Today's date in Finland, which anchors the demo data's price history.
pub fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    seteli_domain::clock::iso_date(seteli_domain::clock::finnish_date(now))
}

/// Builds the app's entries into dist/ with trunk (release: what production serves), the
/// public one first (trunk empties its `dist`, and the others live under it), puts the
/// comparison's first screen into the public page (`shell`), then writes for them
/// `dist/sw.js`, the service worker that knows this build's files, and
/// `dist/_headers` and `dist/_redirects`: the security headers of the static files for
/// Seteli served at `public_url`, with the hash of every loader this build inlined, and
/// which entry answers which deep link.
pub(crate) fn build_app(public_url: &str) -> Result<(), String> {
    let dist = root().join("dist");
    for entry in Entry::ALL {
        let page = entry_page(entry)?;
        let entry_dist = dist.join(entry.public_url().trim_start_matches('/'));
        let mut cmd = command("trunk");
        cmd.arg("build")
            .arg(&page)
            .arg("--release")
            .arg("--dist")
            .arg(&entry_dist)
            .args(["--public-url", entry.public_url()]);
        run(&mut cmd)?;
    }
    crate::shell::write(&dist)?;
    crate::service_worker::write(&dist)?;
    headers::write(&dist, public_url)
}

/// The stylesheet every entry links, as `app/index.html` names it.
const MAIN_CSS: &str = "../style/main.css";
/// The logged-in pages' stylesheet, linked by every entry but the public one.
const LOGGED_IN_CSS: &str = "../style/logged-in.css";

/// The page trunk builds `entry` from: `app/index.html` names the public binary; the other
/// entries' pages are the same page naming their own binary and copying no static files,
/// written beside it (and ignored by git) so that its relative links resolve the same way.
fn entry_page(entry: Entry) -> Result<PathBuf, String> {
    let template = root().join("app/index.html");
    if entry == Entry::Public {
        return Ok(template);
    }
    let html = std::fs::read_to_string(&template).map_err(|e| e.to_string())?;
    let public_bin = format!(r#"data-bin="{}""#, Entry::Public.binary());
    if !html.contains(&public_bin) {
        return Err(format!("app/index.html does not name {public_bin}"));
    }
    let page = root().join(format!("app/entry-{}.html", entry.binary()));
    // The static files (icons, manifest) are the public entry's, served from the root; the
    // logged-in pages' styles come after the common ones.
    let html: String = html
        .replace(&public_bin, &format!(r#"data-bin="{}""#, entry.binary()))
        .lines()
        .filter(|line| !line.contains(r#"data-trunk rel="copy-file""#))
        .map(|line| {
            if line.contains(MAIN_CSS) {
                format!("{line}\n{}\n", line.replace(MAIN_CSS, LOGGED_IN_CSS))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    if !html.contains(LOGGED_IN_CSS) {
        return Err(format!("app/index.html does not link {MAIN_CSS}"));
    }
    // Rewritten only when it changes: `cargo xtask dev` rebuilds when a file under app/
    // changes, this one included.
    if std::fs::read_to_string(&page).ok().as_deref() != Some(html.as_str()) {
        std::fs::write(&page, html).map_err(|e| format!("writing {}: {e}", page.display()))?;
    }
    Ok(page)
}

/// Builds the worker into edge/build/ with worker-build, using the local tools instead of
/// letting worker-build download its own.
pub(crate) fn build_worker() -> Result<(), String> {
    let mut cmd = command("worker-build");
    cmd.arg("--release")
        .current_dir(root().join("edge"))
        .env("WASM_BINDGEN_BIN", tools::cargo_bin().join("wasm-bindgen"))
        .env("WASM_OPT_BIN", node_bin("wasm-opt"))
        .env(
            "ESBUILD_BIN",
            root().join("node_modules/@esbuild/linux-x64/bin/esbuild"),
        );
    run(&mut cmd)
}

pub(crate) fn wrangler() -> Command {
    let mut cmd = command(&node_bin("wrangler").to_string_lossy());
    cmd.env("WRANGLER_SEND_METRICS", "false")
        .env("CLOUDFLARE_CF_FETCH_ENABLED", "false")
        // Non-interactive: apply migrations without asking.
        .env("CI", "true");
    cmd
}

/// Applies the migrations and loads the demo data into the local D1 under `state`.
pub(crate) fn load_demo_data(state: &Path) -> Result<(), String> {
    let seed_file = root().join("target/seed/demo.sql");
    if let Some(dir) = seed_file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(&seed_file, seed::demo_sql(&today())).map_err(|e| e.to_string())?;
    load_data(state, &seed_file, None)
}

/// Applies the migrations to the local D1 under `state`, then runs the SQL in `seed_file`;
/// what wrangler reports (a line or more per statement) goes to `log` when given.
pub(crate) fn load_data(state: &Path, seed_file: &Path, log: Option<&Path>) -> Result<(), String> {
    let log = log
        .map(std::fs::File::create)
        .transpose()
        .map_err(|e| e.to_string())?;
    let logged = |mut cmd: Command| -> Result<Command, String> {
        if let Some(log) = &log {
            cmd.stdout(log.try_clone().map_err(|e| e.to_string())?);
        }
        Ok(cmd)
    };
    let state = state.to_string_lossy().into_owned();
    run(logged(wrangler())?.args([
        "d1",
        "migrations",
        "apply",
        "DB",
        "--local",
        "--persist-to",
        &state,
    ]))?;
    run(logged(wrangler())?
        .args([
            "d1",
            "execute",
            "DB",
            "--local",
            "--persist-to",
            &state,
            "--file",
        ])
        .arg(seed_file))
}

/// Where the pieces of a local stack listen.
#[derive(Clone, Copy)]
pub(crate) struct Ports {
    /// wrangler dev: the app and the API.
    pub(crate) app: u16,
    pub(crate) identification: u16,
    pub(crate) valtuudet: u16,
    /// PRH's open data (YTJ API v3), the company registry.
    pub(crate) ytj: u16,
    /// Suomi.fi Messages (the REST API), for the delivery of the outbox (issue 14).
    pub(crate) messages: u16,
}

impl Ports {
    /// Where the local stack serves Seteli (`PUBLIC_URL`).
    fn public_url(self) -> String {
        format!("http://127.0.0.1:{}", self.app)
    }

    pub(crate) fn redirect_uri(self, path: &str) -> String {
        format!("{}{path}", self.public_url())
    }

    /// The worker's configuration: citizens and staff identified by the identification
    /// mock, mandates checked at the Valtuudet mock, companies looked up at the YTJ mock. The
    /// secrets are the mocks' published test values. (Production sets these with wrangler
    /// vars and secrets; see README.)
    pub(crate) fn worker_vars(self) -> Vec<(&'static str, String)> {
        let identification = format!("http://127.0.0.1:{}", self.identification);
        vec![
            ("PUBLIC_URL", self.public_url()),
            ("OIDC_ISSUER", format!("{identification}/citizen")),
            ("OIDC_CLIENT_ID", "seteli-local".to_owned()),
            ("OIDC_CLIENT_SECRET", "seteli-local-secret".to_owned()),
            ("STAFF_OIDC_ISSUER", format!("{identification}/staff")),
            ("STAFF_OIDC_CLIENT_ID", "seteli-staff-local".to_owned()),
            (
                "STAFF_OIDC_CLIENT_SECRET",
                "seteli-staff-local-secret".to_owned(),
            ),
            (
                "VALTUUDET_BASE_URL",
                format!("http://127.0.0.1:{}", self.valtuudet),
            ),
            ("VALTUUDET_CLIENT_ID", "sete1i01".to_owned()),
            (
                "VALTUUDET_API_KEY",
                "seteli-local-valtuudet-api-key".to_owned(),
            ),
            (
                "VALTUUDET_OAUTH_PASSWORD",
                "seteli-local-valtuudet-oauth".to_owned(),
            ),
            ("YTJ_BASE_URL", format!("http://127.0.0.1:{}", self.ytj)),
            (
                "MESSAGES_BASE_URL",
                format!("http://127.0.0.1:{}", self.messages),
            ),
            // The Messages mock's published test credentials (mocks/data/messages.json).
            ("MESSAGES_USERNAME", "seteli-local-messages".to_owned()),
            (
                "MESSAGES_PASSWORD",
                "Seteli-local-Messages-password-2026!".to_owned(),
            ),
            ("MESSAGES_SERVICE_ID", "seteli-local".to_owned()),
            ("POSTI_USERNAME", "123456".to_owned()),
            ("POSTI_PASSWORD", "9999".to_owned()),
            ("POSTI_EMAIL", "it@seteli.local".to_owned()),
            // Keys derived from identity codes; a real deployment sets its own secret.
            (
                "IDENTITY_KEY_SECRET",
                "seteli-local-identity-key-secret".to_owned(),
            ),
        ]
    }
}

pub(crate) fn start_wrangler(
    port: u16,
    inspector_port: u16,
    state: &Path,
    vars: &[(&str, String)],
    log: Option<&Path>,
) -> Result<Child, String> {
    let mut cmd = wrangler();
    cmd.args(["dev", "--ip", "127.0.0.1", "--port", &port.to_string()])
        .args(["--inspector-port", &inspector_port.to_string()])
        .args(["--persist-to", &state.to_string_lossy()])
        .arg("--show-interactive-dev-session=false")
        // Crons never fire by themselves under wrangler dev: /__scheduled runs them.
        .arg("--test-scheduled")
        .stdin(Stdio::null());
    for (name, value) in vars {
        cmd.arg("--var").arg(format!("{name}:{value}"));
    }
    if let Some(log) = log {
        // Appended to: a worker started again after a crash keeps the first one's story.
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .map_err(|e| e.to_string())?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        cmd.stdout(file).stderr(err).process_group(0);
    }
    eprintln!("$ {}", tools::describe(&cmd));
    cmd.spawn()
        .map_err(|e| format!("could not start wrangler: {e}"))
}

/// Builds the mocks of outside services (native, debug: they start in a moment).
pub(crate) fn build_mocks() -> Result<(), String> {
    run(command("cargo").args(["build", "--quiet", "-p", "seteli-mocks"]))
}

/// Starts one of the mocks (`identification`, `valtuudet`, `ytj`, `messages`) on `port`,
/// accepting `redirect_uri` for its clients (`None` for the YTJ and Messages mocks, which have
/// none), and waits until it answers.
pub(crate) fn start_mock(
    kind: &'static str,
    port: u16,
    redirect_uri: Option<&str>,
    log: Option<&Path>,
) -> Result<Guard, String> {
    let mut cmd = Command::new(tools::target_dir().join("debug/seteli-mocks"));
    cmd.args([kind, "--port", &port.to_string()])
        .stdin(Stdio::null());
    if let Some(redirect_uri) = redirect_uri {
        cmd.args(["--redirect-uri", redirect_uri]);
    }
    if let Some(log) = log {
        let file = std::fs::File::create(log).map_err(|e| e.to_string())?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        // The test stack stops it through its own process group. Under `dev` it stays in
        // the terminal's group, so that Ctrl-C stops it with everything else.
        cmd.stdout(file).stderr(err).process_group(0);
    }
    eprintln!("$ {}", tools::describe(&cmd));
    let child = cmd
        .spawn()
        .map_err(|e| format!("could not start the {kind} mock: {e}"))?;
    let guard = Guard { child, name: kind };
    wait_until_ready(port, "/health", kind, Duration::from_secs(30))?;
    Ok(guard)
}

/// A port nobody listens on right now.
pub(crate) fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// The status code of a plain GET to 127.0.0.1, or `None` when nothing answers.
pub(crate) fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

/// The status and body of a plain GET to 127.0.0.1 (a chunked body decoded).
pub(crate) fn http_get(port: u16, path: &str) -> Result<(u16, String), String> {
    let fail = |e: std::io::Error| format!("GET {path}: {e}");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(fail)?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(fail)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(fail)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(fail)?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no header end"))?;
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let mut body = &raw[end + 4..];
    let status = head
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("GET {path}: no status"))?;
    if !head.contains("transfer-encoding: chunked") {
        return Ok((status, String::from_utf8_lossy(body).into_owned()));
    }
    let mut out = Vec::new();
    while let Some(line_end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .ok_or_else(|| format!("GET {path}: a bad chunk size"))?;
        let chunk = body
            .get(line_end + 2..line_end + 2 + size)
            .ok_or_else(|| format!("GET {path}: a chunk is cut short"))?;
        if size == 0 {
            break;
        }
        out.extend_from_slice(chunk);
        body = body.get(line_end + 4 + size..).unwrap_or(&[]);
    }
    Ok((status, String::from_utf8_lossy(&out).into_owned()))
}

pub(crate) fn wait_until_ready(
    port: u16,
    path: &str,
    what: &str,
    limit: Duration,
) -> Result<(), String> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if http_status(port, path) == Some(200) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Err(format!(
        "{what} did not answer 200 on port {port}{path} within {}s",
        limit.as_secs()
    ))
}

/// A child process (and everything it started) stopped when this goes out of scope.
pub(crate) struct Guard {
    pub(crate) child: Child,
    pub(crate) name: &'static str,
}

impl Drop for Guard {
    fn drop(&mut self) {
        // A child that leads its own process group (the test stack) is stopped with its
        // group, which also stops workerd under wrangler; one that does not is stopped alone.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        eprintln!("stopped {}", self.name);
    }
}

/// `cargo xtask build --public-url URL`: the app (with its `_headers`) and the worker, as
/// `wrangler deploy` uploads them.
pub fn build(args: &[String]) -> Result<(), String> {
    let public_url = args
        .iter()
        .position(|a| a == "--public-url")
        .and_then(|i| args.get(i + 1))
        .ok_or("usage: cargo xtask build --public-url https://seteli.example.fi (PUBLIC_URL)")?;
    tools::ensure_build_tools()?;
    build_app(public_url)?;
    build_worker()
}

/// `cargo xtask dev`.
pub fn dev() -> Result<(), String> {
    tools::ensure_build_tools()?;
    let ports = Ports {
        app: 8787,
        identification: 8788,
        valtuudet: 8789,
        ytj: 8790,
        messages: 8791,
    };
    build_app(&ports.public_url())?;
    build_worker()?;
    build_mocks()?;
    let state = root().join(".wrangler/state");
    load_demo_data(&state)?;
    let _identification = start_mock(
        "identification",
        ports.identification,
        Some(&ports.redirect_uri("/api/auth/callback")),
        None,
    )?;
    let _valtuudet = start_mock(
        "valtuudet",
        ports.valtuudet,
        Some(&ports.redirect_uri("/api/valtuudet/callback")),
        None,
    )?;
    let _ytj = start_mock("ytj", ports.ytj, None, None)?;
    let _messages = start_mock("messages", ports.messages, None, None)?;
    let mut wrangler = start_wrangler(ports.app, 9229, &state, &ports.worker_vars(), None)?;
    wait_until_ready(
        ports.app,
        "/api/public/services",
        "wrangler dev",
        Duration::from_secs(60),
    )?;
    eprintln!(
        "\n  Seteli is running at http://127.0.0.1:{}  (Ctrl-C stops it)",
        ports.app
    );
    eprintln!(
        "  Identification mock (test persons): http://127.0.0.1:{}/citizen",
        ports.identification
    );
    eprintln!("  Valtuudet mock: http://127.0.0.1:{}", ports.valtuudet);
    eprintln!(
        "  YTJ mock (company registry): http://127.0.0.1:{}",
        ports.ytj
    );
    eprintln!(
        "  Suomi.fi Messages mock: http://127.0.0.1:{}\n",
        ports.messages
    );
    // The mocks stop when their guards drop.
    watch(&mut wrangler, ports)
}

/// How often `cargo xtask dev` runs the scheduled jobs.
const CRON_EVERY: Duration = Duration::from_secs(5 * 60);

/// Rebuilds the app or the worker when their sources change; wrangler reloads the output;
/// runs the scheduled jobs every [`CRON_EVERY`].
fn watch(wrangler: &mut Child, ports: Ports) -> Result<(), String> {
    let root = root();
    let app_sources = [
        root.join("app"),
        root.join("domain/src"),
        root.join("style"),
        root.join("public"),
        root.join("Trunk.toml"),
    ];
    let worker_sources = [root.join("edge/src"), root.join("domain/src")];
    let mut app_seen = fingerprint(&app_sources);
    let mut worker_seen = fingerprint(&worker_sources);
    let mut last_cron = std::time::Instant::now();
    loop {
        if let Ok(Some(status)) = wrangler.try_wait() {
            return Err(format!("wrangler dev exited ({status})"));
        }
        std::thread::sleep(Duration::from_millis(700));
        // What the Cron Trigger does in production (wrangler.toml [triggers]).
        if last_cron.elapsed() >= CRON_EVERY {
            last_cron = std::time::Instant::now();
            let _ = http_status(ports.app, "/__scheduled");
        }
        let app_now = fingerprint(&app_sources);
        if app_now != app_seen {
            app_seen = app_now;
            if let Err(e) = build_app(&ports.public_url()) {
                eprintln!("app build failed, still serving the last good build: {e}");
            }
        }
        let worker_now = fingerprint(&worker_sources);
        if worker_now != worker_seen {
            worker_seen = worker_now;
            if let Err(e) = build_worker() {
                eprintln!("worker build failed, still serving the last good build: {e}");
            }
        }
    }
}

/// The newest modification time and the file count under `paths`: changes when a file is
/// edited, added or removed.
fn fingerprint(paths: &[PathBuf]) -> (Option<SystemTime>, usize) {
    fn walk(path: &Path, newest: &mut Option<SystemTime>, count: &mut usize) {
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(path) {
                for entry in entries.flatten() {
                    walk(&entry.path(), newest, count);
                }
            }
        } else if let Ok(modified) = meta.modified() {
            *count += 1;
            *newest = (*newest).max(Some(modified));
        }
    }
    let (mut newest, mut count) = (None, 0);
    for p in paths {
        walk(p, &mut newest, &mut count);
    }
    (newest, count)
}

/// Where the browser tests' stack serves Seteli, for its `_headers`: plain http on
/// loopback (no HSTS); its port, chosen later, does not matter to the headers.
pub(crate) const LOCAL_TEST_URL: &str = "http://127.0.0.1";
