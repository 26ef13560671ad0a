//! `/desk/deliveries`: the organiser's messages an employee may need to act on — held for
//! review (a protected address, no address, a child with no known guardian), failed, or sent
//! as letters and then printed or returned — newest first. A held message can be released:
//! it then goes out with the next delivery, on paper even to a protected address.

use super::StaffOnly;
use crate::api;
use crate::components::confirm::ConfirmButton;
use crate::components::form::SubmitError;
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::clock::rfc3339;
use seteli_domain::delivery::texts::{notice, notice_lang, Addressee, Facts};
use seteli_domain::delivery::{Deliveries, DeliveryItem, HeldReason, MessageStatus};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::MessageId;
use seteli_domain::{ApiError, Lang};

/// The page.
#[component]
pub fn DeliveriesPage() -> impl IntoView {
    let lang = use_lang();
    let deliveries = retryable(move || api::deliveries(lang.get()));
    use_document_title(|lang| t(lang, Text::DeliveriesTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::DeliveriesTitle)}</h1>
        <p class="lead">{tr(Text::DeliveriesLead)}</p>
        <Remote data=deliveries forbidden=StaffOnly let:deliveries>
            <DeliveryList deliveries lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn DeliveryList(deliveries: Deliveries, lang: Lang) -> impl IntoView {
    let items = RwSignal::new(deliveries.items);
    let release = Action::new_local(move |id: &MessageId| {
        let id = *id;
        async move {
            let fresh = api::release_delivery(id, lang).await?;
            items.try_set(fresh.items);
            Ok::<(), ApiError>(())
        }
    });
    let pending = release.pending();
    let outcome = move || {
        match release.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="delivery-released">{t(lang, Text::DeliveryReleased)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="delivery-error"/> }.into_any())
        }
        _ => None,
    }
    };
    view! {
        <div aria-live="polite">{outcome}</div>
        {move || {
            let list = items.get();
            if list.is_empty() {
                return view! { <EmptyNotice testid="deliveries-empty" text=Text::DeliveriesEmpty/> }.into_any();
            }
            let rows = list
                .into_iter()
                .map(|item| {
                    let held = item.status == MessageStatus::Held;
                    let id = item.id;
                    let on_release = move || {
                        if !pending.get_untracked() {
                            release.dispatch_local(id);
                        }
                    };
                    view! {
                        <DeliveryRow item=item.clone() lang/>
                        {held.then(|| view! {
                            <div class="button-row">
                                <ConfirmButton class="button" testid="delivery-release" busy=pending on_confirm=on_release>
                                    {t(lang, Text::ReleaseDelivery)}
                                </ConfirmButton>
                            </div>
                        })}
                    }
                })
                .map(|row| view! { <li class="card" data-testid="delivery">{row}</li> })
                .collect_view();
            view! { <ul class="card-list" role="list" data-testid="deliveries">{rows}</ul> }.into_any()
        }}
    }
}

fn held_text(reason: HeldReason) -> Option<Text> {
    match reason {
        HeldReason::NonDisclosure => Some(Text::HeldNonDisclosure),
        HeldReason::NoAddress => Some(Text::HeldNoAddress),
        HeldReason::NoRecipient => Some(Text::HeldNoRecipient),
        HeldReason::Unknown => None,
    }
}

/// What the message is (its title, as the recipient reads it), to whom, when, and where it
/// stands.
#[component]
fn DeliveryRow(item: DeliveryItem, lang: Lang) -> impl IntoView {
    // The title in the letters' languages (Swedish readers read Swedish, others Finnish).
    let title_lang = notice_lang(Some(lang));
    let title = notice(
        title_lang,
        &Facts {
            kind: item.kind,
            actor: "",
            producer: "",
            organiser: "",
            addressee: Addressee::Principal,
            service_url: "",
        },
    )
    .title;
    let status_text = i18n::message_status_text(item.status).map_or_else(
        || item.status.as_str().to_owned(),
        |text| t(lang, text).to_owned(),
    );
    let recipient = if item.to_company {
        format!("{} ({})", item.recipient, t(lang, Text::CompanyRecipient))
    } else {
        item.recipient.clone()
    };
    view! {
        <h2 class="card-title" lang=title_lang.code()>{title}</h2>
        <p data-testid="delivery-recipient">{recipient}</p>
        <p class="card-time">
            <time datetime=rfc3339(item.created_at)>{i18n::format_date_time(lang, item.created_at)}</time>
        </p>
        <p>
            <span class="badge" data-testid="delivery-status" data-status=item.status.as_str()>{status_text}</span>
        </p>
        {item.held_reason.and_then(held_text).map(|text| view! { <p data-testid="delivery-held-reason">{t(lang, text)}</p> })}
        {item.last_error.map(|error| view! { <p>{t(lang, Text::LastErrorLabel)}": "<code>{error}</code></p> })}
    }
}
