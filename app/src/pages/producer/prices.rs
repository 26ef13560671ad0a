//! `/producer/prices`: each service the company is approved for, with today's price and
//! the ones already set for later, and a form that sets a new price from a later day on
//! (tomorrow at the earliest; by default the first day of next month). Visits logged
//! before that day keep the old price.

use super::{NotActingForCompany, ServiceCard};
use crate::api;
use crate::calendar::{first_of_next_month, tomorrow};
use crate::components::facts::PriceTodayFact;
use crate::components::form::{last_error, FieldError, SubmitButton, SubmitError};
use crate::components::list_page::ListPage;
use crate::components::states::EmptyNotice;
use crate::dom;
use crate::locale::use_lang;
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::{NewPrice, ProducerService};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::producer::{may_set_prices, valid_price_start};
use seteli_domain::{Cents, ErrorCode, Lang, MunicipalityCode, ServiceCode};
use time::Date;

/// What is wrong with a new price as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceProblem {
    /// Not an amount of euros.
    Amount,
    /// No date, or not a date.
    NoDate,
    /// Today or earlier.
    TooEarly,
}

impl PriceProblem {
    /// What the employee is told.
    pub fn text(self) -> Text {
        match self {
            PriceProblem::Amount => Text::PriceAmountProblem,
            PriceProblem::NoDate => Text::PriceDateMissing,
            PriceProblem::TooEarly => Text::PriceDateTooEarly,
        }
    }
}

/// A new price as typed, checked: the amount (parsed like the rest of Seteli's euro
/// fields) and the day it takes effect, or what is wrong.
pub fn checked_price(
    amount: &str,
    valid_from: &str,
    today: Date,
) -> Result<(Cents, Date), PriceProblem> {
    let cents = Cents::parse_euros(amount).map_err(|_| PriceProblem::Amount)?;
    let from = parse_iso_date(valid_from.trim()).ok_or(PriceProblem::NoDate)?;
    if !valid_price_start(from, today) {
        return Err(PriceProblem::TooEarly);
    }
    Ok((cents, from))
}

/// The page.
#[component]
pub fn ProducerPricesPage() -> impl IntoView {
    let empty = || view! { <EmptyNotice testid="prices-empty" text=Text::ProducerServicesEmpty/> };
    view! {
        <ListPage title=Text::PricesTitle fetch=api::producer_prices empty region="producer-prices" forbidden=NotActingForCompany let:services>
            <PriceList services/>
        </ListPage>
    }
}

/// A service's identity: the municipality and the service.
type ServiceKey = (MunicipalityCode, ServiceCode);

fn key_of(service: &ProducerService) -> ServiceKey {
    (
        service.municipality_code.clone(),
        service.service_code.clone(),
    )
}

/// The services (at least one), each with its own form. A saved price comes back with
/// every service, and each row takes its own from the answer.
#[component]
fn PriceList(services: Vec<ProducerService>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let rows: Vec<(ServiceKey, RwSignal<ProducerService>)> = services
        .into_iter()
        .map(|s| (key_of(&s), RwSignal::new(s)))
        .collect();
    let stored = StoredValue::new(rows.clone());
    let on_saved = Callback::new(move |updated: Vec<ProducerService>| {
        stored.with_value(|rows| {
            for service in updated {
                let key = key_of(&service);
                if let Some((_, row)) = rows.iter().find(|(k, _)| *k == key) {
                    row.set(service);
                }
            }
        });
    });
    // Changing prices is for those who can bind the company (the same rule the edge
    // applies); others see the prices without a form they could not use.
    let may_set = use_session()
        .acting_for_company()
        .is_some_and(|company| may_set_prices(&company.roles));
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(index, (_, service))| view! { <PriceRow index service on_saved may_set lang/> })
        .collect_view();
    let lead = if may_set {
        view! { <p class="lead">{t(lang, Text::PricesLead)}</p> }.into_any()
    } else {
        view! {
            <p class="notice" data-testid="prices-no-role">{ErrorCode::NoPriceRole.message(lang)}</p>
        }
        .into_any()
    };
    view! {
        {lead}
        <ul class="card-list" role="list">{items}</ul>
    }
}

/// One service: its prices and, for those who may set them, the form for a new one.
#[component]
fn PriceRow(
    index: usize,
    service: RwSignal<ProducerService>,
    on_saved: Callback<Vec<ProducerService>>,
    /// Whether the person may change prices; without it the form is not offered.
    may_set: bool,
    lang: Lang,
) -> impl IntoView {
    let s = service.get_untracked();
    let unit = s.unit;
    let title_id = format!("price-{index}-title");
    let today_price = move || service.with(|s| s.price_cents);
    let upcoming = move || {
        service
            .with(|s| s.upcoming.clone())
            .into_iter()
            .map(|u| {
                view! {
                    <li data-testid="price-upcoming" data-cents=u.price_cents.get().to_string() data-valid-from=iso_date(u.valid_from)>
                        {i18n::price_from(lang, u.price_cents, unit, u.valid_from)}
                    </li>
                }
            })
            .collect_view()
    };
    let has_upcoming = move || service.with(|s| !s.upcoming.is_empty());
    view! {
        <ServiceCard class="card price-row" testid="price-row" municipality=s.municipality_code.clone() code=s.service_code.clone()>
            <h2 id=title_id.clone() class="card-title">
                {s.service_name.clone()}
                <span class="card-subtitle">{s.municipality_name.clone()}</span>
            </h2>
            <dl class="facts">
                <PriceTodayFact price=Signal::derive(today_price) unit testid="price-today" lang/>
            </dl>
            {move || {
                has_upcoming()
                    .then(|| {
                        view! {
                            <p class="upcoming-title">{t(lang, Text::UpcomingPrices)}</p>
                            <ul class="upcoming-list">{upcoming}</ul>
                        }
                    })
            }}
            <PriceForm index service on_saved hidden=!may_set title_id lang/>
        </ServiceCard>
    }
}

/// The form that sets a new price for `service` from a later day on; `on_saved` gets all
/// the services back. `hidden` for those who may not set prices.
#[component]
fn PriceForm(
    index: usize,
    service: RwSignal<ProducerService>,
    on_saved: Callback<Vec<ProducerService>>,
    hidden: bool,
    title_id: String,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let unit = service.with_untracked(|s| s.unit);
    let today = dom::today();
    let amount = RwSignal::new(String::new());
    let valid_from = RwSignal::new(iso_date(first_of_next_month(today)));
    let problem = RwSignal::new(None::<PriceProblem>);
    let saved = RwSignal::new(None::<(Cents, Date)>);
    let amount_id = format!("price-{index}-amount");
    let from_id = format!("price-{index}-from");
    let error_id = format!("price-{index}-error");

    let save = Action::new_local(move |(price, lang): &(NewPrice, Lang)| {
        let (price, lang) = (price.clone(), *lang);
        async move {
            let result = api::set_price(&price, lang).await;
            if let Ok(updated) = &result {
                saved.try_set(Some((price.price_cents, price.valid_from)));
                amount.try_set(String::new());
                on_saved.try_run(updated.clone());
            }
            result.err()
        }
    });
    let pending = save.pending();
    let server_error = last_error(save, |failed| failed);
    let on_submit = {
        let (amount_id, from_id) = (amount_id.clone(), from_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            saved.set(None);
            let checked = checked_price(
                &amount.get_untracked(),
                &valid_from.get_untracked(),
                dom::today(),
            );
            match checked {
                Ok((price_cents, from)) => {
                    problem.set(None);
                    let s = service.get_untracked();
                    let price = NewPrice {
                        municipality_code: s.municipality_code,
                        service_code: s.service_code,
                        valid_from: from,
                        price_cents,
                    };
                    save.dispatch_local((price, ui_lang.get_untracked()));
                }
                Err(error) => {
                    problem.set(Some(error));
                    let field = if error == PriceProblem::Amount {
                        &amount_id
                    } else {
                        &from_id
                    };
                    dom::focus(&format!("#{field}"));
                }
            }
        }
    };
    // Whether the problem is about the amount (else about the day).
    let about = move |amount_field: bool| {
        move || {
            problem
                .get()
                .is_some_and(|p| (p == PriceProblem::Amount) == amount_field)
        }
    };
    let described = move |amount_field: bool| {
        let error_id = error_id.clone();
        move || about(amount_field)().then(|| error_id.clone())
    };

    view! {
        <form class="price-form" novalidate hidden=hidden aria-labelledby=title_id on:submit=on_submit>
            <div class="field">
                <label for=amount_id.clone()>{i18n::new_price_label(lang, unit)}</label>
                <input
                    id=amount_id
                    name="price"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid="price-input"
                    aria-invalid=move || about(true)().then_some("true")
                    aria-describedby=described(true)
                    prop:value=move || amount.get()
                    on:input=move |ev| amount.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for=from_id.clone()>{t(lang, Text::PriceValidFromLabel)}</label>
                <input
                    id=from_id
                    name="valid_from"
                    type="date"
                    required
                    min=iso_date(tomorrow(today))
                    data-testid="price-valid-from"
                    aria-invalid=move || about(false)().then_some("true")
                    aria-describedby=described(false)
                    prop:value=move || valid_from.get()
                    on:input=move |ev| valid_from.set(event_target_value(&ev))
                    on:change=move |ev| valid_from.set(event_target_value(&ev))
                />
            </div>
            {move || {
                let id = format!("price-{index}-error");
                problem.get().map(|p| view! { <FieldError id text=p.text() testid="price-problem"/> })
            }}
            {move || server_error().map(|error| view! { <SubmitError error testid="price-error"/> })}
            // Present from the start, so that screen readers notice what appears in it.
            <div aria-live="polite">
                {move || {
                    saved
                        .get()
                        .map(|(cents, from)| {
                            view! {
                                <p class="notice notice-success" role="status" data-testid="price-saved">
                                    {i18n::price_saved(ui_lang.get(), cents, unit, from)}
                                </p>
                            }
                        })
                }}
            </div>
            <div class="form-actions">
                <SubmitButton text=Text::PriceSubmit pending testid="price-submit"/>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_new_price_is_euros_from_tomorrow_at_the_earliest() {
        let today = date!(2026 - 11 - 21);
        assert_eq!(
            checked_price("32,50", "2026-12-01", today),
            Ok((Cents::new(3250).unwrap(), date!(2026 - 12 - 01)))
        );
        assert_eq!(
            checked_price("32.5 €", "2026-11-22", today).map(|(c, _)| c.get()),
            Ok(3250)
        );
        assert_eq!(
            checked_price("", "2026-12-01", today),
            Err(PriceProblem::Amount)
        );
        assert_eq!(
            checked_price("-5", "2026-12-01", today),
            Err(PriceProblem::Amount)
        );
        assert_eq!(checked_price("30", "", today), Err(PriceProblem::NoDate));
        assert_eq!(
            checked_price("30", "2026-11-21", today),
            Err(PriceProblem::TooEarly)
        );
    }
}
