//! The customer card's state, shared by the card page and its sections (assessments,
//! decisions and vouchers, the proxy, events, the logs).

use leptos::prelude::*;
use seteli_domain::api::desk::CustomerCard;
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::CustomerId;
use seteli_domain::Lang;

/// The card as loaded, and the way to load it again after a change.
#[derive(Clone, Copy)]
pub struct Card {
    pub card: RwSignal<CustomerCard>,
    pub reload: Callback<()>,
}

impl Card {
    /// The customer's id.
    pub fn id(self) -> CustomerId {
        self.card.with_untracked(|c| c.id)
    }
}

/// A section of the card (`id` is its test id) under its `h2`, `heading`.
#[component]
pub fn CardSection(
    id: &'static str,
    heading: Text,
    lang: Lang,
    children: Children,
) -> impl IntoView {
    let (labelled_by, heading_id) = (format!("{id}-heading"), format!("{id}-heading"));
    view! {
        <section class="page-section" aria-labelledby=labelled_by data-testid=id>
            <h2 id=heading_id>{t(lang, heading)}</h2>
            {children()}
        </section>
    }
}
