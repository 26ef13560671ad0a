//! Supervision of approvals: the organiser's approvals, a suspension, withdrawal or lift
//! with the messages it sends (the company, and each customer whose voucher the producer
//! serves there), and the scheduled lift of suspensions whose last day has passed.

use crate::db::organisers::in_scope;
use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::applications::{ApprovalView, OwnApproval};
use seteli_domain::api::MessageKind;
use seteli_domain::application::ApprovalStatus;
use seteli_domain::ids::ProducerId;
use seteli_domain::{Lang, MunicipalityCode, OrganiserCode, ServiceCode};
use time::Date;

#[derive(Deserialize)]
struct ApprovalRow {
    producer_id: ProducerId,
    company_name: String,
    business_id: String,
    municipality_code: MunicipalityCode,
    municipality_fi: String,
    municipality_sv: String,
    service_code: ServiceCode,
    service_fi: String,
    service_sv: String,
    service_en: String,
    status: String,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    suspended_until: Option<Date>,
    reason: String,
    customers: i64,
}

/// The organiser's approvals (in force, suspended, withdrawn), by company; or the one of
/// `only` (producer, municipality, service).
pub async fn list(
    db: &impl Database,
    organiser: &OrganiserCode,
    only: Option<(ProducerId, &MunicipalityCode, &ServiceCode)>,
    lang: Lang,
) -> Result<Vec<ApprovalView>, DbError> {
    let mut params = vec![SqlValue::from(organiser.as_str())];
    let filter = match only {
        Some((producer, municipality, service)) => {
            params.extend([
                SqlValue::from(producer),
                municipality.as_str().into(),
                service.as_str().into(),
            ]);
            "AND a.producer_id = ?2 AND a.municipality_code = ?3 AND a.service_code = ?4"
        }
        None => "",
    };
    let rows: Vec<ApprovalRow> = db
        .query(
            &format!(
                "SELECT a.producer_id, p.name AS company_name, p.business_id, a.municipality_code,
                        m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, a.service_code,
                        s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en,
                        a.status, a.suspended_until, a.reason,
                        (SELECT COUNT(*) FROM producer_vouchers pv JOIN vouchers v ON v.id = pv.voucher_id
                         WHERE pv.producer_id = a.producer_id AND v.municipality_code = a.municipality_code
                           AND v.service_code = a.service_code AND v.status = 'active') AS customers
                 FROM approvals a
                 JOIN producers p ON p.id = a.producer_id
                 JOIN municipalities m ON m.code = a.municipality_code
                 JOIN services s ON s.code = a.service_code
                 WHERE {} AND a.status IN ('approved', 'suspended', 'withdrawn') {filter}
                 ORDER BY p.name, m.name_fi, s.sort_order",
                in_scope("a.municipality_code", 1)
            ),
            &params,
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ApprovalView {
                producer_id: r.producer_id,
                company_name: r.company_name,
                business_id: r.business_id,
                municipality_code: r.municipality_code,
                municipality_name: lang.pick(r.municipality_fi, r.municipality_sv, None),
                service_code: r.service_code,
                service_name: lang.pick(r.service_fi, r.service_sv, Some(r.service_en)),
                status: ApprovalStatus::parse(&r.status)
                    .ok_or_else(|| DbError::bad_row("approvals", "status"))?,
                suspended_until: r.suspended_until,
                reason: r.reason,
                customers: r.customers,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct OwnRow {
    municipality_fi: String,
    municipality_sv: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    status: String,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    suspended_until: Option<Date>,
    reason: String,
    appeal_address: Option<String>,
}

/// The company's approvals (in force, suspended, withdrawn) with the organiser's reasons.
pub async fn of_company(
    db: &impl Database,
    producer: ProducerId,
    lang: Lang,
) -> Result<Vec<OwnApproval>, DbError> {
    let rows: Vec<OwnRow> = db
        .query(
            "SELECT m.name_fi AS municipality_fi, m.name_sv AS municipality_sv, s.name_fi AS service_fi,
                    s.name_sv AS service_sv, s.name_en AS service_en, a.status, a.suspended_until, a.reason,
                    (SELECT o.appeal_address FROM organiser_municipalities om JOIN organisers o ON o.code = om.organiser_code
                     WHERE om.municipality_code = a.municipality_code) AS appeal_address
             FROM approvals a
             JOIN municipalities m ON m.code = a.municipality_code
             JOIN services s ON s.code = a.service_code
             WHERE a.producer_id = ?1 AND a.status IN ('approved', 'suspended', 'withdrawn')
             ORDER BY m.name_fi, s.sort_order",
            &[SqlValue::from(producer)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(OwnApproval {
                municipality_name: lang.pick(r.municipality_fi, r.municipality_sv, None),
                service_name: lang.pick(r.service_fi, r.service_sv, Some(r.service_en)),
                status: ApprovalStatus::parse(&r.status)
                    .ok_or_else(|| DbError::bad_row("approvals", "status"))?,
                suspended_until: r.suspended_until,
                reason: r.reason,
                appeal_address: r.appeal_address.unwrap_or_default(),
            })
        })
        .collect()
}

/// One supervision step on an approval, as one batch: the approval changes only if it is
/// still `from`; the company is told, and when the producer may no longer serve, so is each
/// customer whose active voucher there it has linked.
pub struct Change<'a> {
    pub producer: ProducerId,
    pub municipality: &'a MunicipalityCode,
    pub service: &'a ServiceCode,
    pub from: ApprovalStatus,
    pub to: ApprovalStatus,
    pub until: Option<Date>,
    pub reason: &'a str,
    pub by: &'a str,
    pub organiser_name: &'a str,
    pub at: &'a str,
}

/// Writes `change`; whether the approval was still as the handler saw it.
pub async fn apply(db: &impl Database, change: &Change<'_>) -> Result<bool, DbError> {
    let key = || -> Vec<SqlValue> {
        vec![
            SqlValue::from(change.producer),
            change.municipality.as_str().into(),
            change.service.as_str().into(),
            change.at.into(),
        ]
    };
    let mut update = key();
    update.extend([
        change.to.as_str().into(),
        change.until.map_or(SqlValue::Null, SqlValue::from),
        change.reason.trim().into(),
        change.by.into(),
        change.from.as_str().into(),
    ]);
    let mut statements: Vec<Statement> = vec![(
        "UPDATE approvals SET status = ?5, suspended_until = ?6, reason = ?7, changed_by = ?8, changed_at = ?4
         WHERE producer_id = ?1 AND municipality_code = ?2 AND service_code = ?3 AND status = ?9",
        update,
    )];
    let kind = match change.to {
        ApprovalStatus::Suspended => Some(MessageKind::ApprovalSuspended),
        ApprovalStatus::Withdrawn => Some(MessageKind::ApprovalWithdrawn),
        _ => None,
    };
    if let Some(kind) = kind {
        let mut values = key();
        values.extend([
            kind.as_str().into(),
            change.organiser_name.into(),
            change.to.as_str().into(),
        ]);
        statements.push((
            "INSERT INTO messages (to_producer_id, kind, actor_name, organiser_code, created_at)
             SELECT ?1, ?5, ?6, (SELECT organiser_code FROM organiser_municipalities WHERE municipality_code = ?2), ?4
             WHERE EXISTS (SELECT 1 FROM approvals WHERE producer_id = ?1
                 AND municipality_code = ?2 AND service_code = ?3 AND status = ?7 AND changed_at = ?4)",
            values,
        ));
        // Told once, when the producer stops serving (a suspension then withdrawn: once).
        if change.from == ApprovalStatus::Approved {
            let mut values = key();
            values.extend([change.organiser_name.into(), change.to.as_str().into()]);
            statements.push((
                "INSERT INTO messages (customer_id, kind, actor_name, producer_id, created_at)
                 SELECT v.customer_id, 'producer_unavailable', ?5, ?1, ?4
                 FROM producer_vouchers pv JOIN vouchers v ON v.id = pv.voucher_id
                 WHERE pv.producer_id = ?1 AND v.municipality_code = ?2 AND v.service_code = ?3
                   AND v.status = 'active'
                   AND EXISTS (SELECT 1 FROM approvals WHERE producer_id = ?1 AND municipality_code = ?2
                       AND service_code = ?3 AND status = ?6 AND changed_at = ?4)",
                values,
            ));
        }
    }
    db.batch(&statements).await?;
    #[derive(Deserialize)]
    struct StatusRow {
        status: String,
        changed_at: String,
    }
    let rows: Vec<StatusRow> = db
        .query(
            "SELECT status, changed_at FROM approvals WHERE producer_id = ?1 AND municipality_code = ?2 AND service_code = ?3",
            &[
                SqlValue::from(change.producer),
                change.municipality.as_str().into(),
                change.service.as_str().into(),
            ],
        )
        .await?;
    Ok(rows
        .first()
        .is_some_and(|r| r.status == change.to.as_str() && r.changed_at == change.at))
}

/// Lifts the suspensions whose last day was before `today` (the scheduled job).
pub async fn lift_ended(db: &impl Database, today: Date, at: &str) -> Result<u64, DbError> {
    db.execute(
        "UPDATE approvals SET status = 'approved', suspended_until = NULL, changed_at = ?2,
                changed_by = 'Seteli', reason = ''
         WHERE status = 'suspended' AND suspended_until IS NOT NULL AND suspended_until < ?1",
        &[SqlValue::from(today), at.into()],
    )
    .await
}
