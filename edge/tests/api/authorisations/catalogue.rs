//! The catalogue and the maps: every employee reads their organiser's, seeing whether the
//! organisation holds each entry; the administrator keeps them; nobody reads or changes
//! another organiser's.

use super::{admin, app, staff};
use crate::helpers::authorisations::{HELSINKI_ENTRY, KELA_HELD, KELA_MISSING};
use serde_json::json;

#[tokio::test]
async fn an_employee_without_roles_reads_the_catalogue_and_the_maps_of_their_own_place() {
    let app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let catalogue = mikaela.get("/api/staff/authorisations").await;
    assert_eq!(catalogue.status, 200, "{}", catalogue.json);
    // The login named her department and job title; she orders for herself only.
    assert_eq!(catalogue.json["my_department"], "sosiaalipalvelut");
    assert_eq!(catalogue.json["my_job_title"], "sosiaaliohjaaja");
    assert_eq!(catalogue.json["orders_for_team"], false);
    assert_eq!(catalogue.json["administers"], false);
    let ids: Vec<i64> = catalogue.json["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        2,
        "Itä-Uusimaa's own two, not Helsinki's: {ids:?}"
    );
    assert!(ids.contains(&KELA_HELD) && ids.contains(&KELA_MISSING));
    let entry = &catalogue.json["authorisations"][0];
    assert_eq!(entry["agency"]["sv"], "FPA");
    assert_eq!(entry["kind"], "act");

    // Her department's map: both Kela entries, one held, one not.
    let map = mikaela
        .get("/api/staff/authorisations/map?department=sosiaalipalvelut")
        .await;
    assert_eq!(map.status, 200);
    assert_eq!(map.json["place"]["name"]["fi"], "Sosiaalipalvelut");
    let held: Vec<(i64, bool)> = map.json["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_i64().unwrap(), a["held"].as_bool().unwrap()))
        .collect();
    assert_eq!(held.len(), 2);
    assert!(held.contains(&(KELA_HELD, true)) && held.contains(&(KELA_MISSING, false)));
    // Her job title's map: the held one.
    let by_title = mikaela
        .get("/api/staff/authorisations/map?job_title=sosiaaliohjaaja")
        .await;
    assert_eq!(by_title.json["by"], "job_title");
    assert_eq!(by_title.json["authorisations"][0]["id"], KELA_HELD);
    // A map of a place the organiser does not have, or of nothing.
    let unknown = mikaela
        .get("/api/staff/authorisations/map?department=sosiaali-terveys")
        .await;
    assert_eq!(unknown.status, 404);
    let neither = mikaela.get("/api/staff/authorisations/map").await;
    assert_eq!((neither.status, neither.code()), (400, "missing_parameter"));
    // She keeps nothing of it.
    let edit = mikaela
        .post("/api/staff/authorisations/1", entry_form("Muutettu"))
        .await;
    assert_eq!(edit.status, 403);
}

fn entry_form(name_fi: &str) -> serde_json::Value {
    json!({
        "kind": "act",
        "name": {"fi": name_fi, "sv": "Ansökan om lönesubvention", "en": "Applying for pay subsidy"},
        "agency": {"fi": "KEHA-keskus", "sv": "KEHA-centret", "en": "KEHA Centre"},
        "service": {"fi": "Työnantajan asiointipalvelu", "sv": "Arbetsgivarens e-tjänst", "en": "Employer e-service"},
        "issue_code": "keha_palkkatuki",
        "why": {"fi": "Työllisyyspalvelut hakevat palkkatukea.", "sv": "", "en": ""},
        "held": true,
    })
}

#[tokio::test]
async fn the_administrator_keeps_the_catalogue_and_the_maps_and_bad_input_changes_nothing() {
    let app = app();
    let jukka = admin(&app).await;
    let added = jukka
        .post(
            "/api/staff/authorisations",
            entry_form("Palkkatuen hakeminen"),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
    assert_eq!(added.json["updated_by_name"], "Jukka Petteri Laine");
    assert_eq!(added.json["issue_code"], "keha_palkkatuki");
    let id = added.json["id"].as_i64().unwrap();

    // A missing Swedish name, a bad issue code: refused naming the field, nothing written.
    let mut no_swedish = entry_form("Palkkatuki");
    no_swedish["name"]["sv"] = json!(" ");
    let refused = jukka.post("/api/staff/authorisations", no_swedish).await;
    assert_eq!(
        (
            refused.status,
            refused.code(),
            refused.json["field"].as_str()
        ),
        (400, "invalid_authorisation", Some("name_sv"))
    );
    let mut bad_code = entry_form("Palkkatuki");
    bad_code["issue_code"] = json!("ei koodi");
    let refused = jukka
        .post(&format!("/api/staff/authorisations/{id}"), bad_code)
        .await;
    assert_eq!(refused.json["field"], "issue_code");
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisations"), 4);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM authorisations WHERE id = {id} AND issue_code = 'keha_palkkatuki'"
        )),
        1
    );

    // Editing: the entry changes, its id stays.
    let edited = jukka
        .post(
            &format!("/api/staff/authorisations/{id}"),
            entry_form("Palkkatuen hakeminen ja maksatus"),
        )
        .await;
    assert_eq!(edited.status, 200);
    assert_eq!(
        edited.json["name"]["fi"],
        "Palkkatuen hakeminen ja maksatus"
    );

    // The client coordinators' map gets it and Kela's held entry.
    let map = jukka
        .post(
            "/api/staff/authorisations/map",
            json!({"by": "job_title", "code": "asiakasohjaaja", "authorisations": [id, KELA_HELD]}),
        )
        .await;
    assert_eq!(map.status, 200, "{}", map.json);
    assert_eq!(map.json["authorisations"].as_array().unwrap().len(), 2);
    // Helsinki's entry is not in Itä-Uusimaa's catalogue: the map stays as it was.
    let foreign = jukka
        .post(
            "/api/staff/authorisations/map",
            json!({"by": "job_title", "code": "asiakasohjaaja", "authorisations": [HELSINKI_ENTRY]}),
        )
        .await;
    assert_eq!(
        (foreign.status, foreign.code()),
        (400, "unknown_authorisation")
    );
    let unknown_place = jukka
        .post(
            "/api/staff/authorisations/map",
            json!({"by": "department", "code": "kaupunginkanslia", "authorisations": [id]}),
        )
        .await;
    assert_eq!(unknown_place.json["field"], "code");
    let map = jukka
        .get("/api/staff/authorisations/map?job_title=asiakasohjaaja")
        .await;
    assert_eq!(map.json["authorisations"].as_array().unwrap().len(), 2);

    // Helsinki's administrator neither reads nor edits Itä-Uusimaa's entries.
    let tomas = staff(&app, "helsinki-valtuushallinnoija").await;
    let theirs = tomas
        .post(
            &format!("/api/staff/authorisations/{id}"),
            entry_form("Kaapattu"),
        )
        .await;
    assert_eq!(
        (theirs.status, theirs.code()),
        (400, "unknown_authorisation")
    );
    let catalogue = tomas.get("/api/staff/authorisations").await;
    let names: Vec<&str> = catalogue.json["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"]["fi"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Etuustietojen katselu"],
        "Helsinki's own entry only"
    );
    // Nor does a supervisor keep the catalogue.
    let supervisor = staff(&app, "esihenkilo").await;
    let refused = supervisor
        .post("/api/staff/authorisations", entry_form("Palkkatuki"))
        .await;
    assert_eq!(refused.status, 403);
}
