//! `/my/trail`: what others did, or tried to do, on the customer's behalf, newest first.
//! While the customer acts for someone else, the API answers with that person's trail.

use crate::api;
use crate::components::facts::Fact;
use crate::components::states::{retryable, EmptyNotice, RemoteList};
use crate::locale::{tr, use_document_title, use_lang};
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
    let lang = use_lang();
    let trail = retryable(move || api::my_trail(lang.get()));
    use_document_title(|lang| t(lang, Text::TrailTitle).to_owned());
    let empty = || view! { <EmptyNotice testid="trail-empty" text=Text::TrailEmpty/> };

    view! {
        <h1 tabindex="-1">{tr(Text::TrailTitle)}</h1>
        <RemoteList data=trail empty let:list>
            <p class="lead">{tr(Text::TrailLead)}</p>
            <ol class="card-list" role="list" data-testid="trail-list">
                {list
                    .into_iter()
                    .map(|entry| view! { <TrailItem entry lang=lang.get_untracked()/> })
                    .collect_view()}
            </ol>
        </RemoteList>
    }
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
