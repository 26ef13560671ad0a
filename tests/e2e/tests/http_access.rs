//! The route table over HTTP against wrangler and D1: a sample of the access matrix (every
//! route as a visitor), `HEAD`, a body over the limit, and the scheduled jobs. The
//! whole matrix runs in-process in the API tests; this proves the Worker answers the same.

use seteli_domain::permissions::Action;
use seteli_domain::routes::{Access, RouteMethod, ROUTES};
use seteli_e2e::*;

/// A path for the route's sample request (placeholders filled with demo data's ids).
fn sample_path(path: &str) -> String {
    match path {
        "/api/public/offers" => "/api/public/offers?municipality=638&service=home-care".into(),
        other => other.replace("{id}", "1"),
    }
}

#[tokio::test]
async fn every_route_answers_a_visitor_over_http_as_the_table_says() {
    let origin = base_url();
    let mut mismatches = Vec::new();
    for route in ROUTES {
        let path = sample_path(route.path);
        let expected = match (route.access, route.path) {
            (Access::Requires(Action::ViewPublicCatalogue), _) => 200,
            (Access::Requires(_), _) => 401,
            // Page loads send a visitor to a page that explains.
            (Access::PageLoad(_), _) => 303,
            (Access::Open, "/api/auth/logout") => 204,
            (Access::Open, _) => 303,
        };
        let answer = match route.method {
            RouteMethod::Get => http(&format!("GET {path} HTTP/1.1"), "").await,
            RouteMethod::Post => {
                http(
                    &format!(
                        "POST {path} HTTP/1.1\r\nOrigin: {origin}\r\nContent-Type: application/json\r\nContent-Length: 2"
                    ),
                    "{}",
                )
                .await
            }
        };
        if answer.status != expected {
            mismatches.push(format!(
                "{} {path}: {} (expected {expected}) {}",
                route.method.as_str(),
                answer.status,
                answer.body
            ));
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}

#[tokio::test]
async fn head_is_answered_like_get_without_a_body() {
    let get = http("GET /api/public/services HTTP/1.1", "").await;
    let head = http("HEAD /api/public/services HTTP/1.1", "").await;
    assert_eq!(get.status, 200);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "{}", head.body);
    assert_eq!(head.header("content-type"), get.header("content-type"));
    let wrong = http(
        &format!(
            "DELETE /api/public/services HTTP/1.1\r\nOrigin: {}",
            base_url()
        ),
        "",
    )
    .await;
    assert_eq!(wrong.status, 405);
    assert_eq!(wrong.header("allow"), Some("GET, HEAD"));
}

#[tokio::test]
async fn a_body_over_64_kib_is_refused_over_http() {
    // wrangler's local proxy takes in the whole body before the Worker sees the request, so
    // that the Worker answers from `Content-Length` without reading the body is shown by the
    // in-process API tests; here, that the Worker's own path refuses it.
    let body = format!("{{\"body\": \"{}\"}}", "a".repeat(200 * 1024));
    let answer = http(
        &format!(
            "POST /api/citizen/feedback HTTP/1.1\r\nOrigin: {}\r\nContent-Type: application/json\r\nContent-Length: {}",
            base_url(),
            body.len()
        ),
        &body,
    )
    .await;
    assert_eq!(answer.status, 413, "{}", answer.body);
    assert!(answer.body.contains("payload_too_large"));
}

#[tokio::test]
async fn the_scheduled_jobs_run_under_wrangler() {
    // `wrangler dev --test-scheduled` runs the Cron Trigger's handler on request; a failing
    // job would answer 500.
    let answer = http("GET /__scheduled?cron=*/15+*+*+*+* HTTP/1.1", "").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    // Wrangler's own answer, not the single-page app's page (which would run nothing).
    assert!(
        answer.body.contains("Ran scheduled event"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn public_answers_come_from_the_edge_cache_per_language() {
    // A query no other test asks, so that the first answer is the cache's miss.
    let path = "/api/public/offers?service=cleaning&municipality=091&sort=name";
    let first = http(&format!("GET {path}&lang=sv HTTP/1.1"), "").await;
    let again = http(
        &format!("GET {path} HTTP/1.1\r\nAccept-Language: sv-FI"),
        "",
    )
    .await;
    let finnish = http(&format!("GET {path}&lang=fi HTTP/1.1"), "").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.header("x-seteli-cache"), Some("miss"));
    assert_eq!(again.header("x-seteli-cache"), Some("hit"));
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("cache-control"), Some("public, max-age=60"));
    assert_eq!(finnish.header("x-seteli-cache"), Some("miss"));
    // Nothing personal is kept: a logged-in area's answer never comes from the cache.
    let personal = http("GET /api/citizen/vouchers HTTP/1.1", "").await;
    assert_eq!(personal.header("x-seteli-cache"), None);
}

#[tokio::test]
async fn hashed_assets_are_kept_for_a_year_and_the_page_is_asked_again() {
    let page = http("GET / HTTP/1.1", "").await;
    assert_eq!(page.status, 200);
    assert!(
        !page
            .header("cache-control")
            .unwrap_or("")
            .contains("immutable"),
        "index.html must be revalidated: {:?}",
        page.header("cache-control")
    );
    // The app's files, as the page names them.
    let wasm = page
        .body
        .split(['\'', '"'])
        .find(|part| part.ends_with("_bg.wasm"))
        .expect("the page names its wasm");
    let asset = http(&format!("GET {wasm} HTTP/1.1"), "").await;
    assert_eq!(asset.status, 200);
    assert_eq!(
        asset.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
}
