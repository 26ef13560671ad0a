//! The holdings register: who holds what since and until when; an employee leaving lists
//! what to revoke; a revocation is recorded with its day and the administrator's name;
//! holdings ending within 60 days are told once to the holder and the administrators.

use super::{admin, app, staff};
use crate::helpers::{cast, Mocks, TestApp};
use serde_json::json;

/// Sari (customer service, a Seteli user) holds entry 1 until 30 December and entry 2 with
/// no end; Mikko (no Seteli user) holds entry 1 until the end of 2027.
fn with_holdings() -> TestApp<Mocks> {
    let app = app();
    app.sql(&format!(
        "INSERT INTO authorisation_holdings (id, organiser_code, authorisation_id, employee_given_name,
                 employee_family_name, employee_hetu, employee_username, department_code, job_title_code,
                 since, until, recorded_by_name) VALUES
             (1, 'ita-uusimaa', 1, 'Sari Helena', 'Virtanen', '{sari}', 'asiakaspalvelu', 'sosiaalipalvelut',
              'asiakasohjaaja', '2025-12-31', '2026-12-30', 'Jukka Petteri Laine'),
             (2, 'ita-uusimaa', 2, 'Sari Helena', 'Virtanen', '{sari}', 'asiakaspalvelu', 'sosiaalipalvelut',
              'asiakasohjaaja', '2026-02-01', NULL, 'Jukka Petteri Laine'),
             (3, 'ita-uusimaa', 1, 'Mikko', 'Kumpulainen', '{mikko}', NULL, 'sosiaalipalvelut',
              'asiakasohjaaja', '2026-01-15', '2027-12-31', 'Jukka Petteri Laine');",
        sari = cast::person("Anni").code(),
        mikko = cast::person("Mikko").code(),
    ));
    app
}

#[tokio::test]
async fn the_register_lists_what_ends_soon_and_what_a_leaving_employee_holds() {
    let app = with_holdings();
    let jukka = admin(&app).await;
    let register = jukka.get("/api/staff/authorisation-holdings").await;
    assert_eq!(register.status, 200, "{}", register.json);
    assert_eq!(register.json["holdings"].as_array().unwrap().len(), 3);
    crate::helpers::assert_no_identity_code(&register.json.to_string());
    let ending: Vec<i64> = register.json["ending_soon"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ending, [1], "30 December is within 60 days of 21 November");
    assert_eq!(register.json["to_revoke"], json!([]));

    // Sari leaves at the end of the year: both of hers are to revoke, Mikko's is not.
    let leaving = jukka
        .post(
            "/api/staff/authorisation-holdings/2/leaving",
            json!({"leaving_on": "2026-12-31"}),
        )
        .await;
    assert_eq!(leaving.status, 200, "{}", leaving.json);
    let to_revoke: Vec<i64> = leaving
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    assert_eq!(to_revoke, [1, 2]);
    assert_eq!(leaving.json[0]["leaving_on"], "2026-12-31");
    // Revoked in Suomi.fi-valtuudet: recorded with the day and his name; not twice, not
    // in the future, not before it began.
    for (body, field) in [
        (json!({"ended_on": "2026-11-22"}), "ended_on"),
        (json!({"ended_on": "2025-12-30"}), "ended_on"),
    ] {
        let refused = jukka
            .post("/api/staff/authorisation-holdings/1/end", body)
            .await;
        assert_eq!(
            (refused.status, refused.json["field"].as_str()),
            (400, Some(field))
        );
    }
    let ended = jukka
        .post(
            "/api/staff/authorisation-holdings/1/end",
            json!({"ended_on": "2026-11-21"}),
        )
        .await;
    assert_eq!(ended.status, 200);
    let ids: Vec<i64> = ended.json["to_revoke"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [2], "one left to revoke");
    assert_eq!(
        app.ctx
            .db
            .text("SELECT ended_by_name FROM authorisation_holdings WHERE id = 1")
            .unwrap(),
        "Jukka Petteri Laine"
    );
    let again = jukka
        .post(
            "/api/staff/authorisation-holdings/1/end",
            json!({"ended_on": "2026-11-21"}),
        )
        .await;
    assert_eq!((again.status, again.code()), (409, "holding_ended"));
    let leaving_again = jukka
        .post(
            "/api/staff/authorisation-holdings/1/leaving",
            json!({"leaving_on": "2026-12-31"}),
        )
        .await;
    assert_eq!(leaving_again.code(), "holding_ended");
    // Sari reads her own holdings, the ended one too.
    let sari = staff(&app, "asiakaspalvelu").await;
    let hers = sari.get("/api/staff/authorisation-orders").await;
    assert_eq!(hers.json["holdings"].as_array().unwrap().len(), 2);
    // Helsinki's administrator finds none of them; Sari keeps no register.
    let tomas = staff(&app, "helsinki-valtuushallinnoija").await;
    let theirs = tomas
        .post(
            "/api/staff/authorisation-holdings/2/end",
            json!({"ended_on": "2026-11-21"}),
        )
        .await;
    assert_eq!((theirs.status, theirs.code()), (404, "holding_not_found"));
    assert_eq!(
        tomas.get("/api/staff/authorisation-holdings").await.json["holdings"],
        json!([])
    );
    assert_eq!(
        sari.get("/api/staff/authorisation-holdings").await.status,
        403
    );
}

#[tokio::test]
async fn a_holding_ending_within_sixty_days_is_told_once_to_its_holder_and_the_administrators() {
    let app = with_holdings();
    // Both have logged in: Jukka administers, Sari holds.
    let jukka = admin(&app).await;
    let sari = staff(&app, "asiakaspalvelu").await;
    let report = seteli_edge::jobs::run_scheduled(&app.ctx)
        .await
        .expect("the jobs run");
    assert_eq!(
        report.renewals_told, 1,
        "holding 1 (30 December), not Mikko's (2027)"
    );
    let told = |username: &str| {
        app.count(&format!(
            "SELECT COUNT(*) FROM staff_notices WHERE username = '{username}' AND kind = 'holding_ending' AND holding_id = 1"
        ))
    };
    assert_eq!((told("valtuushallinnoija"), told("asiakaspalvelu")), (1, 1));
    let body = app
        .ctx
        .db
        .text("SELECT body FROM email_outbox WHERE to_username = 'asiakaspalvelu'")
        .unwrap();
    assert!(body.contains("2026-12-30"), "{body}");
    crate::helpers::assert_no_identity_code(&body);
    // A second run tells nobody again.
    let again = seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(again.renewals_told, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM email_outbox"), 2);
    // On Sari's desk until she opens her holdings.
    let desk = sari.get("/api/staff/desk").await;
    assert_eq!(desk.json["notices"][0]["kind"], "holding_ending");
    assert_eq!(desk.json["notices"][0]["holding_id"], 1);
    sari.get("/api/staff/authorisation-orders").await;
    assert_eq!(sari.get("/api/staff/desk").await.json["notices"], json!([]));
    // Renewed (a new end date), it is told again when that nears.
    app.sql("UPDATE authorisation_holdings SET until = '2027-01-10' WHERE id = 1;");
    let renewed = seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(renewed.renewals_told, 1);
    drop(jukka);
}

#[tokio::test]
async fn the_administrator_enters_a_holding_made_before_the_register_and_bad_input_changes_nothing()
{
    let app = with_holdings();
    let jukka = admin(&app).await;
    let holding = |id: i64| {
        json!({"authorisation_id": id, "given_name": "Leena Marja", "family_name": "Salonen",
            "hetu": cast::person("Eeva-Liisa").code(), "department": "talous-ja-hallinto",
            "job_title": "valtuushallinnoija", "since": "2024-03-01", "until": "2027-02-28"})
    };
    let added = jukka
        .post("/api/staff/authorisation-holdings", holding(1))
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
    crate::helpers::assert_no_identity_code(&added.json.to_string());
    let leena = added.json["holdings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["employee_name"] == "Leena Marja Salonen")
        .expect("in the register")
        .clone();
    assert_eq!(leena["since"], "2024-03-01");
    assert_eq!(leena["order_id"], json!(null));
    assert_eq!(leena["recorded_by_name"], "Jukka Petteri Laine");
    // What the organisation does not hold, another organiser's entry, bad fields: refused,
    // nothing written.
    let before = app.count("SELECT COUNT(*) FROM authorisation_holdings");
    let not_held = jukka
        .post("/api/staff/authorisation-holdings", holding(2))
        .await;
    assert_eq!(
        (not_held.status, not_held.code()),
        (409, "authorisation_not_held")
    );
    let foreign = jukka
        .post("/api/staff/authorisation-holdings", holding(101))
        .await;
    assert_eq!(foreign.code(), "unknown_authorisation");
    for (field, value) in [
        ("hetu", json!("010101-0102")),
        ("since", json!("2026-11-22")),
        ("until", json!("2024-03-01")),
        ("department", json!("kaupunginkanslia")),
        ("given_name", json!(" ")),
    ] {
        let mut body = holding(1);
        body[field] = value;
        let res = jukka.post("/api/staff/authorisation-holdings", body).await;
        assert_eq!(
            (res.status, res.json["field"].as_str()),
            (400, Some(field)),
            "{field}"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM authorisation_holdings"),
        before
    );
    // Nobody else enters holdings.
    let sari = staff(&app, "asiakaspalvelu").await;
    let refused = sari
        .post("/api/staff/authorisation-holdings", holding(1))
        .await;
    assert_eq!(refused.status, 403);
}
