//! Public answers from the edge cache: the same answer for a minute, then the new data; one
//! entry per language; nothing personal kept.

use crate::helpers::TestApp;
use seteli_edge::http::{ApiRequest, ApiResponse, Method};
use seteli_edge::public_cache::{MemoryCache, PUBLIC_MAX_AGE_SECS};
use seteli_edge::router::handle_cached;

const OFFERS: &str = "/api/public/offers?municipality=638&service=home-care";

async fn get(
    app: &TestApp,
    cache: &MemoryCache,
    path: &str,
    headers: &[(&str, &str)],
) -> ApiResponse {
    let mut req = ApiRequest::new(Method::Get, path).expect("a valid test path");
    req.headers = headers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    handle_cached(&req, &app.ctx, cache).await
}

fn price_of_first(answer: &ApiResponse) -> i64 {
    let json: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    json["offers"][0]["price_cents"].as_i64().expect("a price")
}

#[tokio::test]
async fn a_price_change_shows_in_the_comparison_within_the_cache_lifetime() {
    let mut app = TestApp::new();
    let cache = MemoryCache::default();
    app.approved_home_care(1, "Välimuisti Oy", 3000);

    let first = get(&app, &cache, OFFERS, &[]).await;
    assert_eq!(first.header("x-seteli-cache"), Some("miss"));
    assert_eq!(price_of_first(&first), 3000);
    assert_eq!(first.header("cache-control"), Some("public, max-age=60"));

    // The price changes in the database; the edge answers from its cache until the minute
    // has passed, the same answer, with the same headers.
    app.ctx
        .db
        .execute_script("UPDATE offers SET price_cents = 3300 WHERE producer_id = 1;")
        .expect("new price");
    app.ctx.now += time::Duration::seconds(PUBLIC_MAX_AGE_SECS - 1);
    let cached = get(&app, &cache, OFFERS, &[]).await;
    assert_eq!(cached.header("x-seteli-cache"), Some("hit"));
    assert_eq!(cached.body, first.body);
    assert_eq!(cached.header("cache-control"), Some("public, max-age=60"));
    assert_eq!(cached.header("content-type"), first.header("content-type"));
    assert_eq!(
        cached.header("content-security-policy"),
        first.header("content-security-policy")
    );

    app.ctx.now += time::Duration::seconds(1);
    let fresh = get(&app, &cache, OFFERS, &[]).await;
    assert_eq!(fresh.header("x-seteli-cache"), Some("miss"));
    assert_eq!(price_of_first(&fresh), 3300);
}

#[tokio::test]
async fn each_language_is_its_own_entry_however_it_is_asked_for() {
    let app = TestApp::new();
    let cache = MemoryCache::default();
    app.approved_home_care(1, "Kieli Oy", 3000);
    let services = "/api/public/services";

    let finnish = get(&app, &cache, services, &[]).await;
    let swedish = get(&app, &cache, services, &[("accept-language", "sv-FI")]).await;
    assert_eq!(swedish.header("x-seteli-cache"), Some("miss"));
    assert_ne!(finnish.body, swedish.body);
    assert!(swedish.body.contains("Hemvård"));
    // The same language by parameter is the same entry.
    let by_parameter = get(&app, &cache, &format!("{services}?lang=sv"), &[]).await;
    assert_eq!(by_parameter.header("x-seteli-cache"), Some("hit"));
    assert_eq!(by_parameter.body, swedish.body);
}

#[tokio::test]
async fn refusals_and_personal_answers_are_never_kept() {
    let app = TestApp::new();
    let cache = MemoryCache::default();
    for _ in 0..2 {
        let refused = get(&app, &cache, "/api/public/offers?municipality=638", &[]).await;
        assert_eq!(refused.status, 400);
        assert_eq!(refused.header("x-seteli-cache"), Some("miss"));
        let personal = get(&app, &cache, "/api/citizen/vouchers", &[]).await;
        assert_eq!(personal.status, 401);
        assert_eq!(personal.header("x-seteli-cache"), None);
    }
}
