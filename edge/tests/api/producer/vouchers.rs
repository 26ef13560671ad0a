//! The voucher number and its guard, replies to feedback, and prices.

use super::{agent_for, app, number, person};
use crate::helpers::{Mocks, Session, TestApp};
use seteli_domain::voucher::VoucherNumber;

#[tokio::test]
async fn a_voucher_number_shows_what_the_service_needs_and_links_the_customer() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let spaced = VoucherNumber::from_body(48_200_000_010).unwrap().grouped();
    let found = agent.lookup(&spaced).await;
    assert_eq!(found.status, 200, "{:?}", found.json);
    assert_eq!(found.json["customer_given_name"], "Eeva-Liisa");
    assert_eq!(found.json["balance_cents"], 32000);
    assert_eq!(found.json["price_cents"], 3600);
    assert_eq!(found.json["valid_until"], "2026-12-31");
    assert!(
        !found.json.to_string().contains(person("Eeva-Liisa").code()),
        "never the identity code"
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM producer_vouchers WHERE producer_id = 1 AND voucher_id = 10"
        ),
        1
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM producer_log WHERE action = 'link_voucher' AND voucher_id = 10"
        ),
        1
    );
    assert_eq!(agent.get("/api/producer/vouchers/10").await.status, 200);
    assert_eq!(
        agent.get("/api/producer/home").await.json["vouchers"][0]["voucher_id"],
        10
    );
    // A service the producer is not approved for is not found, like a wrong number.
    assert_eq!(
        agent.lookup(&number(48_200_000_021)).await.code(),
        "voucher_number_not_found"
    );
}

#[tokio::test]
async fn wrong_voucher_numbers_are_slowed_down() {
    let mut app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    for i in 0..5u64 {
        let wrong = agent.lookup(&number(48_299_000_000 + i)).await;
        assert_eq!(wrong.status, 404);
        assert_eq!(wrong.code(), "voucher_number_not_found");
    }
    assert_eq!(agent.lookup("12").await.status, 429);
    // Even a right number waits until the window has passed.
    let blocked = agent.lookup(&number(48_200_000_010)).await;
    assert_eq!(blocked.status, 429);
    assert_eq!(blocked.code(), "too_many_attempts");
    assert_eq!(blocked.header("retry-after"), Some("900"));
    let cookie = agent.id();
    app.advance(15 * 60 + 1);
    let agent = Session::with_id(&app, &cookie);
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 200);
}

#[tokio::test]
async fn a_reply_reaches_the_customer_once() {
    let app = app();
    app.sql(
        "INSERT INTO feedback (id, customer_id, producer_id, voucher_id, body, created_at)
         VALUES (7, 1, 1, 10, 'Hoitaja oli myöhässä', '2026-11-20T10:00:00Z');",
    );
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let waiting = agent.get("/api/producer/home").await.json["feedback_waiting"].clone();
    assert_eq!(waiting[0]["id"], 7);
    assert_eq!(waiting[0]["customer_given_name"], "Eeva-Liisa");
    assert_eq!(agent.reply(7, "  ").await.code(), "invalid_reply");
    let replied = agent.reply(7, "Pahoittelemme, korjaamme aikataulun.").await;
    assert_eq!(replied.status, 201);
    assert_eq!(
        replied.json["reply"]["body"],
        "Pahoittelemme, korjaamme aikataulun."
    );
    assert_eq!(agent.reply(7, "Toinen").await.code(), "already_replied");
    let eeva = Session::citizen(&app, person("Eeva-Liisa")).await;
    let mine = eeva.get("/api/citizen/feedback").await;
    assert_eq!(
        mine.json[0]["reply"]["body"],
        "Pahoittelemme, korjaamme aikataulun."
    );
}

#[tokio::test]
async fn a_price_change_from_next_month_shows_publicly_from_that_day() {
    let mut app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let price = |valid_from: &str, cents: i64| {
        serde_json::json!({"municipality_code": "638", "service_code": "home-care",
            "valid_from": valid_from, "price_cents": cents})
    };
    assert_eq!(
        agent
            .post("/api/producer/prices", price("2026-11-21", 3900))
            .await
            .code(),
        "invalid_price",
        "not from today"
    );
    let other_service = serde_json::json!({"municipality_code": "638", "service_code": "cleaning",
        "valid_from": "2026-12-01", "price_cents": 3000});
    assert_eq!(
        agent
            .post("/api/producer/prices", other_service)
            .await
            .code(),
        "invalid_price"
    );
    let set = agent
        .post("/api/producer/prices", price("2026-12-01", 3900))
        .await;
    assert_eq!(set.status, 201, "{:?}", set.json);
    assert_eq!(set.json[0]["price_cents"], 3600);
    assert_eq!(set.json[0]["upcoming"][0]["price_cents"], 3900);

    assert_eq!(public_price(&app).await, 3600);
    app.advance(10 * 24 * 3600);
    assert_eq!(public_price(&app).await, 3900);
}

/// Producer 1's home-care price in Porvoo in the public comparison today.
async fn public_price(app: &TestApp<Mocks>) -> i64 {
    let res = app
        .get("/api/public/offers?municipality=638&service=home-care")
        .await;
    res.json["offers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["producer_id"] == 1)
        .unwrap()["price_cents"]
        .as_i64()
        .unwrap()
}
