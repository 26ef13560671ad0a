//! Scheduled work (a Cron Trigger in the Worker; `/__scheduled` under `wrangler dev
//! --test-scheduled`). Each job is idempotent: two runs at once change nothing twice.

use crate::db::{sessions, Database, DbError};

/// Everything the schedule runs, at `now` (Unix seconds): purge expired sessions and
/// unfinished logins.
pub async fn run_scheduled(db: &impl Database, now: i64) -> Result<(), DbError> {
    sessions::purge_expired(db, now).await
}
