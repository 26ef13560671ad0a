//! A producer's people at work, against the Valtuudet mock's `ypa` flow: choosing the
//! company (and the refusals), the voucher number and its guard, service events with their
//! balance, idempotency, concurrency, corrections and cancellations, prices, replies, and
//! that one producer never sees another's customers.

mod company;
mod events;
mod vouchers;

use crate::helpers::{cast, Mocks, Session, TestApp, Voucher};
use seteli_domain::voucher::VoucherNumber;
use seteli_mocks::identification::people::Person;
use seteli_mocks::valtuudet::register::Organisation;

pub fn number(body: u64) -> String {
    VoucherNumber::from_body(body).unwrap().as_str().to_owned()
}

pub fn person(first_name: &str) -> &'static Person {
    cast::person(first_name)
}

/// The company of the cast with `word` in its name (`Aurinko`, `Rova`, `Laskuri`).
pub fn company(word: &str) -> &'static Organisation {
    cast::company(word)
}

/// Aurinko (producer 1) and Rova (producer 2) are approved for home care in Porvoo at 36 €
/// an hour. Eeva-Liisa's voucher 10 (32 € an hour, 320 € left) and Anni's voucher 20 are
/// home care in Porvoo; Anni's voucher 21 is cleaning, which neither producer offers.
pub fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_company(1, company("Aurinko"), 3600);
    app.approved_company(2, company("Rova"), 3600);
    app.customer(1, person("Eeva-Liisa"));
    app.customer(2, person("Anni"));
    app.voucher(&Voucher::home_care(10, 48_200_000_010, 1));
    app.voucher(&Voucher::home_care(20, 48_200_000_020, 2));
    app.voucher(&Voucher::cleaning(21, 48_200_000_021, 2));
    app
}

/// `first_name` logged in and acting for the company with `company_word` in its name; where
/// Seteli then sends the browser.
pub async fn agent_for<'a>(
    app: &'a TestApp<Mocks>,
    first_name: &str,
    company_word: &str,
) -> (Session<'a>, String) {
    let agent = Session::citizen(app, person(first_name)).await;
    let landed = agent.act_for_company(company(company_word)).await;
    (agent, landed)
}

/// The agent looks up Eeva-Liisa's voucher 10 by its number and logs `units_x100` of
/// service on it under `key(1)`; the new event's id.
pub async fn logged_visit(agent: &Session<'_>, units_x100: i64) -> i64 {
    agent.lookup(&number(48_200_000_010)).await;
    agent.log_event(10, &key(1), units_x100).await.json["id"]
        .as_i64()
        .expect("the new event's id")
}

pub fn key(i: u32) -> String {
    format!("0b7c6c1e-2f43-4d5b-9b1a-{i:012}")
}
