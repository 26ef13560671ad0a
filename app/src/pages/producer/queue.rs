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

use crate::api;
use crate::dom;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use seteli_domain::api::{NewServiceEvent, ProducerEvent};
use seteli_domain::catalogue::Unit;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::ProducerId;
use seteli_domain::{ApiError, ErrorCode, Lang};
use std::time::Duration;

/// Where the queue is kept.
pub const QUEUE_KEY: &str = "seteli.event-queue";

/// How often the page looks whether the browser is back online.
const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// Entries waiting while the browser is online are tried again every this many looks
/// (half a minute).
const RETRY_EVERY_TICKS: u32 = 15;

/// Whose queue a session sees and sends: the logged-in person's, for the company they act
/// for now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueOwner {
    /// The person's opaque key (`Me::user_key`).
    pub user_key: String,
    pub producer_id: ProducerId,
}

/// One visit waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedEvent {
    /// Who queued it (`Me::user_key`); only their sessions send it.
    pub user_key: String,
    /// The company the visit was logged for; only that company's session sends it.
    pub producer_id: ProducerId,
    /// Whose voucher it is, for the queue's list.
    pub customer_name: String,
    /// The voucher's unit, for the queue's list.
    pub unit: Unit,
    /// The request itself, with the key it was given when the entry was made.
    pub event: NewServiceEvent,
}

impl QueuedEvent {
    /// The entry's idempotency key, which also identifies it in the queue.
    pub fn key(&self) -> &str {
        &self.event.idempotency_key
    }
}

/// The stored list as it is, entries of every company and of any version; an empty list
/// when nothing (or something that is not a JSON list) is stored.
pub fn stored_list(raw: Option<&str>) -> Vec<Value> {
    raw.and_then(|json| serde_json::from_str::<Vec<Value>>(json).ok())
        .unwrap_or_default()
}

/// The entries `owner` queued, oldest first.
pub fn company_entries(list: &[Value], owner: &QueueOwner) -> Vec<QueuedEvent> {
    list.iter()
        .filter_map(|value| serde_json::from_value::<QueuedEvent>(value.clone()).ok())
        .filter(|entry| entry.producer_id == owner.producer_id && entry.user_key == owner.user_key)
        .collect()
}

/// The list with `entry` at its end; unchanged if an entry with the same key is there.
pub fn with_entry(mut list: Vec<Value>, entry: &QueuedEvent) -> Vec<Value> {
    if list.iter().any(|value| key_of(value) == Some(entry.key())) {
        return list;
    }
    if let Ok(value) = serde_json::to_value(entry) {
        list.push(value);
    }
    list
}

/// The list without the entry whose key is `key`.
pub fn without_key(list: Vec<Value>, key: &str) -> Vec<Value> {
    list.into_iter()
        .filter(|value| key_of(value) != Some(key))
        .collect()
}

fn key_of(value: &Value) -> Option<&str> {
    value.get("event")?.get("idempotency_key")?.as_str()
}

/// What becomes of a queued entry after one attempt to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The server has it (201, or 200 for a key it had seen): it leaves the queue.
    Sent,
    /// The server refused it for good (4xx): it leaves the queue and the error is shown.
    Refused(ApiError),
    /// It may still succeed: no connection, a server failure, or a session that must be
    /// renewed first (log in again, choose the company again, wait out a limit). It stays,
    /// and so do the ones after it, so that the order is kept.
    Wait(ApiError),
}

/// The verdict on one attempt.
pub fn verdict(result: Result<ProducerEvent, ApiError>) -> Verdict {
    match result {
        Ok(_) => Verdict::Sent,
        Err(error) if api::is_transient(&error) => Verdict::Wait(error),
        // Refusals about the session, not the visit: a new login or choice makes them pass,
        // and dropping the visit would lose work.
        Err(error)
            if matches!(
                error.code,
                ErrorCode::Unauthorized
                    | ErrorCode::Forbidden
                    | ErrorCode::OnBehalfExpired
                    | ErrorCode::CompanyChoiceExpired
                    | ErrorCode::ProducerNotApproved
                    | ErrorCode::TooManyAttempts
                    | ErrorCode::CrossSiteRequest
            ) =>
        {
            Verdict::Wait(error)
        }
        Err(error) => Verdict::Refused(error),
    }
}

/// A queued visit the server refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFailure {
    pub entry: QueuedEvent,
    pub error: ApiError,
}

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

fn read_list() -> Vec<Value> {
    stored_list(dom::read_storage(QUEUE_KEY).as_deref())
}

fn remove(key: &str) {
    let list = without_key(read_list(), key);
    if let Ok(json) = serde_json::to_string(&list) {
        // If storage refuses now, the entry is sent again later and its key makes the
        // server answer with the same event: nothing is logged twice.
        dom::write_storage(QUEUE_KEY, &json);
    }
}

/// One queued visit as the list says it: `21.11.2026 · Maija Meikäläinen · 1,5 tuntia ·
/// Siivous`.
fn entry_summary(lang: Lang, entry: &QueuedEvent) -> String {
    format!(
        "{} · {} · {} · {}",
        i18n::format_date(lang, &entry.event.service_date),
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
    let failures = move || {
        let lang = lang.get();
        queue
            .failures
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, failure)| {
                view! {
                    <div class="notice notice-error" role="alert" data-testid="queue-error">
                        <p class="notice-title">{t(lang, Text::QueueRefused)}</p>
                        <p>{entry_summary(lang, &failure.entry)}</p>
                        <p>{failure.error.message}</p>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                queue
                                    .failures
                                    .update(|list| {
                                        if index < list.len() {
                                            list.remove(index);
                                        }
                                    })
                            }
                        >
                            {t(lang, Text::Dismiss)}
                        </button>
                    </div>
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
                    {failures}
                    // Present from the start, so that screen readers notice what appears in it.
                    <p class="visually-hidden" role="status" aria-live="polite">
                        {move || syncing.get().then(|| tr(Text::QueueSyncing)())}
                    </p>
                    {move || {
                        (count() > 0)
                            .then(|| {
                                view! {
                                    <div class="form-actions">
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            data-testid="sync-now"
                                            aria-disabled=move || syncing.get().then_some("true")
                                            on:click=move |_| queue.sync()
                                        >
                                            {move || {
                                                t(
                                                    lang.get(),
                                                    if syncing.get() { Text::Sending } else { Text::SyncNow },
                                                )
                                            }}
                                        </button>
                                    </div>
                                }
                            })
                    }}
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    fn owner(producer: i64) -> QueueOwner {
        QueueOwner {
            user_key: "person-a".to_owned(),
            producer_id: id(producer),
        }
    }

    fn entry(producer: i64, key: &str) -> QueuedEvent {
        QueuedEvent {
            user_key: "person-a".to_owned(),
            producer_id: id(producer),
            customer_name: "Maija Meikäläinen".to_owned(),
            unit: Unit::Hour,
            event: NewServiceEvent {
                voucher_id: id(7),
                idempotency_key: key.to_owned(),
                service_date: "2026-11-21".to_owned(),
                units_x100: 150,
                description: "Siivous".to_owned(),
            },
        }
    }

    #[test]
    fn the_queue_survives_a_round_trip_through_storage_in_order() {
        let list = with_entry(
            with_entry(Vec::new(), &entry(1, "key-aaaa-1")),
            &entry(1, "key-bbbb-2"),
        );
        let json = serde_json::to_string(&list).unwrap();
        let back = company_entries(&stored_list(Some(&json)), &owner(1));
        assert_eq!(back, vec![entry(1, "key-aaaa-1"), entry(1, "key-bbbb-2")]);
    }

    #[test]
    fn each_company_sees_and_sends_only_its_own_entries() {
        let list = with_entry(
            with_entry(Vec::new(), &entry(1, "key-aaaa-1")),
            &entry(2, "key-bbbb-2"),
        );
        assert_eq!(
            company_entries(&list, &owner(2)),
            vec![entry(2, "key-bbbb-2")]
        );
        assert!(company_entries(&list, &owner(3)).is_empty());
    }

    #[test]
    fn another_persons_entries_are_never_sent_in_this_session() {
        let mut theirs = entry(1, "key-cccc-3");
        theirs.user_key = "person-b".to_owned();
        let list = with_entry(with_entry(Vec::new(), &entry(1, "key-aaaa-1")), &theirs);
        assert_eq!(
            company_entries(&list, &owner(1)),
            vec![entry(1, "key-aaaa-1")]
        );
        // Entries from before entries named their person are nobody's: kept, never sent.
        let old = r#"[{"producer_id":1,"customer_name":"M","unit":"hour","event":{"voucher_id":7,
            "idempotency_key":"key-dddd-4","service_date":"2026-11-21","units_x100":100,"description":"x"}}]"#;
        assert!(company_entries(&stored_list(Some(old)), &owner(1)).is_empty());
    }

    #[test]
    fn an_entry_is_queued_once_and_leaves_by_its_key() {
        let list = with_entry(Vec::new(), &entry(1, "key-aaaa-1"));
        let list = with_entry(list, &entry(1, "key-aaaa-1"));
        assert_eq!(list.len(), 1);
        let list = with_entry(list, &entry(1, "key-bbbb-2"));
        let list = without_key(list, "key-aaaa-1");
        assert_eq!(
            company_entries(&list, &owner(1)),
            vec![entry(1, "key-bbbb-2")]
        );
    }

    #[test]
    fn unreadable_entries_are_kept_not_thrown_away() {
        let raw = r#"[{"something":"else"},{"event":{"idempotency_key":"x"}}]"#;
        let list = stored_list(Some(raw));
        assert_eq!(list.len(), 2);
        assert!(company_entries(&list, &owner(1)).is_empty());
        assert_eq!(with_entry(list, &entry(1, "key-aaaa-1")).len(), 3);
        assert!(stored_list(Some("not json")).is_empty());
        assert!(stored_list(None).is_empty());
    }

    #[test]
    fn refusals_drop_the_entry_but_failures_and_session_problems_keep_it() {
        let lang = Lang::Fi;
        let err = |code| Err(ApiError::new(code, lang));
        assert_eq!(
            verdict(err(ErrorCode::InsufficientBalance)),
            Verdict::Refused(ApiError::new(ErrorCode::InsufficientBalance, lang))
        );
        assert!(matches!(
            verdict(err(ErrorCode::InvalidEvent)),
            Verdict::Refused(_)
        ));
        assert!(matches!(
            verdict(err(ErrorCode::VoucherNotFound)),
            Verdict::Refused(_)
        ));
        for code in [
            ErrorCode::Network,
            ErrorCode::Internal,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::OnBehalfExpired,
            ErrorCode::CompanyChoiceExpired,
            ErrorCode::ProducerNotApproved,
        ] {
            assert!(matches!(verdict(err(code)), Verdict::Wait(_)), "{code:?}");
        }
    }
}
