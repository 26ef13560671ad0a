//! Ordering: one form for both paths, checked against the catalogue and what the
//! organisation holds; an employee orders for themself, a supervisor for their own
//! department's employees; the orderer is confirmed the expected time; bad input changes
//! nothing.

use super::{admin, app, order, own_order, staff, team_order};
use crate::helpers::authorisations::{HELSINKI_ENTRY, KELA_HELD, KELA_MISSING};
use crate::helpers::{assert_no_identity_code, cast, TestApp, TODAY};
use serde_json::json;

fn orders(app: &TestApp<crate::helpers::Mocks>) -> i64 {
    app.count("SELECT COUNT(*) FROM cases WHERE kind = 'authorisation_order'")
}

#[tokio::test]
async fn an_employee_orders_a_held_authorisation_for_herself_and_is_told_the_expected_time() {
    let app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let sent = mikaela
        .post(
            "/api/staff/authorisation-orders",
            own_order("held", &[KELA_HELD]),
        )
        .await;
    assert_eq!(sent.status, 201, "{}", sent.json);
    assert_eq!(sent.json["path"], "held");
    assert_eq!(
        (
            sent.json["expected_min_days"].as_i64(),
            sent.json["expected_max_days"].as_i64()
        ),
        (Some(3), Some(3))
    );
    assert_eq!(TODAY, "2026-11-21");
    assert_eq!(sent.json["due_on"], "2026-11-24");
    let id = sent.json["id"].as_i64().unwrap();
    // The confirmation goes to the address she gave, with the expected time; no identity code.
    let (address, body) = (
        app.ctx
            .db
            .text("SELECT to_address FROM email_outbox WHERE to_username = 'sosiaaliohjaaja'")
            .unwrap(),
        app.ctx
            .db
            .text("SELECT body FROM email_outbox WHERE to_username = 'sosiaaliohjaaja'")
            .unwrap(),
    );
    assert_eq!(address, "mikaela.holmstrom@porvoo.example");
    assert!(body.contains("noin 3 päivää"), "{body}");
    assert_no_identity_code(&body);

    // Her orders: this one, sent, its code nowhere in the answer; the order itself masked.
    let mine = mikaela.get("/api/staff/authorisation-orders").await;
    assert_eq!(mine.status, 200);
    assert_no_identity_code(&mine.json.to_string());
    let listed = &mine.json["orders"][0];
    assert_eq!(listed["id"], id);
    assert_eq!(listed["state"], "submitted");
    assert_eq!(listed["employee_name"], "Mikaela Johanna Holmström");
    assert_eq!(listed["department"]["fi"], "Sosiaalipalvelut");
    assert_eq!(
        listed["authorisations"][0]["name"]["fi"],
        "Etuustietojen katselu"
    );
    let view = mikaela
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    assert_eq!(view.status, 200);
    assert_no_identity_code(&view.json.to_string());
    assert_eq!(
        view.json["hetu_masked"],
        cast::person("Anni").code()[..7].to_owned() + "****"
    );
    assert_eq!(view.json["prepared"], json!(null));
    assert_eq!(view.json["history"][0]["to"], "submitted");
    assert_eq!(
        view.json["history"][0]["by_name"],
        "Mikaela Johanna Holmström"
    );
    // It is in the administrator's queue; a colleague who neither ordered nor administers
    // finds no such order.
    let queue = admin(&app)
        .await
        .get("/api/staff/authorisation-orders/queue")
        .await;
    assert_eq!(queue.json[0]["id"], id);
    assert_eq!(queue.json[0]["overdue"], false);
    let sari = staff(&app, "asiakaspalvelu").await;
    let theirs = sari
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    assert_eq!((theirs.status, theirs.code()), (404, "order_not_found"));
}

#[tokio::test]
async fn each_path_is_for_what_the_organisation_holds_or_lacks_and_the_catalogue_is_the_list() {
    let app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let refused = |path: &'static str, ids: &'static [i64]| {
        let mikaela = &mikaela;
        async move {
            mikaela
                .post("/api/staff/authorisation-orders", own_order(path, ids))
                .await
        }
    };
    let lacking = refused("held", &[KELA_MISSING]).await;
    assert_eq!(
        (lacking.status, lacking.code()),
        (409, "authorisation_not_held")
    );
    let mixed = refused("held", &[KELA_HELD, KELA_MISSING]).await;
    assert_eq!(mixed.code(), "authorisation_not_held");
    let held = refused("missing", &[KELA_HELD]).await;
    assert_eq!(
        (held.status, held.code()),
        (409, "authorisation_already_held")
    );
    // Helsinki's entry, or none at all, is not in Itä-Uusimaa's catalogue.
    let foreign = refused("held", &[HELSINKI_ENTRY]).await;
    assert_eq!(
        (
            foreign.status,
            foreign.code(),
            foreign.json["field"].as_str()
        ),
        (400, "unknown_authorisation", Some("authorisations"))
    );
    let unknown = refused("held", &[999]).await;
    assert_eq!(unknown.code(), "unknown_authorisation");
    let none = refused("held", &[]).await;
    assert_eq!(none.json["field"], "authorisations");
    // Bad fields are named.
    for (field, value) in [
        ("hetu", json!("010101-0102")),
        ("email", json!("mikaela.porvoo")),
        ("justification", json!("  ")),
        ("department", json!("kaupunginkanslia")),
        ("job_title", json!("pormestari")),
        ("needed_until", json!(TODAY)),
    ] {
        let mut body = own_order("held", &[KELA_HELD]);
        body[field] = value;
        let res = mikaela.post("/api/staff/authorisation-orders", body).await;
        assert_eq!(
            (res.status, res.code(), res.json["field"].as_str()),
            (400, "invalid_authorisation_order", Some(field)),
            "{field}"
        );
    }
    assert_eq!(orders(&app), 0, "nothing was written");
    assert_eq!(app.count("SELECT COUNT(*) FROM email_outbox"), 0);
    // The DVV path for what the organisation lacks: 4–6 weeks.
    let missing = mikaela
        .post(
            "/api/staff/authorisation-orders",
            own_order("missing", &[KELA_MISSING]),
        )
        .await;
    assert_eq!(missing.status, 201);
    assert_eq!(
        (
            missing.json["expected_min_days"].as_i64(),
            missing.json["expected_max_days"].as_i64()
        ),
        (Some(28), Some(42))
    );
    assert_eq!(missing.json["due_on"], "2027-01-02");
}

#[tokio::test]
async fn an_employee_orders_only_for_herself_and_a_supervisor_for_her_own_department() {
    let app = app();
    // Mikaela cannot order for Mikko, nor for herself in another department.
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let for_mikko = mikaela
        .post(
            "/api/staff/authorisation-orders",
            team_order("held", &[KELA_HELD]),
        )
        .await;
    assert_eq!((for_mikko.status, for_mikko.code()), (403, "not_your_team"));
    let mut elsewhere = own_order("held", &[KELA_HELD]);
    elsewhere["department"] = json!("talous-ja-hallinto");
    let refused = mikaela
        .post("/api/staff/authorisation-orders", elsewhere)
        .await;
    assert_eq!(refused.code(), "not_your_team");
    // Her supervisor Anna-Kaisa (social services) orders for Mikko in social services …
    let anna_kaisa = staff(&app, "esihenkilo").await;
    let catalogue = anna_kaisa.get("/api/staff/authorisations").await;
    assert_eq!(catalogue.json["orders_for_team"], true);
    let id = order(&anna_kaisa, team_order("held", &[KELA_HELD])).await;
    let view = anna_kaisa
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    assert_eq!(view.json["summary"]["orderer_name"], "Anna-Kaisa Lindholm");
    assert_eq!(view.json["needed_until"], "2027-12-31");
    // … but not for an employee of finance.
    let mut finance = team_order("held", &[KELA_HELD]);
    finance["department"] = json!("talous-ja-hallinto");
    let refused = anna_kaisa
        .post("/api/staff/authorisation-orders", finance)
        .await;
    assert_eq!(refused.code(), "not_your_team");
    assert_eq!(orders(&app), 1);
    // Helsinki's staff have no such department in their lists.
    let sanna = staff(&app, "helsinki-esihenkilo").await;
    let refused = sanna
        .post(
            "/api/staff/authorisation-orders",
            team_order("held", &[KELA_HELD]),
        )
        .await;
    assert_eq!(refused.json["field"], "department");
    // Nor do they read Itä-Uusimaa's orders.
    let tomas = staff(&app, "helsinki-valtuushallinnoija").await;
    let theirs = tomas
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    assert_eq!(theirs.status, 404);
    let queue = tomas.get("/api/staff/authorisation-orders/queue").await;
    assert_eq!(queue.json, json!([]));
}

#[tokio::test]
async fn a_department_the_organisers_list_does_not_know_does_not_keep_an_employee_from_ordering() {
    let app = app();
    // Mikaela's login names a department the county's list does not have.
    app.identification()
        .tamper
        .lock()
        .unwrap()
        .push(("department".to_owned(), json!("lakkautettu-yksikko")));
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let catalogue = mikaela.get("/api/staff/authorisations").await;
    assert_eq!(catalogue.json["my_department"], json!(null));
    let sent = mikaela
        .post(
            "/api/staff/authorisation-orders",
            own_order("held", &[KELA_HELD]),
        )
        .await;
    assert_eq!(sent.status, 201, "{}", sent.json);
}
