//! The organiser's desk: customers, need assessments, voucher decisions, registered
//! proxies, staff's checks of events, income tables and the access log. Every read takes
//! the staff member's organiser and reaches only the rows of the municipalities it serves.

pub mod access_log;
pub mod assessments;
pub mod customers;
pub mod deciding;
pub mod decisions;
pub mod events;
pub mod income;
pub mod notices;
pub mod proxies;

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::desk::StaffVoucher;
use seteli_domain::ids::{CustomerId, VoucherId};
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{Cents, Lang, OrganiserCode};

#[derive(Deserialize)]
struct StaffVoucherRow {
    id: VoucherId,
    number: String,
    customer_id: CustomerId,
    given_name: String,
    family_name: String,
    service_code: seteli_domain::ServiceCode,
    service_fi: String,
    service_sv: String,
    service_en: String,
    unit: seteli_domain::catalogue::Unit,
    unit_value_cents: i64,
    granted_cents: i64,
    balance_cents: i64,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_from: time::Date,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_until: time::Date,
    status: VoucherStatus,
    events: i64,
}

/// The organiser's vouchers: the customer's (`customer`), or, with `ending_by`, the active
/// ones whose validity ends from `today` up to that day (the desk's "ending soon").
pub async fn vouchers(
    db: &impl Database,
    organiser: &OrganiserCode,
    customer: Option<CustomerId>,
    ending: Option<(time::Date, time::Date)>,
    lang: Lang,
) -> Result<Vec<StaffVoucher>, DbError> {
    let sql = format!(
        "SELECT v.id, v.number, v.customer_id, c.given_name, c.family_name, v.service_code, s.name_fi AS service_fi,
                s.name_sv AS service_sv, s.name_en AS service_en, v.unit, v.unit_value_cents, v.granted_cents,
                v.balance_cents, v.valid_from, v.valid_until, v.status,
                (SELECT COUNT(*) FROM service_events e WHERE e.voucher_id = v.id AND e.status = 'recorded') AS events
         FROM vouchers v
         JOIN customers c ON c.id = v.customer_id
         JOIN services s ON s.code = v.service_code
         WHERE {} AND (?2 IS NULL OR v.customer_id = ?2)
           AND (?3 IS NULL OR (v.status = 'active' AND v.valid_until >= ?3 AND v.valid_until <= ?4))
         ORDER BY v.valid_until DESC, v.id DESC LIMIT 200",
        decisions::voucher_in_scope(1)
    );
    let (from, to) = ending.map_or((SqlValue::Null, SqlValue::Null), |(from, to)| {
        (from.into(), to.into())
    });
    let rows: Vec<StaffVoucherRow> = db
        .query(
            &sql,
            &[
                organiser.as_str().into(),
                customer.map_or(SqlValue::Null, SqlValue::from),
                from,
                to,
            ],
        )
        .await?;
    let today = ending.map(|(from, _)| from);
    rows.into_iter()
        .map(|r| {
            let cents =
                |v: i64, column| Cents::new(v).map_err(|_| DbError::bad_row("vouchers", column));
            let status = match today {
                Some(today) => r.status.as_of(r.valid_until, today),
                None => r.status,
            };
            Ok(StaffVoucher {
                id: r.id,
                number: access_log::grouped(&r.number),
                customer_id: r.customer_id,
                customer_name: format!("{} {}", r.given_name, r.family_name),
                service_code: r.service_code,
                service_name: lang.pick(r.service_fi, r.service_sv, Some(r.service_en)),
                unit: r.unit,
                unit_value_cents: cents(r.unit_value_cents, "unit_value_cents")?,
                granted_cents: cents(r.granted_cents, "granted_cents")?,
                balance_cents: cents(r.balance_cents, "balance_cents")?,
                valid_from: r.valid_from,
                valid_until: r.valid_until,
                status,
                has_events: r.events > 0,
            })
        })
        .collect()
}
