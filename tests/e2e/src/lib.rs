//! Helpers for the browser tests: a headless Chromium session against the stack that
//! `cargo xtask test` starts, whose console is recorded and checked for Content-Security-
//! Policy violations, finding elements by `data-testid`, an axe-core scan, and screenshots
//! under `target/e2e/screenshots/`.

pub mod citizen;
pub mod producer;
pub mod proxy;
pub mod public;
pub mod staff;
pub mod static_site;

pub use seteli_mocks::cast;

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use seteli_mocks::identification::people::Person;
use std::path::PathBuf;
use std::time::Duration;

pub use fantoccini;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: the browser tests run against the local stack that `cargo xtask test` starts")
    })
}

/// The stack's base URL, e.g. `http://127.0.0.1:41234`.
pub fn base_url() -> String {
    env("SETELI_URL")
}

/// A page of the app by path (with query).
pub fn url(path: &str) -> String {
    format!("{}{path}", base_url())
}

/// A fresh headless Chromium with a viewport of `width` × `height` CSS pixels.
pub async fn browser(width: u32, height: u32) -> Browser {
    chromium(width, height, &[]).await
}

/// A headless Chromium with `args` added to the usual ones (a profile, a proxy).
async fn chromium(width: u32, height: u32, args: &[String]) -> Browser {
    let mut caps = serde_json::Map::new();
    // Chromium's console, of every page the session visits, for [`Browser`]'s check.
    caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    let mut all_args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--hide-scrollbars",
    ]
    .map(String::from)
    .to_vec();
    all_args.push(format!("--window-size={width},{height}"));
    all_args.extend_from_slice(args);
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": "/usr/bin/chromium", "args": all_args }),
    );
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&env("WEBDRIVER_URL"))
        .await
        .expect("chromedriver session");
    client
        .set_window_size(width, height)
        .await
        .expect("window size");
    let session = client
        .session_id()
        .await
        .expect("session id")
        .expect("a session");
    Browser {
        client,
        session,
        checked: false,
    }
}

/// A browser profile that outlives one Chromium, as a phone keeps its browser's data
/// between uses: a new, empty directory under `target/e2e/profiles/`.
pub fn new_profile(name: &str) -> PathBuf {
    fresh_dir("profiles", name)
}

/// A new, empty directory `target/e2e/<kind>/<name>-<process>`, as an absolute path.
pub fn fresh_dir(kind: &str, name: &str) -> PathBuf {
    let dir =
        PathBuf::from(std::env::var("SETELI_ARTIFACTS").unwrap_or_else(|_| "target/e2e".into()))
            .join(kind)
            .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a fresh directory");
    // Chromium wants a profile's path whole.
    dir.canonicalize().expect("the directory's path")
}

/// A phone-sized Chromium started on `profile`, online.
pub async fn phone_on(profile: &std::path::Path) -> Browser {
    chromium(
        360,
        780,
        &[format!("--user-data-dir={}", profile.display())],
    )
    .await
}

/// A phone-sized Chromium started on `profile` with no way to the network: every request,
/// also to this machine, goes to a proxy that is not there (as in a stairwell without
/// signal, and unlike a stopped stack, which would also stop the other tests).
pub async fn phone_without_network_on(profile: &std::path::Path) -> Browser {
    let args = [
        format!("--user-data-dir={}", profile.display()),
        "--proxy-server=http://127.0.0.1:9".to_owned(),
        // Chromium otherwise never sends loopback addresses through a proxy.
        "--proxy-bypass-list=<-loopback>".to_owned(),
    ];
    chromium(360, 780, &args).await
}

/// A phone-sized browser (360 × 780), as most producers and proxies use Seteli.
pub async fn phone() -> Browser {
    browser(360, 780).await
}

/// A desktop-sized browser.
pub async fn desktop() -> Browser {
    browser(1280, 900).await
}

/// A desktop-sized browser with the app's page `path` open.
pub async fn desktop_at(path: &str) -> Browser {
    let client = desktop().await;
    client.goto(&url(path)).await.unwrap();
    client
}

/// A Chromium session (used as a [`Client`]) whose console is read when the test is done
/// with it — at [`Browser::close`], or when it is dropped (a test that never closes it,
/// or one that failed) — and saved under `target/e2e/console/`. Any Content-Security-Policy
/// violation on any page the session visited then fails the test.
pub struct Browser {
    client: Client,
    session: String,
    /// Whether the console was already read (by `close`).
    checked: bool,
}

impl std::ops::Deref for Browser {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Browser {
    /// The CSP violations in the console since it was last read, without failing the test
    /// (for a test that provokes one).
    pub async fn take_csp_violations(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(browser_log())
            .await
            .expect("chromedriver's browser log");
        let violations = csp_violations(&log);
        record_console(Some(&log), &violations);
        violations
    }

    /// Checks the console, then ends the session.
    pub async fn close(mut self) -> Result<(), CmdError> {
        let log = self.client.issue_cmd(browser_log()).await;
        self.checked = true;
        let closed = self.client.clone().close().await;
        check_console(log.ok().as_ref());
        closed
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if self.checked {
            return;
        }
        // No async here: ask chromedriver directly, then end the session (the test's
        // runtime may be gone before fantoccini would).
        let log = webdriver_blocking("POST", &self.session, "/se/log", r#"{"type":"browser"}"#);
        let _ = webdriver_blocking("DELETE", &self.session, "", "");
        if std::thread::panicking() {
            // The test failed already; record the console, but do not panic twice.
            if let Some(violations) = log.as_ref().map(csp_violations) {
                record_console(log.as_ref(), &violations);
            }
        } else {
            check_console(log.as_ref());
        }
    }
}

/// A ChromeDriver vendor command: `POST /session/{id}/{path}` with a JSON body, which
/// fantoccini sends as it is.
#[derive(Debug)]
struct ChromeCommand {
    path: &'static str,
    body: Value,
}

/// ChromeDriver's `se/log` for the `browser` log: the console messages since the last call,
/// of every page.
fn browser_log() -> ChromeCommand {
    ChromeCommand {
        path: "se/log",
        body: json!({"type": "browser"}),
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromeCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// One WebDriver call on `session` without an async runtime; its `value`, or `None` if
/// it failed. ChromeDriver keeps the connection open after answering, so the body is
/// read by its `Content-Length`.
fn webdriver_blocking(method: &str, session: &str, path: &str, body: &str) -> Option<Value> {
    use std::io::{BufRead, BufReader, Read, Write};
    let base = url::Url::parse(&env("WEBDRIVER_URL")).ok()?;
    let host = format!("{}:{}", base.host_str()?, base.port_or_known_default()?);
    let target = base.join(&format!("session/{session}{path}")).ok()?;
    let mut stream = std::net::TcpStream::connect(&host).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    write!(
        stream,
        "{method} {} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        target.path(),
        body.len()
    )
    .ok()?;
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok()?;
            }
        }
    }
    let mut answer = vec![0; length];
    reader.read_exact(&mut answer).ok()?;
    let mut json: Value = serde_json::from_slice(&answer).ok()?;
    Some(json["value"].take())
}

/// The console entries that report a Content-Security-Policy violation (or a policy
/// the browser could not read), each once.
fn csp_violations(log: &Value) -> Vec<String> {
    let mut violations: Vec<String> = Vec::new();
    let messages = log
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["message"].as_str());
    for message in messages {
        let lower = message.to_ascii_lowercase();
        let is_csp =
            lower.contains("content security policy") || lower.contains("content-security-policy");
        if is_csp && !violations.iter().any(|v| v == message) {
            violations.push(message.to_owned());
        }
    }
    violations
}

/// Saves the console and fails the test on a CSP violation; fails too when the console
/// could not be read, as nothing would then be checked.
fn check_console(log: Option<&Value>) {
    let Some(log) = log else {
        panic!("Chromium's console could not be read, so it was not checked for CSP violations");
    };
    let violations = csp_violations(log);
    record_console(Some(log), &violations);
    assert!(
        violations.is_empty(),
        "Content-Security-Policy violations in Chromium's console:\n{}",
        violations.join("\n")
    );
}

/// Appends the console's entries to `target/e2e/console/<test>.log` (the test's thread
/// carries its name).
fn record_console(log: Option<&Value>, violations: &[String]) {
    let Some(entries) = log.and_then(Value::as_array) else {
        return;
    };
    if entries.is_empty() {
        return;
    }
    let dir =
        PathBuf::from(std::env::var("SETELI_ARTIFACTS").unwrap_or_else(|_| "target/e2e".into()))
            .join("console");
    let test = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .replace("::", "-");
    let mut text = String::new();
    for entry in entries {
        text.push_str(&format!(
            "{} {}\n",
            entry["level"].as_str().unwrap_or("?"),
            entry["message"].as_str().unwrap_or_default()
        ));
    }
    if !violations.is_empty() {
        text.push_str(&format!("-- {} CSP violation(s)\n", violations.len()));
    }
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(format!("{test}.log")))
    {
        use std::io::Write;
        let _ = file.write_all(text.as_bytes());
    }
}

pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// Waits (up to 15 s) for an element with this `data-testid`.
pub async fn wait_testid(client: &Client, id: &str) -> Element {
    let css = testid(id);
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("no element {css} appeared: {e}"))
}

/// All elements with this `data-testid`, now.
pub async fn all_testid(client: &Client, id: &str) -> Vec<Element> {
    client
        .find_all(Locator::Css(&testid(id)))
        .await
        .unwrap_or_default()
}

/// Runs a JavaScript expression and returns its value.
pub async fn js(client: &Client, expression: &str) -> Value {
    client
        .execute(&format!("return {expression};"), vec![])
        .await
        .unwrap_or_else(|e| panic!("script {expression} failed: {e}"))
}

/// Runs a JavaScript expression whose value is a promise (an `async` arrow called at once
/// works too) and returns what it resolves to, or the rejection's text.
pub async fn js_promise(client: &Client, expression: &str) -> Value {
    client
        .execute_async(
            &format!(
                "const done = arguments[0]; Promise.resolve({expression}).then(done, e => done(String(e)));"
            ),
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("script {expression} failed: {e}"))
}

/// Polls a JavaScript condition until it holds (up to 15 s); panics with `what` if it never does.
pub async fn wait_until(client: &Client, condition: &str, what: &str) {
    for _ in 0..150 {
        if js(client, condition).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting until {what} ({condition})");
}

/// The `data-cents` attribute of an element as an integer.
pub async fn cents(element: &Element) -> i64 {
    let value = element
        .attr("data-cents")
        .await
        .expect("attribute read")
        .expect("data-cents attribute");
    value
        .parse()
        .unwrap_or_else(|_| panic!("data-cents is not an integer: {value}"))
}

/// The current URL's query parameter.
pub async fn query_param(client: &Client, name: &str) -> Option<String> {
    let url = client.current_url().await.expect("current url");
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Asserts that the current URL's query has each `(name, value)`.
pub async fn assert_query(client: &Client, expected: &[(&str, &str)]) {
    for (name, value) in expected {
        assert_eq!(
            query_param(client, name).await.as_deref(),
            Some(*value),
            "{name} in the URL"
        );
    }
}

/// Saves a PNG screenshot under `target/e2e/screenshots/` and returns its path.
pub async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let dir =
        PathBuf::from(std::env::var("SETELI_ARTIFACTS").unwrap_or_else(|_| "target/e2e".into()))
            .join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let png = client.screenshot().await.expect("screenshot");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("screenshot written");
    path
}

/// Saves a screenshot of the whole page (the window grown to the page's height, the width
/// kept), then restores the window.
pub async fn full_page_screenshot(client: &Client, name: &str) -> PathBuf {
    let (width, height) = (
        js(client, "window.innerWidth").await,
        js(client, "document.documentElement.scrollHeight").await,
    );
    let width = width.as_u64().unwrap_or(360) as u32;
    let height = height.as_u64().unwrap_or(800).min(8000) as u32;
    let original = client.get_window_size().await.expect("window size");
    client
        .set_window_size(width, height)
        .await
        .expect("window size");
    let path = screenshot(client, name).await;
    client
        .set_window_size(original.0 as u32, original.1 as u32)
        .await
        .expect("window size");
    path
}

/// Runs axe-core (from npm, injected into the page) and returns the serious and critical
/// WCAG 2.1 A/AA violations as readable lines.
pub async fn serious_accessibility_violations(client: &Client) -> Vec<String> {
    let axe = std::fs::read_to_string(env("AXE_JS")).expect("axe-core's axe.min.js");
    client
        .execute(&axe, vec![])
        .await
        .expect("axe-core injected");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then(r => done(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
          .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
    "#;
    let result = client.execute_async(script, vec![]).await.expect("axe run");
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            format!(
                "{} ({}): {} at {}",
                v["id"], v["impact"], v["help"], v["targets"]
            )
        })
        .collect()
}

/// `POST`s JSON to a development endpoint of the Valtuudet mock (`SETELI_VALTUUDET_URL`),
/// e.g. to revoke a mandate or simulate an outage; panics unless it answers 2xx.
pub async fn valtuudet_dev(path: &str, body: &str) {
    mock_dev(&env("SETELI_VALTUUDET_URL"), path, body).await;
}

/// `POST`s JSON to a development endpoint of the Suomi.fi Messages mock
/// (`SETELI_MESSAGES_URL`), e.g. `/dev/outage`; panics unless it answers 2xx.
pub async fn messages_dev(path: &str, body: &str) {
    mock_dev(&messages_mock_url(), path, body).await;
}

/// `POST`s JSON to `path` of the mock at `base`; panics unless it answers 2xx.
async fn mock_dev(base: &str, path: &str, body: &str) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host)
        .await
        .expect("the mock answers");
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 2"),
        "POST {path}: {}",
        answer.lines().next().unwrap_or_default()
    );
}

/// The Suomi.fi Messages mock's address (`SETELI_MESSAGES_URL`): its page lists what each
/// person received.
pub fn messages_mock_url() -> String {
    env("SETELI_MESSAGES_URL")
}

/// Every message the Messages mock accepted, oldest first (its `GET /dev/received`).
pub async fn messages_received() -> Vec<Value> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let base = messages_mock_url();
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host)
        .await
        .expect("the Messages mock answers");
    let request =
        format!("GET /dev/received HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b)
        .unwrap_or_default();
    serde_json::from_str(body).unwrap_or_else(|e| panic!("/dev/received: {e}: {answer}"))
}

/// An answer to [`http`]: status, headers (names lowercase) and body.
pub struct HttpAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One plain HTTP/1.1 exchange with the stack (`SETELI_URL`), without a browser: `head`
/// is the request line's method and path and any headers after it, e.g.
/// `"POST /api/x HTTP/1.1\r\nOrigin: ..."`; `Host` and `Connection: close` are added. The
/// body is sent as it is (a test may announce more than it sends).
pub async fn http(head: &str, body: &str) -> HttpAnswer {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let base = base_url();
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host)
        .await
        .expect("the stack answers");
    let request = format!("{head}\r\nHost: {host}\r\nConnection: close\r\n\r\n{body}");
    stream.write_all(request.as_bytes()).await.unwrap();
    // The answer ends where its length says (or its last chunk), not when the server
    // closes: workerd may keep the connection while a request body it never read is owed.
    let no_body = head.starts_with("HEAD ");
    let read = async {
        let mut raw = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            let n = stream.read(&mut buf).await.unwrap_or(0);
            raw.extend_from_slice(&buf[..n]);
            if n == 0 || answer_complete(&raw, no_body) {
                return raw;
            }
        }
    };
    let raw = tokio::time::timeout(Duration::from_secs(20), read)
        .await
        .expect("an answer within 20 s");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked {
        unchunk(body)
    } else {
        body.to_owned()
    };
    HttpAnswer {
        status,
        headers,
        body,
    }
}

/// Whether `raw` holds a whole HTTP/1.1 answer: its head and the body its `Content-Length`
/// announces, or a chunked body up to its last chunk, or no body (204, 304, or an answer to
/// `HEAD`: `no_body`).
fn answer_complete(raw: &[u8], no_body: bool) -> bool {
    let text = String::from_utf8_lossy(raw);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    if no_body {
        return true;
    }
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_owned())
        })
    };
    if let Some(length) = header("content-length").and_then(|n| n.parse::<usize>().ok()) {
        return body.len() >= length;
    }
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        return body.ends_with("0\r\n\r\n");
    }
    let status = head.split_whitespace().nth(1).unwrap_or_default();
    matches!(status, "204" | "304") || status.starts_with('1')
}

/// A chunked body's data.
fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

/// Takes the browser off the network (as when a phone loses its connection) or back on.
pub async fn set_offline(client: &Client, offline: bool) {
    let conditions = ChromeCommand {
        path: "chromium/network_conditions",
        body: json!({"network_conditions": {
            "offline": offline, "latency": 0,
            "download_throughput": -1, "upload_throughput": -1,
        }}),
    };
    client
        .issue_cmd(conditions)
        .await
        .expect("chromedriver emulates the network");
}

/// Runs a Chrome DevTools Protocol command in the browser (ChromeDriver's `goog/cdp/execute`).
pub async fn devtools(client: &Client, command: &str, params: Value) -> Value {
    let cdp = ChromeCommand {
        path: "goog/cdp/execute",
        body: json!({ "cmd": command, "params": params }),
    };
    client
        .issue_cmd(cdp)
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
}

/// Keeps the browser from loading the app's wasm, as a phone whose download has not
/// finished yet: the page shows what it paints before the app starts.
pub async fn hold_back_the_app(client: &Client) {
    devtools(client, "Network.enable", json!({})).await;
    devtools(
        client,
        "Network.setBlockedURLs",
        json!({ "urls": ["*.wasm"] }),
    )
    .await;
}

/// Logs in at the identification mock's page as `person`, starting from `path`; returns
/// once the header shows the person's name.
pub async fn log_in_as(client: &Client, person: &Person, path: &str) {
    client.goto(&url(path)).await.unwrap();
    wait_testid(client, "login").await.click().await.unwrap();
    wait_testid(client, &format!("person-{}", person.code()))
        .await
        .click()
        .await
        .unwrap();
    wait_testid(client, "account-name").await;
}

/// A desktop-sized browser in which `person` has logged in at `path`.
pub async fn logged_in_desktop(person: &Person, path: &str) -> Browser {
    let client = desktop().await;
    log_in_as(&client, person, path).await;
    client
}

/// A phone-sized browser in which `person` has logged in at `path`.
pub async fn logged_in_phone(person: &Person, path: &str) -> Browser {
    let client = phone().await;
    log_in_as(&client, person, path).await;
    client
}

/// The test person of the cast (`mocks/data`) whose first given name is `first_name`.
pub fn person(first_name: &str) -> &'static Person {
    cast::person(first_name)
}

/// Asserts that no identity code of the cast is in `text` (a page, a URL).
pub fn assert_no_identity_code(text: &str) {
    for person in cast::persons() {
        assert!(!text.contains(person.code()), "an identity code is shown");
    }
}

/// Scrolls to the top (the sticky banner covers the header further down) and clicks `id`.
pub async fn click(client: &Client, id: &str) {
    js(client, "window.scrollTo(0, 0)").await;
    wait_testid(client, id).await.click().await.unwrap();
}

/// Replaces the text of the input `id` with `text`.
pub async fn type_into(client: &Client, id: &str, text: &str) {
    let input = wait_testid(client, id).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Picks `value` in the select `id`.
pub async fn select(client: &Client, id: &str, value: &str) {
    wait_testid(client, id)
        .await
        .select_by_value(value)
        .await
        .unwrap();
}

/// Waits for the element `id` and clicks it where it is (without scrolling first, unlike
/// [`click`]).
pub async fn press(client: &Client, id: &str) {
    wait_testid(client, id).await.click().await.unwrap();
}

/// Waits for the element `id` and returns its text.
pub async fn text_of(client: &Client, id: &str) -> String {
    wait_testid(client, id).await.text().await.unwrap()
}

/// Waits for the input `id` and types `keys` into it, after what it holds already.
pub async fn send_keys_to(client: &Client, id: &str, keys: &str) {
    wait_testid(client, id).await.send_keys(keys).await.unwrap();
}

/// The element `id` inside `element`; panics if there is none.
pub async fn find_in(element: &Element, id: &str) -> Element {
    element
        .find(Locator::Css(&testid(id)))
        .await
        .unwrap_or_else(|e| panic!("no element {} inside: {e}", testid(id)))
}

/// The attribute `name` of `element`, if it has one.
pub async fn attr(element: &Element, name: &str) -> Option<String> {
    element.attr(name).await.unwrap()
}

/// Whether the page fits the window's width (no sideways scrolling).
pub async fn fits_the_width(client: &Client) -> bool {
    js(
        client,
        "document.documentElement.scrollWidth <= window.innerWidth",
    )
    .await
        == true
}

/// Waits until the current URL's query has `part` (e.g. `sort=name`).
pub async fn wait_for_query(client: &Client, part: &str, what: &str) {
    wait_until(client, &format!("location.search.includes('{part}')"), what).await;
}

/// Waits until exactly `count` elements have this `data-testid`.
pub async fn wait_for_count(client: &Client, id: &str, count: usize, what: &str) {
    wait_until(
        client,
        &format!("document.querySelectorAll('[data-testid={id}]').length === {count}"),
        what,
    )
    .await;
}

/// Waits until nothing on the page is loading (`aria-busy`).
pub async fn wait_loaded(client: &Client) {
    wait_until(
        client,
        "!document.querySelector('[aria-busy=true]')",
        "the list has loaded",
    )
    .await;
}

/// Clicks `lang-{lang}` and waits until the page is in that language.
pub async fn switch_language(client: &Client, lang: &str) {
    press(client, &format!("lang-{lang}")).await;
    wait_for_language(client, lang).await;
}

/// Waits until the page is in `lang`.
pub async fn wait_for_language(client: &Client, lang: &str) {
    wait_until(
        client,
        &format!("document.documentElement.lang === '{lang}'"),
        &format!("the page is in {lang}"),
    )
    .await;
}

/// `fetch(path)` from the page: the status the API gives this browser (0: no answer).
pub async fn fetch_status(client: &Client, path: &str) -> i64 {
    client
        .execute_async(
            &format!("const done = arguments[0]; fetch('{path}').then(r => done(r.status)).catch(() => done(0));"),
            vec![],
        )
        .await
        .unwrap()
        .as_i64()
        .unwrap()
}

/// `fetch(path)` from the page: `[status, the JSON body (an answer or an error), else null]`.
pub async fn fetch_json(client: &Client, path: &str) -> Value {
    client
        .execute_async(
            &format!(
                "const done = arguments[0]; fetch('{path}').then(async r => done([r.status, (r.headers.get('content-type') || '').includes('json') && r.status !== 204 ? await r.json() : null])).catch(() => done([0, null]));"
            ),
            vec![],
        )
        .await
        .unwrap()
}

/// Logs out from the header; returns once the login button is back.
pub async fn log_out(client: &Client) {
    // To the header at the top of the page, as a person would scroll: further down the
    // sticky banner covers it.
    js(client, "window.scrollTo(0, 0)").await;
    press(client, "logout").await;
    wait_testid(client, "login").await;
}

/// A PDF named `name.pdf` on disk, for a browser's file input; its path.
pub fn pdf_file(name: &str) -> String {
    let dir = fresh_dir("uploads", name);
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(
        &path,
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n",
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}
