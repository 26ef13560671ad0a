//! What a first visit downloads, in gzip bytes (`gzip -9`): the page's HTML and the wasm,
//! JavaScript and CSS it references, read from `dist/` after the release build.
//!
//! Each audience has its own entry ([`Entry`]), so each is measured from its own page; the
//! customer's, the producer's and the staff's show what they add to the comparison's.

use super::{Report, Row, Target, Unit};
use crate::tools::root;
use serde_json::json;
use seteli_domain::entries::Entry;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Issue #11's target for the comparison's first load.
const FIRST_LOAD_TARGET: f64 = 250_000.0;

pub fn run(report: &mut Report) -> Result<(), String> {
    let dist = root().join("dist");
    let mut comparison_total = None;
    let mut details = Vec::new();
    for entry in Entry::ALL {
        let audience = match entry {
            Entry::Public => "comparison",
            Entry::Citizen => "customer page",
            Entry::Producer => "producer page",
            Entry::Staff => "staff desk",
        };
        let page = format!("{}index.html", entry.public_url().trim_start_matches('/'));
        let html_path = dist.join(&page);
        let html = std::fs::read_to_string(&html_path)
            .map_err(|e| format!("{}: {e} (built?)", html_path.display()))?;
        let mut by_kind: BTreeMap<&str, f64> = BTreeMap::new();
        by_kind.insert("html", gzip_bytes(&html_path)?);
        let mut files = vec![page];
        for asset in referenced_assets(&html) {
            let kind = [".wasm", ".js", ".css"]
                .into_iter()
                .find(|x| asset.ends_with(x))
                .map_or("other", |x| &x[1..]);
            let path = dist.join(asset.trim_start_matches('/'));
            *by_kind.entry(kind).or_default() += gzip_bytes(&path)?;
            files.push(asset);
        }
        let total: f64 = by_kind.values().sum();
        if audience == "comparison" {
            comparison_total = Some(total);
            for (kind, bytes) in &by_kind {
                report.push(Row::new(
                    "bundle",
                    format!("comparison: {kind}"),
                    *bytes,
                    Unit::Bytes,
                ));
            }
            report.push(
                Row::new("bundle", "comparison first load", total, Unit::Bytes)
                    .target(Target::AtMost(FIRST_LOAD_TARGET)),
            );
        } else {
            // The floor is the comparison's load: the ratio shows what this audience adds.
            let mut row = Row::new(
                "bundle",
                format!("{audience} first load"),
                total,
                Unit::Bytes,
            );
            if let Some(c) = comparison_total {
                row = row.floor(c);
            }
            report.push(row);
        }
        details.push(json!({ "audience": audience, "files": files, "gzip_bytes": by_kind }));
    }
    report.details.push(("bundle", json!(details)));
    Ok(())
}

/// The site's own `.wasm`, `.js` and `.css` files the HTML names (in attributes and in
/// Trunk's inline loader), each once.
pub(super) fn referenced_assets(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for quote in ['"', '\''] {
        let opening = format!("{quote}/");
        for (at, _) in html.match_indices(&opening) {
            let rest = &html[at + 1..];
            let Some(piece) = rest.split(quote).next() else {
                continue;
            };
            let asset = !piece.starts_with("//")
                && [".wasm", ".js", ".css"].iter().any(|x| piece.ends_with(x));
            if asset && !found.iter().any(|f| f == piece) {
                found.push(piece.to_owned());
            }
        }
    }
    found
}

/// The size of `path` compressed with `gzip -9`.
fn gzip_bytes(path: &Path) -> Result<f64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip {} failed", path.display()));
    }
    Ok(out.stdout.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_and_the_links_name_each_asset_once() {
        let html = r#"<script type="module">import init from '/app-1.js';
            await init({ module_or_path: '/app-1_bg.wasm' });</script>
            <link rel="stylesheet" href="/main-2.css"/><link rel="icon" href="/favicon.svg"/>
            <link rel="modulepreload" href="/app-1.js"><link rel="preload" href="/app-1_bg.wasm">"#;
        assert_eq!(
            referenced_assets(html),
            ["/main-2.css", "/app-1.js", "/app-1_bg.wasm"]
        );
    }
}
