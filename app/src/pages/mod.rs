//! Pages, grouped by audience as the API's URLs are (`/api/public/..` → `public`,
//! `/api/citizen/..` → `citizen`, `/api/producer/..` → `producer`, `/api/staff/..` → `staff`).

pub mod citizen;
pub mod not_found;
pub mod producer;
pub mod public;
pub mod staff;
