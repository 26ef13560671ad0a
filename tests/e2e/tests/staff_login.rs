//! Municipal staff log in through their own identity provider (the mock's staff issuer).

use seteli_e2e::*;

#[tokio::test]
async fn a_staff_member_logs_in_at_the_staff_provider_and_is_not_a_customer() {
    let client = desktop().await;

    let name = staff::log_in(&client, cast::staff_user("asiakaspalvelu")).await;

    assert!(name.contains("Virtanen"), "{name}");
    let me = fetch_json(&client, "/api/auth/me").await;
    assert_eq!(me[0], 200);
    assert_eq!(me[1]["audience"], "staff");
    assert_eq!(me[1]["organiser_code"], "ita-uusimaa");
    assert_eq!(fetch_json(&client, "/api/citizen/vouchers").await[0], 403);

    log_out(&client).await;
    assert_eq!(fetch_json(&client, "/api/auth/me").await[0], 401);
    client.close().await.unwrap();
}
