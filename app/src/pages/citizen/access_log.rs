//! `/my/access-log`: who has looked at the customer's data — the organiser's staff and
//! producers' people — newest first. While the customer acts for someone else, the API
//! answers with that person's log.

use crate::api;
use crate::components::access_log::AccessLogItem;
use crate::components::list_page::ItemsPage;
use crate::components::states::EmptyNotice;
use leptos::prelude::*;
use seteli_domain::i18n::Text;

/// The page.
#[component]
pub fn AccessLogPage() -> impl IntoView {
    let empty = || view! { <EmptyNotice testid="access-log-empty" text=Text::AccessLogEmpty/> };
    let item = |entry, lang| view! { <AccessLogItem entry lang/> };
    view! {
        <ItemsPage
            title=Text::AccessLogTitle
            fetch=api::my_access_log
            empty
            lead=Text::AccessLogLead
            class="card-list"
            testid="access-log"
            item
        />
    }
}
