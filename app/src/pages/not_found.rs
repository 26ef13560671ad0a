//! Any address the app does not know. (With the SPA fallback, the server answers every
//! unknown path with the app, so this page is what a mistyped link shows.)

use crate::components::states::NotFoundNotice;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::i18n::{t, Text};

/// The "page not found" page.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    use_document_title(|lang| t(lang, Text::NotFoundTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::NotFoundTitle)}</h1>
        {move || view! { <NotFoundNotice message=t(lang.get(), Text::NotFoundText).to_owned()/> }}
    }
}
