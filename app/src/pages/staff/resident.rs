//! `/desk/resident-applications/:id`: a resident's voucher application as customer service
//! works it — what was applied for, the shared matter (the consents, or a declared right,
//! flagged), where it stands and its history — and the steps the case engine allows now:
//! take; hand over, release, ask for more (items and a deadline), ask a guardian's consent
//! (one the applicant did not know), reject with reasons.
//! Approving is deciding: the customer's card, where the need is assessed and the decision
//! drafted from the application (deciding it approves the application).

use super::case_steps::{AskForMoreCard, HandOverField};
use super::{use_id_in_path, StaffOnly};
use crate::api::applications::HandlerStep;
use crate::api::residents as api;
use crate::components::case::{CaseHistory, CaseStatusFacts};
use crate::components::form::{BusyButton, SubmitError};
use crate::components::resident_application::{ApplicationSummary, ConsentList};
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::resident::{Handler, NamedGuardian, VoucherApplicationView};
use seteli_domain::case::StateName;
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::CaseId;
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::desk_resident_applications,
        text: Text::ResidentQueueTitle,
    }
}

/// The page.
#[component]
pub fn ResidentApplicationPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(CaseId::parse);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            let Some(id) = id else {
                return Err(ApiError::new(ErrorCode::ApplicationNotFound, lang));
            };
            let case = api::case(id, lang).await?;
            let handlers = api::queue(lang).await?.handlers;
            Ok((case, handlers))
        }
    });
    use_document_title(|lang| t(lang, Text::VoucherApplicationTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-queue"/>
        <h1 tabindex="-1">{tr(Text::VoucherApplicationTitle)}</h1>
        <Remote data=loaded back=back() forbidden=StaffOnly let:loaded>
            <CaseWork initial=loaded.0 handlers=loaded.1 lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn CaseWork(initial: VoucherApplicationView, handlers: Vec<Handler>, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.id;
    let current = RwSignal::new(initial);
    let step = Action::new_local(move |step: &HandlerStep| {
        let step = step.clone();
        let lang = ui_lang.get_untracked();
        async move {
            let fresh = api::handler_step(id, &step, lang).await?;
            current.try_set(fresh);
            crate::dom::focus_after_render("#case-step-done");
            Ok::<(), ApiError>(())
        }
    });
    let pending = step.pending();
    let run = move |s: HandlerStep| {
        if !pending.get_untracked() {
            step.dispatch_local(s);
        }
    };
    let done = move || matches!(step.value().get(), Some(Ok(()))) && !pending.get();
    let error = move || match step.value().get() {
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="case-step-error"/> })
        }
        _ => None,
    };
    let state = move || current.with(|c| c.status.state);
    let comment = RwSignal::new(String::new());
    let guardian_given = RwSignal::new(String::new());
    let guardian_family = RwSignal::new(String::new());
    let guardian_hetu = RwSignal::new(String::new());
    let ask_consent = move || {
        run(HandlerStep::AskConsent(NamedGuardian {
            given_name: guardian_given.get_untracked(),
            family_name: guardian_family.get_untracked(),
            hetu: guardian_hetu.get_untracked().trim().to_uppercase(),
        }))
    };
    let colleagues = StoredValue::new(handlers);
    // Deciding happens on the customer's card: the need assessed, then the decision
    // drafted from this application.
    let decide = move || {
        current.with(|c| c.customer_id).map(|customer| {
            let href = links::desk_customer_for_application(customer, id, lang);
            view! {
                <p class="notice" data-testid="case-decide-help">
                    {t(lang, Text::DecideFromApplication)}" "
                    <a class="button" href=href data-testid="case-open-card">{t(lang, Text::OpenCustomerCard)}</a>
                </p>
            }
        })
    };
    let actions = move || {
        let in_progress = state() == StateName::InProgress;
        let held = matches!(state(), StateName::InProgress | StateName::Waiting);
        view! {
            {(state() == StateName::Submitted).then(|| view! {
                <BusyButton class="button" testid="case-take" busy=pending on_click=move || run(HandlerStep::Take)>{t(lang, Text::TakeCase)}</BusyButton>
            })}
            {in_progress.then(|| view! {
                {decide()}
                <AskForMoreCard run comment pending lang/>
                <section class="card" aria-labelledby="ask-consent-title">
                    <h2 id="ask-consent-title" class="card-title">{t(lang, Text::AskConsentTitle)}</h2>
                    <p class="hint">{t(lang, Text::AskConsentHint)}</p>
                    <div class="field">
                        <label for="ask-consent-given">{t(lang, Text::GivenNameLabel)}</label>
                        <input id="ask-consent-given" data-testid="ask-consent-given" autocomplete="off" prop:value=move || guardian_given.get() on:input=move |ev| guardian_given.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="ask-consent-family">{t(lang, Text::FamilyNameLabel)}</label>
                        <input id="ask-consent-family" data-testid="ask-consent-family" autocomplete="off" prop:value=move || guardian_family.get() on:input=move |ev| guardian_family.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="ask-consent-hetu">{t(lang, Text::HetuLabel)}</label>
                        <input id="ask-consent-hetu" data-testid="ask-consent-hetu" autocomplete="off" prop:value=move || guardian_hetu.get() on:input=move |ev| guardian_hetu.set(event_target_value(&ev))/>
                    </div>
                    <BusyButton class="button button-secondary" testid="case-ask-consent" busy=pending on_click=ask_consent>{t(lang, Text::AskConsentTitle)}</BusyButton>
                </section>
                <section class="card" aria-labelledby="reject-title">
                    <h2 id="reject-title" class="card-title">{t(lang, Text::RejectCase)}</h2>
                    <div class="field">
                        <label for="case-comment">{t(lang, Text::RejectionReasonsLabel)}</label>
                        <textarea id="case-comment" data-testid="case-comment" maxlength="2000" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="button-row">
                        <BusyButton class="button button-secondary" testid="case-reject" busy=pending on_click=move || run(HandlerStep::Reject(comment.get_untracked()))>{t(lang, Text::RejectCase)}</BusyButton>
                        <BusyButton class="button button-secondary" testid="case-release" busy=pending on_click=move || run(HandlerStep::Release)>{t(lang, Text::ReleaseCase)}</BusyButton>
                    </div>
                </section>
            })}
            {held.then(|| view! {
                <HandOverField run colleagues=colleagues.get_value() pending lang/>
            })}
        }
    };
    view! {
        <p class="lead" data-testid="case-heading">{move || current.with(|c| format!("{} · {}", c.principal_name, c.service_name.clone().unwrap_or_default()))}</p>
        {move || view! { <CaseStatusFacts status=current.with(|c| c.status.clone()) lang/> }}
        <div aria-live="polite">
            {move || done().then(|| view! { <p id="case-step-done" class="notice notice-success" role="status" tabindex="-1" data-testid="case-step-done">{t(lang, Text::CaseStepDone)}</p> })}
        </div>
        {error}
        <div class="case-actions">{actions}</div>
        {move || view! { <ApplicationSummary view=current.get() file_url=api::staff_file_url lang/> }}
        {move || view! { <ConsentList consents=current.with(|c| c.consents.clone()) lang/> }}
        {move || view! { <CaseHistory history=current.with(|c| c.history.clone()) lang/> }}
    }
}
