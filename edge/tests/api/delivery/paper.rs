//! Paper mail for a person without an electronic mailbox: one PDF letter to the address the
//! organiser keeps, never to a protected address without an employee's review, and held
//! when there is no address at all; Posti's events come back as the message's state.

use super::{deliver, person, queue, received_for, status};
use crate::helpers::{assert_no_identity_code, Mocks, TestApp};

/// Helmi Lindqvist (no electronic mailbox) as customer 7, with her address.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_identification();
    app.customer(7, person("Helmi"));
    app.sql(
        "UPDATE customers SET street_address = 'Linnankoskenkatu 5', postal_code = '06100',
             post_office = 'Porvoo' WHERE id = 7;",
    );
    app
}

#[tokio::test]
async fn a_decision_to_someone_without_a_mailbox_goes_out_as_one_printed_letter() {
    let app = app();
    let id = queue(&app, 7, "voucher_decided");
    let report = deliver(&app).await;
    assert_eq!(report.handed_over, 1, "{report:?}");

    let received = received_for(&app, id).await;
    assert_eq!(received.len(), 1);
    let letter = &received[0];
    assert_eq!(letter["channel"], "paper");
    let address = &letter["paperAddress"];
    assert_eq!(address["name"], "Helmi Lindqvist");
    assert_eq!(address["streetAddress"], "Linnankoskenkatu 5");
    assert_eq!(address["zipCode"], "06100");
    assert_eq!(address["city"], "Porvoo");
    let attachments = letter["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0]["contentType"], "application/pdf");
    let pdf = app
        .ctx
        .http
        .messages
        .attachment(attachments[0]["attachmentId"].as_str().unwrap())
        .await;
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert_no_identity_code(&String::from_utf8_lossy(&pdf));
    // The same run read the service's events: taken as paper mail, then printed (the
    // state says the channel: `sent` and `read` are electronic).
    assert_eq!(status(&app, id), "printed");

    // Posti returns it.
    app.ctx
        .http
        .messages
        .inject(&id.to_string(), "Posti: returned to sender")
        .await;
    deliver(&app).await;
    assert_eq!(status(&app, id), "returned");
}

#[tokio::test]
async fn a_protected_address_waits_for_staff_and_a_missing_one_is_held() {
    let app = app();
    app.sql("UPDATE customers SET non_disclosure = 1 WHERE id = 7;");
    let protected = queue(&app, 7, "voucher_decided");
    deliver(&app).await;
    assert_eq!(status(&app, protected), "held");
    assert_eq!(
        app.ctx
            .db
            .text(&format!(
                "SELECT held_reason FROM messages WHERE id = {protected}"
            ))
            .unwrap(),
        "non_disclosure"
    );
    assert!(received_for(&app, protected).await.is_empty());

    app.sql("UPDATE customers SET non_disclosure = 0, street_address = NULL WHERE id = 7;");
    let nowhere = queue(&app, 7, "voucher_ended");
    deliver(&app).await;
    assert_eq!(status(&app, nowhere), "held");
    assert_eq!(
        app.ctx
            .db
            .text(&format!(
                "SELECT held_reason FROM messages WHERE id = {nowhere}"
            ))
            .unwrap(),
        "no_address"
    );
    assert!(app.ctx.http.messages.received().await.is_empty());
}

#[tokio::test]
async fn a_protected_person_with_a_mailbox_gets_it_electronically() {
    let app = TestApp::with_identification();
    app.customer(1, person("Eeva-Liisa"));
    app.sql("UPDATE customers SET non_disclosure = 1 WHERE id = 1;");
    let id = queue(&app, 1, "voucher_decided");
    deliver(&app).await;
    assert_eq!(status(&app, id), "sent");
    assert_eq!(received_for(&app, id).await[0]["channel"], "electronic");
}
