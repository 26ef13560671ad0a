//! `/desk/settlements?month=YYYY-MM`: the organiser's settlements with producers of a month
//! (the latest the schedule gathers, unless the address names one), each producer's sums,
//! state and account, with the months before and after; finance gathers the month again
//! and downloads the bank's payment file and the ledger. Customer service reads.

use super::{back_to_desk, StaffOnly};
use crate::api::settlements as api;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::settlement::{account_text, StateBadge};
use crate::components::states::{retryable, BackTo, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::api::settlement::{AccountState, SettlementMonth, SettlementSummary};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::format_signed;
use seteli_domain::permissions::StaffRole;
use seteli_domain::settlement::{Month, SettlementState};
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The page.
#[component]
pub fn SettlementsPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let month = Memo::new(move |_| {
        location
            .query
            .with(|q| q.get_str("month").and_then(Month::parse))
    });
    let loaded = retryable(move || {
        let (month, lang) = (month.get(), lang.get());
        async move { api::month(month, lang).await }
    });
    use_document_title(|lang| t(lang, Text::SettlementsTitle).to_owned());
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::SettlementsTitle)}</h1>
        <p class="lead">{tr(Text::SettlementsLead)}</p>
        <Remote data=loaded forbidden=StaffOnly let:answer>
            <MonthView answer lang=lang.get_untracked()/>
        </Remote>
    }
}

/// Whether a new payment file would have something in it: a confirmed settlement with
/// something to pay to an account in effect that no file has taken yet.
fn something_to_pay(settlements: &[SettlementSummary]) -> bool {
    settlements.iter().any(|s| {
        s.state == SettlementState::Confirmed
            && s.totals.payable_cents > 0
            && s.payment_message_id.is_none()
            && matches!(
                s.account,
                AccountState::Confirmed { .. } | AccountState::Pending { masked: Some(_) }
            )
    })
}

#[component]
fn MonthView(answer: SettlementMonth, lang: Lang) -> impl IntoView {
    let finance = use_session().has_staff_role(StaffRole::Finance);
    let month = answer.month;
    let current = RwSignal::new(answer);
    let gather = Action::new_local(move |_: &()| async move {
        let fresh = api::gather(month, lang).await?;
        current.try_set(fresh);
        Ok::<(), ApiError>(())
    });
    let pending = gather.pending();
    let outcome = move || {
        match gather.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="settlements-gathered">{t(lang, Text::MonthGathered)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="settlements-error"/> }.into_any())
        }
        _ => None,
    }
    };
    let this_month = Month::of(crate::dom::today());
    let next = month.next();
    // Writing a payment file takes the settlements it pays (no other file will); the month
    // is read again to list it.
    let write = Action::new_local(move |_: &()| async move {
        api::write_payment_file(month, lang).await?;
        let fresh = api::month(Some(month), lang).await?;
        current.try_set(fresh);
        Ok::<(), ApiError>(())
    });
    let writing = write.pending();
    let write_error = move || match write.value().get() {
        Some(Err(error)) if !writing.get() => {
            Some(view! { <SubmitError error testid="payment-file-error"/> })
        }
        _ => None,
    };
    let downloads = move || {
        let answer = current.get();
        let payable = something_to_pay(&answer.settlements);
        let payer_missing = (!answer.payer_configured).then(|| {
            view! { <p class="notice" data-testid="payer-missing">{ErrorCode::PayerAccountMissing.message(lang)}</p> }
        });
        let write_button = (answer.payer_configured && payable).then(|| {
            view! {
                <BusyButton class="button" testid="payment-file-write" busy=writing on_click=move || {
                    if !writing.get_untracked() {
                        write.dispatch_local(());
                    }
                }>{t(lang, Text::PaymentFileLink)}</BusyButton>
            }
        });
        let files = answer
            .payment_files
            .iter()
            .map(|file| {
                view! {
                    <li>
                        <a href=api::payment_file_href(&file.message_id, lang) download data-testid="payment-file">
                            {file.message_id.clone()}
                        </a>
                        " · "{i18n::payments_in_file(lang, file.transfers, file.total_cents)}
                    </li>
                }
            })
            .collect_view();
        view! {
            {payer_missing}
            <p class="button-row">
                {write_button}
                <a class="button button-secondary" href=api::ledger_href(month, lang) download data-testid="ledger-file">
                    {t(lang, Text::LedgerLink)}
                </a>
            </p>
            <ul class="plain-list" data-testid="payment-files">{files}</ul>
        }
    };
    let accounts = move || {
        let waiting = current.with(|a| a.pending_accounts);
        (waiting > 0).then(|| {
            view! {
                <p class="notice" data-testid="accounts-waiting">
                    {i18n::accounts_waiting(lang, waiting)}" "
                    <a href=links::desk_producer_accounts(lang)>{t(lang, Text::ProducerAccountsTitle)}</a>
                </p>
            }
        })
    };
    let list = move || {
        let settlements = current.with(|a| a.settlements.clone());
        if settlements.is_empty() {
            return view! { <EmptyNotice testid="settlements-empty" text=Text::SettlementsEmpty/> }
                .into_any();
        }
        let items = settlements
            .into_iter()
            .map(|s| view! { <SettlementCard summary=s lang/> })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="settlements">{items}</ul> }
            .into_any()
    };
    view! {
        <nav class="month-nav" aria-label=t(lang, Text::MonthLabel)>
            <a href=links::desk_settlements_of(month.previous(), lang) data-testid="month-previous">
                {t(lang, Text::PreviousMonth)}
            </a>
            <h2 data-testid="settlements-month" data-month=month.to_string()>{i18n::month_name(lang, month)}</h2>
            {(next < this_month).then(|| view! {
                <a href=links::desk_settlements_of(next, lang) data-testid="month-next">{t(lang, Text::NextMonth)}</a>
            })}
        </nav>
        {accounts}
        <div aria-live="polite">{outcome}</div>
        {(finance && month < this_month).then(|| view! {
            <p>
                <BusyButton class="button button-secondary" testid="settlements-gather" busy=pending on_click=move || {
                    if !pending.get_untracked() {
                        gather.dispatch_local(());
                    }
                }>{t(lang, Text::GatherMonth)}</BusyButton>
            </p>
        })}
        {list}
        {finance.then(|| view! { <div aria-live="polite">{write_error}</div> })}
        {finance.then_some(downloads)}
    }
}

/// One producer's settlement of the month, summed, leading to its lines.
#[component]
fn SettlementCard(summary: SettlementSummary, lang: Lang) -> impl IntoView {
    let totals = summary.totals;
    view! {
        <li class="card" data-testid="settlement" data-id=summary.id.to_string()>
            <h3 class="card-title">
                <a href=links::desk_settlement(summary.id, lang) data-testid="settlement-link">{summary.producer_name.clone()}</a>
            </h3>
            <p class="hint">{summary.business_id.clone()}</p>
            <p><StateBadge state=summary.state lang/></p>
            <dl class="facts">
                <div class="fact">
                    <dt>{t(lang, Text::PayableLabel)}</dt>
                    <dd class="amount" data-testid="settlement-payable" data-cents=totals.payable_cents.to_string()>
                        {format_signed(totals.payable_cents, lang)}
                    </dd>
                </div>
                {(totals.adjustments_cents != 0).then(|| view! {
                    <div class="fact">
                        <dt>{t(lang, Text::AdjustmentsLabel)}</dt>
                        <dd class="amount" data-cents=totals.adjustments_cents.to_string()>{format_signed(totals.adjustments_cents, lang)}</dd>
                    </div>
                })}
                <div class="fact">
                    <dt>{t(lang, Text::AccountLabel)}</dt>
                    <dd>{account_text(&summary.account, lang)}</dd>
                </div>
            </dl>
        </li>
    }
}
