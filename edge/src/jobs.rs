//! Scheduled work (a Cron Trigger in the Worker; `/__scheduled` under `wrangler dev
//! --test-scheduled`). Each job is idempotent: two runs at once change nothing twice.

use crate::blobs::{BlobStore, ATTACHMENT_PREFIX};
use crate::context::Ctx;
use crate::db::applications::attachments::known_keys;
use crate::db::applications::supervision::lift_ended;
use crate::db::cases::{self, mark_reminded, CaseRow};
use crate::db::resident_applications::consents;
use crate::db::resident_applications::writes::tell_principal;
use crate::db::{organisers, sessions, Database, DbError, SqlValue, Statement};
use crate::messages::delivery::deliver_due;
use crate::outbound::Outbound;
use seteli_domain::application::REMINDER_DAYS_BEFORE;
use seteli_domain::case::{CaseAction, Party};
use seteli_domain::clock::{finnish_date, rfc3339};
use seteli_domain::Lang;
use time::{Duration, OffsetDateTime};

/// A file no row names is removed once it is this old (seconds): an upload in flight has
/// stored its file but not yet its row.
pub const ORPHAN_GRACE_SECS: i64 = 60 * 60;

/// What one run did, for the log and the tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Cases whose deadline passed, returned to their handler.
    pub returned: usize,
    /// Applicants reminded of a near deadline.
    pub reminded: usize,
    /// Suspensions whose last day passed, lifted.
    pub lifted: u64,
    /// Files no row named, removed.
    pub swept: usize,
    /// Applications whose consent requests were not answered by their last day (expired).
    pub consents_expired: usize,
    /// Organisers whose month was gathered into draft settlements (on the cut-off day).
    pub months_gathered: usize,
    /// E-authorisations ending within 60 days, told to their holder and administrators.
    pub renewals_told: usize,
    /// The outbox's delivery through Suomi.fi Messages.
    pub delivery: crate::messages::delivery::DeliveryReport,
}

/// Everything the schedule runs at `now`: purge expired sessions and unfinished logins,
/// keep cases' deadlines (return overdue cases to their handler with a note, remind
/// applicants two days before), lift ended suspensions, gather the month's settlements
/// with producers on the cut-off day, tell of e-authorisations ending within 60 days, sweep
/// files no row names, and
/// deliver the outbox (after the steps above, which queue messages).
pub async fn run_scheduled(ctx: &Ctx<impl Database, impl Outbound>) -> Result<Report, DbError> {
    let (db, blobs, now) = (&ctx.db, ctx.blobs.as_ref(), ctx.now);
    sessions::purge_expired(db, now.unix_timestamp()).await?;
    let today = finnish_date(now);
    let at = rfc3339(now);
    let mut report = Report::default();
    for case in cases::overdue(db, today).await? {
        if return_overdue(db, &case, now).await? {
            report.returned += 1;
        }
    }
    let last_day = today + Duration::days(REMINDER_DAYS_BEFORE);
    for case in cases::to_remind(db, today, last_day).await? {
        let organiser = organiser_name(db, &case).await?;
        db.batch(&[
            mark_reminded(case.id, &case.step),
            company_message(&case, "application_reminder", &organiser, &at),
        ])
        .await?;
        report.reminded += 1;
    }
    report.lifted = lift_ended(db, today, &at).await?;
    report.consents_expired = expire_consents(db, today, &at).await?;
    let (gathered, failed) = crate::db::settlements::gather::gather_due(db, today, &at).await?;
    report.months_gathered = gathered;
    for failure in failed {
        crate::error::log_warning(&failure);
    }
    let renewal_end = today + Duration::days(seteli_domain::authorisation::RENEWAL_DAYS);
    for holding in crate::db::authorisations::holdings::to_renew(db, today, renewal_end).await? {
        let token = crate::crypto::random_token()
            .ok_or_else(|| DbError("no randomness for telling of a holding's end".into()))?;
        db.batch(&crate::db::authorisations::holdings::tell_renewal(
            &holding, &token, &at,
        ))
        .await?;
        // Another run at once may have told it: count only this run's.
        if crate::db::authorisations::holdings::claimed(db, holding.id, &token).await? {
            report.renewals_told += 1;
        }
    }
    report.swept = match sweep(db, blobs, now.unix_timestamp()).await {
        Ok(n) => n,
        Err(e) => {
            crate::error::log_warning(&format!("sweeping files failed: {e:?}"));
            0
        }
    };
    let config = &ctx.config;
    report.delivery = deliver_due(
        db,
        &ctx.http,
        config.messages.as_ref(),
        &config.public_url,
        now,
    )
    .await?;
    Ok(report)
}

/// The note the history shows when a deadline passed.
const DEADLINE_NOTE: &str = "Määräaika päättyi ilman vastausta. / Tidsfristen gick ut utan svar. / The deadline passed without an answer.";

/// Returns an overdue case to its handler with a note, telling the applicant; whether this
/// run did it.
async fn return_overdue(
    db: &impl Database,
    case: &CaseRow,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    let Some(token) = crate::crypto::random_token() else {
        return Err(DbError("no randomness for a case step".into()));
    };
    let planned = match cases::plan(
        case,
        &CaseAction::DeadlinePassed,
        Party::System,
        "Seteli",
        DEADLINE_NOTE,
        now,
        token,
    )? {
        Ok(planned) => planned,
        Err(_) => return Ok(false),
    };
    let organiser = organiser_name(db, case).await?;
    let mut statements = planned.statements;
    let at = rfc3339(now);
    // One of the two finds its applicant: a company's application or a resident's.
    statements.push(crate::db::applications::writes::tell_company(
        case.id,
        &planned.token,
        seteli_domain::api::MessageKind::ApplicationChanged,
        &organiser,
        &at,
    ));
    statements.push(tell_principal(case.id, &planned.token, &organiser, &at));
    db.batch(&statements).await?;
    cases::confirm(db, case.id, &planned.token).await
}

/// Expires the consent requests not answered by their last day and tells each
/// application's principal (the applicant may send them again); how many applications.
async fn expire_consents(
    db: &impl Database,
    today: time::Date,
    at: &str,
) -> Result<usize, DbError> {
    let expired = consents::expire(db, today).await?;
    for id in &expired {
        if let Some(case) = cases::find(db, *id).await? {
            let organiser = organiser_name(db, &case).await?;
            db.execute_statement(tell_principal(case.id, &case.step, &organiser, at))
                .await?;
        }
    }
    Ok(expired.len())
}

async fn organiser_name(db: &impl Database, case: &CaseRow) -> Result<String, DbError> {
    Ok(organisers::name(db, &case.organiser_code, Lang::Fi)
        .await?
        .unwrap_or_else(|| case.organiser_code.as_str().to_owned()))
}

/// A message to the applicant company of `case`, written only if the statement before it
/// changed a row (two runs at once remind once).
fn company_message(case: &CaseRow, kind: &'static str, organiser: &str, at: &str) -> Statement {
    (
        "INSERT INTO messages (to_producer_id, kind, actor_name, case_id, created_at)
         SELECT a.producer_id, ?2, ?3, ?1, ?4 FROM producer_applications a
         WHERE a.case_id = ?1 AND changes() = 1",
        vec![
            SqlValue::from(case.id),
            kind.into(),
            organiser.into(),
            at.into(),
        ],
    )
}

/// Removes the stored files no row names that are older than [`ORPHAN_GRACE_SECS`] (left by
/// a failure between the store and the database); how many.
pub async fn sweep(db: &impl Database, blobs: &dyn BlobStore, now: i64) -> Result<usize, String> {
    let entries = blobs.list(ATTACHMENT_PREFIX).await.map_err(|e| e.0)?;
    let old: Vec<String> = entries
        .into_iter()
        .filter(|e| now - e.stored_at >= ORPHAN_GRACE_SECS)
        .map(|e| e.key)
        .collect();
    let known = known_keys(db, &old).await.map_err(|e| e.0)?;
    let mut removed = 0;
    for key in old.iter().filter(|k| !known.contains(k)) {
        blobs.delete(key).await.map_err(|e| e.0)?;
        removed += 1;
    }
    Ok(removed)
}
