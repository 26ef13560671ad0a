//! `/my/feedback`: the feedback the customer has given, newest first, each with the
//! producer's reply or a note that there is none yet.

use crate::api;
use crate::components::list_page::ItemsPage;
use crate::components::states::EmptyNotice;
use crate::links;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{FeedbackReplyView, FeedbackView};
use seteli_domain::clock::finnish_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The feedback page.
#[component]
pub fn MyFeedbackPage() -> impl IntoView {
    let lang = use_lang();
    let empty = move || {
        view! {
            <EmptyNotice testid="feedback-empty" title=Text::FeedbackEmpty text=Text::FeedbackEmptyHint>
                <p><a href=move || links::my_vouchers(lang.get())>{tr(Text::MyVouchersTitle)}</a></p>
            </EmptyNotice>
        }
    };
    let item = |item, lang| view! { <FeedbackItem item lang/> };
    view! { <ItemsPage title=Text::MyFeedbackTitle fetch=api::my_feedback empty lead=Text::MyFeedbackLead class="feedback-list" testid="feedback-list" item/> }
}

/// One piece of feedback and its reply.
#[component]
fn FeedbackItem(item: FeedbackView, lang: Lang) -> impl IntoView {
    let sent = i18n::format_date(lang, finnish_date(item.created_at));
    let voucher_link = item
        .voucher_id
        .map(|id| view! { <VoucherLink href=links::my_voucher(id, lang) lang/> });
    let reply = match item.reply {
        Some(reply) => {
            view! { <Reply reply title=Text::ProducerReply testid="feedback-reply" lang/> }.into_any()
        }
        None => view! { <p class="feedback-no-reply" data-testid="feedback-no-reply">{t(lang, Text::NoReplyYet)}</p> }
            .into_any(),
    };
    view! {
        <li class="feedback-item" data-testid="feedback-item" data-feedback-id=item.id.to_string()>
            <h2 class="feedback-producer">{item.producer_name}</h2>
            <p class="feedback-meta">{t(lang, Text::FeedbackSentOn)} " " {sent}</p>
            <p class="feedback-text" data-testid="feedback-text">{item.body}</p>
            {reply}
            {voucher_link}
        </li>
    }
}

/// The link from a feedback to the voucher it was given under (`href`).
#[component]
pub fn VoucherLink(href: String, lang: Lang) -> impl IntoView {
    view! {
        <p class="feedback-voucher">
            <a href=href>{t(lang, Text::ShowVoucher)}</a>
        </p>
    }
}

/// The producer's reply to a feedback, under `title` with its date.
#[component]
pub fn Reply(
    reply: FeedbackReplyView,
    title: Text,
    testid: &'static str,
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="feedback-reply" data-testid=testid>
            <p class="feedback-reply-title">
                {t(lang, title)} ", " {i18n::format_date(lang, finnish_date(reply.created_at))}
            </p>
            <p class="feedback-text">{reply.body}</p>
        </div>
    }
}
