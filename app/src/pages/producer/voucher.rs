//! `/producer/vouchers/:id`: a voucher the company serves — whose it is, what is left and
//! the company's price today — the form that logs a visit, and the visits logged under it,
//! which can be corrected or cancelled for 14 days (see [`correction`](super::correction)).
//! A voucher that is not linked to the company (its number was never entered here) is "not
//! found", like one that does not exist.
//!
//! A visit is checked with the domain's [`check_event`] before it is sent. Each entry gets
//! its idempotency key when it is made; sending it again (after a failure, or from the
//! offline [`queue`](super::queue)) uses the same key, so the server never logs it twice.

use super::correction::{Correcting, CorrectionNotice};
use super::events::{CancelNotice, CancellableEvents, Cancelling};
use super::queue::{EventQueue, EventQueuePanel, QueuedEvent};
use super::{back_to_home, failure, use_queue_owner};
use crate::api;
use crate::calendar::{iso, parse_iso, parse_units};
use crate::components::states::{BackLink, Loading, SubmitError};
use crate::components::text_limit::CharCounter;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::citizen::vouchers::{grouped_number, status_text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use seteli_domain::api::{NewServiceEvent, ProducerVoucher, ProducerVoucherDetail};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::VoucherId;
use seteli_domain::producer::{check_event, EventError, EVENT_DESCRIPTION_MAX_CHARS};
use seteli_domain::voucher::event_shares;
use seteli_domain::{ApiError, ErrorCode, Lang};
use time::Date;

/// What is wrong with the visit as typed, before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventProblem {
    /// No date, or not a date.
    NoDate,
    /// The units are not a number with at most two decimals.
    UnitsFormat,
    /// One of the domain's rules.
    Rule(EventError),
}

impl EventProblem {
    /// What the employee is told.
    pub fn text(self) -> Text {
        match self {
            EventProblem::NoDate => Text::EventDateMissing,
            EventProblem::UnitsFormat => Text::EventUnitsFormat,
            EventProblem::Rule(EventError::InFuture) => Text::EventInFuture,
            EventProblem::Rule(EventError::OutsideValidity) => Text::EventOutsideValidity,
            EventProblem::Rule(EventError::Units) => Text::EventUnitsRange,
            EventProblem::Rule(EventError::Description) => Text::EventDescriptionProblem,
        }
    }

    /// The field it is about.
    pub fn field(self) -> Field {
        match self {
            EventProblem::NoDate
            | EventProblem::Rule(EventError::InFuture | EventError::OutsideValidity) => Field::Date,
            EventProblem::UnitsFormat | EventProblem::Rule(EventError::Units) => Field::Units,
            EventProblem::Rule(EventError::Description) => Field::Description,
        }
    }
}

/// The event form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Units,
    Description,
}

impl Field {
    fn id(self) -> &'static str {
        match self {
            Field::Date => "event-date",
            Field::Units => "event-units",
            Field::Description => "event-description",
        }
    }
}

/// A visit as typed, checked: the date, the units in hundredths and the trimmed
/// description, or what is wrong (the first problem, in the form's order).
pub fn checked_visit(
    date: &str,
    units: &str,
    description: &str,
    valid: (Date, Date),
    today: Date,
) -> Result<(Date, i64, String), EventProblem> {
    let date = parse_iso(date).ok_or(EventProblem::NoDate)?;
    if let Err(rule @ (EventError::InFuture | EventError::OutsideValidity)) =
        check_event(date, 100, "x", valid, today)
    {
        return Err(EventProblem::Rule(rule));
    }
    let units = parse_units(units).ok_or(EventProblem::UnitsFormat)?;
    check_event(date, units, description, valid, today).map_err(EventProblem::Rule)?;
    Ok((date, units, description.trim().to_owned()))
}

/// The latest day a visit can be logged for: today, or the voucher's last day if it has
/// ended.
pub fn latest_day(valid: (Date, Date), today: Date) -> Date {
    today.min(valid.1)
}

/// What became of the last visit sent from the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Sent,
    Queued,
}

/// The form's contents and the key of the entry being made. Kept above the loading
/// boundary: a language switch reloads the voucher but keeps what was typed.
#[derive(Clone, Copy)]
struct EventDraft {
    date: RwSignal<String>,
    units: RwSignal<String>,
    description: RwSignal<String>,
    /// The entry's key, with the contents it was made for: a resend of the same contents
    /// reuses it, anything typed differently is a new entry.
    key: StoredValue<Option<(String, String)>>,
    outcome: RwSignal<Option<Outcome>>,
}

impl Default for EventDraft {
    fn default() -> Self {
        Self {
            date: RwSignal::new(String::new()),
            units: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
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
    fn reset(self) {
        self.clear();
        self.date.set(String::new());
        self.outcome.set(None);
    }

    /// After the entry was sent or queued: the next visit is a new entry. The date stays,
    /// as the next visit is often on the same day.
    fn clear(self) {
        self.units.try_set(String::new());
        self.description.try_set(String::new());
        self.key.try_set_value(None);
    }
}

/// The page.
#[component]
pub fn ProducerVoucherPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").and_then(VoucherId::parse)));
    let (detail, retry) = crate::components::states::retryable(move || {
        let id = id.get();
        let lang = lang.get();
        async move {
            match id {
                Some(id) => api::producer_voucher(id, lang).await,
                None => Err(ApiError::new(ErrorCode::VoucherNotFound, lang)),
            }
        }
    });
    let queue = EventQueue::new(use_queue_owner());
    let draft = EventDraft::default();
    let correcting = Correcting::default();
    // The router keeps this page when a link leads to another voucher: what was typed for
    // the previous one does not carry over.
    Effect::new(move |previous: Option<Option<VoucherId>>| {
        let id = id.get();
        if previous.is_some_and(|p| p != id) {
            draft.reset();
            correcting.reset();
        }
        id
    });

    let name = move || {
        detail.with(|d| match d {
            Some(Ok(d)) => Some(format!(
                "{} {}",
                d.voucher.customer_given_name, d.voucher.customer_family_name
            )),
            _ => None,
        })
    };
    let heading = move || {
        let lang = lang.get();
        match name() {
            Some(name) => view! { <span data-testid="customer-name">{name}</span> }.into_any(),
            None => detail
                .with(|d| match d {
                    Some(Err(e)) if api::is_not_found(e) => t(lang, Text::VoucherNotFoundTitle),
                    _ => t(lang, Text::VoucherFallbackTitle),
                })
                .into_any(),
        }
    };
    use_document_title(move |lang| {
        name().unwrap_or_else(|| t(lang, Text::VoucherFallbackTitle).to_owned())
    });

    view! {
        <div class="producer-voucher" data-testid=move || name().is_some().then_some("producer-voucher")>
            <p class="back">
                <a class="back-link" href=move || links::producer_lookup(lang.get()) data-testid="back-to-lookup">
                    <span aria-hidden="true">"← "</span>
                    {tr(Text::FindAnotherVoucher)}
                </a>
            </p>
            <h1 tabindex="-1">{heading}</h1>
            <EventQueuePanel queue/>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || Suspend::new(async move {
                    let lang = lang.get();
                    match detail.await {
                        Ok(detail) => view! { <VoucherWork initial=detail queue draft correcting lang/> }.into_any(),
                        Err(error) => {
                            let back = BackLink {
                                href: links::producer_lookup,
                                text: Text::FindAnotherVoucher,
                            };
                            let back = if id.get_untracked().is_some() { back } else { back_to_home() };
                            failure(error, retry, Some(back))
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Everything below the heading once the voucher is loaded. The voucher is loaded again
/// after each visit sent, corrected, cancelled or synced from the queue, without
/// rebuilding the forms.
#[component]
fn VoucherWork(
    initial: ProducerVoucherDetail,
    queue: EventQueue,
    draft: EventDraft,
    correcting: Correcting,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.voucher.voucher_id;
    let current = RwSignal::new(initial);
    let refresh = Callback::new(move |()| {
        spawn_local(async move {
            if let Ok(detail) = api::producer_voucher(id, ui_lang.get_untracked()).await {
                current.try_set(detail);
            }
        });
    });
    // The queue may have sent visits since this voucher was loaded (it syncs when the page
    // opens, and whenever the connection returns).
    Effect::new(move |previous: Option<u32>| {
        let changed = queue.changed();
        if previous.map_or(changed > 0, |p| p != changed) {
            refresh.run(());
        }
        changed
    });
    let cancelling = Cancelling::new(refresh);
    let voucher = Memo::new(move |_| current.with(|d| d.voucher.clone()));
    let events = move || {
        let (events, valid) = current.with(|d| {
            let v = &d.voucher;
            let valid = parse_iso(&v.valid_from).zip(parse_iso(&v.valid_until));
            (d.events.clone(), valid)
        });
        view! { <CancellableEvents events valid lang cancelling correcting/> }
    };

    view! {
        <ProducerVoucherFacts voucher lang/>
        <section class="page-section" aria-labelledby="log-visit-heading">
            <h2 id="log-visit-heading">{t(lang, Text::LogVisitHeading)}</h2>
            <EventForm voucher queue draft refresh lang/>
        </section>
        <section class="page-section" aria-labelledby="visits-heading">
            <h2 id="visits-heading">{t(lang, Text::VisitsHeading)}</h2>
            <p class="hint">{t(lang, Text::VisitsHint)}</p>
            <CancelNotice cancelling/>
            <CorrectionNotice correcting/>
            {events}
        </section>
    }
}

/// The voucher's facts as the producer needs them (reactive: the balance and the price
/// change as visits are logged).
#[component]
fn ProducerVoucherFacts(voucher: Memo<ProducerVoucher>, lang: Lang) -> impl IntoView {
    let v = voucher.get_untracked();
    let unit = v.unit;
    let status_text = status_text(v.status, lang);
    let balance = move || voucher.with(|v| v.balance_cents);
    let price = move || voucher.with(|v| v.price_cents);
    view! {
        <dl class="facts voucher-facts">
            <div class="fact">
                <dt>{t(lang, Text::ServiceLabel)}</dt>
                <dd data-testid="voucher-service">{v.service_name.clone()}</dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::MunicipalityLabel)}</dt>
                <dd data-testid="voucher-municipality">{v.municipality_name.clone()}</dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::VoucherNumberLabel)}</dt>
                <dd>
                    <span class="voucher-number" data-testid="voucher-number" translate="no">
                        {grouped_number(&v.number)}
                    </span>
                </dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::ValidityLabel)}</dt>
                <dd data-testid="voucher-validity">{i18n::validity(lang, &v.valid_from, &v.valid_until)}</dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::StatusLabel)}</dt>
                <dd data-testid="voucher-status" data-status=v.status.as_str()>{status_text}</dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::VoucherValueLabel)}</dt>
                <dd data-testid="voucher-value" data-cents=v.unit_value_cents.get().to_string()>
                    {i18n::price_per_unit(lang, v.unit_value_cents, unit)}
                </dd>
            </div>
            <div class="fact">
                <dt>{t(lang, Text::YourPriceToday)}</dt>
                <dd data-testid="voucher-price" data-cents=move || price().map(|p| p.get().to_string())>
                    {move || match price() {
                        Some(p) => i18n::price_per_unit(lang, p, unit),
                        None => t(lang, Text::NoPriceToday).to_owned(),
                    }}
                </dd>
            </div>
            <div class="fact fact-balance">
                <dt>{t(lang, Text::BalanceLabel)}</dt>
                <dd data-testid="voucher-balance" data-cents=move || balance().get().to_string()>
                    {move || balance().format(lang)}
                </dd>
            </div>
        </dl>
    }
}

/// The form that logs a visit, with the voucher's and the customer's shares worked out as
/// the units are typed.
#[component]
fn EventForm(
    voucher: Memo<ProducerVoucher>,
    queue: EventQueue,
    draft: EventDraft,
    refresh: Callback<()>,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let today = dom::today();
    let v = voucher.get_untracked();
    let (Some(valid_from), Some(valid_until)) =
        (parse_iso(&v.valid_from), parse_iso(&v.valid_until))
    else {
        // The contract sends ISO dates; without them nothing can be checked.
        return view! { <p class="notice notice-error">{t(lang, Text::ErrorTitle)}</p> }.into_any();
    };
    if v.price_cents.is_none() {
        return view! {
            <p class="notice" data-testid="event-no-price">{t(lang, Text::EventNoPrice)}</p>
        }
        .into_any();
    }
    let valid = (valid_from, valid_until);
    let latest = latest_day(valid, today);
    if draft.date.get_untracked().is_empty() {
        draft.date.set(iso(latest));
    }
    let voucher_id = v.voucher_id;
    let unit = v.unit;
    let customer_name = StoredValue::new(format!(
        "{} {}",
        v.customer_given_name, v.customer_family_name
    ));
    let owner = use_queue_owner();
    // Keeps a visit that could not be sent in the person's queue for the company; `false`
    // if the session (so the person and company) is unknown or the browser would not store it.
    let keep = move |event: NewServiceEvent| -> bool {
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
    };
    let problem = RwSignal::new(None::<EventProblem>);

    // The shares of what is typed, at today's price.
    let shares = move || {
        let units = parse_units(&draft.units.get())?;
        let v = voucher.get();
        let shares = event_shares(v.price_cents?, v.unit_value_cents, units)?;
        Some((shares, shares.voucher_share > v.balance_cents))
    };

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
    let server_error = move || match send.value().get() {
        Some(Some(error)) if !pending.get() => Some(error),
        _ => None,
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        draft.outcome.set(None);
        send.value().set(None);
        let checked = checked_visit(
            &draft.date.get_untracked(),
            &draft.units.get_untracked(),
            &draft.description.get_untracked(),
            valid,
            dom::today(),
        );
        let (date, units_x100, description) = match checked {
            Ok(visit) => visit,
            Err(error) => {
                problem.set(Some(error));
                dom::focus(&format!("#{}", error.field().id()));
                return;
            }
        };
        problem.set(None);
        let service_date = iso(date);
        let contents = format!("{voucher_id}|{service_date}|{units_x100}|{description}");
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
            send.value().set(Some(Some(ApiError::new(
                ErrorCode::Network,
                ui_lang.get_untracked(),
            ))));
        }
    };

    let field_error = move |field: Field| {
        move || {
            problem.get().filter(|p| p.field() == field).map(|p| {
                view! {
                    <p id=format!("{}-error", field.id()) class="field-error" data-testid="event-problem">
                        {tr(p.text())}
                    </p>
                }
            })
        }
    };
    let invalid = move |field: Field| {
        move || {
            problem
                .get()
                .is_some_and(|p| p.field() == field)
                .then_some("true")
        }
    };
    let described = move |field: Field, hint: &'static str| {
        move || {
            if problem.get().is_some_and(|p| p.field() == field) {
                format!("{hint} {}-error", field.id())
            } else {
                hint.to_owned()
            }
        }
    };

    view! {
        <form class="form-panel event-form" data-testid="event-form" novalidate on:submit=on_submit>
            <div class="field">
                <label for="event-date">{tr(Text::EventDateLabel)}</label>
                <p id="event-date-hint" class="hint">{i18n::validity(lang, &v.valid_from, &v.valid_until)}</p>
                {field_error(Field::Date)}
                <input
                    id="event-date"
                    name="service_date"
                    type="date"
                    required
                    min=iso(valid_from)
                    max=iso(latest)
                    data-testid="event-date"
                    aria-describedby=described(Field::Date, "event-date-hint")
                    aria-invalid=invalid(Field::Date)
                    prop:value=move || draft.date.get()
                    on:input=move |ev| draft.date.set(event_target_value(&ev))
                    on:change=move |ev| draft.date.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="event-units">{i18n::units_label(lang, unit)}</label>
                <p id="event-units-hint" class="hint">{tr(Text::EventUnitsHint)}</p>
                {field_error(Field::Units)}
                <input
                    id="event-units"
                    name="units"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid="event-units"
                    aria-describedby=described(Field::Units, "event-units-hint event-shares")
                    aria-invalid=invalid(Field::Units)
                    prop:value=move || draft.units.get()
                    on:input=move |ev| draft.units.set(event_target_value(&ev))
                />
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
            </div>
            <div class="field">
                <label for="event-description">{tr(Text::EventDescriptionLabel)}</label>
                <p id="event-description-hint" class="hint">{tr(Text::EventDescriptionHint)}</p>
                {field_error(Field::Description)}
                <textarea
                    id="event-description"
                    name="description"
                    rows="3"
                    maxlength=EVENT_DESCRIPTION_MAX_CHARS.to_string()
                    data-testid="event-description"
                    aria-describedby=described(Field::Description, "event-description-hint")
                    aria-invalid=invalid(Field::Description)
                    prop:value=move || draft.description.get()
                    on:input=move |ev| draft.description.set(event_target_value(&ev))
                ></textarea>
                <CharCounter text=draft.description max=EVENT_DESCRIPTION_MAX_CHARS testid="event-description-count"/>
            </div>
            {move || server_error().map(|error| view! { <SubmitError error testid="event-error"/> })}
            // Present from the start, so that screen readers notice what appears in it.
            <div aria-live="polite">
                {move || match draft.outcome.get() {
                    Some(Outcome::Sent) => Some(view! {
                        <p class="notice notice-success" role="status" data-testid="event-sent">{tr(Text::EventSent)}</p>
                    }.into_any()),
                    Some(Outcome::Queued) => Some(view! {
                        <p class="notice notice-queued" role="status" data-testid="event-queued">{tr(Text::EventQueued)}</p>
                    }.into_any()),
                    None => None,
                }}
            </div>
            <div class="form-actions">
                <button
                    type="submit"
                    class="button"
                    data-testid="event-submit"
                    aria-disabled=move || pending.get().then_some("true")
                >
                    {move || t(ui_lang.get(), if pending.get() { Text::Sending } else { Text::EventSubmit })}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const VALID: (Date, Date) = (date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    const TODAY: Date = date!(2026 - 11 - 21);

    #[test]
    fn a_visit_is_checked_by_the_domain_s_rules_before_it_is_sent() {
        assert_eq!(
            checked_visit("2026-11-21", "1,5", "  Siivous ", VALID, TODAY),
            Ok((TODAY, 150, "Siivous".to_owned()))
        );
        assert_eq!(
            checked_visit("2026-11-22", "1", "x", VALID, TODAY),
            Err(EventProblem::Rule(EventError::InFuture))
        );
        assert_eq!(
            checked_visit("2025-12-31", "1", "x", VALID, TODAY),
            Err(EventProblem::Rule(EventError::OutsideValidity))
        );
        assert_eq!(
            checked_visit("", "1", "x", VALID, TODAY),
            Err(EventProblem::NoDate)
        );
        assert_eq!(
            checked_visit("2026-11-21", "puolitoista", "x", VALID, TODAY),
            Err(EventProblem::UnitsFormat)
        );
        assert_eq!(
            checked_visit("2026-11-21", "25", "x", VALID, TODAY),
            Err(EventProblem::Rule(EventError::Units))
        );
        assert_eq!(
            checked_visit("2026-11-21", "1", " ", VALID, TODAY),
            Err(EventProblem::Rule(EventError::Description))
        );
    }

    #[test]
    fn each_problem_points_at_its_field() {
        assert_eq!(EventProblem::NoDate.field(), Field::Date);
        assert_eq!(EventProblem::Rule(EventError::Units).field(), Field::Units);
        assert_eq!(
            EventProblem::Rule(EventError::Description).field(),
            Field::Description
        );
    }

    #[test]
    fn an_ended_voucher_takes_visits_up_to_its_last_day() {
        assert_eq!(latest_day(VALID, TODAY), TODAY);
        assert_eq!(
            latest_day((date!(2026 - 01 - 01), date!(2026 - 06 - 30)), TODAY),
            date!(2026 - 06 - 30)
        );
    }
}
