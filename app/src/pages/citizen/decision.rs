//! `/my/decisions/:id`: the decision behind one of the customer's (or the principal's)
//! vouchers, as a printable document with the appeal instructions. Read-only; someone
//! else's decision is "not found", like one that does not exist.

use crate::api;
use crate::components::decision_document::DecisionDocumentView;
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::DecisionId;
use seteli_domain::{ApiError, ErrorCode};

/// The page.
#[component]
pub fn MyDecisionPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").and_then(DecisionId::parse)));
    let document = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::my_decision(id, lang).await,
                None => Err(ApiError::new(ErrorCode::DecisionNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::DecisionTitle).to_owned());
    let back = BackLink {
        href: links::my_vouchers,
        text: Text::BackToMyVouchers,
    };
    view! {
        <BackTo link=back testid="back-to-vouchers"/>
        <h1 tabindex="-1" data-testid="decision-title">{move || t(lang.get(), Text::DecisionTitle)}</h1>
        <Remote data=document back let:document>
            <DecisionDocumentView document lang=lang.get_untracked()/>
            <p class="no-print">
                <PrintButton/>
            </p>
        </Remote>
    }
}

/// Opens the browser's print dialog (the print stylesheet leaves the document alone).
#[component]
pub fn PrintButton() -> impl IntoView {
    let lang = use_lang();
    view! {
        <button
            type="button"
            class="button button-secondary"
            data-testid="decision-print"
            on:click=move |_| crate::dom::print()
        >
            {move || t(lang.get(), Text::PrintDecision)}
        </button>
    }
}
