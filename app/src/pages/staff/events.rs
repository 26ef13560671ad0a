//! The card's service events to check: each with its producer, date, units and shares,
//! the organiser's last check (and the producer's answer to a dispute), and the form that
//! marks it checked, or disputed with a note the producer sees and answers.

use super::card::{Card, CardSection};
use super::fields::{Problems, RadioField, TextField};
use crate::api;
use crate::components::facts::{Fact, MoneyFact};
use crate::components::form::{last_error, FormEnd};
use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::api::desk::{EventCheckView, NewEventCheck, StaffEvent};
use seteli_domain::desk::{check_event_check, CheckStatus};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::voucher::EventStatus;
use seteli_domain::Lang;

/// The words for a check's finding.
pub fn check_status_text(status: CheckStatus) -> Text {
    match status {
        CheckStatus::Checked => Text::CheckStatusChecked,
        CheckStatus::Disputed => Text::CheckStatusDisputed,
    }
}

/// The section.
#[component]
pub fn EventChecks(state: Card, lang: Lang) -> impl IntoView {
    let open = RwSignal::new(None::<EventId>);
    let events = Memo::new(move |_| state.card.with(|c| c.events.clone()));
    let list = move || {
        let events = events.get();
        if events.is_empty() {
            return view! { <p class="notice" data-testid="card-events-empty">{t(lang, Text::CardEventsEmpty)}</p> }.into_any();
        }
        let items = events
            .into_iter()
            .map(|e| view! { <EventItem event=e state open lang/> })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="card-event-list">{items}</ul> }
            .into_any()
    };
    view! {
        <CardSection id="events" heading=Text::CardEventsHeading lang>
            {list}
        </CardSection>
    }
}

#[component]
fn EventItem(
    event: StaffEvent,
    state: Card,
    open: RwSignal<Option<EventId>>,
    lang: Lang,
) -> impl IntoView {
    let e = event;
    let id = e.id;
    let check = e
        .check
        .clone()
        .map(|check| view! { <CheckFacts check lang/> });
    let cancelled = e.status == EventStatus::Cancelled;
    let is_open = move || open.get() == Some(id);
    view! {
        <li
            class="card"
            data-testid="card-event"
            data-event-id=id.to_string()
            data-check=e.check.as_ref().map(|c| c.status.as_str())
        >
            <p class="card-title">{i18n::format_date(lang, e.service_date)} " · " {e.producer_name.clone()}</p>
            <p class="card-meta">{e.description.clone()}</p>
            <dl class="facts">
                <Fact label=Text::VoucherNumberLabel lang>
                    <dd translate="no">{e.voucher_number.clone()}</dd>
                </Fact>
                <Fact label=Text::ColumnUnits lang>
                    <dd>{i18n::decimal_units(lang, e.units_x100)}</dd>
                </Fact>
                <MoneyFact label=Text::ColumnVoucherShare lang cents=e.voucher_share_cents/>
                <MoneyFact label=Text::OwnShare lang cents=e.own_share_cents/>
            </dl>
            {cancelled.then(|| view! { <p><span class="status status-cancelled">{t(lang, Text::StatusCancelled)}</span></p> })}
            {check}
            <button
                type="button"
                class="button button-secondary"
                data-testid="event-check-open"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })
            >
                {t(lang, Text::CheckEvent)}
            </button>
            {move || is_open().then(|| view! { <CheckForm id state open/> })}
        </li>
    }
}

/// The organiser's last check of an event, and the producer's answer.
#[component]
pub fn CheckFacts(check: EventCheckView, lang: Lang) -> impl IntoView {
    let answer = check.answer.clone().map(|answer| {
        view! {
            <Fact label=Text::ProducerAnswerLabel lang>
                <dd data-testid="event-check-answer">{answer}</dd>
            </Fact>
        }
    });
    view! {
        <dl class="facts event-check" data-testid="event-check" data-status=check.status.as_str()>
            <Fact label=Text::CheckStatusLabel lang>
                <dd data-testid="event-check-status">
                    {t(lang, check_status_text(check.status))} " – " {check.checked_by_name.clone()} ", "
                    {i18n::format_date_time(lang, check.checked_at)}
                </dd>
            </Fact>
            {(!check.note.is_empty()).then(|| view! {
                <Fact label=Text::CheckNoteLabel lang>
                    <dd data-testid="event-check-note">{check.note.clone()}</dd>
                </Fact>
            })}
            {answer}
        </dl>
    }
}

/// Marks an event checked, or disputed with a note.
#[component]
fn CheckForm(id: EventId, state: Card, open: RwSignal<Option<EventId>>) -> impl IntoView {
    let lang = use_lang();
    let status = RwSignal::new(CheckStatus::Checked.as_str().to_owned());
    let note = RwSignal::new(String::new());
    let send = Action::new_local(move |check: &NewEventCheck| {
        let check = check.clone();
        let lang = lang.get_untracked();
        async move { api::check_event(id, &check, lang).await }
    });
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            open.set(None);
            state.reload.run(());
        }
    });
    let server_error = last_error(send, Result::err);
    let problems = Problems::new(server_error);
    let prefix = format!("event-{id}-check");
    let note_id = format!("{prefix}-note");
    let focus = note_id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let finding = CheckStatus::parse(&status.get_untracked()).unwrap_or(CheckStatus::Checked);
        let text = note.get_untracked();
        if check_event_check(finding, &text).is_err() {
            return problems.found("note", Text::CheckNoteMissing, &focus);
        }
        problems.clear();
        send.dispatch_local(NewEventCheck {
            status: finding,
            note: text.trim().to_owned(),
        });
    };
    let options = vec![
        (
            CheckStatus::Checked.as_str().to_owned(),
            Text::CheckStatusChecked,
        ),
        (
            CheckStatus::Disputed.as_str().to_owned(),
            Text::CheckStatusDisputed,
        ),
    ];
    view! {
        <form class="form-panel" data-testid="event-check-form" novalidate on:submit=on_submit>
            <RadioField id=format!("{prefix}-status") field="status" legend=Text::CheckStatusLabel value=status problems options/>
            <TextField id=note_id field="note" label=Text::CheckNoteLabel value=note problems multiline=true hint=Text::CheckNoteHint optional=true/>
            <FormEnd error=server_error error_testid="event-check-error" text=Text::SaveCheck pending testid="event-check-submit"/>
        </form>
    }
}
