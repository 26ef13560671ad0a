//! The security headers as wrangler serves them: the static files get theirs from the
//! `_headers` file the build writes (with the hash of trunk's inline loader), the API from
//! the Worker. Chromium's console is checked for CSP violations by every test (see
//! `Browser`); the last test here shows that the check sees one.

use base64::Engine as _;
use seteli_e2e::*;
use sha2::{Digest, Sha256};

/// A plain `GET path` to the stack.
async fn get(path: &str) -> HttpAnswer {
    http(&format!("GET {path} HTTP/1.1"), "").await
}

/// A desktop browser on the front page, whose body is given a `style="…"` attribute, as an
/// app that built one would: the policy forbids it.
async fn open_with_an_inline_style() -> Browser {
    let client = desktop_at("/").await;
    wait_testid(&client, "lang-en").await;
    client
        .execute(
            "document.body.setAttribute('style', 'outline: 1px solid red')",
            vec![],
        )
        .await
        .unwrap();
    client
}

/// Directives in the policy of every answer.
const EVERY_POLICY: [&str; 4] = [
    "default-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
];

/// Directives the app's page needs besides: its WebAssembly and its calls to the API.
const PAGE_POLICY: [&str; 2] = ["'wasm-unsafe-eval'", "connect-src 'self'"];

#[tokio::test]
async fn the_page_deep_links_static_files_and_the_api_carry_the_security_headers() {
    let mut page_policy = None;
    for path in [
        "/",
        "/producers/12",
        "/my/vouchers?lang=sv",
        "/favicon.svg",
        "/api/public/services",
    ] {
        let answer = get(path).await;
        assert_eq!(answer.status, 200, "{path}");
        let csp = answer
            .header("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP in {:?}", answer.headers));
        for directive in EVERY_POLICY {
            assert!(csp.contains(directive), "{path}: {csp}");
        }
        assert_eq!(
            answer.header("referrer-policy"),
            Some("same-origin"),
            "{path}"
        );
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        // The local stack is plain http on 127.0.0.1.
        assert_eq!(answer.header("strict-transport-security"), None, "{path}");
        let is_page = answer
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html"));
        if is_page {
            for directive in PAGE_POLICY {
                assert!(csp.contains(directive), "{path}: {csp}");
            }
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
            // A deep link (the single-page-application fallback) gets the page's policy.
            let policy = page_policy.get_or_insert_with(|| csp.to_owned());
            assert_eq!(policy, csp, "{path}");
        }
    }
    assert!(page_policy.is_some(), "the page was served as text/html");
}

#[tokio::test]
async fn the_policy_allows_exactly_the_inline_scripts_that_were_built() {
    // Each audience's entry (the comparison, the customer's, the producer's and the staff's
    // pages) has its own loader; one policy serves them all.
    let client = desktop().await;
    let mut hashes: Vec<String> = Vec::new();
    for (path, started) in [
        ("/producers/12?lang=en", "lang-en"),
        ("/my/vouchers", "login"),
        ("/producer/prices", "login"),
        ("/desk", "login"),
    ] {
        client.goto(&url(path)).await.unwrap();
        // The app started: Chromium ran the loader under the policy.
        wait_testid(&client, started).await;
        let inline = js(
            &client,
            "Array.from(document.querySelectorAll('script:not([src])')).map(s => s.textContent)",
        )
        .await;
        let inline: Vec<String> = inline
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect();
        // The data preloader and trunk's loader, in the page's order, and nothing else.
        assert_eq!(inline.len(), 2, "{path}: {inline:?}");
        assert!(inline[0].contains("__seteliPreload"), "{}", inline[0]);
        hashes.extend(inline.iter().map(|script| {
            let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
            format!("'sha256-{hash}'")
        }));
    }
    hashes.sort();
    hashes.dedup();
    // One preloader and four loaders.
    assert_eq!(hashes.len(), 5, "{hashes:?}");
    for path in [
        "/",
        "/producers/12?lang=en",
        "/my/vouchers",
        "/producer",
        "/desk",
    ] {
        let answer = get(path).await;
        let csp = answer.header("content-security-policy").unwrap();
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src "))
            .unwrap_or_else(|| panic!("{path}: no script-src in {csp}"));
        assert_eq!(
            script_src,
            format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
            "{path}"
        );
    }
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_headers_and_redirects_files_themselves_are_not_served() {
    for file in ["/_headers", "/_redirects"] {
        the_page_answers(file).await;
    }
}

async fn the_page_answers(file: &str) {
    let answer = get(file).await;

    // The single-page-application fallback answers: the page, not the rules.
    assert_eq!(answer.status, 200, "{file}");
    assert!(
        answer
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html")),
        "{file}: {:?}",
        answer.headers
    );
}

#[tokio::test]
async fn the_console_check_sees_a_violation() {
    let client = open_with_an_inline_style().await;

    let violations = client.take_csp_violations().await;
    assert!(
        violations.iter().any(|v| v.contains("style-src")),
        "{violations:?}"
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_browser_the_test_never_closes_is_checked_when_dropped() {
    let client = open_with_an_inline_style().await;

    let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(client)));

    let message = dropped.expect_err("dropping it fails the test");
    let message = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("style-src"), "{message}");
}
