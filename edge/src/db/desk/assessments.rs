//! Need assessments (palvelutarpeen arviointi): recorded by the organiser's staff; a voucher
//! decision refers to one.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::AssessmentView;
use seteli_domain::desk::AssessmentOutcome;
use seteli_domain::ids::{AssessmentId, CustomerId};
use seteli_domain::{Lang, OrganiserCode, ServiceCode};

/// The statement that records a need assessment.
#[allow(clippy::too_many_arguments)]
pub fn assessment_statement(
    customer: CustomerId,
    organiser: &OrganiserCode,
    assessed_on: time::Date,
    assessor: &str,
    service: &ServiceCode,
    summary: &str,
    outcome: AssessmentOutcome,
    recorded_by: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO need_assessments (customer_id, organiser_code, assessed_on, assessor, service_code,
                                       summary, outcome, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        vec![
            SqlValue::from(customer),
            organiser.as_str().into(),
            assessed_on.into(),
            assessor.trim().into(),
            service.as_str().into(),
            summary.trim().into(),
            outcome.as_str().into(),
            recorded_by.into(),
            at.into(),
        ],
    )
}

#[derive(Deserialize)]
struct AssessmentRow {
    id: AssessmentId,
    #[serde(with = "seteli_domain::clock::wire_date")]
    assessed_on: time::Date,
    assessor: String,
    service_code: ServiceCode,
    service_fi: String,
    service_sv: String,
    service_en: String,
    summary: String,
    outcome: String,
}

/// The organiser's need assessments of the customer, newest first; with `only`, that one.
pub async fn assessments_of(
    db: &impl Database,
    organiser: &OrganiserCode,
    customer: CustomerId,
    only: Option<AssessmentId>,
    lang: Lang,
) -> Result<Vec<AssessmentView>, DbError> {
    let rows: Vec<AssessmentRow> = db
        .query(
            "SELECT a.id, a.assessed_on, a.assessor, a.service_code, s.name_fi AS service_fi,
                    s.name_sv AS service_sv, s.name_en AS service_en, a.summary, a.outcome
             FROM need_assessments a JOIN services s ON s.code = a.service_code
             WHERE a.customer_id = ?1 AND a.organiser_code = ?2 AND (?3 IS NULL OR a.id = ?3)
             ORDER BY a.assessed_on DESC, a.id DESC",
            &[
                SqlValue::from(customer),
                organiser.as_str().into(),
                only.map_or(SqlValue::Null, SqlValue::from),
            ],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AssessmentView {
                id: r.id,
                assessed_on: r.assessed_on,
                assessor: r.assessor,
                service_code: r.service_code,
                service_name: lang.pick(r.service_fi, r.service_sv, Some(r.service_en)),
                summary: r.summary,
                outcome: AssessmentOutcome::parse(&r.outcome)
                    .ok_or_else(|| DbError::bad_row("need_assessments", "outcome"))?,
            })
        })
        .collect()
}
