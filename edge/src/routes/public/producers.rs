//! `GET /api/public/producers/{id}`: an approved producer's public profile.

use super::{public_json, requested_lang};
use crate::context::Ctx;
use crate::db::{producers, Database};
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse};
use crate::outbound::Outbound;
use seteli_domain::ids::ProducerId;
use seteli_domain::permissions::{require, Action, Actor};
use seteli_domain::{ApiError, ErrorCode};

/// The profile with every approved service and its price today. An unknown id, a malformed
/// id and a producer without approval all answer the same 404.
/// Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_get<D: Database, H: Outbound>(
    req: &ApiRequest,
    ctx: &Ctx<D, H>,
    actor: &Actor,
    id: &str,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(req)?;
    require(actor, Action::ViewPublicCatalogue, lang)?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::ProducerNotFound, lang));
    let id = ProducerId::parse(id).ok_or_else(not_found)?;
    match producers::public_profile(&ctx.db, id, lang, &ctx.today()).await? {
        Some(profile) => Ok(public_json(&profile)),
        None => Err(not_found()),
    }
}
