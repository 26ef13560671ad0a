//! The administrator's queue on the case engine: path 1 taken, prepared and recorded done
//! in Suomi.fi-valtuudet; path 2 through "waiting for DVV" under DVV's reference; hand-over
//! and release so that no order depends on one person; each step told to the orderer;
//! overdue orders flagged; wrong steps refused with nothing written.

use super::{admin, app, order, own_order, staff, step, team_order};
use crate::helpers::authorisations::{KELA_HELD, KELA_MISSING};
use crate::helpers::{cast, Mocks, TestApp};
use serde_json::json;

fn notices(app: &TestApp<Mocks>, username: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM staff_notices WHERE username = '{username}' AND kind = 'order_changed'"
    ))
}

fn emails_to(app: &TestApp<Mocks>, address: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM email_outbox WHERE to_address = '{address}'"
    ))
}

#[tokio::test]
async fn path_one_is_taken_prepared_and_recorded_done_in_valtuudet_by_a_person() {
    let app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let id = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    let jukka = admin(&app).await;
    // Recording done before taking it: the engine refuses, nothing changes.
    let early = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!((early.status, early.code()), (409, "case_wrong_state"));

    let taken = step(&jukka, id, "take", json!({})).await;
    assert_eq!(taken.status, 200, "{}", taken.json);
    assert_eq!(taken.json["summary"]["state"], "in_progress");
    assert_eq!(taken.json["summary"]["handler_name"], "Jukka Petteri Laine");
    // Prepared for him who holds it: whom (with the code he enters), what, until when.
    let prepared = &taken.json["prepared"];
    assert_eq!(prepared["employee_name"], "Mikaela Johanna Holmström");
    assert_eq!(prepared["hetu"], cast::person("Anni").code());
    assert_eq!(prepared["authorisations"][0]["agency"]["fi"], "Kela");
    // The orderer is told, on her desk and by e-mail.
    assert_eq!(notices(&app, "sosiaaliohjaaja"), 1);
    assert_eq!(emails_to(&app, "mikaela.holmstrom@porvoo.example"), 2);
    let desk = mikaela.get("/api/staff/desk").await;
    assert_eq!(desk.json["notices"][0]["kind"], "order_changed");
    assert_eq!(desk.json["notices"][0]["case_id"], id);

    // A day in the future or before the order was sent, or an end before the day: refused.
    for (body, field) in [
        (json!({"done_on": "2026-11-22"}), "done_on"),
        (json!({"done_on": "2026-11-20"}), "done_on"),
        (
            json!({"done_on": "2026-11-21", "valid_until": "2026-11-21"}),
            "valid_until",
        ),
    ] {
        let refused = step(&jukka, id, "done", body).await;
        assert_eq!(
            (refused.status, refused.json["field"].as_str()),
            (400, Some(field))
        );
    }
    let done = step(
        &jukka,
        id,
        "done",
        json!({"done_on": "2026-11-21", "valid_until": "2027-11-20", "comment": "Annettu"}),
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.json);
    assert_eq!(done.json["summary"]["state"], "approved");
    assert_eq!(done.json["done_on"], "2026-11-21");
    assert_eq!(done.json["done_by_name"], "Jukka Petteri Laine");
    assert_eq!(done.json["prepared"], json!(null), "nothing left to do");
    // The history keeps every state with who and when.
    let history: Vec<(String, String)> = done.json["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["to"].as_str().unwrap().into(),
                h["by_name"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("submitted".into(), "Mikaela Johanna Holmström".into()),
            ("in_progress".into(), "Jukka Petteri Laine".into()),
            ("approved".into(), "Jukka Petteri Laine".into()),
        ]
    );
    assert!(done.json["history"][2]["at"]
        .as_str()
        .unwrap()
        .starts_with("2026-11-21T"));
    // She now holds it, from the day it was done until its end.
    let mine = mikaela.get("/api/staff/authorisation-orders").await;
    let holding = &mine.json["holdings"][0];
    assert_eq!(holding["authorisation"]["id"], KELA_HELD);
    assert_eq!(
        (holding["since"].as_str(), holding["until"].as_str()),
        (Some("2026-11-21"), Some("2027-11-20"))
    );
    assert_eq!(holding["recorded_by_name"], "Jukka Petteri Laine");
    assert_eq!(mine.json["orders"][0]["state"], "approved");
    // Done twice: refused, one holding.
    let twice = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!(twice.code(), "case_wrong_state");
    assert_eq!(app.count("SELECT COUNT(*) FROM authorisation_holdings"), 1);
}

#[tokio::test]
async fn path_two_waits_for_dvv_under_its_reference_and_dvvs_grant_makes_it_held() {
    let app = app();
    let anna_kaisa = staff(&app, "esihenkilo").await;
    let id = order(&anna_kaisa, team_order("missing", &[KELA_MISSING])).await;
    let jukka = admin(&app).await;
    step(&jukka, id, "take", json!({})).await;
    // Not yet held by the organisation: the assignment waits for DVV.
    let early = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!((early.status, early.code()), (409, "order_awaits_dvv"));
    let no_reference = step(&jukka, id, "wait-dvv", json!({"dvv_reference": " "})).await;
    assert_eq!(no_reference.json["field"], "dvv_reference");
    let waiting = step(
        &jukka,
        id,
        "wait-dvv",
        json!({"dvv_reference": "DVV/4567/2026", "comment": "Hakemus lähetetty DVV:lle"}),
    )
    .await;
    assert_eq!(waiting.status, 200, "{}", waiting.json);
    assert_eq!(waiting.json["summary"]["state"], "waiting");
    assert_eq!(waiting.json["summary"]["waiting_on"], "dvv");
    assert_eq!(waiting.json["dvv_reference"], "DVV/4567/2026");
    // The supervisor follows it through "waiting for DVV".
    let followed = anna_kaisa
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    assert_eq!(followed.json["summary"]["waiting_on"], "dvv");
    assert_eq!(notices(&app, "esihenkilo"), 2);
    // While waiting, the engine refuses done and another wait.
    let refused = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!(refused.code(), "order_awaits_dvv");
    let future = step(
        &jukka,
        id,
        "dvv-granted",
        json!({"granted_on": "2026-11-22"}),
    )
    .await;
    assert_eq!(future.json["field"], "granted_on");
    let granted = step(
        &jukka,
        id,
        "dvv-granted",
        json!({"granted_on": "2026-11-21"}),
    )
    .await;
    assert_eq!(granted.status, 200, "{}", granted.json);
    assert_eq!(granted.json["summary"]["state"], "in_progress");
    assert_eq!(granted.json["dvv_granted_on"], "2026-11-21");
    // The organisation holds it now: the map says so, and path 1 orders it from here on.
    let map = anna_kaisa
        .get("/api/staff/authorisations/map?department=sosiaalipalvelut")
        .await;
    assert!(map.json["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["held"] == true));
    let done = step(
        &jukka,
        id,
        "done",
        json!({"done_on": "2026-11-21", "valid_until": "2027-12-31"}),
    )
    .await;
    assert_eq!(done.json["summary"]["state"], "approved");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM authorisation_holdings WHERE authorisation_id = 2 AND employee_given_name = 'Mikko'"),
        1
    );
    assert_eq!(notices(&app, "esihenkilo"), 4);
    assert_eq!(emails_to(&app, "anna-kaisa.lindholm@porvoo.example"), 5);
}

#[tokio::test]
async fn an_order_is_handed_over_or_released_so_no_order_depends_on_one_person() {
    let app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let id = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    let jukka = admin(&app).await;
    // Helsinki's administrator logs in too: not a colleague of Jukka's.
    let tomas = staff(&app, "helsinki-valtuushallinnoija").await;
    step(&jukka, id, "take", json!({})).await;
    let to_stranger = step(
        &jukka,
        id,
        "hand-over",
        json!({"to": "helsinki-valtuushallinnoija"}),
    )
    .await;
    assert_eq!(
        (to_stranger.status, to_stranger.json["field"].as_str()),
        (400, Some("to"))
    );
    let to_self = step(&jukka, id, "hand-over", json!({"to": "valtuushallinnoija"})).await;
    assert_eq!(to_self.json["field"], "to");
    let theirs = step(&tomas, id, "take", json!({})).await;
    assert_eq!(theirs.status, 404);
    // Released, it is back in the queue for any administrator.
    let released = step(&jukka, id, "release", json!({"comment": "Jonoon"})).await;
    assert_eq!(released.status, 200, "{}", released.json);
    assert_eq!(released.json["summary"]["state"], "submitted");
    assert_eq!(released.json["summary"]["handler"], json!(null));
    step(&jukka, id, "take", json!({})).await;
    // Another of Itä-Uusimaa's administrators (who has logged in) takes it over.
    app.sql(
        "INSERT INTO staff_members (username, given_name, family_name, organiser_code, roles, last_login_at, email)
         VALUES ('toinen-hallinnoija', 'Toini', 'Toinen', 'ita-uusimaa', 'authorisation_admin', '2026-11-20 08:00:00',
                 'toini.toinen@porvoo.example');",
    );
    let view = jukka
        .get(&format!("/api/staff/authorisation-orders/{id}"))
        .await;
    let names: Vec<&str> = view.json["administrators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["valtuushallinnoija", "toinen-hallinnoija"]);
    let handed = step(
        &jukka,
        id,
        "hand-over",
        json!({"to": "toinen-hallinnoija", "comment": "Lomalle"}),
    )
    .await;
    assert_eq!(handed.status, 200);
    assert_eq!(handed.json["summary"]["handler"], "toinen-hallinnoija");
    // Jukka no longer holds it: no prepared code, and the holder's steps are not his.
    assert_eq!(handed.json["prepared"], json!(null));
    let not_his = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!((not_his.status, not_his.code()), (403, "case_not_yours"));
    // Toini is told on her desk and by e-mail.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM staff_notices WHERE username = 'toinen-hallinnoija' AND kind = 'case_to_you'"),
        1
    );
    assert_eq!(emails_to(&app, "toini.toinen@porvoo.example"), 1);
    // Rejecting needs its reasons; the orderer reads them.
    let other = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    step(&jukka, other, "take", json!({})).await;
    let bare = step(&jukka, other, "reject", json!({"comment": " "})).await;
    assert_eq!(bare.json["field"], "comment");
    let rejected = step(
        &jukka,
        other,
        "reject",
        json!({"comment": "Tehtävä ei vaadi tätä valtuutta."}),
    )
    .await;
    assert_eq!(rejected.json["summary"]["state"], "rejected");
    let hers = mikaela
        .get(&format!("/api/staff/authorisation-orders/{other}"))
        .await;
    assert_eq!(
        hers.json["history"][2]["comment"],
        "Tehtävä ei vaadi tätä valtuutta."
    );
    // A path-1 order never waits on DVV.
    let third = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    step(&jukka, third, "take", json!({})).await;
    let no_dvv = step(&jukka, third, "wait-dvv", json!({"dvv_reference": "DVV/1"})).await;
    assert_eq!((no_dvv.status, no_dvv.code()), (409, "case_wrong_state"));
    drop(tomas);
}

#[tokio::test]
async fn an_order_past_its_expected_time_stands_out_and_the_report_counts_the_paths() {
    let mut app = app();
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let late = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    let on_time = order(&mikaela, own_order("missing", &[KELA_MISSING])).await;
    let quick = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    let jukka = admin(&app).await;
    step(&jukka, quick, "take", json!({})).await;
    step(&jukka, quick, "done", json!({"done_on": "2026-11-21"})).await;
    // Four days on, the first path-1 order is past its three; the DVV one is not.
    app.advance(4 * 24 * 3600);
    let jukka = admin(&app).await;
    let queue = jukka.get("/api/staff/authorisation-orders/queue").await;
    let flags: Vec<(i64, bool)> = queue
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_i64().unwrap(), o["overdue"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        flags,
        [(late, true), (on_time, false), (quick, false)],
        "open first, oldest first"
    );
    let report = jukka.get("/api/staff/authorisations/report").await;
    assert_eq!(report.status, 200);
    let held = &report.json["paths"][0];
    assert_eq!(held["path"], "held");
    assert_eq!(
        (
            held["done"].as_i64(),
            held["open"].as_i64(),
            held["overdue"].as_i64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(held["median_tenths"], 0, "done the day it was sent");
    assert_eq!(held["expected_max_days"], 3);
    let missing = &report.json["paths"][1];
    assert_eq!(
        (missing["open"].as_i64(), missing["median_tenths"].as_i64()),
        (Some(1), None)
    );
    let social = report.json["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["department"]["code"] == "sosiaalipalvelut")
        .unwrap();
    assert_eq!(social["holdings"], 1);
    // The report's period counts the orders done in it; what is open is open whatever it.
    let december = jukka
        .get("/api/staff/authorisations/report?from=2026-12&to=2027-01")
        .await;
    assert_eq!(
        (december.json["from"].as_str(), december.json["to"].as_str()),
        (Some("2026-12"), Some("2027-01"))
    );
    let held = &december.json["paths"][0];
    assert_eq!(
        (held["done"].as_i64(), held["median_tenths"].as_i64()),
        (Some(0), None),
        "nothing was done in December"
    );
    assert_eq!(
        (held["open"].as_i64(), held["overdue"].as_i64()),
        (Some(1), Some(1))
    );
    let november = jukka
        .get("/api/staff/authorisations/report?from=2026-11&to=2026-11")
        .await;
    assert_eq!(november.json["paths"][0]["done"], 1);
    for (query, field) in [
        ("from=2026-12&to=2026-11", "from"),
        ("from=2024-11&to=2026-11", "from"),
        ("from=marraskuu", "from"),
        ("to=2026-13", "to"),
    ] {
        let bad = jukka
            .get(&format!("/api/staff/authorisations/report?{query}"))
            .await;
        assert_eq!(
            (bad.status, bad.code(), bad.json["field"].as_str()),
            (400, "invalid_report_period", Some(field)),
            "{query}"
        );
    }
}

#[tokio::test]
async fn dvvs_refusal_brings_the_order_back_to_be_rejected_and_nothing_is_held() {
    let app = app();
    let anna_kaisa = staff(&app, "esihenkilo").await;
    let id = order(&anna_kaisa, team_order("missing", &[KELA_MISSING])).await;
    let jukka = admin(&app).await;
    step(&jukka, id, "take", json!({})).await;
    step(
        &jukka,
        id,
        "wait-dvv",
        json!({"dvv_reference": "DVV/9/2026"}),
    )
    .await;
    // DVV's grant before the order was sent: refused.
    let early = step(
        &jukka,
        id,
        "dvv-granted",
        json!({"granted_on": "2026-11-20"}),
    )
    .await;
    assert_eq!(early.json["field"], "granted_on");
    // Refused without its reasons: said.
    let bare = step(&jukka, id, "dvv-refused", json!({"comment": ""})).await;
    assert_eq!(
        (bare.status, bare.json["field"].as_str()),
        (400, Some("comment"))
    );
    let refused = step(
        &jukka,
        id,
        "dvv-refused",
        json!({"comment": "DVV: ei kuulu organisaation tehtäviin"}),
    )
    .await;
    assert_eq!(refused.status, 200, "{}", refused.json);
    assert_eq!(refused.json["summary"]["state"], "in_progress");
    assert_eq!(refused.json["dvv_granted_on"], json!(null));
    assert_eq!(
        app.count("SELECT held FROM authorisations WHERE id = 2"),
        0,
        "nothing became held"
    );
    // Still not assignable; rejected with the reasons the orderer reads.
    let not_yet = step(&jukka, id, "done", json!({"done_on": "2026-11-21"})).await;
    assert_eq!(not_yet.code(), "order_awaits_dvv");
    let rejected = step(
        &jukka,
        id,
        "reject",
        json!({"comment": "DVV ei myöntänyt valtuutta."}),
    )
    .await;
    assert_eq!(rejected.json["summary"]["state"], "rejected");
    // A path-1 order has no DVV to refuse.
    let mikaela = staff(&app, "sosiaaliohjaaja").await;
    let held = order(&mikaela, own_order("held", &[KELA_HELD])).await;
    step(&jukka, held, "take", json!({})).await;
    let no_dvv = step(&jukka, held, "dvv-refused", json!({"comment": "Ei"})).await;
    assert_eq!(no_dvv.code(), "case_wrong_state");
}
