//! In-memory state as both mocks keep it: a lock that a panic elsewhere does not poison, and
//! values (authorization codes, access tokens) that expire a fixed time after they are stored.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// Locks `mutex`. A panic elsewhere while holding the lock leaves the value itself consistent
/// (every change under it is a single assignment or map operation), so it is used as it is.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Values under unguessable keys, each live for `lifetime` seconds after it was stored (Unix
/// seconds on the mock's clock). Storing one drops those expired, so the map stays small.
pub(crate) struct Expiring<T> {
    lifetime: u64,
    map: Mutex<HashMap<String, Stored<T>>>,
}

struct Stored<T> {
    value: T,
    created: u64,
}

impl<T> Stored<T> {
    fn is_expired(&self, lifetime: u64, now: u64) -> bool {
        now.saturating_sub(self.created) >= lifetime
    }
}

impl<T> Expiring<T> {
    /// An empty store whose values live `lifetime` seconds.
    pub(crate) fn new(lifetime: u64) -> Self {
        Self {
            lifetime,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Stores `value` under `key` at `now`.
    pub(crate) fn insert(&self, key: String, value: T, now: u64) {
        let mut map = lock(&self.map);
        map.retain(|_, stored| !stored.is_expired(self.lifetime, now));
        map.insert(
            key,
            Stored {
                value,
                created: now,
            },
        );
    }

    /// Removes `key` and returns its value if it is still live at `now`: taking a key uses it
    /// up even when it has expired, so each is single-use.
    pub(crate) fn take(&self, key: &str, now: u64) -> Option<T> {
        lock(&self.map)
            .remove(key)
            .filter(|stored| !stored.is_expired(self.lifetime, now))
            .map(|stored| stored.value)
    }

    /// The value of `key` if it is live at `now` and `accept` takes it, leaving it stored.
    pub(crate) fn get(&self, key: &str, now: u64, accept: impl FnOnce(&T) -> bool) -> Option<T>
    where
        T: Clone,
    {
        lock(&self.map)
            .get(key)
            .filter(|stored| !stored.is_expired(self.lifetime, now) && accept(&stored.value))
            .map(|stored| stored.value.clone())
    }
}
