//! `/producer`: the home page of the company the session acts for — the way to a
//! customer's voucher, the vouchers it serves, feedback waiting for a reply, recent visits
//! and its services with today's prices. Visits waiting in the offline queue are shown
//! (and sent) here too.

use super::events::EventList;
use super::queue::{EventQueue, EventQueuePanel};
use super::{use_queue_owner, NotActingForCompany, ServiceCard};
use crate::api;
use crate::components::states::{retryable, Remote, Source};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::{ProducerFeedback, ProducerHome, ProducerService, ProducerVoucher};
use seteli_domain::clock::finnish_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn ProducerHomePage() -> impl IntoView {
    let lang = use_lang();
    let home = retryable(move || api::producer_home(lang.get()));
    let queue = EventQueue::new(use_queue_owner());
    // Visits the queue sent change the lists below.
    Effect::new(move |previous: Option<u32>| {
        let changed = queue.changed();
        if previous.is_some_and(|p| p != changed) {
            home.retry();
        }
        changed
    });
    let name = move || {
        home.with(|h| {
            h.as_ref()
                .and_then(|h| h.as_ref().ok())
                .map(|h| h.name.clone())
        })
    };
    use_document_title(move |lang| {
        name().unwrap_or_else(|| t(lang, Text::ProducerHomeTitle).to_owned())
    });
    view! {
        <h1 tabindex="-1">
            {move || name().unwrap_or_else(|| t(lang.get(), Text::ProducerHomeTitle).to_owned())}
        </h1>
        <EventQueuePanel queue/>
        // A reload after the queue sent visits keeps the page on screen meanwhile.
        <Remote data=home forbidden=NotActingForCompany keep_while_reloading=true let:home>
            <HomeView home lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The loaded home page.
#[component]
fn HomeView(home: ProducerHome, lang: Lang) -> impl IntoView {
    let ProducerHome {
        services,
        vouchers,
        recent_events,
        feedback_waiting,
        ..
    } = home;
    view! {
        <div class="producer-home" data-testid="producer-home">
            <p class="lead">{t(lang, Text::ProducerHomeLead)}</p>
            <p>
                <a class="button" href=links::producer_lookup(lang) data-testid="home-find-voucher">
                    {t(lang, Text::FindVoucherAction)}
                </a>
            </p>
            <section class="page-section" aria-labelledby="served-heading">
                <h2 id="served-heading">{t(lang, Text::ServedVouchersHeading)}</h2>
                <VoucherRows vouchers lang/>
            </section>
            <section class="page-section" aria-labelledby="waiting-heading">
                <h2 id="waiting-heading">{t(lang, Text::FeedbackWaitingHeading)}</h2>
                <FeedbackWaiting items=feedback_waiting lang/>
            </section>
            <section class="page-section" aria-labelledby="recent-heading">
                <h2 id="recent-heading">{t(lang, Text::RecentEventsHeading)}</h2>
                <EventList
                    events=recent_events
                    with_customer=true
                    lang
                    empty=Text::ProducerEventsEmpty
                    testid="producer-events"
                />
            </section>
            <section class="page-section" aria-labelledby="services-heading">
                <h2 id="services-heading">{t(lang, Text::ProducerServicesHeading)}</h2>
                <ServiceRows services lang/>
                <p>
                    <a href=links::producer_prices(lang) data-testid="home-prices-link">
                        {t(lang, Text::ChangePricesLink)}
                    </a>
                </p>
            </section>
        </div>
    }
}

/// The vouchers the company serves, each a link to its page.
#[component]
fn VoucherRows(vouchers: Vec<ProducerVoucher>, lang: Lang) -> impl IntoView {
    let empty = ("producer-vouchers-empty", Text::ServedVouchersEmpty);
    card_list("producer-vouchers", empty, vouchers, lang, |v| {
        let name = format!("{} {}", v.customer_given_name, v.customer_family_name);
        view! {
            <li class="card producer-voucher-row" data-testid="producer-voucher-row" data-voucher-id=v.voucher_id.to_string()>
                <a class="card-link" href=links::producer_voucher(v.voucher_id, lang) data-testid="producer-voucher-link">
                    {name}
                </a>
                <p class="card-meta">{v.service_name} " · " {v.municipality_name}</p>
                <p class="card-meta">
                    {t(lang, Text::BalanceLabel)} ": "
                    <strong data-testid="voucher-balance" data-cents=v.balance_cents.get().to_string()>
                        {v.balance_cents.format(lang)}
                    </strong>
                </p>
            </li>
        }
    })
}

/// Feedback that has no reply yet, each leading to the feedback page.
#[component]
fn FeedbackWaiting(items: Vec<ProducerFeedback>, lang: Lang) -> impl IntoView {
    let empty = ("feedback-waiting-empty", Text::FeedbackWaitingEmpty);
    card_list("feedback-waiting", empty, items, lang, |f| {
        view! {
            <li class="card" data-testid="feedback-waiting-item" data-feedback-id=f.id.to_string()>
                <p class="card-time">
                    {f.customer_given_name} ", " {i18n::format_date(lang, finnish_date(f.created_at))}
                </p>
                <p class="feedback-text feedback-excerpt">{f.body}</p>
                <a href=links::producer_feedback(lang) data-testid="feedback-waiting-link">
                    {t(lang, Text::ReplyToFeedbackLink)}
                </a>
            </li>
        }
    })
}

/// The services the company is approved for, with today's price.
#[component]
fn ServiceRows(services: Vec<ProducerService>, lang: Lang) -> impl IntoView {
    let empty = ("producer-services-empty", Text::ProducerServicesEmpty);
    card_list("producer-services", empty, services, lang, |s| {
        let price = match s.price_cents {
            Some(p) => i18n::price_per_unit(lang, p, s.unit),
            None => t(lang, Text::NoPriceToday).to_owned(),
        };
        view! {
            <ServiceCard class="card" testid="producer-service" municipality=s.municipality_code code=s.service_code>
                <p class="card-time">{s.service_name}</p>
                <p class="card-meta">{s.municipality_name}</p>
                <p class="card-meta">
                    {t(lang, Text::YourPriceToday)} ": "
                    <strong data-testid="service-price" data-cents=s.price_cents.map(|p| p.get().to_string())>
                        {price}
                    </strong>
                </p>
            </ServiceCard>
        }
    })
}

/// A list of the home page's cards (`testid`), each of `items` shown by `card`; when
/// there are none, the notice `empty` (its test id and text) instead.
fn card_list<T, V: IntoView + 'static>(
    testid: &'static str,
    empty: (&'static str, Text),
    items: Vec<T>,
    lang: Lang,
    card: impl FnMut(T) -> V,
) -> AnyView {
    if items.is_empty() {
        let (empty_testid, text) = empty;
        return view! { <p class="notice" data-testid=empty_testid>{t(lang, text)}</p> }.into_any();
    }
    let cards = items.into_iter().map(card).collect_view();
    view! { <ul class="card-list" role="list" data-testid=testid>{cards}</ul> }.into_any()
}
