//! Random tokens and hashes for logins and sessions.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A random 256-bit token, base64url without padding (43 characters). `None` only if the
/// platform has no randomness, in which case no login or session may be created.
pub fn random_token() -> Option<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).ok()?;
    Some(URL_SAFE_NO_PAD.encode(bytes))
}

/// A random (version 4) UUID, e.g. for the `requestId` of a Valtuudet call. `None` only if
/// the platform has no randomness.
pub fn random_uuid() -> Option<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).ok()?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}

/// A random voucher number (11 random digits and a check digit): never a sequence, so a
/// number cannot be guessed from another. `None` only if the platform has no randomness.
pub fn random_voucher_number() -> Option<seteli_domain::voucher::VoucherNumber> {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).ok()?;
    // A body of 10^10..10^11 keeps every number 11 digits long without a leading zero.
    let body = 10_000_000_000 + u64::from_le_bytes(b) % 90_000_000_000;
    seteli_domain::voucher::VoucherNumber::from_body(body)
}

/// SHA-256 as lowercase hex: how cookie ids are stored.
pub fn sha256_hex(input: &str) -> String {
    Sha256::digest(input.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A key derived from a personal identity code for one `purpose` (e.g. `voucher-lookups`):
/// HMAC-SHA256 under the deployment's secret, as lowercase hex. Without the secret a copy
/// of the database cannot be searched by identity code (the codes are few enough to try
/// them all against a bare hash), and keys of different purposes cannot be joined.
pub fn identity_key(secret: &str, purpose: &str, hetu: &str) -> String {
    use hmac::{Hmac, Mac};
    // HMAC takes a key of any length, so this cannot fail; an empty key is refused by the
    // configuration before it gets here.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(purpose.as_bytes());
    mac.update(b"\0");
    mac.update(hetu.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The PKCE S256 code challenge of a verifier (RFC 7636): BASE64URL(SHA256(verifier)).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Compares secrets without revealing, through timing, where they first differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_keys_depend_on_the_secret_and_the_purpose() {
        let key = identity_key("secret", "voucher-lookups", "140334-912M");
        assert_eq!(key.len(), 64);
        assert_ne!(key, sha256_hex("140334-912M"));
        assert_ne!(key, identity_key("other", "voucher-lookups", "140334-912M"));
        assert_ne!(key, identity_key("secret", "producer-log", "140334-912M"));
        assert_eq!(
            key,
            identity_key("secret", "voucher-lookups", "140334-912M")
        );
        // HMAC-SHA256(key, purpose || 0x00 || code), computed independently.
        assert_eq!(
            key,
            "f6230f388eade55b2d1b63897b61587d7efe8bbafb943fd3134e9a91a7d2c43c"
        );
    }

    #[test]
    fn uuids_are_version_4_and_differ() {
        let (a, b) = (random_uuid().unwrap(), random_uuid().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn tokens_are_256_bits_and_differ() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
    }

    #[test]
    fn pkce_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn constant_time_eq_compares_exactly() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
