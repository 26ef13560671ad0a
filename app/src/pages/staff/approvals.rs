//! `/desk/approvals`: supervision of the organiser's approvals — each producer's approval
//! per municipality and service, how many customers it serves there, and the steps: suspend
//! (until a day, or until lifted), withdraw, lift, each with a reason. The producer leaves
//! the public comparison at once and its customers there are told.

use super::StaffOnly;
use crate::api::applications as api;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::applications::{ApprovalView, Approvals, Supervise, SupervisionStep};
use seteli_domain::application::ApprovalStatus;
use seteli_domain::clock::parse_iso_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{ApiError, Lang};

/// The page.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let lang = use_lang();
    let approvals = retryable(move || api::approvals(lang.get()));
    use_document_title(|lang| t(lang, Text::ApprovalsTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::ApprovalsTitle)}</h1>
        <Remote data=approvals forbidden=StaffOnly let:approvals>
            <ApprovalList approvals lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn ApprovalList(approvals: Approvals, lang: Lang) -> impl IntoView {
    if approvals.approvals.is_empty() {
        return view! { <EmptyNotice testid="approvals-empty" text=Text::ApprovalsEmpty/> }
            .into_any();
    }
    let items = approvals
        .approvals
        .into_iter()
        .enumerate()
        .map(|(index, a)| view! { <ApprovalRow index approval=a lang/> })
        .collect_view();
    view! { <ul class="card-list" role="list" data-testid="approvals">{items}</ul> }.into_any()
}

fn status_text(status: ApprovalStatus) -> Text {
    match status {
        ApprovalStatus::Suspended => Text::ApprovalSuspended,
        ApprovalStatus::Withdrawn => Text::ApprovalWithdrawn,
        _ => Text::ApprovalInForce,
    }
}

#[component]
fn ApprovalRow(index: usize, approval: ApprovalView, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let current = RwSignal::new(approval);
    let reason = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let step = Action::new_local(move |step: &SupervisionStep| {
        let a = current.get_untracked();
        let body = Supervise {
            producer_id: a.producer_id,
            municipality_code: a.municipality_code,
            service_code: a.service_code,
            step: step.clone(),
            reason: reason.get_untracked(),
        };
        let lang = ui_lang.get_untracked();
        async move {
            let fresh = api::supervise(&body, lang).await?;
            current.try_set(fresh);
            reason.try_set(String::new());
            Ok::<(), ApiError>(())
        }
    });
    let pending = step.pending();
    let run = move |s: SupervisionStep| {
        if !pending.get_untracked() {
            step.dispatch_local(s);
        }
    };
    let done = move || matches!(step.value().get(), Some(Ok(()))) && !pending.get();
    let error = move || match step.value().get() {
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="supervision-error"/> })
        }
        _ => None,
    };
    let status = move || current.with(|a| a.status);
    let (reason_id, until_id) = (
        format!("supervise-{index}-reason"),
        format!("supervise-{index}-until"),
    );
    let a = current.get_untracked();
    view! {
        <li class="card" data-testid="approval-row" data-producer=a.producer_id.to_string() data-service=a.service_code.to_string()>
            <h2 class="card-title">
                {a.company_name.clone()}
                <span class="card-subtitle">{format!("{} · {}", a.service_name, a.municipality_name)}</span>
            </h2>
            <p>
                <span class="badge" data-testid="approval-status" data-status=move || status().as_str()>{move || t(lang, status_text(status()))}</span>
                {move || current.with(|a| a.suspended_until).map(|d| format!(" – {}", i18n::format_date(lang, d)))}
            </p>
            <p>{t(lang, Text::CustomersServedLabel)}": "{a.customers}</p>
            {move || current.with(|a| (!a.reason.is_empty()).then(|| view! { <p data-testid="approval-reason">{a.reason.clone()}</p> }))}
            <div aria-live="polite">
                {move || done().then(|| view! { <p class="notice notice-success" role="status" data-testid="supervision-done">{t(lang, Text::SupervisionDone)}</p> })}
            </div>
            {error}
            {move || (status() != ApprovalStatus::Withdrawn).then(|| {
                let (reason_id, until_id) = (reason_id.clone(), until_id.clone());
                view! {
                    <div class="field">
                        <label for=reason_id.clone()>{t(lang, Text::ReasonLabel)}</label>
                        <textarea id=reason_id data-testid="supervision-reason" maxlength="2000" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </div>
                    {(status() == ApprovalStatus::Approved).then(|| view! {
                        <div class="field">
                            <label for=until_id.clone()>{t(lang, Text::SuspendUntilLabel)}</label>
                            <input id=until_id type="date" data-testid="supervision-until" on:change=move |ev| until.set(event_target_value(&ev)) on:input=move |ev| until.set(event_target_value(&ev))/>
                        </div>
                    })}
                    <div class="button-row">
                        {(status() == ApprovalStatus::Approved).then(|| view! {
                            <BusyButton class="button button-secondary" testid="approval-suspend" busy=pending
                                on_click=move || run(SupervisionStep::Suspend { until: parse_iso_date(&until.get_untracked()) })>
                                {t(lang, Text::SuspendApproval)}
                            </BusyButton>
                        })}
                        {(status() == ApprovalStatus::Suspended).then(|| view! {
                            <BusyButton class="button" testid="approval-lift" busy=pending on_click=move || run(SupervisionStep::Lift)>
                                {t(lang, Text::LiftSuspension)}
                            </BusyButton>
                        })}
                        <ConfirmButton class="button button-secondary" testid="approval-withdraw" busy=pending on_confirm=move || run(SupervisionStep::Withdraw)>
                            {t(lang, Text::WithdrawApproval)}
                        </ConfirmButton>
                    </div>
                }
            })}
        </li>
    }
}
