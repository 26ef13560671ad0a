//! Holdings made in Suomi.fi-valtuudet before Seteli's register, entered from a spreadsheet
//! in one go (Porvoo started with 250): the text of a CSV file — a header line naming the
//! columns in Finnish, Swedish or English, `;`, `,` or a tab between the fields, as
//! spreadsheets save them — read into rows whose every field is checked, or every line's
//! problems named. What the organiser's lists and catalogue say of a row (its department,
//! job title and authorisation) is the edge's to check.

use super::{AuthorisationEntry, AuthorisationId, Place, Texts};
use crate::hetu::Hetu;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// The most lines of holdings one file enters.
pub const MAX_IMPORT_ROWS: usize = 500;

/// The largest request carrying a file: 500 long lines (about 150 bytes each, in JSON) fit
/// several times over.
pub const MAX_IMPORT_BYTES: usize = 256 * 1024;

/// A column of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportColumn {
    GivenName,
    FamilyName,
    Hetu,
    Department,
    JobTitle,
    Authorisation,
    Since,
    Until,
}

impl ImportColumn {
    /// Every column, in the order a template lists them.
    pub const ALL: [ImportColumn; 8] = [
        ImportColumn::GivenName,
        ImportColumn::FamilyName,
        ImportColumn::Hetu,
        ImportColumn::Department,
        ImportColumn::JobTitle,
        ImportColumn::Authorisation,
        ImportColumn::Since,
        ImportColumn::Until,
    ];

    /// The headers the column is known by, in Finnish, Swedish and English (compared
    /// without case); the Finnish one first, as the template has it.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            ImportColumn::GivenName => &["etunimet", "etunimi", "förnamn", "given names"],
            ImportColumn::FamilyName => &["sukunimi", "efternamn", "family name"],
            ImportColumn::Hetu => &["henkilötunnus", "hetu", "personbeteckning", "identity code"],
            ImportColumn::Department => &["toimiala", "sektor", "department"],
            ImportColumn::JobTitle => &[
                "nimike",
                "tehtävänimike",
                "befattning",
                "titel",
                "job title",
            ],
            ImportColumn::Authorisation => &["valtuus", "fullmakt", "authorisation"],
            ImportColumn::Since => &["alkaen", "från", "since"],
            ImportColumn::Until => &["päättyy", "upphör", "until"],
        }
    }

    /// Whether every line must fill it (a holding may have no end).
    pub fn required(self) -> bool {
        self != ImportColumn::Until
    }

    fn of_header(header: &str) -> Option<ImportColumn> {
        let header = header.trim().trim_start_matches('\u{feff}').to_lowercase();
        ImportColumn::ALL
            .into_iter()
            .find(|c| c.headers().contains(&header.as_str()))
    }
}

/// What is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file is not text of lines and fields (or a line has fields a spreadsheet would
    /// not write).
    Unreadable,
    /// No line of holdings under the header.
    Empty,
    /// More than [`MAX_IMPORT_ROWS`] lines.
    TooMany,
    /// A column the header lacks, or a line leaves empty.
    Missing,
    /// A field that is not what its column holds (a name, an identity code, a day).
    Invalid,
    /// A since-day in the future, or an until-day not after since.
    BadDates,
    /// A department, job title or authorisation the organiser's lists do not know.
    Unknown,
    /// A name that more than one department, job title or authorisation has: the code (or
    /// the catalogue's number) tells which.
    Ambiguous,
    /// An authorisation the organisation does not hold (nobody can hold it for it).
    NotHeld,
    /// The same person and authorisation on an earlier line too.
    Repeated,
    /// The person holds the authorisation in the register already.
    InRegister,
}

/// A problem on line `line` of the file (1: the header), in `column` (none: the line as a
/// whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<ImportColumn>,
    pub kind: ProblemKind,
}

/// One line of holdings, every field checked but the department, job title and
/// authorisation, which are as written (trimmed) for the edge to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedHolding {
    pub line: u32,
    pub given_name: String,
    pub family_name: String,
    pub hetu: Hetu,
    pub department: String,
    pub job_title: String,
    pub authorisation: String,
    pub since: Date,
    pub until: Option<Date>,
}

/// Reads the file's `text` on `today`: its rows when every line is whole, and the problems
/// of every line that is not (a row with a problem is not among the rows).
pub fn read_holdings(text: &str, today: Date) -> (Vec<ImportedHolding>, Vec<ImportProblem>) {
    // Excel for Mac ends lines with a carriage return alone.
    let unix;
    let text = if text.contains('\n') {
        text
    } else {
        unix = text.replace('\r', "\n");
        unix.as_str()
    };
    let whole = |kind| {
        (
            Vec::new(),
            vec![ImportProblem {
                line: 1,
                column: None,
                kind,
            }],
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let Ok(headers) = reader.headers().cloned() else {
        return whole(ProblemKind::Unreadable);
    };
    let places: Vec<Option<ImportColumn>> = headers.iter().map(ImportColumn::of_header).collect();
    let absent: Vec<ImportProblem> = ImportColumn::ALL
        .into_iter()
        .filter(|c| c.required() && !places.contains(&Some(*c)))
        .map(|c| ImportProblem {
            line: 1,
            column: Some(c),
            kind: ProblemKind::Missing,
        })
        .collect();
    if !absent.is_empty() {
        return (Vec::new(), absent);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut count = 0;
    // How far the line breaks are counted, and how many there were.
    let (mut counted_to, mut breaks) = (0, 0);
    for record in reader.records() {
        let Ok(record) = record else {
            return whole(ProblemKind::Unreadable);
        };
        // The line a spreadsheet shows: the reader's count leaves out the empty lines it
        // skips, and its position is where it began to skip them.
        let bytes = text.as_bytes();
        let from = record.position().map_or(0, |p| {
            usize::try_from(p.byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len())
        });
        let start = from
            + bytes[from..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        // Records come in order: only what lies between the last one and this is counted.
        let start = start.max(counted_to);
        breaks += bytes[counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted_to = start;
        let line = u32::try_from(breaks + 1).unwrap_or(u32::MAX);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        count += 1;
        if count > MAX_IMPORT_ROWS {
            return whole(ProblemKind::TooMany);
        }
        let field = |column: ImportColumn| {
            places
                .iter()
                .position(|p| *p == Some(column))
                .and_then(|at| record.get(at))
                .map_or("", str::trim)
        };
        match read_line(line, &field, today) {
            Ok(row) => rows.push(row),
            Err(mut found) => problems.append(&mut found),
        }
    }
    if count == 0 {
        return whole(ProblemKind::Empty);
    }
    (rows, problems)
}

/// The separator the header line uses: the one of `;`, tab and `,` it has most of.
fn delimiter(text: &str) -> u8 {
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b';')
}

/// One line's fields checked into a row, or every problem the line has.
fn read_line<'a>(
    line: u32,
    field: &dyn Fn(ImportColumn) -> &'a str,
    today: Date,
) -> Result<ImportedHolding, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut problem = |column, kind| {
        problems.push(ImportProblem {
            line,
            column: Some(column),
            kind,
        });
    };
    for column in ImportColumn::ALL {
        if column.required() && field(column).is_empty() {
            problem(column, ProblemKind::Missing);
        }
    }
    for column in [ImportColumn::GivenName, ImportColumn::FamilyName] {
        let name = field(column);
        if name.chars().count() > 100 || name.chars().any(char::is_control) {
            problem(column, ProblemKind::Invalid);
        }
    }
    for column in [
        ImportColumn::Department,
        ImportColumn::JobTitle,
        ImportColumn::Authorisation,
    ] {
        if field(column).chars().count() > 200 {
            problem(column, ProblemKind::Invalid);
        }
    }
    let hetu = Hetu::parse(field(ImportColumn::Hetu)).ok();
    if hetu.is_none() && !field(ImportColumn::Hetu).is_empty() {
        problem(ImportColumn::Hetu, ProblemKind::Invalid);
    }
    let mut day = |column: ImportColumn| {
        let text = field(column);
        if text.is_empty() {
            return None;
        }
        let day = parse_day(text);
        if day.is_none() {
            problem(column, ProblemKind::Invalid);
        }
        day
    };
    let since = day(ImportColumn::Since);
    let until = day(ImportColumn::Until);
    if since.is_some_and(|since| since > today) {
        problem(ImportColumn::Since, ProblemKind::BadDates);
    }
    if let (Some(since), Some(until)) = (since, until) {
        if until <= since {
            problem(ImportColumn::Until, ProblemKind::BadDates);
        }
    }
    match (hetu, since) {
        (Some(hetu), Some(since)) if problems.is_empty() => Ok(ImportedHolding {
            line,
            given_name: field(ImportColumn::GivenName).to_owned(),
            family_name: field(ImportColumn::FamilyName).to_owned(),
            hetu,
            department: field(ImportColumn::Department).to_owned(),
            job_title: field(ImportColumn::JobTitle).to_owned(),
            authorisation: field(ImportColumn::Authorisation).to_owned(),
            since,
            until,
        }),
        _ => Err(problems),
    }
}

/// A row with the organiser's department, job title and authorisation found: what the
/// register enters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedHolding {
    pub row: ImportedHolding,
    /// The department's code.
    pub department: String,
    /// The job title's code.
    pub job_title: String,
    pub authorisation_id: AuthorisationId,
}

/// Finds each row's department and job title in the organiser's lists (by code or by name
/// in any language) and its authorisation in the catalogue (by number or by name in any
/// language), without regard to case; one the lists do not know is `Unknown`, an
/// authorisation the organisation does not hold `NotHeld`, one the person holds in the
/// register already (`in_register`: identity code and authorisation of each holding in
/// force) `InRegister`, and one an earlier line gives the person too `Repeated`.
pub fn resolve(
    rows: Vec<ImportedHolding>,
    departments: &[Place],
    job_titles: &[Place],
    catalogue: &[AuthorisationEntry],
    in_register: &[(&str, AuthorisationId)],
) -> (Vec<ResolvedHolding>, Vec<ImportProblem>) {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let named = |texts: &Texts, written: &str| {
        [&texts.fi, &texts.sv, &texts.en]
            .into_iter()
            .any(|t| same(t, written))
    };
    // The one place a code or name means (a code before a name); `Err` when names of
    // several fit.
    let place = |places: &[Place], written: &str| -> Result<Option<String>, ()> {
        if let Some(p) = places.iter().find(|p| same(&p.code, written)) {
            return Ok(Some(p.code.clone()));
        }
        let mut fits = places.iter().filter(|p| named(&p.name, written));
        match (fits.next(), fits.next()) {
            (Some(p), None) => Ok(Some(p.code.clone())),
            (Some(_), Some(_)) => Err(()),
            _ => Ok(None),
        }
    };
    let mut resolved = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        let mut problem = |column, kind| {
            problems.push(ImportProblem {
                line: row.line,
                column: Some(column),
                kind,
            });
        };
        let mut found = |places, written, column| match place(places, written) {
            Ok(Some(code)) => Some(code),
            Ok(None) => {
                problem(column, ProblemKind::Unknown);
                None
            }
            Err(()) => {
                problem(column, ProblemKind::Ambiguous);
                None
            }
        };
        let department = found(departments, &row.department, ImportColumn::Department);
        let job_title = found(job_titles, &row.job_title, ImportColumn::JobTitle);
        let number = row.authorisation.trim().parse::<AuthorisationId>().ok();
        let mut fits = catalogue
            .iter()
            .filter(|e| Some(e.id) == number || named(&e.name, &row.authorisation));
        let (entry, ambiguous) = match (fits.next(), fits.next()) {
            (first, None) => (first, false),
            (Some(_), Some(_)) => (None, true),
            (None, Some(_)) => (None, false),
        };
        let registered = in_register.contains(&(row.hetu.as_str(), entry.map_or(0, |e| e.id)));
        let repeated = resolved.iter().any(|r: &ResolvedHolding| {
            r.row.hetu == row.hetu && Some(r.authorisation_id) == entry.map(|e| e.id)
        });
        let refused = match entry {
            None if ambiguous => Some(ProblemKind::Ambiguous),
            None => Some(ProblemKind::Unknown),
            Some(entry) if !entry.held => Some(ProblemKind::NotHeld),
            Some(_) if registered => Some(ProblemKind::InRegister),
            Some(_) if repeated => Some(ProblemKind::Repeated),
            Some(_) => None,
        };
        if let Some(kind) = refused {
            problem(ImportColumn::Authorisation, kind);
        }
        if let (Some(department), Some(job_title), Some(entry), None) =
            (department, job_title, entry, refused)
        {
            resolved.push(ResolvedHolding {
                department,
                job_title,
                authorisation_id: entry.id,
                row,
            });
        }
    }
    (resolved, problems)
}

/// A file's bytes as text: UTF-8 (without its byte-order mark) when they are, else
/// Windows-1252 — what a spreadsheet in Finland saves as "CSV" by default.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    // 0x80–0x9F are Windows-1252's own; the rest is Latin-1, whose bytes are code points.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// A day as spreadsheets write it in Finland (`1.3.2024`, `01.03.2024`) or as ISO 8601
/// (`2024-03-01`).
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(day) = crate::clock::parse_iso_date(text) {
        return Some(day);
    }
    let mut parts = text.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i32>().ok())
            .flatten()
    };
    let month = Month::try_from(u8::try_from(number(month)?).ok()?).ok()?;
    Date::from_calendar_date(number(year)?, month, u8::try_from(number(day)?).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 21);
    const HEADER: &str = "Etunimet;Sukunimi;Henkilötunnus;Toimiala;Nimike;Valtuus;Alkaen;Päättyy";

    fn problems(text: &str) -> Vec<(u32, Option<ImportColumn>, ProblemKind)> {
        read_holdings(text, TODAY)
            .1
            .into_iter()
            .map(|p| (p.line, p.column, p.kind))
            .collect()
    }

    #[test]
    fn a_spreadsheets_lines_become_rows_with_their_line_numbers() {
        let text = format!(
            "{HEADER}\n\
             Mikaela Johanna;Holmström;010190-998V;Sosiaalipalvelut;sosiaaliohjaaja;Kelan etuustiedot;1.3.2024;28.2.2027\n\
             \n\
             Tomas;Lindberg;020285-9981;talous;Controller;1;2025-01-15;\n"
        );
        let (rows, problems) = read_holdings(&text, TODAY);
        assert_eq!(problems, []);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].given_name, "Mikaela Johanna");
        assert_eq!(rows[0].hetu.as_str(), "010190-998V");
        assert_eq!(rows[0].department, "Sosiaalipalvelut");
        assert_eq!(rows[0].authorisation, "Kelan etuustiedot");
        assert_eq!(rows[0].since, date!(2024 - 03 - 01));
        assert_eq!(rows[0].until, Some(date!(2027 - 02 - 28)));
        assert_eq!(rows[1].line, 4, "the empty line is skipped but counted");
        assert_eq!(rows[1].since, date!(2025 - 01 - 15));
        assert_eq!(rows[1].until, None);
    }

    #[test]
    fn swedish_and_english_headers_commas_tabs_and_any_column_order_are_read() {
        let swedish = "Personbeteckning,Förnamn,Efternamn,Sektor,Titel,Fullmakt,Från\n\
                       010190-998V,Mikaela,Holmström,sos,soc,Kela,1.3.2024\n";
        let (rows, problems) = read_holdings(swedish, TODAY);
        assert_eq!((rows.len(), problems.len()), (1, 0));
        assert_eq!(rows[0].family_name, "Holmström");
        let english = "\u{feff}Given names\tFamily name\tIdentity code\tDepartment\tJob title\tAuthorisation\tSince\tUntil\n\
                       Mikaela\tHolmström\t010190-998V\tsos\tsoc\tKela\t2024-03-01\t\n";
        let (rows, problems) = read_holdings(english, TODAY);
        assert_eq!((rows.len(), problems.len()), (1, 0), "{problems:?}");
        let quoted = format!("{HEADER}\n\"Anna; Kaisa\";Ek;010190-998V;a;b;c;1.1.2025;\n");
        assert_eq!(read_holdings(&quoted, TODAY).0[0].given_name, "Anna; Kaisa");
    }

    #[test]
    fn every_problem_of_every_line_is_named_and_no_row_with_one_is_kept() {
        let text = format!(
            "{HEADER}\n\
             Mikaela;Holmström;010190-9987;sos;soc;Kela;1.3.2024;\n\
             ;Lindberg;020285-9981;sos;soc;Kela;31.2.2024;\n\
             Tomas;Lindberg;020285-9981;sos;soc;Kela;1.12.2026;1.1.2026\n\
             Tomas;Lindberg;020285-9981;sos;soc;;1.1.2025;1.1.2025\n\
             Mikaela;Holmström;010190-998V;sos;soc;Kela;1.3.2024;\n\
             Mikaela;Holmström;010190-998V;sos;soc;KELA;1.3.2025;\n"
        );
        let (rows, _) = read_holdings(&text, TODAY);
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [6, 7]);
        use ImportColumn as C;
        use ProblemKind as K;
        assert_eq!(
            problems(&text),
            [
                (2, Some(C::Hetu), K::Invalid),
                (3, Some(C::GivenName), K::Missing),
                (3, Some(C::Since), K::Invalid),
                (4, Some(C::Since), K::BadDates),
                (4, Some(C::Until), K::BadDates),
                (5, Some(C::Authorisation), K::Missing),
                (5, Some(C::Until), K::BadDates),
            ]
        );
    }

    #[test]
    fn a_file_without_the_columns_or_the_lines_is_refused_whole() {
        assert_eq!(
            problems("Etunimet;Sukunimi;Henkilötunnus;Toimiala;Nimike;Alkaen\nA;B;010190-998V;a;b;1.1.2025\n"),
            [(1, Some(ImportColumn::Authorisation), ProblemKind::Missing)]
        );
        assert_eq!(problems(HEADER), [(1, None, ProblemKind::Empty)]);
        let required = ImportColumn::ALL.into_iter().filter(|c| c.required());
        assert_eq!(
            problems(""),
            required
                .map(|c| (1, Some(c), ProblemKind::Missing))
                .collect::<Vec<_>>()
        );
        let many = format!(
            "{HEADER}\n{}",
            "A;B;010190-998V;a;b;c;1.1.2025;\n".repeat(MAX_IMPORT_ROWS + 1)
        );
        assert_eq!(problems(&many), [(1, None, ProblemKind::TooMany)]);
        let most = format!(
            "{HEADER}\n{}",
            "A;B;010190-998V;a;b;c;1.1.2025;\n".repeat(MAX_IMPORT_ROWS)
        );
        assert!(!problems(&most).contains(&(1, None, ProblemKind::TooMany)));
    }

    fn place(code: &str, fi: &str, sv: &str) -> Place {
        Place {
            code: code.to_owned(),
            name: Texts {
                fi: fi.to_owned(),
                sv: sv.to_owned(),
                en: format!("{fi} (en)"),
            },
        }
    }

    fn entry(id: AuthorisationId, fi: &str, held: bool) -> AuthorisationEntry {
        let texts = |t: &str| Texts {
            fi: t.to_owned(),
            sv: format!("{t} (sv)"),
            en: format!("{t} (en)"),
        };
        AuthorisationEntry {
            id,
            kind: crate::authorisation::AuthorisationKind::Act,
            name: texts(fi),
            agency: texts("Kela"),
            service: texts("Kelmu"),
            issue_code: None,
            why: texts("Työ"),
            held,
            updated_at: String::new(),
            updated_by_name: String::new(),
        }
    }

    #[test]
    fn departments_titles_and_authorisations_are_found_by_code_or_any_languages_name() {
        let text = format!(
            "{HEADER}\n\
             A;B;010190-998V;SOSIAALIPALVELUT;Socialhandledare;Kelan etuustiedot (SV);1.1.2025;\n\
             A;B;010190-998V;talous;controller;2;1.1.2025;\n\
             A;B;010190-998V;Tekniikka;controller;7;1.1.2025;\n\
             A;B;010190-998V;talous;Johtaja;Verottajan tiedot;1.1.2025;\n\
             A;B;010190-998V;talous;controller;Ilmoitus;1.1.2025;\n\
             A;B;020285-9981;talous;controller;2;1.1.2025;\n\
             A;B;010190-998V;talous;controller;verottajan TIEDOT;1.1.2026;\n"
        );
        let (rows, problems) = read_holdings(&text, TODAY);
        assert_eq!(problems, []);
        let departments = [
            place("sosiaalipalvelut", "Sosiaalipalvelut", "Socialtjänster"),
            place("talous", "Talous", "Ekonomi"),
        ];
        let titles = [
            place("sosiaaliohjaaja", "Sosiaaliohjaaja", "Socialhandledare"),
            place("controller", "Controller", "Controller"),
        ];
        let catalogue = [
            entry(1, "Kelan etuustiedot", true),
            entry(2, "Verottajan tiedot", true),
            entry(3, "Ilmoitus", false),
        ];
        let in_register = [("020285-9981", 2), ("010190-998V", 3)];
        let (resolved, problems) = resolve(rows, &departments, &titles, &catalogue, &in_register);
        let found: Vec<_> = resolved
            .iter()
            .map(|r| {
                (
                    r.row.line,
                    r.department.as_str(),
                    r.job_title.as_str(),
                    r.authorisation_id,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (2, "sosiaalipalvelut", "sosiaaliohjaaja", 1),
                (3, "talous", "controller", 2)
            ]
        );
        use ImportColumn as C;
        use ProblemKind as K;
        let named: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column, p.kind))
            .collect();
        assert_eq!(
            named,
            [
                (4, Some(C::Department), K::Unknown),
                (4, Some(C::Authorisation), K::Unknown),
                (5, Some(C::JobTitle), K::Unknown),
                (5, Some(C::Authorisation), K::Repeated),
                (6, Some(C::Authorisation), K::NotHeld),
                (7, Some(C::Authorisation), K::InRegister),
                (8, Some(C::Authorisation), K::Repeated),
            ]
        );
    }

    #[test]
    fn a_name_several_have_is_ambiguous_but_a_code_or_number_is_not() {
        let text = format!(
            "{HEADER}\n\
             A;B;010190-998V;Talous;controller;Ilmoitus;1.1.2025;\n\
             A;B;010190-998V;tal-1;controller;4;1.1.2025;\n"
        );
        let (rows, _) = read_holdings(&text, TODAY);
        let departments = [
            place("tal-1", "Talous", "Ekonomi"),
            place("tal-2", "Talous", "Ekonomi 2"),
        ];
        let titles = [place("controller", "Controller", "Controller")];
        let catalogue = [entry(3, "Ilmoitus", true), entry(4, "Ilmoitus", true)];
        let (resolved, problems) = resolve(rows, &departments, &titles, &catalogue, &[]);
        let named: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column, p.kind))
            .collect();
        assert_eq!(
            named,
            [
                (2, Some(ImportColumn::Department), ProblemKind::Ambiguous),
                (2, Some(ImportColumn::Authorisation), ProblemKind::Ambiguous),
            ]
        );
        assert_eq!(resolved.len(), 1);
        assert_eq!(
            (
                resolved[0].department.as_str(),
                resolved[0].authorisation_id
            ),
            ("tal-1", 4)
        );
    }

    #[test]
    fn lines_ended_by_a_carriage_return_alone_and_a_blank_first_line_are_read() {
        let mac = format!(
            "{HEADER}\rA;B;010190-998V;a;b;c;1.1.2025;\r\rC;D;020285-9981;a;b;c;1.1.2025;\r"
        );
        let (rows, problems) = read_holdings(&mac, TODAY);
        assert_eq!(problems, []);
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        let blank_first = format!("\n{HEADER}\nA;B;010190-998V;a;b;c;1.1.2025;\n");
        let (rows, problems) = read_holdings(&blank_first, TODAY);
        assert_eq!((rows.len(), problems), (1, vec![]));
        assert_eq!(rows[0].line, 3);
    }

    #[test]
    fn names_and_names_of_places_are_checked_at_their_longest() {
        let line = |given: &str, department: &str, since: &str| {
            format!("{HEADER}\n{given};B;010190-998V;{department};b;c;{since};\n")
        };
        let ok = |text: &str| read_holdings(text, TODAY).1.is_empty();
        assert!(
            ok(&line(&"a".repeat(100), "d", "21.11.2026")),
            "today may begin a holding"
        );
        assert!(!ok(&line(&"a".repeat(101), "d", "1.1.2025")));
        assert!(!ok(&line("An\u{7}na", "d", "1.1.2025")));
        assert!(ok(&line("Anna", &"d".repeat(200), "1.1.2025")));
        assert!(!ok(&line("Anna", &"d".repeat(201), "1.1.2025")));
        assert!(!ok(&line("Anna", "d", "22.11.2026")));
        let until = format!("{HEADER}\nA;B;010190-998V;a;b;c;1.1.2025;2.1.2025\n");
        assert!(ok(&until), "a day after since may end it");
    }

    #[test]
    fn a_file_is_read_as_utf8_or_as_windows_1252() {
        assert_eq!(decode("Holmström;Ä".as_bytes()), "Holmström;Ä");
        assert_eq!(decode(b"\xef\xbb\xbfEtunimet"), "Etunimet");
        assert_eq!(
            decode(b"Holmstr\xf6m;\xc4\xe5;\x80;\x9f"),
            "Holmström;Äå;€;Ÿ"
        );
    }

    #[test]
    fn days_are_read_as_finnish_spreadsheets_and_iso_write_them() {
        assert_eq!(parse_day("1.3.2024"), Some(date!(2024 - 03 - 01)));
        assert_eq!(parse_day(" 01.03.2024 "), Some(date!(2024 - 03 - 01)));
        assert_eq!(parse_day("2024-03-01"), Some(date!(2024 - 03 - 01)));
        for bad in [
            "31.2.2024",
            "1.3.24",
            "1.3",
            "1.3.2024.5",
            "x.3.2024",
            "1.13.2024",
            "",
            "+1.3.2024",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
