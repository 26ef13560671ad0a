//! The municipality's registered proxy, who acts without Valtuudet.

use super::{app, browser, entry, full, person};
use crate::helpers::assert_no_identity_code;

#[tokio::test]
async fn a_registered_proxy_acts_without_valtuudet_while_the_registration_is_valid() {
    let app = app();
    *app.valtuudet().up.lock().unwrap() = false;
    let karl_johan = browser(&app, "Karl-Johan").await;
    let list = karl_johan.get("/api/on-behalf/registered").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.json[0]["customer_id"], 1);
    assert_eq!(
        list.json[0]["given_name"],
        person("Eeva-Liisa").first_name()
    );
    assert_eq!(list.json[0]["valid_until"], "2027-06-30");
    assert_no_identity_code(&list.json.to_string());
    assert!(browser(&app, "Anni")
        .await
        .get("/api/on-behalf/registered")
        .await
        .json
        .as_array()
        .unwrap()
        .is_empty());

    // Someone he is not registered for: refused, and nothing changes.
    let other = karl_johan.act_for_registered(2).await;
    assert_eq!(other.status, 403);
    assert!(karl_johan.acting_for().await.is_null());

    let chosen = karl_johan.act_for_registered(1).await;
    assert_eq!(chosen.status, 204);
    assert_eq!(karl_johan.acting_for().await["basis"], "registered_proxy");
    assert_eq!(
        karl_johan.get("/api/citizen/vouchers").await.json[0]["id"],
        10
    );
    assert_eq!(karl_johan.give_feedback(10).await.status, 201);

    // The municipality ends the registration: the next read is refused.
    app.sql("UPDATE proxy_registrations SET valid_until = '2026-11-20' WHERE customer_id = 1;");
    let refused = karl_johan.get("/api/citizen/vouchers").await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.code(), "no_right_to_act");

    let trail = browser(&app, "Eeva-Liisa").await.trail().await;
    assert!(trail.contains(&entry(
        &full("Karl-Johan"),
        "choose",
        "registered_proxy",
        "allowed"
    )));
    assert!(trail.contains(&entry(
        &full("Karl-Johan"),
        "give_feedback",
        "registered_proxy",
        "allowed"
    )));
    assert!(trail.contains(&entry(
        &full("Karl-Johan"),
        "view_vouchers",
        "registered_proxy",
        "refused"
    )));
}
