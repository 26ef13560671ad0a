//! The API's routes: one table from method and path to handler.

use crate::db::Database;
use crate::error::EdgeError;
use crate::http::{ApiRequest, ApiResponse, Method};
use crate::routes::public;
use seteli_domain::permissions::Actor;
use seteli_domain::{ApiError, ErrorCode};

/// What a handler may use: the database, today's date in Finland (from an injected clock),
/// and who is asking.
pub struct Ctx<D: Database> {
    pub db: D,
    /// `YYYY-MM-DD`, Finnish calendar date.
    pub today: String,
    pub actor: Actor,
}

/// Answers one API request. Never fails: every error becomes an `ApiError` response.
pub async fn handle<D: Database>(req: &ApiRequest, ctx: &Ctx<D>) -> ApiResponse {
    match route(req, ctx).await {
        Ok(response) => response,
        Err(error) => ApiResponse::error(&error.into_api_error(req.lang())),
    }
}

async fn route<D: Database>(req: &ApiRequest, ctx: &Ctx<D>) -> Result<ApiResponse, EdgeError> {
    let segments: Vec<&str> = req.path.trim_matches('/').split('/').collect();
    let (method, allowed) = (req.method, Method::Get);
    match segments.as_slice() {
        ["api", "public", "municipalities"] if method == allowed => {
            public::catalogue::handle_municipalities(req, ctx).await
        }
        ["api", "public", "services"] if method == allowed => {
            public::catalogue::handle_services(req, ctx).await
        }
        ["api", "public", "offers"] if method == allowed => {
            public::offers::handle_list(req, ctx).await
        }
        ["api", "public", "producers", id] if method == allowed => {
            public::producers::handle_get(req, ctx, id).await
        }
        ["api", "public", "municipalities" | "services" | "offers"]
        | ["api", "public", "producers", _] => {
            let error = ApiError::new(ErrorCode::MethodNotAllowed, req.lang());
            Ok(ApiResponse::error(&error).with_header("allow", "GET"))
        }
        _ => Err(ApiError::new(ErrorCode::NotFound, req.lang()).into()),
    }
}
