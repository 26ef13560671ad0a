//! The fuzz harness shared by `domain/tests/fuzz.rs` and `edge/tests/api/fuzz.rs`: a
//! proptest strategy drawn against a property, bounded by cases or by time.
//!
//! In the normal suite (`cargo test`) each target runs its small fixed number of cases, so the
//! suite stays fast. `cargo xtask fuzz` sets [`SECONDS_VAR`]: each target then keeps drawing
//! fresh rounds of random cases until its share of the time is up. A failure is shrunk to a
//! minimal input and reported with the round's seed ([`SEED_VAR`] replays it); what it finds
//! is kept as a named regression test beside the targets.
//!
//! Included by path from the edge's tests, so it uses nothing but proptest and std.

#![allow(dead_code)]

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::fmt::Debug;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Seconds each target runs for (`cargo xtask fuzz` sets it); unset: the fixed case count.
pub const SECONDS_VAR: &str = "SETELI_FUZZ_SECONDS";
/// A seed to replay the first round of every target with, as a failure reports it.
pub const SEED_VAR: &str = "SETELI_FUZZ_SEED";

/// Runs `property` on values drawn from `strategy`: `cases` of them in the normal suite, and
/// as many rounds of `cases` as fit in [`SECONDS_VAR`] seconds under `cargo xtask fuzz`.
/// A panic inside `property` is a failure like a returned error.
pub fn fuzz<S>(cases: u32, strategy: S, property: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let seconds = std::env::var(SECONDS_VAR)
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0);
    let mut seed = std::env::var(SEED_VAR)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(fresh_seed);
    let started = Instant::now();
    let deadline = seconds.map(|s| started + Duration::from_secs_f64(s));
    let mut run = 0u64;
    loop {
        let config = Config {
            cases,
            failure_persistence: None,
            rng_seed: RngSeed::Fixed(seed),
            ..Config::default()
        };
        match TestRunner::new(config).run(&strategy, &property) {
            Ok(()) => {}
            Err(TestError::Fail(why, input)) => panic!(
                "fuzz failure: {why}\nminimal input: {input:#?}\nreplay with {SEED_VAR}={seed}"
            ),
            Err(TestError::Abort(why)) => panic!("fuzz target aborted: {why} ({SEED_VAR}={seed})"),
        }
        run += u64::from(cases);
        match deadline {
            Some(deadline) if Instant::now() < deadline => seed = fresh_seed(),
            _ => break,
        }
    }
    if seconds.is_some() {
        // The test harness names each test's thread after the test.
        let thread = std::thread::current();
        eprintln!(
            "fuzz: {} — {run} cases in {:.1} s",
            thread.name().unwrap_or("?"),
            started.elapsed().as_secs_f64()
        );
    }
}

fn fresh_seed() -> u64 {
    // Unique enough per round and per target: the clock's nanoseconds mixed with a counter.
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    (nanos ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)).rotate_left(17)
}

pub mod gen {
    //! Strategies for input as it arrives: arbitrary text, text near a format, JSON values.

    use proptest::prelude::*;
    use serde_json::{Map, Value};

    /// Any string, including control characters, surrogate-free non-ASCII and long runs.
    pub fn any_text() -> BoxedStrategy<String> {
        prop_oneof![
            4 => any::<String>(),
            1 => "\\PC{0,80}",
            1 => proptest::collection::vec(any::<char>(), 0..300)
                .prop_map(|chars| chars.into_iter().collect()),
        ]
        .boxed()
    }

    /// Text from `near` (a regex close to the format) most of the time, else any text, and
    /// sometimes one of the `known` good values.
    pub fn text_near(near: &'static str, known: &'static [&'static str]) -> BoxedStrategy<String> {
        let known: Vec<String> = known.iter().map(|s| (*s).to_owned()).collect();
        if known.is_empty() {
            prop_oneof![3 => near.boxed(), 1 => any_text()].boxed()
        } else {
            prop_oneof![
                3 => near.boxed(),
                1 => any_text(),
                1 => proptest::sample::select(known),
            ]
            .boxed()
        }
    }

    /// Values the domain's types accept, so that generated objects often get past the
    /// first field and reach the next.
    pub const PLAUSIBLE: &[&str] = &[
        "",
        "638",
        "091",
        "home-care",
        "cleaning",
        "2026-11-21",
        "2026-11-20",
        "2026-01-01",
        "2026-11",
        "131052-308T",
        "010280-952L",
        "140334-912M",
        "2077474-0",
        "482199301177",
        "4821 9930 1177",
        "0b7c6c1e-2f43-4d5b-9b1a-2a4e1c7d9f00",
        "hour",
        "visit",
        "guardian",
        "mandate",
        "ALLOWED",
        "DISALLOWED",
        "RS256",
        "RSA",
        "fi",
        "sv",
        "en",
        "price",
        "own_share",
    ];

    /// A JSON leaf: numbers at the edges as well as ordinary ones, plausible and odd strings.
    pub fn json_leaf() -> BoxedStrategy<Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-3i64..3000).prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            prop_oneof![
                Just(i64::MAX),
                Just(i64::MIN),
                Just(1_000_000_000i64),
                Just(1_000_000_001i64),
                Just(2400i64),
                Just(2401i64),
                Just(0i64),
                Just(-1i64),
            ]
            .prop_map(Value::from),
            any::<f64>()
                .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
                .prop_map(Value::from),
            proptest::sample::select(PLAUSIBLE).prop_map(Value::from),
            any_text().prop_map(Value::from),
        ]
        .boxed()
    }

    /// Any JSON value, nested a few levels, with object keys drawn from `keys` as well as
    /// arbitrary ones.
    pub fn json_value(keys: &'static [&'static str]) -> BoxedStrategy<Value> {
        json_leaf()
            .prop_recursive(3, 32, 6, move |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    proptest::collection::vec((key(keys), inner), 0..6)
                        .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
                ]
            })
            .boxed()
    }

    fn key(keys: &'static [&'static str]) -> BoxedStrategy<String> {
        if keys.is_empty() {
            any_text()
        } else {
            prop_oneof![
                3 => proptest::sample::select(keys).prop_map(str::to_owned),
                1 => any_text(),
            ]
            .boxed()
        }
    }

    /// An object that has most of `fields`, each with any JSON value (often a plausible one),
    /// and sometimes an extra key: the shape a request body for those fields nearly has.
    pub fn object_with(fields: &'static [&'static str]) -> BoxedStrategy<Value> {
        let value = prop_oneof![3 => json_leaf(), 1 => json_value(fields)];
        (
            proptest::collection::vec(
                proptest::option::weighted(0.85, value.clone()),
                fields.len(),
            ),
            proptest::option::weighted(0.2, (any_text(), value)),
        )
            .prop_map(move |(values, extra)| {
                let mut object: Map<String, Value> = fields
                    .iter()
                    .zip(values)
                    .filter_map(|(k, v)| Some(((*k).to_owned(), v?)))
                    .collect();
                if let Some((k, v)) = extra {
                    object.insert(k, v);
                }
                Value::Object(object)
            })
            .boxed()
    }

    /// A body as it may arrive: any text, any JSON, or an object near `fields`.
    pub fn body(fields: &'static [&'static str]) -> BoxedStrategy<String> {
        prop_oneof![
            1 => any_text(),
            2 => json_value(fields).prop_map(|v| v.to_string()),
            4 => object_with(fields).prop_map(|v| v.to_string()),
        ]
        .boxed()
    }
}
