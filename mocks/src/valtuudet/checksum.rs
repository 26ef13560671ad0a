//! The `X-AsiointivaltuudetAuthorization` checksum header and the token call's HTTP Basic
//! header, computed and verified exactly as the Web API does.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{Duration, OffsetDateTime};

/// The header every call except the token exchange carries.
pub const HEADER: &str = "X-AsiointivaltuudetAuthorization";

/// A timestamp further than this from the server's clock is refused.
pub const MAX_SKEW: Duration = Duration::minutes(5);

/// `base64(HMAC-SHA256(key = api_key, message = path_and_query + " " + timestamp))`, where
/// `path_and_query` is the request target exactly as sent (no scheme or host).
pub fn checksum(api_key: &str, path_and_query: &str, timestamp: &str) -> String {
    STANDARD.encode(
        mac(api_key, path_and_query, timestamp)
            .finalize()
            .into_bytes(),
    )
}

/// The whole header value: `{client_id} {timestamp} {checksum}`.
pub fn header_value(
    client_id: &str,
    api_key: &str,
    path_and_query: &str,
    timestamp: &str,
) -> String {
    format!(
        "{client_id} {timestamp} {}",
        checksum(api_key, path_and_query, timestamp)
    )
}

/// `Basic base64(client_id:oauth_password)`, the token call's `Authorization` header.
pub fn basic_header(client_id: &str, oauth_password: &str) -> String {
    format!(
        "Basic {}",
        STANDARD.encode(format!("{client_id}:{oauth_password}"))
    )
}

fn mac(api_key: &str, path_and_query: &str, timestamp: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(api_key.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
    mac.update(path_and_query.as_bytes());
    mac.update(b" ");
    mac.update(timestamp.as_bytes());
    mac
}

/// Why a checksum header was refused. Each becomes a 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChecksumError {
    #[error("the X-AsiointivaltuudetAuthorization header is missing")]
    Missing,
    #[error("the X-AsiointivaltuudetAuthorization header must be `clientId timestamp checksum`")]
    Malformed,
    #[error("the client id in the X-AsiointivaltuudetAuthorization header is not registered")]
    UnknownClient,
    #[error("the timestamp is not ISO-8601 with an offset")]
    Timestamp,
    #[error("the timestamp is more than 5 minutes from the server's clock")]
    Stale,
    #[error("the checksum does not match the request path, query and timestamp")]
    Mismatch,
}

/// An ISO-8601 timestamp with an offset, e.g. `2017-02-09T10:29:42.09Z`.
pub fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::DEFAULT))
        .ok()
}

/// Verifies a header value against the request target as received and the server's `now`.
/// The HMAC is compared in constant time.
pub fn verify(
    header: Option<&str>,
    client_id: &str,
    api_key: &str,
    path_and_query: &str,
    now: OffsetDateTime,
) -> Result<(), ChecksumError> {
    let header = header.ok_or(ChecksumError::Missing)?;
    let mut parts = header.split(' ');
    let (Some(id), Some(timestamp), Some(sent), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ChecksumError::Malformed);
    };
    if id != client_id {
        return Err(ChecksumError::UnknownClient);
    }
    let at = parse_timestamp(timestamp).ok_or(ChecksumError::Timestamp)?;
    if (at - now).abs() > MAX_SKEW {
        return Err(ChecksumError::Stale);
    }
    let sent = STANDARD.decode(sent).map_err(|_| ChecksumError::Mismatch)?;
    mac(api_key, path_and_query, timestamp)
        .verify_slice(&sent)
        .map_err(|_| ChecksumError::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const VECTORS: &str = include_str!("../../tests/fixtures/valtuudet-checksum-vectors.json");

    /// Every published vector: its checksum, the header made of it, and that the mock accepts
    /// exactly that header at that time; and the published Basic header.
    #[test]
    fn the_published_vectors_match() {
        let doc: Value = serde_json::from_str(VECTORS).unwrap();
        let text = |value: &Value, name: &str| value[name].as_str().unwrap().to_owned();
        let (client, key) = (text(&doc, "client_id"), text(&doc, "api_key"));
        let vectors = doc["vectors"].as_array().unwrap();
        assert_eq!(vectors.len(), 3);
        for v in vectors {
            let [path, ts, expected] =
                ["path_and_query", "timestamp", "checksum"].map(|name| text(v, name));
            assert_eq!(checksum(&key, &path, &ts), expected, "{ts} {path}");
            let header = header_value(&client, &key, &path, &ts);
            assert_eq!(header, format!("{client} {ts} {expected}"));
            let at = parse_timestamp(&ts).unwrap();
            assert_eq!(verify(Some(&header), &client, &key, &path, at), Ok(()));
        }
        let basic = &doc["basic_auth"];
        let (id, password) = (text(basic, "client_id"), text(basic, "oauth_password"));
        assert_eq!(basic_header(&id, &password), text(basic, "header"));
    }

    #[test]
    fn both_published_timestamp_forms_parse_to_the_same_instant() {
        let a = parse_timestamp("2017-02-09T10:29:42.090000+00:00").unwrap();
        let b = parse_timestamp("2017-02-09T10:29:42.09Z").unwrap();
        assert_eq!(a, b);
        assert!(parse_timestamp("2017-02-09T12:29:42.09+02:00").is_some());
        assert!(parse_timestamp("2017-02-09 10:29:42").is_none());
        assert!(parse_timestamp("2017-02-09T10:29:42").is_none());
    }

    #[test]
    fn verification_refuses_every_kind_of_wrong_header() {
        let now = parse_timestamp("2017-02-09T10:29:42.09Z").unwrap();
        let path = "/service/hpa/user/register/ed4b7ae7/080297-915A?requestId=1";
        let ts = "2017-02-09T10:30:00Z";
        let good = header_value("ed4b7ae7", "k", path, ts);
        let check =
            |header: Option<&str>, path: &str, now| verify(header, "ed4b7ae7", "k", path, now);

        assert_eq!(check(Some(&good), path, now), Ok(()));
        assert_eq!(check(None, path, now), Err(ChecksumError::Missing));
        assert_eq!(
            check(Some(&good.replacen(' ', "  ", 1)), path, now),
            Err(ChecksumError::Malformed)
        );
        assert_eq!(
            check(Some(&good.replace("ed4b7ae7", "aaaaaaaa")), path, now),
            Err(ChecksumError::UnknownClient)
        );
        // The same path with its query encoded differently is another message.
        assert_eq!(
            check(Some(&good), &path.replace("=1", "=%31"), now),
            Err(ChecksumError::Mismatch)
        );
        let six_minutes_on = now + Duration::minutes(6);
        assert_eq!(
            check(Some(&good), path, six_minutes_on),
            Err(ChecksumError::Stale)
        );
        let wrong_key = header_value("ed4b7ae7", "other", path, ts);
        assert_eq!(
            check(Some(&wrong_key), path, now),
            Err(ChecksumError::Mismatch)
        );
        assert_eq!(
            check(Some("ed4b7ae7 yesterday abc"), path, now),
            Err(ChecksumError::Timestamp)
        );
    }
}
