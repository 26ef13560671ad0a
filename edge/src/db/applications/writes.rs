//! The writes of an application: starting a draft, saving the form, deleting a draft, and
//! what approval publishes. Each is one batch; statements that follow a case step are
//! guarded by the step's token (see `db::cases`).

use crate::db::{Database, DbError, SqlValue, Statement};
use seteli_domain::api::applications::ApplicationForm;
use seteli_domain::api::MessageKind;
use seteli_domain::ids::{CaseId, ProducerId};
use seteli_domain::{MunicipalityCode, OrganiserCode, ServiceCode};

/// What a new draft starts with: the company's details as Seteli already knows them.
pub struct Prefill {
    pub company_name: String,
    pub street_address: String,
    pub postal_code: String,
    pub post_office: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub description_fi: String,
    pub description_sv: String,
    pub languages: String,
}

/// A new draft of `producer` for `services` in `municipality` (organised by `organiser`);
/// its id.
#[allow(clippy::too_many_arguments)]
pub async fn start(
    db: &impl Database,
    producer: ProducerId,
    municipality: &MunicipalityCode,
    organiser: &OrganiserCode,
    services: &[ServiceCode],
    prefill: &Prefill,
    started_by: &str,
    token: &str,
    at: &str,
) -> Result<CaseId, DbError> {
    let mut statements: Vec<Statement> = vec![
        (
            "INSERT INTO cases (kind, organiser_code, state, step, created_at, updated_at)
             VALUES ('producer_application', ?1, 'draft', ?2, ?3, ?3)",
            vec![organiser.as_str().into(), token.into(), at.into()],
        ),
        (
            "INSERT INTO producer_applications (case_id, producer_id, municipality_code, company_name,
                    description_fi, description_sv, languages, areas, street_address, postal_code,
                    post_office, phone, email, website, started_by)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, ?11, ?12, ?13, ?14
             FROM cases WHERE step = ?1",
            vec![
                token.into(),
                SqlValue::from(producer),
                municipality.as_str().into(),
                prefill.company_name.as_str().into(),
                prefill.description_fi.as_str().into(),
                prefill.description_sv.as_str().into(),
                prefill.languages.as_str().into(),
                prefill.street_address.as_str().into(),
                prefill.postal_code.as_str().into(),
                prefill.post_office.as_str().into(),
                prefill.phone.as_str().into(),
                prefill.email.as_str().into(),
                prefill.website.as_str().into(),
                started_by.into(),
            ],
        ),
    ];
    for service in services {
        statements.push((
            "INSERT INTO application_services (case_id, service_code)
             SELECT id, ?2 FROM cases WHERE step = ?1",
            vec![token.into(), service.as_str().into()],
        ));
    }
    db.batch(&statements).await?;
    crate::db::cases::id_by_token(db, token).await
}

/// Saves the form of case `id` as it is at step `step` (nothing when the case moved on). The
/// services may change only in a draft.
pub async fn save(
    db: &impl Database,
    id: CaseId,
    step: &str,
    form: &ApplicationForm,
    services_may_change: bool,
) -> Result<(), DbError> {
    let key = || -> Vec<SqlValue> { vec![SqlValue::from(id), step.into()] };
    let mut statements: Vec<Statement> = Vec::new();
    let mut fields = key();
    fields.extend([
        form.description_fi.as_str().into(),
        form.description_sv.as_str().into(),
        form.languages.join(" ").into(),
        form.areas.as_str().into(),
        form.street_address.as_str().into(),
        form.postal_code.as_str().into(),
        form.post_office.as_str().into(),
        form.phone.as_str().into(),
        form.email.as_str().into(),
        form.website.as_str().into(),
    ]);
    statements.push((
        "UPDATE producer_applications SET description_fi = ?3, description_sv = ?4, languages = ?5,
                areas = ?6, street_address = ?7, postal_code = ?8, post_office = ?9, phone = ?10,
                email = ?11, website = ?12
         WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2
             AND (state = 'draft' OR (state = 'waiting' AND waiting_on = 'applicant')))",
        fields,
    ));
    if services_may_change {
        statements.push((
            "DELETE FROM application_services WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases
                 WHERE id = ?1 AND step = ?2 AND state = 'draft')",
            key(),
        ));
    }
    for service in &form.services {
        let mut values = key();
        values.extend([
            service.service_code.as_str().into(),
            service.unit.map_or(SqlValue::Null, |u| u.as_str().into()),
            service
                .price_cents
                .map_or(SqlValue::Null, |c| SqlValue::from(c.get())),
            service.valid_from.map_or(SqlValue::Null, SqlValue::from),
        ]);
        // In a draft the list is written anew; later only the prices of the services
        // applied for change.
        statements.push((
            "INSERT INTO application_services (case_id, service_code, unit, price_cents, valid_from)
             SELECT ?1, ?3, ?4, ?5, ?6
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')
             ON CONFLICT (case_id, service_code) DO NOTHING",
            values.clone(),
        ));
        statements.push((
            "UPDATE application_services SET unit = ?4, price_cents = ?5, valid_from = ?6
             WHERE case_id = ?1 AND service_code = ?3 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1
                 AND step = ?2 AND (state = 'draft' OR (state = 'waiting' AND waiting_on = 'applicant')))",
            values,
        ));
    }
    statements.push((
        "DELETE FROM application_answers WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases
             WHERE id = ?1 AND step = ?2 AND (state = 'draft' OR (state = 'waiting' AND waiting_on = 'applicant')))",
        key(),
    ));
    for answer in &form.answers {
        let mut values = key();
        values.extend([
            answer.code.as_str().into(),
            answer.answer.as_str().into(),
            answer.note.trim().into(),
        ]);
        statements.push((
            "INSERT INTO application_answers (case_id, requirement_code, answer, note)
             SELECT ?1, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2
                 AND (state = 'draft' OR (state = 'waiting' AND waiting_on = 'applicant')))",
            values,
        ));
    }
    db.batch(&statements).await
}

/// Deletes the draft `id` (still at `step`) with its rows; its files' rows go with it (the
/// caller deletes the files after).
pub async fn delete_draft(db: &impl Database, id: CaseId, step: &str) -> Result<(), DbError> {
    let guard = || -> Vec<SqlValue> { vec![SqlValue::from(id), step.into()] };
    const TABLES: [&str; 5] = [
        "DELETE FROM attachments WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')",
        "DELETE FROM application_answers WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')",
        "DELETE FROM application_services WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')",
        "DELETE FROM producer_applications WHERE case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft')",
        "DELETE FROM cases WHERE id = ?1 AND step = ?2 AND state = 'draft'",
    ];
    let statements: Vec<Statement> = TABLES.iter().map(|sql| (*sql, guard())).collect();
    db.batch(&statements).await
}

/// What approval publishes, guarded by the approving step's `token`: the company's public
/// details from the application, an approval and a price for each service applied for. The
/// producer then appears in the public comparison.
pub fn publish(id: CaseId, token: &str, handler_name: &str, at: &str) -> Vec<Statement> {
    let guard = || -> Vec<SqlValue> { vec![SqlValue::from(id), token.into()] };
    let values = || -> Vec<SqlValue> {
        vec![
            SqlValue::from(id),
            token.into(),
            at.into(),
            handler_name.into(),
        ]
    };
    vec![
        (
            "UPDATE producers SET
                 description_fi = (SELECT description_fi FROM producer_applications WHERE case_id = ?1),
                 description_sv = (SELECT description_sv FROM producer_applications WHERE case_id = ?1),
                 summary_fi = (SELECT substr(description_fi, 1, 200) FROM producer_applications WHERE case_id = ?1),
                 summary_sv = (SELECT substr(description_sv, 1, 200) FROM producer_applications WHERE case_id = ?1),
                 street_address = (SELECT street_address FROM producer_applications WHERE case_id = ?1),
                 postal_code = (SELECT postal_code FROM producer_applications WHERE case_id = ?1),
                 post_office = (SELECT post_office FROM producer_applications WHERE case_id = ?1),
                 phone = (SELECT phone FROM producer_applications WHERE case_id = ?1),
                 email = (SELECT email FROM producer_applications WHERE case_id = ?1),
                 website = (SELECT NULLIF(website, '') FROM producer_applications WHERE case_id = ?1)
             WHERE id = (SELECT producer_id FROM producer_applications WHERE case_id = ?1)
               AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'approved')",
            guard(),
        ),
        (
            "INSERT INTO approvals (producer_id, municipality_code, service_code, status, changed_at, changed_by, case_id)
             SELECT a.producer_id, a.municipality_code, s.service_code, 'approved', ?3, ?4, ?1
             FROM producer_applications a JOIN application_services s ON s.case_id = a.case_id
             WHERE a.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'approved')
             ON CONFLICT (producer_id, municipality_code, service_code) DO UPDATE SET
                 status = 'approved', changed_at = excluded.changed_at, changed_by = excluded.changed_by,
                 case_id = excluded.case_id, suspended_until = NULL, reason = ''",
            values(),
        ),
        (
            "INSERT INTO offers (producer_id, municipality_code, service_code, valid_from, unit, price_cents)
             SELECT a.producer_id, a.municipality_code, s.service_code, s.valid_from, s.unit, s.price_cents
             FROM producer_applications a JOIN application_services s ON s.case_id = a.case_id
             WHERE a.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'approved')
             ON CONFLICT (municipality_code, service_code, producer_id, valid_from) DO UPDATE SET
                 unit = excluded.unit, price_cents = excluded.price_cents",
            guard(),
        ),
        (
            "DELETE FROM producer_languages WHERE producer_id = (SELECT producer_id FROM producer_applications WHERE case_id = ?1)
               AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'approved')",
            guard(),
        ),
        (
            "INSERT INTO producer_languages (producer_id, lang)
             SELECT a.producer_id, j.value FROM producer_applications a, json_each('[\"' || replace(a.languages, ' ', '\",\"') || '\"]') j
             WHERE a.case_id = ?1 AND a.languages != ''
               AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2 AND state = 'approved')",
            guard(),
        ),
    ]
}

/// The message that tells the applicant company of a change of its case, guarded by the
/// step's `token`.
pub fn tell_company(
    id: CaseId,
    token: &str,
    kind: MessageKind,
    organiser_name: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO messages (to_producer_id, kind, actor_name, case_id, created_at)
         SELECT a.producer_id, ?3, ?4, ?1, ?5 FROM producer_applications a
         WHERE a.case_id = ?1 AND EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
        vec![
            SqlValue::from(id),
            token.into(),
            kind.as_str().into(),
            organiser_name.into(),
            at.into(),
        ],
    )
}

/// The organiser's producer handlers as their last logins gave them.
pub async fn handlers(
    db: &impl Database,
    organiser: &OrganiserCode,
) -> Result<Vec<(String, String)>, DbError> {
    handlers_with_role(db, organiser, "producer_handler").await
}

/// The organiser's staff with `role` (username, name) as their last logins gave them.
pub async fn handlers_with_role(
    db: &impl Database,
    organiser: &OrganiserCode,
    role: &str,
) -> Result<Vec<(String, String)>, DbError> {
    #[derive(serde::Deserialize)]
    struct Row {
        username: String,
        name: String,
    }
    let rows: Vec<Row> = db
        .query(
            "SELECT username, given_name || ' ' || family_name AS name FROM staff_members
             WHERE organiser_code = ?1 AND (' ' || roles || ' ') LIKE ?2
             ORDER BY family_name, given_name",
            &[organiser.as_str().into(), format!("% {role} %").into()],
        )
        .await?;
    Ok(rows.into_iter().map(|r| (r.username, r.name)).collect())
}
