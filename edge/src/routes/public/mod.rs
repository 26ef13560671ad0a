//! `/api/public/..`: the comparison anyone may read without logging in.

pub mod catalogue;
pub mod offers;
pub mod producers;

use crate::http::{ApiRequest, ApiResponse};
use crate::public_cache::PUBLIC_MAX_AGE_SECS;
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
    public_answer(ApiResponse::json(200, value).body)
}

/// The answer with public data `body` (JSON), as first made and as served from the cache.
pub fn public_answer(body: String) -> ApiResponse {
    ApiResponse {
        status: 200,
        headers: vec![("content-type", "application/json; charset=utf-8".to_owned())],
        body,
        bytes: Vec::new(),
    }
    .with_header(
        "cache-control",
        format!("public, max-age={PUBLIC_MAX_AGE_SECS}"),
    )
    .with_header("access-control-allow-origin", "*")
    .with_header("vary", "accept-language")
}
