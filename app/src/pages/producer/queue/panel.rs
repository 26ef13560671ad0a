//! The queue on screen.

use super::EventQueue;
use crate::components::form::BusyButton;
use crate::locale::{tr, use_lang};
use crate::visit_queue::QueuedEvent;
use leptos::prelude::*;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{ErrorCode, Lang};

/// One queued visit as the list says it: `21.11.2026 · Maija Meikäläinen · 1,5 tuntia ·
/// Siivous`.
fn entry_summary(lang: Lang, entry: &QueuedEvent) -> String {
    format!(
        "{} · {} · {} · {}",
        i18n::format_date(lang, entry.event.service_date),
        entry.customer_name,
        i18n::unit_quantity(lang, entry.event.units_x100, entry.unit),
        entry.event.description
    )
}

/// The queue on screen: what waits, why, what the server refused, and the button that
/// sends now. Shown while something waits or was refused, and — once it had entries on this
/// page — also when they have all been sent.
#[component]
pub fn EventQueuePanel(queue: EventQueue) -> impl IntoView {
    let lang = use_lang();
    let visible = move || {
        queue.seen.get() || !queue.items.with(Vec::is_empty) || !queue.failures.with(Vec::is_empty)
    };
    let count = move || queue.items.with(Vec::len);
    let items = move || {
        let lang = lang.get();
        queue
            .items
            .get()
            .into_iter()
            .map(|entry| {
                view! {
                    <li class="queue-item" data-testid="queue-item" data-key=entry.key().to_owned()>
                        {entry_summary(lang, &entry)}
                    </li>
                }
            })
            .collect_view()
    };
    // Why the entries still wait, unless it is the usual reason (no connection).
    let waiting = move || {
        queue
            .waiting
            .get()
            .filter(|error| error.code != ErrorCode::Network && count() > 0)
            .map(|error| view! { <p class="field-error" data-testid="queue-waiting">{error.message}</p> })
    };
    let syncing = queue.syncing;
    move || {
        visible().then(|| {
            view! {
                <section class="event-queue" aria-labelledby="event-queue-heading" data-testid="event-queue">
                    <h2 id="event-queue-heading">{tr(Text::QueueHeading)}</h2>
                    <p class="queue-count-line">
                        {tr(Text::QueueCountLabel)} ": "
                        <strong data-testid="queue-count">{move || count().to_string()}</strong>
                    </p>
                    {move || {
                        if count() == 0 {
                            view! { <p data-testid="queue-empty">{tr(Text::QueueAllSent)}</p> }.into_any()
                        } else {
                            view! {
                                <p class="hint">{tr(Text::QueueHint)}</p>
                                <ol class="queue-list" role="list">{items}</ol>
                            }
                                .into_any()
                        }
                    }}
                    {waiting}
                    <QueueFailures queue/>
                    // Present from the start, so that screen readers notice what appears in it.
                    <p class="visually-hidden" role="status" aria-live="polite">
                        {move || syncing.get().then(|| tr(Text::QueueSyncing)())}
                    </p>
                    {move || {
                        (count() > 0)
                            .then(|| {
                                view! {
                                    <div class="form-actions">
                                        <BusyButton
                                            class="button button-secondary"
                                            testid="sync-now"
                                            busy=syncing
                                            on_click=move || queue.sync()
                                        >
                                            {move || {
                                                t(
                                                    lang.get(),
                                                    if syncing.get() { Text::Sending } else { Text::SyncNow },
                                                )
                                            }}
                                        </BusyButton>
                                    </div>
                                }
                            })
                    }}
                </section>
            }
        })
    }
}

/// The visits the server refused while the queue sent them, each with its reason and a
/// button that dismisses it.
#[component]
fn QueueFailures(queue: EventQueue) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        queue
            .failures
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, failure)| {
                let dismiss = move |_| {
                    queue.failures.update(|list| {
                        if index < list.len() {
                            list.remove(index);
                        }
                    })
                };
                view! {
                    <div class="notice notice-error" role="alert" data-testid="queue-error">
                        <p class="notice-title">{t(lang, Text::QueueRefused)}</p>
                        <p>{entry_summary(lang, &failure.entry)}</p>
                        <p>{failure.error.message}</p>
                        <button type="button" class="button button-secondary" on:click=dismiss>
                            {t(lang, Text::Dismiss)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}
