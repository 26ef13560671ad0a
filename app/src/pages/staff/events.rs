//! The card's service events to check: each with its producer, date, units and shares,
//! the organiser's last check (and the producer's answer to a dispute), and the form that
//! marks it checked, or disputed with a note the producer sees and answers (both from
//! [`super::checks`]).

use super::card::{Card, CardSection};
use super::checks::{CheckFacts, CheckForm};
use crate::components::facts::{Fact, MoneyFact};
use leptos::prelude::*;
use seteli_domain::api::desk::StaffEvent;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::voucher::EventStatus;
use seteli_domain::Lang;

/// The section.
#[component]
pub fn EventChecks(state: Card, lang: Lang) -> impl IntoView {
    let open = RwSignal::new(None::<EventId>);
    let events = Memo::new(move |_| state.card.with(|c| c.events.clone()));
    let list = move || {
        let events = events.get();
        if events.is_empty() {
            return view! { <p class="notice" data-testid="card-events-empty">{t(lang, Text::CardEventsEmpty)}</p> }.into_any();
        }
        let items = events
            .into_iter()
            .map(|e| view! { <EventItem event=e state open lang/> })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="card-event-list">{items}</ul> }
            .into_any()
    };
    view! {
        <CardSection id="events" heading=Text::CardEventsHeading lang>
            {list}
        </CardSection>
    }
}

#[component]
fn EventItem(
    event: StaffEvent,
    state: Card,
    open: RwSignal<Option<EventId>>,
    lang: Lang,
) -> impl IntoView {
    let e = event;
    let id = e.id;
    let check = e
        .check
        .clone()
        .map(|check| view! { <CheckFacts check lang/> });
    let cancelled = e.status == EventStatus::Cancelled;
    let is_open = move || open.get() == Some(id);
    view! {
        <li
            class="card"
            data-testid="card-event"
            data-event-id=id.to_string()
            data-check=e.check.as_ref().map(|c| c.status.as_str())
        >
            <p class="card-title">{i18n::format_date(lang, e.service_date)} " · " {e.producer_name.clone()}</p>
            <p class="card-meta">{e.description.clone()}</p>
            <dl class="facts">
                <Fact label=Text::VoucherNumberLabel lang>
                    <dd translate="no">{e.voucher_number.clone()}</dd>
                </Fact>
                <Fact label=Text::ColumnUnits lang>
                    <dd>{i18n::decimal_units(lang, e.units_x100)}</dd>
                </Fact>
                <MoneyFact label=Text::ColumnVoucherShare lang cents=e.voucher_share_cents/>
                <MoneyFact label=Text::OwnShare lang cents=e.own_share_cents/>
            </dl>
            {cancelled.then(|| view! { <p><span class="status status-cancelled">{t(lang, Text::StatusCancelled)}</span></p> })}
            {check}
            <button
                type="button"
                class="button button-secondary"
                data-testid="event-check-open"
                aria-expanded=move || is_open().to_string()
                on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })
            >
                {t(lang, Text::CheckEvent)}
            </button>
            {move || is_open().then(|| view! { <CheckForm id open on_done=state.reload/> })}
        </li>
    }
}
