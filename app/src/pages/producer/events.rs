//! Service events as the producer that logged them sees them: the home page's recent ones
//! and a voucher's own, where an event can still be corrected or cancelled for 14 days
//! after it was logged (the server says which can, in `correctable`).

use super::correction::{Correcting, CorrectionForm};
use super::dispute::Dispute;
use crate::api;
use crate::components::facts::{Fact, MoneyFact};
use crate::components::form::{DoneNotice, SubmitError};
use crate::dom;
use leptos::prelude::*;
use seteli_domain::api::ProducerEvent;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::voucher::EventStatus;
use seteli_domain::{ApiError, Lang};
use std::collections::HashMap;
use time::Date;

/// What a correction says of the visit it replaced: its date when that visit is among
/// `dates` (the list's events by id), else only that it corrects an earlier one. `None`
/// for an event that is not a correction.
fn corrects_text(
    lang: Lang,
    corrects: Option<EventId>,
    dates: &HashMap<EventId, Date>,
) -> Option<String> {
    let original = corrects?;
    Some(match dates.get(&original) {
        Some(date) => i18n::corrects_visit(lang, *date),
        None => t(lang, Text::CorrectsEarlierVisit).to_owned(),
    })
}

/// The dates of a list's events by id, so that a correction can name the visit it
/// replaced.
fn dates_by_id(events: &[ProducerEvent]) -> HashMap<EventId, Date> {
    events.iter().map(|e| (e.id, e.service_date)).collect()
}

/// One event as a card. `with_customer` names the customer (the home page lists events of
/// many vouchers); `corrects` says which visit a correction replaced; `children` are the
/// controls under it.
#[component]
pub fn EventCard(
    event: ProducerEvent,
    corrects: Option<String>,
    with_customer: bool,
    lang: Lang,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let cancelled = event.status == EventStatus::Cancelled;
    let customer = with_customer.then(|| {
        view! {
            <p class="event-customer">
                {format!("{} {}", event.customer_given_name, event.customer_family_name)}
            </p>
        }
    });
    let correction = event.corrects.map(|_| {
        view! { <span class="status status-ended">{t(lang, Text::EventCorrection)}</span> }
    });
    view! {
        <li
            class="card producer-event"
            class:event-cancelled=cancelled
            data-testid="producer-event"
            data-event-id=event.id.to_string()
            data-voucher-id=event.voucher_id.to_string()
            data-status=event.status.as_str()
        >
            <p class="card-time">
                {i18n::format_date(lang, event.service_date)} " "
                {cancelled.then(|| view! {
                    <span class="status status-cancelled" data-testid="event-status-cancelled">
                        {t(lang, Text::StatusCancelled)}
                    </span>
                })}
                {correction}
            </p>
            {corrects.map(|text| view! { <p class="event-corrects" data-testid="event-corrects">{text}</p> })}
            {customer}
            <p class="event-description">{event.description.clone()}</p>
            <dl class="facts event-facts">
                <Fact label=Text::ColumnUnits lang>
                    <dd data-units-x100=event.units_x100.to_string() data-unit=event.unit.as_str()>
                        {i18n::unit_quantity(lang, event.units_x100, event.unit)}
                    </dd>
                </Fact>
                <MoneyFact label=Text::ColumnVoucherShare lang cents=event.voucher_share_cents amount=true/>
                <MoneyFact label=Text::OwnShare lang cents=event.own_share_cents amount=true/>
            </dl>
            {children.map(|children| children())}
        </li>
    }
}

/// The events of a list, newest first as the API sends them; `empty` when there are none.
#[component]
pub fn EventList(
    events: Vec<ProducerEvent>,
    with_customer: bool,
    lang: Lang,
    empty: Text,
    testid: &'static str,
) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="notice" data-testid=format!("{testid}-empty")>{t(lang, empty)}</p> }
            .into_any();
    }
    let dates = dates_by_id(&events);
    let cards = events
        .into_iter()
        .map(|event| {
            let corrects = corrects_text(lang, event.corrects, &dates);
            view! { <EventCard event corrects with_customer lang/> }
        })
        .collect_view();
    view! { <ol class="card-list" role="list" data-testid=testid>{cards}</ol> }.into_any()
}

/// Cancelling a voucher's events: which one is being confirmed, the request, and what came
/// of it. Lives above the list, which is rebuilt whenever the voucher is loaded again.
#[derive(Clone, Copy)]
pub struct Cancelling {
    /// The event whose cancel button now asks for confirmation.
    confirming: RwSignal<Option<EventId>>,
    /// The last event cancelled, for the notice.
    done: RwSignal<bool>,
    /// Sends a cancellation; its output is the failed one's event and error.
    send: Action<(EventId, Lang), Option<(EventId, ApiError)>>,
    /// Called with nothing after an event was cancelled: the voucher is loaded again.
    on_done: Callback<()>,
}

impl Cancelling {
    /// The state; `on_done` reloads what the cancellation changed.
    pub fn new(on_done: Callback<()>) -> Self {
        let confirming = RwSignal::new(None);
        let done = RwSignal::new(false);
        let send = Action::new_local(move |&(id, lang): &(EventId, Lang)| async move {
            let result = api::cancel_event(id, lang).await;
            confirming.try_set(None);
            match result {
                Ok(_) => {
                    done.try_set(true);
                    dom::focus_after_render("#event-cancel-done");
                    on_done.try_run(());
                    None
                }
                Err(error) => Some((id, error)),
            }
        });
        Self {
            confirming,
            done,
            send,
            on_done,
        }
    }

    /// The event whose cancellation is on its way (reactive).
    fn pending(self) -> Option<EventId> {
        self.send.input().get().map(|(id, _)| id)
    }

    fn cancel(self, id: EventId, lang: Lang) {
        if self.send.input().get_untracked().is_some() {
            return;
        }
        self.send.value().set(None);
        self.done.set(false);
        self.send.dispatch_local((id, lang));
    }

    /// Forgets the last failure and the question, for another of the row's actions.
    fn forget(self) {
        self.send.value().set(None);
        self.done.set(false);
    }
}

/// The notice after a cancellation. Present from the start, so that screen readers notice
/// what appears in it.
#[component]
pub fn CancelNotice(cancelling: Cancelling) -> impl IntoView {
    view! { <DoneNotice shown=cancelling.done id="event-cancel-done" testid="event-cancel-done" text=Text::EventCancelled/> }
}

/// A voucher's events, with a correct and a cancel button on each that can still be
/// changed ([`EventControls`]). A correction loads the voucher again through the same
/// callback as a cancellation.
#[component]
pub fn CancellableEvents(
    events: Vec<ProducerEvent>,
    valid: Option<(Date, Date)>,
    lang: Lang,
    cancelling: Cancelling,
    correcting: Correcting,
) -> impl IntoView {
    if events.is_empty() {
        return view! {
            <p class="notice" data-testid="producer-events-empty">{t(lang, Text::ProducerEventsEmpty)}</p>
        }
        .into_any();
    }
    let dates = dates_by_id(&events);
    let cards = events
        .into_iter()
        .map(|event| {
            let can_change = event.correctable && event.status == EventStatus::Recorded;
            let corrects = corrects_text(lang, event.corrects, &dates);
            let controls = can_change.then(|| {
                let event = event.clone();
                view! { <EventControls event valid lang cancelling correcting/> }
            });
            let dispute = view! {
                <Dispute event_id=event.id check=event.check.clone() on_done=cancelling.on_done lang/>
            };
            view! {
                <EventCard event corrects with_customer=false lang>
                    {dispute}
                    {controls}
                </EventCard>
            }
        })
        .collect_view();
    view! { <ol class="card-list" role="list" data-testid="producer-events">{cards}</ol> }
        .into_any()
}

/// The controls of one event that can still be changed. Correct opens the row's
/// [`CorrectionForm`] (only when the voucher's validity, `valid`, is known to check it by).
/// Cancel's first press asks for confirmation (the same button, so that keyboard focus
/// stays on it), the second cancels; "keep" backs out.
#[component]
fn EventControls(
    event: ProducerEvent,
    valid: Option<(Date, Date)>,
    lang: Lang,
    cancelling: Cancelling,
    correcting: Correcting,
) -> impl IntoView {
    let id = event.id;
    let share = event.voucher_share_cents;
    let confirming = move || cancelling.confirming.get() == Some(id);
    let pending = move || cancelling.pending() == Some(id);
    let hint_id = format!("event-{id}-cancel-hint");
    let error = move || match cancelling.send.value().get() {
        Some(Some((failed, error))) if failed == id && !pending() => {
            Some(view! { <SubmitError error testid="event-cancel-error"/> })
        }
        _ => None,
    };
    let correct = valid.map(|valid| {
        let original = StoredValue::new(event);
        let on_correct = move || original.with_value(|e| correcting.toggle(e, lang));
        let open = move || correcting.is_open(id);
        let form = move || {
            open().then(|| {
                view! {
                    <CorrectionForm
                        event_id=id
                        service_date=original.with_value(|e| e.service_date)
                        unit=original.with_value(|e| e.unit)
                        valid
                        correcting
                        on_done=cancelling.on_done
                        lang
                    />
                }
            })
        };
        let button = view! {
            <button
                type="button"
                class="button button-secondary"
                data-testid="event-correct"
                aria-expanded=move || if open() { "true" } else { "false" }
                aria-controls=format!("correction-{id}")
                aria-disabled=move || (open() && correcting.pending()).then_some("true")
                on:click=move |_| {
                    if pending() {
                        return;
                    }
                    cancelling.confirming.set(None);
                    cancelling.forget();
                    on_correct();
                }
            >
                {t(lang, Text::EventCorrect)}
            </button>
        };
        (button, form)
    });
    let (correct_button, correction_form) = correct.unzip();
    let on_cancel = move |_| {
        if pending() {
            return;
        }
        if confirming() {
            cancelling.cancel(id, lang);
        } else {
            correcting.dismiss();
            correcting.forget_done();
            cancelling.send.value().set(None);
            cancelling.confirming.set(Some(id));
        }
    };
    let keep = move || {
        (confirming() && !pending()).then(|| {
            view! {
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="event-cancel-keep"
                    on:click=move |_| {
                        cancelling.confirming.set(None);
                        dom::focus(&format!("[data-event-id=\"{id}\"] [data-testid=\"event-cancel\"]"));
                    }
                >
                    {t(lang, Text::EventCancelKeep)}
                </button>
            }
        })
    };
    view! {
        <div class="event-actions">
            <p id=hint_id.clone() class="hint" aria-live="polite">
                {move || confirming().then(|| i18n::cancel_confirmation(lang, share))}
            </p>
            <div class="button-row">
                {correct_button}
                <button
                    type="button"
                    class="button button-secondary"
                    class:button-danger=confirming
                    data-testid="event-cancel"
                    data-confirming=move || confirming().then_some("true")
                    aria-describedby=hint_id
                    aria-disabled=move || pending().then_some("true")
                    aria-busy=move || pending().then_some("true")
                    on:click=on_cancel
                >
                    {move || {
                        let text = if pending() {
                            Text::Sending
                        } else if confirming() {
                            Text::EventCancelConfirm
                        } else {
                            Text::EventCancel
                        };
                        t(lang, text)
                    }}
                </button>
                {keep}
            </div>
            {error}
            {correction_form}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;

    #[test]
    fn a_correction_names_the_date_of_the_visit_it_replaced() {
        let dates = HashMap::from([(id(7), time::macros::date!(2026 - 11 - 20))]);
        assert_eq!(
            corrects_text(Lang::En, Some(id(7)), &dates).as_deref(),
            Some("Corrects the visit of 20 November 2026")
        );
        assert_eq!(
            corrects_text(Lang::En, Some(id(3)), &dates).as_deref(),
            Some("Corrects an earlier visit")
        );
        assert_eq!(corrects_text(Lang::En, None, &dates), None);
    }
}
