//! Pieces shared by pages: the frame, the acting-for banner, the language switcher, the
//! price chart, the pager, the outline of a list page, the character counter, fact rows, form pieces, what a refusal
//! to act for someone says, and the loading / empty / error / not-found states.

pub mod access_log;
pub mod account;
pub mod case;
pub mod confirm;
pub mod decision_document;
pub mod facts;
pub mod fields;
pub mod form;
pub mod language_switcher;
pub mod layout;
pub mod list_page;
pub mod mandate;
pub mod on_behalf;
pub mod pager;
pub mod price_chart;
pub mod resident_application;
pub mod settlement;
pub mod states;
pub mod text_limit;
