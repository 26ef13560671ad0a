//! Need assessments and voucher decisions: drafts, deciding (which makes or changes the
//! voucher), delivery, ending early and annulling. The states are `domain::desk`'s.

use crate::db::organisers::in_scope;
use crate::db::{Database, DbError, IdRow, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::{ComputationView, DecisionDocument, DecisionSummary};
use seteli_domain::catalogue::Unit;
use seteli_domain::desk::{AssessmentOutcome, DecisionStatus, DeliveryChannel};
use seteli_domain::ids::{AssessmentId, CustomerId, DecisionId, VoucherId};
use seteli_domain::{Cents, Hetu, Lang, OrganiserCode, ServiceCode};

/// A draft decision, checked.
pub struct DraftRecord<'a> {
    pub customer: CustomerId,
    pub organiser: &'a OrganiserCode,
    pub municipality: &'a str,
    pub assessment: AssessmentId,
    pub service: &'a ServiceCode,
    pub unit: Unit,
    pub unit_value: Cents,
    pub granted_units: Option<i64>,
    pub granted: Cents,
    pub valid_from: time::Date,
    pub valid_until: time::Date,
    pub household: Option<(u32, Cents)>,
    pub computation_json: Option<String>,
    pub amends: Option<VoucherId>,
    /// The resident's application the decision answers.
    pub application: Option<seteli_domain::ids::CaseId>,
    pub drafted_by: &'a str,
    pub at: &'a str,
}

/// The statement that stores a draft decision.
pub fn draft_statement(d: &DraftRecord<'_>) -> Statement {
    (
        "INSERT INTO voucher_decisions (customer_id, organiser_code, municipality_code, assessment_id,
             service_code, unit, unit_value_cents, granted_units, granted_cents, valid_from, valid_until,
             household_size, gross_income_cents, computation_json, amends_voucher_id, status,
             drafted_by, drafted_at, case_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'draft', ?16, ?17, ?18)",
        vec![
            SqlValue::from(d.customer),
            d.organiser.as_str().into(),
            d.municipality.into(),
            SqlValue::from(d.assessment),
            d.service.as_str().into(),
            d.unit.as_str().into(),
            SqlValue::from(d.unit_value.get()),
            d.granted_units.map_or(SqlValue::Null, SqlValue::from),
            SqlValue::from(d.granted.get()),
            d.valid_from.into(),
            d.valid_until.into(),
            d.household
                .map_or(SqlValue::Null, |(size, _)| SqlValue::from(i64::from(size))),
            d.household
                .map_or(SqlValue::Null, |(_, income)| SqlValue::from(income.get())),
            d.computation_json
                .clone()
                .map_or(SqlValue::Null, SqlValue::Text),
            d.amends.map_or(SqlValue::Null, SqlValue::from),
            d.drafted_by.into(),
            d.at.into(),
            d.application.map_or(SqlValue::Null, SqlValue::from),
        ],
    )
}

/// The id of the row `table` got from `by` for `customer` at `at` (the newest): how a write
/// made in a batch with its log line learns its id.
pub async fn made_by(
    db: &impl Database,
    table: Made,
    customer: CustomerId,
    by: &str,
    at: &str,
) -> Result<i64, DbError> {
    let sql = match table {
        Made::Assessment => {
            "SELECT id FROM need_assessments WHERE customer_id = ?1 AND recorded_by = ?2 AND recorded_at = ?3
             ORDER BY id DESC LIMIT 1"
        }
        Made::Decision => {
            "SELECT id FROM voucher_decisions WHERE customer_id = ?1 AND drafted_by = ?2 AND drafted_at = ?3
             ORDER BY id DESC LIMIT 1"
        }
    };
    let rows: Vec<IdRow<i64>> = db
        .query(sql, &[SqlValue::from(customer), by.into(), at.into()])
        .await?;
    rows.first()
        .map(|r| r.id)
        .ok_or_else(|| DbError(format!("the {table:?} just written is missing")))
}

/// What [`made_by`] looks for.
#[derive(Debug, Clone, Copy)]
pub enum Made {
    Assessment,
    Decision,
}

/// A decision row with what its document and list entries show.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionRow {
    pub id: DecisionId,
    pub customer_id: CustomerId,
    pub organiser_code: OrganiserCode,
    pub municipality_code: String,
    pub status: DecisionStatus,
    pub decision_number: Option<String>,
    pub service_code: ServiceCode,
    service_fi: String,
    service_sv: String,
    service_en: String,
    pub unit: Unit,
    pub unit_value_cents: i64,
    pub granted_units: Option<i64>,
    pub granted_cents: i64,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub valid_from: time::Date,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub valid_until: time::Date,
    household_size: Option<i64>,
    gross_income_cents: Option<i64>,
    computation_json: Option<String>,
    pub amends_voucher_id: Option<VoucherId>,
    /// The resident's application the decision answers (deciding approves it).
    pub case_id: Option<seteli_domain::ids::CaseId>,
    pub voucher_id: Option<VoucherId>,
    voucher_number: Option<String>,
    #[serde(with = "seteli_domain::clock::wire_time")]
    drafted_at: time::OffsetDateTime,
    decided_by_name: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    decided_at: Option<time::OffsetDateTime>,
    delivered_via: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    delivered_at: Option<time::OffsetDateTime>,
    annul_reason: Option<String>,
    #[serde(with = "seteli_domain::clock::wire_date")]
    assessed_on: time::Date,
    assessment_outcome: String,
    customer_given_name: String,
    customer_family_name: String,
    customer_hetu: String,
    municipality_fi: String,
    municipality_sv: String,
    organiser_fi: String,
    organiser_sv: String,
    organiser_en: String,
    appeal_address: String,
}

const DECISION_SELECT: &str = "SELECT d.id, d.customer_id, d.organiser_code, d.municipality_code, d.status,
        d.decision_number, d.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv,
        s.name_en AS service_en, d.unit, d.unit_value_cents, d.granted_units, d.granted_cents,
        d.valid_from, d.valid_until, d.household_size, d.gross_income_cents, d.computation_json,
        d.amends_voucher_id, d.case_id, d.voucher_id, v.number AS voucher_number, d.drafted_at, d.decided_by_name,
        d.decided_at, d.delivered_via, d.delivered_at, d.annul_reason, a.assessed_on,
        a.outcome AS assessment_outcome, c.given_name AS customer_given_name,
        c.family_name AS customer_family_name, c.hetu AS customer_hetu, m.name_fi AS municipality_fi,
        m.name_sv AS municipality_sv, o.name_fi AS organiser_fi, o.name_sv AS organiser_sv,
        o.name_en AS organiser_en, o.appeal_address
     FROM voucher_decisions d
     JOIN services s ON s.code = d.service_code
     JOIN need_assessments a ON a.id = d.assessment_id
     JOIN customers c ON c.id = d.customer_id
     JOIN municipalities m ON m.code = d.municipality_code
     JOIN organisers o ON o.code = d.organiser_code
     LEFT JOIN vouchers v ON v.id = d.voucher_id";

/// Whose decisions a query may return.
pub enum DecisionsOf<'a> {
    /// The organiser's (staff).
    Organiser(&'a OrganiserCode),
    /// The customer's own, decided ones (drafts are the organiser's work in progress).
    Customer(CustomerId),
}

/// Decisions by `filter`: one (`id`), or the customer's (`customer`), newest first, or with
/// `status` (the desk's lists, at most 100).
pub async fn decisions(
    db: &impl Database,
    of: DecisionsOf<'_>,
    id: Option<DecisionId>,
    customer: Option<CustomerId>,
    status: Option<DecisionStatus>,
) -> Result<Vec<DecisionRow>, DbError> {
    let (owner, owner_value) = match of {
        DecisionsOf::Organiser(organiser) => {
            ("d.organiser_code = ?1", SqlValue::from(organiser.as_str()))
        }
        DecisionsOf::Customer(customer) => (
            "d.customer_id = ?1 AND d.status <> 'draft'",
            SqlValue::from(customer),
        ),
    };
    let sql = format!(
        "{DECISION_SELECT} WHERE {owner} AND (?2 IS NULL OR d.id = ?2) AND (?3 IS NULL OR d.customer_id = ?3)
             AND (?4 IS NULL OR d.status = ?4)
         ORDER BY d.id DESC LIMIT 100"
    );
    db.query(
        &sql,
        &[
            owner_value,
            id.map_or(SqlValue::Null, SqlValue::from),
            customer.map_or(SqlValue::Null, SqlValue::from),
            status.map_or(SqlValue::Null, |s| s.as_str().into()),
        ],
    )
    .await
}

impl DecisionRow {
    pub fn summary(&self, lang: Lang) -> DecisionSummary {
        DecisionSummary {
            id: self.id,
            status: self.status,
            decision_number: self.decision_number.clone(),
            customer_id: self.customer_id,
            customer_name: format!("{} {}", self.customer_given_name, self.customer_family_name),
            service_name: lang.pick(
                self.service_fi.clone(),
                self.service_sv.clone(),
                Some(self.service_en.clone()),
            ),
            voucher_id: self.voucher_id,
            amendment: self.amends_voucher_id.is_some(),
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            drafted_at: self.drafted_at,
        }
    }

    pub fn document(&self, lang: Lang) -> Result<DecisionDocument, DbError> {
        let bad = |column| DbError::bad_row("voucher_decisions", column);
        let cents = |value: i64, column| Cents::new(value).map_err(|_| bad(column));
        let computation = match (
            &self.computation_json,
            self.household_size,
            self.gross_income_cents,
        ) {
            (Some(json), Some(size), Some(income)) => {
                let mut view: ComputationView =
                    serde_json::from_str(json).map_err(|_| bad("computation_json"))?;
                view.household_size = u32::try_from(size).map_err(|_| bad("household_size"))?;
                view.gross_monthly_income_cents = cents(income, "gross_income_cents")?;
                Some(view)
            }
            _ => None,
        };
        let hetu =
            Hetu::parse(&self.customer_hetu).map_err(|_| DbError::bad_row("customers", "hetu"))?;
        Ok(DecisionDocument {
            id: self.id,
            status: self.status,
            decision_number: self.decision_number.clone(),
            organiser_name: lang.pick(
                self.organiser_fi.clone(),
                self.organiser_sv.clone(),
                Some(self.organiser_en.clone()),
            ),
            appeal_address: self.appeal_address.clone(),
            customer_id: self.customer_id,
            customer_name: format!("{} {}", self.customer_given_name, self.customer_family_name),
            customer_masked_hetu: hetu.masked(),
            municipality_name: lang.pick(
                self.municipality_fi.clone(),
                self.municipality_sv.clone(),
                None,
            ),
            service_code: self.service_code.clone(),
            service_name: self.summary(lang).service_name,
            unit: self.unit,
            unit_value_cents: cents(self.unit_value_cents, "unit_value_cents")?,
            granted_units: self.granted_units,
            granted_cents: cents(self.granted_cents, "granted_cents")?,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            computation,
            assessed_on: self.assessed_on,
            assessment_outcome: AssessmentOutcome::parse(&self.assessment_outcome)
                .ok_or_else(|| DbError::bad_row("need_assessments", "outcome"))?,
            voucher_number: self
                .voucher_number
                .as_deref()
                .map(super::access_log::grouped),
            voucher_id: self.voucher_id,
            amends_voucher_id: self.amends_voucher_id,
            decided_by_name: self.decided_by_name.clone(),
            decided_at: self.decided_at,
            delivered_via: self
                .delivered_via
                .as_deref()
                .and_then(DeliveryChannel::parse),
            delivered_at: self.delivered_at,
            annul_reason: self.annul_reason.clone(),
        })
    }
}

/// The decisions behind a customer's voucher, newest first (decided ones only).
pub async fn decisions_of_voucher(
    db: &impl Database,
    customer: CustomerId,
    voucher: VoucherId,
    lang: Lang,
) -> Result<Vec<DecisionSummary>, DbError> {
    let sql = format!(
        "{DECISION_SELECT} WHERE d.customer_id = ?1 AND d.voucher_id = ?2 AND d.status <> 'draft'
         ORDER BY d.id DESC"
    );
    let rows: Vec<DecisionRow> = db
        .query(&sql, &[SqlValue::from(customer), SqlValue::from(voucher)])
        .await?;
    Ok(rows.iter().map(|r| r.summary(lang)).collect())
}

/// The scope condition for a voucher `v` of the organiser bound to `?{param}`.
pub fn voucher_in_scope(param: usize) -> String {
    in_scope("v.municipality_code", param)
}
