//! The findings of the security review (issue 9), each pinned by a test that fails without
//! its fix: the open redirect, a company session outliving its approval or its 30 minutes,
//! incomplete roles, price roles, the voucher-number guard, prices by service date, the
//! correction window, session ids and cookies, keys from identity codes, ended vouchers,
//! reused idempotency keys, purging, cross-site starts, oversized bodies and HEAD.

use crate::helpers::{Client, TestApp};
use crate::producer::{
    app, balance, count, key, number, Agent, ANNI, AURINKO, EEVA_LIISA, KARL_JOHAN, MIKKO, ROVA,
};
use crate::valtuudet_mock::ValtuudetMock;
use proptest::prelude::*;
use seteli_edge::http::Method;
use seteli_edge::routes::auth::safe_return_to;

// --- 1. No open redirect -------------------------------------------------------------

#[test]
fn return_to_keeps_only_local_paths_of_safe_characters() {
    for good in ["/", "/omat", "/my/vouchers?lang=sv&x=1", "/a-b_c.d~e/%20f"] {
        assert_eq!(safe_return_to(Some(good)), good);
    }
    for bad in [
        "/\t/evil.example",
        "/\r\nSet-Cookie: x=1",
        "/\n/evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "//evil.example",
        "/a//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "/x:y",
        "evil.example",
        "/#fragment",
        "/ space",
        "/ääkköset",
        "",
    ] {
        assert_eq!(safe_return_to(Some(bad)), "/", "{bad:?}");
    }
    assert_eq!(safe_return_to(None), "/");
    assert_eq!(safe_return_to(Some(&format!("/{}", "a".repeat(600)))), "/");
}

#[tokio::test]
async fn a_login_with_a_tab_in_return_to_comes_back_to_the_front_page() {
    let app = TestApp::with_identification();
    for bad in [
        "/%09/evil.example",
        "/%0D%0A/evil.example",
        "/%5C/evil.example",
    ] {
        let res = app
            .login_at(
                &format!("/api/auth/login?return_to={bad}"),
                EEVA_LIISA,
                None,
            )
            .await;
        assert_eq!(res.status, 303, "{bad}: {:?}", res.json);
        assert_eq!(res.header("location"), Some("/"), "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn no_return_to_leads_to_another_origin(requested in "\\PC{0,40}|/[\\t\\r\\n\\\\/:@.a-z%0-9?#&=~_-]{0,30}") {
        let location = safe_return_to(Some(&requested));
        let base = url::Url::parse("https://seteli.example.fi/some/page").unwrap();
        let resolved = base.join(&location).expect("a Location a browser can follow");
        prop_assert_eq!(resolved.origin(), base.origin());
        prop_assert!(location.starts_with('/'));
        prop_assert!(!location.chars().any(|c| c.is_control() || c == '\\'));
    }
}

// --- 2. A company session does not outlive the right ----------------------------------

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
    agent: &Agent<'_>,
    method: Method,
    path: &str,
    body: &serde_json::Value,
) -> crate::helpers::TestResponse {
    match method {
        Method::Get => agent.get(path).await,
        _ => agent.post(path, body.clone()).await,
    }
}

#[tokio::test]
async fn a_company_whose_approvals_are_withdrawn_reaches_no_customer_at_once() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 200);
    assert_eq!(agent.get("/api/producer/home").await.status, 200);

    app.sql("UPDATE approvals SET status = 'withdrawn' WHERE producer_id = 1;");

    for (method, path, body) in producer_requests() {
        let res = send(&agent, method, path, &body).await;
        assert_eq!(res.status, 403, "{path}: {:?}", res.json);
        assert_eq!(res.code(), "producer_not_approved", "{path}");
        assert!(!res.json.to_string().contains("Kinnunen"), "{path}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_events"), 0);
    // The person is still logged in and may choose again.
    assert_eq!(agent.get("/api/auth/me").await.status, 200);
}

#[tokio::test]
async fn a_company_choice_lasts_thirty_minutes_and_is_made_again_through_valtuudet() {
    let mut app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
    let session = agent.session();

    // Requests within the half hour keep the session alive, but not the company choice.
    for _ in 0..3 {
        app.advance(9 * 60);
        let agent = Agent(Client::with_session(&app, &session));
        assert_eq!(agent.get("/api/producer/home").await.status, 200);
    }
    app.advance(4 * 60);
    let agent = Agent(Client::with_session(&app, &session));
    let expired = agent.get("/api/producer/home").await;
    assert_eq!(expired.status, 409, "{:?}", expired.json);
    assert_eq!(expired.code(), "company_choice_expired");
    // The person is themselves again; choosing the company again restores the pages.
    let me = agent.get("/api/auth/me").await;
    assert_eq!(me.status, 200);
    assert!(me.json["acting_for_company"].is_null());
    assert_eq!(agent.choose_again(AURINKO).await, "/producer?lang=en");
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
}

#[tokio::test]
async fn roles_that_valtuudet_says_are_incomplete_grant_nothing() {
    let app = app();
    let mut register = ValtuudetMock::default_register();
    for org in register["organisations"].as_array_mut().unwrap() {
        if org["business_id"] == AURINKO {
            org["complete"] = serde_json::json!(false);
        }
    }
    app.valtuudet().seed(&register).await;

    let (agent, landed) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;

    assert_eq!(
        landed,
        "/on-behalf?refused=no_company_role&for=company&lang=en"
    );
    assert_eq!(agent.get("/api/producer/home").await.status, 403);
}

#[tokio::test]
async fn a_board_member_logs_visits_but_does_not_set_prices() {
    let app = app();
    let (anni, _) = Agent::choose(&app, ANNI, ROVA).await;
    assert_eq!(anni.get("/api/producer/home").await.status, 200);
    let price = serde_json::json!({"municipality_code": "638", "service_code": "home-care",
        "valid_from": "2026-12-01", "price_cents": 3900});

    let refused = anni.post("/api/producer/prices", price.clone()).await;

    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_price_role");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM offers WHERE valid_from = '2026-12-01'"
        ),
        0
    );
    // The signatory of Aurinko may.
    let (mikko, _) = Agent::choose(&app, MIKKO, AURINKO).await;
    assert_eq!(mikko.post("/api/producer/prices", price).await.status, 201);
}

// --- 3. The voucher-number guard ----------------------------------------------------

#[tokio::test]
async fn thirty_wrong_numbers_get_five_answers_before_the_limit() {
    // In-process requests run one after another; the same limit under truly parallel
    // requests is checked over HTTP against wrangler (the browser suite's producer tests).
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    let mut statuses = Vec::new();
    for i in 0..30 {
        statuses.push(agent.lookup(&number(48_299_000_000 + i)).await.status);
    }
    let not_found = statuses.iter().filter(|s| **s == 404).count();
    let limited = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((not_found, limited), (5, 25));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM voucher_lookups WHERE found = 0"),
        5
    );
}

// --- 4. Prices by service date, windows from the original -----------------------------

#[tokio::test]
async fn an_event_is_priced_at_the_offer_valid_on_its_service_date() {
    let app = app();
    // Aurinko's price rose from 36 € to 40 € on 2026-11-15.
    app.price(1, "638", "home-care", "2026-11-15", 4000);
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    let visit = |key: String, date: &str| {
        serde_json::json!({"voucher_id": 10, "idempotency_key": key, "service_date": date,
            "units_x100": 100, "description": "Käynti"})
    };

    let before = agent
        .post("/api/producer/events", visit(key(1), "2026-11-10"))
        .await;
    let after = agent
        .post("/api/producer/events", visit(key(2), "2026-11-20"))
        .await;

    assert_eq!(before.status, 201, "{:?}", before.json);
    assert_eq!(before.json["unit_price_cents"], 3600);
    assert_eq!(before.json["own_share_cents"], 400);
    assert_eq!(after.json["unit_price_cents"], 4000);
    assert_eq!(after.json["own_share_cents"], 800);
    // A correction moved to the earlier date takes that date's price.
    let id = after.json["id"].as_i64().unwrap();
    let corrected = agent
        .post(
            &format!("/api/producer/events/{id}/correct"),
            serde_json::json!({"idempotency_key": key(3), "service_date": "2026-11-12",
                "units_x100": 100, "description": "Käynti, päivä korjattu"}),
        )
        .await;
    assert_eq!(corrected.json["unit_price_cents"], 3600);
}

#[tokio::test]
async fn correcting_a_correction_does_not_extend_the_fourteen_days() {
    let mut app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    let first = agent.log_event(10, &key(1), 100).await.json["id"]
        .as_i64()
        .unwrap();
    let session = agent.session();

    // Ten days later: corrected (inside the window).
    app.advance(10 * 24 * 3600);
    let agent = Agent(Client::login(&app, KARL_JOHAN).await);
    agent.choose_again(AURINKO).await;
    let correct = |id: i64, k: u32| {
        let agent = &agent;
        async move {
            agent
                .post(
                    &format!("/api/producer/events/{id}/correct"),
                    serde_json::json!({"idempotency_key": key(k), "service_date": "2026-11-20",
                        "units_x100": 150, "description": "Korjattu"}),
                )
                .await
        }
    };
    let second = correct(first, 2).await;
    assert_eq!(second.status, 201, "{:?}", second.json);
    let second = second.json["id"].as_i64().unwrap();
    let _ = session;
    drop(agent);

    // Fifteen days after the original: the correction is as locked as the original.
    app.advance(5 * 24 * 3600);
    let agent = Agent(Client::login(&app, KARL_JOHAN).await);
    agent.choose_again(AURINKO).await;
    let late = agent
        .post(
            &format!("/api/producer/events/{second}/correct"),
            serde_json::json!({"idempotency_key": key(3), "service_date": "2026-11-20",
                "units_x100": 100, "description": "Korjattu taas"}),
        )
        .await;
    assert_eq!(late.status, 409, "{:?}", late.json);
    assert_eq!(late.code(), "event_locked");
    let events = agent.get("/api/producer/vouchers/10").await.json["events"].clone();
    assert!(events
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["correctable"] == false));
}

// --- 6. Lesser findings ----------------------------------------------------------------

#[tokio::test]
async fn a_cross_site_link_cannot_start_a_new_choice() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    let cookie = format!("seteli_session={}", agent.session());

    for site in ["cross-site", "same-site"] {
        let res = app
            .request_with(
                Method::Get,
                "/api/on-behalf/start?for=child",
                &[("cookie", &cookie), ("sec-fetch-site", site)],
            )
            .await;
        assert_eq!(res.status, 403, "{site}");
        assert_eq!(res.code(), "cross_site_request");
    }
    // Still acting for the company.
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
    let own = app
        .request_with(
            Method::Get,
            "/api/on-behalf/start?for=child",
            &[("cookie", &cookie), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(own.status, 303);
}

#[tokio::test]
async fn a_body_announced_too_large_is_refused_before_it_is_read() {
    let app = app();
    let res = app
        .request_with(
            Method::Post,
            "/api/citizen/feedback",
            &[
                ("content-length", "70000"),
                ("content-type", "application/json"),
            ],
        )
        .await;
    assert_eq!(res.status, 413);
    assert_eq!(res.code(), "payload_too_large");
    assert!(seteli_edge::router::body_too_large(Some("65537")));
    assert!(!seteli_edge::router::body_too_large(Some("65536")));
    assert!(!seteli_edge::router::body_too_large(Some("not a number")));
    assert!(!seteli_edge::router::body_too_large(None));
}

#[tokio::test]
async fn choosing_a_person_ends_the_company_and_every_change_gives_a_new_session_id() {
    let app = app();
    app.registered_proxy(1, KARL_JOHAN);
    let karl = Agent(Client::login(&app, KARL_JOHAN).await);
    let mut seen = vec![karl.session()];
    karl.choose_again(AURINKO).await;
    seen.push(karl.session());

    let res = karl
        .post(
            "/api/on-behalf/registered",
            serde_json::json!({"customer_id": 1}),
        )
        .await;
    assert_eq!(res.status, 204);
    seen.push(karl.session());
    let me = karl.get("/api/auth/me").await.json;
    assert_eq!(me["acting_for"]["given_name"], "Eeva-Liisa");
    assert!(
        me["acting_for_company"].is_null(),
        "the company choice ended"
    );
    assert_eq!(karl.get("/api/producer/home").await.status, 403);

    karl.choose_again(AURINKO).await;
    seen.push(karl.session());
    let me = karl.get("/api/auth/me").await.json;
    assert!(me["acting_for"].is_null(), "the person choice ended");
    assert_eq!(me["acting_for_company"]["name"], "Hoivapalvelu Aurinko Oy");

    karl.post("/api/on-behalf/stop", serde_json::json!({}))
        .await;
    seen.push(karl.session());
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "a new id at every change");
    // Every earlier id is worth nothing now.
    for old in &seen[..seen.len() - 1] {
        assert_eq!(app.get_me(old).await.status, 401);
    }
    assert_eq!(app.get_me(&karl.session()).await.status, 200);
}

#[tokio::test]
async fn on_https_the_session_cookie_has_the_host_prefix() {
    let mut app = TestApp::with_identification();
    app.ctx.config.public_url = "https://seteli.example.fi".into();
    let res = app
        .request_with(Method::Get, "/api/auth/login?return_to=/omat", &[])
        .await;
    let login = res.set_cookies().join(" | ");
    assert!(login.starts_with("__Secure-seteli_login="), "{login}");
    assert!(login.contains("; Secure"), "{login}");
    // The callback's session cookie, read from the edge's own cookie helper.
    let cookie = seteli_edge::auth::session_set_cookie("https://seteli.example.fi", "abc");
    assert_eq!(
        cookie,
        "__Host-seteli_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure"
    );
    // A cookie without the prefix is not a session on https.
    let plain = app
        .request_with(
            Method::Get,
            "/api/auth/me",
            &[("cookie", "seteli_session=abc")],
        )
        .await;
    assert_eq!(plain.status, 401);
}

#[tokio::test]
async fn keys_from_identity_codes_are_keyed_hashes() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    agent.lookup(&number(48_299_000_000)).await;

    let bare = seteli_edge::crypto::sha256_hex(KARL_JOHAN);
    let keys =
        "(SELECT actor_key AS k FROM producer_log UNION ALL SELECT actor_key FROM voucher_lookups)";
    assert!(count(&app, &format!("SELECT COUNT(*) FROM {keys}")) >= 3);
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM {keys} WHERE length(k) <> 64 OR k = '{bare}'")
        ),
        0
    );
    // Without the secret nothing that needs such a key works; it is never a bare hash.
    let mut unkeyed = app;
    unkeyed.ctx.config.identity_key_secret = None;
    let (agent, _) = Agent::choose(&unkeyed, KARL_JOHAN, AURINKO).await;
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 500);
}

#[tokio::test]
async fn ended_or_cancelled_vouchers_cannot_be_linked() {
    let app = app();
    app.sql(
        "UPDATE vouchers SET status = 'cancelled' WHERE id = 10;
         UPDATE vouchers SET valid_until = '2026-11-20' WHERE id = 20;",
    );
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    for n in [48_200_000_010, 48_200_000_020] {
        let res = agent.lookup(&number(n)).await;
        assert_eq!(res.status, 404, "{n}");
        assert_eq!(res.code(), "voucher_number_not_found");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM producer_vouchers"), 0);
}

#[tokio::test]
async fn an_idempotency_key_reused_for_another_visit_is_refused() {
    let app = app();
    let (agent, _) = Agent::choose(&app, KARL_JOHAN, AURINKO).await;
    agent.lookup(&number(48_200_000_010)).await;
    assert_eq!(agent.log_event(10, &key(1), 100).await.status, 201);
    assert_eq!(
        agent.log_event(10, &key(1), 100).await.status,
        200,
        "a retry"
    );

    let other = agent.log_event(10, &key(1), 200).await;

    assert_eq!(other.status, 409);
    assert_eq!(other.code(), "idempotency_key_reused");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM service_events"), 1);
    assert_eq!(balance(&app, 10), 32000 - 3200);
}

#[tokio::test]
async fn expired_sessions_and_unfinished_logins_are_purged_by_the_schedule() {
    let mut app = TestApp::with_identification();
    let old = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    app.start_login().await;
    assert_eq!(count_sessions(&app), (1, 1));

    app.advance(31 * 60);
    seteli_edge::jobs::run_scheduled(&app.ctx.db, app.ctx.now.unix_timestamp())
        .await
        .unwrap();

    assert_eq!(count_sessions(&app), (0, 0));
    assert_eq!(app.get_me(&old).await.status, 401);
    // Running it twice changes nothing twice.
    seteli_edge::jobs::run_scheduled(&app.ctx.db, app.ctx.now.unix_timestamp())
        .await
        .unwrap();
}

fn count_sessions<H: seteli_edge::outbound::Outbound>(app: &TestApp<H>) -> (i64, i64) {
    (
        app.ctx.db.scalar("SELECT COUNT(*) FROM sessions").unwrap(),
        app.ctx
            .db
            .scalar("SELECT COUNT(*) FROM login_attempts")
            .unwrap(),
    )
}

#[tokio::test]
async fn head_is_answered_wherever_get_is() {
    let app = TestApp::new();
    app.approved_home_care(1, "Hoiva Oy", 3600);
    for path in [
        "/api/public/services",
        "/api/public/municipalities",
        "/api/public/offers?municipality=638&service=home-care",
        "/api/public/producers/1",
    ] {
        let get = app.request(Method::Get, path).await;
        let head = app.request(Method::Head, path).await;
        assert_eq!(head.status, 200, "{path}");
        assert_eq!(head.status, get.status, "{path}");
        assert!(head.json.is_null(), "no body: {path}");
        assert_eq!(head.header("content-type"), get.header("content-type"));
    }
    assert_eq!(app.request(Method::Head, "/api/auth/me").await.status, 401);
}

#[tokio::test]
async fn the_offline_queue_key_is_the_persons_own_in_every_session() {
    let app = TestApp::with_identification();
    let first = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let second = app
        .login_as(EEVA_LIISA, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let other = app
        .login_as(MIKKO, None)
        .await
        .cookie("seteli_session")
        .unwrap();
    let key_of =
        |me: crate::helpers::TestResponse| me.json["user_key"].as_str().unwrap().to_owned();

    let a = key_of(app.get_me(&first).await);
    let b = key_of(app.get_me(&second).await);
    let c = key_of(app.get_me(&other).await);

    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.len(), 32);
    assert!(!a.contains(EEVA_LIISA));
}
