//! `GET /api/public/municipalities` and `GET /api/public/services`.

use super::{public_json, requested_lang};
use crate::context::Ctx;
use crate::db::{catalogue, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use seteli_domain::permissions::{require, Action, Actor};

/// Every municipality using Seteli. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_municipalities<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(req)?;
    require(actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(
        &catalogue::municipalities(&ctx.db, lang).await?,
    ))
}

/// Every service vouchers are granted for. Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_services<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(req)?;
    require(actor, Action::ViewPublicCatalogue, lang)?;
    Ok(public_json(&catalogue::services(&ctx.db, lang).await?))
}
