//! The security headers on every answer, the app's and the API's, in one place.
//!
//! The router adds [`api_headers`] to each API answer. The static files (the app's page,
//! its script, WebAssembly and stylesheet) never reach the Worker: the build (`cargo
//! xtask`) writes [`app_headers`] into `dist/_headers`, which wrangler applies to them,
//! with the hashes of the inline scripts of the page it has just built (Trunk's loader).

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// A header as the edge's responses carry it: a lowercase name and its value.
pub type Header = (&'static str, String);

/// HSTS for a year, subdomains included; not `preload`, which only the domain's owner
/// (the municipality) can decide on.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The headers of the app's page and static files.
///
/// `api_base` is the page's `<meta name="seteli-api-base">`: empty (or a path) means the
/// page's own origin, an absolute URL adds its origin to `connect-src`. `inline_scripts`
/// are the page's inline scripts as [`script_hash`] sources; nothing else inline may run.
/// WebAssembly needs `'wasm-unsafe-eval'`; styles come only from the stylesheet, so the
/// app must not build `style="…"` attributes (setting a property through the CSSOM is
/// allowed).
pub fn app_headers(
    public_url: &str,
    api_base: &str,
    inline_scripts: &[String],
) -> Result<Vec<Header>, String> {
    let mut script_src = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    script_src.extend(inline_scripts.iter().cloned());
    // 'self' covers the page's own fetches: the WebAssembly file and a same-origin API.
    let mut connect_src = vec!["'self'".to_owned()];
    connect_src.extend(api_origin(api_base)?);
    let policy = [
        "default-src 'none'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        format!("connect-src {}", connect_src.join(" ")),
        "base-uri 'none'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ];
    Ok(common(public_url, policy.join("; ")))
}

/// The headers of every API answer (JSON or a redirect): a document that loads and runs
/// nothing, should a browser ever render one.
pub fn api_headers(public_url: &str) -> Vec<Header> {
    let policy = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    common(public_url, policy.to_owned())
}

fn common(public_url: &str, policy: String) -> Vec<Header> {
    let mut headers = vec![
        ("content-security-policy", policy),
        ("referrer-policy", "same-origin".to_owned()),
        ("x-content-type-options", "nosniff".to_owned()),
    ];
    if wants_hsts(public_url) {
        headers.push(("strict-transport-security", HSTS.to_owned()));
    }
    headers
}

/// HSTS only where Seteli is served over https, and never for a loopback host: a browser
/// would then insist on https for every local development server on that name.
fn wants_hsts(public_url: &str) -> bool {
    let Ok(url) = url::Url::parse(public_url) else {
        return false;
    };
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => {
            name.eq_ignore_ascii_case("localhost") || name.ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => true,
    };
    url.scheme() == "https" && !loopback
}

/// The origin an absolute API base adds to `connect-src`; `None` for the page's own origin.
fn api_origin(api_base: &str) -> Result<Option<String>, String> {
    let base = api_base.trim();
    if base.is_empty() || (base.starts_with('/') && !base.starts_with("//")) {
        return Ok(None);
    }
    match url::Url::parse(base) {
        Ok(url) if matches!(url.scheme(), "https" | "http") => {
            Ok(Some(url.origin().ascii_serialization()))
        }
        _ => Err(format!(
            "the API base {base:?} is neither empty, a path nor an http(s) URL"
        )),
    }
}

/// The CSP source that allows exactly this inline script: `'sha256-…'` of its text as it
/// stands between `<script>` and `</script>`.
pub fn script_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header<'a>(headers: &'a [Header], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    fn directives(headers: &[Header]) -> Vec<String> {
        header(headers, "content-security-policy")
            .expect("a CSP")
            .split(';')
            .map(|d| d.trim().to_owned())
            .collect()
    }

    #[test]
    fn the_app_runs_only_its_own_scripts_the_hashed_loader_and_webassembly() {
        let loader = script_hash("import init from '/app.js'; init();");
        let headers = app_headers(
            "https://seteli.example.fi",
            "",
            std::slice::from_ref(&loader),
        )
        .unwrap();

        let csp = directives(&headers);

        assert!(csp.contains(&"default-src 'none'".to_owned()), "{csp:?}");
        assert!(
            csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {loader}")),
            "{csp:?}"
        );
        assert!(csp.contains(&"style-src 'self'".to_owned()), "{csp:?}");
        assert!(
            csp.contains(&"frame-ancestors 'none'".to_owned()),
            "{csp:?}"
        );
        assert!(csp.contains(&"base-uri 'none'".to_owned()), "{csp:?}");
        assert!(csp.contains(&"form-action 'self'".to_owned()), "{csp:?}");
        let all = csp.join("; ");
        assert!(!all.contains("unsafe-inline"), "{all}");
        assert!(!all.contains("'unsafe-eval'"), "{all}");
    }

    #[test]
    fn the_app_connects_only_to_its_own_origin_and_the_api_base() {
        let same = app_headers("https://seteli.example.fi", "", &[]).unwrap();
        assert!(directives(&same).contains(&"connect-src 'self'".to_owned()));

        let path = app_headers("https://seteli.example.fi", "/seteli", &[]).unwrap();
        assert!(directives(&path).contains(&"connect-src 'self'".to_owned()));

        let other = app_headers(
            "https://seteli.example.fi",
            "https://api.seteli.example.fi/v1/",
            &[],
        )
        .unwrap();
        assert!(directives(&other)
            .contains(&"connect-src 'self' https://api.seteli.example.fi".to_owned()));
    }

    #[test]
    fn an_api_base_that_is_not_a_url_fails_the_build() {
        assert!(app_headers("https://seteli.example.fi", "javascript:alert(1)", &[]).is_err());
        assert!(app_headers("https://seteli.example.fi", "//api.example.fi", &[]).is_err());
    }

    #[test]
    fn api_answers_load_and_run_nothing() {
        let headers = api_headers("https://seteli.example.fi");

        let csp = directives(&headers);

        assert!(csp.contains(&"default-src 'none'".to_owned()), "{csp:?}");
        assert!(
            csp.contains(&"frame-ancestors 'none'".to_owned()),
            "{csp:?}"
        );
        assert!(csp.contains(&"base-uri 'none'".to_owned()), "{csp:?}");
        assert!(csp.contains(&"form-action 'self'".to_owned()), "{csp:?}");
    }

    #[test]
    fn every_answer_names_its_referrer_policy_and_forbids_sniffing() {
        for headers in [
            api_headers("https://seteli.example.fi"),
            app_headers("https://seteli.example.fi", "", &[]).unwrap(),
        ] {
            assert_eq!(header(&headers, "referrer-policy"), Some("same-origin"));
            assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
        }
    }

    #[test]
    fn hsts_is_sent_only_for_an_https_public_url() {
        let hsts =
            |url: &str| header(&api_headers(url), "strict-transport-security").map(str::to_owned);

        assert_eq!(
            hsts("https://seteli.porvoo.fi").as_deref(),
            Some("max-age=31536000; includeSubDomains")
        );
        assert_eq!(
            header(
                &app_headers("https://seteli.porvoo.fi", "", &[]).unwrap(),
                "strict-transport-security"
            ),
            Some("max-age=31536000; includeSubDomains")
        );
        assert_eq!(hsts("http://127.0.0.1:8787"), None);
        assert_eq!(hsts("http://seteli.porvoo.fi"), None);
        assert_eq!(hsts("https://localhost:8787"), None);
        assert_eq!(hsts("https://127.0.0.1"), None);
        assert_eq!(hsts("https://[::1]:8787"), None);
        assert_eq!(hsts("not a url"), None);
    }

    #[test]
    fn a_script_hash_is_the_base64_sha256_of_the_exact_text() {
        // The example of the CSP specification: `alert('Hello, world.');`.
        assert_eq!(
            script_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
        assert_ne!(script_hash("init();"), script_hash("init(); "));
    }
}
