//! `/desk/decisions/:id`: the decision document as staff see it, with what can be done to
//! it now: decide a draft (it gets its number and makes or changes the voucher), deliver a
//! decided one (a message to the customer, or marked for post), print it. The customer
//! sees the same document among their vouchers, without these buttons.

use super::{back_to_desk, use_id_in_path, StaffOnly};
use crate::api;
use crate::components::decision_document::DecisionDocumentView;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::{retryable, BackTo, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use crate::pages::citizen::decision::PrintButton;
use leptos::prelude::*;
use seteli_domain::api::desk::DecisionDocument;
use seteli_domain::desk::{DecisionStatus, DeliveryChannel};
use seteli_domain::i18n::{t, Text};
use seteli_domain::ids::DecisionId;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// What staff do to the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Decide,
    Deliver(DeliveryChannel),
}

/// The page.
#[component]
pub fn StaffDecisionPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(DecisionId::parse);
    let document = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::staff_decision(id, lang).await,
                None => Err(ApiError::new(ErrorCode::DecisionNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::DecisionTitle).to_owned());
    view! {
        <div class="no-print">
            <BackTo link=back_to_desk() testid="back-to-desk"/>
        </div>
        <h1 tabindex="-1" data-testid="decision-title">{move || t(lang.get(), Text::DecisionTitle)}</h1>
        <Remote data=document back=back_to_desk() forbidden=StaffOnly let:initial>
            <DecisionWork initial lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The document and its buttons; loaded again after each step.
#[component]
fn DecisionWork(initial: DecisionDocument, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.id;
    let current = RwSignal::new(initial);
    let step = Action::new_local(move |step: &Step| {
        let step = *step;
        let lang = ui_lang.get_untracked();
        async move {
            match step {
                Step::Decide => api::decide(id, lang).await?,
                Step::Deliver(via) => api::deliver(id, via, lang).await?,
            }
            let fresh = api::staff_decision(id, lang).await?;
            current.try_set(fresh);
            crate::dom::focus_after_render("#decision-step-done");
            Ok::<Step, ApiError>(step)
        }
    });
    let pending = step.pending();
    let run = move |s: Step| {
        if !pending.get_untracked() {
            step.dispatch_local(s);
        }
    };
    let done = move || match step.value().get() {
        Some(Ok(Step::Decide)) if !pending.get() => Some(Text::DecidedDone),
        Some(Ok(Step::Deliver(_))) if !pending.get() => Some(Text::DeliveredDone),
        _ => None,
    };
    let error = move || match step.value().get() {
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="decision-step-error"/> })
        }
        _ => None,
    };
    let status = move || current.with(|d| d.status);
    let buttons = move || {
        match status() {
        DecisionStatus::Draft => Some(
            view! {
                <p class="hint">{t(lang, Text::DecideHint)}</p>
                <div class="button-row">
                    <BusyButton class="button" testid="decision-decide" busy=pending on_click=move || run(Step::Decide)>
                        {t(lang, Text::DecideDecision)}
                    </BusyButton>
                </div>
            }
            .into_any(),
        ),
        DecisionStatus::Decided => Some(
            view! {
                <p class="hint">{t(lang, Text::DeliverHint)}</p>
                <div class="button-row">
                    <BusyButton class="button" testid="decision-deliver-message" busy=pending on_click=move || run(Step::Deliver(DeliveryChannel::Message))>
                        {t(lang, Text::DeliverByMessage)}
                    </BusyButton>
                    <BusyButton class="button button-secondary" testid="decision-deliver-post" busy=pending on_click=move || run(Step::Deliver(DeliveryChannel::Post))>
                        {t(lang, Text::DeliverByPost)}
                    </BusyButton>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
    };
    let customer = move || current.with(|d| d.customer_id);
    view! {
        <div class="decision-actions no-print" data-testid="decision-actions">
            <div aria-live="polite">
                {move || done().map(|text| view! {
                    <p id="decision-step-done" class="notice notice-success" role="status" tabindex="-1" data-testid="decision-step-done">{t(lang, text)}</p>
                })}
            </div>
            {error}
            {buttons}
            <p class="button-row">
                <PrintButton/>
                <a class="button button-secondary" href=move || links::desk_customer(customer(), lang) data-testid="decision-customer-link">
                    {t(lang, Text::BackToCustomer)}
                </a>
            </p>
        </div>
        {move || view! { <DecisionDocumentView document=current.get() lang/> }}
    }
}
