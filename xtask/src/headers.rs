//! `dist/_headers`: the security headers of the static files, which wrangler serves without
//! the Worker (locally too). Written after every trunk build from the page trunk has just
//! built, because the CSP must name the hash of trunk's inline loader, which changes with
//! every build of the app. The policy itself is the edge's ([`seteli_edge::security`]).

use seteli_edge::security::{app_headers, script_hash};
use std::path::Path;

/// The longest line wrangler accepts in `_headers`.
const MAX_LINE: usize = 2000;

/// Writes `dist/_headers` for the page in `dist/index.html`, served at `public_url`.
pub fn write(dist: &Path, public_url: &str) -> Result<(), String> {
    let page = dist.join("index.html");
    let html =
        std::fs::read_to_string(&page).map_err(|e| format!("reading {}: {e}", page.display()))?;
    let mut text = headers_file(&html, public_url)?;
    let mut names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("reading {}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    text.push_str(&immutable_rules(&names));
    let target = dist.join("_headers");
    std::fs::write(&target, text).map_err(|e| format!("writing {}: {e}", target.display()))
}

/// The `_headers` file for a built page: one rule for every path, so that deep links,
/// which the single-page-application fallback answers with index.html, get them too.
fn headers_file(html: &str, public_url: &str) -> Result<String, String> {
    let hashes: Vec<String> = inline_scripts(html).into_iter().map(script_hash).collect();
    let headers = app_headers(public_url, &api_base(html), &hashes)?;
    let mut text = String::from(
        "# Written by `cargo xtask` after each trunk build; do not edit (see xtask/src/headers.rs).\n/*\n",
    );
    for (name, value) in headers {
        let line = format!("  {name}: {value}");
        if line.len() > MAX_LINE {
            return Err(format!(
                "the {name} header is longer than wrangler's _headers allows ({MAX_LINE})"
            ));
        }
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

/// A rule per file whose name carries trunk's content hash (`seteli-app-1a2b…c3d4_bg.wasm`):
/// it never changes under that name, so browsers and caches keep it for a year without
/// asking again. Everything else (`index.html`, and every deep link the single-page fallback
/// answers with it) keeps the platform's default, revalidated on every load.
fn immutable_rules(names: &[String]) -> String {
    names
        .iter()
        .filter(|name| has_content_hash(name))
        .map(|name| format!("/{name}\n  cache-control: public, max-age=31536000, immutable\n"))
        .collect()
}

/// Whether a file name has trunk's `-<16 hex digits>` before its extension(s).
fn has_content_hash(name: &str) -> bool {
    name.split(['.', '_'])
        .next()
        .and_then(|stem| stem.rsplit_once('-'))
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The text of every `<script>` without `src` (trunk's loader), exactly as it stands
/// between the tags, which is what a browser hashes.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open_tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !has_attribute(open_tag, "src") {
            scripts.push(&body[..close]);
        }
        rest = &body[close..];
    }
    scripts
}

/// The `content` of `<meta name="seteli-api-base">`, empty when there is none.
fn api_base(html: &str) -> String {
    html.match_indices("<meta")
        .filter_map(|(i, _)| {
            let tag = &html[i..];
            tag.find('>').map(|end| &tag[..end])
        })
        .find(|tag| tag.contains(r#"name="seteli-api-base""#))
        .and_then(|tag| {
            let value = tag.split(r#"content=""#).nth(1)?;
            value.split('"').next().map(str::to_owned)
        })
        .unwrap_or_default()
}

/// Whether an opening tag has the attribute `name` (` name=` or a bare ` name`).
fn has_attribute(open_tag: &str, name: &str) -> bool {
    open_tag
        .split_whitespace()
        .skip(1)
        .any(|part| part == name || part.starts_with(&format!("{name}=")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of what trunk 0.21 writes (release build).
    const PAGE: &str = r#"<!DOCTYPE html><html lang="fi"><head>
<meta name="seteli-api-base" content="" />
<link rel="modulepreload" href="/seteli-app-1a2b.js" crossorigin="anonymous" integrity="sha384-x">
<script src="/other.js"></script>
<script type="module">
import init, * as bindings from '/seteli-app-1a2b.js';
const wasm = await init({ module_or_path: '/seteli-app-1a2b_bg.wasm' });
</script></head><body></body></html>"#;

    #[test]
    fn only_inline_scripts_are_hashed_exactly_as_written() {
        let scripts = inline_scripts(PAGE);

        assert_eq!(scripts.len(), 1);
        assert!(scripts[0].starts_with("\nimport init"));
        assert!(scripts[0].ends_with("_bg.wasm' });\n"));
    }

    #[test]
    fn the_headers_file_allows_the_loader_by_its_hash_on_every_path() {
        let text = headers_file(PAGE, "http://127.0.0.1:8787").unwrap();

        let loader = script_hash(inline_scripts(PAGE)[0]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"/*"), "{text}");
        let csp = lines
            .iter()
            .find(|l| l.starts_with("  content-security-policy: "))
            .expect("a CSP line");
        assert!(csp.contains(&loader), "{csp}");
        assert!(csp.contains("connect-src 'self';"), "{csp}");
        assert!(text.contains("  referrer-policy: same-origin\n"), "{text}");
        assert!(
            text.contains("  x-content-type-options: nosniff\n"),
            "{text}"
        );
        assert!(!text.contains("strict-transport-security"), "{text}");
    }

    #[test]
    fn an_https_build_with_its_own_api_origin_says_so() {
        let page = PAGE.replace(
            r#"content="""#,
            r#"content="https://api.seteli.example.fi""#,
        );

        let text = headers_file(&page, "https://seteli.example.fi").unwrap();

        assert!(
            text.contains("connect-src 'self' https://api.seteli.example.fi;"),
            "{text}"
        );
        assert!(
            text.contains("  strict-transport-security: max-age="),
            "{text}"
        );
    }

    #[test]
    fn a_page_without_the_api_base_tag_uses_its_own_origin() {
        assert_eq!(api_base("<html><head></head></html>"), "");
        assert_eq!(
            api_base(
                r#"<meta name="other" content="x"><meta name="seteli-api-base" content="https://a.example">"#
            ),
            "https://a.example"
        );
    }

    #[test]
    fn only_hashed_files_are_kept_for_a_year() {
        let names: Vec<String> = [
            "index.html",
            "favicon.svg",
            "manifest.webmanifest",
            "seteli-app-47c2b3e182a6411b.js",
            "seteli-app-47c2b3e182a6411b_bg.wasm",
            "main-d713c7b9c4bb1bab.css",
            "main-d713c7b9.css",
        ]
        .map(String::from)
        .to_vec();
        let rules = immutable_rules(&names);
        assert_eq!(
            rules
                .lines()
                .filter(|l| l.starts_with('/'))
                .collect::<Vec<_>>(),
            [
                "/seteli-app-47c2b3e182a6411b.js",
                "/seteli-app-47c2b3e182a6411b_bg.wasm",
                "/main-d713c7b9c4bb1bab.css"
            ]
        );
        assert!(rules.contains("  cache-control: public, max-age=31536000, immutable\n"));
    }

    #[test]
    fn a_data_attribute_named_like_src_is_not_a_src() {
        assert!(has_attribute(r#"<script src="/a.js""#, "src"));
        assert!(!has_attribute(r#"<script data-src="/a.js""#, "src"));
        assert!(!has_attribute(r#"<script type="module""#, "src"));
    }
}
