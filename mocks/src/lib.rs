//! Stand-ins for the outside services Seteli talks to. Each speaks its real service's protocol
//! on 127.0.0.1, so Seteli's code runs unchanged against it in local development and tests.
//!
//! - [`identification`]: Suomi.fi e-Identification as an OpenID Connect provider.
//! - [`valtuudet`]: the Suomi.fi-valtuudet (e-Authorizations) Web API, `hpa` and `ypa`.
//! - [`ytj`]: PRH's open data YTJ API v3, the company registry.
//! - [`messages`]: the Suomi.fi Messages REST API (v1 token and mailboxes, v2 sending and
//!   events); not yet started by the stack.
//!
//! Each takes a [`clock::Clock`], so tests can move their time. [`cast`] gives the test persons,
//! staff users and companies of `mocks/data/*.json` by name, for every test that needs one.

pub mod cast;
pub mod clock;
mod html;
pub mod identification;
pub mod messages;
mod oauth;
mod random;
mod store;
pub mod valtuudet;
pub mod ytj;
