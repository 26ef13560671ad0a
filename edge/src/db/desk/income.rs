//! The organiser's income tables for income-related vouchers (`domain::income`).

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::IncomeTableView;
use seteli_domain::{Cents, Lang, OrganiserCode, ServiceCode};

#[derive(Deserialize)]
struct TableRow {
    service_code: ServiceCode,
    service_fi: String,
    service_sv: String,
    service_en: String,
    full_value_cents: i64,
    minimum_value_cents: i64,
    rows_json: String,
    limit_step_cents: i64,
    reduction_step_basis_points: i64,
    units_per_month: i64,
    rounding_cents: i64,
    updated_by: String,
}

impl TableRow {
    fn view(self, lang: Lang) -> Result<IncomeTableView, DbError> {
        let bad = |column| DbError::bad_row("income_tables", column);
        let cents = |v: i64, column| Cents::new(v).map_err(|_| bad(column));
        let count = |v: i64, column| u32::try_from(v).map_err(|_| bad(column));
        Ok(IncomeTableView {
            service_code: self.service_code,
            service_name: lang.pick(self.service_fi, self.service_sv, Some(self.service_en)),
            full_value_cents: cents(self.full_value_cents, "full_value_cents")?,
            minimum_value_cents: cents(self.minimum_value_cents, "minimum_value_cents")?,
            rows: serde_json::from_str(&self.rows_json).map_err(|_| bad("rows_json"))?,
            limit_step_cents: cents(self.limit_step_cents, "limit_step_cents")?,
            reduction_step_basis_points: count(
                self.reduction_step_basis_points,
                "reduction_step_basis_points",
            )?,
            units_per_month: count(self.units_per_month, "units_per_month")?,
            rounding_cents: cents(self.rounding_cents, "rounding_cents")?,
            updated_by: self.updated_by,
        })
    }
}

/// The organiser's tables (with `service`, that one's), in the catalogue's order.
pub async fn tables(
    db: &impl Database,
    organiser: &OrganiserCode,
    service: Option<&ServiceCode>,
    lang: Lang,
) -> Result<Vec<IncomeTableView>, DbError> {
    let rows: Vec<TableRow> = db
        .query(
            "SELECT t.service_code, s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en,
                    t.full_value_cents, t.minimum_value_cents, t.rows_json, t.limit_step_cents,
                    t.reduction_step_basis_points, t.units_per_month, t.rounding_cents, t.updated_by
             FROM income_tables t JOIN services s ON s.code = t.service_code
             WHERE t.organiser_code = ?1 AND (?2 IS NULL OR t.service_code = ?2)
             ORDER BY s.sort_order",
            &[
                organiser.as_str().into(),
                service.map_or(SqlValue::Null, |s| s.as_str().into()),
            ],
        )
        .await?;
    rows.into_iter().map(|r| r.view(lang)).collect()
}

/// The statement that stores (or replaces) the organiser's table for its service.
pub fn set_statement(
    organiser: &OrganiserCode,
    table: &IncomeTableView,
    updated_by: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO income_tables (organiser_code, service_code, full_value_cents, minimum_value_cents, rows_json,
                                    limit_step_cents, reduction_step_basis_points, units_per_month, rounding_cents,
                                    updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (organiser_code, service_code) DO UPDATE SET
             full_value_cents = excluded.full_value_cents, minimum_value_cents = excluded.minimum_value_cents,
             rows_json = excluded.rows_json, limit_step_cents = excluded.limit_step_cents,
             reduction_step_basis_points = excluded.reduction_step_basis_points,
             units_per_month = excluded.units_per_month, rounding_cents = excluded.rounding_cents,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        vec![
            organiser.as_str().into(),
            table.service_code.as_str().into(),
            SqlValue::from(table.full_value_cents.get()),
            SqlValue::from(table.minimum_value_cents.get()),
            serde_json::to_string(&table.rows)
                .unwrap_or_else(|_| "[]".to_owned())
                .into(),
            SqlValue::from(table.limit_step_cents.get()),
            SqlValue::from(i64::from(table.reduction_step_basis_points)),
            SqlValue::from(i64::from(table.units_per_month)),
            SqlValue::from(table.rounding_cents.get()),
            updated_by.into(),
            at.into(),
        ],
    )
}
