//! The API tested natively: the real router, handlers and SQL over SQLite with the same
//! migrations as D1, a fresh database per test.

mod access_matrix;
mod applications;
mod auth;
mod authorisations;
mod citizen;
mod delivery;
mod desk;
mod fuzz;
mod helpers;
mod migrations;
mod on_behalf;
mod producer;
mod public_cache;
mod public_catalogue;
mod public_offers;
mod public_producers;
mod registry;
mod residents;
mod routing;
mod security;
mod security_headers;
mod settlements;
mod valtuudet_client;
