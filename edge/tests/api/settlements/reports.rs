//! The reports: visits per month, service and producer, and purchasing power granted
//! against used per service, as JSON and CSV; the organiser's own only; bad periods named.

use super::{app, finance, visit};
use crate::helpers::{cast, Session};

#[tokio::test]
async fn the_reports_sum_the_visits_that_stand_per_month_and_service_and_export_csv() {
    let app = app();
    visit(&app, 1, 10, "2026-09-03", 3200);
    visit(&app, 2, 10, "2026-10-03", 3200);
    visit(&app, 3, 20, "2026-10-20", 1600);
    visit(&app, 4, 20, "2026-10-21", 1600);
    app.sql("UPDATE service_events SET status = 'cancelled', cancelled_at = '2026-10-22T08:00:00Z' WHERE id = 4;");
    let talous = finance(&app).await;
    let report = talous
        .get("/api/staff/reports/production?from=2026-09&to=2026-10")
        .await;
    assert_eq!(report.status, 200, "{}", report.json);
    let rows = report.json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["month"], "2026-09");
    assert_eq!(rows[1]["month"], "2026-10");
    assert_eq!(rows[1]["events"], 2, "the cancelled visit does not stand");
    assert_eq!(rows[1]["voucher_share_cents"], 4800);
    assert_eq!(rows[1]["producer_name"], "Hoivapalvelu Aurinko Oy");
    let csv = talous
        .get("/api/staff/reports/production?from=2026-09&to=2026-10&format=csv")
        .await;
    let text = String::from_utf8(csv.bytes).unwrap();
    assert!(
        text.starts_with("month,service_code,service,producer,visits"),
        "{text}"
    );
    assert!(text.contains("2026-10,home-care,"), "{text}");
    assert!(text.contains(",48.00,"), "{text}");

    // Purchasing power: Anni's and Eetu's vouchers grant 320 € each; 80 € used this year.
    let budget = talous.get("/api/staff/reports/budget?year=2026").await.json;
    assert_eq!(budget["rows"][0]["service_code"], "home-care");
    assert_eq!(budget["rows"][0]["vouchers"], 2);
    assert_eq!(budget["rows"][0]["granted_cents"], 64000);
    assert_eq!(budget["rows"][0]["used_cents"], 8000);
    let budget_csv = talous
        .get("/api/staff/reports/budget?year=2026&format=csv")
        .await;
    assert!(String::from_utf8(budget_csv.bytes)
        .unwrap()
        .contains("2026,home-care,"));

    // Customer service reads them; Helsinki sees nothing of Itä-Uusimaa's.
    let desk = Session::staff(&app, cast::staff_user("asiakaspalvelu")).await;
    assert_eq!(
        desk.get("/api/staff/reports/budget?year=2026").await.status,
        200
    );
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-talous")).await;
    let theirs = helsinki
        .get("/api/staff/reports/production?from=2026-09&to=2026-10")
        .await;
    assert!(theirs.json["rows"].as_array().unwrap().is_empty());

    // A period backwards, over 24 months or not a month is named.
    for bad in [
        "from=2026-10&to=2026-09",
        "from=2024-01&to=2026-10",
        "from=2026-13&to=2026-10",
    ] {
        let refused = talous
            .get(&format!("/api/staff/reports/production?{bad}"))
            .await;
        assert_eq!(
            (refused.status, refused.code()),
            (400, "invalid_report_period"),
            "{bad}"
        );
        assert_eq!(refused.json["field"], "from", "{bad}");
    }
    let bad_year = talous.get("/api/staff/reports/budget?year=twenty").await;
    assert_eq!(
        (bad_year.status, bad_year.json["field"].as_str()),
        (400, Some("year"))
    );
}
