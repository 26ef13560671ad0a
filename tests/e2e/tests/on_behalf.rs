//! Acting on another person's behalf in Chromium against the real stack: the guardian's use
//! case 1 through the Valtuudet mock's selection page, each refusal, adults' mandates with
//! and without the needed issue, a revoked mandate, the municipality's registered proxy,
//! the trail and messages, and Valtuudet being down.

use seteli_e2e::*;
use std::sync::LazyLock;
use tokio::sync::RwLock;

/// Tests that change the Valtuudet mock (a revoked mandate, an outage) run alone; the
/// others share it.
static MOCK: LazyLock<RwLock<()>> = LazyLock::new(|| RwLock::new(()));

#[tokio::test]
async fn a_guardian_acts_for_a_child_and_the_other_guardian_reads_what_was_done() {
    let _shared = MOCK.read().await;
    let client = proxy::phone_acting_for(person("Anni"), "child", person("Eetu")).await;

    // The child's dashboard, under a banner that names him.
    wait_testid(&client, "voucher").await;
    assert_eq!(proxy::basis(&client).await.as_deref(), Some("guardian"));
    assert!(client.current_url().await.unwrap().path() == "/my/vouchers");
    assert_no_identity_code(client.current_url().await.unwrap().as_str());

    assert_eq!(
        citizen::give_feedback(&client, "Eetu tykkäsi terapeutista.").await,
        "feedback-sent"
    );
    // The banner stays on screen when the page is scrolled.
    let on_screen = js(
        &client,
        "(() => { window.scrollTo(0, document.body.scrollHeight);
           const r = document.querySelector('[data-testid=acting-banner]').getBoundingClientRect();
           return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; })()",
    )
    .await;
    assert_eq!(on_screen, true, "the banner never leaves the screen");
    full_page_screenshot(&client, "acting-for-child-360").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // The message queued to the child.
    click(&client, "nav-messages").await;
    // Eetu may have other messages (his voucher applications, in another test): the
    // feedback's is the one this test looks at.
    let feedback_message =
        fantoccini::Locator::Css("[data-testid=message][data-kind=feedback_given]");
    let message = client.wait().for_element(feedback_message).await.unwrap();
    assert!(message.text().await.unwrap().contains("Anni"));
    // Delivered right after the write: Eetu's message went to Anni, the guardian who acted,
    // and the page shows it sent (reloaded until the delivery is in).
    let mut delivered = false;
    for _ in 0..20 {
        let message = client.wait().for_element(feedback_message).await.unwrap();
        let status = find_in(&message, "message-status").await;
        if attr(&status, "data-status").await.as_deref() == Some("sent") {
            delivered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        client.refresh().await.unwrap();
    }
    assert!(delivered, "the message was delivered within ten seconds");
    let id = attr(&message, "data-message-id").await.unwrap();
    let received: Vec<_> = messages_received()
        .await
        .into_iter()
        .filter(|m| m["externalId"] == id.as_str())
        .collect();
    assert_eq!(received.len(), 1, "once: {received:?}");
    assert_eq!(received[0]["recipientId"], person("Anni").code());
    let body = received[0]["body"].as_str().unwrap();
    assert!(body.contains("lapsesi Eetu"), "{body}");
    assert_no_identity_code(body);

    // Back to acting for herself.
    press(&client, "act-for-myself").await;
    wait_until(
        &client,
        "!document.querySelector('[data-testid=acting-banner]') && !!document.querySelector('[data-testid=voucher]')",
        "Anni's own vouchers without the banner",
    )
    .await;
    log_out(&client).await;

    // Mikko, the other guardian, reads what was done for Eetu.
    proxy::log_in_acting_for(&client, person("Mikko"), "child", person("Eetu")).await;
    assert!(proxy::banner_name(&client).await.contains("Eetu"));
    press(&client, "nav-trail").await;
    wait_testid(&client, "trail-entry").await;
    let mut anni_gave_feedback = false;
    for entry in all_testid(&client, "trail-entry").await {
        let action = attr(&entry, "data-action").await.unwrap_or_default();
        let actor = find_in(&entry, "trail-actor").await.text().await.unwrap();
        anni_gave_feedback |= action == "give_feedback" && actor.contains("Anni");
    }
    assert!(
        anni_gave_feedback,
        "Anni's feedback for Eetu is in the trail"
    );
    assert_no_identity_code(&client.source().await.unwrap());

    // The Messages mock's own page lists it under Anni.
    client
        .goto(&format!("{}/", messages_mock_url()))
        .await
        .unwrap();
    let page = client.source().await.unwrap();
    let anni = page
        .split("<section")
        .find(|section| section.contains("Anni Emilia Kumpulainen"))
        .expect("Anni's section");
    assert!(
        anni.contains("Lapsesi puolesta annettiin palautetta"),
        "{anni}"
    );
    assert!(anni.contains(&id), "{anni}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn each_refusal_reads_as_it_should() {
    let _shared = MOCK.read().await;
    // Nobody to act for.
    let client = logged_in_desktop(person("Eeva-Liisa"), "/").await;
    proxy::open_selection(&client, "child").await;
    let (reason, text) = proxy::refusal(&client).await;
    assert_eq!(reason, "no_principals");
    assert!(text.contains("Ei puolesta-asiointilapsia"), "{text}");
    log_out(&client).await;

    // No right: Mikko may not act for Ella.
    proxy::log_in_acting_for(&client, person("Mikko"), "child", person("Ella")).await;
    let (reason, text) = proxy::refusal(&client).await;
    assert_eq!(reason, "no_right");
    assert!(text.contains("Ei oikeuksia"), "{text}");
    assert!(all_testid(&client, "acting-banner").await.is_empty());
    assert_no_identity_code(client.current_url().await.unwrap().as_str());
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_adult_mandate_without_the_feedback_issue_names_the_mandate_needed() {
    let _shared = MOCK.read().await;
    let client = proxy::phone_acting_for(person("Mikko"), "adult", person("Karl-Johan")).await;
    wait_testid(&client, "voucher").await;

    assert_eq!(
        citizen::give_feedback(&client, "Tack för hjälpen.").await,
        "feedback-server-error"
    );
    let error = wait_testid(&client, "feedback-server-error").await;
    assert!(error.text().await.unwrap().contains("Palautteen antaminen"));
    let link = wait_testid(&client, "mandate-request-link").await;
    assert_eq!(
        attr(&link, "href").await.as_deref(),
        Some("https://www.suomi.fi/valtuudet")
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_revoked_mandate_stops_the_next_write() {
    let _alone = MOCK.write().await;
    let client = proxy::phone_acting_for(person("Anni"), "adult", person("Eeva-Liisa")).await;
    assert_eq!(
        citizen::give_feedback(&client, "Äidin hoito sujuu hyvin.").await,
        "feedback-sent"
    );

    valtuudet_dev(
        "/dev/mandates/revoke",
        &format!(
            r#"{{"principal": "{}", "delegate": "{}"}}"#,
            person("Eeva-Liisa").code(),
            person("Anni").code()
        ),
    )
    .await;
    let answer = citizen::give_feedback(&client, "Vielä yksi palaute.").await;
    valtuudet_dev("/dev/reset", "{}").await;
    assert_eq!(answer, "feedback-server-error");
    let error = wait_testid(&client, "feedback-server-error").await;
    assert!(!error.text().await.unwrap().is_empty());
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_registered_proxy_acts_for_the_customer_without_valtuudet() {
    let _shared = MOCK.read().await;
    let client = logged_in_phone(person("Karl-Johan"), "/").await;
    press(&client, "nav-on-behalf").await;
    press(&client, "registered-principal-1").await;
    assert!(proxy::banner_name(&client).await.contains("Eeva-Liisa"));
    assert_eq!(
        proxy::basis(&client).await.as_deref(),
        Some("registered_proxy")
    );
    wait_testid(&client, "voucher").await;
    assert_eq!(all_testid(&client, "voucher").await.len(), 2);
    client.close().await.unwrap();
}

#[tokio::test]
async fn with_valtuudet_down_the_on_behalf_flow_says_so_and_the_comparison_works() {
    let _alone = MOCK.write().await;
    let client = logged_in_desktop(person("Anni"), "/").await;
    valtuudet_dev("/dev/outage", r#"{"down": true}"#).await;
    proxy::open_selection(&client, "child").await;
    let (reason, _) = proxy::refusal(&client).await;
    valtuudet_dev("/dev/reset", "{}").await;
    assert_eq!(reason, "unavailable");
    assert!(all_testid(&client, "acting-banner").await.is_empty());

    public::open(&client, "municipality=638&service=home-care").await;
    wait_testid(&client, "offer").await;
    client.close().await.unwrap();
}
