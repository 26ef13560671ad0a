//! `/desk/settlements/:id`: one producer's settlement of a month, line by line — the month's
//! visits, late ones and adjustments, and the visits held out of it. Finance holds a
//! disputed visit (with why) or puts it back, confirms the draft, and marks a confirmed
//! one paid with the day and the bank's reference.

use super::StaffOnly;
use crate::api::settlements::{self as api, SettlementStep};
use crate::components::confirm::ConfirmButton;
use crate::components::fields::{Problems, TextField};
use crate::components::form::{SubmitButton, SubmitError};
use crate::components::settlement::{
    settlement_id, SettlementFacts, SettlementHolds, SettlementLines,
};
use crate::components::states::{retryable, use_id_in_path, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::settlement::{HoldEvent, MarkPaid, ReleaseEvent, SettlementView};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::permissions::StaffRole;
use seteli_domain::settlement::SettlementState;
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::desk_settlements,
        text: Text::SettlementsTitle,
    }
}

/// The page.
#[component]
pub fn SettlementPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(settlement_id);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::settlement(id, lang).await,
                None => Err(ApiError::new(ErrorCode::SettlementNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::SettlementsTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-settlements"/>
        <Remote data=loaded back=back() forbidden=StaffOnly let:view>
            <SettlementWork initial=view lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn SettlementWork(initial: SettlementView, lang: Lang) -> impl IntoView {
    let finance = use_session().has_staff_role(StaffRole::Finance);
    let id = initial.summary.id;
    let title = i18n::settlement_title(lang, &initial.summary.producer_name, initial.summary.month);
    let current = RwSignal::new(initial);
    let step = Action::new_local(move |step: &SettlementStep| {
        let step = step.clone();
        async move {
            let fresh = api::step(id, &step, lang).await?;
            current.try_set(fresh);
            Ok::<(), ApiError>(())
        }
    });
    let pending = step.pending();
    let outcome = move || {
        match step.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="settlement-saved">{t(lang, Text::SettlementSaved)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="settlement-error"/> }.into_any())
        }
        _ => None,
    }
    };
    // The visit being held, and why.
    let holding = RwSignal::new(None::<i64>);
    let reason = RwSignal::new(String::new());
    let problems = Problems::new(move || None);
    let draft = move || current.with(|c| c.summary.state == SettlementState::Draft);
    let on_hold = Callback::new(move |event: i64| {
        holding.set(Some(event));
        reason.set(String::new());
        crate::dom::focus_after_render("#hold-reason");
    });
    let on_release = Callback::new(move |event: i64| {
        if !pending.get_untracked() {
            step.dispatch_local(SettlementStep::Release(ReleaseEvent { event_id: event }));
        }
    });
    let hold_form = move || {
        holding.get().map(|event| {
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let text = reason.get_untracked();
                if text.trim().is_empty() {
                    problems.found("reason", Text::ReasonMissing, "hold-reason");
                    return;
                }
                problems.clear();
                holding.set(None);
                step.dispatch_local(SettlementStep::Hold(HoldEvent {
                    event_id: event,
                    reason: text.trim().to_owned(),
                }));
            };
            view! {
                <form class="form-panel" data-testid="hold-form" novalidate on:submit=submit>
                    <TextField id="hold-reason" field="reason" label=Text::HoldReasonLabel value=reason problems multiline=true/>
                    <SubmitButton text=Text::HoldButton pending testid="hold-submit"/>
                </form>
            }
        })
    };
    let body = move || {
        let view = current.get();
        let is_draft = view.summary.state == SettlementState::Draft;
        let hold = (finance && is_draft).then_some(on_hold);
        let release = (finance && is_draft).then_some(on_release);
        let holds = (!view.holds.is_empty()).then(|| {
            view! {
                <section class="page-section" aria-labelledby="holds-heading">
                    <h2 id="holds-heading">{t(lang, Text::HoldsHeading)}</h2>
                    <p class="hint">{t(lang, Text::HoldsLead)}</p>
                    {match release {
                        Some(release) => view! { <SettlementHolds holds=view.holds.clone() lang release/> }.into_any(),
                        None => view! { <SettlementHolds holds=view.holds.clone() lang/> }.into_any(),
                    }}
                </section>
            }
        });
        view! {
            <SettlementFacts summary=view.summary.clone() lang/>
            <section class="page-section" aria-labelledby="settlement-lines-heading">
                <h2 id="settlement-lines-heading">{t(lang, Text::SettlementLinesHeading)}</h2>
                {match hold {
                    Some(hold) => view! { <SettlementLines lines=view.lines.clone() lang hold/> }.into_any(),
                    None => view! { <SettlementLines lines=view.lines.clone() lang/> }.into_any(),
                }}
            </section>
            {holds}
        }
    };
    let confirm = move || {
        (finance && draft()).then(|| {
            let on_confirm = move || {
                if !pending.get_untracked() {
                    step.dispatch_local(SettlementStep::Confirm);
                }
            };
            view! {
                <section class="page-section">
                    <p class="hint">{t(lang, Text::ConfirmSettlementHint)}</p>
                    <ConfirmButton class="button" testid="settlement-confirm" busy=pending on_confirm>
                        {t(lang, Text::ConfirmSettlement)}
                    </ConfirmButton>
                </section>
            }
        })
    };
    let paid_form = move || {
        let confirmed = current.with(|c| c.summary.state == SettlementState::Confirmed);
        (finance && confirmed).then(|| view! { <PaidForm step pending lang/> })
    };
    view! {
        <h1 tabindex="-1" data-testid="settlement-title">{title}</h1>
        <div aria-live="polite">{outcome}</div>
        {body}
        {hold_form}
        {confirm}
        {paid_form}
    }
}

/// The day the bank paid and its reference.
#[component]
fn PaidForm(
    step: Action<SettlementStep, Result<(), ApiError>>,
    pending: Memo<bool>,
    lang: Lang,
) -> impl IntoView {
    let today = crate::dom::today();
    let paid_on = RwSignal::new(iso_date(today));
    let reference = RwSignal::new(String::new());
    let problems = Problems::new(move || None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = paid_on.get_untracked();
        let reference_text = reference.get_untracked().trim().to_owned();
        if parse_iso_date(on.trim()).is_none_or(|d| d > today) {
            return problems.found("paid_on", Text::PaidOnProblem, "paid-on");
        }
        if reference_text.is_empty() || reference_text.chars().count() > 35 {
            return problems.found("reference", Text::BankReferenceProblem, "paid-reference");
        }
        problems.clear();
        step.dispatch_local(SettlementStep::Paid(MarkPaid {
            paid_on: on.trim().to_owned(),
            reference: reference_text,
        }));
    };
    view! {
        <section class="page-section" aria-labelledby="paid-heading">
            <h2 id="paid-heading">{t(lang, Text::MarkPaidHeading)}</h2>
            <form class="form-panel" data-testid="paid-form" novalidate on:submit=submit>
                <TextField id="paid-on" field="paid_on" label=Text::PaidOnLabel value=paid_on problems kind="date"/>
                <TextField id="paid-reference" field="reference" label=Text::BankReferenceLabel value=reference problems autocomplete="off"/>
                <SubmitButton text=Text::MarkPaidButton pending testid="paid-submit"/>
            </form>
        </section>
    }
}
