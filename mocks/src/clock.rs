//! The mocks' clock: the system clock moved by an adjustable offset, so tests can make
//! sessions, codes and tokens expire, or a mandate's validity end, without waiting. Both mocks
//! take one in their `Config`; a test that gives both the same clock moves them together.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use time::{Date, Duration, OffsetDateTime};

/// The time the mock believes it is. Clones share one offset, so a test that keeps a clone of
/// the [`Clock`] it started the server with moves the server's time too.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// The system clock, not moved.
    pub fn system() -> Self {
        Self::default()
    }

    /// Now, as the mock sees it (UTC).
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
            .checked_add(Duration::seconds(self.offset_seconds()))
            .unwrap_or_else(OffsetDateTime::now_utc)
    }

    /// Today in Finland, the date that mandate validity and a person's age are judged by.
    pub fn today(&self) -> Date {
        seteli_domain::clock::finnish_date(self.now())
    }

    /// How far the clock is moved from the system clock.
    pub fn offset_seconds(&self) -> i64 {
        self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock to the system clock plus `seconds` (not cumulative: 0 puts it back).
    pub fn set_offset_seconds(&self, seconds: i64) {
        self.offset_seconds.store(seconds, Ordering::Relaxed);
    }

    /// Moves the clock so that it reads `now` at this moment (and goes on ticking from there),
    /// e.g. to agree with a test's own clock.
    pub fn set_now(&self, now: OffsetDateTime) {
        let offset = (now - OffsetDateTime::now_utc()).whole_seconds();
        self.set_offset_seconds(offset);
    }

    /// Now as Unix seconds.
    pub fn unix_now(&self) -> i64 {
        self.now().unix_timestamp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moved_clock_moves_every_clone_and_can_be_put_back() {
        let clock = Clock::system();
        let seen_by_server = clock.clone();
        clock.set_offset_seconds(660);
        let ahead = seen_by_server.now() - OffsetDateTime::now_utc();
        assert!(ahead >= Duration::seconds(659) && ahead <= Duration::seconds(661));
        clock.set_offset_seconds(0);
        assert!((seen_by_server.now() - OffsetDateTime::now_utc()).abs() < Duration::seconds(2));
    }

    #[test]
    fn a_clock_set_to_a_moment_reads_that_moment() {
        let clock = Clock::system();
        let then = time::macros::datetime!(2026-11-21 10:00 UTC);
        clock.set_now(then);
        assert!((clock.now() - then).abs() < Duration::seconds(2));
        assert!((clock.unix_now() - then.unix_timestamp()).abs() < 2);
    }
}
