//! Settlements with producers: reading them (a month's, one with its lines and holds, a
//! producer's statements), gathering a month's drafts ([`gather`]), the steps on one
//! ([`steps`]), producers' bank accounts ([`accounts`]) and the bank's payment file
//! ([`payment`]). Every read is limited to one organiser, or to one producer.

pub mod accounts;
pub mod gather;
pub mod payment;
pub mod reports;
pub mod steps;

use crate::db::{Database, DbError};
use serde::Deserialize;
use seteli_domain::api::settlement::{
    AccountState, HoldView, SettlementId, SettlementLineView, SettlementSummary, SettlementView,
};
use seteli_domain::ids::{EventId, ProducerId};
use seteli_domain::payment_file::Iban;
use seteli_domain::settlement::{LineKind, Month, SettlementState, Totals};
use seteli_domain::{Lang, OrganiserCode};

/// Whose settlements a read may reach.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The organiser's, drafts included.
    Organiser(&'a OrganiserCode),
    /// The producer's, every organiser's, but not drafts.
    Producer(ProducerId),
}

/// A settlement row with its producer, its organiser's name, counts and account.
#[derive(Debug, Clone, Deserialize)]
pub struct SettlementRow {
    pub id: SettlementId,
    pub organiser_code: OrganiserCode,
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub business_id: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub month: String,
    pub state: SettlementState,
    pub gathered_at: String,
    pub events_cents: i64,
    pub adjustments_cents: i64,
    pub carried_in_cents: i64,
    pub payable_cents: i64,
    pub carried_out_cents: i64,
    pub confirmed_at: Option<String>,
    pub confirmed_by_name: Option<String>,
    pub paid_on: Option<String>,
    pub payment_reference: Option<String>,
    pub line_count: i64,
    pub held_count: i64,
    pub confirmed_iban: Option<String>,
    pub pending_iban: Option<String>,
    pub payment_message_id: Option<String>,
    pub exported_at: Option<String>,
}

impl SettlementRow {
    pub fn month(&self) -> Result<Month, DbError> {
        Month::parse(&self.month).ok_or_else(|| DbError::bad_row("settlements", "month"))
    }

    /// The account the payment goes to, if one is in effect.
    pub fn account(&self) -> Option<Iban> {
        self.confirmed_iban.as_deref().and_then(Iban::parse)
    }

    pub fn summary(&self, lang: Lang) -> Result<SettlementSummary, DbError> {
        let masked =
            |iban: &Option<String>| iban.as_deref().and_then(Iban::parse).map(|i| i.masked());
        let account = match (&self.confirmed_iban, &self.pending_iban) {
            (_, Some(_)) => AccountState::Pending {
                masked: masked(&self.confirmed_iban),
            },
            (Some(_), None) => AccountState::Confirmed {
                masked: masked(&self.confirmed_iban).unwrap_or_default(),
            },
            (None, None) => AccountState::Missing,
        };
        let count = |n: i64| u32::try_from(n).unwrap_or(0);
        Ok(SettlementSummary {
            id: self.id,
            producer_id: self.producer_id,
            producer_name: self.producer_name.clone(),
            business_id: self.business_id.clone(),
            organiser_name: lang.pick(
                self.name_fi.clone(),
                self.name_sv.clone(),
                Some(self.name_en.clone()),
            ),
            month: self.month()?,
            state: self.state,
            totals: Totals {
                events_cents: self.events_cents,
                adjustments_cents: self.adjustments_cents,
                carried_in_cents: self.carried_in_cents,
                payable_cents: self.payable_cents,
                carried_out_cents: self.carried_out_cents,
            },
            lines: count(self.line_count),
            held: count(self.held_count),
            account,
            gathered_at: self.gathered_at.clone(),
            confirmed_at: self.confirmed_at.clone(),
            confirmed_by_name: self.confirmed_by_name.clone(),
            paid_on: self.paid_on.clone(),
            payment_reference: self.payment_reference.clone(),
            payment_message_id: self.payment_message_id.clone(),
        })
    }
}

/// The select list and joins of [`SettlementRow`], before the scope's condition.
macro_rules! settlement_select {
    ($where:literal) => {
        concat!(
            "SELECT s.id, s.organiser_code, s.producer_id, p.name AS producer_name, p.business_id,
                    o.name_fi, o.name_sv, o.name_en, s.month, s.state, s.gathered_at, s.events_cents,
                    s.adjustments_cents, s.carried_in_cents, s.payable_cents, s.carried_out_cents,
                    s.confirmed_at, s.confirmed_by_name, s.paid_on, s.payment_reference,
                    (SELECT COUNT(*) FROM settlement_lines l WHERE l.settlement_id = s.id) AS line_count,
                    (SELECT COUNT(*) FROM settlement_holds h WHERE h.settlement_id = s.id) AS held_count,
                    (SELECT a.iban FROM producer_accounts a
                     WHERE a.producer_id = s.producer_id AND a.status = 'confirmed') AS confirmed_iban,
                    (SELECT a.iban FROM producer_accounts a
                     WHERE a.producer_id = s.producer_id AND a.status = 'pending') AS pending_iban,
                    s.payment_message_id, s.exported_at
             FROM settlements s
             JOIN producers p ON p.id = s.producer_id
             JOIN organisers o ON o.code = s.organiser_code
             WHERE ",
            $where
        )
    };
}

pub(crate) use settlement_select;

/// The organiser's settlements of `month`, by producer name.
pub async fn of_month(
    db: &impl Database,
    organiser: &OrganiserCode,
    month: Month,
) -> Result<Vec<SettlementRow>, DbError> {
    db.query(
        settlement_select!("s.organiser_code = ?1 AND s.month = ?2 ORDER BY p.name, s.id"),
        &[organiser.as_str().into(), month.to_string().into()],
    )
    .await
}

/// The producer's confirmed and paid settlements, newest month first.
pub async fn of_producer(
    db: &impl Database,
    producer: ProducerId,
) -> Result<Vec<SettlementRow>, DbError> {
    db.query(
        settlement_select!(
            "s.producer_id = ?1 AND s.state != 'draft' ORDER BY s.month DESC, o.name_fi"
        ),
        &[producer.into()],
    )
    .await
}

/// Settlement `id` within `scope`; `None` when it is not there or not reachable.
pub async fn find(
    db: &impl Database,
    scope: Scope<'_>,
    id: SettlementId,
) -> Result<Option<SettlementRow>, DbError> {
    let rows: Vec<SettlementRow> = match scope {
        Scope::Organiser(code) => {
            db.query(
                settlement_select!("s.organiser_code = ?1 AND s.id = ?2"),
                &[code.as_str().into(), id.into()],
            )
            .await?
        }
        Scope::Producer(producer) => {
            db.query(
                settlement_select!("s.producer_id = ?1 AND s.state != 'draft' AND s.id = ?2"),
                &[producer.into(), id.into()],
            )
            .await?
        }
    };
    Ok(rows.into_iter().next())
}

#[derive(Deserialize)]
struct LineRow {
    event_id: EventId,
    kind: String,
    amount_cents: i64,
    service_date: String,
    service_code: String,
    description: String,
    units_x100: i64,
    voucher_number: String,
    /// Space-separated months of the confirmed settlements that paid the visit before.
    settled_in: Option<String>,
}

/// The lines of settlement `id`, by service date.
pub async fn lines(
    db: &impl Database,
    id: SettlementId,
) -> Result<Vec<SettlementLineView>, DbError> {
    let rows: Vec<LineRow> = db
        .query(
            "SELECT l.event_id, l.kind, l.amount_cents, e.service_date, v.service_code, e.description,
                    e.units_x100, v.number AS voucher_number,
                    (SELECT group_concat(s2.month, ' ') FROM settlement_lines l2
                     JOIN settlements s2 ON s2.id = l2.settlement_id
                     WHERE l2.event_id = l.event_id AND l2.settlement_id != l.settlement_id
                       AND s2.state != 'draft' AND s2.month <= s.month) AS settled_in
             FROM settlement_lines l
             JOIN settlements s ON s.id = l.settlement_id
             JOIN service_events e ON e.id = l.event_id
             JOIN vouchers v ON v.id = e.voucher_id
             WHERE l.settlement_id = ?1
             ORDER BY e.service_date, l.event_id",
            &[id.into()],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let mut settled_in: Vec<Month> = r
                .settled_in
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(Month::parse)
                .collect();
            settled_in.sort();
            settled_in.dedup();
            Ok(SettlementLineView {
                event_id: r.event_id,
                kind: LineKind::parse(&r.kind)
                    .ok_or_else(|| DbError::bad_row("settlement_lines", "kind"))?,
                amount_cents: r.amount_cents,
                service_date: r.service_date,
                service_code: r.service_code,
                description: r.description,
                units_x100: r.units_x100,
                voucher_number: r.voucher_number,
                settled_in,
            })
        })
        .collect()
}

/// The visits held out of settlement `id`.
pub async fn holds(db: &impl Database, id: SettlementId) -> Result<Vec<HoldView>, DbError> {
    db.query(
        "SELECT h.event_id, e.service_date, v.number AS voucher_number, h.reason, h.held_by_name,
                h.held_at
         FROM settlement_holds h
         JOIN service_events e ON e.id = h.event_id
         JOIN vouchers v ON v.id = e.voucher_id
         WHERE h.settlement_id = ?1
         ORDER BY e.service_date, h.event_id",
        &[id.into()],
    )
    .await
}

/// Settlement `row` with its lines and holds, as read now, in `lang`.
pub async fn view(
    db: &impl Database,
    row: &SettlementRow,
    lang: Lang,
) -> Result<SettlementView, DbError> {
    Ok(SettlementView {
        summary: row.summary(lang)?,
        lines: lines(db, row.id).await?,
        holds: holds(db, row.id).await?,
    })
}

#[derive(Deserialize)]
struct SettingsRow {
    settlement_cutoff_day: i64,
    business_id: Option<String>,
    payer_iban: Option<String>,
    payer_bic: Option<String>,
    name_fi: String,
}

/// An organiser's settlement configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    pub cutoff_day: u8,
    /// The organiser's name (in Finnish, as the bank's file names the payer).
    pub name: String,
    /// The business id and account the payment file pays from, when configured.
    pub payer: Option<(String, Iban, Option<String>)>,
}

/// The organiser's settlement configuration; `None` for an unknown organiser.
pub async fn settings(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Option<Settings>, DbError> {
    let rows: Vec<SettingsRow> = db
        .query(
            "SELECT settlement_cutoff_day, business_id, payer_iban, payer_bic, name_fi
             FROM organisers WHERE code = ?1",
            &[organiser.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| Settings {
        cutoff_day: u8::try_from(r.settlement_cutoff_day).unwrap_or(5),
        name: r.name_fi,
        payer: match (r.business_id, r.payer_iban.as_deref().and_then(Iban::parse)) {
            (Some(business_id), Some(iban)) => Some((business_id, iban, r.payer_bic)),
            _ => None,
        },
    }))
}
