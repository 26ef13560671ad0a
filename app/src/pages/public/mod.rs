//! Pages anyone may open without logging in.

pub mod comparison;
pub mod producer;
