//! Seteli's edge: the HTTP API as a Cloudflare Worker over D1.
//!
//! The handlers are plain async functions over [`http::ApiRequest`] and a [`db::Database`],
//! so the same code runs in the Worker (D1) and in native tests (SQLite over the same
//! migrations). `worker_entry` is the only file that knows about the Workers runtime.

pub mod auth;
pub mod blobs;
pub mod context;
pub mod crypto;
pub mod db;
pub mod error;
pub mod http;
pub mod jobs;
pub mod messages;
pub mod oidc;
pub mod on_behalf;
pub mod outbound;
pub mod public_cache;
pub mod registry;
pub mod router;
pub mod routes;
pub mod security;
pub mod valtuudet;

#[cfg(target_arch = "wasm32")]
mod worker_entry;

pub use context::{Config, Ctx};
pub use router::handle;
