//! Previous / next links between pages of results.

use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::i18n::{page_of, Text};

/// The pager, shown only when there is more than one page. The links are real links
/// (shareable, open in a new tab); one missing at either end stays in place, disabled, so
/// the layout does not jump. `on_navigate` runs on a click, to move focus to the results.
#[component]
pub fn Pager(
    page: u32,
    pages: u32,
    prev_href: Option<String>,
    next_href: Option<String>,
    #[prop(into)] on_navigate: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let link =
        move |href: Option<String>, text: Text, testid: &'static str, rel: &'static str| match href
        {
            Some(href) => view! {
                <a
                    class="button button-secondary"
                    href=href
                    rel=rel
                    data-testid=testid
                    data-noscroll=""
                    on:click=move |_| on_navigate.run(())
                >
                    {tr(text)}
                </a>
            }
            .into_any(),
            None => view! {
                <a class="button button-secondary" aria-disabled="true" data-testid=testid>
                    {tr(text)}
                </a>
            }
            .into_any(),
        };
    view! {
        <nav class="pager" aria-label=tr(Text::PagerLabel) data-testid="pager">
            {link(prev_href, Text::PreviousPage, "pager-prev", "prev")}
            <span class="pager-status">{move || page_of(lang.get(), page, pages)}</span>
            {link(next_href, Text::NextPage, "pager-next", "next")}
        </nav>
    }
}
