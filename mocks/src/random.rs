//! Unguessable values: authorization codes, access tokens, session ids.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// 256 random bits as base64url (43 characters, safe in a URL path or query without escaping).
pub(crate) fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}
