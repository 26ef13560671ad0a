//! How failures become answers: an [`ApiError`] goes to the client as it is; anything else is
//! logged with its whole cause at the edge and reaches the client only as a reference id.

use crate::db::DbError;
use seteli_domain::{ApiError, Lang};

/// A failure inside a handler.
#[derive(Debug)]
pub enum EdgeError {
    /// The client's problem, told to the client.
    Api(ApiError),
    /// Our problem: the cause is logged, never sent.
    Internal(String),
}

impl From<ApiError> for EdgeError {
    fn from(e: ApiError) -> Self {
        EdgeError::Api(e)
    }
}

impl From<DbError> for EdgeError {
    fn from(e: DbError) -> Self {
        EdgeError::Internal(format!("database: {}", e.0))
    }
}

impl EdgeError {
    /// Turns the failure into what the client sees, logging internal causes under a fresh
    /// reference id. Causes never hold identity codes: handlers put none in them.
    pub fn into_api_error(self, lang: Lang) -> ApiError {
        match self {
            EdgeError::Api(e) => e,
            EdgeError::Internal(cause) => {
                let reference = reference_id();
                log_error(&format!("internal error {reference}: {cause}"));
                ApiError::internal(reference, lang)
            }
        }
    }
}

/// A short random id that ties a user's report to the log line.
fn reference_id() -> String {
    let mut bytes = [0u8; 6];
    // If the platform's randomness fails, a fixed id still lets the error be answered.
    if getrandom::fill(&mut bytes).is_err() {
        return "000000000000".to_owned();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(target_arch = "wasm32")]
fn log_error(line: &str) {
    worker::console_error!("{line}");
}

#[cfg(not(target_arch = "wasm32"))]
fn log_error(line: &str) {
    eprintln!("{line}");
}

/// Logs something worth knowing that the user has already been told about (a refused
/// login, an unreachable provider). Callers never include identity codes.
#[cfg(target_arch = "wasm32")]
pub fn log_warning(line: &str) {
    worker::console_warn!("{line}");
}

/// Logs something worth knowing that the user has already been told about.
#[cfg(not(target_arch = "wasm32"))]
pub fn log_warning(line: &str) {
    eprintln!("warning: {line}");
}
