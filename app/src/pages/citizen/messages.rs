//! `/my/messages`: the messages Seteli sent the customer through Suomi.fi Messages (or as
//! letters) — what someone did on their behalf, decisions, proxies, producers they can no
//! longer use — newest first, each with how far its delivery got. While the customer acts
//! for someone else, the API answers with that person's messages.

use crate::api;
use crate::components::list_page::ItemsPage;
use crate::components::states::EmptyNotice;
use crate::locale::tr;
use leptos::prelude::*;
use seteli_domain::api::MessageView;
use seteli_domain::clock::rfc3339;
use seteli_domain::delivery::MessageStatus;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The messages page.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let empty = || {
        view! {
            <p class="lead">{tr(Text::MessagesLead)}</p>
            <EmptyNotice testid="messages-empty" text=Text::MessagesEmpty/>
        }
    };
    let item = |message, lang| view! { <MessageItem message lang/> };
    view! { <ItemsPage title=Text::MessagesTitle fetch=api::my_messages empty lead=Text::MessagesLead class="card-list" testid="message-list" item/> }
}

/// One message: what was done, when, and whether it has gone to Suomi.fi Messages.
#[component]
fn MessageItem(message: MessageView, lang: Lang) -> impl IntoView {
    let sentence = i18n::message_sentence(
        lang,
        message.kind,
        &message.actor_name,
        &message.producer_name,
    );
    let status_text = i18n::message_status_text(message.status).map_or_else(
        || message.status.as_str().to_owned(),
        |text| t(lang, text).to_owned(),
    );
    let status_class = match message.status {
        MessageStatus::Queued | MessageStatus::Held => "status status-ended",
        MessageStatus::Failed | MessageStatus::Returned => "status status-cancelled",
        _ => "status status-active",
    };
    view! {
        <li
            class="card"
            data-testid="message"
            data-kind=message.kind.as_str()
            data-message-id=message.id.to_string()
        >
            <p class="card-time">
                <time datetime=rfc3339(message.created_at)>
                    {i18n::format_date_time(lang, message.created_at)}
                </time>
            </p>
            <p class="message-text" data-testid="message-text">{sentence}</p>
            <p class="card-status">
                <span class=status_class data-testid="message-status" data-status=message.status.as_str()>
                    {status_text}
                </span>
            </p>
        </li>
    }
}
