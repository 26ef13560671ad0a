//! The production store: Cloudflare D1.

use super::{Database, DbError, SqlValue};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// The D1 binding named `DB` in wrangler.toml.
pub struct D1(pub worker::D1Database);

fn to_values(params: &[SqlValue]) -> Vec<JsValue> {
    params
        .iter()
        .map(|p| match p {
            SqlValue::Null => JsValue::NULL,
            // D1 binds JavaScript numbers; every integer we bind is far below 2^53.
            SqlValue::Int(i) => JsValue::from_f64(*i as f64),
            SqlValue::Text(t) => JsValue::from_str(t),
        })
        .collect()
}

fn db_err(e: worker::Error) -> DbError {
    DbError(e.to_string())
}

impl D1 {
    fn statement(
        &self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<worker::D1PreparedStatement, DbError> {
        self.0.prepare(sql).bind(&to_values(params)).map_err(db_err)
    }
}

impl Database for D1 {
    async fn query<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<Vec<T>, DbError> {
        let result = self.statement(sql, params)?.all().await.map_err(db_err)?;
        result
            .results::<T>()
            .map_err(|e| DbError(format!("row decoding: {e}")))
    }

    async fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<u64, DbError> {
        let result = self.statement(sql, params)?.run().await.map_err(db_err)?;
        let changes = result
            .meta()
            .map_err(db_err)?
            .and_then(|m| m.changes)
            .unwrap_or(0);
        Ok(changes as u64)
    }

    // D1 runs a batch as one transaction: a failing statement rolls back the others.
    async fn batch(&self, statements: &[(&str, Vec<SqlValue>)]) -> Result<(), DbError> {
        let prepared = statements
            .iter()
            .map(|(sql, params)| self.statement(sql, params))
            .collect::<Result<Vec<_>, _>>()?;
        self.0.batch(prepared).await.map_err(db_err)?;
        Ok(())
    }
}
