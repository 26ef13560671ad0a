//! Acting for another person: the session's principal, choices in progress at Valtuudet,
//! the municipality's register of proxies, the principal's trail and message outbox.

use super::vouchers::CustomerId;
use super::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::{MessageKind, MessageView, RegisteredPrincipal, TrailEntry, TrailResult};
use seteli_domain::lang::Localized;
use seteli_domain::mandates::{Basis, OnBehalfAction, PrincipalKind};
use seteli_domain::Lang;

/// One statement of an atomic batch.
pub type Statement = (&'static str, Vec<SqlValue>);

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
            vec![SqlValue::Int(stale_before)],
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
                SqlValue::Int(selection.created_at),
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
    pub customer: CustomerId,
    pub basis: Basis,
    /// Valtuudet's session and access token, to ask again before writes.
    pub valtuudet: Option<(&'a str, &'a str)>,
    pub checked_at: i64,
}

/// Makes the session act for `acting.customer` (and for no company), logging the choice
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
    let mut statements = vec![
        (
            "UPDATE sessions SET acting_customer_id = ?2, acting_basis = ?3, valtuudet_session = ?4,
                 valtuudet_token = ?5, acting_checked_at = ?6, acting_producer_id = NULL,
                 acting_company_roles = NULL, company_chosen_at = NULL
             WHERE id_hash = ?1",
            vec![
                session_id_hash.into(),
                SqlValue::Int(acting.customer.0),
                acting.basis.as_str().into(),
                valtuudet_session,
                token,
                SqlValue::Int(acting.checked_at),
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
             acting_company_roles = NULL, company_chosen_at = NULL
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
    producer_id: i64,
    roles: &[String],
    now: i64,
) -> Result<(), DbError> {
    let mut statements = vec![(
        "UPDATE sessions SET acting_customer_id = NULL, acting_basis = NULL, valtuudet_session = NULL,
             valtuudet_token = NULL, acting_checked_at = NULL, acting_producer_id = ?2,
             acting_company_roles = ?3, company_chosen_at = ?4
         WHERE id_hash = ?1",
        vec![
            session_id_hash.into(),
            SqlValue::Int(producer_id),
            roles.join(" ").into(),
            SqlValue::Int(now),
        ],
    )];
    statements.extend(super::sessions::rotate_statements(
        session_id_hash,
        new_hash,
    ));
    db.batch(&statements).await
}

#[derive(Deserialize)]
struct ProducerIdRow {
    id: i64,
}

/// The producer in Seteli with this business id, if any.
pub async fn producer_by_business_id(
    db: &impl Database,
    business_id: &str,
) -> Result<Option<i64>, DbError> {
    let rows: Vec<ProducerIdRow> = db
        .query(
            "SELECT id FROM producers WHERE business_id = ?1",
            &[business_id.into()],
        )
        .await?;
    Ok(rows.first().map(|r| r.id))
}

/// Records that the right was confirmed with Valtuudet at `now`.
pub async fn mark_checked(
    db: &impl Database,
    session_id_hash: &str,
    now: i64,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE sessions SET acting_checked_at = ?2 WHERE id_hash = ?1",
        &[session_id_hash.into(), SqlValue::Int(now)],
    )
    .await
    .map(|_| ())
}

/// One line of a principal's trail.
pub struct TrailRecord<'a> {
    pub at: &'a str,
    pub actor_hetu: &'a str,
    pub actor_name: &'a str,
    pub principal: CustomerId,
    pub action: OnBehalfAction,
    pub basis: Basis,
    pub result: TrailResult,
}

/// The statement that writes `record`, to run alone or inside the write it describes.
pub fn trail_statement(record: &TrailRecord<'_>) -> Statement {
    (
        "INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, action, basis, result)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        vec![
            record.at.into(),
            record.actor_hetu.into(),
            record.actor_name.into(),
            SqlValue::Int(record.principal.0),
            record.action.as_str().into(),
            record.basis.as_str().into(),
            match record.result {
                TrailResult::Allowed => "allowed",
                TrailResult::Refused => "refused",
            }
            .into(),
        ],
    )
}

/// The statement that queues a message to the principal about a write done for them.
pub fn message_statement(
    principal: CustomerId,
    kind: MessageKind,
    actor_name: &str,
    producer_id: i64,
    created_at: &str,
) -> Statement {
    (
        "INSERT INTO messages (customer_id, kind, actor_name, producer_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        vec![
            SqlValue::Int(principal.0),
            match kind {
                MessageKind::FeedbackGiven => "feedback_given",
                MessageKind::SurveyAnswered => "survey_answered",
            }
            .into(),
            actor_name.into(),
            SqlValue::Int(producer_id),
            created_at.into(),
        ],
    )
}

#[derive(Deserialize)]
struct TrailRow {
    at: String,
    actor_name: String,
    action: String,
    basis: String,
    result: String,
}

/// What was done, or tried, on the customer's behalf, newest first.
pub async fn trail_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<TrailEntry>, DbError> {
    let rows: Vec<TrailRow> = db
        .query(
            "SELECT at, actor_name, action, basis, result FROM on_behalf_log
             WHERE principal_customer_id = ?1 ORDER BY id DESC LIMIT 500",
            &[SqlValue::Int(customer.0)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(TrailEntry {
                action: OnBehalfAction::parse(&r.action)
                    .ok_or_else(|| DbError::bad_row("on_behalf_log", "action"))?,
                basis: Basis::parse(&r.basis)
                    .ok_or_else(|| DbError::bad_row("on_behalf_log", "basis"))?,
                result: match r.result.as_str() {
                    "allowed" => TrailResult::Allowed,
                    "refused" => TrailResult::Refused,
                    _ => return Err(DbError::bad_row("on_behalf_log", "result")),
                },
                at: r.at,
                actor_name: r.actor_name,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct MessageRow {
    id: i64,
    created_at: String,
    kind: String,
    actor_name: String,
    producer_name: String,
    status: String,
}

/// The messages queued to the customer, newest first.
pub async fn messages_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<MessageView>, DbError> {
    let rows: Vec<MessageRow> = db
        .query(
            "SELECT m.id, m.created_at, m.kind, m.actor_name, p.name AS producer_name, m.status
             FROM messages m JOIN producers p ON p.id = m.producer_id
             WHERE m.customer_id = ?1 ORDER BY m.id DESC LIMIT 500",
            &[SqlValue::Int(customer.0)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(MessageView {
                kind: match r.kind.as_str() {
                    "feedback_given" => MessageKind::FeedbackGiven,
                    "survey_answered" => MessageKind::SurveyAnswered,
                    _ => return Err(DbError::bad_row("messages", "kind")),
                },
                id: r.id,
                created_at: r.created_at,
                actor_name: r.actor_name,
                producer_name: r.producer_name,
                status: r.status,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct RegisteredRow {
    customer_id: i64,
    given_name: String,
    family_name: String,
    municipality_fi: String,
    municipality_sv: String,
    valid_until: String,
}

/// The customers whose proxy the municipality registered this person as, valid on `today`.
pub async fn registered_principals(
    db: &impl Database,
    proxy_hetu: &str,
    today: &str,
    lang: Lang,
) -> Result<Vec<RegisteredPrincipal>, DbError> {
    let rows: Vec<RegisteredRow> = db
        .query(
            "SELECT c.id AS customer_id, c.given_name, c.family_name, m.name_fi AS municipality_fi,
                    m.name_sv AS municipality_sv, r.valid_until
             FROM registered_proxies r
             JOIN customers c ON c.id = r.customer_id
             JOIN municipalities m ON m.code = c.municipality_code
             WHERE r.proxy_hetu = ?1 AND r.valid_from <= ?2 AND r.valid_until >= ?2
             ORDER BY c.family_name, c.given_name, c.id",
            &[proxy_hetu.into(), today.into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| RegisteredPrincipal {
            customer_id: r.customer_id,
            given_name: r.given_name,
            family_name: r.family_name,
            municipality_name: Localized {
                fi: r.municipality_fi,
                sv: r.municipality_sv,
                en: None,
            }
            .get(lang)
            .to_owned(),
            valid_until: r.valid_until,
        })
        .collect())
}

#[derive(Deserialize)]
struct CountRow {
    n: i64,
}

/// Whether this person is the customer's registered proxy on `today`.
pub async fn is_registered_proxy(
    db: &impl Database,
    customer: CustomerId,
    proxy_hetu: &str,
    today: &str,
) -> Result<bool, DbError> {
    let rows: Vec<CountRow> = db
        .query(
            "SELECT COUNT(*) AS n FROM registered_proxies
             WHERE customer_id = ?1 AND proxy_hetu = ?2 AND valid_from <= ?3 AND valid_until >= ?3",
            &[SqlValue::Int(customer.0), proxy_hetu.into(), today.into()],
        )
        .await?;
    Ok(rows.first().is_some_and(|r| r.n > 0))
}
