//! The card's records of others: what producers' people did with the customer's vouchers,
//! the feedback the customer gave, and who has looked at the customer's data.

use super::card::{Card, CardSection};
use crate::components::access_log::{producer_action_text, AccessLogItem};
use leptos::prelude::*;
use seteli_domain::clock::rfc3339;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// What producers' people did, newest first.
#[component]
pub fn ProducerLog(state: Card, lang: Lang) -> impl IntoView {
    let list = move || {
        let log = state.card.with(|c| c.producer_log.clone());
        if log.is_empty() {
            return view! { <p class="notice" data-testid="producer-log-empty">{t(lang, Text::ProducerLogEmpty)}</p> }.into_any();
        }
        let items = log
            .into_iter()
            .map(|entry| {
                let what = producer_action_text(&entry.action)
                    .map_or_else(|| entry.action.clone(), |text| t(lang, text).to_owned());
                view! {
                    <li class="card" data-testid="producer-log-entry" data-action=entry.action.clone()>
                        <p class="card-time"><time datetime=rfc3339(entry.at)>{i18n::format_date_time(lang, entry.at)}</time></p>
                        <p>{format!("{} ({})", entry.actor_name, entry.producer_name)}</p>
                        <p class="card-meta">{what} " · " <span translate="no">{entry.voucher_number}</span></p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="card-list" role="list" data-testid="producer-log">{items}</ol> }
            .into_any()
    };
    view! { <CardSection id="producer-log-section" heading=Text::ProducerLogHeading lang>{list}</CardSection> }
}

/// The customer's feedback to producers, with their replies.
#[component]
pub fn CustomerFeedback(state: Card, lang: Lang) -> impl IntoView {
    let list = move || {
        let feedback = state.card.with(|c| c.feedback.clone());
        if feedback.is_empty() {
            return view! { <p class="notice" data-testid="card-feedback-empty">{t(lang, Text::CardFeedbackEmpty)}</p> }.into_any();
        }
        let items = feedback
            .into_iter()
            .map(|f| {
                let reply = f.reply.map(|r| view! {
                    <p class="card-meta">{t(lang, Text::ProducerReplyLabel)} ": " {r.body}</p>
                });
                view! {
                    <li class="card" data-testid="card-feedback">
                        <p class="card-time"><time datetime=rfc3339(f.created_at)>{i18n::format_date_time(lang, f.created_at)}</time></p>
                        <p class="card-title">{f.producer_name}</p>
                        <p>{f.body}</p>
                        {reply}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="card-list" role="list" data-testid="card-feedback-list">{items}</ol> }
            .into_any()
    };
    view! { <CardSection id="feedback" heading=Text::CardFeedbackHeading lang>{list}</CardSection> }
}

/// Who has looked at the customer's data, newest first.
#[component]
pub fn AccessLog(state: Card, lang: Lang) -> impl IntoView {
    let list = move || {
        let log = state.card.with(|c| c.access_log.clone());
        if log.is_empty() {
            return view! { <p class="notice" data-testid="card-access-log-empty">{t(lang, Text::AccessLogEmpty)}</p> }.into_any();
        }
        let items = log
            .into_iter()
            .map(|entry| view! { <AccessLogItem entry lang/> })
            .collect_view();
        view! { <ol class="card-list" role="list" data-testid="card-access-log">{items}</ol> }
            .into_any()
    };
    view! { <CardSection id="access-log-section" heading=Text::CardAccessLogHeading lang>{list}</CardSection> }
}
