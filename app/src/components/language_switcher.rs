//! The header's language switcher: one link per language, each named in itself.

use crate::links;
use crate::locale::{tr, use_locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::i18n::Text;
use seteli_domain::Lang;

/// Links to the current page in Finnish, Swedish and English. A click switches in place
/// (the URL is replaced, not pushed: a language is a preference, not a step back can undo);
/// the `href` still works for opening the page in a new tab.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let href = move || {
                location.query.with(|q| {
                    let pairs = q.into_iter().map(|(k, v)| (k.as_ref(), v));
                    links::with_lang(&location.pathname.get(), pairs, lang)
                })
            };
            view! {
                <li>
                    <a
                        href=href
                        lang=lang.code()
                        hreflang=lang.code()
                        data-testid=format!("lang-{}", lang.code())
                        aria-current=move || (locale.get() == lang).then_some("true")
                        on:click=move |ev| {
                            ev.prevent_default();
                            locale.choose(lang);
                        }
                    >
                        {lang.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lang-nav" aria-label=tr(Text::LanguageNavLabel)>
            <ul>{links}</ul>
        </nav>
    }
}
