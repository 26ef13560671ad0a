//! Logging in with strong identification through the identification mock's own page, the
//! session cookie, and logging out — in Chromium against the real local stack.

use fantoccini::Locator;
use seteli_e2e::*;

/// Waits for the page to show the person logged in (`account-name`) or out (`login`), and
/// asserts that the API agrees: `fetch('/api/auth/me')` from the page answers 200 or 401.
async fn assert_logged_in(client: &fantoccini::Client, logged_in: bool) {
    let (shown, status) = if logged_in {
        ("account-name", 200)
    } else {
        ("login", 401)
    };
    wait_testid(client, shown).await;
    assert_eq!(
        fetch_status(client, "/api/auth/me").await,
        status,
        "the API agrees with the page"
    );
}

/// A desktop browser taken from Seteli's front page to the identification mock's page.
async fn open_identification() -> Browser {
    let client = desktop_at("/").await;
    press(&client, "login").await;
    wait_testid(&client, "cancel").await;
    client
}

/// From Seteli's front page to the mock's page and back, picking the first test person.
async fn log_in(client: &fantoccini::Client) -> String {
    client
        .goto(&url("/?municipality=638&service=home-care"))
        .await
        .unwrap();
    press(client, "login").await;
    let person = client
        .wait()
        .at_most(std::time::Duration::from_secs(15))
        .for_element(Locator::Css("[data-testid^=\"person-\"]"))
        .await
        .expect("the identification page lists test persons");
    let label = person.text().await.unwrap();
    person.click().await.unwrap();
    let name = text_of(client, "account-name").await;
    assert!(!name.is_empty());
    assert!(
        label.contains(name.split(' ').next().unwrap()),
        "picked {label}, logged in as {name}"
    );
    name
}

#[tokio::test]
async fn a_customer_logs_in_at_the_identification_page_and_out_again() {
    let client = phone().await;

    log_in(&client).await;

    // Back where the login started, with the choices kept.
    assert_query(&client, &[("municipality", "638")]).await;
    assert_logged_in(&client, true).await;
    let cookies = client.get_all_cookies().await.unwrap();
    let session = cookies
        .iter()
        .find(|c| c.name() == "seteli_session")
        .expect("a session cookie");
    assert_eq!(
        session.http_only(),
        Some(true),
        "JavaScript cannot read the session id"
    );
    assert_eq!(
        session.same_site().map(|s| s.to_string()).as_deref(),
        Some("Lax")
    );
    assert_eq!(session.path(), Some("/"));
    assert_eq!(session.value().len(), 43, "a 256-bit random id");
    assert!(
        !client.source().await.unwrap().contains("952L"),
        "no identity code on the page"
    );

    log_out(&client).await;

    assert_logged_in(&client, false).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn cancelling_identification_says_so_and_logs_nobody_in() {
    let client = open_identification().await;

    press(&client, "cancel").await;

    let notice = wait_testid(&client, "login-notice").await;
    assert!(notice.text().await.unwrap().contains("keskeytettiin"));
    assert_eq!(notice.attr("role").await.unwrap().as_deref(), Some("alert"));
    assert_logged_in(&client, false).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_typed_test_identity_code_is_checked_before_it_logs_in() {
    let client = open_identification().await;

    send_keys_to(&client, "hetu-input", "131052-308U").await;
    press(&client, "hetu-submit").await;
    wait_testid(&client, "hetu-error").await;
    type_into(&client, "hetu-input", "010280-952L").await;
    press(&client, "hetu-submit").await;

    assert_logged_in(&client, true).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_logged_in_pages_pass_an_accessibility_scan() {
    let client = open_identification().await;
    let identification_page = serious_accessibility_violations(&client).await;

    client
        .find(Locator::Css("[data-testid^=\"person-\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_testid(&client, "account-name").await;
    let front_page = serious_accessibility_violations(&client).await;

    assert!(
        identification_page.is_empty(),
        "identification mock: {identification_page:#?}"
    );
    assert!(
        front_page.is_empty(),
        "logged-in front page: {front_page:#?}"
    );
    client.close().await.unwrap();
}
