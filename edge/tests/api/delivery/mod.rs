//! The outbox delivered through Suomi.fi Messages (issue 14), against the Messages mock's
//! real protocol: the demo journeys' messages reach the right mailbox once, paper mail for
//! those without one, a child's messages to the guardian who acted, the client's token and
//! retries, outages and recovery with nothing sent twice, and the events feed.

mod client;
mod journeys;
mod paper;
mod review;

use crate::helpers::{cast, Mocks, TestApp};
use serde_json::Value;
use seteli_edge::messages::delivery::{deliver_due, DeliveryReport};
use seteli_mocks::identification::people::Person;

fn person(first_name: &str) -> &'static Person {
    cast::person(first_name)
}

/// One delivery run at the app's time.
async fn deliver(app: &TestApp<Mocks>) -> DeliveryReport {
    let config = &app.ctx.config;
    deliver_due(
        &app.ctx.db,
        &app.ctx.http,
        config.messages.as_ref(),
        &config.public_url,
        app.ctx.now,
    )
    .await
    .expect("the run completes")
}

/// Queues message `kind` to customer `customer` from the organiser (as the desk does).
fn queue(app: &TestApp<Mocks>, customer: i64, kind: &str) -> i64 {
    app.sql(&format!(
        "INSERT INTO messages (customer_id, kind, actor_name, created_at)
         VALUES ({customer}, '{kind}', 'Itä-Uudenmaan hyvinvointialue', '{}');",
        app.ctx.timestamp()
    ));
    app.count("SELECT MAX(id) FROM messages")
}

/// Message `id`'s delivery state as the outbox keeps it.
fn status(app: &TestApp<Mocks>, id: i64) -> String {
    app.ctx
        .db
        .text(&format!("SELECT status FROM messages WHERE id = {id}"))
        .expect("a message")
}

/// What the mock received for `external_id`.
async fn received_for(app: &TestApp<Mocks>, external_id: i64) -> Vec<Value> {
    let wanted = external_id.to_string();
    app.ctx
        .http
        .messages
        .received()
        .await
        .into_iter()
        .filter(|m| m["externalId"] == wanted.as_str())
        .collect()
}
