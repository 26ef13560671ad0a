//! Nothing settled is rewritten: a visit cancelled or corrected after its month was
//! confirmed is an adjustment in the next settlement, with the month it was settled in; a
//! late visit is a late line; a negative settlement carries over and is never paid.

use super::{app, finance, gather, gathered_one, only, step, visit};
use serde_json::json;

#[tokio::test]
async fn a_late_cancellation_is_an_adjustment_in_november_and_october_stays_as_confirmed() {
    let mut app = app();
    visit(&app, 1, 10, "2026-10-03", 3200);
    visit(&app, 2, 10, "2026-10-10", 3200);
    let talous = finance(&app).await;
    let (october, _) = only(&gather(&talous, "2026-10").await);
    assert_eq!(
        step(&talous, october, "confirm", json!({})).await.status,
        200
    );

    // After October was settled: visit 1 is cancelled, visit 2 corrected (cancelled, and a
    // new visit 5 in its place at a lower share), and an October visit 6 is logged late.
    app.sql(
        "UPDATE service_events SET status = 'cancelled', cancelled_at = '2026-11-10T08:00:00Z' WHERE id IN (1, 2);
         INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100,
                                     unit_price_cents, voucher_share_cents, own_share_cents, created_at, corrects)
             VALUES (5, 10, 1, '2026-10-10', 'Käynti (korjattu)', 50, 1600, 1600, 0, '2026-11-10T08:00:00Z', 2);",
    );
    visit(&app, 6, 20, "2026-10-28", 2000);
    visit(&app, 7, 20, "2026-11-05", 3200);
    app.advance(14 * 24 * 3600); // 5 December
    let talous = finance(&app).await;
    let (november, settlement) = gathered_one(&talous, "2026-11").await;
    assert_ne!(november, october);
    // +3200 (7) + 1600 (5) + 2000 (6) − 3200 (1) − 3200 (2)
    assert_eq!(settlement["totals"]["events_cents"], 6800);
    assert_eq!(settlement["totals"]["adjustments_cents"], -6400);
    assert_eq!(settlement["totals"]["payable_cents"], 400);
    let lines = talous
        .get(&format!("/api/staff/settlements/{november}"))
        .await
        .json["lines"]
        .clone();
    let kind_of = |event: i64| {
        lines
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["event_id"] == event)
            .map(|l| {
                (
                    l["kind"].as_str().unwrap().to_owned(),
                    l["amount_cents"].as_i64().unwrap(),
                )
            })
    };
    assert_eq!(kind_of(1), Some(("cancelled".into(), -3200)));
    assert_eq!(kind_of(2), Some(("cancelled".into(), -3200)));
    assert_eq!(kind_of(5), Some(("late".into(), 1600)));
    assert_eq!(kind_of(6), Some(("late".into(), 2000)));
    assert_eq!(kind_of(7), Some(("event".into(), 3200)));
    let adjustment = lines
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["event_id"] == 1)
        .unwrap();
    assert_eq!(adjustment["settled_in"], json!(["2026-10"]));
    // October is exactly as confirmed: the cancellation shows nowhere else.
    let kept = talous
        .get(&format!("/api/staff/settlements/{october}"))
        .await
        .json;
    assert_eq!(kept["summary"]["totals"]["payable_cents"], 6400);
    assert_eq!(kept["lines"].as_array().unwrap().len(), 2);
    assert!(kept["lines"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["kind"] == "event"));
}

#[tokio::test]
async fn a_negative_settlement_carries_over_and_is_paid_off_by_the_next() {
    let mut app = app();
    visit(&app, 1, 10, "2026-10-03", 5000);
    let talous = finance(&app).await;
    let (october, _) = only(&gather(&talous, "2026-10").await);
    step(&talous, october, "confirm", json!({})).await;
    app.sql("UPDATE service_events SET status = 'cancelled', cancelled_at = '2026-11-10T08:00:00Z' WHERE id = 1;");
    visit(&app, 2, 10, "2026-11-12", 2000);
    app.advance(14 * 24 * 3600); // 5 December
    let talous = finance(&app).await;
    let (november, settlement) = gathered_one(&talous, "2026-11").await;
    // 2000 − 5000: nothing paid, 3000 carried over.
    assert_eq!(settlement["totals"]["payable_cents"], 0);
    assert_eq!(settlement["totals"]["carried_out_cents"], -3000);
    assert_eq!(
        step(&talous, november, "confirm", json!({})).await.status,
        200
    );
    let file = super::write_file(&talous, "2026-11").await;
    assert_eq!((file.status, file.code()), (409, "nothing_to_pay"));
    // December pays what is left after the carried balance.
    visit(&app, 3, 20, "2026-12-02", 4000);
    app.advance(31 * 24 * 3600); // 5 January
    let talous = finance(&app).await;
    let (_, december) = gathered_one(&talous, "2026-12").await;
    assert_eq!(december["totals"]["carried_in_cents"], -3000);
    assert_eq!(december["totals"]["payable_cents"], 1000);
}

#[tokio::test]
async fn an_earlier_draft_is_confirmed_first() {
    let mut app = app();
    visit(&app, 1, 10, "2026-10-03", 3200);
    let talous = finance(&app).await;
    let (october, _) = only(&gather(&talous, "2026-10").await);
    visit(&app, 2, 10, "2026-11-03", 3200);
    app.advance(14 * 24 * 3600);
    let talous = finance(&app).await;
    let month = gather(&talous, "2026-11").await;
    let (november, _) = only(&month);
    let refused = step(&talous, november, "confirm", json!({})).await;
    assert_eq!(
        (refused.status, refused.code()),
        (409, "settlement_earlier_open")
    );
    assert_eq!(
        step(&talous, october, "confirm", json!({})).await.status,
        200
    );
    // October's confirmation settled visit 1: November's draft must be gathered again.
    let stale = step(&talous, november, "confirm", json!({})).await;
    assert_eq!((stale.status, stale.code()), (409, "settlement_changed"));
    let month = gather(&talous, "2026-11").await;
    assert_eq!(only(&month).1["totals"]["payable_cents"], 3200);
    assert_eq!(
        step(&talous, november, "confirm", json!({})).await.status,
        200
    );
}

#[tokio::test]
async fn an_earlier_month_is_not_settled_again_once_a_later_one_is_confirmed() {
    let mut app = app();
    visit(&app, 1, 10, "2026-09-03", 3000);
    app.advance(14 * 24 * 3600); // 5 December
    let talous = finance(&app).await;
    let (september, _) = gathered_one(&talous, "2026-09").await;
    step(&talous, september, "confirm", json!({})).await;
    visit(&app, 2, 10, "2026-11-03", 2000);
    let (november, _) = gathered_one(&talous, "2026-11").await;
    assert_eq!(
        step(&talous, november, "confirm", json!({})).await.status,
        200
    );
    // A late visit of October: October is behind a confirmed month, so it waits for the
    // next open one (and the balances carried stay in order).
    visit(&app, 3, 20, "2026-10-20", 1500);
    let october = gather(&talous, "2026-10").await;
    assert!(
        october["settlements"].as_array().unwrap().is_empty(),
        "{october}"
    );
    app.advance(31 * 24 * 3600); // 5 January
    let talous = finance(&app).await;
    let (december, _) = gathered_one(&talous, "2026-12").await;
    let lines = talous
        .get(&format!("/api/staff/settlements/{december}"))
        .await
        .json["lines"]
        .clone();
    assert_eq!(lines[0]["event_id"], 3);
    assert_eq!(lines[0]["kind"], "late");
}
