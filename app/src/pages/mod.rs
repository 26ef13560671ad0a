//! Pages, grouped by audience as the API's URLs are (`/api/public/..` → `public`).

pub mod not_found;
pub mod public;
