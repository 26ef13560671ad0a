//! `GET /api/public/offers`: the comparison of approved producers' current prices.

use super::public_json;
use crate::db::offers::{self, Comparison};
use crate::db::Database;
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
    let refused = |code| Err(ApiError::new(code, query.lang).into());
    match offers::current_page(&call.ctx.db, &query, call.ctx.today()).await? {
        Comparison::UnknownMunicipality => refused(ErrorCode::UnknownMunicipality),
        Comparison::UnknownService => refused(ErrorCode::UnknownService),
        Comparison::Page(page) => Ok(public_json(&page)),
    }
}
