//! A citizen's identity from the ID token or, when it is not there, from `userinfo`; and the
//! refusals when `userinfo` names someone else, fails or does not exist.

use super::{anni, app_with_claims_in_userinfo, assert_refused, sessions_with_hetu, staff_user};
use crate::helpers::{cast, IdentificationMock, TestApp};
use seteli_mocks::identification::{ClaimsIn, Issuer};

#[tokio::test]
async fn a_citizen_with_the_identity_code_in_the_id_token_logs_in_without_asking_userinfo() {
    let app = TestApp::with_identification();

    let res = app.login_as(anni(), None).await;

    let session = res.cookie("seteli_session").expect("a session");
    assert_eq!(
        app.get_me(&session).await.json["given_name"],
        anni().given_name.as_str()
    );
    assert_eq!(sessions_with_hetu(&app, anni()), 1);
    assert!(!app.identification().userinfo_was_called());
}

#[tokio::test]
async fn a_citizen_whose_identity_code_and_names_are_only_in_userinfo_logs_in() {
    let app = app_with_claims_in_userinfo().await;
    let eeva_liisa = cast::person("Eeva-Liisa");

    let res = app.login_as(eeva_liisa, None).await;

    assert_eq!(res.header("location"), Some("/omat"));
    let session = res.cookie("seteli_session").expect("a session");
    let me = app.get_me(&session).await;
    assert_eq!(me.json["audience"], "citizen");
    assert_eq!(me.json["given_name"], eeva_liisa.given_name.as_str());
    assert_eq!(me.json["family_name"], eeva_liisa.family_name.as_str());
    assert_eq!(sessions_with_hetu(&app, eeva_liisa), 1);
    assert!(app.identification().userinfo_was_called());
}

#[tokio::test]
async fn a_userinfo_answer_about_another_subject_gives_no_session() {
    for staff in [false, true] {
        let app = app_with_claims_in_userinfo().await;
        app.identification()
            .userinfo_tamper
            .lock()
            .unwrap()
            .push(("sub".into(), serde_json::json!("sub-someone-else")));

        let res = if staff {
            app.staff_login(staff_user("valtuushallinnoija")).await
        } else {
            app.login_as(anni(), None).await
        };

        assert_refused(&res, "failed");
        assert_eq!(
            app.count("SELECT COUNT(*) FROM sessions"),
            0,
            "staff: {staff}"
        );
    }
}

#[tokio::test]
async fn userinfo_only_fills_in_what_the_id_token_lacks() {
    let app = TestApp::with_identification();
    let eeva_liisa = cast::person("Eeva-Liisa");
    // The ID token has the identity code but no names; userinfo names another code.
    app.identification().tamper.lock().unwrap().extend([
        ("given_name".to_owned(), serde_json::Value::Null),
        ("family_name".to_owned(), serde_json::Value::Null),
    ]);
    app.identification()
        .userinfo_tamper
        .lock()
        .unwrap()
        .extend([
            ("given_name".to_owned(), serde_json::json!("Anni")),
            ("family_name".to_owned(), serde_json::json!("Kumpulainen")),
            (
                "urn:oid:1.2.246.21".to_owned(),
                serde_json::json!(eeva_liisa.code()),
            ),
        ]);

    let res = app.login_as(anni(), None).await;

    let session = res.cookie("seteli_session").expect("a session");
    assert_eq!(app.get_me(&session).await.json["given_name"], "Anni");
    assert_eq!(sessions_with_hetu(&app, anni()), 1, "the ID token's code");
    assert_eq!(sessions_with_hetu(&app, eeva_liisa), 0);
}

#[tokio::test]
async fn a_failing_userinfo_gives_no_session_and_says_the_service_is_unavailable() {
    let app = app_with_claims_in_userinfo().await;
    app.identification().answers.lock().unwrap().insert(
        format!("{}/userinfo", IdentificationMock::issuer(Issuer::Citizen)),
        (503, "maintenance".into()),
    );

    let res = app.login_as(anni(), None).await;

    assert_refused(&res, "unavailable");
}

#[tokio::test]
async fn without_a_userinfo_endpoint_a_token_lacking_the_identity_code_gives_no_session() {
    let app = app_with_claims_in_userinfo().await;
    let iss = IdentificationMock::issuer(Issuer::Citizen);
    app.identification().answers.lock().unwrap().insert(
        format!("{iss}/.well-known/openid-configuration"),
        (
            200,
            serde_json::json!({
                "issuer": iss,
                "authorization_endpoint": format!("{iss}/authorize"),
                "token_endpoint": format!("{iss}/token"),
                "jwks_uri": format!("{iss}/jwks"),
            })
            .to_string(),
        ),
    );

    let res = app.login_as(anni(), None).await;

    assert_refused(&res, "failed");
    assert!(!app.identification().userinfo_was_called());
}

#[tokio::test]
async fn a_citizen_logs_in_at_the_mock_with_the_claims_in_the_id_token_or_only_in_userinfo() {
    for claims_in in [ClaimsIn::IdToken, ClaimsIn::Userinfo] {
        let app = TestApp::with_identification();
        app.identification().put_claims_in(claims_in).await;
        let eeva_liisa = cast::person("Eeva-Liisa");

        let res = app.login_as(eeva_liisa, None).await;

        assert_eq!(res.header("location"), Some("/omat"), "{claims_in:?}");
        let session = res.cookie("seteli_session").expect("a session");
        let me = app.get_me(&session).await;
        assert_eq!(me.json["audience"], "citizen");
        assert_eq!(
            me.json["family_name"],
            eeva_liisa.family_name.as_str(),
            "{claims_in:?}"
        );
        assert_eq!(sessions_with_hetu(&app, eeva_liisa), 1, "{claims_in:?}");
    }
}
