//! Finance's month: gather, hold a disputed visit, confirm once, the payment file and the
//! ledger, mark paid; customer service reads; every refusal changes nothing.

use super::{app, finance, gather, gathered_one, only, step, visit, write_file};
use crate::helpers::{cast, Session};
use serde_json::json;
use std::io::Write;
use std::process::{Command, Stdio};

/// `xmllint --schema` over `xml` with the ISO 20022 schema kept with the domain's tests.
fn valid_pain_001(xml: &[u8]) -> bool {
    let schema = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../domain/tests/fixtures/pain.001.001.03.xsd"
    );
    let mut child = Command::new("xmllint")
        .args(["--noout", "--schema", schema, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("xmllint (libxml2-utils) runs; `cargo xtask test` installs it");
    child.stdin.take().unwrap().write_all(xml).unwrap();
    child.wait().unwrap().success()
}

#[tokio::test]
async fn finance_gathers_october_holds_a_disputed_visit_confirms_pays_and_the_file_validates() {
    let app = app();
    for (id, voucher, date, share) in [
        (1, 10, "2026-10-03", 3200),
        (2, 10, "2026-10-10", 3200),
        (3, 20, "2026-10-20", 1600),
        // November's: not October's settlement.
        (4, 20, "2026-11-02", 3200),
    ] {
        visit(&app, id, voucher, date, share);
    }
    let talous = finance(&app).await;
    // A month that has not ended is not settled.
    let too_soon = talous
        .post("/api/staff/settlements/gather", json!({"month": "2026-11"}))
        .await;
    assert_eq!(
        (too_soon.status, too_soon.json["field"].as_str()),
        (400, Some("month"))
    );

    let october = gather(&talous, "2026-10").await;
    let (id, settlement) = only(&october);
    assert_eq!(settlement["producer_name"], "Hoivapalvelu Aurinko Oy");
    assert_eq!(settlement["state"], "draft");
    assert_eq!(settlement["lines"], 3);
    assert_eq!(settlement["totals"]["payable_cents"], 8000);
    assert_eq!(settlement["account"]["state"], "confirmed");
    assert!(october["payer_configured"].as_bool().unwrap());
    // Gathering again writes the same draft, not a second one.
    let again = gather(&talous, "2026-10").await;
    assert_eq!(only(&again).0, id);

    // Customer service reads it, line by line, but does not settle.
    let desk = Session::staff(&app, cast::staff_user("asiakaspalvelu")).await;
    let read = desk.get(&format!("/api/staff/settlements/{id}")).await;
    assert_eq!(read.status, 200);
    let lines = read.json["lines"].as_array().unwrap();
    assert_eq!(
        lines
            .iter()
            .map(|l| l["event_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(lines.iter().all(|l| l["kind"] == "event"));
    assert_eq!(step(&desk, id, "confirm", json!({})).await.status, 403);

    // The visit of 20 October is disputed: held, it waits for November.
    let no_reason = step(&talous, id, "hold", json!({"event_id": 3, "reason": " "})).await;
    assert_eq!(
        (no_reason.status, no_reason.json["field"].as_str()),
        (400, Some("reason"))
    );
    let not_in_it = step(
        &talous,
        id,
        "hold",
        json!({"event_id": 4, "reason": "Kiistetty"}),
    )
    .await;
    assert_eq!(
        (not_in_it.status, not_in_it.json["field"].as_str()),
        (400, Some("event_id"))
    );
    let held = step(
        &talous,
        id,
        "hold",
        json!({"event_id": 3, "reason": "Asiakas kiistää käynnin"}),
    )
    .await;
    assert_eq!(held.status, 200, "{}", held.json);
    assert_eq!(held.json["summary"]["totals"]["payable_cents"], 6400);
    assert_eq!(held.json["holds"][0]["event_id"], 3);
    assert_eq!(held.json["holds"][0]["reason"], "Asiakas kiistää käynnin");
    // Regathering keeps the hold.
    let regathered = gather(&talous, "2026-10").await;
    assert_eq!(only(&regathered).1["totals"]["payable_cents"], 6400);

    // Paying a draft is refused; confirming works once.
    let early = step(
        &talous,
        id,
        "paid",
        json!({"paid_on": "2026-11-20", "reference": "ARK-1"}),
    )
    .await;
    assert_eq!(
        (early.status, early.code()),
        (409, "settlement_wrong_state")
    );
    let confirmed = step(&talous, id, "confirm", json!({})).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.json);
    assert_eq!(confirmed.json["summary"]["state"], "confirmed");
    assert_eq!(
        confirmed.json["summary"]["confirmed_by_name"],
        "Leena Marja Salonen"
    );
    let twice = step(&talous, id, "confirm", json!({})).await;
    assert_eq!(
        (twice.status, twice.code()),
        (409, "settlement_wrong_state")
    );
    let hold_late = step(&talous, id, "release", json!({"event_id": 3})).await;
    assert_eq!(
        (hold_late.status, hold_late.code()),
        (409, "settlement_wrong_state")
    );
    // Gathering October again leaves the confirmed settlement as it is.
    gather(&talous, "2026-10").await;
    let kept = talous.get(&format!("/api/staff/settlements/{id}")).await;
    assert_eq!(kept.json["summary"]["totals"]["payable_cents"], 6400);
    assert_eq!(kept.json["summary"]["state"], "confirmed");

    // The bank's file: one transfer of 64.00 € to Aurinko's account, valid ISO 20022.
    let written = write_file(&talous, "2026-10").await;
    assert_eq!(written.status, 201, "{}", written.json);
    assert_eq!(written.json["transfers"], 1);
    assert_eq!(written.json["total_cents"], 6400);
    let message = written.json["message_id"].as_str().unwrap().to_owned();
    let file = talous
        .get(&format!(
            "/api/staff/settlements/payment-file?message={message}"
        ))
        .await;
    assert_eq!(file.status, 200);
    assert!(file
        .header("content-disposition")
        .unwrap()
        .contains(&format!("{message}.xml")));
    let xml = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(
        xml.contains(r#"<InstdAmt Ccy="EUR">64.00</InstdAmt>"#),
        "{xml}"
    );
    assert!(xml.contains("<IBAN>FI6940550010200123</IBAN>"));
    assert!(xml.contains("<IBAN>FI2112345600000785</IBAN>"));
    assert!(xml.contains(&format!("SETELI-{id}")));
    assert!(xml.contains(&format!("<MsgId>{message}</MsgId>")));
    assert!(valid_pain_001(&file.bytes), "{xml}");
    // The settlement is in that file only: writing again has nothing to pay, and the file
    // downloads again the same, so that the bank refuses to pay it twice.
    let again = write_file(&talous, "2026-10").await;
    assert_eq!((again.status, again.code()), (409, "nothing_to_pay"));
    let same = talous
        .get(&format!(
            "/api/staff/settlements/payment-file?message={message}"
        ))
        .await;
    assert_eq!(same.bytes, file.bytes);
    let month_view = talous
        .get("/api/staff/settlements?month=2026-10")
        .await
        .json;
    assert_eq!(
        month_view["payment_files"][0]["message_id"],
        message.as_str()
    );
    assert_eq!(
        month_view["settlements"][0]["payment_message_id"],
        message.as_str()
    );
    let unknown = talous
        .get("/api/staff/settlements/payment-file?message=SETELI-2026-10-1")
        .await;
    assert_eq!(unknown.status, 404);
    // The ledger.
    let ledger = talous
        .get("/api/staff/settlements/ledger?month=2026-10")
        .await;
    let csv = String::from_utf8(ledger.bytes).unwrap();
    assert!(csv.starts_with("month,reference,business_id"), "{csv}");
    assert!(csv.contains("2026-10,SETELI-"), "{csv}");
    assert!(csv.contains(",64.00,"), "{csv}");

    // Paid: a day not in the future and the bank's reference.
    let future = step(
        &talous,
        id,
        "paid",
        json!({"paid_on": "2026-12-01", "reference": "ARK-1"}),
    )
    .await;
    assert_eq!(
        (future.status, future.json["field"].as_str()),
        (400, Some("paid_on"))
    );
    let paid = step(
        &talous,
        id,
        "paid",
        json!({"paid_on": "2026-11-20", "reference": "ARK-20261120-1"}),
    )
    .await;
    assert_eq!(paid.status, 200, "{}", paid.json);
    assert_eq!(paid.json["summary"]["paid_on"], "2026-11-20");
    let paid_twice = step(
        &talous,
        id,
        "paid",
        json!({"paid_on": "2026-11-20", "reference": "ARK-2"}),
    )
    .await;
    assert_eq!(
        (paid_twice.status, paid_twice.code()),
        (409, "settlement_wrong_state")
    );
    // Nothing left to pay in October.
    let nothing = write_file(&talous, "2026-10").await;
    assert_eq!((nothing.status, nothing.code()), (409, "nothing_to_pay"));
}

#[tokio::test]
async fn a_visit_changed_after_gathering_stops_the_confirmation_and_nothing_is_written() {
    let app = app();
    visit(&app, 1, 10, "2026-10-03", 3200);
    visit(&app, 2, 10, "2026-10-04", 3200);
    let talous = finance(&app).await;
    let (id, _) = only(&gather(&talous, "2026-10").await);
    // The producer cancels a visit between gathering and confirming.
    app.sql("UPDATE service_events SET status = 'cancelled', cancelled_at = '2026-11-21T09:00:00Z' WHERE id = 2;");
    let refused = step(&talous, id, "confirm", json!({})).await;
    assert_eq!(
        (refused.status, refused.code()),
        (409, "settlement_changed")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM settlements WHERE state = 'draft'"),
        1,
        "still a draft"
    );
    // Gathered again, it confirms without the cancelled visit.
    let (again, settlement) = gathered_one(&talous, "2026-10").await;
    assert_eq!(again, id);
    assert_eq!(settlement["totals"]["payable_cents"], 3200);
    assert_eq!(step(&talous, id, "confirm", json!({})).await.status, 200);
}

#[tokio::test]
async fn a_producer_without_an_account_in_effect_is_held_from_the_payment_file() {
    let app = app();
    app.sql("DELETE FROM producer_accounts;");
    visit(&app, 1, 10, "2026-10-03", 3200);
    let talous = finance(&app).await;
    let month = gather(&talous, "2026-10").await;
    let (id, settlement) = only(&month);
    assert_eq!(settlement["account"]["state"], "missing");
    assert_eq!(step(&talous, id, "confirm", json!({})).await.status, 200);
    let file = write_file(&talous, "2026-10").await;
    assert_eq!((file.status, file.code()), (409, "nothing_to_pay"));
    // Without the organiser's own account no file is written at all.
    app.sql("UPDATE organisers SET payer_iban = NULL;");
    let file = write_file(&talous, "2026-10").await;
    assert_eq!((file.status, file.code()), (409, "payer_account_missing"));
}

#[tokio::test]
async fn another_organiser_sees_nothing_and_the_scheduled_run_gathers_on_the_cutoff_day() {
    let mut app = app();
    visit(&app, 1, 10, "2026-11-03", 3200);
    // Helsinki's finance finds no settlement of Itä-Uusimaa's.
    app.advance(15 * 24 * 3600); // 6 December
    let report = seteli_edge::jobs::run_scheduled(&app.ctx)
        .await
        .expect("the jobs run");
    assert!(report.months_gathered >= 1);
    let id = app.count(
        "SELECT id FROM settlements WHERE month = '2026-11' AND organiser_code = 'ita-uusimaa'",
    );
    assert!(id > 0, "November gathered on the 5th or after");
    // A second run gathers nothing twice.
    let before = app.count("SELECT COUNT(*) FROM settlement_lines");
    seteli_edge::jobs::run_scheduled(&app.ctx).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM settlement_lines"), before);
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-talous")).await;
    assert_eq!(
        helsinki
            .get(&format!("/api/staff/settlements/{id}"))
            .await
            .status,
        404
    );
    let theirs = helsinki.get("/api/staff/settlements?month=2026-11").await;
    assert!(theirs.json["settlements"].as_array().unwrap().is_empty());
    assert_eq!(step(&helsinki, id, "confirm", json!({})).await.status, 404);
}
