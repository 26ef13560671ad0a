//! The voucher page's form that logs a visit, with the voucher's and the customer's shares
//! worked out as the units are typed. Each entry gets its idempotency key when it is made;
//! sending it again (after a failure, or from the offline [`queue`](super::queue)) uses the
//! same key, so the server never logs it twice. Without a connection the entry waits in
//! the queue.

use super::queue::{EventQueue, QueuedEvent};
use super::use_queue_owner;
use super::visit::{latest_day, VisitFields, VisitForm, VisitInput};
use crate::api;
use crate::calendar::parse_units;
use crate::components::form::{last_error, FormEnd};
use crate::dom;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{NewServiceEvent, ProducerVoucher};
use seteli_domain::clock::iso_date;
use seteli_domain::i18n::{t, Text};
use seteli_domain::voucher::event_shares;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// What became of the last visit sent from the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Sent,
    Queued,
}

/// The form's contents and the key of the entry being made. Kept above the loading
/// boundary: a language switch reloads the voucher but keeps what was typed.
#[derive(Clone, Copy)]
pub struct EventDraft {
    input: VisitInput,
    /// The entry's key, with the contents it was made for: a resend of the same contents
    /// reuses it, anything typed differently is a new entry.
    key: StoredValue<Option<(String, String)>>,
    outcome: RwSignal<Option<Outcome>>,
}

impl Default for EventDraft {
    fn default() -> Self {
        Self {
            input: VisitInput::default(),
            key: StoredValue::new(None),
            outcome: RwSignal::new(None),
        }
    }
}

impl EventDraft {
    /// The key for an entry with these contents: the one it already has, or a new one.
    fn key_for(self, contents: String) -> String {
        if let Some((made_for, key)) = self.key.get_value() {
            if made_for == contents {
                return key;
            }
        }
        let key = dom::random_uuid();
        self.key.set_value(Some((contents, key.clone())));
        key
    }

    /// Empties the form, for another voucher.
    pub fn reset(self) {
        self.clear();
        self.input.date.set(String::new());
        self.outcome.set(None);
    }

    /// After the entry was sent or queued: the next visit is a new entry. The date stays,
    /// as the next visit is often on the same day.
    fn clear(self) {
        self.input.units.try_set(String::new());
        self.input.description.try_set(String::new());
        self.key.try_set_value(None);
    }
}

/// The form that logs a visit to `voucher`; `refresh` loads the voucher again after one
/// was sent.
#[component]
pub fn EventForm(
    voucher: Memo<ProducerVoucher>,
    queue: EventQueue,
    draft: EventDraft,
    refresh: Callback<()>,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let today = dom::today();
    let v = voucher.get_untracked();
    let (valid_from, valid_until) = (v.valid_from, v.valid_until);
    if v.price_cents.is_none() {
        return view! {
            <p class="notice" data-testid="event-no-price">{t(lang, Text::EventNoPrice)}</p>
        }
        .into_any();
    }
    let valid = (valid_from, valid_until);
    let latest = latest_day(valid, today);
    if draft.input.date.get_untracked().is_empty() {
        draft.input.date.set(iso_date(latest));
    }
    let voucher_id = v.voucher_id;
    let keep = keeper(&v, queue);
    let problem = RwSignal::new(None);

    let send = Action::new_local(move |(event, lang): &(NewServiceEvent, Lang)| {
        let (event, lang) = (event.clone(), *lang);
        async move {
            match api::log_event(&event, lang).await {
                Ok(_) => {
                    draft.outcome.try_set(Some(Outcome::Sent));
                    draft.clear();
                    refresh.try_run(());
                    None
                }
                // Offline after all: the entry waits in the queue with its key.
                Err(error) if error.code == ErrorCode::Network && keep(event) => {
                    draft.outcome.try_set(Some(Outcome::Queued));
                    draft.clear();
                    None
                }
                Err(error) => Some(error),
            }
        }
    });
    let pending = send.pending();
    let server_error = last_error(send, |failed| failed);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        draft.outcome.set(None);
        send.value().set(None);
        let (date, units_x100, description) = match draft.input.checked(valid, dom::today()) {
            Ok(visit) => visit,
            Err(error) => {
                problem.set(Some(error));
                dom::focus(&format!("#{}", error.field().id("event")));
                return;
            }
        };
        problem.set(None);
        let service_date = date;
        let contents = format!("{voucher_id}|{}|{units_x100}|{description}", iso_date(date));
        let event = NewServiceEvent {
            voucher_id,
            idempotency_key: draft.key_for(contents),
            service_date,
            units_x100,
            description,
        };
        if dom::is_online() {
            send.dispatch_local((event, ui_lang.get_untracked()));
        } else if keep(event) {
            draft.outcome.set(Some(Outcome::Queued));
            draft.clear();
        } else {
            let offline = ApiError::new(ErrorCode::Network, ui_lang.get_untracked());
            send.value().set(Some(Some(offline)));
        }
    };
    let shares = move || view! { <EventShares voucher units=draft.input.units lang/> };

    view! {
        <form class="form-panel event-form" data-testid="event-form" novalidate on:submit=on_submit>
            <VisitFields
                input=draft.input
                problem
                prefix="event".to_owned()
                form=VisitForm::New
                valid
                latest
                unit=v.unit
                lang
                after_units=ChildrenFn::to_children(shares)
                units_described_by="event-shares"
            />
            <FormEnd error=server_error error_testid="event-error" text=Text::EventSubmit pending testid="event-submit">
                <EventOutcome outcome=draft.outcome/>
            </FormEnd>
        </form>
    }
    .into_any()
}

/// Keeps a visit to `voucher` that could not be sent in the person's queue for the
/// company; `false` if the session (so the person and company) is unknown or the browser
/// would not store it.
fn keeper(
    voucher: &ProducerVoucher,
    queue: EventQueue,
) -> impl Fn(NewServiceEvent) -> bool + Copy + 'static {
    let owner = use_queue_owner();
    let unit = voucher.unit;
    let customer_name = StoredValue::new(format!(
        "{} {}",
        voucher.customer_given_name, voucher.customer_family_name
    ));
    move |event: NewServiceEvent| -> bool {
        let Some(Some(owner)) = owner.try_get_untracked() else {
            return false;
        };
        let entry = QueuedEvent {
            user_key: owner.user_key,
            producer_id: owner.producer_id,
            customer_name: customer_name.try_get_value().unwrap_or_default(),
            unit,
            event,
        };
        queue.keep(&entry)
    }
}

/// The voucher's and the customer's shares of what is typed in `units`, at today's price,
/// and a warning when the voucher's share is more than its balance.
#[component]
fn EventShares(
    voucher: Memo<ProducerVoucher>,
    units: RwSignal<String>,
    lang: Lang,
) -> impl IntoView {
    let shares = move || {
        let units = parse_units(&units.get())?;
        let v = voucher.get();
        let shares = event_shares(v.price_cents?, v.unit_value_cents, units)?;
        Some((shares, shares.voucher_share > v.balance_cents))
    };
    view! {
        <div id="event-shares" class="event-shares" data-testid="event-shares">
            {move || match shares() {
                Some((s, over)) => view! {
                    <p>
                        {tr(Text::ChartCovered)} ": "
                        <strong data-testid="event-share-voucher" data-cents=s.voucher_share.get().to_string()>
                            {s.voucher_share.format(lang)}
                        </strong>
                        " · " {tr(Text::OwnShare)} ": "
                        <strong data-testid="event-share-own" data-cents=s.own_share.get().to_string()>
                            {s.own_share.format(lang)}
                        </strong>
                    </p>
                    {over.then(|| view! {
                        <p class="field-error" data-testid="event-share-over">{tr(Text::EventOverBalance)}</p>
                    })}
                }
                    .into_any(),
                None => view! { <p class="hint">{tr(Text::EventSharesHint)}</p> }.into_any(),
            }}
        </div>
    }
}

/// What became of the last visit: sent, or kept in the queue. Present from the start, so
/// that screen readers notice what appears in it.
#[component]
fn EventOutcome(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    view! {
        <div aria-live="polite">
            {move || match outcome.get() {
                Some(Outcome::Sent) => Some(view! {
                    <p class="notice notice-success" role="status" data-testid="event-sent">{tr(Text::EventSent)}</p>
                }.into_any()),
                Some(Outcome::Queued) => Some(view! {
                    <p class="notice notice-queued" role="status" data-testid="event-queued">{tr(Text::EventQueued)}</p>
                }.into_any()),
                None => None,
            }}
        </div>
    }
}
