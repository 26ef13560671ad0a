//! The app without a connection (issue #11): a producer's employee opens Seteli with no
//! network after the browser was closed — the pages, the voucher and the visit queue work
//! from what the service worker kept — and the visit is sent once the network is back. And
//! a new deployment is offered as "new version — reload", never switched to silently.

use seteli_e2e::*;

/// Eetu's speech-therapy voucher, which Rova Oy serves in the demo data.
const EETUS_VOUCHER: &str = "/producer/vouchers/4";

/// Whether the service worker controls the page and keeps `path`'s answer for producers.
async fn kept_for_offline(client: &fantoccini::Client, path: &str) -> bool {
    let kept = js_promise(
        client,
        &format!(
            "(async () => navigator.serviceWorker.controller !== null
                && !!(await caches.match('{path}', {{ cacheName: 'seteli-producer-data', ignoreSearch: true }})))()"
        ),
    )
    .await;
    kept == serde_json::json!(true)
}

async fn wait_kept_for_offline(client: &fantoccini::Client, path: &str) {
    for _ in 0..100 {
        if kept_for_offline(client, path).await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    let kept = js_promise(
        client,
        "(async () => { const out = {};
            for (const name of await caches.keys())
              out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
            return out; })()",
    )
    .await;
    panic!("{path} was never kept for offline use; the caches hold {kept}");
}

/// Karl-Johan opens Eetu's voucher for Rova Oy once online, closes the browser, starts it
/// again on the same profile with no network and logs a visit there, which waits in the
/// queue. Returns how many events the voucher had.
async fn queue_a_visit_offline_after_a_restart(profile: &std::path::Path) -> usize {
    let api_path = format!("/api{EETUS_VOUCHER}");

    // Online: Karl-Johan, managing director of Rova Oy, opens Eetu's voucher once. The
    // first visit installs the service worker; from the next page on it keeps what the
    // producer's pages need.
    let client = phone_on(profile).await;
    producer::at_company(&client, person("Karl-Johan"), cast::company("Rova")).await;
    client.goto(&url(EETUS_VOUCHER)).await.unwrap();
    wait_testid(&client, "customer-name").await;
    wait_until(
        &client,
        "navigator.serviceWorker.controller !== null",
        "the service worker to take over",
    )
    .await;
    client.refresh().await.unwrap();
    wait_testid(&client, "customer-name").await;
    wait_kept_for_offline(&client, &api_path).await;
    wait_kept_for_offline(&client, "/api/auth/me").await;
    let events_before = producer::event_count(&client).await;
    client.close().await.unwrap();

    // Later, in a stairwell with no signal: the browser starts again on the same phone.
    let client = phone_without_network_on(profile).await;
    client.goto(&url(EETUS_VOUCHER)).await.unwrap();
    assert!(text_of(&client, "customer-name").await.contains("Eetu"));
    assert!(text_of(&client, "company-name").await.contains("Rova"));
    type_into(&client, "event-units", "1").await;
    type_into(&client, "event-description", "Puheterapia portaikossa").await;
    press(&client, "event-submit").await;
    wait_testid(&client, "event-queued").await;
    assert_eq!(text_of(&client, "queue-count").await.trim(), "1");
    screenshot(&client, "producer-offline-cold-start-360").await;
    // What the phone keeps holds no identity code.
    let kept = js_promise(
        &client,
        "(async () => { const c = await caches.open('seteli-producer-data'); let t = '';
            for (const r of await c.keys()) t += await (await c.match(r)).text();
            return t + JSON.stringify(localStorage); })()",
    )
    .await;
    assert_no_identity_code(kept.as_str().unwrap());
    client.close().await.unwrap();
    events_before
}

/// How many visits wait in this browser's queue, anyone's.
async fn queued(client: &fantoccini::Client) -> serde_json::Value {
    js(
        client,
        "JSON.parse(localStorage.getItem('seteli.event-queue') || '[]').length",
    )
    .await
}

#[tokio::test]
async fn a_producer_page_opens_and_queues_a_visit_with_no_network_after_a_restart() {
    let profile = new_profile("offline-producer");
    let events_before = queue_a_visit_offline_after_a_restart(&profile).await;

    // Back where there is a network: the visit is sent once, and logging out deletes what
    // the phone kept for the producer's pages.
    let client = phone_on(&profile).await;
    producer::at_company(&client, person("Karl-Johan"), cast::company("Rova")).await;
    client.goto(&url(EETUS_VOUCHER)).await.unwrap();
    wait_for_count(&client, "queue-item", 0, "the queue to empty").await;
    wait_for_count(
        &client,
        "producer-event",
        events_before + 1,
        "the synced visit in the list",
    )
    .await;
    // Nothing waits, so logging out asks nothing.
    log_out(&client).await;
    let left = js_promise(&client, "caches.has('seteli-producer-data')").await;
    assert_eq!(
        left,
        serde_json::json!(false),
        "the producer's data is gone at logout"
    );
    client.close().await.unwrap();
}

#[tokio::test]
async fn logging_out_with_visits_not_sent_asks_first_and_then_deletes_them() {
    let profile = new_profile("offline-logout");
    queue_a_visit_offline_after_a_restart(&profile).await;

    // Online again, Karl-Johan logs in but acts for nobody: his visit for Rova is not sent.
    let client = phone_on(&profile).await;
    log_in_as(&client, person("Karl-Johan"), "/").await;
    assert_eq!(queued(&client).await, serde_json::json!(1));
    press(&client, "logout").await;
    let warning = wait_testid(&client, "logout-warning").await;
    assert!(warning
        .text()
        .await
        .unwrap()
        .contains("ei ole vielä lähetetty"));
    assert_eq!(
        js(&client, "document.activeElement.dataset.testid").await,
        serde_json::json!("logout-cancel")
    );
    assert!(serious_accessibility_violations(&client).await.is_empty());
    screenshot(&client, "logout-unsent-visits-360").await;

    // "Stay logged in" keeps everything.
    press(&client, "logout-cancel").await;
    wait_for_count(&client, "logout-warning", 0, "the warning to close").await;
    wait_testid(&client, "account-name").await;
    assert_eq!(queued(&client).await, serde_json::json!(1));

    // Logging out anyway deletes the visit from the phone.
    press(&client, "logout").await;
    press(&client, "logout-confirm").await;
    wait_testid(&client, "login").await;
    assert_eq!(queued(&client).await, serde_json::json!(0));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_new_deployment_is_offered_as_a_reload_and_taken_only_then() {
    let site = static_site::StaticSite::start("update").await;
    let client = desktop().await;
    client.goto(&site.url("/")).await.unwrap();
    wait_until(
        &client,
        "navigator.serviceWorker.controller !== null",
        "the first version to take over at once",
    )
    .await;
    assert!(all_testid(&client, "update-prompt").await.is_empty());

    // A new version is deployed while the page is open; the page notices when it next
    // asks (every half hour, and here at once).
    js(&client, "void (window.__oldPage = true)").await;
    site.deploy_new_version();
    js(
        &client,
        "void navigator.serviceWorker.getRegistration().then(r => r.update())",
    )
    .await;
    let prompt = wait_testid(&client, "update-prompt").await;
    assert!(prompt.text().await.unwrap().contains("uusi versio"));
    // Until the reload, the running version stays in charge: the same page, the new
    // version waiting beside it.
    assert_eq!(
        js(&client, "window.__oldPage === true").await,
        serde_json::json!(true)
    );
    let waits = js_promise(
        &client,
        "navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)",
    )
    .await;
    assert_eq!(waits, serde_json::json!(true), "the new version waits");
    assert!(serious_accessibility_violations(&client).await.is_empty());
    screenshot(&client, "update-prompt-1280").await;

    press(&client, "update-reload").await;
    wait_until(
        &client,
        "window.__oldPage === undefined && document.readyState === 'complete'",
        "the page to load again",
    )
    .await;
    wait_testid(&client, "lang-en").await;
    assert!(all_testid(&client, "update-prompt").await.is_empty());
    let waiting = js_promise(
        &client,
        "navigator.serviceWorker.getRegistration().then(r => r.waiting === null && r.active !== null)",
    )
    .await;
    assert_eq!(
        waiting,
        serde_json::json!(true),
        "the new version is the active one"
    );
    client.close().await.unwrap();
}
