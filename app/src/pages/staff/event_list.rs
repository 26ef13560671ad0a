//! `/desk/events`: the organiser's service events to check, for a period (last calendar
//! month unless the address names one), optionally only the disputed ones, and narrowed to
//! one voucher or one producer. The filters live in the address
//! ([`links::EventsQuery`]), so back, forward and a shared link show the same list. Each
//! event shows its check and the producer's answer, and opens the same check form as the
//! customer card ([`super::checks`]).

use super::checks::{CheckFacts, CheckForm};
use super::{back_to_desk, StaffOnly};
use crate::api;
use crate::components::fields::{CheckField, Problems, TextField};
use crate::components::states::{retryable, BackTo, EmptyNotice, RemoteList, Retryable, Source};
use crate::links::{self, EventsQuery};
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use seteli_domain::api::desk::StaffEvent;
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::voucher::EventStatus;
use seteli_domain::Lang;
use time::{Date, Duration};

/// The calendar month before `today`'s: its first and last day.
pub fn previous_month(today: Date) -> (Date, Date) {
    let first_of_this = today.replace_day(1).unwrap_or(today);
    let last = first_of_this - Duration::days(1);
    let first = last.replace_day(1).unwrap_or(last);
    (first, last)
}

/// The filters the list is shown with: the address's, with last month for a period it
/// does not name.
fn with_period(mut query: EventsQuery, today: Date) -> EventsQuery {
    let (first, last) = previous_month(today);
    query.from = query.from.or(Some(first));
    query.to = query.to.or(Some(last));
    query
}

/// The page.
#[component]
pub fn DeskEventsPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    use_document_title(|lang| t(lang, Text::DeskEventsTitle).to_owned());
    let today = crate::dom::today();
    let shown = Memo::new(move |_| {
        let query = location
            .query
            .with(|q| EventsQuery::from_query(|key| q.get_str(key).map(str::to_owned)));
        with_period(query, today)
    });
    let events = retryable(move || {
        let (query, lang) = (shown.get(), lang.get());
        async move {
            api::staff_events(&query.pairs(), lang)
                .await
                .map(|list| list.events)
        }
    });
    let empty = || view! { <EmptyNotice testid="desk-events-empty" text=Text::DeskEventsEmpty/> };
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::DeskEventsTitle)}</h1>
        <Filters shown events/>
        <section class="page-section" aria-labelledby="events-found-heading">
            <h2 id="events-found-heading">{tr(Text::EventsFoundHeading)}</h2>
            <RemoteList data=events empty forbidden=StaffOnly let:list>
                <EventTable events=list shown reload=events lang=lang.get_untracked()/>
            </RemoteList>
        </section>
    }
}

/// The period and "only disputed" (a form that changes the address), and the voucher or
/// producer the list is narrowed to, each with the way to clear it.
#[component]
fn Filters(shown: Memo<EventsQuery>, events: Retryable<Vec<StaffEvent>>) -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let date_text = |date: Option<Date>| date.map(iso_date).unwrap_or_default();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let disputed = RwSignal::new(false);
    // The form follows the address (a link, back and forward).
    Effect::new(move |_| {
        let query = shown.get();
        from.set(date_text(query.from));
        to.set(date_text(query.to));
        disputed.set(query.disputed);
    });
    let problems = Problems::new(|| None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let start = parse_iso_date(from.get_untracked().trim());
        let end = parse_iso_date(to.get_untracked().trim());
        let Some(start) = start else {
            return problems.found("from", Text::PeriodProblem, "events-from");
        };
        let Some(end) = end.filter(|end| *end >= start) else {
            return problems.found("to", Text::PeriodProblem, "events-to");
        };
        problems.clear();
        let query = EventsQuery {
            from: Some(start),
            to: Some(end),
            disputed: disputed.get_untracked(),
            ..shown.get_untracked()
        };
        navigate(
            &links::desk_events_for(&query, lang.get_untracked()),
            Default::default(),
        );
    };
    // What the list is narrowed to, named from the events loaded (the address has ids).
    let voucher = move || {
        let query = shown.get();
        let id = query.voucher?;
        let name = events
            .with(|answer| match answer {
                Some(Ok(list)) => list
                    .iter()
                    .find(|e| e.voucher_id == id)
                    .map(|e| e.voucher_number.clone()),
                _ => None,
            })
            .unwrap_or_else(|| id.to_string());
        let cleared = EventsQuery {
            voucher: None,
            ..query
        };
        Some(view! {
            <li data-testid="events-voucher-filter" data-voucher-id=id.to_string()>
                {move || t(lang.get(), Text::VoucherFilterLabel)} ": "
                <span translate="no">{name}</span> " "
                <a href=move || links::desk_events_for(&cleared, lang.get()) data-testid="events-clear-voucher">
                    {tr(Text::ClearFilter)}
                </a>
            </li>
        })
    };
    let producer = move || {
        let query = shown.get();
        let id = query.producer?;
        let name = events
            .with(|answer| match answer {
                Some(Ok(list)) => list
                    .iter()
                    .find(|e| e.producer_id == id)
                    .map(|e| e.producer_name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| id.to_string());
        let cleared = EventsQuery {
            producer: None,
            ..query
        };
        Some(view! {
            <li data-testid="events-producer-filter" data-producer-id=id.to_string()>
                {move || t(lang.get(), Text::ProducerFilterLabel)} ": "
                {name} " "
                <a href=move || links::desk_events_for(&cleared, lang.get()) data-testid="events-clear-producer">
                    {tr(Text::ClearFilter)}
                </a>
            </li>
        })
    };
    let narrowed = move || {
        let query = shown.get();
        (query.voucher.is_some() || query.producer.is_some()).then(|| {
            view! { <ul class="filter-list" role="list" data-testid="events-narrowed">{voucher}{producer}</ul> }
        })
    };
    view! {
        <form class="form-panel" data-testid="events-filter-form" novalidate on:submit=on_submit>
            <h2>{tr(Text::EventFiltersHeading)}</h2>
            <TextField id="events-from" field="from" label=Text::PeriodFromLabel value=from problems kind="date"/>
            <TextField id="events-to" field="to" label=Text::PeriodToLabel value=to problems kind="date"/>
            <CheckField id="events-disputed" label=Text::OnlyDisputedLabel value=disputed/>
            {narrowed}
            <div class="form-actions">
                <button type="submit" class="button" data-testid="events-filter-submit">{tr(Text::ShowEvents)}</button>
            </div>
        </form>
    }
}

/// The events in a table (a block per event on a narrow screen), each with its check; the
/// check form opens in a row of its own under the event.
#[component]
fn EventTable(
    events: Vec<StaffEvent>,
    shown: Memo<EventsQuery>,
    reload: Retryable<Vec<StaffEvent>>,
    lang: Lang,
) -> impl IntoView {
    let open = RwSignal::new(None::<EventId>);
    let on_done = Callback::new(move |()| reload.retry());
    let columns = [
        Text::ColumnDate,
        Text::ColumnCustomer,
        Text::ColumnProducer,
        Text::VoucherNumberLabel,
        Text::ColumnWhatWasDone,
        Text::ColumnUnits,
        Text::ColumnVoucherShare,
        Text::StatusLabel,
        Text::ColumnCheck,
    ];
    let head = columns
        .into_iter()
        .map(|text| view! { <th scope="col" role="columnheader">{t(lang, text)}</th> })
        .collect_view();
    let rows = events
        .into_iter()
        .map(|event| view! { <EventRow event shown open on_done lang/> })
        .collect_view();
    view! {
        <table class="stack-table" role="table" aria-labelledby="desk-events-caption" data-testid="desk-event-list">
            <caption id="desk-events-caption">{t(lang, Text::EventsTableCaption)}</caption>
            <thead role="rowgroup">
                <tr role="row">{head}</tr>
            </thead>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
}

/// One event's row, and under it, while open, its check form.
#[component]
fn EventRow(
    event: StaffEvent,
    shown: Memo<EventsQuery>,
    open: RwSignal<Option<EventId>>,
    on_done: Callback<()>,
    lang: Lang,
) -> impl IntoView {
    let e = event;
    let id = e.id;
    // On a narrow screen each cell says what it is; screen readers hear the column
    // headers instead.
    let label = move |text: Text| view! { <span class="cell-label" aria-hidden="true">{t(lang, text)}</span> };
    let (voucher_id, producer_id) = (e.voucher_id, e.producer_id);
    let by_voucher = move || {
        let query = EventsQuery {
            voucher: Some(voucher_id),
            ..shown.get()
        };
        links::desk_events_for(&query, lang)
    };
    let by_producer = move || {
        let query = EventsQuery {
            producer: Some(producer_id),
            ..shown.get()
        };
        links::desk_events_for(&query, lang)
    };
    let cancelled = e.status == EventStatus::Cancelled;
    let status = if cancelled {
        Text::StatusCancelled
    } else {
        Text::EventRecorded
    };
    let check = match e.check.clone() {
        Some(check) => view! { <CheckFacts check lang/> }.into_any(),
        None => view! { <span data-testid="event-not-checked">{t(lang, Text::NotChecked)}</span> }
            .into_any(),
    };
    let is_open = move || open.get() == Some(id);
    let form_row = format!("event-{id}-check-row");
    let controls = form_row.clone();
    view! {
        <tr
            role="row"
            class:event-cancelled=cancelled
            data-testid="desk-event"
            data-event-id=id.to_string()
            data-status=e.status.as_str()
            data-check=e.check.as_ref().map(|c| c.status.as_str())
        >
            <th scope="row" role="rowheader">
                {label(Text::ColumnDate)}
                <span class="cell-value">{i18n::format_date(lang, e.service_date)}</span>
            </th>
            <td role="cell" class="cell-text">
                {label(Text::ColumnCustomer)}
                <span class="cell-value">
                    <a href=links::desk_customer(e.customer_id, lang) data-testid="desk-event-customer">{e.customer_name.clone()}</a>
                </span>
            </td>
            <td role="cell" class="cell-text">
                {label(Text::ColumnProducer)}
                <span class="cell-value">
                    <a href=by_producer data-testid="desk-event-producer">{e.producer_name.clone()}</a>
                </span>
            </td>
            <td role="cell">
                {label(Text::VoucherNumberLabel)}
                <span class="cell-value">
                    <a href=by_voucher translate="no" data-testid="desk-event-voucher">{e.voucher_number.clone()}</a>
                </span>
            </td>
            <td role="cell" class="cell-text">
                {label(Text::ColumnWhatWasDone)}
                <span class="cell-value">{e.description.clone()}</span>
            </td>
            <td role="cell" class="num" data-units-x100=e.units_x100.to_string()>
                {label(Text::ColumnUnits)}
                <span class="cell-value">{i18n::decimal_units(lang, e.units_x100)}</span>
            </td>
            <td role="cell" class="num amount" data-cents=e.voucher_share_cents.get().to_string()>
                {label(Text::ColumnVoucherShare)}
                <span class="cell-value">{e.voucher_share_cents.format(lang)}</span>
            </td>
            <td role="cell" data-testid="desk-event-status">
                {label(Text::StatusLabel)}
                <span class="cell-value">{t(lang, status)}</span>
            </td>
            <td role="cell" class="cell-text">
                {label(Text::ColumnCheck)}
                <div class="cell-value">
                    {check}
                    <button
                        type="button"
                        class="button button-secondary"
                        data-testid="event-check-open"
                        aria-expanded=move || is_open().to_string()
                        aria-controls=controls.clone()
                        on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })
                    >
                        {t(lang, Text::CheckEvent)}
                    </button>
                </div>
            </td>
        </tr>
        {move || is_open().then(|| view! {
            <tr role="row" id=form_row.clone() class="check-row">
                <td role="cell" colspan="9">
                    <CheckForm id open on_done/>
                </td>
            </tr>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(iso: &str) -> Date {
        parse_iso_date(iso).unwrap()
    }

    #[test]
    fn the_default_period_is_the_previous_calendar_month() {
        assert_eq!(
            previous_month(date("2026-03-15")),
            (date("2026-02-01"), date("2026-02-28"))
        );
        assert_eq!(
            previous_month(date("2026-01-01")),
            (date("2025-12-01"), date("2025-12-31"))
        );
    }

    #[test]
    fn a_period_in_the_address_is_kept_and_a_missing_one_is_last_month() {
        let today = date("2026-03-15");
        let given = EventsQuery {
            from: Some(date("2026-01-10")),
            disputed: true,
            ..EventsQuery::default()
        };
        let shown = with_period(given, today);
        assert_eq!(shown.from, Some(date("2026-01-10")));
        assert_eq!(shown.to, Some(date("2026-02-28")));
        assert!(shown.disputed);
    }
}
