//! Adults' mandates and their issues: reading without the feedback issue, a revoked
//! mandate, and Valtuudet's session ending.

use super::{app, browser, entry, full, person, GRANTED};
use crate::helpers::Session;
use seteli_domain::mandates::{ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS};

#[tokio::test]
async fn an_adult_mandate_without_the_feedback_issue_reads_but_cannot_give_feedback() {
    let app = app();
    let mikko = browser(&app, "Mikko").await;
    assert_eq!(mikko.act_for_adult(person("Karl-Johan")).await, GRANTED);
    assert_eq!(mikko.acting_for().await["basis"], "mandate");
    assert_eq!(mikko.get("/api/citizen/vouchers").await.json[0]["id"], 50);

    let refused = mikko.give_feedback(50).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_right_to_act");
    let issues = refused.json["mandate_issues"].as_array().unwrap();
    assert!(issues.contains(&ISSUE_FEEDBACK.into()));
    assert!(issues.contains(&ISSUE_VOUCHER_MATTERS.into()));
    assert!(refused.json["message"]
        .as_str()
        .unwrap()
        .contains("Palautteen antaminen"));
    assert_eq!(app.count("SELECT COUNT(*) FROM feedback"), 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM messages"), 0);
    assert!(mikko.trail().await.contains(&entry(
        &full("Mikko"),
        "give_feedback",
        "mandate",
        "refused"
    )));
}

#[tokio::test]
async fn an_adult_mandate_with_both_issues_gives_feedback_until_it_is_revoked() {
    let mut app = app();
    let anni = browser(&app, "Anni").await;
    assert_eq!(anni.act_for_adult(person("Eeva-Liisa")).await, GRANTED);
    assert_eq!(anni.give_feedback(10).await.status, 201);

    app.valtuudet()
        .revoke(person("Eeva-Liisa").code(), person("Anni").code())
        .await;
    // The next write asks Valtuudet again and is refused; nothing is stored.
    let refused = anni.give_feedback(10).await;
    assert_eq!(refused.status, 403, "{:?}", refused.json);
    assert_eq!(app.count("SELECT COUNT(*) FROM feedback"), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM messages"), 1);
    // Reads rely on the last check for at most five minutes; then they ask again.
    assert_eq!(anni.get("/api/citizen/vouchers").await.status, 200);
    let id = anni.id();
    app.advance(301);
    let anni = Session::with_id(&app, &id);
    assert_eq!(anni.get("/api/citizen/vouchers").await.status, 403);

    // Eeva-Liisa herself sees all of it.
    let eeva = browser(&app, "Eeva-Liisa").await;
    let trail = eeva.trail().await;
    assert!(trail.contains(&entry(&full("Anni"), "give_feedback", "mandate", "allowed")));
    assert!(trail.contains(&entry(&full("Anni"), "give_feedback", "mandate", "refused")));
    assert!(trail.contains(&entry(&full("Anni"), "view_vouchers", "mandate", "refused")));
    assert_eq!(
        eeva.get("/api/citizen/messages")
            .await
            .json
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn when_the_valtuudet_session_ends_the_person_is_asked_to_choose_again() {
    let mut app = app();
    let anni = browser(&app, "Anni").await;
    anni.act_for_child(person("Eetu")).await;
    // Valtuudet's session lasts 10 minutes; the read cache 5.
    let id = anni.id();
    app.advance(11 * 60);
    let anni = Session::with_id(&app, &id);
    let expired = anni.get("/api/citizen/vouchers").await;
    assert_eq!(expired.status, 409);
    assert_eq!(expired.code(), "on_behalf_expired");
    assert!(
        anni.acting_for().await.is_null(),
        "back to acting for herself"
    );
    assert_eq!(anni.get("/api/citizen/vouchers").await.json[0]["id"], 20);
}
