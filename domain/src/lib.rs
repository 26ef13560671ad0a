//! Seteli's core: validated types, the API contract shared by the app and the edge, and the
//! rules of the voucher system. Nothing here does I/O, so every rule runs the same in the
//! browser, in the worker and in native tests.

pub mod api;
pub mod application;
pub mod authorisation;
pub mod business_id;
pub mod case;
pub mod catalogue;
pub mod clock;
pub mod codes;
pub mod comparison;
pub mod delivery;
pub mod desk;
pub mod entries;
pub mod error;
pub mod hetu;
pub mod i18n;
pub mod ids;
pub mod income;
pub mod lang;
pub mod mandates;
pub mod money;
pub mod payment_file;
pub mod permissions;
pub mod producer;
pub mod registry;
pub mod resident_application;
pub mod routes;
pub mod session;
pub mod settlement;
pub mod voucher;

pub use business_id::BusinessId;
pub use codes::{MunicipalityCode, OrganiserCode, ServiceCode};
pub use error::{ApiError, ErrorCode};
pub use hetu::Hetu;
pub use lang::Lang;
pub use money::Cents;
