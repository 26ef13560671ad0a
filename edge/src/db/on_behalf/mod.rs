//! Acting for another person: the session's principal, choices in progress at Valtuudet,
//! the municipality's register of proxies, the principal's trail and message outbox.

mod registered;
mod trail;

pub use registered::{is_registered_proxy, registered_principals};
pub use trail::{
    message_statement, messages_of, trail_of, trail_statement, trail_to_customer_statement,
    Principal, TrailRecord,
};

use super::{Database, DbError, IdRow, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::ids::ProducerId;
use seteli_domain::mandates::{Basis, PrincipalKind};

/// A choice at the Valtuudet selection page that has not come back yet.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Selection {
    pub session_id_hash: String,
    pub kind: String,
    pub valtuudet_session: String,
    pub lang: String,
    pub created_at: i64,
}

impl Selection {
    pub fn kind(&self) -> PrincipalKind {
        PrincipalKind::parse(&self.kind).unwrap_or(PrincipalKind::Child)
    }
}

/// Stores a choice in progress under its `state` and drops choices older than `stale_before`.
pub async fn begin_selection(
    db: &impl Database,
    state: &str,
    selection: &Selection,
    stale_before: i64,
) -> Result<(), DbError> {
    db.batch(&[
        (
            "DELETE FROM on_behalf_selections WHERE created_at < ?1",
            vec![SqlValue::from(stale_before)],
        ),
        (
            "INSERT INTO on_behalf_selections (state, session_id_hash, kind, valtuudet_session, lang, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            vec![
                state.into(),
                selection.session_id_hash.as_str().into(),
                selection.kind.as_str().into(),
                selection.valtuudet_session.as_str().into(),
                selection.lang.as_str().into(),
                SqlValue::from(selection.created_at),
            ],
        ),
    ])
    .await
}

/// Removes and returns the choice with this `state`: each comes back at most once.
pub async fn take_selection(db: &impl Database, state: &str) -> Result<Option<Selection>, DbError> {
    let rows: Vec<Selection> = db
        .query(
            "DELETE FROM on_behalf_selections WHERE state = ?1
             RETURNING session_id_hash, kind, valtuudet_session, lang, created_at",
            &[state.into()],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// The principal a session starts to act for, and how the right was established.
pub struct Acting<'a> {
    pub principal: Principal<'a>,
    pub basis: Basis,
    /// Valtuudet's session and access token, to ask again before writes.
    pub valtuudet: Option<(&'a str, &'a str)>,
    pub checked_at: i64,
}

/// Makes the session act for `acting.principal` (and for no company), logging the choice
/// and giving the session the new id `new_hash` in the same batch.
pub async fn start_acting(
    db: &impl Database,
    session_id_hash: &str,
    new_hash: &str,
    acting: &Acting<'_>,
    log: Statement,
) -> Result<(), DbError> {
    let (valtuudet_session, token) = match acting.valtuudet {
        Some((s, t)) => (SqlValue::Text(s.into()), SqlValue::Text(t.into())),
        None => (SqlValue::Null, SqlValue::Null),
    };
    let (customer, person) = match acting.principal {
        Principal::Customer(id) => (
            SqlValue::from(id),
            [SqlValue::Null, SqlValue::Null, SqlValue::Null],
        ),
        Principal::Person {
            hetu,
            given_name,
            family_name,
        } => (
            SqlValue::Null,
            [hetu.into(), given_name.into(), family_name.into()],
        ),
    };
    let [hetu, given_name, family_name] = person;
    let mut statements = vec![
        (
            "UPDATE sessions SET acting_customer_id = ?2, acting_basis = ?3, valtuudet_session = ?4,
                 valtuudet_token = ?5, acting_checked_at = ?6, acting_producer_id = NULL,
                 acting_company_roles = NULL, company_chosen_at = NULL, acting_principal_hetu = ?7,
                 acting_principal_given_name = ?8, acting_principal_family_name = ?9
             WHERE id_hash = ?1",
            vec![
                session_id_hash.into(),
                customer,
                acting.basis.as_str().into(),
                valtuudet_session,
                token,
                SqlValue::from(acting.checked_at),
                hetu,
                given_name,
                family_name,
            ],
        ),
        log,
    ];
    statements.extend(super::sessions::rotate_statements(
        session_id_hash,
        new_hash,
    ));
    db.batch(&statements).await
}

/// The statement that makes the session act for the logged-in person again (no principal,
/// no company).
pub fn stop_acting_statement(session_id_hash: &str) -> Statement {
    (
        "UPDATE sessions SET acting_customer_id = NULL, acting_basis = NULL, valtuudet_session = NULL,
             valtuudet_token = NULL, acting_checked_at = NULL, acting_producer_id = NULL,
             acting_company_roles = NULL, company_chosen_at = NULL, acting_principal_hetu = NULL,
             acting_principal_given_name = NULL, acting_principal_family_name = NULL
         WHERE id_hash = ?1",
        vec![session_id_hash.into()],
    )
}

/// The session acts for the logged-in person again (same id: used when a choice lapses,
/// which only takes rights away).
pub async fn stop_acting(db: &impl Database, session_id_hash: &str) -> Result<(), DbError> {
    let (sql, params) = stop_acting_statement(session_id_hash);
    db.execute(sql, &params).await.map(|_| ())
}

/// The session acts for the logged-in person again under the new id `new_hash`.
pub async fn stop_acting_with_new_id(
    db: &impl Database,
    session_id_hash: &str,
    new_hash: &str,
) -> Result<(), DbError> {
    let mut statements = vec![stop_acting_statement(session_id_hash)];
    statements.extend(super::sessions::rotate_statements(
        session_id_hash,
        new_hash,
    ));
    db.batch(&statements).await
}

/// Makes the session act for the producer company (and for no person), with the person's
/// roles in it, from `now` for [`seteli_domain::producer::COMPANY_CHOICE_SECS`], under the
/// new id `new_hash`.
pub async fn start_acting_for_company(
    db: &impl Database,
    session_id_hash: &str,
    new_hash: &str,
    producer_id: ProducerId,
    roles: &[String],
    now: i64,
) -> Result<(), DbError> {
    let mut statements = vec![(
        "UPDATE sessions SET acting_customer_id = NULL, acting_basis = NULL, valtuudet_session = NULL,
             valtuudet_token = NULL, acting_checked_at = NULL, acting_producer_id = ?2,
             acting_company_roles = ?3, company_chosen_at = ?4, acting_principal_hetu = NULL,
             acting_principal_given_name = NULL, acting_principal_family_name = NULL
         WHERE id_hash = ?1",
        vec![
            session_id_hash.into(),
            SqlValue::from(producer_id),
            roles.join(" ").into(),
            SqlValue::from(now),
        ],
    )];
    statements.extend(super::sessions::rotate_statements(
        session_id_hash,
        new_hash,
    ));
    db.batch(&statements).await
}

/// The producer in Seteli with this business id, added (with no approval, so nowhere in
/// public) under `name` when the company is new to Seteli.
pub async fn producer_for_company(
    db: &impl Database,
    business_id: &seteli_domain::BusinessId,
    name: &str,
) -> Result<ProducerId, DbError> {
    let rows: Vec<IdRow<ProducerId>> = db
        .query(
            "INSERT INTO producers (business_id, name, summary_fi, summary_sv, description_fi, description_sv,
                                    street_address, postal_code, post_office, phone, email)
             VALUES (?1, ?2, '', '', '', '', '', '', '', '', '')
             ON CONFLICT (business_id) DO UPDATE SET business_id = excluded.business_id
             RETURNING id",
            &[business_id.as_str().into(), name.into()],
        )
        .await?;
    rows.first()
        .map(|r| r.id)
        .ok_or_else(|| DbError("INSERT … RETURNING gave no producer id".into()))
}

/// Records that the right was confirmed with Valtuudet at `now`.
pub async fn mark_checked(
    db: &impl Database,
    session_id_hash: &str,
    now: i64,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE sessions SET acting_checked_at = ?2 WHERE id_hash = ?1",
        &[session_id_hash.into(), SqlValue::from(now)],
    )
    .await
    .map(|_| ())
}
