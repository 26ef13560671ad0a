//! Customers' vouchers, their service events, feedback and survey answers. Every function
//! takes the customer's id and reads only that customer's rows: ownership is part of each
//! query, not a check beside it.

mod events;
mod feedback;
mod surveys;

pub use events::{events_of, producer_served, producers_of};
pub use feedback::{feedback_of, insert_feedback, NewFeedbackRow};
pub(crate) use feedback::{FeedbackCore, FEEDBACK_COLUMNS, LATEST_REPLY};
pub use surveys::{insert_survey, SurveyRow};

use super::{Database, DbError, IdRow, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{ProducerVoucher, VoucherSummary};
use seteli_domain::catalogue::Unit;
use seteli_domain::ids::{CustomerId, VoucherId};
use seteli_domain::voucher::VoucherNumber;
use seteli_domain::{Cents, Lang, MunicipalityCode, ServiceCode};
use time::Date;

/// The customer with this identity code, if the municipality has made them one.
pub async fn customer_by_hetu(
    db: &impl Database,
    hetu: &str,
) -> Result<Option<CustomerId>, DbError> {
    let rows: Vec<IdRow<CustomerId>> = db
        .query("SELECT id FROM customers WHERE hetu = ?1", &[hetu.into()])
        .await?;
    Ok(rows.first().map(|r| r.id))
}

#[derive(Deserialize)]
pub(crate) struct VoucherRow {
    id: VoucherId,
    number: String,
    service_code: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    municipality_code: String,
    municipality_fi: String,
    municipality_sv: String,
    unit: String,
    unit_value_cents: i64,
    granted_units: Option<i64>,
    granted_cents: i64,
    balance_cents: i64,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_from: time::Date,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_until: time::Date,
    status: seteli_domain::voucher::VoucherStatus,
    /// Producers' queries add the customer's names (never the identity code).
    #[serde(default)]
    customer_given_name: Option<String>,
    #[serde(default)]
    customer_family_name: Option<String>,
}

/// The columns and joins of [`VoucherRow`]; `v` is the voucher.
pub(crate) const VOUCHER_COLUMNS: &str = "
    v.id, v.number, v.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en,
    v.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, v.unit,
    v.unit_value_cents, v.granted_units, v.granted_cents, v.balance_cents, v.valid_from, v.valid_until, v.status
    FROM vouchers v
    JOIN services s ON s.code = v.service_code
    JOIN municipalities m ON m.code = v.municipality_code";

impl VoucherRow {
    pub(crate) fn id(&self) -> VoucherId {
        self.id
    }

    /// The voucher as a producer sees it; needs the customer's names in the row.
    pub(crate) fn into_producer_view(
        mut self,
        lang: Lang,
        today: Date,
        price_cents: Option<Cents>,
    ) -> Result<ProducerVoucher, DbError> {
        let given = self.customer_given_name.take();
        let family = self.customer_family_name.take();
        let (Some(customer_given_name), Some(customer_family_name)) = (given, family) else {
            return Err(DbError::bad_row("customers", "given_name"));
        };
        let v = self.into_dto(lang, today)?;
        Ok(ProducerVoucher {
            voucher_id: v.id,
            number: v.number,
            customer_given_name,
            customer_family_name,
            service_code: v.service_code,
            service_name: v.service_name,
            municipality_code: v.municipality_code,
            municipality_name: v.municipality_name,
            unit: v.unit,
            unit_value_cents: v.unit_value_cents,
            balance_cents: v.balance_cents,
            valid_from: v.valid_from,
            valid_until: v.valid_until,
            status: v.status,
            price_cents,
        })
    }

    fn into_dto(self, lang: Lang, today: Date) -> Result<VoucherSummary, DbError> {
        let bad = |column| DbError::bad_row("vouchers", column);
        let status = self.status.as_of(self.valid_until, today);
        Ok(VoucherSummary {
            id: self.id,
            number: VoucherNumber::parse(&self.number)
                .map_err(|_| bad("number"))?
                .grouped(),
            service_code: ServiceCode::parse(&self.service_code)
                .map_err(|_| bad("service_code"))?,
            service_name: lang.pick(self.service_fi, self.service_sv, Some(self.service_en)),
            municipality_code: MunicipalityCode::parse(&self.municipality_code)
                .map_err(|_| bad("municipality_code"))?,
            municipality_name: lang.pick(self.municipality_fi, self.municipality_sv, None),
            unit: Unit::parse(&self.unit).ok_or_else(|| bad("unit"))?,
            unit_value_cents: Cents::new(self.unit_value_cents)
                .map_err(|_| bad("unit_value_cents"))?,
            granted_units: self.granted_units,
            granted_cents: Cents::new(self.granted_cents).map_err(|_| bad("granted_cents"))?,
            balance_cents: Cents::new(self.balance_cents).map_err(|_| bad("balance_cents"))?,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            status,
        })
    }
}

/// The customer's vouchers: those still valid first, then by validity, newest first.
pub async fn vouchers_of(
    db: &impl Database,
    customer: CustomerId,
    lang: Lang,
    today: Date,
) -> Result<Vec<VoucherSummary>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!(
                "SELECT {VOUCHER_COLUMNS}
                 WHERE v.customer_id = ?1
                 ORDER BY (v.status = 'active' AND v.valid_until >= ?2) DESC, v.valid_until DESC, v.id DESC"
            ),
            &[SqlValue::from(customer), today.into()],
        )
        .await?;
    rows.into_iter().map(|r| r.into_dto(lang, today)).collect()
}

/// One of the customer's vouchers; `None` when it does not exist or is someone else's.
pub async fn voucher_of(
    db: &impl Database,
    customer: CustomerId,
    voucher_id: VoucherId,
    lang: Lang,
    today: Date,
) -> Result<Option<VoucherSummary>, DbError> {
    let rows: Vec<VoucherRow> = db
        .query(
            &format!("SELECT {VOUCHER_COLUMNS} WHERE v.customer_id = ?1 AND v.id = ?2"),
            &[SqlValue::from(customer), SqlValue::from(voucher_id)],
        )
        .await?;
    rows.into_iter()
        .next()
        .map(|r| r.into_dto(lang, today))
        .transpose()
}

/// The statement that ends the customer's voucher in force on `today` because they refused
/// it (what was used stays; `ended_by` is `customer`); one that has not begun yet is
/// cancelled instead (its validity cannot end before it starts).
pub fn refuse_statement(
    voucher: VoucherId,
    customer: CustomerId,
    today: Date,
    reason: &str,
) -> crate::db::Statement {
    (
        "UPDATE vouchers SET
                status = CASE WHEN valid_from > ?3 THEN 'cancelled' ELSE status END,
                valid_until = CASE WHEN valid_from > ?3 THEN valid_from ELSE ?3 END,
                ended_reason = ?4, ended_by = 'customer'
         WHERE id = ?1 AND customer_id = ?2 AND status = 'active' AND valid_until > ?3",
        vec![
            SqlValue::from(voucher),
            SqlValue::from(customer),
            today.into(),
            reason.into(),
        ],
    )
}
