//! The organiser's staff pages (`/api/staff/..`): the desk, finding and creating customers,
//! the customer card (need assessments, decisions, vouchers, the registered proxy, checking
//! events, what producers did and who looked), the decision form and the decision document,
//! the events to check across customers, and the organiser's income tables.
//! Only the staff entry (`src/bin/staff.rs`) names them, so no other audience's wasm
//! carries them. Each page asks the API; a 401 shows the login panel (the staff login), a
//! 403 that the page is for the organiser's staff. Every view of a customer's data is
//! logged by the API, and the card says so where it matters (showing the identity code).

pub mod application;
pub mod applications;
pub mod approvals;
pub mod assessments;
pub mod authorisations;
pub mod card;
pub mod case_steps;
pub mod checks;
pub mod customer;
pub mod customers;
pub mod decision;
pub mod decision_form;
pub mod deliveries;
pub mod desk;
pub mod event_list;
pub mod events;

pub mod income_tables;
pub mod logs;
pub mod period;
pub mod producer_accounts;
pub mod proxy;
pub mod reports;
pub mod resident;
pub mod residents;
pub mod settlement;
pub mod settlements;
pub mod vouchers;

use crate::components::states::BackLink;
use crate::links;
use crate::locale::tr;
use leptos::prelude::*;
use seteli_domain::i18n::Text;

/// What a staff page shows when the API refuses it (403): the session is not a staff
/// member's of the right role.
#[component]
pub fn StaffOnly() -> impl IntoView {
    view! {
        <div class="notice" data-testid="staff-only">
            <p class="notice-title">{tr(Text::StaffOnlyTitle)}</p>
            <p>{tr(Text::StaffOnlyText)}</p>
        </div>
    }
}

/// The way back to the desk, for "not found" notices and back links.
pub fn back_to_desk() -> BackLink {
    BackLink {
        href: links::desk,
        text: Text::BackToDesk,
    }
}

pub use crate::components::states::use_id_in_path;
