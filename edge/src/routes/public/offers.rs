//! `GET /api/public/offers`: the comparison of approved producers' current prices.

use super::public_json;
use crate::context::Ctx;
use crate::db::{catalogue, offers, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use seteli_domain::comparison::OffersQuery;
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::{ApiError, ErrorCode};

/// One page of offers for a municipality and service; own shares when a voucher value is
/// given. Unknown codes are 400, not an empty list, so a mistyped link says so.
/// Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_list<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let query = OffersQuery::from_pairs(req.query_pairs())?;
    require(actor, Action::ViewPublicCatalogue, query.lang)?;
    if !catalogue::municipality_exists(&ctx.db, &query.municipality).await? {
        return Err(ApiError::new(ErrorCode::UnknownMunicipality, query.lang).into());
    }
    if !catalogue::service_exists(&ctx.db, &query.service).await? {
        return Err(ApiError::new(ErrorCode::UnknownService, query.lang).into());
    }
    Ok(public_json(
        &offers::current_page(&ctx.db, &query, &ctx.today()).await?,
    ))
}
