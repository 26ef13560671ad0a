//! The production store: Cloudflare D1.

use super::{Database, DbError, SqlValue};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// The D1 binding named `DB` in wrangler.toml.
pub struct D1(pub worker::D1Database);

impl Database for D1 {
    async fn query<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<Vec<T>, DbError> {
        let values: Vec<JsValue> = params
            .iter()
            .map(|p| match p {
                SqlValue::Null => JsValue::NULL,
                // D1 binds JavaScript numbers; every integer we bind is far below 2^53.
                SqlValue::Int(i) => JsValue::from_f64(*i as f64),
                SqlValue::Text(t) => JsValue::from_str(t),
            })
            .collect();
        let statement = self
            .0
            .prepare(sql)
            .bind(&values)
            .map_err(|e| DbError(e.to_string()))?;
        let result = statement.all().await.map_err(|e| DbError(e.to_string()))?;
        result
            .results::<T>()
            .map_err(|e| DbError(format!("row decoding: {e}")))
    }
}
