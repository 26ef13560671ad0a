//! What the Web API answers after a pick: the picked person (`delegate`), the `authorization`
//! rules of the register, and an organisation's roles (`organizationRoles`).

use crate::common::has_testid;
use crate::{business_id, hetu, Mock, Session, REDIRECT_URI, REQUEST_ID};
use reqwest::StatusCode;
use serde_json::{json, Value};
use seteli_mocks::valtuudet::{ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS};

#[tokio::test]
async fn a_guardian_picks_a_child_and_may_act_for_them() {
    let mock = Mock::start().await;
    let eetu = hetu("Eetu");
    let (session_id, user_id, page) = mock.selection("hpa", hetu("Anni")).await;

    assert!(page.contains("<main>"));
    assert!(page.contains("<h1>Valitse, kenen puolesta asioit</h1>"));
    assert!(page.contains("<legend"));
    assert!(page.contains("Eetu Olavi Kumpulainen"));
    for id in [
        format!("principal-{eetu}"),
        format!("principal-{}", hetu("Ella")),
        format!("principal-{}", hetu("Eeva-Liisa")),
        "cancel".to_owned(),
    ] {
        assert!(has_testid(&page, &id), "{id}");
    }
    // Karl-Johan's mandate to Anni has expired.
    assert!(!has_testid(
        &page,
        &format!("principal-{}", hetu("Karl-Johan"))
    ));
    assert!(page.contains("width=device-width"));

    let code = mock.pick(&user_id, eetu).await;
    let response = mock.exchange(&code, REDIRECT_URI).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 599);
    assert!(body["refresh_token"].is_string());
    assert!(body["scope"].is_string());
    let session = Session {
        id: session_id,
        token: body["access_token"].as_str().unwrap().to_owned(),
    };

    let delegate = mock.delegate(&session).await;
    assert_eq!(delegate.status(), StatusCode::OK);
    assert_eq!(
        delegate.json::<Value>().await.unwrap(),
        json!([{ "personId": eetu, "name": "Kumpulainen Eetu Olavi" }])
    );
    let both = [ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK];
    assert_eq!(mock.authorization(&session, eetu, &both).await, "ALLOWED");
    assert_eq!(mock.authorization(&session, eetu, &[]).await, "ALLOWED");

    // End: unregister, after which the session is gone.
    mock.assert_unregisters(&session, Some(REQUEST_ID)).await;
}

#[tokio::test]
async fn a_principal_other_than_the_one_picked_is_disallowed() {
    let mock = Mock::start().await;
    let session = mock.login("hpa", hetu("Anni"), hetu("Eetu")).await;
    // Anni may act for both, but picked Eetu.
    for other in ["Ella", "Eeva-Liisa"] {
        let result = mock.authorization(&session, hetu(other), &[]).await;
        assert_eq!(result, "DISALLOWED", "{other}");
    }
}

#[tokio::test]
async fn an_adult_mandate_allows_only_the_issues_it_covers() {
    let mock = Mock::start().await;
    let (karl_johan, eeva_liisa) = (hetu("Karl-Johan"), hetu("Eeva-Liisa"));
    let mikko = mock.login("hpa", hetu("Mikko"), karl_johan).await;
    let anni = mock.login("hpa", hetu("Anni"), eeva_liisa).await;
    let other = "http://valtuusrekisteri.suomi.fi/other";
    for (session, principal, issues, result) in [
        (&mikko, karl_johan, &[ISSUE_VOUCHER_MATTERS][..], "ALLOWED"),
        (
            &mikko,
            karl_johan,
            &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK],
            "DISALLOWED",
        ),
        (&mikko, karl_johan, &[ISSUE_FEEDBACK], "DISALLOWED"),
        (
            &anni,
            eeva_liisa,
            &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK],
            "ALLOWED",
        ),
        (&anni, eeva_liisa, &[other], "DISALLOWED"),
    ] {
        let answer = mock.authorization(session, principal, issues).await;
        assert_eq!(answer, result, "{principal} {issues:?}");
    }
}

#[tokio::test]
async fn a_restriction_disallows_a_guardian_without_saying_why() {
    let mock = Mock::start().await;
    let ella = hetu("Ella");
    let mikko = mock.login("hpa", hetu("Mikko"), ella).await;
    let path = Mock::authorization_path(&mikko, ella, &[]);
    let body: Value = mock
        .get_signed(&path, Some(&mikko.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["result"], "DISALLOWED");
    assert_eq!(
        body["reasons"],
        json!([]),
        "DVV never tells the service why"
    );
}

#[tokio::test]
async fn a_revoked_mandate_is_disallowed_on_the_next_call_until_reset() {
    let mock = Mock::start().await;
    let (anni, eeva_liisa) = (hetu("Anni"), hetu("Eeva-Liisa"));
    let session = mock.login("hpa", anni, eeva_liisa).await;
    let asiointi = [ISSUE_VOUCHER_MATTERS];
    let answer = mock.authorization(&session, eeva_liisa, &asiointi).await;
    assert_eq!(answer, "ALLOWED");

    let revoke = json!({ "principal": eeva_liisa, "delegate": anni });
    let response = mock.post_json("/dev/mandates/revoke", revoke.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap()["revoked"], 1);
    let answer = mock.authorization(&session, eeva_liisa, &asiointi).await;
    assert_eq!(answer, "DISALLOWED");
    // Nothing is left to revoke, and Eeva-Liisa is no longer offered.
    assert_eq!(
        mock.post_json("/dev/mandates/revoke", revoke)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (_, _, page) = mock.selection("hpa", anni).await;
    assert!(!has_testid(&page, &format!("principal-{eeva_liisa}")));

    let reset = mock.post_json("/dev/reset", json!({})).await;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    let again = mock.login("hpa", anni, eeva_liisa).await;
    let answer = mock.authorization(&again, eeva_liisa, &asiointi).await;
    assert_eq!(answer, "ALLOWED");
}

#[tokio::test]
async fn a_person_with_roles_picks_an_organisation_and_gets_its_roles() {
    let mock = Mock::start().await;
    let rova = business_id("Rova");
    let (session_id, user_id, page) = mock.selection("ypa", hetu("Karl-Johan")).await;
    assert!(has_testid(&page, &format!("principal-{rova}")));
    assert!(has_testid(
        &page,
        &format!("principal-{}", business_id("Aurinko"))
    ));
    assert!(page.contains("Rova Oy"));

    let code = mock.pick(&user_id, rova).await;
    let session = Session {
        id: session_id,
        token: mock.token(&code).await,
    };
    let response = mock
        .get_signed(
            &format!(
                "/service/ypa/api/organizationRoles/{}?requestId={REQUEST_ID}",
                session.id
            ),
            Some(&session.token),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!([{ "name": "Rova Oy", "identifier": rova, "complete": true, "roles": ["TJ", "J"] }])
    );
    // An ypa session is not an hpa one.
    mock.assert_delegate(&session, StatusCode::UNAUTHORIZED)
        .await;
}
