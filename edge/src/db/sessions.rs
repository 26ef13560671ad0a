//! Logins in progress and sessions. Rows are keyed by the SHA-256 of the cookie's id.

use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::ids::{CustomerId, ProducerId};

/// A login waiting for the identity provider's callback.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LoginAttempt {
    pub audience: String,
    pub state: String,
    pub nonce: String,
    pub code_verifier: String,
    pub return_to: String,
    pub created_at: i64,
}

pub async fn insert_login_attempt(
    db: &impl Database,
    id_hash: &str,
    a: &LoginAttempt,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO login_attempts (id_hash, audience, state, nonce, code_verifier, return_to, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            id_hash.into(),
            a.audience.as_str().into(),
            a.state.as_str().into(),
            a.nonce.as_str().into(),
            a.code_verifier.as_str().into(),
            a.return_to.as_str().into(),
            SqlValue::from(a.created_at),
        ],
    )
    .await
    .map(|_| ())
}

/// Removes and returns a login attempt, so that each can be completed at most once.
pub async fn take_login_attempt(
    db: &impl Database,
    id_hash: &str,
) -> Result<Option<LoginAttempt>, DbError> {
    let rows: Vec<LoginAttempt> = db
        .query(
            "DELETE FROM login_attempts WHERE id_hash = ?1
             RETURNING audience, state, nonce, code_verifier, return_to, created_at",
            &[id_hash.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// A stored session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SessionRow {
    pub audience: String,
    pub subject: String,
    pub hetu: Option<String>,
    pub given_name: String,
    pub family_name: String,
    /// Staff: the organiser the identity provider asserted.
    pub organiser_code: Option<String>,
    /// Staff: space-separated role names.
    pub roles: String,
    /// Staff: where e-mail notices go (the login's `email` claim); not kept in the session.
    #[serde(default)]
    pub email: Option<String>,
    /// Staff: the login's `department` and `job_title` claims (codes of the organiser's
    /// lists), if it gave them.
    #[serde(default)]
    pub staff_department: Option<String>,
    #[serde(default)]
    pub staff_job_title: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// Citizens acting for someone: the principal's customer id (set only by
    /// [`crate::db::on_behalf`], never at login). Read through `customers`, so a principal
    /// who was not a customer when chosen has one as soon as the municipality makes them one.
    #[serde(default)]
    pub acting_customer_id: Option<CustomerId>,
    #[serde(default)]
    pub acting_basis: Option<String>,
    #[serde(default)]
    pub valtuudet_session: Option<String>,
    #[serde(default)]
    pub valtuudet_token: Option<String>,
    #[serde(default)]
    pub acting_checked_at: Option<i64>,
    /// The principal's identity code and names, joined from `customers` (from the session's
    /// own columns for a principal who is not a customer).
    #[serde(default)]
    pub principal_hetu: Option<String>,
    #[serde(default)]
    pub principal_given_name: Option<String>,
    #[serde(default)]
    pub principal_family_name: Option<String>,
    /// Citizens acting for a producer company: its id and the person's roles in it, and the
    /// company's name and business id joined from `producers`.
    #[serde(default)]
    pub acting_producer_id: Option<ProducerId>,
    #[serde(default)]
    pub acting_company_roles: Option<String>,
    #[serde(default)]
    pub producer_name: Option<String>,
    #[serde(default)]
    pub producer_business_id: Option<String>,
    /// When the company was chosen (Unix seconds); the choice lasts
    /// [`seteli_domain::producer::COMPANY_CHOICE_SECS`].
    #[serde(default)]
    pub company_chosen_at: Option<i64>,
    /// How many approvals the acting company holds now (counted on every request).
    #[serde(default)]
    pub producer_approvals: Option<i64>,
}

/// Stores a new session and, in the same transaction, removes the one it replaces (a new
/// id at every login) and logins older than `expired_before`.
pub async fn create_session(
    db: &impl Database,
    id_hash: &str,
    replaces: Option<&str>,
    s: &SessionRow,
) -> Result<(), DbError> {
    let insert = (
        "INSERT INTO sessions (id_hash, audience, subject, hetu, given_name, family_name, organiser_code, roles,
                               created_at, last_seen_at, staff_department, staff_job_title)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        vec![
            id_hash.into(),
            s.audience.as_str().into(),
            s.subject.as_str().into(),
            s.hetu.clone().map_or(SqlValue::Null, SqlValue::Text),
            s.given_name.as_str().into(),
            s.family_name.as_str().into(),
            s.organiser_code.clone().map_or(SqlValue::Null, SqlValue::Text),
            s.roles.as_str().into(),
            SqlValue::from(s.created_at),
            SqlValue::from(s.last_seen_at),
            s.staff_department.clone().map_or(SqlValue::Null, SqlValue::Text),
            s.staff_job_title.clone().map_or(SqlValue::Null, SqlValue::Text),
        ],
    );
    let mut statements = vec![insert];
    // Staff members as their last login described them: whom a case can be handed over to.
    if let ("staff", Some(organiser)) = (s.audience.as_str(), &s.organiser_code) {
        statements.push((
            "INSERT INTO staff_members (username, given_name, family_name, organiser_code, roles, last_login_at, email,
                                        department_code, job_title_code)
             VALUES (?1, ?2, ?3, ?4, ?5, datetime(?6, 'unixepoch'), ?7, ?8, ?9)
             ON CONFLICT (username) DO UPDATE SET given_name = excluded.given_name,
                 family_name = excluded.family_name, organiser_code = excluded.organiser_code,
                 roles = excluded.roles, last_login_at = excluded.last_login_at,
                 email = COALESCE(excluded.email, email), department_code = excluded.department_code,
                 job_title_code = excluded.job_title_code",
            vec![
                s.subject.as_str().into(),
                s.given_name.as_str().into(),
                s.family_name.as_str().into(),
                organiser.as_str().into(),
                s.roles.as_str().into(),
                SqlValue::from(s.created_at),
                s.email.clone().map_or(SqlValue::Null, SqlValue::Text),
                s.staff_department.clone().map_or(SqlValue::Null, SqlValue::Text),
                s.staff_job_title.clone().map_or(SqlValue::Null, SqlValue::Text),
            ],
        ));
    }
    if let Some(old) = replaces {
        statements.push(("DELETE FROM sessions WHERE id_hash = ?1", vec![old.into()]));
    }
    db.batch(&statements).await
}

pub async fn find_session(
    db: &impl Database,
    id_hash: &str,
) -> Result<Option<SessionRow>, DbError> {
    let rows: Vec<SessionRow> = db
        .query(
            "SELECT s.audience, s.subject, s.hetu, s.given_name, s.family_name, s.organiser_code, s.roles,
                    s.staff_department, s.staff_job_title,
                    s.created_at, s.last_seen_at, c.id AS acting_customer_id, s.acting_basis, s.valtuudet_session,
                    s.valtuudet_token, s.acting_checked_at,
                    COALESCE(c.hetu, s.acting_principal_hetu) AS principal_hetu,
                    COALESCE(c.given_name, s.acting_principal_given_name) AS principal_given_name,
                    COALESCE(c.family_name, s.acting_principal_family_name) AS principal_family_name,
                    s.acting_producer_id, s.acting_company_roles, p.name AS producer_name,
                    p.business_id AS producer_business_id, s.company_chosen_at,
                    (SELECT COUNT(*) FROM approvals a
                     WHERE a.producer_id = s.acting_producer_id AND a.status = 'approved')
                        AS producer_approvals
             FROM sessions s
             LEFT JOIN customers c ON c.id = COALESCE(s.acting_customer_id,
                 (SELECT id FROM customers WHERE hetu = s.acting_principal_hetu))
             LEFT JOIN producers p ON p.id = s.acting_producer_id
             WHERE s.id_hash = ?1",
            &[id_hash.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

pub async fn touch_session(db: &impl Database, id_hash: &str, now: i64) -> Result<(), DbError> {
    db.execute(
        "UPDATE sessions SET last_seen_at = ?2 WHERE id_hash = ?1",
        &[id_hash.into(), SqlValue::from(now)],
    )
    .await
    .map(|_| ())
}

/// The statements that give the session `old_hash` the id `new_hash`, keeping everything
/// else (its acting state changes in the same batch): a new id whenever the acting state
/// changes, so an id seen before the change is worth nothing after it.
pub fn rotate_statements(old_hash: &str, new_hash: &str) -> Vec<super::Statement> {
    vec![
        (
            "UPDATE sessions SET id_hash = ?2 WHERE id_hash = ?1",
            vec![old_hash.into(), new_hash.into()],
        ),
        (
            "UPDATE on_behalf_selections SET session_id_hash = ?2 WHERE session_id_hash = ?1",
            vec![old_hash.into(), new_hash.into()],
        ),
    ]
}

/// Deletes sessions past their idle or absolute limit and logins that were never finished
/// in time, with the choices of principal they had in progress. Idempotent: the scheduled
/// job and a request may run it at the same time.
pub async fn purge_expired(db: &impl Database, now: i64) -> Result<(), DbError> {
    use seteli_domain::session::{ABSOLUTE_LIMIT_SECS, IDLE_LIMIT_SECS, LOGIN_ATTEMPT_LIMIT_SECS};
    let idle = SqlValue::from(now - IDLE_LIMIT_SECS);
    let absolute = SqlValue::from(now - ABSOLUTE_LIMIT_SECS);
    db.batch(&[
        (
            "DELETE FROM on_behalf_selections WHERE session_id_hash IN (
                 SELECT id_hash FROM sessions WHERE last_seen_at <= ?1 OR created_at <= ?2)",
            vec![idle.clone(), absolute.clone()],
        ),
        (
            "DELETE FROM sessions WHERE last_seen_at <= ?1 OR created_at <= ?2",
            vec![idle, absolute],
        ),
        (
            "DELETE FROM login_attempts WHERE created_at < ?1",
            vec![SqlValue::from(now - LOGIN_ATTEMPT_LIMIT_SECS)],
        ),
    ])
    .await
}

/// Deletes the session and any choice of principal it had in progress.
pub async fn delete_session(db: &impl Database, id_hash: &str) -> Result<(), DbError> {
    db.batch(&[
        (
            "DELETE FROM on_behalf_selections WHERE session_id_hash = ?1",
            vec![id_hash.into()],
        ),
        (
            "DELETE FROM sessions WHERE id_hash = ?1",
            vec![id_hash.into()],
        ),
    ])
    .await
}
