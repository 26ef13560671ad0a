//! Employees' orders of e-authorisations: cases of kind `authorisation_order` with their
//! `authorisation_orders` row and items. An order is sent as it is made (there are no
//! drafts); from then on it moves only through the case engine
//! (`routes::case_steps::take`), and each step tells its orderer (the desk and e-mail).

use crate::db::cases::{CaseRow, CASE_COLUMNS};
use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::authorisations::{AuthorisationRef, OrderForm, OrderSummary};
use seteli_domain::authorisation::OrderPath;
use seteli_domain::case::StateName;
use seteli_domain::ids::CaseId;
use seteli_domain::permissions::StaffMember;
use seteli_domain::OrganiserCode;
use std::collections::HashMap;
use time::Date;

/// An order as stored: its case and its own columns, with its place's names.
#[derive(Debug, Clone, Deserialize)]
pub struct OrderRow {
    #[serde(flatten)]
    pub case: CaseRow,
    pub path: OrderPath,
    pub employee_given_name: String,
    pub employee_family_name: String,
    pub employee_hetu: String,
    pub employee_username: Option<String>,
    pub department_code: String,
    pub job_title_code: String,
    pub department_fi: String,
    pub department_sv: String,
    pub department_en: String,
    pub job_title_fi: String,
    pub job_title_sv: String,
    pub job_title_en: String,
    pub justification: String,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub needed_until: Option<Date>,
    pub orderer_username: String,
    pub orderer_name: String,
    pub orderer_email: String,
    pub dvv_reference: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub dvv_granted_on: Option<Date>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub done_on: Option<Date>,
    pub done_by_name: Option<String>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub valid_until: Option<Date>,
    pub handler_name: Option<String>,
}

impl OrderRow {
    /// The employee's names.
    pub fn employee_name(&self) -> String {
        format!("{} {}", self.employee_given_name, self.employee_family_name)
    }

    /// The day it was sent (Finnish time).
    pub fn sent_on(&self) -> Date {
        self.case
            .submitted_at
            .map(seteli_domain::clock::finnish_date)
            .unwrap_or(Date::MIN)
    }

    /// The order as a list shows it, naming `items`, on `today`.
    pub fn summary(&self, items: Vec<AuthorisationRef>, today: Date) -> OrderSummary {
        let closed = matches!(
            self.case.state,
            StateName::Approved | StateName::Rejected | StateName::Cancelled
        );
        let sent_on = self.sent_on();
        OrderSummary {
            id: self.case.id,
            path: self.path,
            state: self.case.state,
            waiting_on: self.case.waiting_on,
            employee_name: self.employee_name(),
            department: super::texts(
                self.department_fi.clone(),
                self.department_sv.clone(),
                self.department_en.clone(),
            ),
            job_title: super::texts(
                self.job_title_fi.clone(),
                self.job_title_sv.clone(),
                self.job_title_en.clone(),
            ),
            authorisations: items,
            orderer_name: self.orderer_name.clone(),
            handler: self.case.handler.clone(),
            handler_name: self.handler_name.clone(),
            sent_at: self
                .case
                .submitted_at
                .unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
            due_on: self.path.due_on(sent_on),
            overdue: !closed && self.path.overdue(sent_on, today),
        }
    }
}

/// The select of [`OrderRow`]s; a query adds its `WHERE` and order.
fn select() -> String {
    format!(
        "SELECT {CASE_COLUMNS}, o.path, o.employee_given_name, o.employee_family_name, o.employee_hetu,
                o.employee_username, o.department_code, o.job_title_code,
                COALESCE(d.name_fi, o.department_code) AS department_fi,
                COALESCE(d.name_sv, o.department_code) AS department_sv,
                COALESCE(d.name_en, o.department_code) AS department_en,
                COALESCE(t.name_fi, o.job_title_code) AS job_title_fi,
                COALESCE(t.name_sv, o.job_title_code) AS job_title_sv,
                COALESCE(t.name_en, o.job_title_code) AS job_title_en,
                o.justification, o.needed_until, o.orderer_username, o.orderer_name, o.orderer_email,
                o.dvv_reference, o.dvv_granted_on, o.done_on, o.done_by_name, o.valid_until,
                (SELECT given_name || ' ' || family_name FROM staff_members WHERE username = c.handler) AS handler_name
         FROM cases c
         JOIN authorisation_orders o ON o.case_id = c.id
         LEFT JOIN departments d ON d.organiser_code = o.organiser_code AND d.code = o.department_code
         LEFT JOIN job_titles t ON t.organiser_code = o.organiser_code AND t.code = o.job_title_code"
    )
}

/// The organiser's order `id`, if it has one.
pub async fn find(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: CaseId,
) -> Result<Option<OrderRow>, DbError> {
    let rows: Vec<OrderRow> = db
        .query(
            &format!("{} WHERE c.id = ?1 AND o.organiser_code = ?2", select()),
            &[SqlValue::from(id), organiser.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// Whose orders a list holds.
pub enum Orders<'a> {
    /// Those the member ordered, or that are for them, newest first.
    Mine(&'a StaffMember),
    /// The organiser's queue: open orders first (oldest first), then the last 100 closed
    /// (newest first).
    Queue(&'a OrganiserCode),
}

/// The orders of `which`.
pub async fn list(db: &impl Database, which: Orders<'_>) -> Result<Vec<OrderRow>, DbError> {
    match which {
        Orders::Mine(member) => {
            db.query(
                &format!(
                    "{} WHERE o.organiser_code = ?1 AND (o.orderer_username = ?2 OR o.employee_username = ?2)
                     ORDER BY c.id DESC LIMIT 200",
                    select()
                ),
                &[member.organiser.as_str().into(), member.username.as_str().into()],
            )
            .await
        }
        Orders::Queue(organiser) => {
            db.query(
                &format!(
                    "{} WHERE o.organiser_code = ?1 AND c.id IN (
                         SELECT id FROM cases WHERE kind = 'authorisation_order' AND organiser_code = ?1
                           AND state IN ('submitted', 'in_progress', 'waiting')
                         UNION ALL
                         SELECT id FROM (SELECT id FROM cases WHERE kind = 'authorisation_order'
                           AND organiser_code = ?1 AND state IN ('approved', 'rejected', 'cancelled')
                           ORDER BY id DESC LIMIT 100))
                     ORDER BY c.state IN ('approved', 'rejected', 'cancelled'),
                              CASE WHEN c.state IN ('approved', 'rejected', 'cancelled') THEN -c.id END,
                              c.submitted_at, c.id",
                    select()
                ),
                &[organiser.as_str().into()],
            )
            .await
        }
    }
}

/// An order as the report counts it.
#[derive(Debug, Clone, Deserialize)]
pub struct ReportRow {
    pub path: OrderPath,
    pub state: StateName,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    pub submitted_at: Option<time::OffsetDateTime>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub done_on: Option<Date>,
}

impl ReportRow {
    /// The day it was sent (Finnish time).
    pub fn sent_on(&self) -> Date {
        self.submitted_at
            .map(seteli_domain::clock::finnish_date)
            .unwrap_or(Date::MIN)
    }
}

/// Every order of the organiser, for the report.
pub async fn for_report(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<ReportRow>, DbError> {
    db.query(
        "SELECT o.path, c.state, c.submitted_at, o.done_on
         FROM authorisation_orders o JOIN cases c ON c.id = o.case_id
         WHERE o.organiser_code = ?1",
        &[organiser.as_str().into()],
    )
    .await
}

/// The authorisations each of `cases` names, by case.
pub async fn items(
    db: &impl Database,
    cases: &[CaseId],
) -> Result<HashMap<CaseId, Vec<AuthorisationRef>>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        case_id: CaseId,
        id: i64,
        name_fi: String,
        name_sv: String,
        name_en: String,
        agency_fi: String,
        agency_sv: String,
        agency_en: String,
        issue_code: Option<String>,
    }
    let ids: Vec<i64> = cases.iter().map(|c| c.get()).collect();
    let ids = serde_json::to_string(&ids).map_err(|e| DbError(e.to_string()))?;
    let rows: Vec<Row> = db
        .query(
            "SELECT i.case_id, a.id, a.name_fi, a.name_sv, a.name_en, a.agency_fi, a.agency_sv,
                    a.agency_en, a.issue_code
             FROM authorisation_order_items i JOIN authorisations a ON a.id = i.authorisation_id
             WHERE i.case_id IN (SELECT value FROM json_each(?1))
             ORDER BY i.case_id, a.agency_fi, a.name_fi",
            &[ids.into()],
        )
        .await?;
    let mut by_case: HashMap<CaseId, Vec<AuthorisationRef>> = HashMap::new();
    for r in rows {
        by_case
            .entry(r.case_id)
            .or_default()
            .push(AuthorisationRef {
                id: r.id,
                name: super::texts(r.name_fi, r.name_sv, r.name_en),
                agency: super::texts(r.agency_fi, r.agency_sv, r.agency_en),
                issue_code: r.issue_code,
            });
    }
    Ok(by_case)
}

/// What a new order writes: its case (sent), the history's first event, its row and items,
/// and the confirmation to the orderer's address — all under `token`, in one batch. The
/// caller finds the id by the token.
pub fn insert(
    organiser: &OrganiserCode,
    form: &OrderForm,
    hetu: &str,
    employee_username: Option<&str>,
    orderer: &StaffMember,
    token: &str,
    at: &str,
) -> Vec<Statement> {
    let items = serde_json::to_string(&form.authorisations).unwrap_or_else(|_| "[]".into());
    let (low, high) = form.path.expected_days();
    let expected = if low == high {
        format!("noin {high} päivää / cirka {high} dagar")
    } else {
        format!(
            "{}–{} viikkoa / {}–{} veckor",
            low / 7,
            high / 7,
            low / 7,
            high / 7
        )
    };
    let subject = "Seteli: valtuustilaus vastaanotettu / fullmaktsbeställningen har tagits emot";
    let body = format!(
        "Tilauksesi on vastaanotettu. Odotettu käsittelyaika: {expected}. Saat ilmoituksen jokaisesta muutoksesta.\n\n\
         Din beställning har tagits emot. Väntad handläggningstid: {expected}. Du får ett meddelande om varje ändring."
    );
    vec![
        (
            "INSERT INTO cases (kind, organiser_code, state, step, created_at, submitted_at, updated_at)
             VALUES ('authorisation_order', ?2, 'submitted', ?1, ?3, ?3, ?3)",
            vec![token.into(), organiser.as_str().into(), at.into()],
        ),
        (
            "INSERT INTO case_events (case_id, at, by_kind, by_handler, by_name, from_state, to_state, comment)
             SELECT id, ?2, 'applicant', '', ?3, 'draft', 'submitted', '' FROM cases WHERE step = ?1",
            vec![token.into(), at.into(), orderer.full_name().into()],
        ),
        (
            "INSERT INTO authorisation_orders (case_id, organiser_code, path, employee_given_name,
                 employee_family_name, employee_hetu, employee_username, department_code, job_title_code,
                 justification, needed_until, orderer_username, orderer_name, orderer_email)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14 FROM cases WHERE step = ?1",
            vec![
                token.into(),
                organiser.as_str().into(),
                form.path.as_str().into(),
                form.given_name.trim().into(),
                form.family_name.trim().into(),
                hetu.into(),
                employee_username.map_or(SqlValue::Null, SqlValue::from),
                form.department.as_str().into(),
                form.job_title.as_str().into(),
                form.justification.trim().into(),
                form.needed_until.map_or(SqlValue::Null, SqlValue::from),
                orderer.username.as_str().into(),
                orderer.full_name().into(),
                form.email.trim().into(),
            ],
        ),
        (
            "INSERT INTO authorisation_order_items (case_id, authorisation_id)
             SELECT c.id, j.value FROM cases c, json_each(?2) j WHERE c.step = ?1",
            vec![token.into(), items.into()],
        ),
        (
            "INSERT INTO email_outbox (to_username, to_address, subject, body, created_at)
             SELECT ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM cases WHERE step = ?1)",
            vec![
                token.into(),
                orderer.username.as_str().into(),
                form.email.trim().into(),
                subject.into(),
                body.into(),
                at.into(),
            ],
        ),
    ]
}

/// The organiser's authorisation administrators who have logged in: whom an order can be
/// handed to.
pub async fn administrators(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<(String, String)>, DbError> {
    crate::db::applications::writes::handlers_with_role(db, organiser, "authorisation_admin").await
}
