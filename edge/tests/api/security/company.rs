//! Findings 2 and 3: a company session does not outlive the right (its approvals, its 30
//! minutes, complete roles, price roles), and the voucher-number guard.

use crate::helpers::{Session, ValtuudetMock};
use crate::producer::{agent_for, app, company, key, number};
use seteli_edge::http::Method;

#[tokio::test]
async fn a_company_whose_approvals_are_withdrawn_reaches_no_customer_at_once() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 200);
    assert_eq!(agent.get("/api/producer/home").await.status, 200);

    app.sql("UPDATE approvals SET status = 'withdrawn' WHERE producer_id = 1;");

    for (method, path, body) in producer_requests() {
        let res = send(&agent, method, path, &body).await;
        assert_eq!(res.status, 403, "{path}: {:?}", res.json);
        assert_eq!(res.code(), "producer_not_approved", "{path}");
        assert!(!res.json.to_string().contains("Kinnunen"), "{path}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM service_events"), 0);
    // The person is still logged in and may choose again.
    assert_eq!(agent.get("/api/auth/me").await.status, 200);
}

#[tokio::test]
async fn a_company_choice_lasts_thirty_minutes_and_is_made_again_through_valtuudet() {
    let mut app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
    let session = agent.id();

    // Requests within the half hour keep the session alive, but not the company choice.
    for _ in 0..3 {
        app.advance(9 * 60);
        let agent = Session::with_id(&app, &session);
        assert_eq!(agent.get("/api/producer/home").await.status, 200);
    }
    app.advance(4 * 60);
    let agent = Session::with_id(&app, &session);
    let expired = agent.get("/api/producer/home").await;
    assert_eq!(expired.status, 409, "{:?}", expired.json);
    assert_eq!(expired.code(), "company_choice_expired");
    // The person is themselves again; choosing the company again restores the pages.
    let me = agent.get("/api/auth/me").await;
    assert_eq!(me.status, 200);
    assert!(me.json["acting_for_company"].is_null());
    assert_eq!(
        agent.act_for_company(company("Aurinko")).await,
        "/producer?lang=en"
    );
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
}

#[tokio::test]
async fn roles_that_valtuudet_says_are_incomplete_grant_nothing() {
    let app = app();
    let mut register = ValtuudetMock::default_register();
    for org in register["organisations"].as_array_mut().unwrap() {
        if org["business_id"] == company("Aurinko").code() {
            org["complete"] = serde_json::json!(false);
        }
    }
    app.valtuudet().seed(&register).await;

    let (agent, landed) = agent_for(&app, "Karl-Johan", "Aurinko").await;

    assert_eq!(
        landed,
        "/on-behalf?refused=no_company_role&for=company&lang=en"
    );
    assert_eq!(agent.get("/api/producer/home").await.status, 403);
}

#[tokio::test]
async fn a_board_member_logs_visits_but_does_not_set_prices() {
    let app = app();
    let (anni, _) = agent_for(&app, "Anni", "Rova").await;
    assert_eq!(anni.get("/api/producer/home").await.status, 200);
    let price = serde_json::json!({"municipality_code": "638", "service_code": "home-care",
        "valid_from": "2026-12-01", "price_cents": 3900});

    let refused = anni.post("/api/producer/prices", price.clone()).await;

    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_price_role");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM offers WHERE valid_from = '2026-12-01'"),
        0
    );
    // The signatory of Aurinko may.
    let (mikko, _) = agent_for(&app, "Mikko", "Aurinko").await;
    assert_eq!(mikko.post("/api/producer/prices", price).await.status, 201);
}

#[tokio::test]
async fn thirty_wrong_numbers_get_five_answers_before_the_limit() {
    // In-process requests run one after another; the same limit under truly parallel
    // requests is checked over HTTP against wrangler (the browser suite's producer tests).
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let mut statuses = Vec::new();
    for i in 0..30 {
        statuses.push(agent.lookup(&number(48_299_000_000 + i)).await.status);
    }
    let not_found = statuses.iter().filter(|s| **s == 404).count();
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((not_found, limited), (5, 25));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM voucher_lookups WHERE found = 0"),
        5
    );
}

/// Every producer route with a body that would pass its checks.
fn producer_requests() -> Vec<(Method, &'static str, serde_json::Value)> {
    vec![
        (Method::Get, "/api/producer/home", serde_json::Value::Null),
        (Method::Get, "/api/producer/prices", serde_json::Value::Null),
        (
            Method::Get,
            "/api/producer/feedback",
            serde_json::Value::Null,
        ),
        (
            Method::Get,
            "/api/producer/vouchers/10",
            serde_json::Value::Null,
        ),
        (
            Method::Post,
            "/api/producer/vouchers/lookup",
            serde_json::json!({"number": number(48_200_000_010)}),
        ),
        (
            Method::Post,
            "/api/producer/events",
            serde_json::json!({"voucher_id": 10, "idempotency_key": key(9),
                "service_date": "2026-11-20", "units_x100": 100, "description": "Käynti"}),
        ),
        (
            Method::Post,
            "/api/producer/prices",
            serde_json::json!({"municipality_code": "638", "service_code": "home-care",
                "valid_from": "2026-12-01", "price_cents": 3900}),
        ),
    ]
}

async fn send(
    agent: &Session<'_>,
    method: Method,
    path: &str,
    body: &serde_json::Value,
) -> crate::helpers::TestResponse {
    match method {
        Method::Get => agent.get(path).await,
        _ => agent.post(path, body.clone()).await,
    }
}
