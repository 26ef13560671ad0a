//! A settlement as finance and the producer read it: its sums, every line traceable to its
//! visit (the month's visits, late ones and adjustments with the month they were settled
//! in), and the visits held out of it. The numbers are a table, for screen readers and
//! for print.

use crate::components::facts::Fact;
use leptos::prelude::*;
use seteli_domain::api::settlement::{
    AccountState, HoldView, SettlementLineView, SettlementSummary,
};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::format_signed;
use seteli_domain::settlement::{LineKind, SettlementState};
use seteli_domain::Lang;

/// A settlement's id as the address has it (`/desk/settlements/12`).
pub fn settlement_id(text: &str) -> Option<i64> {
    text.parse().ok().filter(|id| *id > 0)
}

/// The words for a settlement's state.
pub fn state_text(state: SettlementState) -> Text {
    match state {
        SettlementState::Draft => Text::SettlementStateDraft,
        SettlementState::Confirmed => Text::SettlementStateConfirmed,
        SettlementState::Paid => Text::SettlementStatePaid,
    }
}

/// The words for a line's kind.
pub fn kind_text(kind: LineKind) -> Text {
    match kind {
        LineKind::Event => Text::LineKindEvent,
        LineKind::Late => Text::LineKindLate,
        LineKind::Cancelled => Text::LineKindCancelled,
        LineKind::Changed => Text::LineKindChanged,
    }
}

/// The state as a badge.
#[component]
pub fn StateBadge(state: SettlementState, lang: Lang) -> impl IntoView {
    view! {
        <span class="badge" data-testid="settlement-state" data-state=state.as_str()>
            {t(lang, state_text(state))}
        </span>
    }
}

/// Where the payment goes, as the summary says it.
pub fn account_text(account: &AccountState, lang: Lang) -> String {
    match account {
        AccountState::Confirmed { masked } => masked.clone(),
        AccountState::Pending {
            masked: Some(masked),
        } => {
            format!("{masked} ({})", t(lang, Text::AccountPendingText))
        }
        AccountState::Pending { masked: None } => t(lang, Text::AccountPendingText).to_owned(),
        AccountState::Missing => t(lang, Text::AccountMissingText).to_owned(),
    }
}

/// An amount that may be negative.
#[component]
fn SignedFact(label: Text, cents: i64, lang: Lang, testid: &'static str) -> impl IntoView {
    view! {
        <Fact label lang>
            <dd class="amount" data-testid=testid data-cents=cents.to_string()>{format_signed(cents, lang)}</dd>
        </Fact>
    }
}

/// The sums, the state and whom it was confirmed and paid by.
#[component]
pub fn SettlementFacts(summary: SettlementSummary, lang: Lang) -> impl IntoView {
    let totals = summary.totals;
    let account_state = match summary.account {
        AccountState::Confirmed { .. } => "confirmed",
        AccountState::Pending { .. } => "pending",
        AccountState::Missing => "missing",
    };
    let paid = match (&summary.paid_on, &summary.payment_reference) {
        (Some(on), Some(reference)) => parse_iso_date(on).map(|date| {
            view! { <p class="notice notice-success" data-testid="settlement-paid">{i18n::paid_on(lang, date, reference)}</p> }
        }),
        _ => None,
    };
    view! {
        <dl class="facts">
            <Fact label=Text::StatusLabel lang>
                <dd><StateBadge state=summary.state lang/></dd>
            </Fact>
            <SignedFact label=Text::EventsSumLabel cents=totals.events_cents lang testid="settlement-events"/>
            <SignedFact label=Text::AdjustmentsLabel cents=totals.adjustments_cents lang testid="settlement-adjustments"/>
            {(totals.carried_in_cents != 0).then(|| view! {
                <SignedFact label=Text::CarriedInLabel cents=totals.carried_in_cents lang testid="settlement-carried-in"/>
            })}
            <SignedFact label=Text::PayableLabel cents=totals.payable_cents lang testid="settlement-payable"/>
            {(totals.carried_out_cents != 0).then(|| view! {
                <SignedFact label=Text::CarriedOutLabel cents=totals.carried_out_cents lang testid="settlement-carried-out"/>
            })}
            <Fact label=Text::AccountLabel lang>
                <dd data-testid="settlement-account" data-state=account_state>{account_text(&summary.account, lang)}</dd>
            </Fact>
            {summary.confirmed_by_name.clone().map(|name| view! {
                <Fact label=Text::ConfirmedByLabel lang><dd>{name}</dd></Fact>
            })}
        </dl>
        {paid}
    }
}

/// The lines as a table (a block per line on a phone); `hold` (finance on a draft) adds a
/// button per visit of the month or late visit that holds it.
#[component]
pub fn SettlementLines(
    lines: Vec<SettlementLineView>,
    lang: Lang,
    #[prop(optional)] hold: Option<Callback<i64>>,
) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="notice" data-testid="settlement-lines-empty">{t(lang, Text::SettlementLinesEmpty)}</p> }
            .into_any();
    }
    // On a narrow screen each cell says what it is; screen readers hear the headers.
    let label = move |text: Text| view! { <span class="cell-label" aria-hidden="true">{t(lang, text)}</span> };
    let rows = lines
        .into_iter()
        .map(|line| {
            let event = line.event_id.get();
            let date = parse_iso_date(&line.service_date)
                .map(|d| i18n::format_date(lang, d))
                .unwrap_or(line.service_date.clone());
            let settled = (!line.settled_in.is_empty())
                .then(|| view! { <br/><span class="hint">{i18n::settled_in(lang, &line.settled_in)}</span> });
            let holdable = hold.filter(|_| !line.kind.is_adjustment());
            view! {
                <tr role="row" data-testid="settlement-line" data-event=event.to_string() data-kind=line.kind.as_str()>
                    <th scope="row" role="rowheader">
                        {label(Text::EventDateLabel)}<span class="cell-value">{date}</span>
                    </th>
                    <td role="cell" class="cell-text">
                        {label(Text::LineKindLabel)}
                        <span class="cell-value">{t(lang, kind_text(line.kind))}{settled}</span>
                    </td>
                    <td role="cell" class="cell-text">
                        {label(Text::EventDescriptionLabel)}<span class="cell-value">{line.description.clone()}</span>
                    </td>
                    <td role="cell">
                        {label(Text::SettlementVoucherLabel)}<span class="cell-value">{line.voucher_number.clone()}</span>
                    </td>
                    <td role="cell" class="amount">
                        {label(Text::AmountLabel)}
                        <span class="cell-value" data-cents=line.amount_cents.to_string()>{format_signed(line.amount_cents, lang)}</span>
                    </td>
                    {hold.map(|_| view! {
                        <td role="cell">{holdable.map(|on_hold| view! {
                            <button type="button" class="button button-secondary" data-testid="settlement-hold"
                                on:click=move |_| on_hold.run(event)>
                                {t(lang, Text::HoldButton)}
                            </button>
                        })}</td>
                    })}
                </tr>
            }
        })
        .collect_view();
    let mut columns = vec![
        Text::EventDateLabel,
        Text::LineKindLabel,
        Text::EventDescriptionLabel,
        Text::SettlementVoucherLabel,
        Text::AmountLabel,
    ];
    if hold.is_some() {
        columns.push(Text::HoldButton);
    }
    let head = columns
        .into_iter()
        .map(|text| view! { <th scope="col" role="columnheader">{t(lang, text)}</th> })
        .collect_view();
    view! {
        <table class="stack-table" role="table" aria-labelledby="settlement-lines-heading" data-testid="settlement-lines">
            <thead role="rowgroup"><tr role="row">{head}</tr></thead>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The visits held out of the settlement, with why; `release` (finance on a draft) puts
/// one back.
#[component]
pub fn SettlementHolds(
    holds: Vec<HoldView>,
    lang: Lang,
    #[prop(optional)] release: Option<Callback<i64>>,
) -> impl IntoView {
    let items = holds
        .into_iter()
        .map(|hold| {
            let event = hold.event_id.get();
            let date = parse_iso_date(&hold.service_date)
                .map(|d| i18n::format_date(lang, d))
                .unwrap_or(hold.service_date.clone());
            view! {
                <li class="card" data-testid="settlement-held" data-event=event.to_string()>
                    <p><strong>{date}</strong>" · "{hold.voucher_number.clone()}</p>
                    <p>{hold.reason.clone()}</p>
                    <p class="hint">{hold.held_by_name.clone()}</p>
                    {release.map(|on_release| view! {
                        <button type="button" class="button button-secondary" data-testid="settlement-release"
                            on:click=move |_| on_release.run(event)>
                            {t(lang, Text::ReleaseHold)}
                        </button>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="card-list" role="list" data-testid="settlement-holds">{items}</ul> }
}
