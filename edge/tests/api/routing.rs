use crate::helpers::{test_config, TestApp};
use seteli_edge::db::{Database, DbError, SqlValue};
use seteli_edge::http::{ApiRequest, Method};
use seteli_edge::outbound::NoOutbound;
use seteli_edge::{handle, Ctx};
use time::macros::datetime;

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = TestApp::new();

    let res = app.get("/api/public/nothing-here").await;

    assert_eq!(res.status, 404);
    assert_eq!(res.code(), "not_found");
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
}

#[tokio::test]
async fn writing_to_a_public_route_is_not_allowed() {
    let app = TestApp::new();

    let public_routes = [
        "POST /api/public/offers",
        "POST /api/public/municipalities",
        "POST /api/public/producers/1",
    ];
    let answers = app
        .assert_refused(&public_routes, 405, "method_not_allowed")
        .await;
    for (what, res) in answers {
        assert_eq!(res.header("allow"), Some("GET, HEAD"), "{what}");
    }
}

/// A database that always fails, with a cause that must never reach the client.
struct BrokenDb;

impl Database for BrokenDb {
    async fn query<T: serde::de::DeserializeOwned>(
        &self,
        _: &str,
        _: &[SqlValue],
    ) -> Result<Vec<T>, DbError> {
        Err(DbError("disk I/O error at /secret/path".into()))
    }
    async fn execute(&self, _: &str, _: &[SqlValue]) -> Result<u64, DbError> {
        Err(DbError("disk I/O error at /secret/path".into()))
    }
    async fn batch(&self, _: &[(&str, Vec<SqlValue>)]) -> Result<(), DbError> {
        Err(DbError("disk I/O error at /secret/path".into()))
    }
}

#[tokio::test]
async fn a_storage_failure_is_a_500_with_a_reference_and_no_internals() {
    let ctx = Ctx {
        db: BrokenDb,
        http: NoOutbound,
        blobs: std::rc::Rc::new(seteli_edge::blobs::MemoryBlobs::default()),
        config: test_config(),
        now: datetime!(2026-11-21 10:00 UTC),
    };
    let req = ApiRequest::new(Method::Get, "/api/public/services?lang=en").unwrap();

    let res = handle(&req, &ctx).await;

    assert_eq!(res.status, 500);
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["code"], "internal");
    let reference = json["reference"].as_str().unwrap();
    assert_eq!(reference.len(), 12);
    assert!(json["message"].as_str().unwrap().contains(reference));
    assert!(!res.body.contains("secret"));
}

#[test]
fn every_migration_file_is_compiled_into_the_native_store() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    on_disk.sort();
    let compiled: Vec<&str> = seteli_edge::db::migrations::MIGRATIONS
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(on_disk, compiled);
}

#[tokio::test]
async fn an_oversized_body_is_refused_before_anything_is_read() {
    let app = TestApp::new();
    let body = format!("{{\"body\": \"{}\"}}", "a".repeat(70 * 1024));
    let res = app
        .request_with_body(
            Method::Post,
            "/api/citizen/feedback",
            &[
                ("origin", crate::helpers::PUBLIC_URL),
                ("content-type", "application/json"),
            ],
            &body,
        )
        .await;
    assert_eq!(res.status, 413);
    assert_eq!(res.code(), "payload_too_large");
}
