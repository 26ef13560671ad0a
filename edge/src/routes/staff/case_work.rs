//! What the organiser's staff do alike on every kind of case they work through the case
//! engine — producers' applications, residents' applications, authorisation orders: take
//! one from the queue, release it, hand it over to a colleague who works such cases, ask
//! the applicant for more, reject it with reasons, and take any other step a kind has.
//! Each step is written in one batch with what the kind always adds, tells the case's party
//! when the engine says so, and answers with the case as it now is.

use super::{member, organiser_name};
use crate::db::applications::writes::handlers_with_role;
use crate::db::cases::CaseRow;
use crate::db::{Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::case_steps::{self, comment_of, Step};
use crate::routes::Call;
use seteli_domain::api::applications::{AskForMore, HandOver};
use seteli_domain::application::{check_ask, check_comment, check_reasons};
use seteli_domain::case::{Awaited, CaseAction, Party};
use seteli_domain::permissions::{Action, StaffMember, StaffRole};
use seteli_domain::{ApiError, ErrorCode};

/// A kind of case the organiser's staff work: a case read with what its routes need.
pub(crate) trait WorkedCase: Sized {
    /// The permission every route on these cases asks for.
    const ACTION: Action;
    /// The role of the colleagues a case may be handed to.
    const WORKED_BY: StaffRole;

    /// The path's case, if the member may work it (their organiser's, never a draft); the
    /// kind's own "not found" otherwise, the same for another organiser's case as for a
    /// missing one.
    async fn of_path<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<Self, EdgeError>;

    fn case(&self) -> &CaseRow;

    /// The name the case's party is told a step by: the organiser's, unless the kind says
    /// the person's.
    async fn signer<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<String, EdgeError> {
        organiser_name(call, member).await
    }

    /// What tells the party of the step with `token`, when the engine says to tell.
    fn tell(&self, by: &StepBy<'_>, token: &str) -> Statement;

    /// What every step on such a case writes besides, guarded by `token` (a log line, an
    /// e-mail).
    fn always(&self, _by: &StepBy<'_>, _token: &str) -> Vec<Statement> {
        Vec::new()
    }

    /// The path's case as the member reads it now.
    async fn answer<D: Database, H: Outbound>(
        call: &Call<'_, D, H>,
        member: &StaffMember,
    ) -> Result<ApiResponse, EdgeError>;
}

/// Who takes a step, and when.
pub(crate) struct StepBy<'a> {
    pub member: &'a StaffMember,
    /// [`WorkedCase::signer`].
    pub signer: String,
    pub at: String,
}

/// Nothing besides what the kind always writes.
pub(crate) fn nothing<K>(_: &str, _: &K) -> Vec<Statement> {
    Vec::new()
}

/// Takes `action` on `case` (already read, and checked by the caller) as the member, writing
/// what `with` adds (given the step's token and the case), guarded by the token.
pub(crate) async fn step<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
    case: &K,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str, &K) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let by = StepBy {
        member,
        signer: K::signer(call, member).await?,
        at: call.ctx.timestamp(),
    };
    let name = member.full_name();
    let tell = |token: &str| case.tell(&by, token);
    let also = |token: &str| {
        let mut statements = case.always(&by, token);
        statements.extend(with(token, case));
        statements
    };
    case_steps::take(
        call,
        case.case(),
        Step {
            action,
            by: Party::Handler(member.username.clone()),
            by_name: &name,
            comment,
            tell: &tell,
            with: &also,
        },
    )
    .await?;
    K::answer(call, member).await
}

/// [`step`] on the path's case.
pub(crate) async fn step_on_path<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    action: CaseAction,
    comment: &str,
    with: &dyn Fn(&str, &K) -> Vec<Statement>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, K::ACTION, call.lang)?;
    let case = K::of_path(call, member).await?;
    step(call, member, &case, action, comment, with).await
}

/// `POST …/{id}/take` `{comment}`: the member takes a case from the queue. Permission:
/// `K::ACTION`.
pub(crate) async fn handle_take<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, K::ACTION, call.lang)?;
    let comment = comment_of(call)?;
    step_on_path::<K, _, _>(call, CaseAction::Take, &comment, &nothing).await
}

/// `POST …/{id}/release` `{comment}`: back to the queue, for any colleague to take.
/// Permission: `K::ACTION`.
pub(crate) async fn handle_release<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, K::ACTION, call.lang)?;
    let comment = comment_of(call)?;
    step_on_path::<K, _, _>(call, CaseAction::Release, &comment, &nothing).await
}

/// `POST …/{id}/hand-over` `{to, comment}`: to another of the organiser's staff with the
/// role that works these cases (one who has logged in). Permission: `K::ACTION`.
pub(crate) async fn handle_hand_over<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, K::ACTION, call.lang)?;
    let case = K::of_path(call, member).await?;
    let body: HandOver = call.body(ErrorCode::InvalidCaseStep)?;
    check_comment(&body.comment).map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    let colleagues =
        handlers_with_role(&call.ctx.db, &member.organiser, K::WORKED_BY.as_str()).await?;
    if !colleagues.iter().any(|(username, _)| *username == body.to) {
        return Err(ApiError::field(ErrorCode::InvalidCaseStep, "to", call.lang).into());
    }
    let action = CaseAction::HandOver { to: body.to };
    step(call, member, &case, action, &body.comment, &nothing).await
}

/// `POST …/{id}/ask` `{items, deadline, comment}`: more information needed by a deadline;
/// the applicant is told, sees the items and answers. Permission: `K::ACTION`.
pub(crate) async fn handle_ask<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, K::ACTION, call.lang)?;
    let body: AskForMore = call.body(ErrorCode::InvalidCaseStep)?;
    let missing = check_ask(&body, call.ctx.today())
        .map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    let action = CaseAction::Wait {
        on: Awaited::Applicant,
        deadline: Some(body.deadline),
        missing,
    };
    step_on_path::<K, _, _>(call, action, &body.comment, &nothing).await
}

/// `POST …/{id}/reject` `{comment}`: rejects with reasons (required), which the party
/// reads (an applicant with how to appeal). Permission: `K::ACTION`.
pub(crate) async fn handle_reject<K: WorkedCase, D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    member(call.actor, K::ACTION, call.lang)?;
    let comment = comment_of(call)?;
    check_reasons(&comment).map_err(|e| ApiError::field(e.code, e.field, call.lang))?;
    step_on_path::<K, _, _>(call, CaseAction::Reject, &comment, &nothing).await
}
