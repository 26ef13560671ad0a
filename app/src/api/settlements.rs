//! Paying producers: the organiser's `/api/staff/settlements..` and
//! `/api/staff/producer-accounts..`, and the company's `/api/producer/statements..` and
//! `/api/producer/account`.

use super::{get_in, post};
use seteli_domain::api::settlement::{
    BudgetReport, GatherMonth, HoldEvent, MarkPaid, NewAccount, PaymentFileSummary,
    PendingAccounts, ProducerAccountView, ProductionReport, ReleaseEvent, SettlementId,
    SettlementMonth, SettlementView, Statements,
};
use seteli_domain::settlement::Month;
use seteli_domain::{ApiError, Lang};

/// `GET /api/staff/settlements?month=`: the month's settlements (the latest gathered when
/// `month` is `None`).
pub async fn month(month: Option<Month>, lang: Lang) -> Result<SettlementMonth, ApiError> {
    match month {
        Some(month) => get_in(&format!("/api/staff/settlements?month={month}"), lang).await,
        None => get_in("/api/staff/settlements", lang).await,
    }
}

/// `POST /api/staff/settlements/gather`.
pub async fn gather(month: Month, lang: Lang) -> Result<SettlementMonth, ApiError> {
    let body = GatherMonth {
        month: month.to_string(),
    };
    post("/api/staff/settlements/gather", &body, lang).await
}

/// `GET /api/staff/settlements/{id}`.
pub async fn settlement(id: SettlementId, lang: Lang) -> Result<SettlementView, ApiError> {
    get_in(&format!("/api/staff/settlements/{id}"), lang).await
}

/// A finance step on a settlement, and what it sends.
#[derive(Debug, Clone)]
pub enum SettlementStep {
    Hold(HoldEvent),
    Release(ReleaseEvent),
    Confirm,
    Paid(MarkPaid),
}

/// `POST /api/staff/settlements/{id}/{step}`: the settlement as it now is.
pub async fn step(
    id: SettlementId,
    step: &SettlementStep,
    lang: Lang,
) -> Result<SettlementView, ApiError> {
    let path = |name: &str| format!("/api/staff/settlements/{id}/{name}");
    match step {
        SettlementStep::Hold(body) => post(&path("hold"), body, lang).await,
        SettlementStep::Release(body) => post(&path("release"), body, lang).await,
        SettlementStep::Confirm => post(&path("confirm"), &serde_json::json!({}), lang).await,
        SettlementStep::Paid(body) => post(&path("paid"), body, lang).await,
    }
}

/// `POST /api/staff/settlements/payment-file`: writes the month's next payment file.
pub async fn write_payment_file(month: Month, lang: Lang) -> Result<PaymentFileSummary, ApiError> {
    let body = GatherMonth {
        month: month.to_string(),
    };
    post("/api/staff/settlements/payment-file", &body, lang).await
}

/// The address of the payment file `message_id` (a download).
pub fn payment_file_href(message_id: &str, lang: Lang) -> String {
    format!(
        "/api/staff/settlements/payment-file?message={message_id}&lang={}",
        lang.code()
    )
}

/// The address of the month's ledger CSV (a download).
pub fn ledger_href(month: Month, lang: Lang) -> String {
    format!(
        "/api/staff/settlements/ledger?month={month}&lang={}",
        lang.code()
    )
}

/// `GET /api/staff/producer-accounts`.
pub async fn pending_accounts(lang: Lang) -> Result<PendingAccounts, ApiError> {
    get_in("/api/staff/producer-accounts", lang).await
}

/// `POST /api/staff/producer-accounts/{id}/confirm|reject`: those still waiting.
pub async fn decide_account(
    id: i64,
    confirm: bool,
    lang: Lang,
) -> Result<PendingAccounts, ApiError> {
    let step = if confirm { "confirm" } else { "reject" };
    post(
        &format!("/api/staff/producer-accounts/{id}/{step}"),
        &serde_json::json!({}),
        lang,
    )
    .await
}

/// `GET /api/producer/statements`.
pub async fn statements(lang: Lang) -> Result<Statements, ApiError> {
    get_in("/api/producer/statements", lang).await
}

/// `GET /api/producer/statements/{id}`.
pub async fn statement(id: SettlementId, lang: Lang) -> Result<SettlementView, ApiError> {
    get_in(&format!("/api/producer/statements/{id}"), lang).await
}

/// `GET /api/producer/account`.
pub async fn account(lang: Lang) -> Result<ProducerAccountView, ApiError> {
    get_in("/api/producer/account", lang).await
}

/// `POST /api/producer/account`: the account as it now is.
pub async fn set_account(iban: &str, lang: Lang) -> Result<ProducerAccountView, ApiError> {
    let body = NewAccount {
        iban: iban.to_owned(),
    };
    post("/api/producer/account", &body, lang).await
}

/// A report's query: the period, when the address names one.
pub(crate) fn period_query(from: Option<Month>, to: Option<Month>) -> String {
    let mut pairs = Vec::new();
    if let Some(from) = from {
        pairs.push(format!("from={from}"));
    }
    if let Some(to) = to {
        pairs.push(format!("to={to}"));
    }
    pairs.join("&")
}

/// `GET /api/staff/reports/production?from=&to=` (the default period when not given).
pub async fn production(
    from: Option<Month>,
    to: Option<Month>,
    lang: Lang,
) -> Result<ProductionReport, ApiError> {
    get_in(
        &format!("/api/staff/reports/production?{}", period_query(from, to)),
        lang,
    )
    .await
}

/// The address of the production report's CSV (a download).
pub fn production_csv_href(from: Month, to: Month, lang: Lang) -> String {
    format!(
        "/api/staff/reports/production?from={from}&to={to}&format=csv&lang={}",
        lang.code()
    )
}

/// `GET /api/staff/reports/budget?year=` (this year when not given).
pub async fn budget(year: Option<i32>, lang: Lang) -> Result<BudgetReport, ApiError> {
    match year {
        Some(year) => get_in(&format!("/api/staff/reports/budget?year={year}"), lang).await,
        None => get_in("/api/staff/reports/budget", lang).await,
    }
}

/// The address of the budget report's CSV (a download).
pub fn budget_csv_href(year: i32, lang: Lang) -> String {
    format!(
        "/api/staff/reports/budget?year={year}&format=csv&lang={}",
        lang.code()
    )
}
