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

/// A public answer as a cache keeps it: the body, and when it was made (Unix seconds), which
/// bounds its freshness in every cache that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub body: String,
    pub made_at: i64,
}

impl Kept {
    /// Whether the answer may still be served at `now`.
    pub fn fresh_at(&self, now: i64) -> bool {
        now < self.made_at.saturating_add(PUBLIC_MAX_AGE_SECS)
    }
}

/// Where public answers are kept: the Worker's isolate memory and the data centre's Cache
/// API ([`Tiered`]), a map in tests.
#[allow(async_fn_in_trait)]
pub trait AnswerCache {
    /// The answer kept under `key`, if it is still fresh at `now` (Unix seconds).
    async fn get(&self, key: &str, now: i64) -> Option<Kept>;
    /// Keeps `kept` under `key` until [`PUBLIC_MAX_AGE_SECS`] after it was made.
    async fn put(&self, key: &str, kept: &Kept);
}

/// Two caches, the nearer asked first: in the Worker, the isolate's memory (no round trip)
/// before the data centre's Cache API. An answer found only in the farther one is kept in
/// the nearer one too, until the moment it was made plus its lifetime, so that no copy
/// outlives the original.
pub struct Tiered<N, F> {
    pub near: N,
    pub far: F,
}

impl<N: AnswerCache, F: AnswerCache> AnswerCache for Tiered<N, F> {
    async fn get(&self, key: &str, now: i64) -> Option<Kept> {
        if let Some(kept) = self.near.get(key, now).await {
            return Some(kept);
        }
        let kept = self.far.get(key, now).await?;
        self.near.put(key, &kept).await;
        Some(kept)
    }

    async fn put(&self, key: &str, kept: &Kept) {
        self.near.put(key, kept).await;
        self.far.put(key, kept).await;
    }
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

/// The answers kept in memory, each until its lifetime has passed, at most `capacity` of
/// them: the Worker isolate's own cache, and the native tests' stand-in for the Cache API.
pub struct MemoryCache {
    capacity: usize,
    entries: std::cell::RefCell<std::collections::HashMap<String, Kept>>,
}

impl Default for MemoryCache {
    fn default() -> Self {
        MemoryCache::with_capacity(1024)
    }
}

impl MemoryCache {
    /// An empty cache that keeps at most `capacity` answers: when full, the expired ones go
    /// first, then the oldest.
    pub fn with_capacity(capacity: usize) -> Self {
        MemoryCache {
            capacity: capacity.max(1),
            entries: Default::default(),
        }
    }

    /// The answer under `key`, if fresh at `now`.
    pub fn lookup(&self, key: &str, now: i64) -> Option<Kept> {
        self.entries
            .borrow()
            .get(key)
            .filter(|kept| kept.fresh_at(now))
            .cloned()
    }

    /// Keeps `kept` under `key`, making room if the cache is full.
    pub fn keep(&self, key: &str, kept: &Kept) {
        let mut entries = self.entries.borrow_mut();
        if entries.len() >= self.capacity && !entries.contains_key(key) {
            entries.retain(|_, old| old.fresh_at(kept.made_at));
            if entries.len() >= self.capacity {
                let oldest = entries
                    .iter()
                    .min_by_key(|(_, old)| old.made_at)
                    .map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    entries.remove(&oldest);
                }
            }
        }
        entries.insert(key.to_owned(), kept.clone());
    }
}

impl AnswerCache for MemoryCache {
    async fn get(&self, key: &str, now: i64) -> Option<Kept> {
        self.lookup(key, now)
    }

    async fn put(&self, key: &str, kept: &Kept) {
        self.keep(key, kept);
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

    fn kept(body: &str, made_at: i64) -> Kept {
        Kept {
            body: body.to_owned(),
            made_at,
        }
    }

    #[tokio::test]
    async fn an_answer_is_kept_for_its_lifetime_only() {
        let cache = MemoryCache::default();
        cache.put("k", &kept("[1]", 1000)).await;
        let fresh = 1000 + PUBLIC_MAX_AGE_SECS - 1;
        assert_eq!(cache.get("k", fresh).await, Some(kept("[1]", 1000)));
        assert_eq!(cache.get("k", 1000 + PUBLIC_MAX_AGE_SECS).await, None);
        assert_eq!(cache.get("other", 1000).await, None);
    }

    #[test]
    fn a_full_memory_lets_the_expired_go_first_then_the_oldest() {
        let cache = MemoryCache::with_capacity(2);
        cache.keep("old", &kept("1", 1000));
        cache.keep("new", &kept("2", 1030));
        // At 1065 "old" has expired: it goes, "new" stays.
        cache.keep("newest", &kept("3", 1065));
        assert_eq!(cache.lookup("old", 1000), None);
        assert!(cache.lookup("new", 1065).is_some());
        // Nothing has expired at 1070: the oldest ("new") makes room.
        cache.keep("fourth", &kept("4", 1070));
        assert_eq!(cache.lookup("new", 1070), None);
        assert!(cache.lookup("newest", 1070).is_some());
        assert!(cache.lookup("fourth", 1070).is_some());
        // Replacing a key needs no room.
        cache.keep("fourth", &kept("5", 1071));
        assert_eq!(
            cache.lookup("fourth", 1071).map(|k| k.body),
            Some("5".into())
        );
        assert!(cache.lookup("newest", 1071).is_some());
    }

    #[tokio::test]
    async fn the_near_cache_learns_from_the_far_one_but_never_outlives_it() {
        let tiers = Tiered {
            near: MemoryCache::default(),
            far: MemoryCache::default(),
        };
        tiers.far.keep("k", &kept("[1]", 1000));

        // Found far at 1050, kept near until the same moment: fresh at 1059, gone at 1060.
        assert_eq!(tiers.get("k", 1050).await, Some(kept("[1]", 1000)));
        assert_eq!(tiers.near.lookup("k", 1059), Some(kept("[1]", 1000)));
        assert_eq!(tiers.near.lookup("k", 1060), None);

        // A new answer goes to both.
        tiers.put("j", &kept("[2]", 2000)).await;
        assert!(tiers.near.lookup("j", 2000).is_some());
        assert!(tiers.far.lookup("j", 2000).is_some());
        assert_eq!(tiers.get("missing", 2000).await, None);
    }
}
