//! `/producer/feedback`: feedback customers gave the company, newest first, each with the
//! company's reply or the form to write it (one reply per feedback, 1–2000 characters,
//! checked with the domain's [`FeedbackText`] before it is sent).

use super::NotActingForCompany;
use crate::api;
use crate::components::form::{described_by, last_error, DoneNotice, FieldError, FormEnd};
use crate::components::list_page::{Items, ListPage};
use crate::components::states::EmptyNotice;
use crate::components::text_limit::CharCounter;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::pages::citizen::feedback::{Reply, VoucherLink};
use crate::pages::citizen::feedback_form::feedback_problem;
use leptos::prelude::*;
use seteli_domain::api::ProducerFeedback;
use seteli_domain::clock::finnish_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::FeedbackId;
use seteli_domain::voucher::{FeedbackText, TextError, FEEDBACK_MAX_CHARS};
use seteli_domain::Lang;
use std::collections::HashMap;

/// Replies being written, by feedback id. Kept above the loading boundary: a language
/// switch reloads the list but keeps the text.
type Drafts = RwSignal<HashMap<FeedbackId, String>>;

/// The page.
#[component]
pub fn ProducerFeedbackPage() -> impl IntoView {
    let drafts: Drafts = RwSignal::new(HashMap::new());
    let item = move |item, lang| view! { <FeedbackItem item drafts lang/> };
    let empty = || view! { <EmptyNotice testid="producer-feedback-empty" text=Text::ProducerFeedbackEmpty/> };
    view! {
        <ListPage title=Text::ProducerFeedbackTitle fetch=api::producer_feedback empty region="producer-feedback" forbidden=NotActingForCompany let:items>
            <Items lead=Text::ProducerFeedbackLead class="feedback-list" items item/>
        </ListPage>
    }
}

/// One feedback, with the reply or the form.
#[component]
fn FeedbackItem(item: ProducerFeedback, drafts: Drafts, lang: Lang) -> impl IntoView {
    let id = item.id;
    let current = RwSignal::new(item.clone());
    let sent = RwSignal::new(false);
    let received = i18n::format_date(lang, finnish_date(item.created_at));
    let voucher_link = item
        .voucher_id
        .map(|voucher| view! { <VoucherLink href=links::producer_voucher(voucher, lang) lang/> });
    let reply = move || match current.with(|f| f.reply.clone()) {
        Some(reply) => {
            view! { <Reply reply title=Text::YourReply testid="producer-reply" lang/> }.into_any()
        }
        None => view! { <ReplyForm id current sent drafts/> }.into_any(),
    };
    view! {
        <li class="feedback-item" data-testid="producer-feedback-item" data-feedback-id=id.to_string()>
            <h2 class="feedback-producer">{item.customer_given_name.clone()}</h2>
            <p class="feedback-meta">{t(lang, Text::FeedbackReceivedOn)} " " {received}</p>
            <p class="feedback-text" data-testid="producer-feedback-text">{item.body.clone()}</p>
            {voucher_link}
            {reply}
            <DoneNotice shown=sent id=format!("reply-{id}-sent") testid="reply-sent" text=Text::ReplySent/>
        </li>
    }
}

/// The reply form of one feedback.
#[component]
fn ReplyForm(
    id: FeedbackId,
    current: RwSignal<ProducerFeedback>,
    sent: RwSignal<bool>,
    drafts: Drafts,
) -> impl IntoView {
    let lang = use_lang();
    let field_id = format!("reply-{id}");
    let hint_id = format!("reply-{id}-hint");
    let error_id = format!("reply-{id}-error");
    let body = Signal::derive(move || drafts.with(|d| d.get(&id).cloned().unwrap_or_default()));
    let problem = RwSignal::new(None::<TextError>);
    let send = Action::new_local(move |(text, lang): &(String, Lang)| {
        let (text, lang) = (text.clone(), *lang);
        async move {
            match api::reply_to_feedback(id, &text, lang).await {
                Ok(updated) => {
                    drafts.try_update(|d| d.remove(&id));
                    sent.try_set(true);
                    // The form gives way to the reply; focus goes to the notice, not the
                    // top of the page.
                    dom::focus_after_render(format!("#reply-{id}-sent"));
                    current.try_set(updated);
                    None
                }
                Err(error) => Some(error),
            }
        }
    });
    let pending = send.pending();
    let server_error = last_error(send, |failed| failed);
    let focus_target = format!("#{field_id}");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match FeedbackText::parse(&body.get_untracked()) {
            Ok(text) => {
                problem.set(None);
                send.dispatch_local((text.as_str().to_owned(), lang.get_untracked()));
            }
            Err(error) => {
                problem.set(Some(error));
                dom::focus(&focus_target);
            }
        }
    };
    let described = described_by(hint_id.clone(), error_id.clone(), move || {
        problem.get().is_some()
    });
    view! {
        <form class="form-panel reply-form" novalidate on:submit=on_submit>
            <div class="field">
                <label for=field_id.clone()>{tr(Text::ReplyLabel)}</label>
                <p id=hint_id.clone() class="hint">{tr(Text::ReplyHint)}</p>
                {move || {
                    problem.get().map(|error| {
                        let text = match error {
                            TextError::Empty => Text::ReplyEmptyError,
                            TextError::TooLong => feedback_problem(error),
                        };
                        view! { <FieldError id=error_id.clone() text testid="reply-problem"/> }
                    })
                }}
                <textarea
                    id=field_id.clone()
                    name="body"
                    rows="4"
                    maxlength=FEEDBACK_MAX_CHARS.to_string()
                    data-testid="reply-body"
                    aria-describedby=described
                    aria-invalid=move || problem.get().is_some().then_some("true")
                    prop:value=move || body.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        if problem.get_untracked().is_some() && FeedbackText::parse(&text).is_ok() {
                            problem.set(None);
                        }
                        drafts.update(|d| {
                            d.insert(id, text);
                        });
                    }
                ></textarea>
                <CharCounter text=body max=FEEDBACK_MAX_CHARS testid="reply-count"/>
            </div>
            <FormEnd error=server_error error_testid="reply-error" text=Text::ReplySubmit pending testid="reply-submit"/>
        </form>
    }
}
