//! Acting on another person's behalf, against the Valtuudet mock's real protocol: use case 1
//! and its three refusals, adults' mandates and their issues, re-checks before writes, a
//! revoked mandate, Valtuudet being down, the municipality's registered proxy, the trail and
//! the messages.

use crate::fake_provider::FakeProvider;
use crate::helpers::{Client, TestApp, TestResponse, PUBLIC_URL};
use seteli_domain::mandates::{ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS};
use seteli_edge::http::Method;

const EEVA_LIISA: &str = "140334-912M";
const ANNI: &str = "220784-926C";
const MIKKO: &str = "091182-931V";
const EETU: &str = "030413A9450";
const ELLA: &str = "170816A958E";
const KARL_JOHAN: &str = "280175-967D";
const OSKAR: &str = "120515A9454";
const ALL_CODES: [&str; 7] = [EEVA_LIISA, ANNI, MIKKO, EETU, ELLA, KARL_JOHAN, OSKAR];

/// The customers of the mock's register (Mikko and Oskar are not customers), each with a
/// voucher whose one event producer 1 logged; Eeva-Liisa's registered proxy is Karl-Johan.
fn app() -> TestApp<FakeProvider> {
    let app = TestApp::with_valtuudet();
    app.approved_home_care(1, "Hoiva Oy", 3600);
    let customers = [
        (1, EEVA_LIISA, "Eeva-Liisa", "Kinnunen"),
        (2, ANNI, "Anni", "Kumpulainen"),
        (3, EETU, "Eetu", "Kumpulainen"),
        (4, ELLA, "Ella", "Kumpulainen"),
        (5, KARL_JOHAN, "Karl-Johan", "Nyström"),
    ];
    for (id, hetu, given, family) in customers {
        app.customer_with_voucher(id, hetu, given, family);
    }
    app.registered_proxy(1, KARL_JOHAN);
    app
}

/// One logged-in person's browser.
struct Browser<'a>(Client<'a, FakeProvider>);

impl<'a> std::ops::Deref for Browser<'a> {
    type Target = Client<'a, FakeProvider>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> Browser<'a> {
    async fn login(app: &'a TestApp<FakeProvider>, hetu: &str) -> Browser<'a> {
        Browser(Client::login(app, hetu).await)
    }

    /// Starts a choice; the URL of the Valtuudet selection page the browser is sent to.
    async fn start(&self, kind: &str) -> String {
        let res = self
            .get(&format!("/api/on-behalf/start?for={kind}&lang=en"))
            .await;
        assert_eq!(res.status, 303);
        let location = res.header("location").unwrap().to_owned();
        assert_no_identity_code(&location);
        location
    }

    /// Follows Valtuudet's redirect back to Seteli; where Seteli then sends the browser.
    async fn come_back(&self, valtuudet_location: &str) -> String {
        let path = valtuudet_location
            .strip_prefix(PUBLIC_URL)
            .expect("back to Seteli's callback");
        let res = self.get(path).await;
        assert_eq!(res.status, 303, "{:?}", res.json);
        let location = res.header("location").unwrap().to_owned();
        assert_no_identity_code(&location);
        location
    }

    /// The whole choice of `principal` on the selection page; where Seteli lands.
    async fn act_for(&self, kind: &str, principal: &str) -> String {
        let selection = self.start(kind).await;
        let back = self
            .app
            .valtuudet()
            .pick(&selection, ("principal", principal))
            .await;
        self.come_back(&back).await
    }

    async fn acting_for(&self) -> serde_json::Value {
        self.get("/api/auth/me").await.json["acting_for"].clone()
    }

    async fn feedback(&self, voucher: i64) -> TestResponse {
        self.post(
            "/api/citizen/feedback",
            serde_json::json!({"voucher_id": voucher, "producer_id": 1, "body": "Kiitos hyvästä hoidosta"}),
        )
        .await
    }

    async fn trail(&self) -> Vec<(String, String, String, String)> {
        let res = self.get("/api/citizen/trail").await;
        assert_eq!(res.status, 200, "{:?}", res.json);
        res.json
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let s = |k: &str| e[k].as_str().unwrap().to_owned();
                (s("actor_name"), s("action"), s("basis"), s("result"))
            })
            .collect()
    }
}

fn assert_no_identity_code(text: &str) {
    for code in ALL_CODES {
        assert!(!text.contains(code), "an identity code in {text}");
    }
}

fn entry(actor: &str, action: &str, basis: &str, result: &str) -> (String, String, String, String) {
    (actor.into(), action.into(), basis.into(), result.into())
}

fn count(app: &TestApp<FakeProvider>, sql: &str) -> i64 {
    app.ctx.db.scalar(sql).unwrap()
}

#[tokio::test]
async fn a_guardian_acts_for_a_child_and_the_other_guardian_reads_what_was_done() {
    let app = app();
    let anni = Browser::login(&app, ANNI).await;
    assert!(anni.acting_for().await.is_null());

    assert_eq!(anni.act_for("child", EETU).await, "/my/vouchers?lang=en");
    let acting = anni.acting_for().await;
    assert_eq!(acting["given_name"], "Eetu");
    assert_eq!(acting["basis"], "guardian");
    let me = anni.get("/api/auth/me").await.json;
    assert_eq!(
        me["given_name"], "Anni",
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
    let created = anni.feedback(30).await;
    assert_eq!(created.status, 201, "{:?}", created.json);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM feedback WHERE customer_id = 3"),
        1
    );
    let messages = anni.get("/api/citizen/messages").await.json;
    assert_eq!(messages[0]["kind"], "feedback_given");
    assert_eq!(messages[0]["actor_name"], "Anni Kumpulainen");
    assert_eq!(messages[0]["producer_name"], "Hoiva Oy");
    assert_eq!(messages[0]["status"], "queued");

    // Back to acting for herself.
    assert_eq!(
        anni.post("/api/on-behalf/stop", serde_json::json!({}))
            .await
            .status,
        204
    );
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
    let mikko = Browser::login(&app, MIKKO).await;
    assert_eq!(mikko.act_for("child", EETU).await, "/my/vouchers?lang=en");
    let trail = mikko.trail().await;
    for done in [
        entry("Anni Kumpulainen", "choose", "guardian", "allowed"),
        entry("Anni Kumpulainen", "view_vouchers", "guardian", "allowed"),
        entry("Anni Kumpulainen", "give_feedback", "guardian", "allowed"),
        entry("Anni Kumpulainen", "view_messages", "guardian", "allowed"),
        entry("Mikko Kumpulainen", "choose", "guardian", "allowed"),
    ] {
        assert!(trail.contains(&done), "{done:?} in {trail:?}");
    }
    assert_eq!(
        trail[0],
        entry("Mikko Kumpulainen", "view_trail", "guardian", "allowed")
    );
    // The trail never holds anyone's identity code in what it shows.
    assert_no_identity_code(&mikko.get("/api/citizen/trail").await.json.to_string());
}

#[tokio::test]
async fn nobody_to_act_for_is_refused_with_its_reason() {
    let app = app();
    let eeva = Browser::login(&app, EEVA_LIISA).await;
    let selection = eeva.start("child").await;
    // The mock sends a person with nobody to pick straight back with an error.
    let (status, back) = app.valtuudet().open(&selection).await;
    assert_eq!(status, 303);
    assert_eq!(
        eeva.come_back(&back.unwrap()).await,
        "/on-behalf?refused=no_principals&for=child&lang=en"
    );
    assert!(eeva.acting_for().await.is_null());
}

#[tokio::test]
async fn cancelling_the_choice_acts_for_nobody() {
    let app = app();
    let anni = Browser::login(&app, ANNI).await;
    let selection = anni.start("adult").await;
    let back = app.valtuudet().pick(&selection, ("action", "cancel")).await;
    assert_eq!(
        anni.come_back(&back).await,
        "/on-behalf?refused=no_principals&for=adult&lang=en"
    );
    assert!(anni.acting_for().await.is_null());
}

#[tokio::test]
async fn a_restricted_guardian_has_no_right_and_the_attempt_is_logged_for_the_child() {
    let app = app();
    let mikko = Browser::login(&app, MIKKO).await;
    assert_eq!(
        mikko.act_for("child", ELLA).await,
        "/on-behalf?refused=no_right&for=child&lang=en"
    );
    assert!(mikko.acting_for().await.is_null());
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = 4 AND action = 'choose' AND result = 'refused'"
        ),
        1
    );
}

#[tokio::test]
async fn a_child_who_is_not_a_customer_has_no_data() {
    let app = app();
    let karl_johan = Browser::login(&app, KARL_JOHAN).await;
    assert_eq!(
        karl_johan.act_for("child", OSKAR).await,
        "/on-behalf?refused=no_data&for=child&lang=en"
    );
    assert!(karl_johan.acting_for().await.is_null());
}

#[tokio::test]
async fn an_adult_mandate_without_the_feedback_issue_reads_but_cannot_give_feedback() {
    let app = app();
    let mikko = Browser::login(&app, MIKKO).await;
    assert_eq!(
        mikko.act_for("adult", KARL_JOHAN).await,
        "/my/vouchers?lang=en"
    );
    assert_eq!(mikko.acting_for().await["basis"], "mandate");
    assert_eq!(mikko.get("/api/citizen/vouchers").await.json[0]["id"], 50);

    let refused = mikko.feedback(50).await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_right_to_act");
    let issues = refused.json["mandate_issues"].as_array().unwrap();
    assert!(issues.contains(&ISSUE_FEEDBACK.into()));
    assert!(issues.contains(&ISSUE_VOUCHER_MATTERS.into()));
    assert!(refused.json["message"]
        .as_str()
        .unwrap()
        .contains("Palautteen antaminen"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback"), 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages"), 0);
    assert!(mikko.trail().await.contains(&entry(
        "Mikko Kumpulainen",
        "give_feedback",
        "mandate",
        "refused"
    )));
}

#[tokio::test]
async fn an_adult_mandate_with_both_issues_gives_feedback_until_it_is_revoked() {
    let mut app = app();
    let anni = Browser::login(&app, ANNI).await;
    assert_eq!(
        anni.act_for("adult", EEVA_LIISA).await,
        "/my/vouchers?lang=en"
    );
    assert_eq!(anni.feedback(10).await.status, 201);

    app.valtuudet().revoke(EEVA_LIISA, ANNI).await;
    // The next write asks Valtuudet again and is refused; nothing is stored.
    let refused = anni.feedback(10).await;
    assert_eq!(refused.status, 403, "{:?}", refused.json);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback"), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages"), 1);
    // Reads rely on the last check for at most five minutes; then they ask again.
    assert_eq!(anni.get("/api/citizen/vouchers").await.status, 200);
    let cookie = anni.session();
    app.advance(301);
    let anni = Browser(Client::with_session(&app, &cookie));
    assert_eq!(anni.get("/api/citizen/vouchers").await.status, 403);

    // Eeva-Liisa herself sees all of it.
    let eeva = Browser::login(&app, EEVA_LIISA).await;
    let trail = eeva.trail().await;
    assert!(trail.contains(&entry(
        "Anni Kumpulainen",
        "give_feedback",
        "mandate",
        "allowed"
    )));
    assert!(trail.contains(&entry(
        "Anni Kumpulainen",
        "give_feedback",
        "mandate",
        "refused"
    )));
    assert!(trail.contains(&entry(
        "Anni Kumpulainen",
        "view_vouchers",
        "mandate",
        "refused"
    )));
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
async fn with_valtuudet_down_nothing_is_granted_and_nothing_is_written() {
    let app = app();
    let anni = Browser::login(&app, ANNI).await;
    assert_eq!(anni.act_for("child", EETU).await, "/my/vouchers?lang=en");

    *app.valtuudet().up.lock().unwrap() = false;
    let refused = anni.feedback(30).await;
    assert_eq!(refused.status, 503);
    assert_eq!(refused.code(), "mandate_service_unavailable");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM feedback"), 0);
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

#[tokio::test]
async fn an_unconfigured_valtuudet_explains_itself() {
    let mut app = app();
    app.ctx.config.valtuudet = None;
    let anni = Browser::login(&app, ANNI).await;
    let start = anni.get("/api/on-behalf/start?for=adult").await;
    assert_eq!(
        start.header("location"),
        Some("/on-behalf?refused=unavailable&for=adult&lang=fi")
    );
}

#[tokio::test]
async fn a_registered_proxy_acts_without_valtuudet_while_the_registration_is_valid() {
    let app = app();
    *app.valtuudet().up.lock().unwrap() = false;
    let karl_johan = Browser::login(&app, KARL_JOHAN).await;
    let list = karl_johan.get("/api/on-behalf/registered").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.json[0]["customer_id"], 1);
    assert_eq!(list.json[0]["given_name"], "Eeva-Liisa");
    assert_eq!(list.json[0]["valid_until"], "2027-06-30");
    assert_no_identity_code(&list.json.to_string());
    assert!(Browser::login(&app, ANNI)
        .await
        .get("/api/on-behalf/registered")
        .await
        .json
        .as_array()
        .unwrap()
        .is_empty());

    // Someone he is not registered for: refused, and nothing changes.
    let other = karl_johan
        .post(
            "/api/on-behalf/registered",
            serde_json::json!({"customer_id": 2}),
        )
        .await;
    assert_eq!(other.status, 403);
    assert!(karl_johan.acting_for().await.is_null());

    let chosen = karl_johan
        .post(
            "/api/on-behalf/registered",
            serde_json::json!({"customer_id": 1}),
        )
        .await;
    assert_eq!(chosen.status, 204);
    assert_eq!(karl_johan.acting_for().await["basis"], "registered_proxy");
    assert_eq!(
        karl_johan.get("/api/citizen/vouchers").await.json[0]["id"],
        10
    );
    assert_eq!(karl_johan.feedback(10).await.status, 201);

    // The municipality ends the registration: the next read is refused.
    app.sql("UPDATE registered_proxies SET valid_until = '2026-11-20' WHERE customer_id = 1;");
    let refused = karl_johan.get("/api/citizen/vouchers").await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_right_to_act");

    let trail = Browser::login(&app, EEVA_LIISA).await.trail().await;
    assert!(trail.contains(&entry(
        "Karl-Johan Nyström",
        "choose",
        "registered_proxy",
        "allowed"
    )));
    assert!(trail.contains(&entry(
        "Karl-Johan Nyström",
        "give_feedback",
        "registered_proxy",
        "allowed"
    )));
    assert!(trail.contains(&entry(
        "Karl-Johan Nyström",
        "view_vouchers",
        "registered_proxy",
        "refused"
    )));
}

#[tokio::test]
async fn a_choice_comes_back_only_once_and_only_to_the_session_that_began_it() {
    let app = app();
    let anni = Browser::login(&app, ANNI).await;
    let selection = anni.start("child").await;
    let back = app.valtuudet().pick(&selection, ("principal", EETU)).await;

    // Another person's browser cannot finish Anni's choice.
    let mikko = Browser::login(&app, MIKKO).await;
    assert_eq!(
        mikko.come_back(&back).await,
        "/on-behalf?refused=expired&for=child&lang=en"
    );
    assert!(mikko.acting_for().await.is_null());
    // The state was used up by that attempt.
    assert_eq!(
        anni.come_back(&back).await,
        "/on-behalf?refused=expired&for=child&lang=fi"
    );
    assert!(anni.acting_for().await.is_null());
}

#[tokio::test]
async fn a_stale_choice_expires() {
    let mut app = app();
    let anni = Browser::login(&app, ANNI).await;
    let selection = anni.start("child").await;
    let back = app.valtuudet().pick(&selection, ("principal", EETU)).await;
    let cookie = anni.session();
    app.advance(16 * 60);
    let anni = Browser(Client::with_session(&app, &cookie));
    assert_eq!(
        anni.come_back(&back).await,
        "/on-behalf?refused=expired&for=child&lang=en"
    );
}

#[tokio::test]
async fn the_on_behalf_routes_need_a_citizen() {
    let app = app();
    for path in [
        "/api/citizen/trail",
        "/api/citizen/messages",
        "/api/on-behalf/registered",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status, 401, "{path}");
    }
    let stop = app
        .request_with(
            Method::Post,
            "/api/on-behalf/stop",
            &[("origin", PUBLIC_URL)],
        )
        .await;
    assert_eq!(stop.status, 401);
    // A visitor who opens the start link is sent to the page that asks them to log in.
    let start = app.get("/api/on-behalf/start?for=child&lang=sv").await;
    assert_eq!(start.header("location"), Some("/on-behalf?lang=sv"));
    // An unknown state never acts for anyone.
    let anni = Browser::login(&app, ANNI).await;
    assert_eq!(
        anni.come_back(&format!(
            "{PUBLIC_URL}/api/valtuudet/callback?code=x&state=nope"
        ))
        .await,
        "/on-behalf?refused=expired&for=child&lang=fi"
    );
    for (method, path, allow) in [
        (Method::Delete, "/api/citizen/trail", "GET, HEAD"),
        (Method::Post, "/api/citizen/messages", "GET, HEAD"),
        (Method::Post, "/api/on-behalf/start", "GET, HEAD"),
        (Method::Post, "/api/valtuudet/callback", "GET, HEAD"),
        (Method::Get, "/api/on-behalf/stop", "POST"),
        (
            Method::Delete,
            "/api/on-behalf/registered",
            "GET, HEAD, POST",
        ),
    ] {
        let res = app
            .request_with(method, path, &[("origin", PUBLIC_URL)])
            .await;
        assert_eq!(res.status, 405, "{path}");
        assert_eq!(res.header("allow"), Some(allow), "{path}");
    }
}

#[tokio::test]
async fn a_survey_answered_for_a_child_is_logged_and_messaged() {
    let app = app();
    let anni = Browser::login(&app, ANNI).await;
    anni.act_for("child", EETU).await;
    let answer = serde_json::json!({"voucher_id": 30, "producer_id": 1, "overall": 5,
        "punctuality": 4, "staff": 5, "information": 4, "comment": ""});
    let res = anni.post("/api/citizen/surveys", answer.clone()).await;
    assert_eq!(res.status, 201, "{:?}", res.json);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM survey_answers WHERE customer_id = 3"
        ),
        1
    );
    // A second answer this month is refused and leaves no second trail entry or message.
    assert_eq!(anni.post("/api/citizen/surveys", answer).await.status, 409);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM on_behalf_log WHERE action = 'answer_survey'"
        ),
        1
    );
    let messages = anni.get("/api/citizen/messages").await.json;
    assert_eq!(messages.as_array().unwrap().len(), 1);
    assert_eq!(messages[0]["kind"], "survey_answered");
}

#[tokio::test]
async fn when_the_valtuudet_session_ends_the_person_is_asked_to_choose_again() {
    let mut app = app();
    let anni = Browser::login(&app, ANNI).await;
    anni.act_for("child", EETU).await;
    // Valtuudet's session lasts 10 minutes; the read cache 5.
    let cookie = anni.session();
    app.advance(11 * 60);
    let anni = Browser(Client::with_session(&app, &cookie));
    let expired = anni.get("/api/citizen/vouchers").await;
    assert_eq!(expired.status, 409);
    assert_eq!(expired.code(), "on_behalf_expired");
    assert!(
        anni.acting_for().await.is_null(),
        "back to acting for herself"
    );
    assert_eq!(anni.get("/api/citizen/vouchers").await.json[0]["id"], 20);
}
