//! `/producer/vouchers/:id`: a voucher the company serves — whose it is, what is left and
//! the company's price today — the form that logs a visit ([`event_form`](super::event_form)),
//! and the visits logged under it, which can be corrected or cancelled for 14 days (see
//! [`correction`](super::correction) and [`events`](super::events)). A voucher that is not
//! linked to the company (its number was never entered here) is "not found", like one that
//! does not exist.

use super::correction::{Correcting, CorrectionNotice};
use super::event_form::{EventDraft, EventForm};
use super::events::{CancelNotice, CancellableEvents, Cancelling};
use super::queue::{EventQueue, EventQueuePanel};
use super::{back_to_home, use_queue_owner, NotActingForCompany};
use crate::api;
use crate::components::facts::{Fact, PriceTodayFact};
use crate::components::states::{BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use crate::pages::citizen::voucher::use_voucher_in_path;
use crate::pages::citizen::vouchers::{grouped_number, status_text, ValueFacts};
use leptos::prelude::*;
use seteli_domain::api::{ProducerVoucher, ProducerVoucherDetail};
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::VoucherId;
use seteli_domain::Lang;

/// The page.
#[component]
pub fn ProducerVoucherPage() -> impl IntoView {
    let lang = use_lang();
    let (id, detail) = use_voucher_in_path(api::producer_voucher);
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
    let find_another = BackLink {
        href: links::producer_lookup,
        text: Text::FindAnotherVoucher,
    };
    // "Not found": back to finding a voucher, or home when the address had no id at all.
    let back = if id.get_untracked().is_some() {
        find_another
    } else {
        back_to_home()
    };

    view! {
        <div class="producer-voucher" data-testid=move || name().is_some().then_some("producer-voucher")>
            <BackTo link=find_another testid="back-to-lookup"/>
            <h1 tabindex="-1">{heading}</h1>
            <EventQueuePanel queue/>
            <Remote data=detail back forbidden=NotActingForCompany let:initial>
                <VoucherWork initial queue draft correcting lang=lang.get_untracked()/>
            </Remote>
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
    // A reload that keeps the forms: a failure leaves the voucher as it was shown.
    let reload = Action::new_local(move |(): &()| {
        let lang = ui_lang.get_untracked();
        async move {
            if let Ok(detail) = api::producer_voucher(id, lang).await {
                current.try_set(detail);
            }
        }
    });
    let refresh = Callback::new(move |()| {
        reload.dispatch_local(());
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
            let valid = Some((v.valid_from, v.valid_until));
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
            <Fact label=Text::ServiceLabel lang>
                <dd data-testid="voucher-service">{v.service_name.clone()}</dd>
            </Fact>
            <Fact label=Text::MunicipalityLabel lang>
                <dd data-testid="voucher-municipality">{v.municipality_name.clone()}</dd>
            </Fact>
            <Fact label=Text::VoucherNumberLabel lang>
                <dd>
                    <span class="voucher-number" data-testid="voucher-number" translate="no">
                        {grouped_number(&v.number)}
                    </span>
                </dd>
            </Fact>
            <Fact label=Text::StatusLabel lang>
                <dd data-testid="voucher-status" data-status=v.status.as_str()>{status_text}</dd>
            </Fact>
            <ValueFacts value=v.unit_value_cents unit valid=(v.valid_from, v.valid_until) lang/>
            <PriceTodayFact price=Signal::derive(price) unit testid="voucher-price" lang/>
            <Fact label=Text::BalanceLabel lang class="fact-balance">
                <dd data-testid="voucher-balance" data-cents=move || balance().get().to_string()>
                    {move || balance().format(lang)}
                </dd>
            </Fact>
        </dl>
    }
}
