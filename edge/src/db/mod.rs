//! Data access. [`Database`] is the one seam between the handlers and storage: D1 in the
//! Worker, SQLite natively. The SQL lives in the per-table modules and is the same for both.

pub mod applications;
pub mod authorisations;
pub mod cases;
pub mod catalogue;
pub mod desk;
pub mod migrations;
pub mod offers;
pub mod on_behalf;
pub mod organisers;
pub mod outbox;
pub mod producer_desk;
pub mod producers;
pub mod resident_applications;
pub mod service_state;
pub mod sessions;
pub mod settlements;
pub mod vouchers;

#[cfg(target_arch = "wasm32")]
pub mod d1;
#[cfg(not(target_arch = "wasm32"))]
pub mod sqlite;

use serde::de::DeserializeOwned;
use seteli_domain::ids::{
    AssessmentId, AttachmentId, CaseId, ConsentRequestId, CustomerId, DecisionId, EventId,
    FeedbackId, MessageId, ProducerId, ProxyId, VoucherId,
};

/// A value bound to a `?N` parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Int(i64),
    Text(String),
}

impl From<i64> for SqlValue {
    fn from(v: i64) -> Self {
        SqlValue::Int(v)
    }
}

impl From<&str> for SqlValue {
    fn from(v: &str) -> Self {
        SqlValue::Text(v.to_owned())
    }
}

impl From<String> for SqlValue {
    fn from(v: String) -> Self {
        SqlValue::Text(v)
    }
}

// Every id binds as the integer it is.
macro_rules! id_binds_as_int {
    ($($id:ty),*) => {$(
        impl From<$id> for SqlValue {
            fn from(id: $id) -> Self {
                SqlValue::Int(id.get())
            }
        }
    )*};
}
id_binds_as_int!(
    CaseId,
    ConsentRequestId,
    AttachmentId,
    ProducerId,
    CustomerId,
    VoucherId,
    EventId,
    FeedbackId,
    MessageId,
    AssessmentId,
    DecisionId,
    ProxyId
);

/// A storage failure, or a row that does not decode into a valid value. The text is for
/// the log only; it never holds bound parameter values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError(pub String);

impl DbError {
    /// A row whose column does not hold a valid value for its domain type.
    pub fn bad_row(table: &str, column: &str) -> Self {
        DbError(format!("{table}.{column} holds an invalid value"))
    }

    /// Whether a CHECK constraint refused the write (e.g. a balance below zero).
    pub fn is_check_violation(&self) -> bool {
        self.0.contains("CHECK constraint failed")
    }

    /// Whether a UNIQUE key refused the write (SQLite and D1 word it the same way).
    pub fn is_unique_violation(&self) -> bool {
        self.0.contains("UNIQUE constraint failed")
    }
}

impl From<time::Date> for SqlValue {
    /// A date binds as `YYYY-MM-DD`, the form the tables hold.
    fn from(date: time::Date) -> Self {
        SqlValue::Text(seteli_domain::clock::iso_date(date))
    }
}

impl From<time::OffsetDateTime> for SqlValue {
    /// An instant binds as RFC 3339 in UTC, the form `created_at` columns hold.
    fn from(at: time::OffsetDateTime) -> Self {
        SqlValue::Text(seteli_domain::clock::rfc3339(at))
    }
}

/// A row of one `id` column, of whichever kind of id the query selects.
#[derive(serde::Deserialize)]
pub(crate) struct IdRow<T> {
    pub id: T,
}

/// One statement of an atomic batch (see [`Database::batch`]).
pub type Statement = (&'static str, Vec<SqlValue>);

/// Runs SQL against the database. Rows deserialize by column name into `T`.
// The Workers runtime is single-threaded and D1's futures are not `Send`, so the trait
// deliberately makes no `Send` promise.
#[allow(async_fn_in_trait)]
pub trait Database {
    /// Runs one statement and returns its rows.
    async fn query<T: DeserializeOwned>(
        &self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<Vec<T>, DbError>;

    /// Runs one writing statement and returns how many rows it changed.
    async fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<u64, DbError>;

    /// Runs statements atomically: all take effect or none does.
    async fn batch(&self, statements: &[(&str, Vec<SqlValue>)]) -> Result<(), DbError>;

    /// Runs one statement built by a `*_statement` function, alone.
    async fn execute_statement(&self, statement: Statement) -> Result<u64, DbError> {
        self.execute(statement.0, &statement.1).await
    }
}
