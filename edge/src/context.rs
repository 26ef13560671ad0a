//! What every handler gets: the request's context (database, outbound HTTP, configuration, the
//! time of the request) and the deployment's configuration. Depends on nothing above it.

use crate::db::Database;
use crate::error::EdgeError;
use crate::oidc::OidcConfig;
use crate::outbound::Outbound;
use crate::registry::YtjConfig;
use crate::valtuudet::ValtuudetConfig;
use seteli_domain::clock::finnish_date;
use time::OffsetDateTime;

/// The deployment's configuration (wrangler vars and secrets; see README).
#[derive(Debug, Clone)]
pub struct Config {
    /// Where users reach Seteli, e.g. `https://seteli.porvoo.fi`: the OAuth redirect URI and
    /// the same-origin rule derive from it.
    pub public_url: String,
    /// The citizens' identity provider; `None` when not configured (login then explains
    /// that identification is unavailable).
    pub citizen_oidc: Option<OidcConfig>,
    /// The staff identity provider (a separate issuer and client); `None` when not configured.
    pub staff_oidc: Option<OidcConfig>,
    /// The ID-token claim that carries the personal identity code.
    pub hetu_claim: String,
    /// Suomi.fi-valtuudet; `None` when not configured (acting for others through it then
    /// explains that the service is unavailable, and grants nothing).
    pub valtuudet: Option<ValtuudetConfig>,
    /// How long a read for a principal may rely on the last confirmed right (seconds, at
    /// most [`MAX_RIGHTS_CACHE_SECS`]); writes always ask Valtuudet again.
    pub rights_cache_secs: i64,
    /// PRH's open data YTJ API v3, the company registry (`YTJ_BASE_URL`; in production
    /// `https://avoindata.prh.fi`, which needs no credentials); `None` when not configured,
    /// and then a producer applicant's company is checked by hand.
    pub ytj: Option<YtjConfig>,
    /// Suomi.fi Messages, which delivers the outbox; `None` when not configured, and then
    /// messages wait in the outbox.
    pub messages: Option<crate::messages::MessagesConfig>,
    /// The secret (`IDENTITY_KEY_SECRET`) under which keys derived from identity codes are
    /// HMACs; `None` when not configured, and then nothing that needs such a key works.
    pub identity_key_secret: Option<String>,
}

/// The longest a read may rely on an earlier Valtuudet answer.
pub const MAX_RIGHTS_CACHE_SECS: i64 = 300;

/// The claim Suomi.fi e-Identification uses for the identity code (nationalIdentificationNumber).
pub const DEFAULT_HETU_CLAIM: &str = "urn:oid:1.2.246.21";

/// What a handler may use: the database, the outside world, the configuration, and the
/// time of the request from an injected clock.
pub struct Ctx<D: Database, H: Outbound> {
    pub db: D,
    pub http: H,
    /// Attachments' bytes (R2 in the Worker).
    pub blobs: std::rc::Rc<dyn crate::blobs::BlobStore>,
    pub config: Config,
    pub now: OffsetDateTime,
}

impl<D: Database, H: Outbound> Ctx<D, H> {
    /// Unix seconds of the request.
    pub fn unix_now(&self) -> i64 {
        self.now.unix_timestamp()
    }

    /// The key derived from `hetu` for `purpose` (see [`crate::crypto::identity_key`]); an
    /// internal error when the deployment has no secret for it.
    pub fn identity_key(&self, purpose: &str, hetu: &str) -> Result<String, EdgeError> {
        match self.config.identity_key_secret.as_deref() {
            Some(secret) if !secret.is_empty() => {
                Ok(crate::crypto::identity_key(secret, purpose, hetu))
            }
            _ => Err(EdgeError::Internal(
                "IDENTITY_KEY_SECRET is not configured".into(),
            )),
        }
    }

    /// The time of the request as an RFC 3339 timestamp (UTC), as `created_at` columns hold it.
    pub fn timestamp(&self) -> String {
        seteli_domain::clock::rfc3339(self.now)
    }

    /// Today's date in Finland.
    pub fn today(&self) -> time::Date {
        finnish_date(self.now)
    }
}
