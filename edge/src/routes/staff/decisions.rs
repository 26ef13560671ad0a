//! `/api/staff/decisions..` and `/api/staff/vouchers/{id}/..`: drafting a decision (with
//! an income-related value from the organiser's table), deciding it (which makes or
//! changes the voucher and tells the customer), delivering it, ending a voucher early and
//! annulling one under which nothing is logged.

use super::{field_error, member, organiser_name, refuse};
use crate::crypto::random_voucher_number;
use crate::db::desk::access_log::staff_view_statement;
use crate::db::desk::customers;
use crate::db::desk::deciding::{self, organiser_message, voucher_state};
use crate::db::desk::decisions::{self, DecisionRow, DecisionsOf, DraftRecord, Made};
use crate::db::desk::income;
use crate::db::{catalogue, Database, Statement};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::desk::{
    AnnulVoucher, ComputationView, Created, Deliver, EndVoucher, NewDecision,
};
use seteli_domain::api::MessageKind;
use seteli_domain::desk::{
    amended_balance, check_early_end, check_text, check_validity, decision_terms,
    AssessmentOutcome, DecisionStep, FieldError, StaffView, ValueRequest, MAX_TEXT,
};
use seteli_domain::ids::{DecisionId, VoucherId};
use seteli_domain::income::Household;
use seteli_domain::permissions::{Action, StaffMember};
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{Cents, ErrorCode};

/// `POST /api/staff/decisions`: a draft decision for the organiser's customer, on one of
/// their need assessments that found a need for a voucher (201 with the id). With
/// `amends_voucher_id`, a draft that changes that voucher when decided. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_draft<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffDecideVouchers, call.lang)?;
    let new: NewDecision = call.body(ErrorCode::InvalidDecision)?;
    let db = &call.ctx.db;
    let lang = call.lang;
    let customer = customers::find(db, &member.organiser, new.customer_id)
        .await?
        .ok_or_else(|| refuse(ErrorCode::CustomerNotFound, lang))?;
    let invalid = |field| {
        field_error(
            FieldError {
                code: ErrorCode::InvalidDecision,
                field,
            },
            lang,
        )
    };
    let assessment = crate::db::desk::assessments::assessments_of(
        db,
        &member.organiser,
        customer.id,
        Some(new.assessment_id),
        lang,
    )
    .await?
    .into_iter()
    .next()
    .filter(|a| a.outcome == AssessmentOutcome::Voucher && a.service_code == new.service_code)
    .ok_or_else(|| invalid("assessment_id"))?;
    let unit = catalogue::service_unit(db, &assessment.service_code)
        .await?
        .ok_or_else(|| invalid("service_code"))?;
    if let Some(voucher) = new.amends_voucher_id {
        let state = voucher_state(db, &member.organiser, voucher).await?;
        let amendable = state.is_some_and(|v| {
            v.customer_id == customer.id
                && v.status == VoucherStatus::Active
                && v.service_code == new.service_code.as_str()
        });
        if !amendable {
            return Err(invalid("amends_voucher_id"));
        }
    }
    let (from, service) = (new.application_id, &new.service_code);
    let application =
        super::residents::drafted_from(call, member, from, customer.id, service).await?;
    check_validity(new.valid_from, new.valid_until, ErrorCode::InvalidDecision)
        .map_err(|e| field_error(e, lang))?;
    let table = income::tables(db, &member.organiser, Some(&new.service_code), lang)
        .await?
        .into_iter()
        .next();
    let household = new.household.map(|h| Household {
        size: h.size,
        gross_monthly_income: h.gross_monthly_income_cents,
    });
    let request = ValueRequest {
        unit_value: new.unit_value_cents,
        granted_units: new.granted_units,
        granted_sum: new.granted_cents,
        household,
    };
    let domain_table = table.as_ref().map(|t| t.table());
    let terms =
        decision_terms(&request, domain_table.as_ref()).map_err(|e| field_error(e, lang))?;
    let computation_json = match (terms.computation, &table, household) {
        (Some(c), Some(t), Some(h)) => Some(
            serde_json::to_string(&ComputationView {
                household_size: h.size,
                gross_monthly_income_cents: h.gross_monthly_income,
                income_limit_cents: c.income_limit,
                reduction_basis_points: c.reduction_basis_points,
                excess_income_cents: c.excess_income,
                reduction_cents: c.reduction,
                full_value_cents: t.full_value_cents,
                minimum_value_cents: t.minimum_value_cents,
                units_per_month: t.units_per_month,
                value_cents: c.value,
                at_minimum: c.at_minimum,
            })
            .map_err(|e| EdgeError::Internal(e.to_string()))?,
        ),
        _ => None,
    };
    let at = call.ctx.timestamp();
    let draft = decisions::draft_statement(&DraftRecord {
        customer: customer.id,
        organiser: &member.organiser,
        municipality: customer.municipality_code.as_str(),
        assessment: assessment.id,
        service: &assessment.service_code,
        unit,
        unit_value: terms.unit_value,
        granted_units: terms.granted_units,
        granted: terms.granted,
        valid_from: new.valid_from,
        valid_until: new.valid_until,
        household: household.map(|h| (h.size, h.gross_monthly_income)),
        computation_json,
        amends: new.amends_voucher_id,
        application,
        drafted_by: &member.username,
        at: &at,
    });
    db.batch(&[
        draft,
        staff_view_statement(member, customer.id, StaffView::DecisionChange, &at),
    ])
    .await?;
    let id = decisions::made_by(db, Made::Decision, customer.id, &member.username, &at).await?;
    Ok(ApiResponse::private_json(201, &Created { id }))
}

/// The organiser's decision of the path, or 404.
async fn decision_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<DecisionRow, EdgeError> {
    let not_found = || refuse(ErrorCode::DecisionNotFound, call.lang);
    let id = DecisionId::parse(call.id).ok_or_else(not_found)?;
    decisions::decisions(
        &call.ctx.db,
        DecisionsOf::Organiser(&member.organiser),
        Some(id),
        None,
        None,
    )
    .await?
    .into_iter()
    .next()
    .ok_or_else(not_found)
}

/// `GET /api/staff/decisions/{id}`: the decision document (logged as a view of the
/// customer's data). Permission: [`Action::StaffViewCustomers`].
pub async fn handle_decision<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffViewCustomers, call.lang)?;
    let row = decision_of(call, member).await?;
    let at = call.ctx.timestamp();
    call.ctx
        .db
        .execute_statement(staff_view_statement(
            member,
            row.customer_id,
            StaffView::Decision,
            &at,
        ))
        .await?;
    Ok(ApiResponse::private_json(200, &row.document(call.lang)?))
}

/// Refuses `step` when the model does not allow it from the decision's state.
fn allowed(
    row: &DecisionRow,
    step: DecisionStep,
    lang: seteli_domain::Lang,
) -> Result<(), EdgeError> {
    row.status
        .after(step)
        .map(|_| ())
        .ok_or_else(|| refuse(ErrorCode::DecisionWrongState, lang))
}

/// `POST /api/staff/decisions/{id}/decide`: decides a draft. A first decision makes the
/// voucher (a random number with a check digit); an amendment changes its voucher, keeps
/// what was used and supersedes the decision in force. The customer is told through the
/// outbox, in the same batch. Answers the decision document. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_decide<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffDecideVouchers, call.lang)?;
    let row = decision_of(call, member).await?;
    allowed(&row, DecisionStep::Decide, call.lang)?;
    let db = &call.ctx.db;
    let at = call.ctx.timestamp();
    let year = call.ctx.today().year();
    let mut statements: Vec<Statement> = match row.amends_voucher_id {
        None => {
            let number = random_voucher_number()
                .ok_or_else(|| EdgeError::Internal("no randomness for a voucher number".into()))?;
            deciding::decide_new(row.id, &number, member, year, &at)
        }
        Some(voucher) => {
            let state = voucher_state(db, &member.organiser, voucher)
                .await?
                .filter(|v| v.status == VoucherStatus::Active)
                .ok_or_else(|| refuse(ErrorCode::DecisionWrongState, call.lang))?;
            let cents = |v: i64| Cents::new(v).map_err(|_| EdgeError::Internal("bad cents".into()));
            let old_balance = cents(state.balance_cents)?;
            let balance = amended_balance(
                cents(state.granted_cents)?,
                old_balance,
                cents(row.granted_cents)?,
            )
            .map_err(|e| field_error(e, call.lang))?;
            deciding::decide_amendment(row.id, voucher, old_balance, balance, member, year, &at)
        }
    };
    // A decision drafted from an application approves it in the same batch.
    if let Some(application) = row.case_id {
        statements.extend(super::residents::approving(call, member, application).await?);
    }
    let organiser = organiser_name(call, member).await?;
    statements.push(deciding::decided_message(
        row.customer_id,
        &organiser,
        row.id,
        &at,
    ));
    statements.push(staff_view_statement(
        member,
        row.customer_id,
        StaffView::DecisionChange,
        &at,
    ));
    match db.batch(&statements).await {
        Ok(()) => {}
        // Another decision of the organiser took the same number at the same moment (the
        // number is the year's highest plus one): nothing was written; deciding again works.
        Err(e) if e.is_unique_violation() => {
            return Err(refuse(ErrorCode::DecisionWrongState, call.lang))
        }
        // The application it answers moved meanwhile (`residents::approving`).
        Err(e) if row.case_id.is_some() && e.is_check_violation() => {
            return Err(refuse(ErrorCode::CaseChanged, call.lang))
        }
        Err(e) => return Err(e.into()),
    }
    let after = decision_of(call, member).await?;
    if after.status != seteli_domain::desk::DecisionStatus::Decided {
        // Another employee changed the voucher or decided first: the batch's guards left
        // everything as it was, the message included.
        return Err(refuse(ErrorCode::DecisionWrongState, call.lang));
    }
    Ok(ApiResponse::private_json(200, &after.document(call.lang)?))
}

/// `POST /api/staff/decisions/{id}/deliver` `{via}`: marks a decided decision delivered —
/// by message (queued at deciding) or marked for post. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_deliver<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffDecideVouchers, call.lang)?;
    let deliver: Deliver = call.body(ErrorCode::InvalidDecision)?;
    let row = decision_of(call, member).await?;
    allowed(&row, DecisionStep::Deliver, call.lang)?;
    let at = call.ctx.timestamp();
    call.ctx
        .db
        .batch(&[
            deciding::deliver(row.id, deliver.via, &at),
            staff_view_statement(member, row.customer_id, StaffView::DecisionChange, &at),
        ])
        .await?;
    let after = decision_of(call, member).await?;
    if after.status != seteli_domain::desk::DecisionStatus::Delivered {
        return Err(refuse(ErrorCode::DecisionWrongState, call.lang));
    }
    Ok(ApiResponse::private_json(200, &after.document(call.lang)?))
}

/// The organiser's active voucher of the path, or 404.
async fn voucher_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<deciding::VoucherState, EdgeError> {
    let not_found = || refuse(ErrorCode::VoucherNotFound, call.lang);
    let id = VoucherId::parse(call.id).ok_or_else(not_found)?;
    voucher_state(&call.ctx.db, &member.organiser, id)
        .await?
        .ok_or_else(not_found)
}

fn reason_error(lang: seteli_domain::Lang) -> impl Fn(FieldError) -> EdgeError {
    move |e| field_error(e, lang)
}

/// `POST /api/staff/vouchers/{id}/end` `{end_on, reason}`: ends an active voucher early;
/// the customer is told. Permission: [`Action::StaffDecideVouchers`].
pub async fn handle_end<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffDecideVouchers, call.lang)?;
    let end: EndVoucher = call.body(ErrorCode::InvalidDecision)?;
    let voucher = voucher_of(call, member).await?;
    if voucher.status != VoucherStatus::Active {
        return Err(refuse(ErrorCode::DecisionWrongState, call.lang));
    }
    check_early_end(
        end.end_on,
        voucher.valid_from,
        voucher.valid_until,
        call.ctx.today(),
    )
    .and_then(|()| check_text(&end.reason, MAX_TEXT, ErrorCode::InvalidDecision, "reason"))
    .map_err(reason_error(call.lang))?;
    let at = call.ctx.timestamp();
    let organiser = organiser_name(call, member).await?;
    call.ctx
        .db
        .batch(&[
            deciding::end_voucher(voucher.id, end.end_on, &end.reason, member),
            organiser_message(
                voucher.customer_id,
                MessageKind::VoucherEnded,
                &organiser,
                None,
                &at,
            ),
            staff_view_statement(member, voucher.customer_id, StaffView::VoucherChange, &at),
        ])
        .await?;
    Ok(ApiResponse::no_content())
}

/// `POST /api/staff/vouchers/{id}/annul` `{reason}`: annuls a voucher under which no event
/// is logged, and its decisions; the customer is told. Permission:
/// [`Action::StaffDecideVouchers`].
pub async fn handle_annul<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let member = member(call.actor, Action::StaffDecideVouchers, call.lang)?;
    let annul: AnnulVoucher = call.body(ErrorCode::InvalidDecision)?;
    let voucher = voucher_of(call, member).await?;
    check_text(
        &annul.reason,
        MAX_TEXT,
        ErrorCode::InvalidDecision,
        "reason",
    )
    .map_err(reason_error(call.lang))?;
    if voucher.status != VoucherStatus::Active {
        return Err(refuse(ErrorCode::DecisionWrongState, call.lang));
    }
    if voucher.recorded_events > 0 {
        return Err(refuse(ErrorCode::VoucherHasEvents, call.lang));
    }
    let at = call.ctx.timestamp();
    let organiser = organiser_name(call, member).await?;
    let mut statements = deciding::annul_voucher(voucher.id, &annul.reason, member);
    statements.push(organiser_message(
        voucher.customer_id,
        MessageKind::VoucherAnnulled,
        &organiser,
        None,
        &at,
    ));
    statements.push(staff_view_statement(
        member,
        voucher.customer_id,
        StaffView::VoucherChange,
        &at,
    ));
    call.ctx.db.batch(&statements).await?;
    Ok(ApiResponse::no_content())
}
