//! Finding, adding and keeping customers; the card with a masked identity code whose reveal
//! is logged; and the customer's own "who has looked at my data".

use super::{app, assess, desk};
use crate::helpers::{assert_no_identity_code, cast, Session};
use serde_json::json;

#[tokio::test]
async fn customer_service_finds_a_resident_by_identity_code_in_the_body_and_reads_a_masked_card() {
    let app = app();
    let desk = desk(&app).await;
    let eeva_liisa = cast::person("Eeva-Liisa");

    let found = desk
        .post(
            "/api/staff/customers/search",
            json!({"hetu": eeva_liisa.code()}),
        )
        .await;
    let card = desk.get("/api/staff/customers/1").await;

    assert_eq!(found.status, 200, "{}", found.json);
    assert_eq!(found.json["customers"][0]["id"], 1);
    assert_eq!(found.json["customers"][0]["masked_hetu"], "140334-****");
    assert_no_identity_code(&found.json.to_string());
    assert_eq!(card.status, 200, "{}", card.json);
    assert_eq!(card.json["masked_hetu"], "140334-****");
    assert_eq!(card.json["birth_date"], "1934-03-14");
    assert_eq!(card.json["municipality_name"], "Porvoo");
    assert_eq!(card.json["vouchers"][0]["id"], 10);
    assert_eq!(card.json["events"][0]["id"], 100);
    assert_no_identity_code(&card.json.to_string());
    // The card's own access log already shows the search and this view.
    let seen: Vec<&str> = card.json["access_log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"].as_str().unwrap())
        .collect();
    assert_eq!(seen, vec!["card", "search"]);
    assert_eq!(card.json["access_log"][0]["who"], "Sari Helena Virtanen");
    assert_eq!(
        card.json["access_log"][0]["organisation"],
        "Itä-Uudenmaan hyvinvointialue"
    );
}

#[tokio::test]
async fn revealing_the_identity_code_is_logged_and_the_customer_reads_who_looked() {
    let app = app();
    let desk = desk(&app).await;

    let revealed = desk.post("/api/staff/customers/1/reveal", json!({})).await;
    let eeva_liisa = Session::citizen(&app, cast::person("Eeva-Liisa")).await;
    let log = eeva_liisa.get("/api/citizen/access-log").await;

    assert_eq!(revealed.status, 200);
    assert_eq!(revealed.json["hetu"], cast::person("Eeva-Liisa").code());
    assert_eq!(log.status, 200);
    assert_eq!(log.json[0]["kind"], "staff");
    assert_eq!(log.json[0]["what"], "identity_code");
    assert_eq!(log.json[0]["who"], "Sari Helena Virtanen");
    // Anni sees nothing of Eeva-Liisa's.
    let anni = Session::citizen(&app, cast::person("Anni")).await;
    assert_eq!(anni.get("/api/citizen/access-log").await.json, json!([]));
}

#[tokio::test]
async fn a_producers_views_of_the_customers_data_are_in_the_same_log() {
    let app = app();
    let karl_johan = Session::citizen(&app, cast::person("Karl-Johan")).await;
    karl_johan.act_for_company(cast::company("Aurinko")).await;
    let looked_up = karl_johan
        .lookup(
            seteli_domain::voucher::VoucherNumber::from_body(48_219_930_001)
                .unwrap()
                .as_str(),
        )
        .await;
    assert_eq!(looked_up.status, 200, "{}", looked_up.json);

    let log = Session::citizen(&app, cast::person("Eeva-Liisa"))
        .await
        .get("/api/citizen/access-log")
        .await;

    assert_eq!(log.json[0]["kind"], "producer");
    assert_eq!(log.json[0]["what"], "link_voucher");
    assert_eq!(log.json[0]["organisation"], "Hoivapalvelu Aurinko Oy");
    assert_eq!(log.json[0]["who"], "Karl-Johan Fredrik Nyström");
}

#[tokio::test]
async fn a_search_by_name_needs_the_birth_date_and_finds_only_those_born_then() {
    let app = app();
    let desk = desk(&app).await;

    let by_name = desk
        .post(
            "/api/staff/customers/search",
            json!({"family_name": "kumpulainen", "birth_date": "1984-07-22"}),
        )
        .await;
    let other_day = desk
        .post(
            "/api/staff/customers/search",
            json!({"family_name": "Kumpulainen", "birth_date": "1984-07-23"}),
        )
        .await;
    let without_date = desk
        .post(
            "/api/staff/customers/search",
            json!({"family_name": "Kumpulainen"}),
        )
        .await;
    let impossible = desk
        .post(
            "/api/staff/customers/search",
            json!({"hetu": "311399-123A"}),
        )
        .await;

    assert_eq!(by_name.json["customers"][0]["id"], 2);
    assert_eq!(other_day.json["customers"], json!([]));
    assert_eq!(without_date.status, 400);
    assert_eq!(without_date.code(), "invalid_search");
    assert_eq!(impossible.status, 400);
    assert_eq!(impossible.json["field"], "hetu");
    assert!(!impossible.json["message"]
        .as_str()
        .unwrap()
        .contains("311399"));
}

#[tokio::test]
async fn a_resident_not_yet_in_seteli_is_added_once_and_bad_input_names_its_field() {
    let app = app();
    let desk = desk(&app).await;
    let mikko = cast::person("Mikko");
    let new = |hetu: &str, municipality: &str| {
        json!({"hetu": hetu, "given_name": "Mikko", "family_name": "Kumpulainen",
            "municipality_code": municipality,
            "address": {"street_address": "Rauhankatu 3", "postal_code": "06100", "post_office": "Porvoo"}})
    };
    let customers = || app.count("SELECT COUNT(*) FROM customers");

    let bad_code = desk
        .post("/api/staff/customers", new("220784-926X", "638"))
        .await;
    let not_ours = desk
        .post("/api/staff/customers", new(mikko.code(), "091"))
        .await;
    assert_eq!(customers(), 2, "nothing was added");
    let created = desk
        .post("/api/staff/customers", new(mikko.code(), "638"))
        .await;
    let again = desk
        .post("/api/staff/customers", new(mikko.code(), "638"))
        .await;

    assert_eq!(
        (bad_code.status, bad_code.json["field"].as_str()),
        (400, Some("hetu"))
    );
    assert_eq!(
        (not_ours.status, not_ours.json["field"].as_str()),
        (400, Some("municipality_code"))
    );
    assert_eq!(created.status, 201, "{}", created.json);
    assert_eq!(again.status, 409);
    assert_eq!(again.code(), "customer_exists");
    assert_eq!(customers(), 3);
    let id = created.json["id"].as_i64().unwrap();
    let card = desk.get(&format!("/api/staff/customers/{id}")).await;
    assert_eq!(card.json["address"]["street_address"], "Rauhankatu 3");
    assert_eq!(card.json["non_disclosure"], false);
}

#[tokio::test]
async fn the_address_and_non_disclosure_flag_are_kept_and_a_bad_postal_code_changes_nothing() {
    let app = app();
    let desk = desk(&app).await;

    let bad = desk
        .post(
            "/api/staff/customers/1/contact",
            json!({"address": {"street_address": "Piispankatu 1", "postal_code": "0610", "post_office": "Porvoo"},
                "non_disclosure": true}),
        )
        .await;
    assert_eq!(
        app.count("SELECT non_disclosure FROM customers WHERE id = 1"),
        0
    );
    let kept = desk
        .post(
            "/api/staff/customers/1/contact",
            json!({"address": {"street_address": "Piispankatu 1", "postal_code": "06100", "post_office": "Porvoo"},
                "non_disclosure": true}),
        )
        .await;

    assert_eq!(
        (bad.status, bad.json["field"].as_str()),
        (400, Some("postal_code"))
    );
    assert_eq!(kept.status, 204);
    let card = desk.get("/api/staff/customers/1").await;
    assert_eq!(card.json["non_disclosure"], true);
    assert_eq!(card.json["address"]["post_office"], "Porvoo");
    // The change is in the customer's log, once: the refused one changed nothing.
    let log = Session::citizen(&app, cast::person("Eeva-Liisa"))
        .await
        .get("/api/citizen/access-log")
        .await;
    let changes: Vec<&str> = log
        .json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["what"].as_str())
        .filter(|w| *w == "contact")
        .collect();
    assert_eq!(changes, vec!["contact"]);
}

#[tokio::test]
async fn a_need_assessment_is_recorded_and_one_dated_tomorrow_is_refused() {
    let app = app();
    let desk = desk(&app).await;

    let id = assess(&desk, 1).await;
    let tomorrow = desk
        .post(
            "/api/staff/customers/1/assessments",
            json!({"assessed_on": "2026-11-22", "assessor": "Sari Virtanen", "service_code": "home-care",
                "summary": "x", "outcome": "no_need"}),
        )
        .await;
    let card = desk.get("/api/staff/customers/1").await;

    assert_eq!(
        (tomorrow.status, tomorrow.json["field"].as_str()),
        (400, Some("assessed_on"))
    );
    assert_eq!(card.json["assessments"].as_array().unwrap().len(), 1);
    assert_eq!(card.json["assessments"][0]["id"], id);
    assert_eq!(card.json["assessments"][0]["outcome"], "voucher");
    assert_eq!(card.json["assessments"][0]["service_name"], "Kotihoito");
}
