//! `dist/_headers` and `dist/_redirects`: how the static files are served, which wrangler
//! does without the Worker (locally too). Written after every trunk build from the pages
//! trunk has just built, because the CSP must name the hash of each entry's inline loader,
//! which changes with every build of the app. The policy itself is the edge's
//! ([`seteli_edge::security`]); which entry answers which path is [`Entry`]'s.

use seteli_domain::entries::Entry;
use seteli_edge::security::{app_headers, script_hash};
use std::path::Path;

/// The longest line wrangler accepts in `_headers`.
const MAX_LINE: usize = 2000;

/// Writes `dist/_headers` for the entries' pages under `dist` (served at `public_url`) and
/// the files beside them, and `dist/_redirects` for the entries' deep links.
pub fn write(dist: &Path, public_url: &str) -> Result<(), String> {
    let pages = Entry::ALL
        .into_iter()
        .map(|entry| {
            let page = dist
                .join(entry.public_url().trim_start_matches('/'))
                .join("index.html");
            std::fs::read_to_string(&page).map_err(|e| format!("reading {}: {e}", page.display()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut text = headers_file(&pages, public_url)?;
    let mut names = Vec::new();
    files_below(dist, "", &mut names)?;
    names.sort();
    text.push_str(&immutable_rules(&names));
    let target = dist.join("_headers");
    std::fs::write(&target, text).map_err(|e| format!("writing {}: {e}", target.display()))?;
    let target = dist.join("_redirects");
    std::fs::write(&target, redirects_file())
        .map_err(|e| format!("writing {}: {e}", target.display()))
}

/// The paths of the files below `dir`, relative to the directory walked from (`prefix`).
fn files_below(dir: &Path, prefix: &str, names: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let path = format!("{prefix}{name}");
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            files_below(&entry.path(), &format!("{path}/"), names)?;
        } else {
            names.push(path);
        }
    }
    Ok(())
}

/// The `_headers` file for the built pages: one rule for every path, so that deep links,
/// which the single-page-application fallback or `_redirects` answer with an entry's page,
/// get them too. The CSP allows every entry's inline scripts.
fn headers_file(pages: &[String], public_url: &str) -> Result<String, String> {
    let mut hashes: Vec<String> = pages
        .iter()
        .flat_map(|html| inline_scripts(html))
        .map(script_hash)
        .collect();
    hashes.sort();
    hashes.dedup();
    let api_base = pages.first().map(|html| api_base(html)).unwrap_or_default();
    let headers = app_headers(public_url, &api_base, &hashes)?;
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

/// The `_redirects` file: each path an entry claims is answered, under its own address,
/// with that entry's page (a rewrite, status 200); the single-page fallback answers every
/// other path with the public entry's.
fn redirects_file() -> String {
    let mut text = String::from(
        "# Written by `cargo xtask` from seteli_domain::entries; do not edit (see xtask/src/headers.rs).\n",
    );
    for entry in Entry::ALL {
        for path in entry.paths() {
            let source = match path.strip_suffix('/') {
                Some(dir) => format!("{dir}/*"),
                None => (*path).to_owned(),
            };
            text.push_str(&format!("{source} {} 200\n", entry.public_url()));
        }
    }
    text
}

/// A rule per file whose name carries trunk's content hash (`seteli-public-1a2b…c3d4_bg.wasm`):
/// it never changes under that name, so browsers and caches keep it for a year without
/// asking again. Everything else (the entries' `index.html`, and every deep link answered
/// with one) keeps the platform's default, revalidated on every load.
fn immutable_rules(paths: &[String]) -> String {
    paths
        .iter()
        .filter(|path| has_content_hash(path.rsplit('/').next().unwrap_or(path)))
        .map(|path| format!("/{path}\n  cache-control: public, max-age=31536000, immutable\n"))
        .collect()
}

/// Whether a file name has trunk's `-<hex hash>` before its extension(s).
fn has_content_hash(name: &str) -> bool {
    name.split(['.', '_'])
        .next()
        .and_then(|stem| stem.rsplit_once('-'))
        // Trunk writes its 64-bit hash in hex without leading zeros: usually 16 digits, one
        // name in sixteen has 15, and fewer is possible.
        .is_some_and(|(_, hash)| {
            (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
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
        let text = headers_file(&[PAGE.to_owned()], "http://127.0.0.1:8787").unwrap();

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

        let text = headers_file(&[page], "https://seteli.example.fi").unwrap();

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
            "entry/producer/index.html",
            "entry/producer/seteli-producer-0123456789abcdef_bg.wasm",
            // Trunk's hash without its leading zero: 15 digits.
            "seteli-public-d4581389727407e_bg.wasm",
            "main-d713c.css",
            "icon-maskable-512.png",
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
                "/main-d713c7b9c4bb1bab.css",
                "/entry/producer/seteli-producer-0123456789abcdef_bg.wasm",
                "/seteli-public-d4581389727407e_bg.wasm",
            ]
        );
        assert!(rules.contains("  cache-control: public, max-age=31536000, immutable\n"));
    }

    #[test]
    fn every_entry_s_loader_is_allowed_once() {
        let other = PAGE.replace("seteli-app-1a2b", "seteli-producer-3c4d");
        let text = headers_file(
            &[PAGE.to_owned(), other.clone(), PAGE.to_owned()],
            "http://127.0.0.1:8787",
        )
        .unwrap();

        for page in [PAGE, &other] {
            let loader = script_hash(inline_scripts(page)[0]);
            assert_eq!(text.matches(&loader).count(), 1, "{text}");
        }
    }

    #[test]
    fn each_entry_s_deep_links_are_answered_with_its_page() {
        let text = redirects_file();
        let rules: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();

        assert!(rules.contains(&"/my/* /entry/citizen/ 200"), "{text}");
        assert!(rules.contains(&"/on-behalf /entry/citizen/ 200"), "{text}");
        assert!(rules.contains(&"/producer /entry/producer/ 200"), "{text}");
        assert!(
            rules.contains(&"/producer/* /entry/producer/ 200"),
            "{text}"
        );
        assert!(rules.contains(&"/desk /entry/staff/ 200"), "{text}");
        assert!(rules.contains(&"/desk/* /entry/staff/ 200"), "{text}");
        assert!(!text.contains("/producers"), "{text}");
    }

    #[test]
    fn a_data_attribute_named_like_src_is_not_a_src() {
        assert!(has_attribute(r#"<script src="/a.js""#, "src"));
        assert!(!has_attribute(r#"<script data-src="/a.js""#, "src"));
        assert!(!has_attribute(r#"<script type="module""#, "src"));
    }
}
