//! Registered proxies as the organiser keeps them: registering one (at most one in force
//! per customer) and ending it. The citizen side reads the same rows
//! (`db::on_behalf::registered`), scope included.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::api::desk::ProxyView;
use seteli_domain::desk::ProxyRequest;
use seteli_domain::ids::{CustomerId, ProxyId};
use seteli_domain::mandates::{parse_scope, scope_text, ProxyBasis};
use seteli_domain::Hetu;

/// The statement that registers a checked proxy for `customer`. The partial UNIQUE index
/// refuses a second one in force.
pub fn register_statement(
    customer: CustomerId,
    proxy: &Hetu,
    request: &ProxyRequest<'_>,
    registered_by: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO proxy_registrations (customer_id, proxy_hetu, proxy_given_name, proxy_family_name, basis,
                                          justification, scope, evidence, valid_from, valid_until,
                                          registered_by, registered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        vec![
            SqlValue::from(customer),
            proxy.as_str().into(),
            request.given_name.trim().into(),
            request.family_name.trim().into(),
            request.basis.as_str().into(),
            request.justification.trim().into(),
            scope_text(request.scope).into(),
            request.evidence.trim().into(),
            request.valid_from.into(),
            request.valid_until.into(),
            registered_by.into(),
            at.into(),
        ],
    )
}

/// The statement that ends the customer's proxy in force.
pub fn end_statement(customer: CustomerId, reason: &str, ended_by: &str, at: &str) -> Statement {
    (
        "UPDATE proxy_registrations SET ended_at = ?2, ended_by = ?3, ended_reason = ?4
         WHERE customer_id = ?1 AND ended_at IS NULL",
        vec![
            SqlValue::from(customer),
            at.into(),
            ended_by.into(),
            reason.trim().into(),
        ],
    )
}

#[derive(Deserialize)]
struct ProxyRow {
    id: ProxyId,
    proxy_hetu: String,
    proxy_given_name: String,
    proxy_family_name: String,
    basis: String,
    justification: String,
    scope: String,
    evidence: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_from: time::Date,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_until: time::Date,
    registered_by: String,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    ended_at: Option<time::OffsetDateTime>,
    ended_reason: Option<String>,
}

/// The customer's registrations, the one in force (if any) first, then ended ones newest
/// first.
pub async fn proxies_of(
    db: &impl Database,
    customer: CustomerId,
) -> Result<Vec<ProxyView>, DbError> {
    let rows: Vec<ProxyRow> = db
        .query(
            "SELECT id, proxy_hetu, proxy_given_name, proxy_family_name, basis, justification, scope, evidence,
                    valid_from, valid_until, registered_by, ended_at, ended_reason
             FROM proxy_registrations WHERE customer_id = ?1
             ORDER BY ended_at IS NOT NULL, id DESC LIMIT 50",
            &[SqlValue::from(customer)],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            let bad = |column| DbError::bad_row("proxy_registrations", column);
            Ok(ProxyView {
                id: r.id,
                given_name: r.proxy_given_name,
                family_name: r.proxy_family_name,
                masked_hetu: Hetu::parse(&r.proxy_hetu)
                    .map_err(|_| bad("proxy_hetu"))?
                    .masked(),
                basis: ProxyBasis::parse(&r.basis).ok_or_else(|| bad("basis"))?,
                justification: r.justification,
                scope: parse_scope(&r.scope),
                evidence: r.evidence,
                valid_from: r.valid_from,
                valid_until: r.valid_until,
                registered_by: r.registered_by,
                ended_at: r.ended_at,
                ended_reason: r.ended_reason,
            })
        })
        .collect()
}
