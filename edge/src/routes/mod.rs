//! Handlers, grouped by audience as the URLs are: `/api/public/..`, `/api/auth/..`;
//! citizens, producers and staff follow.

pub mod auth;
pub mod citizen;
pub mod on_behalf;
pub mod producer;
pub mod public;
