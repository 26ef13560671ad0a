//! `/api/staff/..`: the organiser's desk. Every handler asks the permission catalogue for
//! its action (the member's roles), and every query is limited to the member's organiser:
//! another organiser's customer, decision, voucher or event answers 404 exactly like one
//! that does not exist. Every view of a customer's data is logged for the customer to read.

mod applications;
mod approvals;
pub mod authorisation_holdings;
pub mod authorisation_import;
pub mod authorisation_orders;
pub mod authorisation_steps;
pub mod authorisations;
pub mod case_work;
mod customers;
mod decisions;
mod deliveries;
mod desk;
mod events;
mod proxies;
pub mod reports;
pub mod resident_applications;
pub mod settlements;

pub use resident_applications as residents;

pub use applications::{
    handle_approve as handle_approve_application, handle_attachment,
    handle_get as handle_application, handle_queue,
};
// The kinds of case the organiser's staff work, whose common steps are `case_work`'s.
pub use crate::db::applications::ApplicationRow as ProducerApplication;
pub use crate::db::authorisations::orders::OrderRow as AuthorisationOrder;
pub use crate::db::resident_applications::ResidentRow as ResidentApplication;
pub use approvals::{handle_list as handle_approvals, handle_supervise};
pub use customers::{
    handle_card, handle_contact, handle_create, handle_record_assessment, handle_reveal,
    handle_search,
};
pub use decisions::{
    handle_annul, handle_decide, handle_decision, handle_deliver, handle_draft, handle_end,
};
pub use deliveries::{handle_list as handle_deliveries, handle_release as handle_release_delivery};
pub use desk::{handle_desk, handle_income_tables, handle_set_income_table};
pub use events::{handle_check_event, handle_events};
pub use proxies::{handle_end_proxy, handle_register_proxy};

use crate::db::desk::customers::{self as customer_rows, CustomerRow};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::desk::FieldError;
use seteli_domain::ids::CustomerId;
use seteli_domain::payment_file::decimal_euros;
use seteli_domain::permissions::{require, Action, Actor, StaffMember};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The staff member, after the permission catalogue allowed `action`.
fn member(actor: &Actor, action: Action, lang: Lang) -> Result<&StaffMember, EdgeError> {
    require(actor, action, lang)?;
    match actor {
        Actor::Staff(member) => Ok(member),
        _ => Err(ApiError::new(ErrorCode::Forbidden, lang).into()),
    }
}

/// A refusal naming the field to correct.
fn field_error(error: FieldError, lang: Lang) -> EdgeError {
    ApiError::field(error.code, error.field, lang).into()
}

/// A refusal naming the settlement or report field to correct.
fn bad_field<D: Database, H: Outbound>(call: &Call<'_, D, H>, field: &'static str) -> EdgeError {
    field_error(
        FieldError {
            code: ErrorCode::InvalidSettlement,
            field,
        },
        call.lang,
    )
}

/// Cents as euros with a decimal point and a minus when negative, as a ledger reads them.
fn csv_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}", decimal_euros(cents.saturating_abs()))
}

/// `records` under `header` as a CSV download named `file_name`.
fn csv_file(
    file_name: &str,
    header: &[&str],
    records: impl IntoIterator<Item = Vec<String>>,
) -> Result<ApiResponse, EdgeError> {
    let failed = |e: csv::Error| EdgeError::Internal(format!("csv: {e}"));
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(header).map_err(failed)?;
    for record in records {
        csv.write_record(&record).map_err(failed)?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| EdgeError::Internal(format!("csv: {e}")))?;
    Ok(ApiResponse::attachment(
        "text/csv; charset=utf-8",
        file_name,
        bytes,
    ))
}

fn refuse(code: ErrorCode, lang: Lang) -> EdgeError {
    ApiError::new(code, lang).into()
}

/// The path's customer, if the member's organiser serves them; 404 otherwise.
async fn customer_of<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<CustomerRow, EdgeError> {
    let not_found = || refuse(ErrorCode::CustomerNotFound, call.lang);
    let id = CustomerId::parse(call.id).ok_or_else(not_found)?;
    customer_rows::find(&call.ctx.db, &member.organiser, id)
        .await?
        .ok_or_else(not_found)
}

/// The organiser's name in the request's language, for messages and documents.
async fn organiser_name<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
    member: &StaffMember,
) -> Result<String, EdgeError> {
    Ok(
        crate::db::organisers::name(&call.ctx.db, &member.organiser, seteli_domain::Lang::Fi)
            .await?
            .unwrap_or_else(|| member.organiser.as_str().to_owned()),
    )
}
