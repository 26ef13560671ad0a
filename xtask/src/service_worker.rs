//! `dist/sw.js`: the service worker (`app/service-worker.js`) with this build filled in —
//! its version and each entry's page and files — written after every trunk build. A build
//! that changes any file the app loads is a new version, which browsers install beside the
//! running one and the app offers to reload into.

use serde_json::json;
use seteli_domain::entries::Entry;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// Where the template's build description goes.
const PLACEHOLDER: &str = "/*BUILD*/ {}";

/// Writes `dist/sw.js` for the entries built under `dist`.
pub fn write(dist: &Path) -> Result<(), String> {
    let template_path = crate::tools::root().join("app/service-worker.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("reading {}: {e}", template_path.display()))?;
    let mut entries = Vec::new();
    for entry in Entry::ALL {
        let dir = dist.join(entry.public_url().trim_start_matches('/'));
        let page = std::fs::read_to_string(dir.join("index.html"))
            .map_err(|e| format!("reading {}: {e}", dir.display()))?;
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| format!("reading {}: {e}", dir.display()))?
            .filter_map(|f| f.ok())
            .filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|f| f.file_name().into_string().ok())
            .collect();
        names.sort();
        entries.push((entry, page, names));
    }
    let text = service_worker(&template, &entries)?;
    let target = dist.join("sw.js");
    std::fs::write(&target, text).map_err(|e| format!("writing {}: {e}", target.display()))
}

/// The service worker for `entries` (each with its built page and the names of the files
/// beside it).
fn service_worker(
    template: &str,
    entries: &[(Entry, String, Vec<String>)],
) -> Result<String, String> {
    if !template.contains(PLACEHOLDER) {
        return Err(format!("app/service-worker.js has no `{PLACEHOLDER}`"));
    }
    // The pages name every hashed file, so they change whenever the app does; the other
    // files' names are hashed too in case one is added or removed.
    let mut hasher = DefaultHasher::new();
    let mut described = Vec::new();
    for (entry, page, names) in entries {
        page.hash(&mut hasher);
        names.hash(&mut hasher);
        let files: Vec<String> = names
            .iter()
            .filter(|name| is_app_file(name))
            .map(|name| format!("{}{name}", entry.public_url()))
            .collect();
        described.push(json!({
            "page": entry.public_url(),
            "public": *entry == Entry::Public,
            "keepsData": entry.keeps_offline_data(),
            "paths": entry.paths(),
            "files": files,
        }));
    }
    let build = json!({
        "version": format!("{:016x}", hasher.finish()),
        "entries": described,
    });
    Ok(template.replace(PLACEHOLDER, &build.to_string()))
}

/// Whether a file beside an entry's page is part of the app the browser keeps: not the page
/// itself (kept under the entry's address), the service worker, nor the host's own files.
fn is_app_file(name: &str) -> bool {
    !(name == "index.html" || name == "sw.js" || name.starts_with('.') || name.starts_with('_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(page: &str) -> Vec<(Entry, String, Vec<String>)> {
        Entry::ALL
            .into_iter()
            .map(|entry| {
                let names = [
                    "index.html",
                    "app-0123456789abcdef_bg.wasm",
                    "_headers",
                    ".assetsignore",
                    "sw.js",
                ];
                (entry, page.to_owned(), names.map(String::from).to_vec())
            })
            .collect()
    }

    fn build_of(sw: &str) -> serde_json::Value {
        let start = sw.find("const BUILD = ").unwrap() + "const BUILD = ".len();
        let end = start + sw[start..].find(";\n").unwrap();
        serde_json::from_str(&sw[start..end]).unwrap()
    }

    const TEMPLATE: &str = "const BUILD = /*BUILD*/ {};\nself.x = 1;\n";

    #[test]
    fn each_entry_names_its_page_paths_and_files() {
        let build = build_of(&service_worker(TEMPLATE, &built("<html>")).unwrap());

        let entries = build["entries"].as_array().unwrap();
        assert_eq!(entries.len(), Entry::ALL.len());
        assert_eq!(entries[0]["page"], "/");
        assert_eq!(entries[0]["public"], true);
        assert_eq!(
            entries[0]["files"],
            json!(["/app-0123456789abcdef_bg.wasm"])
        );
        let producer = entries
            .iter()
            .find(|e| e["page"] == "/entry/producer/")
            .unwrap();
        assert_eq!(producer["keepsData"], true);
        assert_eq!(producer["paths"], json!(["/producer", "/producer/"]));
        assert_eq!(
            producer["files"],
            json!(["/entry/producer/app-0123456789abcdef_bg.wasm"])
        );
        assert!(entries.iter().filter(|e| e["keepsData"] == true).count() == 1);
    }

    #[test]
    fn another_build_is_another_version_and_the_same_build_the_same() {
        let version = |page: &str| {
            build_of(&service_worker(TEMPLATE, &built(page)).unwrap())["version"].clone()
        };

        assert_eq!(version("<html>a"), version("<html>a"));
        assert_ne!(version("<html>a"), version("<html>b"));
    }

    #[test]
    fn a_template_without_the_placeholder_is_refused() {
        assert!(service_worker("const BUILD = {};", &built("x")).is_err());
    }
}
