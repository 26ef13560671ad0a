//! The API's shapes for paying producers: a month's settlements as finance and customer
//! service read them, one settlement line by line, holds, payment, producers' bank
//! accounts, and the producer's own statements.

use crate::ids::{EventId, ProducerId};
use crate::settlement::{LineKind, Month, SettlementState, Totals};
use serde::{Deserialize, Serialize};

/// A settlement id.
pub type SettlementId = i64;

/// Where a producer's payments go, as a settlement's reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AccountState {
    /// An account confirmed by an organiser's finance, shown by its last four characters.
    Confirmed { masked: String },
    /// A new account waits for finance to confirm it; the confirmed one (if any) is used
    /// meanwhile.
    Pending { masked: Option<String> },
    /// No account in effect: the payment is held until one is confirmed.
    Missing,
}

/// One producer's settlement of a month, summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementSummary {
    pub id: SettlementId,
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub business_id: String,
    /// The organiser that pays (the producer reads several).
    pub organiser_name: String,
    pub month: Month,
    pub state: SettlementState,
    pub totals: Totals,
    /// Lines: visits of the month, late visits and adjustments.
    pub lines: u32,
    /// Visits held out of this settlement (disputed: they wait for the next month).
    pub held: u32,
    pub account: AccountState,
    pub gathered_at: String,
    pub confirmed_at: Option<String>,
    pub confirmed_by_name: Option<String>,
    pub paid_on: Option<String>,
    pub payment_reference: Option<String>,
    /// The bank's payment file it went out in (its message id), once it did.
    #[serde(default)]
    pub payment_message_id: Option<String>,
}

/// `GET /api/staff/settlements?month=YYYY-MM`: the organiser's settlements of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementMonth {
    pub month: Month,
    /// The day of the next month on which it is gathered.
    pub cutoff_day: u8,
    /// Whether the organiser's own account is configured (a payment file can be written).
    pub payer_configured: bool,
    pub settlements: Vec<SettlementSummary>,
    /// Producers' new bank accounts that wait for finance.
    pub pending_accounts: u32,
    /// The month's payment files written so far.
    #[serde(default)]
    pub payment_files: Vec<PaymentFileSummary>,
}

/// A payment file written for a month: its id (the ISO 20022 `MsgId`), when, and what it
/// pays. `POST /api/staff/settlements/payment-file` answers with the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentFileSummary {
    pub message_id: String,
    pub exported_at: String,
    pub transfers: u32,
    pub total_cents: i64,
}

/// One line of a settlement, traceable to its visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementLineView {
    pub event_id: EventId,
    pub kind: LineKind,
    pub amount_cents: i64,
    pub service_date: String,
    pub service_code: String,
    pub description: String,
    pub units_x100: i64,
    pub voucher_number: String,
    /// For an adjustment: the months whose settlements paid the visit before.
    pub settled_in: Vec<Month>,
}

/// A visit held out of a settlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldView {
    pub event_id: EventId,
    pub service_date: String,
    pub voucher_number: String,
    pub reason: String,
    pub held_by_name: String,
    pub held_at: String,
}

/// `GET /api/staff/settlements/{id}` and `/api/producer/statements/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementView {
    pub summary: SettlementSummary,
    pub lines: Vec<SettlementLineView>,
    pub holds: Vec<HoldView>,
}

/// `POST /api/staff/settlements/gather`: gathers (again) the drafts of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatherMonth {
    pub month: String,
}

/// `POST /api/staff/settlements/{id}/hold`: holds a disputed visit out of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldEvent {
    pub event_id: i64,
    pub reason: String,
}

/// `POST /api/staff/settlements/{id}/release`: puts a held visit back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseEvent {
    pub event_id: i64,
}

/// `POST /api/staff/settlements/{id}/paid`: the day the bank paid and its reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkPaid {
    pub paid_on: String,
    pub reference: String,
}

/// A producer's account as the producer sees it (`GET /api/producer/account`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerAccountView {
    /// The account in effect, in groups of four.
    pub confirmed: Option<String>,
    pub confirmed_at: Option<String>,
    /// A new account waiting for an organiser's finance.
    pub pending: Option<String>,
    pub pending_entered_at: Option<String>,
    pub pending_entered_by: Option<String>,
    /// The last decision: a rejected account, if the newest was rejected.
    pub rejected: Option<String>,
}

/// `POST /api/producer/account`: a new account, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    pub iban: String,
}

/// A producer's new account waiting for finance (`GET /api/staff/producer-accounts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAccount {
    pub id: i64,
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub business_id: String,
    /// The new account in full, for finance to check against the producer's own notice.
    pub iban: String,
    /// The account it replaces, in full.
    pub previous: Option<String>,
    pub entered_by_name: String,
    pub entered_at: String,
}

/// `GET /api/staff/producer-accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAccounts {
    pub accounts: Vec<PendingAccount>,
}

/// `GET /api/producer/statements`: the company's confirmed and paid settlements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statements {
    pub statements: Vec<SettlementSummary>,
}

/// One row of the production report: a month, a service and a producer (visits that stand,
/// by service date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductionRow {
    pub month: Month,
    pub service_code: String,
    pub service_name: String,
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub events: u32,
    /// Units in hundredths (150 = 1.5 hours).
    pub units_x100: i64,
    pub voucher_share_cents: i64,
    pub own_share_cents: i64,
}

/// `GET /api/staff/reports/production?from=YYYY-MM&to=YYYY-MM`: the organiser's visits per
/// month, service and producer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductionReport {
    pub from: Month,
    pub to: Month,
    pub rows: Vec<ProductionRow>,
}

/// One service's purchasing power in a year: what vouchers in force granted and what the
/// visits used of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub service_code: String,
    pub service_name: String,
    pub vouchers: u32,
    pub granted_cents: i64,
    pub used_cents: i64,
}

/// `GET /api/staff/reports/budget?year=YYYY`: granted against used, per service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetReport {
    pub year: i32,
    pub rows: Vec<BudgetRow>,
}

/// The longest period the production report covers, in months.
pub const MAX_REPORT_MONTHS: u32 = 24;
