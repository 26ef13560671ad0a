//! `/api/producer/statements..` and `/api/producer/account`: the company's monthly
//! settlements from every organiser that pays it (confirmed and paid, visit by visit), and
//! its bank account — a new one is in effect only once an organiser's finance confirms it.

use super::{agent, company, error};
use crate::db::settlements::{self as rows, accounts, Scope};
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::settlement::{NewAccount, Statements};
use seteli_domain::payment_file::Iban;
use seteli_domain::permissions::Action;
use seteli_domain::ErrorCode;

/// `GET /api/producer/statements`: the company's statements, newest month first.
/// Permission: [`Action::ProducerViewStatements`].
pub async fn handle_statements<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerViewStatements)?;
    let statements = rows::of_producer(&call.ctx.db, producer)
        .await?
        .iter()
        .map(|s| s.summary(call.lang))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApiResponse::private_json(200, &Statements { statements }))
}

/// `GET /api/producer/statements/{id}`: one statement visit by visit, with adjustments and
/// holds; another company's, or a draft, is 404. Permission:
/// [`Action::ProducerViewStatements`].
pub async fn handle_statement<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerViewStatements)?;
    let not_found = || error(ErrorCode::SettlementNotFound, call.lang);
    let id: i64 = call.id.parse().map_err(|_| not_found())?;
    let row = rows::find(&call.ctx.db, Scope::Producer(producer), id)
        .await?
        .ok_or_else(not_found)?;
    let view = rows::view(&call.ctx.db, &row, call.lang).await?;
    Ok(ApiResponse::private_json(200, &view))
}

/// `GET /api/producer/account`: the account in effect and one waiting. Permission:
/// [`Action::ProducerViewStatements`].
pub async fn handle_account<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerViewStatements)?;
    let view = accounts::of_producer(&call.ctx.db, producer).await?;
    Ok(ApiResponse::private_json(200, &view))
}

/// `POST /api/producer/account` `{iban}`: a new account for the company, waiting for an
/// organiser's finance (payments go to the account in effect meanwhile). Permission:
/// [`Action::ProducerSetAccount`].
pub async fn handle_set_account<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let agent = agent(call.actor, Action::ProducerSetAccount, call.lang)?;
    let body: NewAccount = call.body(ErrorCode::InvalidIban)?;
    let iban = Iban::parse(&body.iban).ok_or_else(|| {
        EdgeError::from(seteli_domain::ApiError::field(
            ErrorCode::InvalidIban,
            "iban",
            call.lang,
        ))
    })?;
    let name = format!("{} {}", agent.person.given_name, agent.person.family_name);
    let producer = agent.company.producer_id;
    accounts::enter(&call.ctx.db, producer, &iban, &name, &call.ctx.timestamp()).await?;
    let view = accounts::of_producer(&call.ctx.db, producer).await?;
    Ok(ApiResponse::private_json(201, &view))
}
