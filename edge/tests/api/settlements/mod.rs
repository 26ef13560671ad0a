//! Paying producers: a month gathered into settlements per producer, a disputed visit held,
//! confirmed (once, and only as gathered), the bank's payment file valid against the ISO
//! 20022 schema, marked paid; a visit cancelled or corrected after its month was settled is
//! an adjustment in the next settlement and nowhere else; a negative settlement carries
//! over; producers' accounts take effect only once finance confirms them; isolation.

mod accounts;
mod adjustments;
mod month;
mod property;
mod reports;

use crate::helpers::{cast, Mocks, Session, TestApp, Voucher};
use serde_json::{json, Value};

/// Aurinko (1) approved for home care in Porvoo with its account in effect; Anni (1) and
/// Eetu (2) with home-care vouchers 10 and 20; Itä-Uusimaa's own account configured.
pub fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    for (id, name) in [(1, "Anni"), (2, "Eetu")] {
        app.customer(id, cast::person(name));
        app.voucher(&Voucher::home_care(id * 10, 48_219_940_000 + id as u64, id));
    }
    app.sql(
        "UPDATE organisers SET business_id = '3221331-4', payer_iban = 'FI2112345600000785'
             WHERE code = 'ita-uusimaa';
         INSERT INTO producer_accounts (producer_id, iban, entered_by_name, entered_at, status,
                                        decided_by, decided_by_name, decided_at, decided_organiser)
             VALUES (1, 'FI6940550010200123', 'Karl-Johan', '2026-10-01T10:00:00Z', 'confirmed',
                     'talous', 'Tiina Talous', '2026-10-02T10:00:00Z', 'ita-uusimaa');",
    );
    app
}

/// Visit `id` under `voucher` by producer 1 on `date`, with `share` cents the voucher's.
pub fn visit(app: &TestApp<Mocks>, id: i64, voucher: i64, date: &str, share: i64) {
    app.sql(&format!(
        "INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100,
                                     unit_price_cents, voucher_share_cents, own_share_cents, created_at)
             VALUES ({id}, {voucher}, 1, '{date}', 'Käynti', 100, {share}, {share}, 0, '{date}T08:00:00Z');"
    ));
}

/// Itä-Uusimaa's finance.
pub async fn finance(app: &TestApp<Mocks>) -> Session<'_> {
    Session::staff(app, cast::staff_user("talous")).await
}

/// Gathers `month` as `finance`; the month's settlements.
pub async fn gather(finance: &Session<'_>, month: &str) -> Value {
    let res = finance
        .post("/api/staff/settlements/gather", json!({"month": month}))
        .await;
    assert_eq!(res.status, 200, "{}", res.json);
    res.json
}

/// `finance` takes step `step` on settlement `id` with `body`.
pub async fn step(
    finance: &Session<'_>,
    id: i64,
    step: &str,
    body: Value,
) -> crate::helpers::TestResponse {
    finance
        .post(&format!("/api/staff/settlements/{id}/{step}"), body)
        .await
}

/// Gathers `month` as `finance`: the id and summary of its only settlement.
pub async fn gathered_one(finance: &Session<'_>, month: &str) -> (i64, Value) {
    let answer = gather(finance, month).await;
    let (id, settlement) = only(&answer);
    (id, settlement.clone())
}

/// The only settlement of a month's answer, and its id.
pub fn only(month: &Value) -> (i64, &Value) {
    let list = month["settlements"].as_array().expect("settlements");
    assert_eq!(list.len(), 1, "{month}");
    (list[0]["id"].as_i64().unwrap(), &list[0])
}

/// `finance` writes the month's next payment file: the answer.
pub async fn write_file(finance: &Session<'_>, month: &str) -> crate::helpers::TestResponse {
    finance
        .post(
            "/api/staff/settlements/payment-file",
            json!({"month": month}),
        )
        .await
}

/// `finance` writes the month's next payment file and downloads it: its XML.
pub async fn payment_file(finance: &Session<'_>, month: &str) -> String {
    let written = write_file(finance, month).await;
    assert_eq!(written.status, 201, "{}", written.json);
    let message = written.json["message_id"].as_str().unwrap().to_owned();
    let file = finance
        .get(&format!(
            "/api/staff/settlements/payment-file?message={message}"
        ))
        .await;
    assert_eq!(file.status, 200);
    String::from_utf8(file.bytes).unwrap()
}
