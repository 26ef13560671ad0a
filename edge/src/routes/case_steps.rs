//! Taking a step on a case, for every audience: the engine plans it (or refuses with a
//! clear error), the step and whatever belongs to it are written in one batch, the
//! applicant is told when the engine says so, and a step that lost a race answers
//! `case_changed`.

use crate::db::cases::{self, CaseRow};
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::case::{CaseAction, CaseError, Party};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The error a refusal of the engine answers with.
pub fn refusal(error: CaseError, lang: Lang) -> EdgeError {
    match error {
        CaseError::NotInThisState | CaseError::DeadlineNotPassed => {
            ApiError::new(ErrorCode::CaseWrongState, lang).into()
        }
        CaseError::NotYours => ApiError::new(ErrorCode::CaseNotYours, lang).into(),
        CaseError::WaitNeedsItemsAndDeadline => {
            ApiError::field(ErrorCode::InvalidCaseStep, "missing", lang).into()
        }
        CaseError::SameHandler => ApiError::field(ErrorCode::InvalidCaseStep, "to", lang).into(),
    }
}

/// One step to take.
pub struct Step<'a> {
    pub action: CaseAction,
    pub by: Party,
    /// The person's name in the history.
    pub by_name: &'a str,
    pub comment: &'a str,
    /// What tells the applicant, given the step's token (when the engine says to tell).
    pub tell: &'a dyn Fn(&str) -> Statement,
    /// What else the step writes, given its token (each statement guarded by it).
    pub with: &'a dyn Fn(&str) -> Vec<Statement>,
}

/// Nothing besides the step.
pub fn nothing(_: &str) -> Vec<Statement> {
    Vec::new()
}

/// Takes `step` on the case in `row`.
pub async fn take<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    row: &CaseRow,
    step: Step<'_>,
) -> Result<(), EdgeError> {
    let token = crate::crypto::random_token()
        .ok_or_else(|| EdgeError::Internal("no randomness for a case step".into()))?;
    let planned = cases::plan(
        row,
        &step.action,
        step.by,
        step.by_name,
        step.comment,
        call.ctx.now,
        token,
    )?
    .map_err(|e| refusal(e, call.lang))?;
    let mut statements = planned.statements;
    // Nothing of the step is written unless it moved the case: not even what `with` adds
    // unguarded (a trail entry).
    statements.push(cases::abort_unless_at(row.id, &planned.token));
    if planned.tell_applicant {
        statements.push((step.tell)(&planned.token));
    }
    statements.extend((step.with)(&planned.token));
    match call.ctx.db.batch(&statements).await {
        Ok(()) => Ok(()),
        // Another step was written first: the batch wrote nothing.
        Err(e)
            if e.is_check_violation()
                && !cases::confirm(&call.ctx.db, row.id, &row.step).await? =>
        {
            Err(ApiError::new(ErrorCode::CaseChanged, call.lang).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// The body of a step with only a comment (take, release, reject …), the comment checked.
pub fn comment_of<D: Database, H: Outbound>(call: &Call<'_, D, H>) -> Result<String, EdgeError> {
    let body: seteli_domain::api::applications::StepComment =
        call.body(ErrorCode::InvalidCaseStep)?;
    seteli_domain::application::check_comment(&body.comment)
        .map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    Ok(body.comment)
}
