//! The holdings register: who holds which of the organiser's authorisations, since and
//! until when. A holding is entered when the administrator records an order done; an
//! employee leaving is marked on every holding of theirs (what to revoke); an ended holding
//! records when and by whom it was revoked in Suomi.fi-valtuudet. Holdings ending within
//! 60 days are told to the holder and the administrators once per end date.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::authorisations::{AuthorisationRef, HoldingId, HoldingView};
use seteli_domain::ids::CaseId;
use seteli_domain::OrganiserCode;
use time::Date;

/// A holding as stored, with its names.
#[derive(Debug, Clone, Deserialize)]
pub struct HoldingRow {
    pub id: HoldingId,
    pub organiser_code: OrganiserCode,
    pub authorisation_id: i64,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub agency_fi: String,
    pub agency_sv: String,
    pub agency_en: String,
    pub issue_code: Option<String>,
    pub employee_given_name: String,
    pub employee_family_name: String,
    pub employee_hetu: String,
    pub employee_username: Option<String>,
    pub department_fi: String,
    pub department_sv: String,
    pub department_en: String,
    pub job_title_fi: String,
    pub job_title_sv: String,
    pub job_title_en: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    pub since: Date,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub until: Option<Date>,
    pub order_case_id: Option<CaseId>,
    pub recorded_by_name: String,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub leaving_on: Option<Date>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub ended_on: Option<Date>,
    pub ended_by_name: Option<String>,
}

impl HoldingRow {
    /// The holding as the register shows it; the identity code masked.
    pub fn view(&self) -> HoldingView {
        let masked = seteli_domain::Hetu::parse(&self.employee_hetu)
            .map(|h| h.masked())
            .unwrap_or_else(|_| "******-****".into());
        HoldingView {
            id: self.id,
            authorisation: AuthorisationRef {
                id: self.authorisation_id,
                name: super::texts(
                    self.name_fi.clone(),
                    self.name_sv.clone(),
                    self.name_en.clone(),
                ),
                agency: super::texts(
                    self.agency_fi.clone(),
                    self.agency_sv.clone(),
                    self.agency_en.clone(),
                ),
                issue_code: self.issue_code.clone(),
            },
            employee_name: format!("{} {}", self.employee_given_name, self.employee_family_name),
            hetu_masked: masked,
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
            since: self.since,
            until: self.until,
            order_id: self.order_case_id,
            recorded_by_name: self.recorded_by_name.clone(),
            leaving_on: self.leaving_on,
            ended_on: self.ended_on,
            ended_by_name: self.ended_by_name.clone(),
        }
    }
}

const SELECT: &str = "SELECT h.id, h.organiser_code, h.authorisation_id, a.name_fi, a.name_sv, a.name_en,
        a.agency_fi, a.agency_sv, a.agency_en, a.issue_code, h.employee_given_name, h.employee_family_name,
        h.employee_hetu, h.employee_username,
        COALESCE(d.name_fi, h.department_code) AS department_fi,
        COALESCE(d.name_sv, h.department_code) AS department_sv,
        COALESCE(d.name_en, h.department_code) AS department_en,
        COALESCE(t.name_fi, h.job_title_code) AS job_title_fi,
        COALESCE(t.name_sv, h.job_title_code) AS job_title_sv,
        COALESCE(t.name_en, h.job_title_code) AS job_title_en,
        h.since, h.until, h.order_case_id, h.recorded_by_name, h.leaving_on, h.ended_on, h.ended_by_name
     FROM authorisation_holdings h
     JOIN authorisations a ON a.id = h.authorisation_id
     LEFT JOIN departments d ON d.organiser_code = h.organiser_code AND d.code = h.department_code
     LEFT JOIN job_titles t ON t.organiser_code = h.organiser_code AND t.code = h.job_title_code";

/// The organiser's holdings in force, by employee.
pub async fn in_force(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<HoldingRow>, DbError> {
    db.query(
        &format!(
            "{SELECT} WHERE h.organiser_code = ?1 AND h.ended_on IS NULL
             ORDER BY h.employee_family_name, h.employee_given_name, h.id"
        ),
        &[organiser.as_str().into()],
    )
    .await
}

/// The holdings of the organiser's employee `username` (in force and ended), newest first.
pub async fn of_employee(
    db: &impl Database,
    organiser: &OrganiserCode,
    username: &str,
) -> Result<Vec<HoldingRow>, DbError> {
    db.query(
        &format!(
            "{SELECT} WHERE h.organiser_code = ?1 AND h.employee_username = ?2 ORDER BY h.id DESC LIMIT 200"
        ),
        &[organiser.as_str().into(), username.into()],
    )
    .await
}

/// The organiser's holding `id`, if it has one.
pub async fn find(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: HoldingId,
) -> Result<Option<HoldingRow>, DbError> {
    let rows: Vec<HoldingRow> = db
        .query(
            &format!("{SELECT} WHERE h.organiser_code = ?1 AND h.id = ?2"),
            &[organiser.as_str().into(), SqlValue::from(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// Enters a holding that predates Seteli (no order), recorded by `by_name`.
pub async fn add(
    db: &impl Database,
    organiser: &OrganiserCode,
    holding: &seteli_domain::api::authorisations::NewHolding,
    hetu: &str,
    by_name: &str,
) -> Result<(), DbError> {
    db.execute_statement(adding(organiser, holding, hetu, by_name))
        .await?;
    Ok(())
}

/// [`add`] as a statement, for a batch of them.
pub fn adding(
    organiser: &OrganiserCode,
    holding: &seteli_domain::api::authorisations::NewHolding,
    hetu: &str,
    by_name: &str,
) -> Statement {
    (
        "INSERT INTO authorisation_holdings (organiser_code, authorisation_id, employee_given_name,
             employee_family_name, employee_hetu, department_code, job_title_code, since, until,
             recorded_by_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        vec![
            organiser.as_str().into(),
            SqlValue::from(holding.authorisation_id),
            holding.given_name.trim().into(),
            holding.family_name.trim().into(),
            hetu.into(),
            holding.department.as_str().into(),
            holding.job_title.as_str().into(),
            SqlValue::from(holding.since),
            holding.until.map_or(SqlValue::Null, SqlValue::from),
            by_name.into(),
        ],
    )
}

/// Marks every holding in force of the employee with identity code `hetu` as theirs who
/// leaves on `leaving_on`.
pub async fn mark_leaving(
    db: &impl Database,
    organiser: &OrganiserCode,
    hetu: &str,
    leaving_on: Date,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE authorisation_holdings SET leaving_on = ?3
         WHERE organiser_code = ?1 AND employee_hetu = ?2 AND ended_on IS NULL",
        &[
            organiser.as_str().into(),
            hetu.into(),
            SqlValue::from(leaving_on),
        ],
    )
    .await?;
    Ok(())
}

/// Records holding `id` revoked in Suomi.fi-valtuudet on `ended_on` by `by_name`; whether
/// it was in force.
pub async fn end(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: HoldingId,
    ended_on: Date,
    by_name: &str,
) -> Result<bool, DbError> {
    let changed = db
        .execute(
            "UPDATE authorisation_holdings SET ended_on = ?3, ended_by_name = ?4
             WHERE organiser_code = ?1 AND id = ?2 AND ended_on IS NULL",
            &[
                organiser.as_str().into(),
                SqlValue::from(id),
                SqlValue::from(ended_on),
                by_name.into(),
            ],
        )
        .await?;
    Ok(changed > 0)
}

/// Holdings in force (of every organiser) ending between `today` and `last_day` whose end
/// has not been told yet.
pub async fn to_renew(
    db: &impl Database,
    today: Date,
    last_day: Date,
) -> Result<Vec<HoldingRow>, DbError> {
    db.query(
        &format!(
            "{SELECT} WHERE h.ended_on IS NULL AND h.until >= ?1 AND h.until <= ?2
               AND (h.renewal_noticed_for IS NULL OR h.renewal_noticed_for != h.until)
             ORDER BY h.id LIMIT 200"
        ),
        &[SqlValue::from(today), SqlValue::from(last_day)],
    )
    .await
}

/// What telling of holding `row`'s end writes, in one batch: the end date marked told under
/// the run's random `token`, and — only if this run marked it, so two runs at once tell once
/// — a notice and an e-mail to each of its organiser's administrators and to the holder
/// (when they are a Seteli user).
pub fn tell_renewal(row: &HoldingRow, token: &str, at: &str) -> Vec<Statement> {
    let subject = "Seteli: valtuus päättymässä / en fullmakt upphör snart";
    let body = format!(
        "Valtuus \"{}\" ({}) päättyy {}. Uusi se tarvittaessa Suomi.fi-valtuuksissa.\n\n\
         Fullmakten \"{}\" ({}) upphör {}. Förnya den vid behov i Suomi.fi-fullmakter.",
        row.name_fi,
        format_args!("{} {}", row.employee_given_name, row.employee_family_name),
        row.until
            .map(seteli_domain::clock::iso_date)
            .unwrap_or_default(),
        row.name_sv,
        format_args!("{} {}", row.employee_given_name, row.employee_family_name),
        row.until
            .map(seteli_domain::clock::iso_date)
            .unwrap_or_default(),
    );
    // The administrators, and the holder if they are a Seteli user.
    let holder = row
        .employee_username
        .clone()
        .map_or(SqlValue::Null, SqlValue::Text);
    let organiser = row.organiser_code.as_str();
    vec![
        (
            "UPDATE authorisation_holdings SET renewal_noticed_for = until, renewal_claim = ?2
             WHERE id = ?1 AND (renewal_noticed_for IS NULL OR renewal_noticed_for != until)",
            vec![SqlValue::from(row.id), token.into()],
        ),
        (
            "INSERT INTO staff_notices (username, kind, holding_id, by_name, created_at)
             SELECT username, 'holding_ending', ?3, 'Seteli', ?4 FROM staff_members
             WHERE organiser_code = ?1 AND ((' ' || roles || ' ') LIKE '% authorisation_admin %' OR username = ?2)
               AND EXISTS (SELECT 1 FROM authorisation_holdings WHERE id = ?3 AND renewal_claim = ?5)",
            vec![
                organiser.into(),
                holder.clone(),
                SqlValue::from(row.id),
                at.into(),
                token.into(),
            ],
        ),
        (
            "INSERT INTO email_outbox (to_username, to_address, subject, body, created_at)
             SELECT username, email, ?3, ?4, ?5 FROM staff_members
             WHERE organiser_code = ?1 AND ((' ' || roles || ' ') LIKE '% authorisation_admin %' OR username = ?2)
               AND EXISTS (SELECT 1 FROM authorisation_holdings WHERE id = ?6 AND renewal_claim = ?7)",
            vec![
                organiser.into(),
                holder,
                subject.into(),
                body.into(),
                at.into(),
                SqlValue::from(row.id),
                token.into(),
            ],
        ),
    ]
}

/// Whether the run with `token` told of holding `id`'s end.
pub async fn claimed(db: &impl Database, id: HoldingId, token: &str) -> Result<bool, DbError> {
    let rows: Vec<crate::db::IdRow<HoldingId>> = db
        .query(
            "SELECT id FROM authorisation_holdings WHERE id = ?1 AND renewal_claim = ?2",
            &[SqlValue::from(id), token.into()],
        )
        .await?;
    Ok(!rows.is_empty())
}

/// Holdings in force per department code.
pub async fn per_department(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<(String, i64)>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        department_code: String,
        n: i64,
    }
    let rows: Vec<Row> = db
        .query(
            "SELECT department_code, COUNT(*) AS n FROM authorisation_holdings
             WHERE organiser_code = ?1 AND ended_on IS NULL GROUP BY department_code",
            &[organiser.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.department_code, r.n)).collect())
}
