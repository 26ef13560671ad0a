//! What outside services handed Seteli that outlives a request (`service_state`): an access
//! token until it expires, a feed's continuation token.

use crate::db::{Database, DbError, SqlValue};
use serde::Deserialize;

/// The value kept under `name`, if it is still valid at `valid_at` (Unix seconds).
pub async fn get(db: &impl Database, name: &str, valid_at: i64) -> Result<Option<String>, DbError> {
    #[derive(Deserialize)]
    struct Row {
        value: String,
    }
    let rows: Vec<Row> = db
        .query(
            "SELECT value FROM service_state WHERE name = ?1 AND (expires_at IS NULL OR expires_at > ?2)",
            &[name.into(), valid_at.into()],
        )
        .await?;
    Ok(rows.into_iter().next().map(|r| r.value))
}

/// Keeps `value` under `name` until `expires_at` (Unix seconds; `None`: until replaced).
pub async fn put(
    db: &impl Database,
    name: &str,
    value: &str,
    expires_at: Option<i64>,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO service_state (name, value, expires_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
        &[
            name.into(),
            value.into(),
            expires_at.map_or(SqlValue::Null, SqlValue::from),
        ],
    )
    .await?;
    Ok(())
}
