//! Municipal staff log in through their own identity provider (the mock's staff issuer).

use seteli_e2e::*;

async fn status_of(client: &fantoccini::Client, path: &str) -> serde_json::Value {
    client
        .execute_async(
            &format!(
                "const done = arguments[0]; fetch('{path}').then(async r => done([r.status, r.status === 200 ? await r.json() : null])).catch(() => done([0, null]));"
            ),
            vec![],
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn a_staff_member_logs_in_at_the_staff_provider_and_is_not_a_customer() {
    let client = desktop().await;
    client.goto(&url("/")).await.unwrap();

    wait_testid(&client, "staff-login")
        .await
        .click()
        .await
        .unwrap();
    wait_testid(&client, "staff-asiakaspalvelu")
        .await
        .click()
        .await
        .unwrap();
    let name = wait_testid(&client, "account-name")
        .await
        .text()
        .await
        .unwrap();

    assert!(name.contains("Virtanen"), "{name}");
    let me = status_of(&client, "/api/auth/me").await;
    assert_eq!(me[0], 200);
    assert_eq!(me[1]["audience"], "staff");
    assert_eq!(me[1]["municipality_code"], "638");
    assert_eq!(status_of(&client, "/api/citizen/vouchers").await[0], 403);

    wait_testid(&client, "logout").await.click().await.unwrap();
    wait_testid(&client, "login").await;
    assert_eq!(status_of(&client, "/api/auth/me").await[0], 401);
    client.close().await.unwrap();
}
