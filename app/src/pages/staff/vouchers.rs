//! The card's decisions (each leading to its document) and vouchers, with what staff do
//! to a voucher in force: amend it by a new decision, end it early, or annul it — the last
//! only while no event is logged under it.

use super::card::{Card, CardSection};
use crate::api;
use crate::components::decision_document::DecisionStatusBadge;
use crate::components::facts::{Fact, MoneyFact};
use crate::components::fields::{Problems, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::links::{self, EventsQuery};
use crate::locale::use_lang;
use crate::pages::citizen::vouchers::{grouped_number, status_text};
use leptos::prelude::*;
use seteli_domain::api::desk::{EndVoucher, StaffVoucher};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::desk::{check_early_end, check_text, AssessmentOutcome, MAX_TEXT};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::VoucherId;
use seteli_domain::voucher::VoucherStatus;
use seteli_domain::{ErrorCode, Lang};

/// The card's decisions, newest first.
#[component]
pub fn CardDecisions(state: Card, lang: Lang) -> impl IntoView {
    let list = move || {
        let decisions = state.card.with(|c| c.decisions.clone());
        if decisions.is_empty() {
            return view! { <p class="notice" data-testid="decisions-empty">{t(lang, Text::DecisionsEmpty)}</p> }.into_any();
        }
        let items = decisions
            .into_iter()
            .map(|d| {
                let title = d.decision_number.clone().unwrap_or_else(|| t(lang, Text::DecisionStatusDraft).to_owned());
                view! {
                    <li class="card" data-testid="card-decision" data-decision-id=d.id.to_string() data-status=d.status.as_str()>
                        <p class="card-title">
                            <a href=links::desk_decision(d.id, lang) data-testid="card-decision-link">
                                {d.service_name.clone()} " – " {title}
                            </a>
                        </p>
                        <p class="card-meta">
                            <DecisionStatusBadge status=d.status lang/> " "
                            {i18n::validity(lang, d.valid_from, d.valid_until)}
                            {d.amendment.then(|| view! { " · " {t(lang, Text::Amendment)} })}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="card-decision-list">{items}</ul> }
            .into_any()
    };
    view! {
        <CardSection id="decisions" heading=Text::DecisionsHeading lang>
            {list}
        </CardSection>
    }
}

/// What is open under a voucher: nothing, the early end's form or the annulment's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    End(VoucherId),
    Annul(VoucherId),
}

/// The card's vouchers.
#[component]
pub fn CardVouchers(state: Card, lang: Lang) -> impl IntoView {
    let open = RwSignal::new(None::<Open>);
    let done = RwSignal::new(None::<Text>);
    let list = move || {
        let (vouchers, assessments, customer) = state
            .card
            .with(|c| (c.vouchers.clone(), c.assessments.clone(), c.id));
        if vouchers.is_empty() {
            return view! { <p class="notice" data-testid="vouchers-empty">{t(lang, Text::CardVouchersEmpty)}</p> }.into_any();
        }
        let items = vouchers
            .into_iter()
            .map(|v| {
                // An amendment rests on the latest assessment that found a voucher for the
                // same service.
                let amend = assessments
                    .iter()
                    .find(|a| {
                        a.outcome == AssessmentOutcome::Voucher && a.service_code == v.service_code
                    })
                    .map(|a| {
                        links::new_decision(
                            customer,
                            a.id,
                            Some(links::DraftFrom::Amends(v.id)),
                            lang,
                        )
                    });
                view! { <VoucherItem voucher=v amend state open done lang/> }
            })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="card-voucher-list">{items}</ul> }
            .into_any()
    };
    view! {
        <CardSection id="vouchers" heading=Text::CardVouchersHeading lang>
            <div aria-live="polite">
                {move || done.get().map(|text| view! {
                    <p id="voucher-action-done" class="notice notice-success" role="status" tabindex="-1" data-testid="voucher-action-done">{t(lang, text)}</p>
                })}
            </div>
            {list}
        </CardSection>
    }
}

#[component]
fn VoucherItem(
    voucher: StaffVoucher,
    amend: Option<String>,
    state: Card,
    open: RwSignal<Option<Open>>,
    done: RwSignal<Option<Text>>,
    lang: Lang,
) -> impl IntoView {
    let v = voucher;
    let id = v.id;
    let active = v.status == VoucherStatus::Active;
    let can_annul = active && !v.has_events;
    let toggle = move |which: Open| {
        done.set(None);
        open.update(|o| *o = if *o == Some(which) { None } else { Some(which) });
    };
    let actions = active.then(|| {
        let amend = amend.map(|href| view! { <a class="button button-secondary" href=href data-testid="voucher-amend">{t(lang, Text::AmendVoucher)}</a> });
        let annul = can_annul.then(|| view! {
            <button
                type="button"
                class="button button-secondary"
                data-testid="voucher-annul"
                aria-expanded=move || (open.get() == Some(Open::Annul(id))).to_string()
                on:click=move |_| toggle(Open::Annul(id))
            >
                {t(lang, Text::AnnulVoucher)}
            </button>
        });
        view! {
            <div class="button-row">
                {amend}
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="voucher-end"
                    aria-expanded=move || (open.get() == Some(Open::End(id))).to_string()
                    on:click=move |_| toggle(Open::End(id))
                >
                    {t(lang, Text::EndVoucherEarly)}
                </button>
                {annul}
            </div>
            {(!can_annul).then(|| view! { <p class="hint">{t(lang, Text::AnnulOnlyWithoutEvents)}</p> })}
        }
    });
    let valid = (v.valid_from, v.valid_until);
    // Every event under the voucher falls within its validity.
    let events_link = links::desk_events_for(
        &EventsQuery {
            voucher: Some(id),
            from: Some(v.valid_from),
            to: Some(v.valid_until),
            ..EventsQuery::default()
        },
        lang,
    );
    let form = move || match open.get() {
        Some(Open::End(which)) if which == id => {
            Some(view! { <EndForm id valid state open done/> }.into_any())
        }
        Some(Open::Annul(which)) if which == id => {
            Some(view! { <AnnulForm id state open done/> }.into_any())
        }
        _ => None,
    };
    view! {
        <li class="card" data-testid="card-voucher" data-voucher-id=id.to_string() data-status=v.status.as_str() data-has-events=v.has_events.to_string()>
            <p class="card-title">{v.service_name.clone()}</p>
            <dl class="facts">
                <Fact label=Text::VoucherNumberLabel lang>
                    <dd><span class="voucher-number" translate="no" data-testid="card-voucher-number">{grouped_number(&v.number)}</span></dd>
                </Fact>
                <Fact label=Text::StatusLabel lang>
                    <dd data-testid="card-voucher-status">{status_text(v.status, lang)}</dd>
                </Fact>
                <Fact label=Text::VoucherValueLabel lang>
                    <dd data-cents=v.unit_value_cents.get().to_string()>{i18n::price_per_unit(lang, v.unit_value_cents, v.unit)}</dd>
                </Fact>
                <MoneyFact label=Text::GrantedLabel lang cents=v.granted_cents/>
                <MoneyFact label=Text::BalanceLabel lang cents=v.balance_cents testid="card-voucher-balance"/>
                <Fact label=Text::ValidityLabel lang>
                    <dd data-testid="card-voucher-validity">{i18n::validity(lang, v.valid_from, v.valid_until)}</dd>
                </Fact>
            </dl>
            <p>
                <a href=events_link data-testid="voucher-events-link">{t(lang, Text::EventsOfVoucher)}</a>
            </p>
            {actions}
            {form}
        </li>
    }
}

/// Ends a voucher early: the last day and why.
#[component]
fn EndForm(
    id: VoucherId,
    valid: (time::Date, time::Date),
    state: Card,
    open: RwSignal<Option<Open>>,
    done: RwSignal<Option<Text>>,
) -> impl IntoView {
    let lang = use_lang();
    let today = crate::dom::today();
    let end_on = RwSignal::new(iso_date(today));
    let reason = RwSignal::new(String::new());
    let send = Action::new_local(move |end: &EndVoucher| {
        let end = end.clone();
        let lang = lang.get_untracked();
        async move { api::end_voucher(id, &end, lang).await }
    });
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            open.set(None);
            done.set(Some(Text::VoucherEndedDone));
            state.reload.run(());
            crate::dom::focus_after_render("#voucher-action-done");
        }
    });
    let server_error = last_error(send, Result::err);
    let problems = Problems::new(server_error);
    let prefix = format!("voucher-{id}-end");
    let (date_id, reason_id) = (format!("{prefix}-date"), format!("{prefix}-reason"));
    let (date_focus, reason_focus) = (date_id.clone(), reason_id.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(day) = parse_iso_date(end_on.get_untracked().trim()) else {
            return problems.found("end_on", Text::EndDateProblem, &date_focus);
        };
        if check_early_end(day, valid.0, valid.1, today).is_err() {
            return problems.found("end_on", Text::EndDateProblem, &date_focus);
        }
        let why = reason.get_untracked();
        if check_text(&why, MAX_TEXT, ErrorCode::InvalidDecision, "reason").is_err() {
            return problems.found("reason", Text::ReasonMissing, &reason_focus);
        }
        problems.clear();
        send.dispatch_local(EndVoucher {
            end_on: day,
            reason: why.trim().to_owned(),
        });
    };
    view! {
        <form class="form-panel" data-testid="voucher-end-form" novalidate on:submit=on_submit>
            <TextField id=date_id field="end_on" label=Text::EndOnLabel value=end_on problems kind="date"/>
            <TextField id=reason_id field="reason" label=Text::ReasonLabel value=reason problems multiline=true/>
            <FormEnd error=server_error error_testid="voucher-end-error" text=Text::EndVoucherSubmit pending testid="voucher-end-submit"/>
        </form>
    }
}

/// Annuls a voucher under which nothing is logged: why.
#[component]
fn AnnulForm(
    id: VoucherId,
    state: Card,
    open: RwSignal<Option<Open>>,
    done: RwSignal<Option<Text>>,
) -> impl IntoView {
    let lang = use_lang();
    let reason = RwSignal::new(String::new());
    let send = Action::new_local(move |reason: &String| {
        let reason = reason.clone();
        let lang = lang.get_untracked();
        async move { api::annul_voucher(id, &reason, lang).await }
    });
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            open.set(None);
            done.set(Some(Text::VoucherAnnulledDone));
            state.reload.run(());
            crate::dom::focus_after_render("#voucher-action-done");
        }
    });
    let server_error = last_error(send, Result::err);
    let problems = Problems::new(server_error);
    let reason_id = format!("voucher-{id}-annul-reason");
    let focus = reason_id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let why = reason.get_untracked();
        if check_text(&why, MAX_TEXT, ErrorCode::InvalidDecision, "reason").is_err() {
            return problems.found("reason", Text::ReasonMissing, &focus);
        }
        problems.clear();
        send.dispatch_local(why.trim().to_owned());
    };
    view! {
        <form class="form-panel" data-testid="voucher-annul-form" novalidate on:submit=on_submit>
            <p class="hint">{move || t(lang.get(), Text::AnnulWarning)}</p>
            <TextField id=reason_id field="reason" label=Text::ReasonLabel value=reason problems multiline=true/>
            <FormEnd error=server_error error_testid="voucher-annul-error" text=Text::AnnulVoucherSubmit pending testid="voucher-annul-submit"/>
        </form>
    }
}
