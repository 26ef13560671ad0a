//! Supervision: a suspended or withdrawn producer leaves the comparison at once, cannot
//! link vouchers under the approval, and its customers there are told.

use super::{app, handler};
use crate::helpers::{cast, Session, Voucher};
use crate::producer::number;
use serde_json::json;

fn step(kind: serde_json::Value, reason: &str) -> serde_json::Value {
    json!({"producer_id": 1, "municipality_code": "638", "service_code": "home-care",
           "step": kind, "reason": reason})
}

async fn porvoo_home_care(app: &crate::helpers::TestApp<crate::helpers::Mocks>) -> usize {
    app.get("/api/public/offers?municipality=638&service=home-care")
        .await
        .json["offers"]
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_suspended_producer_leaves_the_comparison_its_customers_are_told_and_a_lift_returns_it() {
    let app = app();
    app.customer(1, cast::person("Eeva-Liisa"));
    app.voucher(&Voucher::home_care(10, 48_200_000_010, 1));
    app.customer(2, cast::person("Anni"));
    app.voucher(&Voucher::home_care(20, 48_200_000_020, 2));
    app.sql("INSERT INTO producer_vouchers VALUES (1, 10, '2026-11-01T10:00:00Z');");
    assert_eq!(porvoo_home_care(&app).await, 1);
    let porvoo = handler(&app).await;

    let suspended = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(
                json!({"kind": "suspend", "until": "2026-12-31"}),
                "Valvontakäynnin puutteet",
            ),
        )
        .await;
    assert_eq!(suspended.status, 200, "{}", suspended.json);
    assert_eq!(suspended.json["status"], "suspended");
    assert_eq!(suspended.json["suspended_until"], "2026-12-31");
    assert_eq!(porvoo_home_care(&app).await, 0);
    // Eeva-Liisa, whose voucher Aurinko serves, is told; Anni is not its customer.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE kind = 'producer_unavailable' AND customer_id = 1 AND producer_id = 1"),
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE customer_id = 2"),
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM messages WHERE kind = 'approval_suspended' AND to_producer_id = 1"),
        1
    );
    // Its people cannot link a voucher under it (this was its one approval: nothing of
    // customers' is open to it now).
    let aurinko = Session::citizen(&app, cast::person("Karl-Johan")).await;
    aurinko.act_for_company(cast::company("Aurinko")).await;
    let linked = aurinko.lookup(&number(48_200_000_020)).await;
    assert_eq!(
        (linked.status, linked.code()),
        (403, "producer_not_approved")
    );

    // Suspending twice is refused; lifting returns it.
    let again = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "suspend"}), "x"),
        )
        .await;
    assert_eq!((again.status, again.code()), (409, "approval_wrong_state"));
    let lifted = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "lift"}), ""),
        )
        .await;
    assert_eq!(lifted.json["status"], "approved");
    assert_eq!(porvoo_home_care(&app).await, 1);

    // Withdrawn: gone for good (a new application starts again).
    let withdrawn = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "withdraw"}), "Toistuvat puutteet"),
        )
        .await;
    assert_eq!(withdrawn.json["status"], "withdrawn");
    assert_eq!(porvoo_home_care(&app).await, 0);
    let back = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "lift"}), ""),
        )
        .await;
    assert_eq!(back.code(), "approval_wrong_state");
    // The company reads the decision with its reason and where an appeal goes.
    let own = aurinko.get("/api/producer/applications").await;
    assert_eq!(own.status, 200);
    assert_eq!(own.json["approvals"][0]["status"], "withdrawn");
    assert_eq!(own.json["approvals"][0]["reason"], "Toistuvat puutteet");
    assert!(own.json["approvals"][0]["appeal_address"]
        .as_str()
        .unwrap()
        .contains("Kirjaamo"));
    let list = porvoo.get("/api/staff/approvals").await;
    assert_eq!(list.json["approvals"][0]["status"], "withdrawn");
    assert_eq!(list.json["approvals"][0]["reason"], "Toistuvat puutteet");
    // Another organiser's handler does not reach Porvoo's approvals.
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-tuottajahyvaksyja")).await;
    let far = helsinki
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "lift"}), ""),
        )
        .await;
    assert_eq!((far.status, far.code()), (404, "approval_not_found"));
}

#[tokio::test]
async fn a_customer_of_a_suspended_producer_takes_the_voucher_to_another_and_the_old_link_ends() {
    let app = app();
    app.approved_company(2, cast::company("Rova"), 3500);
    app.customer(1, cast::person("Eeva-Liisa"));
    app.voucher(&Voucher::home_care(10, 48_200_000_010, 1));
    app.sql("INSERT INTO producer_vouchers VALUES (1, 10, '2026-11-01T10:00:00Z');");
    let porvoo = handler(&app).await;
    let suspended = porvoo
        .post(
            "/api/staff/approvals/supervise",
            step(json!({"kind": "suspend"}), "Valvontakäynnin puutteet"),
        )
        .await;
    assert_eq!(suspended.status, 200, "{}", suspended.json);

    // Eeva-Liisa gives her voucher number to Rova, which is approved.
    let rova = Session::citizen(&app, cast::person("Karl-Johan")).await;
    rova.act_for_company(cast::company("Rova")).await;
    let linked = rova.lookup(&number(48_200_000_010)).await;
    assert_eq!(linked.status, 200, "{}", linked.json);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM producer_vouchers WHERE voucher_id = 10 AND producer_id = 1"
        ),
        0,
        "the suspended producer's link ended"
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM producer_vouchers WHERE voucher_id = 10 AND producer_id = 2"
        ),
        1
    );
}
