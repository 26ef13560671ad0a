//! `GET /api/public/municipalities` and `GET /api/public/services`.

use super::{public_json, requested_lang};
use crate::db::{catalogue, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::router::Ctx;
use seteli_domain::permissions::{require, Action};

/// Every municipality using Seteli. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_municipalities<D: Database>(
    req: &ApiRequest,
    ctx: &Ctx<D>,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(req)?;
    require(&ctx.actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(
        &catalogue::municipalities(&ctx.db, lang).await?,
    ))
}

/// Every service vouchers are granted for. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_services<D: Database>(
    req: &ApiRequest,
    ctx: &Ctx<D>,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(req)?;
    require(&ctx.actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(&catalogue::services(&ctx.db, lang).await?))
}
