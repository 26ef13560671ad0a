//! `cargo xtask layers`: no module imports one that imports it back.
//!
//! Every source file of a crate is a module (`a/b.rs` and `a/b/mod.rs` are `a::b`). Each path
//! that starts at `crate` or `super` — in `use` items and in code — is a dependency of the file's
//! module on the deepest module the path names. A module and its own submodules count as one
//! unit (a parent re-exporting its children and the children using `super::` is how Rust code is
//! laid out), so each dependency is lifted to the two siblings under the modules' nearest common
//! ancestor: `routes::citizen::feedback` using `crate::router::Ctx` is `routes → router`. A cycle
//! among siblings is a circle, reported with one use that makes each of its steps.
//!
//! It also keeps the edge's files short enough to read in one sitting: none over
//! [`MAX_EDGE_FILE_LINES`] lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The crates whose module graph must have no circles.
const CRATES: [&str; 5] = [
    "domain/src",
    "edge/src",
    "app/src",
    "mocks/src",
    "xtask/src",
];

/// The longest a source file in `edge/src` may be.
const MAX_EDGE_FILE_LINES: usize = 400;

/// A module path inside one crate, `[]` being the crate root.
type ModPath = Vec<String>;

/// `cargo xtask layers`.
pub fn run() -> Result<(), String> {
    let root = crate::tools::root();
    let mut report = Vec::new();
    for krate in CRATES {
        for circle in circles(&root.join(krate))? {
            report.push(format!("{krate}: {circle}"));
        }
    }
    let mut edge_files = Vec::new();
    collect_rs(&root.join("edge/src"), &mut edge_files)?;
    for file in edge_files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let lines = text.lines().count();
        if lines > MAX_EDGE_FILE_LINES {
            report.push(format!(
                "{}: {lines} lines, more than {MAX_EDGE_FILE_LINES}: split it by resource",
                file.strip_prefix(&root).unwrap_or(&file).display()
            ));
        }
    }
    if report.is_empty() {
        println!("layers: no module imports one that imports it back, no edge file over {MAX_EDGE_FILE_LINES} lines");
        Ok(())
    } else {
        Err(format!(
            "the house rules are broken:\n{}",
            report.join("\n")
        ))
    }
}

/// The circles among one crate's modules, each described by the uses that make it.
pub fn circles(src: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    collect_rs(src, &mut files)?;
    let modules: BTreeSet<ModPath> = files.iter().map(|f| module_of(src, f)).collect();
    // (from, to) sibling pair → one example "file: path".
    let mut edges: BTreeMap<(ModPath, ModPath), String> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let ast = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let here = module_of(src, file);
        let mut uses = Uses {
            inline: Vec::new(),
            here: &here,
            found: Vec::new(),
        };
        uses.visit_file(&ast);
        for path in uses.found {
            let target = deepest_module(&modules, &path);
            if let Some(pair) = lift(&here, &target) {
                let shown = format!(
                    "{}: {}",
                    file.strip_prefix(src).unwrap_or(file).display(),
                    path.join("::")
                );
                edges.entry(pair).or_insert(shown);
            }
        }
    }
    Ok(describe_cycles(&edges))
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_rs(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// `a/b.rs`, `a/b/mod.rs` → `[a, b]`; `lib.rs`, `main.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> ModPath {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: ModPath = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod")) {
        parts.pop();
    }
    if parts.len() == 1 && matches!(parts[0].as_str(), "lib" | "main") {
        parts.clear();
    }
    parts
}

/// The longest prefix of `path` that is a module of the crate.
fn deepest_module(modules: &BTreeSet<ModPath>, path: &[String]) -> ModPath {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
        .unwrap_or_default()
}

/// The dependency of `from` on `to` as one between siblings, or `None` when one contains the
/// other.
fn lift(from: &[String], to: &[String]) -> Option<(ModPath, ModPath)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if common == from.len() || common == to.len() {
        return None;
    }
    Some((from[..=common].to_vec(), to[..=common].to_vec()))
}

/// Collects the absolute module paths a file names through `crate::` and `super::`.
struct Uses<'a> {
    /// Inline `mod name { … }` blocks we are inside of.
    inline: Vec<String>,
    here: &'a ModPath,
    found: Vec<ModPath>,
}

impl Uses<'_> {
    /// `segments` made absolute, or `None` when it does not start at `crate` or `super`.
    fn absolute(&self, segments: &[String]) -> Option<ModPath> {
        let mut base: ModPath = self.here.iter().chain(&self.inline).cloned().collect();
        let mut rest = segments;
        match rest.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &rest[1..];
            }
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
            }
            _ => return None,
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.record(prefix, Some(n.ident.to_string())),
            syn::UseTree::Rename(r) => self.record(prefix, Some(r.ident.to_string())),
            syn::UseTree::Glob(_) => self.record(prefix, None),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.use_tree(prefix, item);
                }
            }
        }
    }

    fn record(&mut self, prefix: &[String], last: Option<String>) {
        let mut segments = prefix.to_vec();
        segments.extend(last.filter(|l| l != "self"));
        if let Some(path) = self.absolute(&segments) {
            self.found.push(path);
        }
    }
}

impl<'ast> Visit<'ast> for Uses<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        self.inline.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.inline.pop();
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(found) = self.absolute(&segments) {
            self.found.push(found);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Each strongly connected set of two or more modules, as "a → b (file: path), b → a (…)".
fn describe_cycles(edges: &BTreeMap<(ModPath, ModPath), String>) -> Vec<String> {
    let mut graph: BTreeMap<&ModPath, Vec<&ModPath>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from).or_default().push(to);
        graph.entry(to).or_default();
    }
    let reaches = |start: &ModPath| -> BTreeSet<ModPath> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(node) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert((*next).clone()) {
                    stack.push((*next).clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&ModPath, BTreeSet<ModPath>> =
        graph.keys().map(|m| (*m, reaches(m))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for module in graph.keys() {
        if done.contains(*module) || !reach[module].contains(*module) {
            continue;
        }
        // The set of modules that reach `module` and that `module` reaches.
        let circle: BTreeSet<&ModPath> = graph
            .keys()
            .copied()
            .filter(|m| reach[module].contains(*m) && reach[m].contains(*module))
            .collect();
        let steps: Vec<String> = edges
            .iter()
            .filter(|((a, b), _)| circle.contains(a) && circle.contains(b))
            .map(|((a, b), example)| format!("{} → {} ({example})", a.join("::"), b.join("::")))
            .collect();
        done.extend(circle.iter().map(|m| (*m).clone()));
        out.push(steps.join("; "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> ModPath {
        s.split("::")
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_dependency_is_lifted_to_siblings_and_a_parent_child_one_is_not() {
        assert_eq!(
            lift(&p("routes::citizen::feedback"), &p("router")),
            Some((p("routes"), p("router")))
        );
        assert_eq!(
            lift(&p("routes::citizen"), &p("routes::producer::events")),
            Some((p("routes::citizen"), p("routes::producer")))
        );
        assert_eq!(lift(&p("routes::citizen"), &p("routes")), None);
        assert_eq!(lift(&p("routes"), &p("routes::citizen")), None);
    }

    #[test]
    fn a_circle_through_two_files_is_found_and_a_line_is_not() {
        let dir = std::env::temp_dir().join(format!("seteli-layers-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("routes")).unwrap();
        std::fs::write(dir.join("lib.rs"), "mod router; mod routes; mod db;").unwrap();
        std::fs::write(
            dir.join("router.rs"),
            "use crate::routes::citizen::list; pub struct Ctx;",
        )
        .unwrap();
        std::fs::write(dir.join("routes/mod.rs"), "pub mod citizen;").unwrap();
        std::fs::write(
            dir.join("routes/citizen.rs"),
            "use super::super::db; pub fn list(c: &crate::router::Ctx) {}",
        )
        .unwrap();
        std::fs::write(dir.join("db.rs"), "pub fn q() {}").unwrap();
        let found = circles(&dir).unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("router → routes (router.rs: routes::citizen::list)"));
        assert!(found[0].contains("routes → router"));
        assert!(!found[0].contains("db"));

        std::fs::write(dir.join("router.rs"), "pub struct Ctx;").unwrap();
        assert!(circles(&dir).unwrap().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
