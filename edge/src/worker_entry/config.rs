//! The deployment's configuration from the Worker's vars and secrets (see README).

use crate::context::{Config, DEFAULT_HETU_CLAIM, MAX_RIGHTS_CACHE_SECS};
use crate::messages::{MessagesConfig, PostiConfig};
use crate::oidc::OidcConfig;
use crate::registry::YtjConfig;
use crate::valtuudet::ValtuudetConfig;
use worker::Env;

fn setting(env: &Env, name: &str) -> Option<String> {
    env.var(name)
        .map(|v| v.to_string())
        .or_else(|_| env.secret(name).map(|s| s.to_string()))
        .ok()
        .filter(|v| !v.is_empty())
}

/// The configuration; without `PUBLIC_URL`, Seteli is where `origin` says.
pub(super) fn config(env: &Env, origin: String) -> Config {
    let provider = |prefix: &str| match (
        setting(env, &format!("{prefix}_ISSUER")),
        setting(env, &format!("{prefix}_CLIENT_ID")),
        setting(env, &format!("{prefix}_CLIENT_SECRET")),
    ) {
        (Some(issuer), Some(client_id), Some(client_secret)) => Some(OidcConfig {
            issuer,
            client_id,
            client_secret,
        }),
        _ => None,
    };
    Config {
        // Without PUBLIC_URL the request's own origin is used (fine behind one hostname).
        public_url: setting(env, "PUBLIC_URL").unwrap_or(origin),
        citizen_oidc: provider("OIDC"),
        staff_oidc: provider("STAFF_OIDC"),
        hetu_claim: setting(env, "OIDC_HETU_CLAIM")
            .unwrap_or_else(|| DEFAULT_HETU_CLAIM.to_owned()),
        valtuudet: match (
            setting(env, "VALTUUDET_BASE_URL"),
            setting(env, "VALTUUDET_CLIENT_ID"),
            setting(env, "VALTUUDET_API_KEY"),
            setting(env, "VALTUUDET_OAUTH_PASSWORD"),
        ) {
            (Some(base_url), Some(client_id), Some(api_key), Some(oauth_password)) => {
                Some(ValtuudetConfig {
                    base_url,
                    client_id,
                    api_key,
                    oauth_password,
                })
            }
            _ => None,
        },
        rights_cache_secs: setting(env, "VALTUUDET_READ_CACHE_SECONDS")
            .and_then(|v| v.parse().ok())
            .unwrap_or(MAX_RIGHTS_CACHE_SECS),
        ytj: setting(env, "YTJ_BASE_URL").map(|base_url| YtjConfig { base_url }),
        identity_key_secret: setting(env, "IDENTITY_KEY_SECRET"),
        messages: messages_config(env),
    }
}

/// Suomi.fi Messages when its base URL, credentials and service id are all set; Posti's
/// printing service when its three settings are.
fn messages_config(env: &Env) -> Option<MessagesConfig> {
    let posti = match (
        setting(env, "POSTI_USERNAME"),
        setting(env, "POSTI_PASSWORD"),
        setting(env, "POSTI_EMAIL"),
    ) {
        (Some(username), Some(password), Some(email)) => Some(PostiConfig {
            username,
            password,
            email,
            cost_pool: setting(env, "POSTI_COST_POOL"),
        }),
        _ => None,
    };
    Some(MessagesConfig {
        base_url: setting(env, "MESSAGES_BASE_URL")?,
        username: setting(env, "MESSAGES_USERNAME")?,
        password: setting(env, "MESSAGES_PASSWORD")?,
        service_id: setting(env, "MESSAGES_SERVICE_ID")?,
        posti,
    })
}
