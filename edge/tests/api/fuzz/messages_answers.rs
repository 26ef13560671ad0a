//! Suomi.fi Messages' answers: whatever the service says (or does not), a delivery run
//! finishes without panicking, and a message is marked as taken by the service only when
//! an answer named a `messageId` for it, or an event its `externalId`.

use super::*;
use seteli_edge::messages::delivery::deliver_due;

/// What Messages' answers hold.
const MESSAGES_FIELDS: &[&str] = &[
    "access_token",
    "expires_in",
    "endUsersWithActiveMailbox",
    "id",
    "attachmentId",
    "messageId",
    "continuationToken",
    "events",
    "type",
    "metadata",
    "externalId",
    "validationErrors",
    "errorCode",
];

#[test]
fn messages_answers_never_panic_and_only_the_service_naming_it_hands_a_message_over() {
    let rt = runtime();
    let config = crate::helpers::MessagesMock::config();
    let answers = proptest::collection::vec(answer(MESSAGES_FIELDS), 1..7);
    fuzz(SLOW_CASES, answers, |answers| {
        rt.block_on(async {
            let app = TestApp::new();
            app.customer(7, cast::person("Helmi"));
            app.sql(
                "UPDATE customers SET street_address = 'Katu 1', postal_code = '06100', post_office = 'Porvoo';
                 INSERT INTO messages (id, customer_id, kind, actor_name, created_at)
                 VALUES (1, 7, 'voucher_decided', 'Itä-Uusimaa', '2026-11-21T09:00:00Z');",
            );
            let http = Scripted::new(answers.clone());
            let report = deliver_due(&app.ctx.db, &http, Some(&config), PUBLIC_URL, app.ctx.now).await;
            prop_assert!(report.is_ok(), "{:?}", report);
            let status = app
                .ctx
                .db
                .text("SELECT status FROM messages WHERE id = 1")
                .expect("the message");
            let named_an_id = answers
                .iter()
                .flatten()
                .any(|(_, body)| body.contains("messageId") || body.contains("externalId"));
            if ["sent", "paper", "read", "printed", "delivered", "returned"].contains(&status.as_str()) {
                prop_assert!(named_an_id, "{status} after {:?}", answers);
            }
            Ok(())
        })
    });
}
