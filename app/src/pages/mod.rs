//! Pages, grouped by audience as the API's URLs are (`/api/public/..` → `public`,
//! `/api/citizen/..` → `citizen`).

pub mod citizen;
pub mod not_found;
pub mod public;
