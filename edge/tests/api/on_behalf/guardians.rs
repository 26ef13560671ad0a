//! Guardians acting for their children (use case 1): what one does the other reads,
//! a restriction, a child who is not a customer yet, a survey, and Valtuudet being down.

use super::{app, assert_child_refused, browser, entry, full, person, GRANTED};
use crate::helpers::assert_no_identity_code;
use crate::helpers::Session;

#[tokio::test]
async fn a_guardian_acts_for_a_child_and_the_other_guardian_reads_what_was_done() {
    let app = app();
    let anni = browser(&app, "Anni").await;
    assert!(anni.acting_for().await.is_null());

    assert_eq!(anni.act_for_child(person("Eetu")).await, GRANTED);
    let acting = anni.acting_for().await;
    assert_eq!(acting["given_name"], "Eetu");
    assert_eq!(acting["basis"], "guardian");
    let me = anni.get("/api/auth/me").await.json;
    assert_eq!(
        me["given_name"],
        person("Anni").given_name.as_str(),
        "the person logged in is still Anni"
    );

    // The child's dashboard: his voucher and its event, not Anni's.
    let vouchers = anni.get("/api/citizen/vouchers").await;
    assert_eq!(vouchers.json.as_array().unwrap().len(), 1);
    assert_eq!(vouchers.json[0]["id"], 30);
    let voucher = anni.get("/api/citizen/vouchers/30").await;
    assert_eq!(voucher.json["events"][0]["description"], "Käynti");
    assert_eq!(anni.get("/api/citizen/vouchers/20").await.status, 404);

    // Feedback for the child: stored as his, with a trail entry and a message to him.
    let created = anni.give_feedback(30).await;
    assert_eq!(created.status, 201, "{:?}", created.json);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM feedback WHERE customer_id = 3"),
        1
    );
    let messages = anni.get("/api/citizen/messages").await.json;
    assert_eq!(messages[0]["kind"], "feedback_given");
    assert_eq!(messages[0]["actor_name"], full("Anni"));
    assert_eq!(messages[0]["producer_name"], "Hoiva Oy");
    assert_eq!(messages[0]["status"], "queued");

    // Back to acting for herself.
    assert_eq!(anni.stop_acting().await.status, 204);
    assert!(anni.acting_for().await.is_null());
    assert_eq!(anni.get("/api/citizen/vouchers").await.json[0]["id"], 20);
    assert!(
        anni.get("/api/citizen/trail")
            .await
            .json
            .as_array()
            .unwrap()
            .is_empty(),
        "nobody has acted for Anni"
    );

    // Mikko, the other guardian, reads what Anni did for Eetu.
    let mikko = browser(&app, "Mikko").await;
    assert_eq!(mikko.act_for_child(person("Eetu")).await, GRANTED);
    let trail = mikko.trail().await;
    for done in [
        entry(&full("Anni"), "choose", "guardian", "allowed"),
        entry(&full("Anni"), "view_vouchers", "guardian", "allowed"),
        entry(&full("Anni"), "give_feedback", "guardian", "allowed"),
        entry(&full("Anni"), "view_messages", "guardian", "allowed"),
        entry(&full("Mikko"), "choose", "guardian", "allowed"),
    ] {
        assert!(trail.contains(&done), "{done:?} in {trail:?}");
    }
    assert_eq!(
        trail[0],
        entry(&full("Mikko"), "view_trail", "guardian", "allowed")
    );
    // The trail never holds anyone's identity code in what it shows.
    assert_no_identity_code(&mikko.get("/api/citizen/trail").await.json.to_string());
}

#[tokio::test]
async fn a_restricted_guardian_has_no_right_and_the_attempt_is_logged_for_the_child() {
    let app = app();
    assert_child_refused(&app, "Mikko", "Ella", "no_right").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = 4 AND action = 'choose' AND result = 'refused'"
        ),
        1
    );
}

#[tokio::test]
async fn a_child_who_is_not_a_customer_is_acted_for_with_nothing_to_read_and_the_trail_waits_for_him(
) {
    let app = app();
    let oskar = person("Oskar").code();
    let karl_johan = browser(&app, "Karl-Johan").await;
    assert_eq!(karl_johan.act_for_child(person("Oskar")).await, GRANTED);
    // Named as Valtuudet names him (family name first), not as a customer.
    let acting = karl_johan.acting_for().await;
    assert_eq!(
        (
            acting["given_name"].as_str(),
            acting["family_name"].as_str()
        ),
        (Some("Oskar Johannes"), Some("Nyström"))
    );
    let vouchers = karl_johan.get("/api/citizen/vouchers").await;
    assert_eq!(
        (vouchers.status, vouchers.json.to_string().as_str()),
        (200, "[]")
    );
    assert_eq!(karl_johan.get("/api/citizen/vouchers/30").await.status, 404);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM customers"),
        5,
        "no customer was made"
    );
    // The trail is kept under his code until a municipality makes him a customer …
    let kept = format!(
        "SELECT COUNT(*) FROM on_behalf_log WHERE principal_hetu = '{oskar}' AND principal_customer_id IS NULL"
    );
    assert_eq!(
        app.count(&kept),
        3,
        "the choice and the two reads of his vouchers"
    );

    // … and then it is his: the desk adds him.
    let desk = Session::staff(&app, crate::helpers::cast::staff_user("asiakaspalvelu")).await;
    let added = desk
        .post(
            "/api/staff/customers",
            serde_json::json!({"hetu": oskar, "given_name": "Oskar Johannes", "family_name": "Nyström",
                "municipality_code": "638"}),
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.json);
    let id = added.json["id"].as_i64().unwrap();
    assert_eq!(app.count(&kept), 0);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = {id} AND actor_hetu = '{}'",
            person("Karl-Johan").code()
        )),
        3
    );
    // The same session now reads him as the customer he is, trail included.
    let trail = karl_johan.trail().await;
    assert!(
        trail.contains(&entry(&full("Karl-Johan"), "choose", "guardian", "allowed")),
        "{trail:?}"
    );
}

#[tokio::test]
async fn a_survey_answered_for_a_child_is_logged_and_messaged() {
    let app = app();
    let anni = browser(&app, "Anni").await;
    anni.act_for_child(person("Eetu")).await;
    let answer = serde_json::json!({"voucher_id": 30, "producer_id": 1, "overall": 5,
        "punctuality": 4, "staff": 5, "information": 4, "comment": ""});
    let res = anni.post("/api/citizen/surveys", answer.clone()).await;
    assert_eq!(res.status, 201, "{:?}", res.json);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM survey_answers WHERE customer_id = 3"),
        1
    );
    // A second answer this month is refused and leaves no second trail entry or message.
    assert_eq!(anni.post("/api/citizen/surveys", answer).await.status, 409);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM on_behalf_log WHERE action = 'answer_survey'"),
        1
    );
    let messages = anni.get("/api/citizen/messages").await.json;
    assert_eq!(messages.as_array().unwrap().len(), 1);
    assert_eq!(messages[0]["kind"], "survey_answered");
}

#[tokio::test]
async fn with_valtuudet_down_nothing_is_granted_and_nothing_is_written() {
    let app = app();
    let anni = browser(&app, "Anni").await;
    assert_eq!(anni.act_for_child(person("Eetu")).await, GRANTED);

    *app.valtuudet().up.lock().unwrap() = false;
    let refused = anni.give_feedback(30).await;
    assert_eq!(refused.status, 503);
    assert_eq!(refused.code(), "mandate_service_unavailable");
    assert_eq!(app.count("SELECT COUNT(*) FROM feedback"), 0);
    let start = anni.get("/api/on-behalf/start?for=child&lang=fi").await;
    assert_eq!(
        start.header("location"),
        Some("/on-behalf?refused=unavailable&for=child&lang=fi")
    );
    assert!(
        anni.acting_for().await.is_null(),
        "a new choice ends the old one"
    );
    // The public comparison does not need Valtuudet.
    assert_eq!(
        app.get("/api/public/offers?municipality=638&service=home-care")
            .await
            .status,
        200
    );
}
