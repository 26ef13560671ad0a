//! Choosing the company at Valtuudet (and the refusals), the producer's home, and
//! that the producer routes need a company and one producer never sees another's customers.

use super::{agent_for, app, key, logged_visit, person};
use crate::helpers::{assert_method_not_allowed, Session};

#[tokio::test]
async fn a_managing_director_acts_for_the_company_and_sees_its_home() {
    let app = app();
    let (agent, landed) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    assert_eq!(landed, "/producer?lang=en");
    let me = agent.get("/api/auth/me").await.json;
    assert_eq!(me["acting_for_company"]["name"], "Hoivapalvelu Aurinko Oy");
    assert_eq!(me["acting_for_company"]["roles"], serde_json::json!(["PJ"]));
    let home = agent.get("/api/producer/home").await;
    assert_eq!(home.status, 200);
    assert_eq!(home.json["services"][0]["service_code"], "home-care");
    assert_eq!(home.json["services"][0]["price_cents"], 3600);
    assert!(home.json["vouchers"].as_array().unwrap().is_empty());
    // A company has no vouchers of its own; going back to oneself ends the company.
    assert_eq!(agent.get("/api/citizen/vouchers").await.status, 403);
    assert_eq!(agent.stop_acting().await.status, 204);
    assert_eq!(agent.get("/api/producer/home").await.status, 403);
}

#[tokio::test]
async fn a_role_that_may_not_act_is_refused_and_a_new_company_may_only_apply() {
    let app = app();
    let (anni, landed) = agent_for(&app, "Anni", "Aurinko").await;
    assert_eq!(
        landed,
        "/on-behalf?refused=no_company_role&for=company&lang=en"
    );
    assert_eq!(anni.get("/api/producer/home").await.status, 403);
    // A company new to Seteli may act for itself, to apply and for nothing else.
    let (mikko, landed) = agent_for(&app, "Mikko", "Laskuri").await;
    assert_eq!(landed, "/producer?lang=en");
    let home = mikko.get("/api/producer/home").await;
    assert_eq!((home.status, home.code()), (403, "producer_not_approved"));
    assert_eq!(mikko.get("/api/producer/prices").await.status, 403);
    let own = mikko.get("/api/producer/applications").await;
    assert_eq!(own.status, 200);
    assert_eq!(own.json["company_name"], "Tilitoimisto Laskuri Oy");
    assert!(own.json["applications"].as_array().unwrap().is_empty());
    // Nowhere in public: a company without an approval has no profile.
    let id = app.count("SELECT id FROM producers WHERE name = 'Tilitoimisto Laskuri Oy'");
    assert_eq!(
        app.get(&format!("/api/public/producers/{id}")).await.status,
        404
    );
    // A signatory (NIMKO) may.
    let (_, landed) = agent_for(&app, "Mikko", "Aurinko").await;
    assert_eq!(landed, "/producer?lang=en");
}

#[tokio::test]
async fn one_producer_never_sees_or_touches_anothers_customers() {
    let app = app();
    let (aurinko, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let event = logged_visit(&aurinko, 100).await;
    app.sql(
        "INSERT INTO feedback (id, customer_id, producer_id, voucher_id, body, created_at)
         VALUES (7, 1, 1, 10, 'Kiitos', '2026-11-20T10:00:00Z');",
    );

    let (rova, _) = agent_for(&app, "Karl-Johan", "Rova").await;
    assert_eq!(rova.get("/api/producer/vouchers/10").await.status, 404);
    assert_eq!(rova.log_event(10, &key(2), 100).await.status, 404);
    assert_eq!(rova.cancel_event(event).await.status, 404);
    assert_eq!(rova.reply(7, "Hei").await.status, 404);
    let home = rova.get("/api/producer/home").await.json;
    assert!(home["vouchers"].as_array().unwrap().is_empty());
    assert!(home["recent_events"].as_array().unwrap().is_empty());
    assert!(home["feedback_waiting"].as_array().unwrap().is_empty());
    assert_eq!(app.balance(10), 32000 - 3200);
}

#[tokio::test]
async fn the_producer_routes_need_a_company() {
    let app = app();
    for route in ["home", "prices", "feedback", "vouchers/10"] {
        let path = format!("/api/producer/{route}");
        assert_eq!(app.get(&path).await.status, 401, "{path}");
    }
    let eeva = Session::citizen(&app, person("Eeva-Liisa")).await;
    let citizen = eeva.get("/api/producer/home").await;
    assert_eq!(citizen.status, 403);
    assert_method_not_allowed(
        &app,
        &[
            "POST /api/producer/home -> GET, HEAD",
            "DELETE /api/producer/prices -> GET, HEAD, POST",
            "GET /api/producer/vouchers/lookup -> POST",
            "GET /api/producer/events -> POST",
            "GET /api/producer/events/1/cancel -> POST",
            "GET /api/producer/events/1/correct -> POST",
            "POST /api/producer/feedback -> GET, HEAD",
            "GET /api/producer/feedback/1/reply -> POST",
        ],
    )
    .await;
}
