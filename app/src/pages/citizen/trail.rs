//! `/my/trail`: what others did, or tried to do, on the customer's behalf, newest first.
//! While the customer acts for someone else, the API answers with that person's trail.

use crate::api;
use crate::components::facts::Fact;
use crate::components::list_page::ItemsPage;
use crate::components::states::EmptyNotice;
use leptos::prelude::*;
use seteli_domain::api::{TrailEntry, TrailResult};
use seteli_domain::clock::rfc3339;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// A result's name in test ids and CSS, and its words.
pub fn result_parts(result: TrailResult) -> (&'static str, Text) {
    match result {
        TrailResult::Allowed => ("allowed", Text::ResultAllowed),
        TrailResult::Refused => ("refused", Text::ResultRefused),
    }
}

/// The trail page.
#[component]
pub fn TrailPage() -> impl IntoView {
    let empty = || view! { <EmptyNotice testid="trail-empty" text=Text::TrailEmpty/> };
    let item = |entry, lang| view! { <TrailItem entry lang/> };
    view! { <ItemsPage title=Text::TrailTitle fetch=api::my_trail empty lead=Text::TrailLead class="card-list" testid="trail-list" item/> }
}

/// One thing done or tried: when, by whom, what, on what basis, and whether it was let
/// through.
#[component]
fn TrailItem(entry: TrailEntry, lang: Lang) -> impl IntoView {
    let (result, result_text) = result_parts(entry.result);
    let status_class = match entry.result {
        TrailResult::Allowed => "status status-active",
        TrailResult::Refused => "status status-cancelled",
    };
    view! {
        <li
            class="card"
            data-testid="trail-entry"
            data-action=entry.action.as_str()
            data-result=result
        >
            <p class="card-time">
                <time datetime=rfc3339(entry.at)>{i18n::format_date_time(lang, entry.at)}</time>
            </p>
            <dl class="facts">
                <Fact label=Text::TrailActorLabel lang>
                    <dd class="trail-actor" data-testid="trail-actor">{entry.actor_name}</dd>
                </Fact>
                <Fact label=Text::TrailActionLabel lang>
                    <dd data-testid="trail-action">{t(lang, i18n::action_text(entry.action))}</dd>
                </Fact>
                <Fact label=Text::BasisLabel lang>
                    <dd data-testid="trail-basis" data-basis=entry.basis.as_str()>
                        {t(lang, i18n::basis_text(entry.basis))}
                    </dd>
                </Fact>
                <Fact label=Text::ResultLabel lang>
                    <dd>
                        <span class=status_class data-testid="trail-result">{t(lang, result_text)}</span>
                    </dd>
                </Fact>
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_named_as_the_api_names_them() {
        for result in [TrailResult::Allowed, TrailResult::Refused] {
            let (name, _) = result_parts(result);
            let json = serde_json::to_value(result).unwrap();
            assert_eq!(json, serde_json::json!(name));
        }
    }
}
