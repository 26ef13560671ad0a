//! The page frame: skip link, header with the language switcher and navigation, the main
//! landmark every page renders into, and the footer.

use crate::components::account::{AccountMenu, LoginNotice};
use crate::components::language_switcher::LanguageSwitcher;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::i18n::Text;

/// Wraps every page. `<main id="main">` takes focus from the skip link and holds the page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let home = move || links::home(lang.get());
    let on_comparison = move || location.pathname.get() == "/";
    view! {
        // The router would turn `#main` into a navigation (and a history entry); moving
        // focus directly is what the link is for.
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                ev.prevent_default();
                dom::focus("#main");
            }
        >
            {tr(Text::SkipToContent)}
        </a>
        <header class="site-header">
            <div class="container header-bar">
                <a class="brand" href=home>
                    <span class="brand-name">{tr(Text::SiteName)}</span>
                    <span class="brand-tagline">{tr(Text::SiteTagline)}</span>
                </a>
                <div class="header-tools">
                    <AccountMenu/>
                    <LanguageSwitcher/>
                </div>
            </div>
            <nav class="site-nav" aria-label=tr(Text::MainNavLabel)>
                <div class="container">
                    <ul>
                        <li>
                            <a href=home aria-current=move || on_comparison().then_some("page")>
                                {tr(Text::NavComparison)}
                            </a>
                        </li>
                    </ul>
                </div>
            </nav>
        </header>
        <main id="main" tabindex="-1" class="container">
            <LoginNotice/>
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{tr(Text::FooterText)}</p>
            </div>
        </footer>
    }
}
