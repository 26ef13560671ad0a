//! The other guardians' consent requests (DVV scenario B): one per named guardian of a
//! child's application, answered once by its last day, expired by the scheduled job and sent
//! again by the applicant.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::resident::{ConsentRequestItem, ConsentView};
use seteli_domain::ids::{CaseId, ConsentRequestId};
use seteli_domain::resident_application::{may_resend, ConsentStatus};
use seteli_domain::Lang;
use time::{Date, OffsetDateTime};

/// A consent request as stored (the guardian's identity code stays here).
#[derive(Debug, Clone, Deserialize)]
pub struct ConsentRow {
    pub id: ConsentRequestId,
    pub case_id: CaseId,
    pub guardian_hetu: String,
    pub guardian_name: String,
    status: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub last_day: Date,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    pub answered_at: Option<OffsetDateTime>,
    pub comment: String,
}

impl ConsentRow {
    pub fn status(&self) -> Result<ConsentStatus, DbError> {
        ConsentStatus::parse(&self.status)
            .ok_or_else(|| DbError::bad_row("consent_requests", "status"))
    }

    /// As the application shows it; `waiting`: the application still waits on consent.
    pub fn view(&self, waiting: bool) -> Result<ConsentView, DbError> {
        let status = self.status()?;
        Ok(ConsentView {
            id: self.id,
            guardian_name: self.guardian_name.clone(),
            status,
            last_day: self.last_day,
            answered_at: self.answered_at,
            comment: self.comment.clone(),
            may_resend: waiting && may_resend(status),
        })
    }
}

const CONSENT_COLUMNS: &str =
    "r.id, r.case_id, r.guardian_hetu, r.guardian_name, r.status, r.last_day, r.answered_at, r.comment";

/// The requests of application `case`, in the order they were made.
pub async fn of_case(db: &impl Database, case: CaseId) -> Result<Vec<ConsentRow>, DbError> {
    db.query(
        &format!(
            "SELECT {CONSENT_COLUMNS} FROM consent_requests r WHERE r.case_id = ?1 ORDER BY r.id"
        ),
        &[SqlValue::from(case)],
    )
    .await
}

/// Request `id`, if it exists.
pub async fn find(db: &impl Database, id: ConsentRequestId) -> Result<Option<ConsentRow>, DbError> {
    let rows: Vec<ConsentRow> = db
        .query(
            &format!("SELECT {CONSENT_COLUMNS} FROM consent_requests r WHERE r.id = ?1"),
            &[SqlValue::from(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}

#[derive(Deserialize)]
struct ItemRow {
    id: ConsentRequestId,
    case_id: CaseId,
    principal_name: String,
    applicant_name: String,
    service_fi: Option<String>,
    service_sv: Option<String>,
    service_en: Option<String>,
    status: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    last_day: Date,
}

/// The requests that name the person with identity code `hetu` (or only request `only`),
/// newest first: those still waiting for them, and the last 20 answered.
pub async fn naming(
    db: &impl Database,
    hetu: &str,
    only: Option<ConsentRequestId>,
    lang: Lang,
) -> Result<Vec<ConsentRequestItem>, DbError> {
    let rows: Vec<ItemRow> = db
        .query(
            "SELECT r.id, r.case_id, va.principal_name, va.applicant_name, s.name_fi AS service_fi,
                    s.name_sv AS service_sv, s.name_en AS service_en, r.status, r.last_day
             FROM consent_requests r
             JOIN voucher_applications va ON va.case_id = r.case_id
             LEFT JOIN services s ON s.code = va.service_code
             WHERE r.guardian_hetu = ?1 AND (?2 IS NULL OR r.id = ?2)
             ORDER BY r.status != 'pending', r.id DESC LIMIT 50",
            &[hetu.into(), only.map_or(SqlValue::Null, SqlValue::from)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let service_name = match (r.service_fi, r.service_sv) {
                (Some(fi), Some(sv)) => Some(lang.pick(fi, sv, r.service_en)),
                _ => None,
            };
            Ok(ConsentRequestItem {
                id: r.id,
                application_id: r.case_id,
                child_name: r.principal_name,
                applicant_name: r.applicant_name,
                service_name,
                status: ConsentStatus::parse(&r.status)
                    .ok_or_else(|| DbError::bad_row("consent_requests", "status"))?,
                last_day: r.last_day,
            })
        })
        .collect()
}

/// The statement that records the answer `status` (with `comment`) to request `id`, if it
/// is still pending — and, with `step`, only if that case is at that step (the answer is
/// then written in the batch of the step it decides).
pub fn answer_statement(
    id: ConsentRequestId,
    status: ConsentStatus,
    comment: &str,
    at: &str,
    step: Option<(CaseId, &str)>,
) -> Statement {
    let (case, token) = step.map_or((SqlValue::Null, SqlValue::Null), |(case, token)| {
        (SqlValue::from(case), token.into())
    });
    (
        "UPDATE consent_requests SET status = ?2, comment = ?3, answered_at = ?4
         WHERE id = ?1 AND status = 'pending'
           AND (?5 IS NULL OR EXISTS (SELECT 1 FROM cases WHERE id = ?5 AND step = ?6))",
        vec![
            SqlValue::from(id),
            status.as_str().into(),
            comment.into(),
            at.into(),
            case,
            token,
        ],
    )
}

/// The statement that sends request `id` again from `today` (a new last day), if it is
/// still unanswered.
pub fn resend_statement(id: ConsentRequestId, today: Date, last_day: Date) -> Statement {
    (
        "UPDATE consent_requests SET status = 'pending', sent_on = ?2, last_day = ?3,
                sent_count = sent_count + 1
         WHERE id = ?1 AND status IN ('pending', 'expired')",
        vec![SqlValue::from(id), today.into(), last_day.into()],
    )
}

/// The statement that expires the case's pending requests when the case closes before
/// them (withdrawn, or another guardian declined), guarded by the step's `token`.
pub fn close_pending(case: CaseId, token: &str) -> Statement {
    (
        "UPDATE consent_requests SET status = 'expired'
         WHERE case_id = ?1 AND status = 'pending'
           AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![SqlValue::from(case), token.into()],
    )
}

/// Expires the pending requests of open applications whose last day is before `today` (at
/// most 200 a run): the applications they belong to (for telling their applicants).
pub async fn expire(db: &impl Database, today: Date) -> Result<Vec<CaseId>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        id: ConsentRequestId,
        case_id: CaseId,
    }
    let due: Vec<Row> = db
        .query(
            "SELECT r.id, r.case_id FROM consent_requests r JOIN cases c ON c.id = r.case_id
             WHERE r.status = 'pending' AND r.last_day < ?1
               AND c.state IN ('consenting', 'waiting')
             ORDER BY r.id LIMIT 200",
            &[today.into()],
        )
        .await?;
    let statements: Vec<Statement> = due
        .iter()
        .map(|r| {
            (
                "UPDATE consent_requests SET status = 'expired' WHERE id = ?1 AND status = 'pending'",
                vec![SqlValue::from(r.id)],
            )
        })
        .collect();
    if !statements.is_empty() {
        db.batch(&statements).await?;
    }
    let mut cases: Vec<CaseId> = due.into_iter().map(|r| r.case_id).collect();
    cases.dedup();
    Ok(cases)
}
