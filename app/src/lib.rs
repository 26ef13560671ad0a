//! Seteli's browser app (Leptos, client-side rendered): the public comparison of service
//! voucher producers and their public profiles, and the logged-in customer's own vouchers,
//! service events, feedback and satisfaction surveys — for themselves or on behalf of
//! someone else (Suomi.fi e-Authorizations, or a proxy registered by the municipality); and
//! a producer company's pages, while the session acts for one: its vouchers, visits (also
//! logged offline), prices and replies to feedback.
//!
//! The URL is the state: pages derive what they show from the path and the query, so links
//! can be shared and the back button restores earlier choices. [`api`] is the only module
//! that talks HTTP; [`dom`] holds the other few browser calls.

pub mod api;
pub mod calendar;
pub mod components;
pub mod dom;
pub mod links;
pub mod locale;
pub mod offline;
pub mod pages;
pub mod session;
#[cfg(test)]
mod test_ids;
pub mod visit_queue;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use seteli_domain::entries::Entry;

/// Starts `entry`'s app in the page: the router, the page frame and `routes`, the entry's
/// own `<Routes>` (see [`entry_main!`]). Each entry names only its own pages, so the linker
/// leaves the other audiences' pages out of its wasm; a link to another entry's page is a
/// full page load of it ([`dom::load_other_entries_fully`]).
pub fn start(entry: Entry, routes: fn() -> AnyView) {
    console_error_panic_hook::set_once();
    let mount = move || {
        // The first screen the page painted before the app started (xtask/src/shell.rs):
        // the app renders the same in its place, in this same task, so nothing flickers.
        dom::remove_all(".shell");
        leptos::mount::mount_to_body(move || {
            view! {
                <Router>
                    <Shell entry routes/>
                </Router>
            }
        });
    };
    // The first screen's paint is reported before the app replaces it, even where the app
    // is ready before the browser's first paint: one removed sooner never counted.
    if dom::any_shown(".shell") {
        dom::after_first_screen(mount);
    } else {
        mount();
    }
}

/// An entry's `main` (`src/bin/*.rs`): `entry_main!(Entry::X, { "/path" => Page, .. })`
/// starts [`start`] with those routes, and "page not found" for any other path.
#[macro_export]
macro_rules! entry_main {
    ($entry:expr, { $($path:tt => $page:ident),+ $(,)? }) => {
        fn main() {
            use leptos::prelude::*;
            use leptos_router::components::{Route, Routes};
            use leptos_router::path;
            use $crate::pages::not_found::NotFound;
            // A constant per binary: the public entry's build leaves the texts out.
            if $entry.uses_private_texts() {
                seteli_domain::i18n::register_private_texts();
            }
            $crate::start($entry, || {
                view! {
                    <Routes fallback=|| view! { <NotFound/> }>
                        $(<Route path=path!($path) view=$page/>)+
                    </Routes>
                }
                .into_any()
            });
        }
    };
}

/// Everything that needs the router: the language (which the URL can carry), who is
/// logged in, focus management and the routes themselves. The customer's pages (`/my/..`,
/// `/on-behalf`) and the producer's (`/producer/..`) ask the API themselves and show a login
/// panel when it answers 401.
#[component]
fn Shell(entry: Entry, routes: fn() -> AnyView) -> impl IntoView {
    dom::load_other_entries_fully(entry);
    locale::provide_locale();
    session::provide_session();
    focus_heading_on_route_change();
    view! { <Layout>{routes()}</Layout> }
}

/// Moves focus to the new page's `h1` when the path changes, so that keyboard and screen
/// reader users start from the top of the new page as after a full page load. The first
/// load is left alone: the browser already starts at the top. Query-only changes (the
/// comparison's choices) keep focus where the user is.
fn focus_heading_on_route_change() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            dom::focus_after_render("main h1");
        }
        path
    });
}
