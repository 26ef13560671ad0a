//! The desk's view of deliveries: customer service sees its customers' held, failed and
//! paper messages, releases a held one, and only then does a protected person's letter go
//! out; a producer handler sees the companies' messages, and another organiser nothing.

use super::{deliver, person, queue, received_for, status};
use crate::helpers::{cast, Mocks, Session, TestApp};

/// Helmi (no mailbox, a non-disclosure flag) as Porvoo's customer 7.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    app.customer(7, person("Helmi"));
    app.sql(
        "UPDATE customers SET street_address = 'Linnankoskenkatu 5', postal_code = '06100',
             post_office = 'Porvoo', non_disclosure = 1 WHERE id = 7;",
    );
    app
}

#[tokio::test]
async fn customer_service_releases_a_protected_persons_letter_and_only_then_it_goes_out() {
    let app = app();
    let id = queue(&app, 7, "voucher_decided");
    deliver(&app).await;
    assert_eq!(status(&app, id), "held");

    let desk = Session::staff(&app, cast::staff_user("asiakaspalvelu")).await;
    let list = desk.get("/api/staff/deliveries").await;
    assert_eq!(list.status, 200);
    let items = list.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", list.json);
    assert_eq!(items[0]["recipient"], "Helmi Lindqvist");
    assert_eq!(items[0]["status"], "held");
    assert_eq!(items[0]["held_reason"], "non_disclosure");
    assert_eq!(items[0]["kind"], "voucher_decided");

    // Another organiser's customer service and the producer handler see none of it.
    let helsinki = Session::staff(&app, cast::staff_user("helsinki-asiakaspalvelu")).await;
    let theirs = helsinki.get("/api/staff/deliveries").await.json;
    assert_eq!(theirs["items"], serde_json::json!([]));
    assert_eq!(
        helsinki
            .post(
                &format!("/api/staff/deliveries/{id}/release"),
                serde_json::json!({})
            )
            .await
            .status,
        404
    );
    let handler = Session::staff(&app, cast::staff_user("tuottajahyvaksyja")).await;
    assert_eq!(
        handler.get("/api/staff/deliveries").await.json["items"],
        serde_json::json!([])
    );

    let released = desk
        .post(
            &format!("/api/staff/deliveries/{id}/release"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(released.status, 200, "{:?}", released.json);
    assert_eq!(status(&app, id), "queued");
    let again = desk
        .post(
            &format!("/api/staff/deliveries/{id}/release"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(again.json["code"], "message_not_held");

    deliver(&app).await;
    assert_eq!(status(&app, id), "printed");
    let received = received_for(&app, id).await;
    assert_eq!(received.len(), 1);
    assert_eq!(
        received[0]["paperAddress"]["streetAddress"],
        "Linnankoskenkatu 5"
    );
    assert_eq!(
        app.ctx
            .db
            .text(&format!("SELECT released_by FROM messages WHERE id = {id}"))
            .unwrap(),
        "Sari Helena Virtanen"
    );
    // On paper, it stays on the desk's list with its state.
    let list = desk.get("/api/staff/deliveries").await.json;
    assert_eq!(list["items"][0]["status"], "printed", "{list}");
}

#[tokio::test]
async fn the_desk_keeps_the_language_a_customers_letters_are_written_in() {
    let app = app();
    let desk = Session::staff(&app, cast::staff_user("asiakaspalvelu")).await;
    let saved = desk
        .post(
            "/api/staff/customers/7/contact",
            serde_json::json!({"address": {"street_address": "Linnankoskenkatu 5", "postal_code": "06100",
                "post_office": "Porvoo"}, "non_disclosure": false, "lang": "sv"}),
        )
        .await;
    assert_eq!(saved.status, 204, "{:?}", saved.json);
    assert_eq!(desk.get("/api/staff/customers/7").await.json["lang"], "sv");

    let id = queue(&app, 7, "voucher_decided");
    deliver(&app).await;
    let received = received_for(&app, id).await;
    assert_eq!(received[0]["channel"], "paper");
    assert_eq!(received[0]["title"], "Beslut om servicesedel");
}
