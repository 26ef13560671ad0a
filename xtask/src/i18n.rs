//! `cargo xtask i18n --export [PATH] | --check [PATH]`: the text catalogue as a CSV that a
//! translator can open in a spreadsheet, and the check that such a CSV says what the
//! catalogue in `domain/src/i18n/` says.
//!
//! The CSV has the header `key,fi,sv,en` and one row per key in the order of the key list
//! ([`Text::ALL`]). Fields are quoted as RFC 4180 says: a field with a comma, a quote or a
//! line break is put in quotes, and a quote in it is doubled. Lines end in LF; a CSV saved
//! with CRLF, or with a UTF-8 byte order mark (as spreadsheets do), reads the same.
//!
//! The committed copy is `domain/i18n.csv`; `cargo xtask test` checks it, so it cannot
//! drift from the catalogue.

use crate::tools::root;
use seteli_domain::i18n::{t, Grouped, Text};
use seteli_domain::lang::Lang;
use seteli_domain::ErrorCode;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The translators' copy of the catalogue, relative to the workspace root.
const COMMITTED_CSV: &str = "domain/i18n.csv";

/// `--export [PATH]` writes the catalogue's CSV; `--check [PATH]` fails if the CSV at PATH
/// differs from the catalogue. PATH is `domain/i18n.csv` when not given.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = args.get(1).map_or_else(committed_csv, PathBuf::from);
    match args.first().map(String::as_str) {
        Some("--export") => {
            std::fs::write(&path, catalogue_csv())
                .map_err(|e| format!("writing {}: {e}", path.display()))?;
            println!("i18n: wrote {} ({} keys)", path.display(), Text::ALL.len());
            Ok(())
        }
        Some("--check") => check(&path),
        _ => Err("usage: cargo xtask i18n --export [PATH] | --check [PATH]".to_owned()),
    }
}

/// `domain/i18n.csv` in this workspace.
pub fn committed_csv() -> PathBuf {
    root().join(COMMITTED_CSV)
}

/// The app's files that only the logged-in entries link (their pages and the components
/// only those pages use): the only files that may name a private text
/// (`seteli_domain::i18n::register_private_texts`). Paths from `app/src/`; a folder ends in `/`.
const PRIVATE_FILES: &[&str] = &[
    "pages/citizen/",
    "pages/producer/",
    "pages/staff/",
    "bin/citizen.rs",
    "bin/producer.rs",
    "bin/staff.rs",
    "api/residents.rs",
    "api/settlements.rs",
    "components/access_log.rs",
    "components/case.rs",
    "components/confirm.rs",
    "components/decision_document.rs",
    "components/fields.rs",
    "components/list_page.rs",
    "components/resident_application.rs",
    "components/settlement.rs",
    "components/text_limit.rs",
];

/// Every file under `dir` with the extension `rs`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The private texts, and the logged-in pages' error messages, that an app file every entry
/// links names: each would read as `NOT_REGISTERED` on a public page.
fn private_texts_in_public_files() -> Vec<String> {
    let app = root().join("app/src");
    let private: HashMap<&str, Text> = Text::ALL
        .iter()
        .filter(|text| matches!(text.grouped(), Grouped::Private(_)))
        .map(|text| (text.key(), *text))
        .collect();
    let mut files = Vec::new();
    rust_files(&app, &mut files);
    let mut problems = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(&app)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if PRIVATE_FILES.iter().any(|p| relative.starts_with(p)) {
            continue;
        }
        let Ok(whole) = std::fs::read_to_string(&file) else {
            continue;
        };
        // Unit tests run natively, where every text is there.
        let source = whole.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, _) in source.match_indices("Text::") {
            let name: String = source[i + 6..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if private.contains_key(name.as_str()) {
                problems.push(format!("app/src/{relative} names the private text {name}"));
            }
        }
        // An error the page makes itself shows its message from the catalogue: a matched
        // code is fine, one made into an `ApiError` or asked for its message is not.
        for line in source.lines() {
            let makes = line.contains("ApiError::new(") || line.contains(".message(");
            for code in ErrorCode::ALL.iter().filter(|c| c.message_registered()) {
                let named = format!("ErrorCode::{code:?}");
                let exact = line.match_indices(&named).any(|(i, _)| {
                    !line[i + named.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                });
                if makes && exact {
                    problems.push(format!(
                        "app/src/{relative} shows the logged-in pages' error {code:?}"
                    ));
                }
            }
        }
    }
    problems
}

/// Fails, naming every key and language that differs, if the CSV at `path` does not say
/// what the catalogue says, row for row; or if a file the public entry links names a
/// private text.
pub fn check(path: &Path) -> Result<(), String> {
    let leaks = private_texts_in_public_files();
    if !leaks.is_empty() {
        return Err(format!(
            "texts of the logged-in pages are named where the public entry links them:\n  - {}\n\
             Move the text to the `public` group in domain/src/i18n/mod.rs (and its arm in \
             fi.rs, sv.rs and en.rs to `public`), or the error out of \
             `ErrorCode::message_registered` (and its arms to `common_message`).",
            leaks.join("\n  - ")
        ));
    }
    let csv =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let problems = differences(&csv);
    if problems.is_empty() {
        println!(
            "i18n: {} matches the catalogue ({} keys)",
            path.display(),
            Text::ALL.len()
        );
        return Ok(());
    }
    Err(format!(
        "{} differs from the catalogue in domain/src/i18n/:\n  - {}\n\
         Bring the changes into fi.rs, sv.rs and en.rs, then `cargo xtask i18n --export` \
         rewrites the CSV from them.",
        path.display(),
        problems.join("\n  - ")
    ))
}

/// The CSV's header: `key` and each language's code.
fn header() -> Vec<&'static str> {
    std::iter::once("key")
        .chain(Lang::ALL.iter().map(|lang| lang.code()))
        .collect()
}

/// The whole catalogue as CSV: the header, then one row per key in key-list order.
fn catalogue_csv() -> String {
    let mut out = String::new();
    write_record(&mut out, &header());
    for &text in Text::ALL {
        let row: Vec<&str> = std::iter::once(text.key())
            .chain(Lang::ALL.iter().map(|&lang| t(lang, text)))
            .collect();
        write_record(&mut out, &row);
    }
    out
}

/// Appends one line, each field quoted only if it must be.
fn write_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// One row of a CSV and the line it starts on, for messages.
#[derive(Debug, PartialEq)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Reads RFC 4180 CSV. Blank lines are skipped; a stray quote or an unclosed quoted field
/// is an error that names its line.
fn parse(csv: &str) -> Result<Vec<Record>, String> {
    let csv = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut record_line) = (1, 1);
    // In quotes now; and whether the current field was quoted (then only `,` or a line
    // break may follow its closing quote).
    let (mut in_quotes, mut quoted) = (false, false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => {
                    line += usize::from(c == '\n');
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => (in_quotes, quoted) = (true, true),
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                quoted = false;
                line += 1;
                record_line = line;
            }
            '"' => {
                return Err(format!(
                    "line {line}: a quote inside a field that does not start with one \
                     (put the field in quotes and double the quote)"
                ))
            }
            _ if quoted => return Err(format!("line {line}: text after a closing quote")),
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!(
            "line {record_line}: a quoted field is never closed"
        ));
    }
    if quoted || !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    records.retain(|r| r.fields != [""]);
    Ok(records)
}

/// Everything in which `csv` differs from the catalogue, each naming its key and language.
fn differences(csv: &str) -> Vec<String> {
    let records = match parse(csv) {
        Ok(records) => records,
        Err(e) => return vec![e],
    };
    let header = header();
    let Some((first, rows)) = records.split_first() else {
        return vec![format!(
            "the CSV is empty; its header is `{}`",
            header.join(",")
        )];
    };
    if first.fields != header {
        return vec![format!(
            "line {}: the header is `{}`, not `{}`",
            first.line,
            first.fields.join(","),
            header.join(",")
        )];
    }
    let by_key: HashMap<&str, Text> = Text::ALL.iter().map(|&text| (text.key(), text)).collect();
    let mut problems = Vec::new();
    let mut seen: HashMap<Text, usize> = HashMap::new();
    let mut order = Vec::new();
    for row in rows {
        let key = row.fields[0].as_str();
        let Some(&text) = by_key.get(key) else {
            problems.push(format!(
                "line {}: extra key `{key}`, not in the catalogue",
                row.line
            ));
            continue;
        };
        if let Some(before) = seen.insert(text, row.line) {
            problems.push(format!(
                "line {}: key `{key}` again (first on line {before})",
                row.line
            ));
            continue;
        }
        order.push(text);
        if row.fields.len() != header.len() {
            problems.push(format!(
                "line {}: key `{key}` has {} fields, not {}",
                row.line,
                row.fields.len(),
                header.len()
            ));
            continue;
        }
        for (&lang, csv_text) in Lang::ALL.iter().zip(&row.fields[1..]) {
            let ours = t(lang, text);
            if csv_text.trim().is_empty() {
                problems.push(format!(
                    "line {}: key `{key}` has no text in {lang}",
                    row.line
                ));
            } else if csv_text != ours {
                problems.push(format!(
                    "line {}: key `{key}` in {lang} differs: the catalogue has {ours:?}, \
                     the CSV has {csv_text:?}",
                    row.line
                ));
            }
        }
    }
    for &text in Text::ALL {
        if !seen.contains_key(&text) {
            problems.push(format!("missing key `{}`: no row for it", text.key()));
        }
    }
    if problems.is_empty() {
        if let Some((row, text)) = Text::ALL
            .iter()
            .zip(&order)
            .find(|(ours, theirs)| ours != theirs)
            .map(|(_, &theirs)| (seen[&theirs], theirs))
        {
            problems.push(format!(
                "line {row}: the rows are not in the key list's order, starting with `{}`",
                text.key()
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's CSV with `edit` applied to its text.
    fn edited(edit: impl FnOnce(String) -> String) -> Vec<String> {
        differences(&edit(catalogue_csv()))
    }

    #[test]
    fn the_exported_catalogue_checks_clean() {
        assert_eq!(differences(&catalogue_csv()), Vec::<String>::new());
    }

    #[test]
    fn the_export_has_a_header_and_one_row_per_key_in_order() {
        let records = parse(&catalogue_csv()).unwrap();
        assert_eq!(records[0].fields, ["key", "fi", "sv", "en"]);
        assert_eq!(records.len(), Text::ALL.len() + 1);
        for (record, &text) in records[1..].iter().zip(Text::ALL) {
            assert_eq!(record.fields[0], text.key());
            assert_eq!(record.fields[2], t(Lang::Sv, text));
        }
    }

    #[test]
    fn commas_quotes_and_line_breaks_survive_the_round_trip() {
        let fields = [
            "plain",
            "a, b",
            "say \"hi\"",
            "two\nlines",
            "",
            "\"",
            "ä – €",
        ];
        let mut csv = String::new();
        write_record(&mut csv, &fields);
        assert_eq!(
            csv,
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"\"\"\",ä – €\n"
        );
        assert_eq!(parse(&csv).unwrap()[0].fields, fields);
    }

    #[test]
    fn a_spreadsheet_s_crlf_and_byte_order_mark_read_the_same() {
        let records = parse("\u{feff}key,fi\r\nA,\"x\r\ny\"\r\n\r\nB,z").unwrap();
        let fields: Vec<_> = records.iter().map(|r| r.fields.clone()).collect();
        assert_eq!(fields, [["key", "fi"], ["A", "x\r\ny"], ["B", "z"]]);
        assert_eq!(records[2].line, 5);
    }

    #[test]
    fn broken_quoting_names_its_line() {
        assert_eq!(
            parse("a,b\nc,d\"e\n").unwrap_err(),
            "line 2: a quote inside a field that does not start with one \
             (put the field in quotes and double the quote)"
        );
        assert_eq!(
            parse("a\n\"b\"c\n").unwrap_err(),
            "line 2: text after a closing quote"
        );
        assert_eq!(
            parse("a\n\"b\nc\n").unwrap_err(),
            "line 2: a quoted field is never closed"
        );
    }

    #[test]
    fn a_changed_text_names_its_key_and_language() {
        let problems = edited(|csv| csv.replacen(",Logga in,", ",Logga in nu,", 1));
        assert_eq!(
            problems,
            [format!(
                "line {}: key `LogIn` in sv differs: the catalogue has \"Logga in\", \
                 the CSV has \"Logga in nu\"",
                line_of(Text::LogIn)
            )]
        );
    }

    #[test]
    fn an_empty_text_names_its_key_and_language() {
        let problems = edited(|csv| csv.replacen(",Log out\n", ",\n", 1));
        assert_eq!(
            problems,
            [format!(
                "line {}: key `LogOut` has no text in en",
                line_of(Text::LogOut)
            )]
        );
    }

    #[test]
    fn missing_extra_and_repeated_keys_are_each_named() {
        let problems = edited(|csv| {
            let csv = csv.replacen("LogOut,", "LogOff,", 1);
            let site = csv.lines().nth(1).unwrap().to_owned();
            format!("{csv}{site}\n")
        });
        let last = Text::ALL.len() + 2;
        assert_eq!(
            problems,
            [
                format!(
                    "line {}: extra key `LogOff`, not in the catalogue",
                    line_of(Text::LogOut)
                ),
                format!("line {last}: key `SiteName` again (first on line 2)"),
                "missing key `LogOut`: no row for it".to_owned(),
            ]
        );
    }

    #[test]
    fn a_wrong_header_or_rows_out_of_order_are_named() {
        let problems = edited(|csv| csv.replacen("key,fi,sv,en", "key,fi,en,sv", 1));
        assert_eq!(
            problems,
            ["line 1: the header is `key,fi,en,sv`, not `key,fi,sv,en`"]
        );
        let problems = edited(|csv| {
            let mut lines: Vec<&str> = csv.lines().collect();
            lines.swap(1, 2);
            lines.join("\n")
        });
        assert_eq!(
            problems,
            ["line 2: the rows are not in the key list's order, starting with `SiteTagline`"]
        );
    }

    /// The line on which the export writes `text`'s row.
    fn line_of(text: Text) -> usize {
        Text::ALL.iter().position(|&t| t == text).unwrap() + 2
    }
}
