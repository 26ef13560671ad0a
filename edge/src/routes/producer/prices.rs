//! `/api/producer/prices`: the company's approved services with their prices, and new
//! prices from a later day on.

use super::company;
use super::error;
use crate::db::producer_desk as desk;
use crate::db::Database;
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::api::NewPrice;
use seteli_domain::permissions::Action;
use seteli_domain::producer::valid_price_start;
use seteli_domain::ErrorCode;

/// `GET /api/producer/prices`. Permission: [`Action::ProducerView`].
pub async fn handle_prices<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerView)?;
    let list = desk::services_of(&call.ctx.db, producer, call.ctx.today(), call.lang).await?;
    Ok(ApiResponse::private_json(200, &list))
}

/// `POST /api/producer/prices`: a price for an approved service from a later day on.
/// Permission: [`Action::ProducerSetPrices`].
pub async fn handle_set_price<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let producer = company(call, Action::ProducerSetPrices)?;
    let price: NewPrice = call.body(ErrorCode::InvalidPrice)?;
    let starts_later = valid_price_start(price.valid_from, call.ctx.today());
    if !starts_later || price.price_cents.get() > 1_000_000_000 {
        return Err(error(ErrorCode::InvalidPrice, call.lang));
    }
    let stored = desk::set_price(
        &call.ctx.db,
        producer,
        price.municipality_code.as_str(),
        price.service_code.as_str(),
        price.valid_from,
        price.price_cents,
    )
    .await?;
    if !stored {
        return Err(error(ErrorCode::InvalidPrice, call.lang));
    }
    let list = desk::services_of(&call.ctx.db, producer, call.ctx.today(), call.lang).await?;
    Ok(ApiResponse::private_json(201, &list))
}
