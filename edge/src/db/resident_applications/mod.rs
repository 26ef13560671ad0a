//! Residents' voucher applications: a case (`db::cases`, kind `voucher_application`) with
//! the form (`voucher_applications`) and, for a child's shared matter, the other guardians'
//! consent requests (`consent_requests`). Reads are limited to one principal's cases (the
//! person themselves or whom they act for; a draft only its applicant's) or one
//! organiser's (its customer service; never a draft); a case outside answers nothing,
//! exactly as one that does not exist.

pub mod consents;
pub mod files;
pub mod view;
pub mod writes;

use crate::db::cases::{CaseRow, CASE_COLUMNS};
use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::resident::{OfferedService, VoucherApplicationItem};
use seteli_domain::ids::{CaseId, CustomerId, DecisionId};
use seteli_domain::resident_application::{AppliesFor, VoucherApplicationForm};
use seteli_domain::{Lang, MunicipalityCode, OrganiserCode, ServiceCode};
use time::Date;

/// Whose applications a read may reach.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// One principal's: as a customer (`customer`), or by their identity code
    /// (`principal_hetu`: applications sent before they became one, and drafts, whose
    /// principal may not be a customer yet). Drafts only when `person` (the one asking)
    /// wrote them.
    Principal {
        customer: Option<CustomerId>,
        principal_hetu: Option<&'a str>,
        person: &'a str,
    },
    /// The organiser's, but not drafts.
    Organiser(&'a OrganiserCode),
    /// One customer's within the organiser's, not drafts (the customer card).
    Customer(&'a OrganiserCode, CustomerId),
}

impl Scope<'_> {
    /// The SQL condition over `va` and `c`, its parameters numbered from `first`.
    pub(crate) fn condition(&self, first: usize) -> (String, Vec<SqlValue>) {
        let (a, b, c) = (first, first + 1, first + 2);
        match *self {
            Scope::Principal {
                customer,
                principal_hetu,
                person,
            } => (
                format!(
                    "(va.customer_id = ?{a} OR va.principal_hetu = ?{b})
                     AND (c.state != 'draft' OR va.applicant_hetu = ?{c})"
                ),
                vec![
                    customer.map_or(SqlValue::Null, SqlValue::from),
                    principal_hetu.map_or(SqlValue::Null, SqlValue::from),
                    person.into(),
                ],
            ),
            Scope::Organiser(organiser) => (
                format!("c.organiser_code = ?{a} AND c.state != 'draft'"),
                vec![organiser.as_str().into()],
            ),
            Scope::Customer(organiser, customer) => (
                format!("c.organiser_code = ?{a} AND c.state != 'draft' AND va.customer_id = ?{b}"),
                vec![organiser.as_str().into(), SqlValue::from(customer)],
            ),
        }
    }
}

/// An application's own row with its case.
#[derive(Debug, Clone, Deserialize)]
pub struct ResidentRow {
    #[serde(flatten)]
    pub case: CaseRow,
    pub applies_for: AppliesFor,
    pub principal_hetu: String,
    pub principal_name: String,
    pub customer_id: Option<CustomerId>,
    pub applicant_hetu: String,
    pub applicant_name: String,
    pub service_code: Option<ServiceCode>,
    pub municipality_code: Option<MunicipalityCode>,
    pub form_json: String,
    pub service_fi: Option<String>,
    pub service_sv: Option<String>,
    pub service_en: Option<String>,
    pub municipality_fi: Option<String>,
    pub municipality_sv: Option<String>,
    pub handler_name: Option<String>,
    pub decision_id: Option<DecisionId>,
    /// The named guardians whose consent is not in, as a JSON array of names.
    pub consent_missing: String,
}

impl ResidentRow {
    /// The form as saved; a row that does not make one is an error, never a guess.
    pub fn form(&self) -> Result<VoucherApplicationForm, DbError> {
        serde_json::from_str(&self.form_json)
            .map_err(|_| DbError::bad_row("voucher_applications", "form_json"))
    }

    pub fn service_name(&self, lang: Lang) -> Option<String> {
        let (fi, sv) = (self.service_fi.clone()?, self.service_sv.clone()?);
        Some(lang.pick(fi, sv, self.service_en.clone()))
    }

    pub fn municipality_name(&self, lang: Lang) -> Option<String> {
        let (fi, sv) = (self.municipality_fi.clone()?, self.municipality_sv.clone()?);
        Some(lang.pick(fi, sv, None))
    }

    /// The list's line for this application.
    pub fn item(&self, lang: Lang, today: Date) -> Result<VoucherApplicationItem, DbError> {
        let form = self.form()?;
        Ok(VoucherApplicationItem {
            id: self.case.id,
            principal_name: self.principal_name.clone(),
            applicant_name: self.applicant_name.clone(),
            service_name: self.service_name(lang),
            municipality_name: self.municipality_name(lang),
            status: crate::db::applications::status(&self.case, self.handler_name.clone(), today)?,
            submitted_at: self.case.submitted_at,
            consent_missing: serde_json::from_str(&self.consent_missing)
                .map_err(|_| DbError::bad_row("consent_requests", "guardian_name"))?,
            declared: form.declared_right().cloned(),
            guardians_unknown: form.guardians_unknown(),
        })
    }
}

const RESIDENT_COLUMNS: &str = "va.applies_for, va.principal_hetu, va.principal_name, va.customer_id,
    va.applicant_hetu, va.applicant_name, va.service_code, va.municipality_code, va.form_json,
    s.name_fi AS service_fi, s.name_sv AS service_sv, s.name_en AS service_en,
    m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
    (SELECT given_name || ' ' || family_name FROM staff_members WHERE username = c.handler) AS handler_name,
    (SELECT MAX(id) FROM voucher_decisions WHERE case_id = c.id AND status IN ('decided', 'delivered'))
        AS decision_id,
    (SELECT json_group_array(guardian_name) FROM consent_requests
     WHERE case_id = c.id AND status != 'given') AS consent_missing";

const RESIDENT_FROM: &str = "FROM voucher_applications va
    JOIN cases c ON c.id = va.case_id
    LEFT JOIN services s ON s.code = va.service_code
    LEFT JOIN municipalities m ON m.code = va.municipality_code";

/// The application `id` within `scope`.
pub async fn find(
    db: &impl Database,
    id: CaseId,
    scope: Scope<'_>,
) -> Result<Option<ResidentRow>, DbError> {
    let (condition, mut params) = scope.condition(2);
    params.insert(0, SqlValue::from(id));
    let rows: Vec<ResidentRow> = db
        .query(
            &format!(
                "SELECT {CASE_COLUMNS}, {RESIDENT_COLUMNS} {RESIDENT_FROM}
                 WHERE va.case_id = ?1 AND {condition}"
            ),
            &params,
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// The applications within `scope`, newest first (at most 200).
pub async fn list(
    db: &impl Database,
    scope: Scope<'_>,
    lang: Lang,
    today: Date,
) -> Result<Vec<VoucherApplicationItem>, DbError> {
    let (condition, params) = scope.condition(1);
    let rows: Vec<ResidentRow> = db
        .query(
            &format!(
                "SELECT {CASE_COLUMNS}, {RESIDENT_COLUMNS} {RESIDENT_FROM}
                 WHERE {condition} ORDER BY c.id DESC LIMIT 200"
            ),
            &params,
        )
        .await?;
    rows.iter().map(|r| r.item(lang, today)).collect()
}

#[derive(Deserialize)]
struct OfferedRow {
    municipality_code: MunicipalityCode,
    municipality_fi: String,
    municipality_sv: String,
    service_code: ServiceCode,
    name_fi: String,
    name_sv: String,
    name_en: String,
    income_related: i64,
}

/// The services each municipality grants vouchers for: those with an approved producer
/// there (what the public comparison lists), and whether the organiser's income table makes
/// the value depend on income. `only` limits it to one municipality.
pub async fn offered(
    db: &impl Database,
    only: Option<&MunicipalityCode>,
    lang: Lang,
) -> Result<Vec<OfferedService>, DbError> {
    let rows: Vec<OfferedRow> = db
        .query(
            "SELECT DISTINCT a.municipality_code, m.name_fi AS municipality_fi, m.name_sv AS municipality_sv,
                    a.service_code, s.name_fi, s.name_sv, s.name_en,
                    EXISTS (SELECT 1 FROM income_tables t JOIN organiser_municipalities om
                              ON om.organiser_code = t.organiser_code
                            WHERE om.municipality_code = a.municipality_code
                              AND t.service_code = a.service_code) AS income_related
             FROM approvals a JOIN services s ON s.code = a.service_code
             JOIN municipalities m ON m.code = a.municipality_code
             WHERE a.status = 'approved' AND (?1 IS NULL OR a.municipality_code = ?1)
               AND EXISTS (SELECT 1 FROM organiser_municipalities om
                           WHERE om.municipality_code = a.municipality_code)
             ORDER BY a.municipality_code, s.sort_order",
            &[only.map_or(SqlValue::Null, |m| m.as_str().into())],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| OfferedService {
            municipality_code: r.municipality_code,
            municipality_name: lang.pick(r.municipality_fi, r.municipality_sv, None),
            service_code: r.service_code,
            service_name: lang.pick(r.name_fi, r.name_sv, Some(r.name_en)),
            income_related: r.income_related != 0,
        })
        .collect())
}

#[derive(Deserialize)]
struct Count {
    n: i64,
}

/// Whether the principal (`customer`, or the identity code `hetu`) has another application
/// (`except` aside) for `service` that is sent and not closed.
pub async fn open_for_service(
    db: &impl Database,
    customer: Option<CustomerId>,
    hetu: &str,
    service: &ServiceCode,
    except: CaseId,
) -> Result<bool, DbError> {
    let rows: Vec<Count> = db
        .query(
            "SELECT COUNT(*) AS n FROM voucher_applications va JOIN cases c ON c.id = va.case_id
             WHERE (va.customer_id = ?1 OR va.principal_hetu = ?2) AND va.service_code = ?3
               AND va.case_id != ?4
               AND c.state IN ('submitted', 'consenting', 'in_progress', 'waiting')",
            &[
                customer.map_or(SqlValue::Null, SqlValue::from),
                hetu.into(),
                service.as_str().into(),
                SqlValue::from(except),
            ],
        )
        .await?;
    Ok(rows.first().is_some_and(|r| r.n > 0))
}

/// The customer service staff of `organiser`, as their last logins gave them.
pub async fn handlers(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<(String, String)>, DbError> {
    crate::db::applications::writes::handlers_with_role(db, organiser, "customer_service").await
}

/// A customer as the principal of an application: identity code, names and home
/// municipality.
#[derive(Debug, Clone, Deserialize)]
pub struct Principal {
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub municipality_code: MunicipalityCode,
}

/// The customer `id` as a principal, if they exist.
pub async fn principal(db: &impl Database, id: CustomerId) -> Result<Option<Principal>, DbError> {
    let rows: Vec<Principal> = db
        .query(
            "SELECT hetu, given_name, family_name, municipality_code FROM customers WHERE id = ?1",
            &[SqlValue::from(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}
