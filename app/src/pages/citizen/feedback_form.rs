//! The voucher page's feedback form: to a producer that served under the voucher,
//! optionally about one of its visits. The text is checked with the domain's own
//! [`FeedbackText`] before it is sent, so the browser and the edge refuse the same things.

use crate::api;
use crate::components::form::{described_by, last_error, FieldError, FormEnd, SelectField};
use crate::components::text_limit::CharCounter;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{NewFeedback, ServiceEventView, VoucherProducer};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::{EventId, ProducerId, VoucherId};
use seteli_domain::voucher::EventStatus;
use seteli_domain::voucher::{FeedbackText, TextError, FEEDBACK_MAX_CHARS};
use seteli_domain::Lang;

/// What is being written. The voucher page keeps it above its loading boundary, so that
/// switching the language (which reloads the voucher in that language) keeps the text.
#[derive(Debug, Clone, Copy)]
pub struct FeedbackDraft {
    /// `None` until the customer picks one: the first producer is then meant.
    producer: RwSignal<Option<ProducerId>>,
    /// `None` is "no specific visit".
    event: RwSignal<Option<EventId>>,
    body: RwSignal<String>,
    /// The last feedback went through (until the next one is sent).
    sent: RwSignal<bool>,
}

impl Default for FeedbackDraft {
    fn default() -> Self {
        Self {
            producer: RwSignal::new(None),
            event: RwSignal::new(None),
            body: RwSignal::new(String::new()),
            sent: RwSignal::new(false),
        }
    }
}

/// The request for what the form holds, or why the text cannot be sent.
pub fn new_feedback(
    voucher_id: VoucherId,
    producer_id: ProducerId,
    event_id: Option<EventId>,
    body: &str,
) -> Result<NewFeedback, TextError> {
    let body = FeedbackText::parse(body)?;
    Ok(NewFeedback {
        voucher_id,
        producer_id,
        event_id,
        body: body.as_str().to_owned(),
    })
}

/// What the customer is told about a text the domain refuses.
pub fn feedback_problem(error: TextError) -> Text {
    match error {
        TextError::Empty => Text::FeedbackEmptyError,
        TextError::TooLong => Text::FeedbackTooLongError,
    }
}

/// A visit as the visit list names it: `1.3.2026 – Siivous`.
fn event_label(lang: Lang, event: &ServiceEventView) -> String {
    let date = i18n::format_date(lang, event.service_date);
    if event.status == EventStatus::Cancelled {
        format!(
            "{date} – {} ({})",
            event.description,
            t(lang, Text::StatusCancelled)
        )
    } else {
        format!("{date} – {}", event.description)
    }
}

/// The form. `producers` is not empty (the page explains instead when it is).
#[component]
pub fn FeedbackForm(
    voucher_id: VoucherId,
    producers: Vec<VoucherProducer>,
    events: Vec<ServiceEventView>,
    draft: FeedbackDraft,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let first = producers.first().map(|p| p.producer_id);
    let known: Vec<ProducerId> = producers.iter().map(|p| p.producer_id).collect();
    // The chosen producer, or the first when nothing (or no longer a listed one) is chosen.
    let producer = Memo::new(move |_| draft.producer.get().filter(|p| known.contains(p)).or(first));
    let problem = RwSignal::new(None::<TextError>);

    let send = Action::new_local(move |(input, lang): &(NewFeedback, Lang)| {
        let (input, lang) = (input.clone(), *lang);
        async move {
            let result = api::send_feedback(&input, lang).await;
            if result.is_ok() {
                // The draft outlives this form; the page may be gone by now, though.
                draft.body.try_set(String::new());
                draft.event.try_set(None);
                draft.sent.try_set(true);
            }
            result
        }
    });
    let pending = send.pending();
    let server_error = last_error(send, Result::err);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(producer_id) = producer.get_untracked() else {
            return;
        };
        draft.sent.set(false);
        let body = draft.body.get_untracked();
        match new_feedback(voucher_id, producer_id, draft.event.get_untracked(), &body) {
            Ok(input) => {
                problem.set(None);
                send.dispatch_local((input, ui_lang.get_untracked()));
            }
            Err(error) => {
                problem.set(Some(error));
                dom::focus("#feedback-body");
            }
        }
    };

    let producer_options = producers
        .into_iter()
        .map(|p| {
            let id = p.producer_id;
            view! {
                <option value=id.to_string() prop:selected=move || producer.get() == Some(id)>
                    {p.producer_name}
                </option>
            }
        })
        .collect_view();
    let event_options = move || {
        let chosen = producer.get();
        events
            .iter()
            .filter(|e| Some(e.producer_id) == chosen)
            .map(|e| {
                let id = e.id;
                view! {
                    <option value=id.to_string() prop:selected=move || draft.event.get() == Some(id)>
                        {event_label(lang, e)}
                    </option>
                }
            })
            .collect_view()
    };
    let described = described_by("feedback-body-hint", "feedback-error", move || {
        problem.get().is_some()
    });

    view! {
        <p>{t(lang, Text::FeedbackIntro)}</p>
        <form class="form-panel" data-testid="feedback-form" novalidate on:submit=on_submit>
            <SelectField
                id="feedback-producer"
                name="producer"
                label=Text::FeedbackProducerLabel
                testid="feedback-producer"
                on_change=move |ev| {
                    draft.producer.set(ProducerId::parse(&event_target_value(&ev)));
                    draft.event.set(None);
                }
            >
                {producer_options}
            </SelectField>
            <SelectField
                id="feedback-event"
                name="event"
                label=Text::FeedbackEventLabel
                testid="feedback-event"
                on_change=move |ev| draft.event.set(EventId::parse(&event_target_value(&ev)))
            >
                <option value="" prop:selected=move || draft.event.get().is_none()>
                    {tr(Text::FeedbackNoEvent)}
                </option>
                {event_options}
            </SelectField>
            <div class="field">
                <label for="feedback-body">{tr(Text::FeedbackBodyLabel)}</label>
                <p id="feedback-body-hint" class="hint">{tr(Text::FeedbackBodyHint)}</p>
                {move || {
                    problem.get().map(|error| {
                        view! { <FieldError id="feedback-error" text=feedback_problem(error) testid="feedback-error"/> }
                    })
                }}
                <textarea
                    id="feedback-body"
                    name="body"
                    rows="6"
                    maxlength=FEEDBACK_MAX_CHARS.to_string()
                    data-testid="feedback-body"
                    aria-describedby=described
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    prop:value=move || draft.body.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        // A fixed text takes its error away at once; a new one waits for
                        // the next submit, so typing is not interrupted.
                        if problem.get_untracked().is_some() && FeedbackText::parse(&text).is_ok() {
                            problem.set(None);
                        }
                        draft.body.set(text);
                    }
                ></textarea>
                <CharCounter text=draft.body max=FEEDBACK_MAX_CHARS testid="feedback-count"/>
            </div>
            <FormEnd error=server_error error_testid="feedback-server-error" text=Text::FeedbackSubmit pending testid="feedback-submit">
                <FeedbackSent sent=draft.sent/>
            </FormEnd>
        </form>
    }
}

/// The note that the last feedback went through, with the way to the customer's feedback.
/// Present from the start, so that screen readers notice what appears in it.
#[component]
fn FeedbackSent(sent: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div aria-live="polite">
            {move || {
                sent.get().then(|| {
                    view! {
                        <div class="notice notice-success" role="status" data-testid="feedback-sent">
                            <p>{tr(Text::FeedbackSent)}</p>
                            <p>
                                <a href=move || links::my_feedback(lang.get())>{tr(Text::SeeMyFeedback)}</a>
                            </p>
                        </div>
                    }
                })
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    #[test]
    fn feedback_is_sent_trimmed_with_its_producer_and_visit() {
        let f = new_feedback(id(7), id(3), Some(id(11)), "  Kiitos hyvästä palvelusta!\n").unwrap();
        assert_eq!(f.voucher_id.get(), 7);
        assert_eq!(f.producer_id, id(3));
        assert_eq!(f.event_id.map(EventId::get), Some(11));
        assert_eq!(f.body, "Kiitos hyvästä palvelusta!");
    }

    #[test]
    fn empty_or_too_long_feedback_is_refused_before_sending() {
        assert_eq!(
            new_feedback(id(7), id(3), None, " \n "),
            Err(TextError::Empty)
        );
        let long = "ä".repeat(FEEDBACK_MAX_CHARS + 1);
        assert_eq!(
            new_feedback(id(7), id(3), None, &long),
            Err(TextError::TooLong)
        );
        assert!(new_feedback(id(7), id(3), None, &"ä".repeat(FEEDBACK_MAX_CHARS)).is_ok());
        assert_eq!(feedback_problem(TextError::Empty), Text::FeedbackEmptyError);
        assert_eq!(
            feedback_problem(TextError::TooLong),
            Text::FeedbackTooLongError
        );
    }
}
