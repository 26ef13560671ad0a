//! The municipality's register of proxies: whom a person may act for as a registered proxy.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;
use seteli_domain::api::RegisteredPrincipal;
use seteli_domain::ids::CustomerId;
use seteli_domain::mandates::{parse_scope, scope_allows, OnBehalfAction};
use seteli_domain::Lang;
use time::Date;

#[derive(Deserialize)]
struct RegisteredRow {
    customer_id: CustomerId,
    given_name: String,
    family_name: String,
    municipality_fi: String,
    municipality_sv: String,
    #[serde(with = "seteli_domain::clock::wire_date")]
    valid_until: time::Date,
}

/// The customers whose proxy the municipality registered this person as, valid on `today`.
pub async fn registered_principals(
    db: &impl Database,
    proxy_hetu: &str,
    today: Date,
    lang: Lang,
) -> Result<Vec<RegisteredPrincipal>, DbError> {
    let rows: Vec<RegisteredRow> = db
        .query(
            "SELECT c.id AS customer_id, c.given_name, c.family_name, m.name_fi AS municipality_fi,
                    m.name_sv AS municipality_sv, r.valid_until
             FROM proxy_registrations r
             JOIN customers c ON c.id = r.customer_id
             JOIN municipalities m ON m.code = c.municipality_code
             WHERE r.proxy_hetu = ?1 AND r.ended_at IS NULL AND r.valid_from <= ?2 AND r.valid_until >= ?2
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
            municipality_name: lang.pick(r.municipality_fi, r.municipality_sv, None),
            valid_until: r.valid_until,
        })
        .collect())
}

#[derive(Deserialize)]
struct ScopeRow {
    scope: String,
}

/// Whether this person is the customer's registered proxy on `today`, in force, with a
/// scope that allows `action` (choosing the customer is allowed by any registration).
pub async fn is_registered_proxy(
    db: &impl Database,
    customer: CustomerId,
    proxy_hetu: &str,
    today: Date,
    action: OnBehalfAction,
) -> Result<bool, DbError> {
    let rows: Vec<ScopeRow> = db
        .query(
            "SELECT scope FROM proxy_registrations
             WHERE customer_id = ?1 AND proxy_hetu = ?2 AND ended_at IS NULL
               AND valid_from <= ?3 AND valid_until >= ?3",
            &[SqlValue::from(customer), proxy_hetu.into(), today.into()],
        )
        .await?;
    Ok(rows
        .iter()
        .any(|row| scope_allows(&parse_scope(&row.scope), action)))
}
