//! Helpers for browser tests.
