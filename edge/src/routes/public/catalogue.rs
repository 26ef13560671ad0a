//! `GET /api/public/municipalities` and `GET /api/public/services`.

use super::{public_json, requested_lang};
use crate::db::{catalogue, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::permissions::{require, Action};

/// Every municipality using Seteli. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_municipalities<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(call.req)?;
    require(call.actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(
        &catalogue::municipalities(&call.ctx.db, lang).await?,
    ))
}

/// Every service vouchers are granted for. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_services<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(call.req)?;
    require(call.actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(&catalogue::services(&call.ctx.db, lang).await?))
}
