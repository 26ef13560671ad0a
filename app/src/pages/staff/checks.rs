//! Checking a service event, shared by the customer card's events and the desk's list of
//! events to check: the organiser's last check with the producer's answer, and the form
//! that marks an event checked, or disputed with a note the producer sees and answers.

use crate::api;
use crate::components::facts::Fact;
use crate::components::fields::{Problems, RadioField, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::api::desk::{EventCheckView, NewEventCheck};
use seteli_domain::desk::{check_event_check, CheckStatus};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::Lang;

/// The words for a check's finding.
pub fn check_status_text(status: CheckStatus) -> Text {
    match status {
        CheckStatus::Checked => Text::CheckStatusChecked,
        CheckStatus::Disputed => Text::CheckStatusDisputed,
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

/// Marks an event checked, or disputed with a note; closes itself (`open`) and runs
/// `on_done` once the API has taken the check.
#[component]
pub fn CheckForm(
    id: EventId,
    open: RwSignal<Option<EventId>>,
    on_done: Callback<()>,
) -> impl IntoView {
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
            on_done.run(());
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
