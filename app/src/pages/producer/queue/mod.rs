//! Visits logged without a connection. An entry that could not be sent (no network, or the
//! browser says it is offline) is kept in `localStorage` (`seteli.event-queue`, a JSON
//! list) with the idempotency key it was given when it was made, and sent again — in
//! order, each with its own key — when the browser comes back online, when a producer page
//! loads, on the "send now" button, and now and then while the browser is online. The key makes a resend that the server already
//! took return the first event instead of logging a second one.
//!
//! Each entry names its company and the person who queued it (the opaque `user_key` of
//! `/api/auth/me`), and only a session of that person acting for that company sends it: one
//! phone can be used for two employers, or lent to a colleague, and a visit is never sent
//! under someone else's login. Entries this version cannot read (also those queued before
//! entries named their person) are left in storage untouched rather than thrown away.

mod panel;

pub use crate::visit_queue::{
    company_entries, stored_list, verdict, with_entry, without_key, QueueFailure, QueueOwner,
    QueuedEvent, Verdict, QUEUE_KEY,
};
pub use panel::EventQueuePanel;

use crate::api;
use crate::dom;
use crate::locale::use_lang;
use crate::session::use_session;
use crate::visit_queue::{read_list, remove};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use seteli_domain::{ApiError, Lang};
use std::time::Duration;

/// How often the page looks whether the browser is back online.
const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Entries waiting while the browser is online are tried again every this many looks
/// (half a minute).
const RETRY_EVERY_TICKS: u32 = 15;

/// The queue of the company the session acts for, as a page sees it.
#[derive(Clone, Copy)]
pub struct EventQueue {
    owner: Memo<Option<QueueOwner>>,
    lang: Signal<Lang>,
    items: RwSignal<Vec<QueuedEvent>>,
    syncing: RwSignal<bool>,
    failures: RwSignal<Vec<QueueFailure>>,
    /// Why the entries still wait after the last attempt.
    waiting: RwSignal<Option<ApiError>>,
    /// The queue had entries while this page was open: it stays on screen (saying that all
    /// were sent) so that its emptying is seen.
    seen: RwSignal<bool>,
    /// Counts the syncs that changed what the server has: pages reload their events.
    changed: RwSignal<u32>,
}

impl EventQueue {
    /// The queue of `owner` (known once the session is): read at once and sent when the
    /// person and company are known, and again whenever the browser comes back online.
    pub fn new(owner: Memo<Option<QueueOwner>>) -> Self {
        let queue = Self {
            owner,
            lang: use_lang(),
            items: RwSignal::new(Vec::new()),
            syncing: RwSignal::new(false),
            failures: RwSignal::new(Vec::new()),
            waiting: RwSignal::new(None),
            seen: RwSignal::new(false),
            changed: RwSignal::new(0),
        };
        Effect::new(move |_| {
            if owner.get().is_some() {
                queue.reload();
                if !queue.items.get_untracked().is_empty() {
                    queue.seen.set(true);
                }
                queue.sync();
            }
        });
        let session = use_session();
        let handle = window_event_listener(ev::online, move |_| {
            // Offline at page load, the session could not be asked; without it the queue
            // does not know its company.
            session.retry_if_failed();
            queue.sync();
        });
        on_cleanup(move || handle.remove());
        // `online` is not fired everywhere (nor by every network emulation): a cheap look at
        // `navigator.onLine` every few seconds notices the connection coming back, and
        // entries that wait while the browser claims to be online are retried now and then.
        let was_online = StoredValue::new(dom::is_online());
        let ticks = StoredValue::new(0_u32);
        let poll = set_interval_with_handle(
            move || {
                let online = dom::is_online();
                let came_back = online && !was_online.get_value();
                was_online.set_value(online);
                ticks.update_value(|n| *n = n.wrapping_add(1));
                if came_back || (online && ticks.get_value().is_multiple_of(RETRY_EVERY_TICKS)) {
                    queue.sync();
                }
            },
            POLL_INTERVAL,
        );
        if let Ok(poll) = poll {
            on_cleanup(move || poll.clear());
        }
        queue
    }

    /// Counts the syncs that changed what the server has (reactive).
    pub fn changed(self) -> u32 {
        self.changed.get()
    }

    /// Keeps `entry` to be sent later; `false` if the browser would not store it (storage
    /// disabled or full), so that the caller does not claim it was kept.
    pub fn keep(self, entry: &QueuedEvent) -> bool {
        let list = with_entry(stored_list(dom::read_storage(QUEUE_KEY).as_deref()), entry);
        let stored = serde_json::to_string(&list)
            .map(|json| dom::write_storage(QUEUE_KEY, &json))
            .unwrap_or(false);
        if stored {
            // The page may be gone by now (a request that failed late).
            self.seen.try_set(true);
            self.reload();
        }
        stored
    }

    /// Sends the company's entries in order, unless a sync is already under way.
    pub fn sync(self) {
        let Some(owner) = self.owner.try_get_untracked().flatten() else {
            return;
        };
        if self.syncing.get_untracked() {
            return;
        }
        let entries = company_entries(&read_list(), &owner);
        if entries.is_empty() {
            return;
        }
        let lang = self.lang.get_untracked();
        self.syncing.set(true);
        // Not an `Action`: this is background work that no form submits and no button
        // waits on. It is started by timers, the `online` event and page loads as well as
        // by "send now", runs one request after another until one must wait, and reports
        // through the queue's own signals; `syncing` already keeps two runs apart.
        spawn_local(async move {
            let mut changed = false;
            let mut waiting = None;
            for entry in entries {
                match verdict(api::log_event(&entry.event, lang).await) {
                    Verdict::Sent => {
                        remove(entry.key());
                        changed = true;
                    }
                    Verdict::Refused(error) => {
                        remove(entry.key());
                        changed = true;
                        // The page may be gone by now.
                        self.failures
                            .try_update(|list| list.push(QueueFailure { entry, error }));
                    }
                    Verdict::Wait(error) => {
                        waiting = Some(error);
                        break;
                    }
                }
                self.reload();
            }
            self.reload();
            self.waiting.try_set(waiting);
            self.syncing.try_set(false);
            if changed {
                self.changed.try_update(|n| *n += 1);
            }
        });
    }

    /// Reads the company's entries from storage again.
    fn reload(self) {
        if let Some(Some(owner)) = self.owner.try_get_untracked() {
            self.items.try_set(company_entries(&read_list(), &owner));
        }
    }
}
