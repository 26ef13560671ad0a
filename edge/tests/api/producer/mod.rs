//! A producer's people at work, against the Valtuudet mock's `ypa` flow: choosing the
//! company (and the refusals), the voucher number and its guard, service events with their
//! balance, idempotency, concurrency, corrections and cancellations, prices, replies, and
//! that one producer never sees another's customers.

mod company;
mod events;
mod vouchers;

use crate::helpers::{cast, Mocks, Session, TestApp};
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
    app.sql(&format!(
        "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES
             (1, '{}', 'Eeva-Liisa', 'Kinnunen', '638'), (2, '{}', 'Anni', 'Kumpulainen', '638');
         INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                               granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES
             (10, '{}', 1, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2026-01-01', '2026-12-31', 'active', '2026-01-01'),
             (20, '{}', 2, '638', 'home-care', 'hour', 3200, 10, 32000, 32000, '2026-01-01', '2026-12-31', 'active', '2026-01-01'),
             (21, '{}', 2, '638', 'cleaning', 'hour', 2500, NULL, 50000, 50000, '2026-01-01', '2026-12-31', 'active', '2026-01-01');",
        person("Eeva-Liisa").code(),
        person("Anni").code(),
        number(48_200_000_010),
        number(48_200_000_020),
        number(48_200_000_021),
    ));
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
