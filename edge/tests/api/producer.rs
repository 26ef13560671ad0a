//! A producer's people at work, against the Valtuudet mock's `ypa` flow: choosing the
//! company (and the refusals), the voucher number and its guard, service events with their
//! balance, idempotency, concurrency, corrections and cancellations, prices, replies, and
//! that one producer never sees another's customers.

use crate::fake_provider::FakeProvider;
use crate::helpers::{Client, TestApp, TestResponse, PUBLIC_URL};
use seteli_domain::voucher::VoucherNumber;
use seteli_edge::http::Method;

pub const EEVA_LIISA: &str = "140334-912M";
pub const ANNI: &str = "220784-926C";
pub const MIKKO: &str = "091182-931V";
pub const KARL_JOHAN: &str = "280175-967D";
pub const AURINKO: &str = "2077474-0";
pub const ROVA: &str = "7019376-8";
pub const LASKURI: &str = "3141590-3";

pub fn number(body: u64) -> String {
    VoucherNumber::from_body(body).unwrap().as_str().to_owned()
}

/// Aurinko (producer 1) and Rova (producer 2) are approved for home care in Porvoo at 36 €
/// an hour. Eeva-Liisa's voucher 10 (32 € an hour, 320 € left) and Anni's voucher 20 are
/// home care in Porvoo; Anni's voucher 21 is cleaning, which neither producer offers.
pub fn app() -> TestApp<FakeProvider> {
    let app = TestApp::with_valtuudet();
    app.approved_home_care(1, "Hoivapalvelu Aurinko Oy", 3600);
    app.approved_home_care(2, "Rova Oy", 3600);
    app.sql(&format!(
        "UPDATE producers SET business_id = '{AURINKO}' WHERE id = 1;
         UPDATE producers SET business_id = '{ROVA}' WHERE id = 2;
         INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES
             (1, '{EEVA_LIISA}', 'Eeva-Liisa', 'Kinnunen', '638'), (2, '{ANNI}', 'Anni', 'Kumpulainen', '638');
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES
             (10, '{}', 1, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2026-01-01', '2026-12-31', 'active', '2026-01-01'),
             (20, '{}', 2, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2026-01-01', '2026-12-31', 'active', '2026-01-01'),
             (21, '{}', 2, '638', 'cleaning', 'hour', 2500, NULL, 50000, 50000, '2026-01-01', '2026-12-31', 'active', '2026-01-01');",
        number(48_200_000_010),
        number(48_200_000_020),
        number(48_200_000_021),
    ));
    app
}

/// A person's browser acting for a company.
pub struct Agent<'a>(pub Client<'a, FakeProvider>);

impl<'a> std::ops::Deref for Agent<'a> {
    type Target = Client<'a, FakeProvider>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> Agent<'a> {
    /// Logs in as `hetu` and picks `company` on the `ypa` selection page; where Seteli
    /// then sends the browser.
    pub async fn choose(
        app: &'a TestApp<FakeProvider>,
        hetu: &str,
        company: &str,
    ) -> (Agent<'a>, String) {
        let agent = Agent(Client::login(app, hetu).await);
        let landed = agent.choose_again(company).await;
        (agent, landed)
    }

    /// Picks `company` on the `ypa` selection page (again); where Seteli sends the browser.
    pub async fn choose_again(&self, company: &str) -> String {
        let start = self.get("/api/on-behalf/start?for=company&lang=en").await;
        assert_eq!(start.status, 303);
        let selection = start.header("location").unwrap().to_owned();
        let back = self
            .app
            .valtuudet()
            .pick(&selection, ("principal", company))
            .await;
        let res = self.get(back.strip_prefix(PUBLIC_URL).unwrap()).await;
        assert_eq!(res.status, 303);
        res.header("location").unwrap().to_owned()
    }

    pub async fn lookup(&self, number: &str) -> TestResponse {
        self.post(
            "/api/producer/vouchers/lookup",
            serde_json::json!({ "number": number }),
        )
        .await
    }

    pub async fn log_event(&self, voucher: i64, key: &str, units_x100: i64) -> TestResponse {
        self.post(
            "/api/producer/events",
            serde_json::json!({"voucher_id": voucher, "idempotency_key": key,
                "service_date": "2026-11-20", "units_x100": units_x100, "description": "Aamukäynti"}),
        )
        .await
    }
}

pub fn balance(app: &TestApp<FakeProvider>, voucher: i64) -> i64 {
    app.ctx
        .db
        .scalar(&format!(
            "SELECT balance_cents FROM vouchers WHERE id = {voucher}"
        ))
        .unwrap()
}

pub fn count(app: &TestApp<FakeProvider>, sql: &str) -> i64 {
    app.ctx.db.scalar(sql).unwrap()
}

pub fn key(i: u32) -> String {
    format!("0b7c6c1e-2f43-4d5b-9b1a-{i:012}")
}

#[tokio::test]
async fn a_managing_director_acts_for_the_company_and_sees_its_home() {
    let app = app();
    let (agent, landed) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
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
    assert_eq!(
        agent
            .post("/api/on-behalf/stop", serde_json::json!({}))
            .await
            .status,
        204
    );
    assert_eq!(agent.get("/api/producer/home").await.status, 403);
}

#[tokio::test]
async fn a_role_that_may_not_act_or_a_company_that_is_no_producer_is_refused() {
    let app = app();
    let (anni, landed) = Agent::choose(&app, ANNI, AURINKO).await;
    assert_eq!(
        landed,
        "/on-behalf?refused=no_company_role&for=company&lang=en"
    );
    assert_eq!(anni.get("/api/producer/home").await.status, 403);
    let (mikko, landed) = Agent::choose(&app, MIKKO, LASKURI).await;
    assert_eq!(
        landed,
        "/on-behalf?refused=not_a_producer&for=company&lang=en"
    );
    assert_eq!(mikko.get("/api/producer/home").await.status, 403);
    // A signatory (NIMKO) may.
    let (_, landed) = Agent::choose(&app, MIKKO, AURINKO).await;
    assert_eq!(landed, "/producer?lang=en");
}

#[tokio::test]
async fn a_voucher_number_shows_what_the_service_needs_and_links_the_customer() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    let spaced = VoucherNumber::from_body(48_200_000_010).unwrap().grouped();
    let found = agent.lookup(&spaced).await;
    assert_eq!(found.status, 200, "{:?}", found.json);
    assert_eq!(found.json["customer_given_name"], "Eeva-Liisa");
    assert_eq!(found.json["balance_cents"], 32000);
    assert_eq!(found.json["price_cents"], 3600);
    assert_eq!(found.json["valid_until"], "2026-12-31");
    assert!(
        !found.json.to_string().contains(EEVA_LIISA),
        "never the identity code"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM producer_vouchers WHERE producer_id = 1 AND voucher_id = 10"
        ),
        1
    );
    assert_eq!(
        count(
            &app,
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
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
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
    let cookie = agent.session();
    app.advance(15 * 60 + 1);
    let agent = Agent(Client::with_session(&app, &cookie));
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 200);
}

#[tokio::test]
async fn an_event_lowers_the_balance_once_even_when_retried() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    // Not linked yet: like any voucher that is not the producer's.
    assert_eq!(agent.log_event(10, &key(1), 150).await.status, 404);
    agent.lookup(&number(48_200_000_010)).await;

    let first = agent.log_event(10, &key(1), 150).await;
    assert_eq!(first.status, 201, "{:?}", first.json);
    // 1.5 h at 36 €: the voucher pays 1.5 × 32 €, the customer the rest.
    assert_eq!(first.json["voucher_share_cents"], 4800);
    assert_eq!(first.json["own_share_cents"], 600);
    assert_eq!(first.json["correctable"], true);
    assert_eq!(first.json["unit"], "hour");
    assert_eq!(balance(&app, 10), 32000 - 4800);

    let retry = agent.log_event(10, &key(1), 150).await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json["id"], first.json["id"]);
    assert_eq!(balance(&app, 10), 32000 - 4800);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_events"), 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM producer_log WHERE action = 'log_event'"
        ),
        1
    );

    // The customer sees it among the voucher's events.
    let eeva = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let seen = app
        .request_with(
            Method::Get,
            "/api/citizen/vouchers/10",
            &[("cookie", &format!("seteli_session={eeva}"))],
        )
        .await;
    assert_eq!(seen.json["events"][0]["description"], "Aamukäynti");
    assert_eq!(seen.json["voucher"]["balance_cents"], 32000 - 4800);
}

#[tokio::test]
async fn events_out_of_bounds_are_refused_and_change_nothing() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    for (date, units) in [
        ("2026-11-22", 100),
        ("2025-12-31", 100),
        ("2026-11-20", 0),
        ("2026-11-20", 2401),
    ] {
        let res = agent
            .post(
                "/api/producer/events",
                serde_json::json!({"voucher_id": 10, "idempotency_key": key(9), "service_date": date,
                    "units_x100": units, "description": "x"}),
            )
            .await;
        assert_eq!(res.code(), "invalid_event", "{date} {units}");
    }
    // More than the balance: 10 h are 320 €, 10.01 h are not covered.
    assert_eq!(
        agent.log_event(10, &key(2), 1001).await.code(),
        "insufficient_balance"
    );
    assert_eq!(balance(&app, 10), 32000);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_events"), 0);
    assert_eq!(agent.log_event(10, &key(3), 1000).await.status, 201);
    assert_eq!(balance(&app, 10), 0);
}

#[tokio::test]
async fn fifty_parallel_submissions_never_overdraw_the_balance() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    // 50 events of 1 h (32 € from the voucher each) against 320 €, each sent twice.
    let keys: Vec<String> = (0..50).map(key).collect();
    let sends = keys
        .iter()
        .chain(keys.iter())
        .map(|k| agent.log_event(10, k, 100));
    let results = futures_join_all(sends).await;
    let created = results.iter().filter(|r| r.status == 201).count();
    let refused = results.iter().filter(|r| r.status == 409).count();
    assert_eq!(created, 10, "exactly what the balance covers");
    assert_eq!(
        created + refused + results.iter().filter(|r| r.status == 200).count(),
        100
    );
    assert_eq!(balance(&app, 10), 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_events"), 10);
    assert_eq!(
        count(&app, "SELECT COALESCE(SUM(voucher_share_cents), 0) FROM service_events WHERE voucher_id = 10"),
        32000
    );
}

/// Polls every future in turn until all are done (the edge's futures are not `Send`).
async fn futures_join_all<F: std::future::Future<Output = TestResponse>>(
    futures: impl Iterator<Item = F>,
) -> Vec<TestResponse> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut results: Vec<Option<TestResponse>> = pinned.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, result) in pinned.iter_mut().zip(results.iter_mut()) {
            if result.is_none() {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(r) => *result = Some(r),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

#[tokio::test]
async fn an_event_is_corrected_or_cancelled_within_fourteen_days_keeping_the_original() {
    let mut app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    let first = agent.log_event(10, &key(1), 200).await.json;
    let id = first["id"].as_i64().unwrap();
    assert_eq!(balance(&app, 10), 32000 - 6400);

    let corrected = agent
        .post(
            &format!("/api/producer/events/{id}/correct"),
            serde_json::json!({"idempotency_key": key(2), "service_date": "2026-11-20",
                "units_x100": 100, "description": "Aamukäynti, korjattu"}),
        )
        .await;
    assert_eq!(corrected.status, 201, "{:?}", corrected.json);
    assert_eq!(corrected.json["corrects"], id);
    assert_eq!(balance(&app, 10), 32000 - 3200);
    let detail = agent.get("/api/producer/vouchers/10").await.json;
    let statuses: Vec<&str> = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["recorded", "cancelled"], "the original is kept");
    // The original cannot be corrected or cancelled again.
    let again = agent
        .post(
            &format!("/api/producer/events/{id}/cancel"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(again.code(), "event_locked");
    assert_eq!(balance(&app, 10), 32000 - 3200);

    let new_id = corrected.json["id"].as_i64().unwrap();
    app.advance(15 * 24 * 3600);
    // A new day, a new login.
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    let late = agent
        .post(
            &format!("/api/producer/events/{new_id}/cancel"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(late.status, 409);
    assert_eq!(late.code(), "event_locked");
}

#[tokio::test]
async fn a_cancelled_event_returns_its_share() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    let id = agent.log_event(10, &key(1), 100).await.json["id"]
        .as_i64()
        .unwrap();
    let cancelled = agent
        .post(
            &format!("/api/producer/events/{id}/cancel"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(cancelled.status, 200);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert_eq!(balance(&app, 10), 32000);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM producer_log WHERE action = 'cancel_event'"
        ),
        1
    );
}

#[tokio::test]
async fn one_producer_never_sees_or_touches_anothers_customers() {
    let app = app();
    let (aurinko, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    aurinko.lookup(&number(48_200_000_010)).await;
    let event = aurinko.log_event(10, &key(1), 100).await.json["id"]
        .as_i64()
        .unwrap();
    app.sql(
        "INSERT INTO feedback (id, customer_id, producer_id, voucher_id, body, created_at)
         VALUES (7, 1, 1, 10, 'Kiitos', '2026-11-20T10:00:00Z');",
    );

    let (rova, _) = Agent::choose(&app, KARL_JOHAN, ROVA).await;
    assert_eq!(rova.get("/api/producer/vouchers/10").await.status, 404);
    assert_eq!(rova.log_event(10, &key(2), 100).await.status, 404);
    assert_eq!(
        rova.post(
            &format!("/api/producer/events/{event}/cancel"),
            serde_json::json!({})
        )
        .await
        .status,
        404
    );
    assert_eq!(
        rova.post(
            "/api/producer/feedback/7/reply",
            serde_json::json!({"body": "Hei"})
        )
        .await
        .status,
        404
    );
    let home = rova.get("/api/producer/home").await.json;
    assert!(home["vouchers"].as_array().unwrap().is_empty());
    assert!(home["recent_events"].as_array().unwrap().is_empty());
    assert!(home["feedback_waiting"].as_array().unwrap().is_empty());
    assert_eq!(balance(&app, 10), 32000 - 3200);
}

#[tokio::test]
async fn a_reply_reaches_the_customer_once() {
    let app = app();
    app.sql(
        "INSERT INTO feedback (id, customer_id, producer_id, voucher_id, body, created_at)
         VALUES (7, 1, 1, 10, 'Hoitaja oli myöhässä', '2026-11-20T10:00:00Z');",
    );
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    let waiting = agent.get("/api/producer/home").await.json["feedback_waiting"].clone();
    assert_eq!(waiting[0]["id"], 7);
    assert_eq!(waiting[0]["customer_given_name"], "Eeva-Liisa");
    assert_eq!(
        agent
            .post(
                "/api/producer/feedback/7/reply",
                serde_json::json!({"body": "  "})
            )
            .await
            .code(),
        "invalid_reply"
    );
    let replied = agent
        .post(
            "/api/producer/feedback/7/reply",
            serde_json::json!({"body": "Pahoittelemme, korjaamme aikataulun."}),
        )
        .await;
    assert_eq!(replied.status, 201);
    assert_eq!(
        replied.json["reply"]["body"],
        "Pahoittelemme, korjaamme aikataulun."
    );
    assert_eq!(
        agent
            .post(
                "/api/producer/feedback/7/reply",
                serde_json::json!({"body": "Toinen"})
            )
            .await
            .code(),
        "already_replied"
    );
    let eeva = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let mine = app
        .request_with(
            Method::Get,
            "/api/citizen/feedback",
            &[("cookie", &format!("seteli_session={eeva}"))],
        )
        .await;
    assert_eq!(
        mine.json[0]["reply"]["body"],
        "Pahoittelemme, korjaamme aikataulun."
    );
}

#[tokio::test]
async fn a_price_change_from_next_month_shows_publicly_from_that_day() {
    let mut app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
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
async fn public_price(app: &TestApp<FakeProvider>) -> i64 {
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

#[tokio::test]
async fn the_producer_routes_need_a_company() {
    let app = app();
    for path in [
        "/api/producer/home",
        "/api/producer/prices",
        "/api/producer/feedback",
        "/api/producer/vouchers/10",
    ] {
        assert_eq!(app.get(path).await.status, 401, "{path}");
    }
    let eeva = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let citizen = app
        .request_with(
            Method::Get,
            "/api/producer/home",
            &[("cookie", &format!("seteli_session={eeva}"))],
        )
        .await;
    assert_eq!(citizen.status, 403);
    for (method, path, allow) in [
        (Method::Post, "/api/producer/home", "GET, HEAD"),
        (Method::Delete, "/api/producer/prices", "GET, HEAD, POST"),
        (Method::Get, "/api/producer/vouchers/lookup", "POST"),
        (Method::Get, "/api/producer/events", "POST"),
        (Method::Get, "/api/producer/events/1/cancel", "POST"),
        (Method::Get, "/api/producer/events/1/correct", "POST"),
        (Method::Post, "/api/producer/feedback", "GET, HEAD"),
        (Method::Get, "/api/producer/feedback/1/reply", "POST"),
    ] {
        let res = app
            .request_with(method, path, &[("origin", PUBLIC_URL)])
            .await;
        assert_eq!(res.status, 405, "{path}");
        assert_eq!(res.header("allow"), Some(allow), "{path}");
    }
}
