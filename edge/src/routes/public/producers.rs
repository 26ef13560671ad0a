//! `GET /api/public/producers/{id}`: an approved producer's public profile.

use super::{public_json, requested_lang};
use crate::db::{producers, Database};
use crate::error::EdgeError;
use crate::http::ApiResponse;
use crate::outbound::Outbound;
use crate::routes::Call;
use seteli_domain::ids::ProducerId;
use seteli_domain::permissions::{require, Action};
use seteli_domain::{ApiError, ErrorCode};

/// The profile with every approved service and its price today. An unknown id, a malformed
/// id and a producer without approval all answer the same 404.
/// Permission: [`Action::ViewPublicCatalogue`].
pub async fn handle_get<D: Database, H: Outbound>(
    call: &Call<'_, D, H>,
) -> Result<ApiResponse, EdgeError> {
    let lang = requested_lang(call.req)?;
    require(call.actor, Action::ViewPublicCatalogue, lang)?;
    let not_found = || EdgeError::from(ApiError::new(ErrorCode::ProducerNotFound, lang));
    let id = ProducerId::parse(call.id).ok_or_else(not_found)?;
    match producers::public_profile(&call.ctx.db, id, lang, call.ctx.today()).await? {
        Some(profile) => Ok(public_json(&profile)),
        None => Err(not_found()),
    }
}
