//! The organiser's dispute of a visit, as the producer sees it under the visit: the staff
//! member's note, and the company's one answer (a form until it is given).

use crate::api;
use crate::components::form::{last_error, FormEnd};
use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::api::desk::EventCheckView;
use seteli_domain::desk::{check_text, CheckStatus, MAX_TEXT};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::{ErrorCode, Lang};

/// A disputed visit's note and answer; nothing for a visit that is not disputed.
#[component]
pub fn Dispute(
    event_id: EventId,
    check: Option<EventCheckView>,
    on_done: Callback<()>,
    lang: Lang,
) -> impl IntoView {
    let check = check.filter(|c| c.status == CheckStatus::Disputed)?;
    let answer = match check.answer.clone() {
        Some(answer) => view! {
            <p class="dispute-answer" data-testid="dispute-answer">
                <strong>{t(lang, Text::YourAnswerLabel)} ": "</strong>
                {answer}
            </p>
        }
        .into_any(),
        None => view! { <AnswerForm event_id on_done/> }.into_any(),
    };
    Some(view! {
        <div class="notice dispute" data-testid="event-dispute" data-event-id=event_id.to_string()>
            <p class="notice-title">{t(lang, Text::DisputeTitle)}</p>
            <p data-testid="dispute-note">{check.note.clone()}</p>
            <p class="hint">{check.checked_by_name.clone()} ", " {i18n::format_date_time(lang, check.checked_at)}</p>
            {answer}
        </div>
    })
}

/// The company's answer to the dispute.
#[component]
fn AnswerForm(event_id: EventId, on_done: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let body = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let send = Action::new_local(move |body: &String| {
        let body = body.clone();
        let lang = lang.get_untracked();
        async move { api::answer_dispute(event_id, &body, lang).await }
    });
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            on_done.run(());
        }
    });
    let server_error = last_error(send, Result::err);
    let field_id = format!("dispute-{event_id}-answer");
    let error_id = format!("{field_id}-error");
    let invalid = move || missing.get();
    let on_submit = {
        let field_id = field_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            let text = body.get_untracked();
            if check_text(&text, MAX_TEXT, ErrorCode::InvalidReply, "body").is_err() {
                missing.set(true);
                crate::dom::focus(&format!("#{field_id}"));
                return;
            }
            missing.set(false);
            send.dispatch_local(text.trim().to_owned());
        }
    };
    view! {
        <form class="form-panel" data-testid="dispute-answer-form" novalidate on:submit=on_submit>
            <div class="field">
                <label for=field_id.clone()>{move || t(lang.get(), Text::DisputeAnswerLabel)}</label>
                <textarea
                    id=field_id.clone()
                    name="body"
                    rows="3"
                    data-testid="dispute-answer-input"
                    aria-describedby={
                        let error_id = error_id.clone();
                        move || invalid().then(|| error_id.clone())
                    }
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))
                ></textarea>
                {move || invalid().then(|| view! {
                    <p id=error_id.clone() class="field-error" data-testid="dispute-answer-missing">{t(lang.get(), Text::ReplyEmptyError)}</p>
                })}
            </div>
            <FormEnd error=server_error error_testid="dispute-answer-error" text=Text::SendDisputeAnswer pending testid="dispute-answer-submit"/>
        </form>
    }
}
