//! `/my/messages`: the messages sent to the customer's Suomi.fi Messages when someone gave
//! feedback or answered a survey on their behalf, newest first. While the customer acts
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

/// The words for a message's delivery status; `None` for one this app does not know
/// (shown as it came).
pub fn status_label(status: MessageStatus) -> Option<Text> {
    match status {
        MessageStatus::Queued => Some(Text::MessageQueued),
        MessageStatus::Sent => Some(Text::MessageSent),
        MessageStatus::Held => Some(Text::MessageHeld),
        MessageStatus::Paper => Some(Text::MessagePaper),
        MessageStatus::Read => Some(Text::MessageRead),
        MessageStatus::Printed => Some(Text::MessagePrinted),
        MessageStatus::Delivered => Some(Text::MessageDelivered),
        MessageStatus::Returned => Some(Text::MessageReturned),
        MessageStatus::Failed => Some(Text::MessageFailed),
        MessageStatus::Unknown => None,
    }
}

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
    let status_text = status_label(message.status).map_or_else(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_messages_say_so_and_unknown_statuses_are_shown_as_they_came() {
        let status = |name: &str| serde_json::from_value(serde_json::json!(name)).unwrap();
        assert_eq!(status_label(status("queued")), Some(Text::MessageQueued));
        assert_eq!(status_label(status("bounced")), None);
        let labels: std::collections::HashSet<Text> = MessageStatus::ALL
            .into_iter()
            .map(|s| status_label(s).expect("every known status has words"))
            .collect();
        assert_eq!(labels.len(), MessageStatus::ALL.len(), "each its own");
    }
}
