//! Cases on the one case engine (`seteli_domain::case`), as stored: the state taken apart
//! into columns the queue and the deadline job can ask, and each step's event in
//! `case_events`. A step is planned by the engine ([`plan`]), written in one batch with
//! whatever else belongs to it (each extra statement guarded by the step's token, see
//! [`Planned`]), and confirmed by reading the token back ([`confirm`]): of two steps taken
//! on the same state at once, exactly one is written.

use crate::db::{Database, DbError, SqlValue, Statement};
use serde::Deserialize;
use seteli_domain::case::{Awaited, Case, CaseAction, CaseError, CaseState, Party, StateName};
use seteli_domain::ids::CaseId;
use seteli_domain::OrganiserCode;
use time::{Date, OffsetDateTime};

/// A case's row.
#[derive(Debug, Clone, Deserialize)]
pub struct CaseRow {
    pub id: CaseId,
    pub organiser_code: OrganiserCode,
    pub state: StateName,
    pub handler: Option<String>,
    pub waiting_on: Option<Awaited>,
    #[serde(default, with = "seteli_domain::clock::wire_date::option")]
    pub deadline: Option<Date>,
    pub missing: String,
    pub step: String,
    #[serde(default, with = "seteli_domain::clock::wire_time::option")]
    pub submitted_at: Option<OffsetDateTime>,
}

/// The columns of [`CaseRow`], for `SELECT {CASE_COLUMNS} FROM cases c`.
pub const CASE_COLUMNS: &str = "c.id, c.organiser_code, c.state, c.handler, c.waiting_on, c.deadline, c.missing, c.step, c.submitted_at";

impl CaseRow {
    /// What is missing, as the handler listed it.
    pub fn missing_items(&self) -> Result<Vec<String>, DbError> {
        serde_json::from_str(&self.missing).map_err(|_| DbError::bad_row("cases", "missing"))
    }

    /// The state the engine works on; a row that does not make one is an error, never a
    /// guess.
    pub fn case_state(&self) -> Result<CaseState, DbError> {
        let bad = |column| DbError::bad_row("cases", column);
        let handler = || self.handler.clone().ok_or_else(|| bad("handler"));
        Ok(match self.state {
            StateName::Draft => CaseState::Draft,
            StateName::Submitted => CaseState::Submitted,
            StateName::Consenting => CaseState::Consenting,
            StateName::InProgress => CaseState::InProgress {
                handler: handler()?,
            },
            StateName::Waiting => CaseState::Waiting {
                handler: handler()?,
                on: self.waiting_on.ok_or_else(|| bad("waiting_on"))?,
                deadline: self.deadline,
                missing: self.missing_items()?,
            },
            StateName::Approved => CaseState::Approved,
            StateName::Rejected => CaseState::Rejected,
            StateName::Cancelled => CaseState::Cancelled,
            StateName::Declined => CaseState::Declined,
        })
    }
}

/// The case `id` of `kind`, if it exists.
pub async fn find(db: &impl Database, id: CaseId) -> Result<Option<CaseRow>, DbError> {
    let rows: Vec<CaseRow> = db
        .query(
            &format!("SELECT {CASE_COLUMNS} FROM cases c WHERE c.id = ?1"),
            &[SqlValue::from(id)],
        )
        .await?;
    Ok(rows.into_iter().next())
}

/// A new draft case of `kind` for `organiser`: the statement that inserts it with `id`.
pub fn insert_draft(
    id: i64,
    kind: &str,
    organiser: &OrganiserCode,
    step: &str,
    at: &str,
) -> Statement {
    (
        "INSERT INTO cases (id, kind, organiser_code, state, step, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?5)",
        vec![
            SqlValue::from(id),
            kind.into(),
            organiser.as_str().into(),
            step.into(),
            at.into(),
        ],
    )
}

/// A step the engine allowed, ready to be written.
pub struct Planned {
    /// The state after the step.
    pub next: CaseState,
    /// The token the step writes; extra statements of the same batch are guarded by it:
    /// `... WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?{case} AND step = ?{token})`.
    pub token: String,
    /// Whether the applicant is to be told (the engine's rule).
    pub tell_applicant: bool,
    /// The case's update and the history's event.
    pub statements: Vec<Statement>,
}

/// Plans `action` by `by` (named `by_name` in the history) on the case in `row` at `at`, or
/// the engine's refusal.
pub fn plan(
    row: &CaseRow,
    action: &CaseAction,
    by: Party,
    by_name: &str,
    comment: &str,
    at: OffsetDateTime,
    token: String,
) -> Result<Result<Planned, CaseError>, DbError> {
    let mut case = Case {
        state: row.case_state()?,
        history: Vec::new(),
    };
    let tell_applicant = match case.step(action, by, at, comment) {
        Ok(tell) => tell,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(event) = case.history.pop() else {
        return Err(DbError::bad_row("cases", "history"));
    };
    let next = case.state;
    let (handler, waiting_on, deadline, missing) = match &next {
        CaseState::InProgress { handler } => (Some(handler.clone()), None, None, Vec::new()),
        CaseState::Waiting {
            handler,
            on,
            deadline,
            missing,
        } => (Some(handler.clone()), Some(*on), *deadline, missing.clone()),
        _ => (None, None, None, Vec::new()),
    };
    let next_handler = handler.clone();
    let at_text = seteli_domain::clock::rfc3339(at);
    let state = next.name().as_str();
    let missing = serde_json::to_string(&missing).unwrap_or_else(|_| "[]".to_owned());
    let (by_kind, by_handler) = match &event.by {
        Party::Applicant => ("applicant", String::new()),
        Party::Handler(who) => ("handler", who.clone()),
        Party::System => ("system", String::new()),
    };
    let statements = vec![
        (
            "UPDATE cases SET state = ?3, handler = ?4, waiting_on = ?5, deadline = ?6, missing = ?7,
                    step = ?8, updated_at = ?9,
                    submitted_at = CASE WHEN ?3 = 'submitted' AND submitted_at IS NULL THEN ?9 ELSE submitted_at END,
                    reminded_for = CASE WHEN ?6 IS reminded_for THEN reminded_for ELSE NULL END
             WHERE id = ?1 AND step = ?2",
            vec![
                SqlValue::from(row.id),
                row.step.as_str().into(),
                state.into(),
                handler.map_or(SqlValue::Null, SqlValue::from),
                waiting_on.map_or(SqlValue::Null, |w| awaited_name(w).into()),
                deadline.map_or(SqlValue::Null, SqlValue::from),
                missing.into(),
                token.as_str().into(),
                at_text.as_str().into(),
            ],
        ),
        (
            "INSERT INTO case_events (case_id, at, by_kind, by_handler, by_name, from_state, to_state, comment)
             SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(row.id),
                token.as_str().into(),
                at_text.as_str().into(),
                by_kind.into(),
                by_handler.into(),
                by_name.into(),
                event.from.as_str().into(),
                state.into(),
                event.comment.into(),
            ],
        ),
    ];
    let mut statements = statements;
    // A case that comes to a handler by someone else's step (a colleague's hand-over, the
    // applicant's answer, the deadline job) is news to them: on their desk and by e-mail.
    if let Some(to) = next_handler.filter(|h| !matches!(&event.by, Party::Handler(by) if by == h)) {
        statements.extend(tell_handler(row.id, &token, &to, by_name, &at_text));
    }
    Ok(Ok(Planned {
        next,
        token,
        tell_applicant,
        statements,
    }))
}

/// A statement that fails its whole batch (the state's CHECK) unless case `id` is at `step`:
/// for a batch whose other statements are guarded by something else (deciding a decision
/// drafted from the case), or not guarded at all (a trail entry beside a step), so that
/// none of it is written once the case moved.
pub fn abort_unless_at(id: CaseId, step: &str) -> Statement {
    (
        "UPDATE cases SET state = 'moved_meanwhile' WHERE id = ?1 AND step != ?2",
        vec![SqlValue::from(id), step.into()],
    )
}

/// Whether case `id` is at the step `token`: `false` when another step was written after
/// it (the caller answers `case_changed`).
pub async fn confirm(db: &impl Database, id: CaseId, token: &str) -> Result<bool, DbError> {
    Ok(find(db, id).await?.is_some_and(|row| row.step == token))
}

fn awaited_name(on: Awaited) -> &'static str {
    match on {
        Awaited::Applicant => "applicant",
        Awaited::Consent => "consent",
        Awaited::Dvv => "dvv",
    }
}

/// One step of a case's history as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct EventRow {
    #[serde(with = "seteli_domain::clock::wire_time")]
    pub at: OffsetDateTime,
    pub by_name: String,
    pub from_state: StateName,
    pub to_state: StateName,
    pub comment: String,
}

/// The case's history, oldest first.
pub async fn history(db: &impl Database, id: CaseId) -> Result<Vec<EventRow>, DbError> {
    db.query(
        "SELECT at, by_name, from_state, to_state, comment FROM case_events WHERE case_id = ?1 ORDER BY id",
        &[SqlValue::from(id)],
    )
    .await
}

/// The case's history as people read it, oldest first.
pub async fn history_entries(
    db: &impl Database,
    id: CaseId,
) -> Result<Vec<seteli_domain::api::applications::HistoryEntry>, DbError> {
    Ok(history(db, id)
        .await?
        .into_iter()
        .map(|e| seteli_domain::api::applications::HistoryEntry {
            at: e.at,
            by_name: e.by_name,
            from: e.from_state,
            to: e.to_state,
            comment: e.comment,
        })
        .collect())
}

/// The id of the case a batch just made under `token` (its first step).
pub async fn id_by_token(db: &impl Database, token: &str) -> Result<CaseId, DbError> {
    let rows: Vec<crate::db::IdRow<CaseId>> = db
        .query("SELECT id FROM cases WHERE step = ?1", &[token.into()])
        .await?;
    rows.first()
        .map(|r| r.id)
        .ok_or_else(|| DbError("a new case was not found by its token".into()))
}

/// Cases waiting on the applicant (or on a consent a handler asked for) whose deadline
/// passed before `today`.
pub async fn overdue(db: &impl Database, today: Date) -> Result<Vec<CaseRow>, DbError> {
    db.query(
        &format!(
            "SELECT {CASE_COLUMNS} FROM cases c
             WHERE c.state = 'waiting' AND c.waiting_on IN ('applicant', 'consent') AND c.deadline < ?1
             ORDER BY c.id LIMIT 200"
        ),
        &[SqlValue::from(today)],
    )
    .await
}

/// Cases waiting on the applicant whose deadline is within `days` after `today` and whose
/// applicant has not been reminded of that deadline.
pub async fn to_remind(
    db: &impl Database,
    today: Date,
    last_day: Date,
) -> Result<Vec<CaseRow>, DbError> {
    db.query(
        &format!(
            "SELECT {CASE_COLUMNS} FROM cases c
             WHERE c.state = 'waiting' AND c.waiting_on = 'applicant'
               AND c.deadline > ?1 AND c.deadline <= ?2
               AND (c.reminded_for IS NULL OR c.reminded_for != c.deadline)
             ORDER BY c.id LIMIT 200"
        ),
        &[SqlValue::from(today), SqlValue::from(last_day)],
    )
    .await
}

/// Marks the applicant reminded of the case's current deadline, if the case is still at
/// step `step` (a reminder is sent once per deadline).
pub fn mark_reminded(id: CaseId, step: &str) -> Statement {
    (
        "UPDATE cases SET reminded_for = deadline
         WHERE id = ?1 AND step = ?2 AND (reminded_for IS NULL OR reminded_for != deadline)",
        vec![SqlValue::from(id), step.into()],
    )
}

/// The notice on handler `to`'s desk and the e-mail that a case came to them, written only
/// with the step `token` (a step refused for a stale token tells nobody).
fn tell_handler(id: CaseId, token: &str, to: &str, by_name: &str, at: &str) -> [Statement; 2] {
    let subject = format!("Seteli: asia {id} odottaa sinua / ärende {id} väntar på dig");
    let body = format!(
        "{by_name} siirsi asian {id} sinulle Seteli-palvelussa. Näet sen työpöydälläsi.\n\n\
         {by_name} överförde ärende {id} till dig i Seteli. Du ser det på ditt skrivbord."
    );
    [
        (
            "INSERT INTO staff_notices (username, kind, case_id, by_name, created_at)
             SELECT ?3, 'case_to_you', ?1, ?4, ?5
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                to.into(),
                by_name.into(),
                at.into(),
            ],
        ),
        (
            "INSERT INTO email_outbox (to_username, to_address, subject, body, created_at)
             SELECT ?3, (SELECT email FROM staff_members WHERE username = ?3), ?4, ?5, ?6
             WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1 AND step = ?2)",
            vec![
                SqlValue::from(id),
                token.into(),
                to.into(),
                subject.into(),
                body.into(),
                at.into(),
            ],
        ),
    ]
}
