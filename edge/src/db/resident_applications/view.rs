//! A resident's application as its readers see it: the applicant and whoever acts for the
//! principal, a named guardian acting for the child, and the organiser's handler.

use super::{consents, ResidentRow};
use crate::db::applications::status;
use crate::db::cases::history_entries;
use crate::db::{organisers, Database, DbError};
use seteli_domain::api::resident::VoucherApplicationView;
use seteli_domain::case::StateName;
use seteli_domain::income::{income_related_value, Household};
use seteli_domain::Lang;
use time::Date;

/// The whole application in `lang` on `today`.
pub async fn view(
    db: &impl Database,
    row: &ResidentRow,
    lang: Lang,
    today: Date,
) -> Result<VoucherApplicationView, DbError> {
    let form = row.form()?;
    let organiser = organisers::names(db, &row.case.organiser_code, lang).await?;
    let (organiser_name, appeal_address) = match organiser {
        Some(o) => (Some(o.name), o.appeal_address),
        None => (None, String::new()),
    };
    let waiting = row.case.state == StateName::Consenting
        || (row.case.state == StateName::Waiting
            && row.case.waiting_on == Some(seteli_domain::case::Awaited::Consent));
    let consents = consents::of_case(db, row.case.id)
        .await?
        .iter()
        .map(|c| c.view(waiting))
        .collect::<Result<Vec<_>, _>>()?;
    let table = match &row.service_code {
        Some(service) => {
            crate::db::desk::income::tables(db, &row.case.organiser_code, Some(service), lang)
                .await?
                .into_iter()
                .next()
        }
        None => None,
    };
    let value_preview_cents = match (&table, form.household_size, form.gross_monthly_income_cents) {
        (Some(table), Some(size), Some(income)) => income_related_value(
            &table.table(),
            Household {
                size,
                gross_monthly_income: income,
            },
        )
        .ok()
        .map(|c| c.value),
        _ => None,
    };
    Ok(VoucherApplicationView {
        id: row.case.id,
        applies_for: row.applies_for,
        principal_name: row.principal_name.clone(),
        applicant_name: row.applicant_name.clone(),
        status: status(&row.case, row.handler_name.clone(), today)?,
        form: form.masked(),
        service_name: row.service_name(lang),
        municipality_name: row.municipality_name(lang),
        organiser_name,
        income_related: table.is_some(),
        value_preview_cents,
        consents,
        attachments: crate::db::applications::attachments::of_case(db, row.case.id).await?,
        history: history_entries(db, row.case.id).await?,
        submitted_at: row.case.submitted_at,
        appeal_address,
        decision_id: row.decision_id,
        customer_id: row.customer_id,
        may_write: false,
    })
}
