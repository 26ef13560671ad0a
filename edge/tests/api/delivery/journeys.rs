//! The demo journeys' messages, end to end: written by the API, delivered by the scheduled
//! job, received by the right person once, in their language, without identity codes; the
//! citizen's Messages page follows the delivery state.

use super::{deliver, person, queue, received_for, status};
use crate::helpers::{assert_no_identity_code, Mocks, Session, TestApp};
use seteli_edge::jobs::run_scheduled;

/// Eeva-Liisa (with an active mailbox) and her voucher; Anni holds her mandate.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_home_care(1, "Hoiva Oy", 3600);
    for (id, name) in [
        (1, "Eeva-Liisa"),
        (2, "Anni"),
        (4, "Ella"),
        (5, "Karl-Johan"),
    ] {
        app.customer_with_voucher(id, person(name));
    }
    app.sql(
        "UPDATE customers SET street_address = 'Runebergsgatan 14 A 3', postal_code = '06100',
             post_office = 'Porvoo';
         UPDATE customers SET lang = 'sv' WHERE id = 5;",
    );
    app
}

#[tokio::test]
async fn feedback_given_by_a_relative_reaches_the_customers_mailbox_once() {
    let app = app();
    let anni = Session::citizen(&app, person("Anni")).await;
    anni.act_for_adult(person("Eeva-Liisa")).await;
    assert_eq!(anni.give_feedback(10).await.status, 201);

    let report = run_scheduled(&app.ctx).await.expect("the jobs run");
    assert_eq!(report.delivery.handed_over, 1, "{report:?}");
    let id = app.count("SELECT id FROM messages");
    let received = received_for(&app, id).await;
    assert_eq!(received.len(), 1, "{received:?}");
    let message = &received[0];
    assert_eq!(message["recipientId"], person("Eeva-Liisa").code());
    assert_eq!(message["channel"], "electronic");
    assert_eq!(message["title"], "Palautetta annettiin puolestasi");
    let body = message["body"].as_str().unwrap();
    assert!(body.contains(&person("Anni").full_name()), "{body}");
    assert!(body.contains("Hoiva Oy"), "{body}");
    assert_no_identity_code(&message["title"].to_string());
    assert_no_identity_code(body);

    // Eeva-Liisa sees it delivered; another run sends nothing again.
    let eeva = Session::citizen(&app, person("Eeva-Liisa")).await;
    let messages = eeva.get("/api/citizen/messages").await.json;
    assert_eq!(messages[0]["status"], "sent", "{messages}");
    assert_eq!(
        run_scheduled(&app.ctx).await.unwrap().delivery.handed_over,
        0
    );
    assert_eq!(app.ctx.http.messages.received().await.len(), 1);
}

#[tokio::test]
async fn the_events_feed_moves_a_message_to_read() {
    let app = app();
    let id = queue(&app, 1, "voucher_decided");
    deliver(&app).await;
    assert_eq!(status(&app, id), "sent");

    app.ctx
        .http
        .messages
        .inject(&id.to_string(), "Electronic message read")
        .await;
    let report = deliver(&app).await;
    assert_eq!(report.updated, 1, "{report:?}");
    assert_eq!(status(&app, id), "read");
    let eeva = Session::citizen(&app, person("Eeva-Liisa")).await;
    let messages = eeva.get("/api/citizen/messages").await.json;
    assert_eq!(messages[0]["status"], "read", "{messages}");
    // The feed goes on from where it stopped: nothing is applied twice.
    assert_eq!(deliver(&app).await.updated, 0);
}

#[tokio::test]
async fn a_swedish_speaking_customer_reads_swedish() {
    let app = app();
    let id = queue(&app, 5, "voucher_decided");
    deliver(&app).await;
    let received = received_for(&app, id).await;
    assert_eq!(received[0]["recipientId"], person("Karl-Johan").code());
    assert_eq!(received[0]["title"], "Beslut om servicesedel");
    let body = received[0]["body"].as_str().unwrap();
    assert!(body.contains("Östra Nylands välfärdsområde"), "{body}");
}

#[tokio::test]
async fn a_childs_message_goes_to_the_guardian_who_acted_and_stays_in_the_childs_list() {
    let app = app();
    // Nobody has acted for Ella yet: her decision waits for staff.
    let early = queue(&app, 4, "voucher_decided");
    deliver(&app).await;
    assert_eq!(status(&app, early), "held");
    assert!(received_for(&app, early).await.is_empty());

    let anni = Session::citizen(&app, person("Anni")).await;
    anni.act_for_child(person("Ella")).await;
    assert_eq!(anni.give_feedback(40).await.status, 201);
    deliver(&app).await;
    let id = app.count("SELECT MAX(id) FROM messages WHERE kind = 'feedback_given'");
    let received = received_for(&app, id).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0]["recipientId"], person("Anni").code());
    assert_eq!(
        received[0]["title"],
        "Lapsesi puolesta annettiin palautetta"
    );
    let body = received[0]["body"].as_str().unwrap();
    assert!(body.contains("lapsesi Ella puolesta"), "{body}");
    assert_no_identity_code(body);
    // The message is Ella's: her guardian reads it in her list, with its state.
    let messages = anni.get("/api/citizen/messages").await.json;
    assert_eq!(messages[0]["kind"], "feedback_given", "{messages}");
    assert_eq!(messages[0]["status"], "sent", "{messages}");
}

#[tokio::test]
async fn a_feed_position_the_service_no_longer_knows_is_read_again_from_the_start() {
    let app = app();
    let id = queue(&app, 1, "voucher_decided");
    deliver(&app).await;
    app.ctx
        .http
        .messages
        .inject(&id.to_string(), "Electronic message read")
        .await;
    app.sql("UPDATE service_state SET value = '999999' WHERE name = 'messages.events';");

    // Refused once: the position is forgotten, nothing is marked.
    assert_eq!(deliver(&app).await.updated, 0);
    assert_eq!(status(&app, id), "sent");
    // Read again from the start: the earlier events change nothing, the read one moves it.
    assert_eq!(deliver(&app).await.updated, 1);
    assert_eq!(status(&app, id), "read");
}

#[tokio::test]
async fn a_consent_request_reaches_the_named_guardian_who_is_not_a_customer() {
    let app = app();
    app.customer(3, person("Eetu"));
    let anni = Session::citizen(&app, person("Anni")).await;
    anni.act_for_child(person("Eetu")).await;
    let form = serde_json::json!({
        "service_code": "home-care", "municipality_code": "638", "need": "Apua aamuisin",
        "contact": "messages", "confirmed": true,
        "shared": {"kind": "consent", "others": [{"given_name": "Mikko Tapani",
            "family_name": "Kumpulainen", "hetu": person("Mikko").code()}]}
    });
    let started = anni.post("/api/citizen/applications", form).await;
    let id = started.json["id"].as_i64().unwrap();
    let sent = anni
        .post(
            &format!("/api/citizen/applications/{id}/send"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.json);

    run_scheduled(&app.ctx).await.expect("the jobs run");
    let request = app.count("SELECT id FROM messages WHERE kind = 'consent_requested'");
    let received = received_for(&app, request).await;
    assert_eq!(received.len(), 1, "{received:?}");
    let message = &received[0];
    assert_eq!(message["recipientId"], person("Mikko").code());
    assert_eq!(message["channel"], "electronic");
    let body = message["body"].as_str().unwrap();
    assert!(body.contains("lapsesi Eetu"), "{body}");
    assert!(body.contains(&person("Anni").full_name()), "{body}");
    assert_no_identity_code(body);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM messages WHERE id = {request} AND status = 'sent'"
        )),
        1
    );
}

#[tokio::test]
async fn a_childs_application_news_goes_to_the_guardian_who_applied_not_the_one_who_declined() {
    let app = app();
    app.customer(3, person("Eetu"));
    let anni = Session::citizen(&app, person("Anni")).await;
    anni.act_for_child(person("Eetu")).await;
    let form = serde_json::json!({
        "service_code": "home-care", "municipality_code": "638", "need": "Apua aamuisin",
        "contact": "messages", "confirmed": true,
        "shared": {"kind": "consent", "others": [
            {"given_name": "Mikko Tapani", "family_name": "Kumpulainen", "hetu": person("Mikko").code()},
            {"given_name": "Karl-Johan", "family_name": "Nyström", "hetu": person("Karl-Johan").code()}]}
    });
    let id = anni.post("/api/citizen/applications", form).await.json["id"]
        .as_i64()
        .unwrap();
    let sent = anni
        .post(
            &format!("/api/citizen/applications/{id}/send"),
            serde_json::json!({}),
        )
        .await;
    let mikkos = sent.json["consents"][0]["id"].as_i64().unwrap();
    // Mikko, acting for Eetu (last in the child's trail), declines.
    let mikko = Session::citizen(&app, person("Mikko")).await;
    mikko.act_for_child(person("Eetu")).await;
    let declined = mikko
        .post(
            &format!("/api/citizen/consent-requests/{mikkos}/answer"),
            serde_json::json!({"consent": false, "comment": "Ei nyt."}),
        )
        .await;
    assert_eq!(declined.status, 200, "{}", declined.json);
    // The other request is closed with the application.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consent_requests WHERE status = 'pending'"),
        0
    );

    run_scheduled(&app.ctx).await.expect("the jobs run");
    let news = app.count(&format!(
        "SELECT MAX(id) FROM messages WHERE kind = 'voucher_application_changed' AND case_id = {id}"
    ));
    let received = received_for(&app, news).await;
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0]["recipientId"], person("Anni").code());
    let body = received[0]["body"].as_str().unwrap();
    assert!(body.contains("lapsesi Eetu"), "{body}");
}
