//! `/my/trail`: what others did, or tried to do, on the customer's behalf, newest first.
//! While the customer acts for someone else, the API answers with that person's trail.

use crate::api;
use crate::components::account::LoginRequired;
use crate::components::states::{retryable, ErrorState, Loading};
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{TrailEntry, TrailResult};
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
    let (trail, retry) = retryable(move || api::my_trail(lang.get()));
    use_document_title(|lang| t(lang, Text::TrailTitle).to_owned());

    view! {
        <h1 tabindex="-1">{tr(Text::TrailTitle)}</h1>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || Suspend::new(async move {
                let lang = lang.get();
                match trail.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="notice" data-testid="trail-empty">{t(lang, Text::TrailEmpty)}</p>
                    }
                        .into_any(),
                    Ok(list) => {
                        let items = list
                            .into_iter()
                            .map(|entry| view! { <TrailItem entry lang/> })
                            .collect_view();
                        view! {
                            <p class="lead">{t(lang, Text::TrailLead)}</p>
                            <ol class="card-list" role="list" data-testid="trail-list">{items}</ol>
                        }
                            .into_any()
                    }
                    Err(error) if api::is_unauthorized(&error) => {
                        view! { <LoginRequired/> }.into_any()
                    }
                    Err(error) => view! { <ErrorState error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
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
                <time datetime=entry.at.clone()>{i18n::format_date_time(lang, &entry.at)}</time>
            </p>
            <dl class="facts">
                <div class="fact">
                    <dt>{t(lang, Text::TrailActorLabel)}</dt>
                    <dd class="trail-actor" data-testid="trail-actor">{entry.actor_name}</dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, Text::TrailActionLabel)}</dt>
                    <dd data-testid="trail-action">{t(lang, i18n::action_text(entry.action))}</dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, Text::BasisLabel)}</dt>
                    <dd data-testid="trail-basis" data-basis=entry.basis.as_str()>
                        {t(lang, i18n::basis_text(entry.basis))}
                    </dd>
                </div>
                <div class="fact">
                    <dt>{t(lang, Text::ResultLabel)}</dt>
                    <dd>
                        <span class=status_class data-testid="trail-result">{t(lang, result_text)}</span>
                    </dd>
                </div>
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
