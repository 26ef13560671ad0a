//! Public answers from the edge cache. A `GET` (or `HEAD`) of `/api/public/*` answers the same
//! whoever asks, so the Worker looks it up in the Cache API before any session or database
//! work and keeps each successful answer for [`PUBLIC_MAX_AGE_SECS`].
//!
//! The Cache API ignores `Vary`, so the key carries what the answer varies by: the path, the
//! query's parameters in a fixed order, and the language the answer is in (the `lang`
//! parameter, else `Accept-Language`). The cache is per data centre and `cache.put` ignores
//! `stale-while-revalidate`: freshness is the short lifetime, so a price or an approval change
//! shows in the comparison within a minute.

use crate::http::{ApiRequest, Method};
use seteli_domain::Lang;

/// How long a public answer may be served from a cache (the edge's and the browser's).
pub const PUBLIC_MAX_AGE_SECS: i64 = 60;

/// Where public answers are kept: Cloudflare's Cache API in the Worker, a map in tests.
#[allow(async_fn_in_trait)]
pub trait AnswerCache {
    /// The body of the answer kept under `key`, if one is still fresh at `now` (Unix seconds).
    async fn get(&self, key: &str, now: i64) -> Option<String>;
    /// Keeps `body` under `key` for [`PUBLIC_MAX_AGE_SECS`] from `now`.
    async fn put(&self, key: &str, body: &str, now: i64);
}

/// The cache key of a request whose answer is public, or `None` when the answer may depend
/// on who asks (or on nothing cacheable: another method, an invalid `lang`, which is refused).
/// A URL, as the Cache API wants, under the deployment's own origin.
pub fn cache_key(req: &ApiRequest, public_url: &str) -> Option<String> {
    if !matches!(req.method, Method::Get | Method::Head) || !req.path.starts_with("/api/public/") {
        return None;
    }
    let lang = match req.query_param("lang") {
        Some(code) => Lang::parse(code)?,
        None => req.lang(),
    };
    let mut pairs: Vec<(&str, &str)> = req.query_pairs().filter(|(k, _)| *k != "lang").collect();
    pairs.sort_unstable();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(pairs);
    query.append_pair("lang", lang.code());
    Some(format!(
        "{}{}?{}",
        public_url.trim_end_matches('/'),
        req.path,
        query.finish()
    ))
}

/// The answers kept in memory, each until its lifetime has passed: the native tests' and
/// benchmarks' stand-in for the Cache API.
#[derive(Default)]
pub struct MemoryCache {
    entries: std::cell::RefCell<std::collections::HashMap<String, (String, i64)>>,
}

impl AnswerCache for MemoryCache {
    async fn get(&self, key: &str, now: i64) -> Option<String> {
        let entries = self.entries.borrow();
        let (body, expires) = entries.get(key)?;
        (now < *expires).then(|| body.clone())
    }

    async fn put(&self, key: &str, body: &str, now: i64) {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), (body.to_owned(), now + PUBLIC_MAX_AGE_SECS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str, headers: &[(&str, &str)]) -> ApiRequest {
        let url = url::Url::parse(&format!("http://x{url}")).unwrap();
        let headers = headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        ApiRequest::from_url(Method::Get, &url, headers)
    }

    const ORIGIN: &str = "https://seteli.example.fi";

    #[test]
    fn the_key_orders_the_parameters_and_names_the_resolved_language() {
        let a = cache_key(
            &get(
                "/api/public/offers?service=cleaning&municipality=638",
                &[("accept-language", "sv-FI,sv;q=0.9")],
            ),
            ORIGIN,
        );
        let b = cache_key(
            &get(
                "/api/public/offers?municipality=638&lang=sv&service=cleaning",
                &[],
            ),
            ORIGIN,
        );
        assert_eq!(
            a.as_deref(),
            Some("https://seteli.example.fi/api/public/offers?municipality=638&service=cleaning&lang=sv")
        );
        assert_eq!(a, b);
        let finnish = cache_key(
            &get("/api/public/offers?municipality=638&service=cleaning", &[]),
            ORIGIN,
        );
        assert_ne!(a, finnish);
    }

    #[test]
    fn only_public_reads_with_a_valid_language_have_a_key() {
        assert!(cache_key(&get("/api/citizen/vouchers", &[]), ORIGIN).is_none());
        assert!(cache_key(&get("/api/public/services?lang=de", &[]), ORIGIN).is_none());
        let url = url::Url::parse("http://x/api/public/services").unwrap();
        let post = ApiRequest::from_url(Method::Post, &url, Vec::new());
        assert!(cache_key(&post, ORIGIN).is_none());
    }

    #[tokio::test]
    async fn an_answer_is_kept_for_its_lifetime_only() {
        let cache = MemoryCache::default();
        cache.put("k", "[1]", 1000).await;
        let fresh = 1000 + PUBLIC_MAX_AGE_SECS - 1;
        assert_eq!(cache.get("k", fresh).await, Some("[1]".into()));
        assert_eq!(cache.get("k", 1000 + PUBLIC_MAX_AGE_SECS).await, None);
        assert_eq!(cache.get("other", 1000).await, None);
    }
}
