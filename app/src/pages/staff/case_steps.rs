//! The handler's steps every kind of case offers, as both case pages show them: asking the
//! applicant for more (the items and a deadline) and handing the case over to a colleague.

use crate::api::applications::HandlerStep;
use crate::components::form::BusyButton;
use leptos::prelude::*;
use seteli_domain::api::applications::{AskForMore, HandOver, Handler};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::i18n::{t, Text};
use seteli_domain::Lang;

/// Asking the applicant for more: what is missing (a line each) and by when; `comment`
/// goes with it.
#[component]
pub fn AskForMoreCard<R>(
    run: R,
    comment: RwSignal<String>,
    #[prop(into)] pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(HandlerStep) + Copy + Send + Sync + 'static,
{
    let missing = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let ask = move || {
        let items: Vec<String> = missing.get_untracked().lines().map(str::to_owned).collect();
        match parse_iso_date(&deadline.get_untracked()) {
            Some(d) => run(HandlerStep::Ask(AskForMore {
                missing: items,
                deadline: d,
                comment: comment.get_untracked(),
            })),
            None => crate::dom::focus("#ask-deadline"),
        }
    };
    view! {
        <section class="card" aria-labelledby="ask-title">
            <h2 id="ask-title" class="card-title">{t(lang, Text::AskForMoreTitle)}</h2>
            <div class="field">
                <label for="ask-missing">{t(lang, Text::MissingItemsLabel)}</label>
                <textarea id="ask-missing" data-testid="ask-missing" prop:value=move || missing.get() on:input=move |ev| missing.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="ask-deadline">{t(lang, Text::CaseDeadlineLabel)}</label>
                <input id="ask-deadline" type="date" data-testid="ask-deadline" on:change=move |ev| deadline.set(event_target_value(&ev)) on:input=move |ev| deadline.set(event_target_value(&ev))/>
            </div>
            <BusyButton class="button button-secondary" testid="case-ask" busy=pending on_click=ask>{t(lang, Text::AskForMoreTitle)}</BusyButton>
        </section>
    }
}

/// Handing the case over to one of `colleagues`.
#[component]
pub fn HandOverField<R>(
    run: R,
    colleagues: Vec<Handler>,
    #[prop(into)] pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(HandlerStep) + Copy + Send + Sync + 'static,
{
    let hand_to = RwSignal::new(String::new());
    let options = colleagues
        .into_iter()
        .map(|h| view! { <option value=h.username.clone()>{h.name.clone()}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for="hand-over-to">{t(lang, Text::HandOverLabel)}</label>
            <select id="hand-over-to" data-testid="hand-over-to" on:change=move |ev| hand_to.set(event_target_value(&ev))>
                <option value="">"—"</option>
                {options}
            </select>
            <BusyButton class="button button-secondary" testid="case-hand-over" busy=pending
                on_click=move || run(HandlerStep::HandOver(HandOver { to: hand_to.get_untracked(), comment: String::new() }))>
                {t(lang, Text::HandOverCase)}
            </BusyButton>
        </div>
    }
}
