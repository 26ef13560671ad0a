//! The native store: SQLite through rusqlite, over the same migrations and SQL as D1.

use super::migrations::MIGRATIONS;
use super::{Database, DbError, SqlValue};
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use std::sync::Mutex;

/// A SQLite database with every migration applied.
pub struct Sqlite {
    conn: Mutex<Connection>,
}

impl Sqlite {
    /// A fresh in-memory database with the schema: one per test.
    pub fn in_memory() -> Result<Self, DbError> {
        Self::from_connection(Connection::open_in_memory().map_err(err)?, MIGRATIONS.len())
    }

    /// A database file (created when missing) with the schema applied.
    pub fn open(path: &std::path::Path) -> Result<Self, DbError> {
        Self::from_connection(Connection::open(path).map_err(err)?, MIGRATIONS.len())
    }

    fn from_connection(conn: Connection, migrations: usize) -> Result<Self, DbError> {
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        let db = Self {
            conn: Mutex::new(conn),
        };
        db.migrate(migrations)?;
        Ok(db)
    }

    /// A fresh in-memory database with only the first `count` migrations, for a test of
    /// the next one over rows written before it.
    pub fn in_memory_until(count: usize) -> Result<Self, DbError> {
        Self::from_connection(Connection::open_in_memory().map_err(err)?, count)
    }

    /// Applies the migrations not yet applied, up to the first `count`, each in its own
    /// transaction as D1 applies them (a deferred foreign-key check is settled at its end).
    pub fn migrate(&self, count: usize) -> Result<(), DbError> {
        let conn = self.lock()?;
        let done: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(err)?;
        let done = usize::try_from(done).unwrap_or(0);
        for (index, (name, sql)) in MIGRATIONS.iter().enumerate().take(count).skip(done) {
            let applied = conn.execute_batch(&format!(
                "BEGIN;\n{sql}\nPRAGMA user_version = {};\nCOMMIT;",
                index + 1
            ));
            if let Err(e) = applied {
                if !conn.is_autocommit() {
                    let _ = conn.execute_batch("ROLLBACK;");
                }
                return Err(DbError(format!("migration {name}: {e}")));
            }
        }
        Ok(())
    }

    /// Runs a script of statements (test data, seeds) in one transaction.
    pub fn execute_script(&self, sql: &str) -> Result<(), DbError> {
        let conn = self.lock()?;
        // The trailing NUL matters: without it SQLite copies the rest of the script for
        // every statement it prepares, which makes a 20 MB seed take minutes.
        let result = conn.execute_batch(&format!("BEGIN;\n{sql}\nCOMMIT;\0"));
        // A script that failed half-way writes nothing and leaves no transaction open.
        if result.is_err() && !conn.is_autocommit() {
            let _ = conn.execute_batch("ROLLBACK;");
        }
        result.map_err(err)
    }

    /// The single integer a query returns (a count, in tests and tools).
    pub fn scalar(&self, sql: &str) -> Result<i64, DbError> {
        self.lock()?
            .query_row(sql, [], |row| row.get(0))
            .map_err(err)
    }

    /// The first column of the first row of `sql`, as text (for tests and tools).
    pub fn text(&self, sql: &str) -> Result<String, DbError> {
        self.lock()?
            .query_row(sql, [], |row| row.get(0))
            .map_err(err)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Connection>, DbError> {
        self.conn
            .lock()
            .map_err(|_| DbError("connection lock poisoned".into()))
    }
}

fn err(e: rusqlite::Error) -> DbError {
    DbError(e.to_string())
}

fn to_json(value: ValueRef<'_>) -> serde_json::Value {
    match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => f.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => b.to_vec().into(),
    }
}

fn to_values(params: &[SqlValue]) -> Vec<Value> {
    params
        .iter()
        .map(|p| match p {
            SqlValue::Null => Value::Null,
            SqlValue::Int(i) => Value::Integer(*i),
            SqlValue::Text(t) => Value::Text(t.clone()),
        })
        .collect()
}

impl Database for Sqlite {
    async fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<u64, DbError> {
        let conn = self.lock()?;
        let changed = conn
            .execute(sql, rusqlite::params_from_iter(to_values(params)))
            .map_err(err)?;
        Ok(changed as u64)
    }

    async fn batch(&self, statements: &[(&str, Vec<SqlValue>)]) -> Result<(), DbError> {
        let mut conn = self.lock()?;
        let tx = conn.transaction().map_err(err)?;
        for (sql, params) in statements {
            tx.execute(sql, rusqlite::params_from_iter(to_values(params)))
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    async fn query<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<Vec<T>, DbError> {
        let conn = self
            .conn
            .lock()
            .map_err(|_| DbError("connection lock poisoned".into()))?;
        let mut stmt = conn.prepare(sql).map_err(err)?;
        let names: Vec<String> = stmt.column_names().map(str::to_owned).collect();
        let values: Vec<Value> = params
            .iter()
            .map(|p| match p {
                SqlValue::Null => Value::Null,
                SqlValue::Int(i) => Value::Integer(*i),
                SqlValue::Text(t) => Value::Text(t.clone()),
            })
            .collect();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(values))
            .map_err(err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let mut object = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                object.insert(name.clone(), to_json(row.get_ref(i).map_err(err)?));
            }
            let decoded = serde_json::from_value(serde_json::Value::Object(object))
                .map_err(|e| DbError(format!("row decoding: {e}")))?;
            out.push(decoded);
        }
        Ok(out)
    }
}
