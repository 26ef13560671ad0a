//! `/api/public/..`: the comparison anyone may read without logging in.

pub mod catalogue;
pub mod offers;
pub mod producers;

use crate::http::{ApiRequest, ApiResponse};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The `lang` parameter when given (a wrong one is refused), else the browser's language.
pub(crate) fn requested_lang(req: &ApiRequest) -> Result<Lang, ApiError> {
    match req.query_param("lang") {
        Some(code) => {
            Lang::parse(code).ok_or_else(|| ApiError::new(ErrorCode::InvalidLanguage, Lang::En))
        }
        None => Ok(req.lang()),
    }
}

/// Public data: cacheable for a minute, readable from any origin (the app may be hosted
/// statically elsewhere), and varying by language.
pub(crate) fn public_json<T: serde::Serialize>(value: &T) -> ApiResponse {
    ApiResponse::json(200, value)
        .with_header("cache-control", "public, max-age=60")
        .with_header("access-control-allow-origin", "*")
        .with_header("vary", "accept-language")
}
