//! Handlers, grouped by audience as the URLs are: `/api/public/..` first; citizens,
//! producers and staff follow.

pub mod public;
