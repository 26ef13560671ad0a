//! What a region shows while it waits, when it fails, and when the thing asked for does
//! not exist.

use crate::links;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::i18n::Text;
use seteli_domain::ApiError;

/// A loading message. The region that loads carries `aria-busy`; the page's live region
/// does the announcing, so this is for sighted users.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {tr(Text::Loading)}
        </p>
    }
}

/// A failure: the API's message (in the user's language, with a reference id for internal
/// errors) and a button that tries again. `role="alert"` makes screen readers say it at once.
#[component]
pub fn ErrorState(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert" data-testid="error">
            <p class="notice-title">{tr(Text::ErrorTitle)}</p>
            <p>{error.message}</p>
            <button
                type="button"
                class="button button-secondary"
                data-testid="retry"
                on:click=move |_| on_retry.run(())
            >
                {tr(Text::Retry)}
            </button>
        </div>
    }
}

/// The body of a "not found" page: why, and the way back to the comparison. The page's
/// own `h1` says what was not found.
#[component]
pub fn NotFoundNotice(message: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="notice" data-testid="not-found">
            <p>{message}</p>
            <p>
                <a href=move || links::home(lang.get())>{tr(Text::GoToComparison)}</a>
            </p>
        </div>
    }
}
