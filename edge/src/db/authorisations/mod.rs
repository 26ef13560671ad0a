//! The organiser's own e-authorisations (migration 0015): its departments and job titles,
//! the catalogue and the maps here; orders in [`orders`], the holdings register in
//! [`holdings`]. Every query names the organiser: another's entry is never read.

pub mod holdings;
pub mod order_steps;
pub mod orders;

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::authorisations::{
    AuthorisationEntry, AuthorisationId, AuthorisationRef, MapBy, Place,
};
use seteli_domain::authorisation::{AuthorisationForm, AuthorisationKind, Texts};
use seteli_domain::OrganiserCode;

/// The three columns `{prefix}_fi`, `_sv`, `_en` as one text.
pub(crate) fn texts(fi: String, sv: String, en: String) -> Texts {
    Texts { fi, sv, en }
}

#[derive(Deserialize)]
struct PlaceRow {
    code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
}

impl From<PlaceRow> for Place {
    fn from(r: PlaceRow) -> Self {
        Place {
            code: r.code,
            name: texts(r.name_fi, r.name_sv, r.name_en),
        }
    }
}

/// The organiser's departments or job titles, by their Finnish names.
pub async fn places(
    db: &impl Database,
    organiser: &OrganiserCode,
    by: MapBy,
) -> Result<Vec<Place>, DbError> {
    let sql = match by {
        MapBy::Department => {
            "SELECT code, name_fi, name_sv, name_en FROM departments WHERE organiser_code = ?1 ORDER BY name_fi"
        }
        MapBy::JobTitle => {
            "SELECT code, name_fi, name_sv, name_en FROM job_titles WHERE organiser_code = ?1 ORDER BY name_fi"
        }
    };
    let rows: Vec<PlaceRow> = db.query(sql, &[organiser.as_str().into()]).await?;
    Ok(rows.into_iter().map(Place::from).collect())
}

/// The organiser's department or job title `code`, if it has one.
pub async fn place(
    db: &impl Database,
    organiser: &OrganiserCode,
    by: MapBy,
    code: &str,
) -> Result<Option<Place>, DbError> {
    Ok(places(db, organiser, by)
        .await?
        .into_iter()
        .find(|p| p.code == code))
}

#[derive(Deserialize)]
struct EntryRow {
    id: AuthorisationId,
    kind: AuthorisationKind,
    name_fi: String,
    name_sv: String,
    name_en: String,
    agency_fi: String,
    agency_sv: String,
    agency_en: String,
    service_fi: String,
    service_sv: String,
    service_en: String,
    issue_code: Option<String>,
    why_fi: String,
    why_sv: String,
    why_en: String,
    held: i64,
    updated_at: String,
    updated_by_name: String,
}

impl From<EntryRow> for AuthorisationEntry {
    fn from(r: EntryRow) -> Self {
        AuthorisationEntry {
            id: r.id,
            kind: r.kind,
            name: texts(r.name_fi, r.name_sv, r.name_en),
            agency: texts(r.agency_fi, r.agency_sv, r.agency_en),
            service: texts(r.service_fi, r.service_sv, r.service_en),
            issue_code: r.issue_code,
            why: texts(r.why_fi, r.why_sv, r.why_en),
            held: r.held != 0,
            updated_at: r.updated_at,
            updated_by_name: r.updated_by_name,
        }
    }
}

const ENTRY_COLUMNS: &str =
    "a.id, a.kind, a.name_fi, a.name_sv, a.name_en, a.agency_fi, a.agency_sv, a.agency_en,
     a.service_fi, a.service_sv, a.service_en, a.issue_code, a.why_fi, a.why_sv, a.why_en, a.held,
     a.updated_at, a.updated_by_name";

/// The organiser's catalogue, by agency and name.
pub async fn catalogue(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<AuthorisationEntry>, DbError> {
    let rows: Vec<EntryRow> = db
        .query(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM authorisations a WHERE a.organiser_code = ?1
                 ORDER BY a.agency_fi, a.name_fi, a.id"
            ),
            &[organiser.as_str().into()],
        )
        .await?;
    Ok(rows.into_iter().map(AuthorisationEntry::from).collect())
}

/// The entries of the organiser's catalogue named by `ids` (those it has).
pub async fn entries(
    db: &impl Database,
    organiser: &OrganiserCode,
    ids: &[AuthorisationId],
) -> Result<Vec<AuthorisationEntry>, DbError> {
    let ids = serde_json::to_string(ids).map_err(|e| DbError(e.to_string()))?;
    let rows: Vec<EntryRow> = db
        .query(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM authorisations a
                 WHERE a.organiser_code = ?1 AND a.id IN (SELECT value FROM json_each(?2))
                 ORDER BY a.agency_fi, a.name_fi, a.id"
            ),
            &[organiser.as_str().into(), ids.into()],
        )
        .await?;
    Ok(rows.into_iter().map(AuthorisationEntry::from).collect())
}

/// How an order or holding names an entry.
pub fn reference(entry: &AuthorisationEntry) -> AuthorisationRef {
    AuthorisationRef {
        id: entry.id,
        name: entry.name.clone(),
        agency: entry.agency.clone(),
        issue_code: entry.issue_code.clone(),
    }
}

/// The map of department or job title `code`: its authorisations.
pub async fn map(
    db: &impl Database,
    organiser: &OrganiserCode,
    by: MapBy,
    code: &str,
) -> Result<Vec<AuthorisationEntry>, DbError> {
    let column = match by {
        MapBy::Department => "m.department_code",
        MapBy::JobTitle => "m.job_title_code",
    };
    let rows: Vec<EntryRow> = db
        .query(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM authorisation_map m
                 JOIN authorisations a ON a.id = m.authorisation_id AND a.organiser_code = m.organiser_code
                 WHERE m.organiser_code = ?1 AND {column} = ?2
                 ORDER BY a.agency_fi, a.name_fi, a.id"
            ),
            &[organiser.as_str().into(), code.into()],
        )
        .await?;
    Ok(rows.into_iter().map(AuthorisationEntry::from).collect())
}

/// Replaces the map of department or job title `code` with `ids` (all of the organiser's
/// catalogue, checked by the caller), in one batch.
pub async fn set_map(
    db: &impl Database,
    organiser: &OrganiserCode,
    by: MapBy,
    code: &str,
    ids: &[AuthorisationId],
) -> Result<(), DbError> {
    let ids = serde_json::to_string(ids).map_err(|e| DbError(e.to_string()))?;
    let (delete, insert): (&'static str, &'static str) = match by {
        MapBy::Department => (
            "DELETE FROM authorisation_map WHERE organiser_code = ?1 AND department_code = ?2",
            "INSERT INTO authorisation_map (organiser_code, authorisation_id, department_code)
             SELECT ?1, value, ?2 FROM json_each(?3)",
        ),
        MapBy::JobTitle => (
            "DELETE FROM authorisation_map WHERE organiser_code = ?1 AND job_title_code = ?2",
            "INSERT INTO authorisation_map (organiser_code, authorisation_id, job_title_code)
             SELECT ?1, value, ?2 FROM json_each(?3)",
        ),
    };
    let organiser = organiser.as_str();
    db.batch(&[
        (delete, vec![organiser.into(), code.into()]),
        (insert, vec![organiser.into(), code.into(), ids.into()]),
    ])
    .await
}

/// The values of a catalogue entry, bound as ?1 … ?17 (kind, names, agencies, services,
/// issue code, whys, held) followed by `at` and `by_name`.
fn entry_values(form: &AuthorisationForm, at: &str, by_name: &str) -> Vec<SqlValue> {
    let t = |texts: &Texts| -> [SqlValue; 3] {
        [
            texts.fi.trim().into(),
            texts.sv.trim().into(),
            texts.en.trim().into(),
        ]
    };
    let code = form.issue_code.trim();
    let mut values = vec![SqlValue::from(form.kind.as_str())];
    values.extend(t(&form.name));
    values.extend(t(&form.agency));
    values.extend(t(&form.service));
    values.push(if code.is_empty() {
        SqlValue::Null
    } else {
        code.into()
    });
    values.extend(t(&form.why));
    values.push(SqlValue::from(i64::from(form.held)));
    values.push(at.into());
    values.push(by_name.into());
    values
}

/// Adds an entry to the organiser's catalogue; its id.
pub async fn add(
    db: &impl Database,
    organiser: &OrganiserCode,
    form: &AuthorisationForm,
    at: &str,
    by_name: &str,
) -> Result<AuthorisationId, DbError> {
    let mut values = entry_values(form, at, by_name);
    values.push(organiser.as_str().into());
    let rows: Vec<crate::db::IdRow<AuthorisationId>> = db
        .query(
            "INSERT INTO authorisations (kind, name_fi, name_sv, name_en, agency_fi, agency_sv, agency_en,
                 service_fi, service_sv, service_en, issue_code, why_fi, why_sv, why_en, held,
                 updated_at, updated_by_name, organiser_code)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
             RETURNING id",
            &values,
        )
        .await?;
    rows.first()
        .map(|r| r.id)
        .ok_or_else(|| DbError("an added authorisation returned no id".into()))
}

/// Rewrites entry `id` of the organiser's catalogue; whether it had one.
pub async fn edit(
    db: &impl Database,
    organiser: &OrganiserCode,
    id: AuthorisationId,
    form: &AuthorisationForm,
    at: &str,
    by_name: &str,
) -> Result<bool, DbError> {
    let mut values = entry_values(form, at, by_name);
    values.push(organiser.as_str().into());
    values.push(SqlValue::from(id));
    let changed = db
        .execute(
            "UPDATE authorisations SET kind = ?1, name_fi = ?2, name_sv = ?3, name_en = ?4,
                 agency_fi = ?5, agency_sv = ?6, agency_en = ?7, service_fi = ?8, service_sv = ?9,
                 service_en = ?10, issue_code = ?11, why_fi = ?12, why_sv = ?13, why_en = ?14,
                 held = ?15, updated_at = ?16, updated_by_name = ?17
             WHERE organiser_code = ?18 AND id = ?19",
            &values,
        )
        .await?;
    Ok(changed > 0)
}

/// The statement that marks the organiser's authorisations `ids` held (DVV granted them),
/// guarded by case `case` being at step `token`.
pub fn mark_held(
    organiser: &OrganiserCode,
    case: seteli_domain::ids::CaseId,
    token: &str,
    at: &str,
    by_name: &str,
) -> Statement {
    (
        "UPDATE authorisations SET held = 1, updated_at = ?4, updated_by_name = ?5
         WHERE organiser_code = ?1
           AND id IN (SELECT authorisation_id FROM authorisation_order_items WHERE case_id = ?2)
           AND EXISTS (SELECT 1 FROM cases WHERE id = ?2 AND step = ?3)",
        vec![
            organiser.as_str().into(),
            SqlValue::from(case),
            token.into(),
            at.into(),
            by_name.into(),
        ],
    )
}
