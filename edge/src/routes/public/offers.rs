//! `GET /api/public/offers`: the comparison of approved producers' current prices.

use super::public_json;
use crate::db::{catalogue, offers, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::comparison::OffersQuery;
use seteli_domain::permissions::{require, Action};
use seteli_domain::{ApiError, ErrorCode};

/// One page of offers for a municipality and service; own shares when a voucher value is
/// given. Unknown codes are 400, not an empty list, so a mistyped link says so.
/// Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_list<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let query = OffersQuery::from_pairs(call.req.query_pairs())?;
    require(call.actor, Action::ViewPublicCatalogue, query.lang)?;
    if !catalogue::municipality_exists(&call.ctx.db, &query.municipality).await? {
        return Err(ApiError::new(ErrorCode::UnknownMunicipality, query.lang).into());
    }
    if !catalogue::service_exists(&call.ctx.db, &query.service).await? {
        return Err(ApiError::new(ErrorCode::UnknownService, query.lang).into());
    }
    Ok(public_json(
        &offers::current_page(&call.ctx.db, &query, &call.ctx.today()).await?,
    ))
}
