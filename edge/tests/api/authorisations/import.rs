//! Entering the holdings made before the register from a spreadsheet: the file is checked
//! whole, every line's problems named, and entered all at once only when every line is
//! whole; another organiser's lists and catalogue are not this one's.

use super::{admin, app, staff};
use crate::helpers::{assert_no_identity_code, cast, Session, TestResponse};
use serde_json::json;

const HEADER: &str = "Etunimet;Sukunimi;Henkilötunnus;Toimiala;Nimike;Valtuus;Alkaen;Päättyy";

/// Posts the file `csv` to be checked, or entered when `enter`.
async fn import(session: &Session<'_>, csv: &str, enter: bool) -> TestResponse {
    session
        .post(
            "/api/staff/authorisation-holdings/import",
            json!({"csv": csv, "enter": enter}),
        )
        .await
}

fn file(lines: &[String]) -> String {
    format!("{HEADER}\n{}\n", lines.join("\n"))
}

#[tokio::test]
async fn a_spreadsheets_holdings_are_checked_and_then_entered_all_at_once() {
    let app = app();
    let jukka = admin(&app).await;
    let csv = file(&[
        format!(
            "Sari Helena;Virtanen;{};Socialtjänster;Klienthandledare;Etuustietojen katselu;1.3.2024;28.2.2027",
            cast::person("Anni").code()
        ),
        format!(
            "Mikko;Kumpulainen;{};talous-ja-hallinto;asiakasohjaaja;1;2025-01-15;",
            cast::person("Mikko").code()
        ),
    ]);
    let checked = import(&jukka, &csv, false).await;
    assert_eq!(checked.status, 200, "{}", checked.json);
    assert_eq!(
        checked.json,
        json!({"lines": 2, "problems": [], "entered": 0})
    );
    let register = jukka.get("/api/staff/authorisation-holdings").await;
    assert_eq!(
        register.json["holdings"],
        json!([]),
        "a check enters nothing"
    );

    let entered = import(&jukka, &csv, true).await;
    assert_eq!(entered.status, 201, "{}", entered.json);
    assert_eq!(entered.json["entered"], 2);
    let register = jukka.get("/api/staff/authorisation-holdings").await;
    assert_no_identity_code(&register.json.to_string());
    let holdings = register.json["holdings"].as_array().unwrap();
    let mut found: Vec<(String, String, String, String, Option<String>)> = holdings
        .iter()
        .map(|h| {
            (
                h["employee_name"].as_str().unwrap_or_default().to_owned(),
                h["department"]["fi"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                h["authorisation"]["name"]["fi"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                h["since"].as_str().unwrap_or_default().to_owned(),
                h["until"].as_str().map(str::to_owned),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "Mikko Kumpulainen".to_owned(),
                "Talous- ja hallintopalvelut".to_owned(),
                "Etuustietojen katselu".to_owned(),
                "2025-01-15".to_owned(),
                None
            ),
            (
                "Sari Helena Virtanen".to_owned(),
                "Sosiaalipalvelut".to_owned(),
                "Etuustietojen katselu".to_owned(),
                "2024-03-01".to_owned(),
                Some("2027-02-28".to_owned())
            ),
        ]
    );
    let recorded = app.count(
        "SELECT COUNT(*) FROM authorisation_holdings WHERE recorded_by_name = 'Jukka Petteri Laine' AND order_case_id IS NULL",
    );
    assert_eq!(recorded, 2);

    // The same file again would enter them twice: both are in the register already.
    let again = import(&jukka, &csv, true).await;
    assert_eq!(
        (again.status, again.code()),
        (400, "invalid_holdings_import")
    );
    let checked = import(&jukka, &csv, false).await;
    assert_eq!(
        checked.json["problems"],
        json!([
            {"line": 2, "column": "authorisation", "kind": "in_register"},
            {"line": 3, "column": "authorisation", "kind": "in_register"},
        ])
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisation_holdings"), 2);
}

#[tokio::test]
async fn a_file_with_a_bad_line_enters_nothing_and_names_every_problem() {
    let app = app();
    let jukka = admin(&app).await;
    let sari = cast::person("Anni").code();
    let mikko = cast::person("Mikko").code();
    let csv = file(&[
        format!("Sari;Virtanen;{sari};sosiaalipalvelut;asiakasohjaaja;1;1.3.2024;"),
        format!("Mikko;Kumpulainen;{mikko};Tekniset palvelut;asiakasohjaaja;1;1.3.2024;"),
        format!("Sari;Virtanen;{sari};sosiaalipalvelut;asiakasohjaaja;2;1.3.2024;"),
        "Tomas;Lindberg;010190-0000;sosiaalipalvelut;asiakasohjaaja;1;1.3.2024;".to_owned(),
    ]);
    let checked = import(&jukka, &csv, false).await;
    assert_eq!(checked.status, 200, "{}", checked.json);
    assert_eq!(
        checked.json,
        json!({"lines": 4, "entered": 0, "problems": [
            {"line": 3, "column": "department", "kind": "unknown"},
            {"line": 4, "column": "authorisation", "kind": "not_held"},
            {"line": 5, "column": "hetu", "kind": "invalid"},
        ]})
    );
    assert_no_identity_code(&checked.json.to_string());
    let refused = import(&jukka, &csv, true).await;
    assert_eq!(
        (
            refused.status,
            refused.code(),
            refused.json["field"].as_str()
        ),
        (400, "invalid_holdings_import", Some("csv"))
    );
    let count = app.count("SELECT COUNT(*) FROM authorisation_holdings");
    assert_eq!(count, 0, "not even the whole first line");

    // Helsinki's administrator knows neither the department nor the authorisation 1.
    let helsinki = staff(&app, "helsinki-valtuushallinnoija").await;
    let theirs = import(
        &helsinki,
        &file(&[format!(
            "Sari;Virtanen;{sari};sosiaalipalvelut;asiakasohjaaja;1;1.3.2024;"
        )]),
        true,
    )
    .await;
    assert_eq!(
        (theirs.status, theirs.code()),
        (400, "invalid_holdings_import")
    );
    let count = app.count("SELECT COUNT(*) FROM authorisation_holdings");
    assert_eq!(count, 0);
    // An employee without the administrator's role may not.
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let forbidden = import(&mikaela, &csv, false).await;
    assert_eq!(forbidden.status, 403);
}

#[tokio::test]
async fn a_file_of_five_hundred_long_lines_is_read_and_one_more_is_too_many() {
    let app = app();
    let jukka = admin(&app).await;
    // Spreadsheets carry columns of their own: a note here, which the import leaves be.
    let line = format!(
        "Mikaela Johanna;Holmström;{};Sosiaalipalvelut;Sosiaaliohjaaja;Etuustietojen katselu;1.3.2024;28.2.2027;\
         Myönnetty Suomi.fi-valtuuksissa ennen Seteliä\r",
        cast::person("Anni").code()
    );
    let lines = |n: usize| format!("{HEADER};Huomautus\r{}", vec![line.as_str(); n].join(""));
    let most = lines(500);
    assert!(most.len() > 64 * 1024, "longer than the API's other bodies");
    let checked = import(&jukka, &most, false).await;
    assert_eq!(checked.status, 200, "{}", checked.json);
    assert_eq!(checked.json["lines"], 500);
    let too_many = import(&jukka, &lines(501), false).await;
    assert_eq!(
        too_many.json["problems"],
        json!([{"line": 1, "kind": "too_many"}])
    );
}
