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
pub mod pages;
pub mod session;
#[cfg(test)]
mod test_ids;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use pages::citizen::feedback::MyFeedbackPage;
use pages::citizen::messages::MessagesPage;
use pages::citizen::on_behalf::OnBehalfPage;
use pages::citizen::trail::TrailPage;
use pages::citizen::voucher::VoucherPage;
use pages::citizen::vouchers::MyVouchersPage;
use pages::not_found::NotFound;
use pages::producer::feedback::ProducerFeedbackPage;
use pages::producer::home::ProducerHomePage;
use pages::producer::lookup::ProducerLookupPage;
use pages::producer::prices::ProducerPricesPage;
use pages::producer::voucher::ProducerVoucherPage;
use pages::public::comparison::ComparisonPage;
use pages::public::producer::ProducerPage;

/// The whole app: the router, the page frame and the routes.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

/// Everything that needs the router: the language (which the URL can carry), who is
/// logged in, focus management and the routes themselves. The customer's pages (`/my/..`,
/// `/on-behalf`) and the producer's (`/producer/..`) ask the API themselves and show a login
/// panel when it answers 401.
#[component]
fn Shell() -> impl IntoView {
    locale::provide_locale();
    session::provide_session();
    focus_heading_on_route_change();
    view! {
        <Layout>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=ComparisonPage/>
                <Route path=path!("/producers/:id") view=ProducerPage/>
                <Route path=path!("/my/vouchers") view=MyVouchersPage/>
                <Route path=path!("/my/vouchers/:id") view=VoucherPage/>
                <Route path=path!("/my/feedback") view=MyFeedbackPage/>
                <Route path=path!("/my/trail") view=TrailPage/>
                <Route path=path!("/my/messages") view=MessagesPage/>
                <Route path=path!("/on-behalf") view=OnBehalfPage/>
                <Route path=path!("/producer") view=ProducerHomePage/>
                <Route path=path!("/producer/voucher") view=ProducerLookupPage/>
                <Route path=path!("/producer/vouchers/:id") view=ProducerVoucherPage/>
                <Route path=path!("/producer/prices") view=ProducerPricesPage/>
                <Route path=path!("/producer/feedback") view=ProducerFeedbackPage/>
            </Routes>
        </Layout>
    }
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
