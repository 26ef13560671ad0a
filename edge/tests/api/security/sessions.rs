//! Finding 6: Lesser findings about sessions and requests: cross-site starts, oversized bodies,
//! new session ids, the host-prefixed cookie, keyed hashes of identity codes, purging, HEAD
//! and the offline queue's key.

use crate::helpers::{Session, TestApp};
use crate::producer::{agent_for, app, company, number, person};
use seteli_edge::http::Method;
use seteli_edge::router::MAX_BODY_BYTES;

#[tokio::test]
async fn a_cross_site_link_cannot_start_a_new_choice() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    let agent = &agent;
    let start = |site: &'static str| async move {
        agent
            .send(
                Method::Get,
                "/api/on-behalf/start?for=child",
                &[("sec-fetch-site", site)],
            )
            .await
    };

    for site in ["cross-site", "same-site"] {
        let res = start(site).await;
        assert_eq!(res.status, 403, "{site}");
        assert_eq!(res.code(), "cross_site_request");
    }
    // Still acting for the company.
    assert_eq!(agent.get("/api/producer/home").await.status, 200);
    let own = start("same-origin").await;
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
    assert!(seteli_edge::router::body_too_large(
        Some("65537"),
        MAX_BODY_BYTES
    ));
    assert!(!seteli_edge::router::body_too_large(
        Some("65536"),
        MAX_BODY_BYTES
    ));
    assert!(!seteli_edge::router::body_too_large(
        Some("not a number"),
        MAX_BODY_BYTES
    ));
    assert!(!seteli_edge::router::body_too_large(None, MAX_BODY_BYTES));
}

#[tokio::test]
async fn choosing_a_person_ends_the_company_and_every_change_gives_a_new_session_id() {
    let app = app();
    app.registered_proxy(1, person("Karl-Johan"));
    let karl = Session::citizen(&app, person("Karl-Johan")).await;
    let mut seen = vec![karl.id()];
    karl.act_for_company(company("Aurinko")).await;
    seen.push(karl.id());

    let res = karl.act_for_registered(1).await;
    assert_eq!(res.status, 204);
    seen.push(karl.id());
    let me = karl.get("/api/auth/me").await.json;
    assert_eq!(me["acting_for"]["given_name"], "Eeva-Liisa");
    assert!(
        me["acting_for_company"].is_null(),
        "the company choice ended"
    );
    assert_eq!(karl.get("/api/producer/home").await.status, 403);

    karl.act_for_company(company("Aurinko")).await;
    seen.push(karl.id());
    let me = karl.get("/api/auth/me").await.json;
    assert!(me["acting_for"].is_null(), "the person choice ended");
    assert_eq!(me["acting_for_company"]["name"], "Hoivapalvelu Aurinko Oy");

    karl.stop_acting().await;
    seen.push(karl.id());
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "a new id at every change");
    // Every earlier id is worth nothing now.
    for old in &seen[..seen.len() - 1] {
        assert_eq!(app.get_me(old).await.status, 401);
    }
    assert_eq!(app.get_me(&karl.id()).await.status, 200);
}

#[tokio::test]
async fn on_https_the_session_cookie_has_the_host_prefix() {
    let mut app = TestApp::with_identification();
    app.ctx.config.public_url = "https://seteli.example.fi".into();
    let res = app.get("/api/auth/login?return_to=/omat").await;
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
        .get_with("/api/auth/me", &[("cookie", "seteli_session=abc")])
        .await;
    assert_eq!(plain.status, 401);
}

#[tokio::test]
async fn keys_from_identity_codes_are_keyed_hashes() {
    let app = app();
    let (agent, _) = agent_for(&app, "Karl-Johan", "Aurinko").await;
    agent.lookup(&number(48_200_000_010)).await;
    agent.lookup(&number(48_299_000_000)).await;

    let bare = seteli_edge::crypto::sha256_hex(person("Karl-Johan").code());
    let keys =
        "(SELECT actor_key AS k FROM producer_log UNION ALL SELECT actor_key FROM voucher_lookups)";
    assert!(app.count(&format!("SELECT COUNT(*) FROM {keys}")) >= 3);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM {keys} WHERE length(k) <> 64 OR k = '{bare}'"
        )),
        0
    );
    // Without the secret nothing that needs such a key works; it is never a bare hash.
    let mut unkeyed = app;
    unkeyed.ctx.config.identity_key_secret = None;
    let (agent, _) = agent_for(&unkeyed, "Karl-Johan", "Aurinko").await;
    assert_eq!(agent.lookup(&number(48_200_000_010)).await.status, 500);
}

#[tokio::test]
async fn expired_sessions_and_unfinished_logins_are_purged_by_the_schedule() {
    let mut app = TestApp::with_identification();
    let old = Session::citizen(&app, person("Eeva-Liisa")).await.id();
    app.start_login().await;
    assert_eq!(count_sessions(&app), (1, 1));

    app.advance(31 * 60);
    seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();

    assert_eq!(count_sessions(&app), (0, 0));
    assert_eq!(app.get_me(&old).await.status, 401);
    // Running it twice changes nothing twice.
    seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();
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
    let first = Session::citizen(&app, person("Eeva-Liisa")).await;
    let second = Session::citizen(&app, person("Eeva-Liisa")).await;
    let other = Session::citizen(&app, person("Mikko")).await;
    let key_of =
        |me: crate::helpers::TestResponse| me.json["user_key"].as_str().unwrap().to_owned();

    let a = key_of(app.get_me(&first.id()).await);
    let b = key_of(app.get_me(&second.id()).await);
    let c = key_of(app.get_me(&other.id()).await);

    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.len(), 32);
    assert!(!a.contains(person("Eeva-Liisa").code()));
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
