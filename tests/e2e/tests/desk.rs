//! The organiser's desk in Chromium against the real stack: customer service takes Helmi
//! Lindqvist, a Porvoo resident not yet in Seteli, from a search by identity code to a
//! delivered income-related home-care voucher with her daughter Sanna as her registered
//! proxy; Helmi reads the voucher, its decision and who looked at her data; Sanna acts for
//! her; Helsinki's customer service cannot reach her.

use seteli_e2e::*;

#[tokio::test]
async fn customer_service_takes_a_resident_from_search_to_a_delivered_voucher_with_a_proxy() {
    let (helmi, sanna) = (person("Helmi"), person("Sanna"));
    let client = desktop().await;

    // Sari Virtanen of Itä-Uusimaa's county lands on her desk.
    let name = staff::log_in(&client, cast::staff_user("asiakaspalvelu")).await;
    assert!(name.contains("Virtanen"), "{name}");
    assert!(text_of(&client, "desk-greeting")
        .await
        .contains("Itä-Uudenmaan hyvinvointialue"));
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // Helmi is not in Seteli yet: the search says so and the desk adds her. Her identity
    // code never appears in an address.
    staff::search_by_hetu(&client, helmi).await;
    wait_testid(&client, "customer-search-empty").await;
    assert_no_identity_code(client.current_url().await.unwrap().as_str());
    assert!(serious_accessibility_violations(&client).await.is_empty());
    staff::add_customer(&client, helmi, "638").await;
    let customer = staff::card_customer_id(&client).await;
    assert_no_identity_code(client.current_url().await.unwrap().as_str());
    assert_eq!(text_of(&client, "customer-hetu").await, "050638-****");
    press(&client, "reveal-hetu").await;
    wait_until(
        &client,
        &format!(
            "document.querySelector('[data-testid=customer-hetu]').textContent.includes('{}')",
            helmi.code()
        ),
        "the revealed identity code",
    )
    .await;
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // A need assessment, then an income-related decision: a household of one with 900 € a
    // month gets the county's table's value, shown with its computation.
    staff::assess(
        &client,
        "home-care",
        "Tarvitsee apua aamuisin peseytymisessä.",
    )
    .await;
    let previewed = staff::draft_income_related(&client, "1", "900", "40").await;
    assert_eq!(staff::decision_status(&client).await, "draft");
    assert_eq!(
        cents(&wait_testid(&client, "decision-unit-value").await).await,
        previewed
    );
    wait_testid(&client, "decision-computation").await;
    assert!(serious_accessibility_violations(&client).await.is_empty());
    press(&client, "decision-decide").await;
    wait_until(
        &client,
        "document.querySelector('[data-testid=decision-document]').dataset.status === 'decided'",
        "the decision to be decided",
    )
    .await;
    let number = text_of(&client, "decision-number").await;
    assert!(number.starts_with("20"), "{number}");
    press(&client, "decision-deliver-message").await;
    wait_until(
        &client,
        "document.querySelector('[data-testid=decision-document]').dataset.status === 'delivered'",
        "the decision to be delivered",
    )
    .await;
    let voucher_number = text_of(&client, "decision-voucher-number").await;
    let appeal = text_of(&client, "appeal-fi").await;
    assert!(!appeal.is_empty());
    full_page_screenshot(&client, "desk-decision").await;

    // Her daughter Sanna becomes her registered proxy.
    press(&client, "decision-customer-link").await;
    staff::register_proxy(&client, sanna).await;
    assert!(text_of(&client, "proxy-name").await.contains("Sanna"));
    assert!(serious_accessibility_violations(&client).await.is_empty());

    // Helmi has no electronic mailbox: her decision went out as a printed letter to the
    // address the desk typed, and the desk's delivery page says so once the scheduled run
    // has read the printing service's events.
    let cron = "GET /__scheduled?cron=*/5+*+*+*+* HTTP/1.1";
    press(&client, "nav-desk-deliveries").await;
    let mut printed = false;
    for _ in 0..20 {
        assert_eq!(http(cron, "").await.status, 200);
        wait_until(
            &client,
            "!!document.querySelector('[data-testid=deliveries], [data-testid=deliveries-empty]')",
            "the deliveries to load",
        )
        .await;
        printed = js(
            &client,
            "[...document.querySelectorAll('[data-testid=delivery]')].some(d =>
               d.querySelector('[data-testid=delivery-recipient]').textContent.includes('Helmi')
               && d.querySelector('[data-testid=delivery-status]').dataset.status === 'printed')",
        )
        .await
            == true;
        if printed {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        client.refresh().await.unwrap();
    }
    assert!(printed, "Helmi's letter is listed as printed");
    assert!(serious_accessibility_violations(&client).await.is_empty());
    let letters: Vec<_> = messages_received()
        .await
        .into_iter()
        .filter(|m| m["recipientId"] == helmi.code() && m["channel"] == "paper")
        .collect();
    assert!(!letters.is_empty(), "a letter to Helmi");
    assert_eq!(
        letters[0]["paperAddress"]["streetAddress"],
        "Välikatu 4 A 2"
    );
    assert_eq!(
        letters[0]["attachments"][0]["contentType"],
        "application/pdf"
    );
    log_out(&client).await;

    // Helmi sees the voucher, its decision and who looked at her data.
    log_in_as(&client, helmi, "/my/vouchers").await;
    wait_testid(&client, "voucher").await;
    assert!(text_of(&client, "voucher-number")
        .await
        .contains(&voucher_number));
    press(&client, "voucher-link").await;
    press(&client, "voucher-decision-link").await;
    assert_eq!(text_of(&client, "decision-number").await, number);
    assert_eq!(
        cents(&wait_testid(&client, "decision-unit-value").await).await,
        previewed
    );
    wait_testid(&client, "appeal-sv").await;
    assert!(all_testid(&client, "decision-decide").await.is_empty());
    assert!(serious_accessibility_violations(&client).await.is_empty());
    press(&client, "nav-access-log").await;
    wait_testid(&client, "access-entry").await;
    let revealed = js(
        &client,
        "[...document.querySelectorAll('[data-testid=access-entry]')]
           .some(e => e.dataset.kind === 'staff' && e.dataset.what === 'identity_code')",
    )
    .await;
    assert_eq!(
        revealed, true,
        "the reveal of her identity code is in her log"
    );
    assert!(serious_accessibility_violations(&client).await.is_empty());
    log_out(&client).await;

    // Sanna acts for her mother as the registered proxy.
    log_in_as(&client, sanna, "/").await;
    press(&client, "nav-on-behalf").await;
    press(&client, &format!("registered-principal-{customer}")).await;
    assert!(proxy::banner_name(&client).await.contains("Helmi"));
    assert_eq!(
        proxy::basis(&client).await.as_deref(),
        Some("registered_proxy")
    );
    wait_testid(&client, "voucher").await;
    log_out(&client).await;

    // Helsinki's customer service finds nobody and opening her card says "not found".
    staff::log_in(&client, cast::staff_user("helsinki-asiakaspalvelu")).await;
    staff::search_by_hetu(&client, helmi).await;
    wait_testid(&client, "customer-search-empty").await;
    client
        .goto(&url(&format!("/desk/customers/{customer}")))
        .await
        .unwrap();
    wait_testid(&client, "not-found").await;
    // The worker speaks the logged-in pages' error messages (registered, as the browser's
    // logged-in entries register them).
    let answer = fetch_json(&client, &format!("/api/staff/customers/{customer}")).await;
    assert_eq!(answer[0], 404);
    assert_eq!(answer[1]["code"], "customer_not_found");
    // Chromium asks in English here.
    let expected = seteli_domain::ErrorCode::CustomerNotFound.message(seteli_domain::Lang::En);
    assert_eq!(answer[1]["message"], expected);
    assert_ne!(expected, seteli_domain::i18n::NOT_REGISTERED);
    client.close().await.unwrap();
}
