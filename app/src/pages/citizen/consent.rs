//! `/my/consents/:id`: a request for the person's consent to another guardian's voucher
//! application for their child (DVV scenario B). It is read and answered acting for the
//! child, which Suomi.fi e-Authorizations confirms; acting for oneself, the page says so
//! and leads there. Consent, or decline with a reason (which the applicant sees).

use crate::api::on_behalf_start_url;
use crate::api::residents as api;
use crate::components::fields::{Problems, RadioField, TextField};
use crate::components::form::{SubmitButton, SubmitError};
use crate::components::resident_application::{ApplicationSummary, ConsentList};
use crate::components::states::use_id_in_path;
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::resident::{ConsentAnswer, ConsentRequestView, ConsentStatus};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::ConsentRequestId;
use seteli_domain::mandates::PrincipalKind;
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::my_applications,
        text: Text::MyApplicationsTitle,
    }
}

/// The page.
#[component]
pub fn ConsentPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(ConsentRequestId::parse);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            let Some(id) = id else {
                return Err(ApiError::new(ErrorCode::ApplicationNotFound, lang));
            };
            // Not acting for the child (or not the guardian named): `None`, and the page
            // leads to acting for the child.
            match api::consent_request(id, lang).await {
                Err(e) if e.code == ErrorCode::NotTheNamedGuardian => Ok(None),
                answer => answer.map(Some),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::ConsentRequestTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-applications"/>
        <h1 tabindex="-1" data-testid="consent-title">{tr(Text::ConsentRequestTitle)}</h1>
        <Remote data=loaded back=back() let:loaded>
            {match loaded {
                Some(initial) => view! { <ConsentWork initial lang=lang.get_untracked()/> }.into_any(),
                None => view! { <ActForTheChild/> }.into_any(),
            }}
        </Remote>
    }
}

/// Acting for oneself (or for someone else): the request is answered acting for the child.
#[component]
fn ActForTheChild() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="notice" data-testid="consent-act-for-child">
            <p>{move || t(lang.get(), Text::ConsentActForChild)}</p>
            <a class="button" rel="external" href=move || on_behalf_start_url(PrincipalKind::Child, lang.get()) data-testid="consent-choose-child">
                {move || t(lang.get(), Text::ActForChild)}
            </a>
        </div>
    }
}

#[component]
fn ConsentWork(initial: ConsentRequestView, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.request.id;
    let current = RwSignal::new(initial);
    let choice = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let answer = Action::new_local(move |answer: &ConsentAnswer| {
        let answer = answer.clone();
        let lang = ui_lang.get_untracked();
        async move {
            let fresh = api::answer_consent(id, &answer, lang).await?;
            current.try_set(fresh);
            crate::dom::focus_after_render("#consent-done");
            Ok::<(), ApiError>(())
        }
    });
    let pending = answer.pending();
    let server_error = move || answer.value().get().and_then(|r| r.err());
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let consent = match choice.get_untracked().as_str() {
            "yes" => true,
            "no" => false,
            _ => {
                return problems.found("consent", Text::ConsentChoiceMissing, "consent-choice-yes")
            }
        };
        if !consent && comment.get_untracked().trim().is_empty() {
            return problems.found("comment", Text::DeclineReasonMissing, "consent-comment");
        }
        problems.clear();
        answer.dispatch_local(ConsentAnswer {
            consent,
            comment: comment.get_untracked(),
        });
    };
    let request = move || current.with(|c| c.request.clone());
    let pending_request = move || request().status == ConsentStatus::Pending;
    let choices = vec![
        ("yes".to_owned(), Text::ConsentYes),
        ("no".to_owned(), Text::ConsentNo),
    ];
    view! {
        <p class="lead" data-testid="consent-lead">
            {move || {
                let r = request();
                i18n::consent_request_line(lang, &r.applicant_name, &r.child_name, r.last_day)
            }}
        </p>
        <div aria-live="polite">
            {move || (!pending_request()).then(|| {
                let text = match request().status {
                    ConsentStatus::Given => Text::ConsentGiven,
                    ConsentStatus::Declined => Text::ConsentDeclined,
                    _ => Text::ConsentExpiredText,
                };
                view! { <p id="consent-done" class="notice notice-success" role="status" tabindex="-1" data-testid="consent-done">{t(lang, text)}</p> }
            })}
        </div>
        {move || view! { <ApplicationSummary view=current.with(|c| c.application.clone()) file_url=api::file_url lang/> }}
        {move || view! { <ConsentList consents=current.with(|c| c.application.consents.clone()) lang/> }}
        <Show when=pending_request>
            <form class="card" on:submit=on_submit novalidate=true data-testid="consent-form">
                <h2 class="card-title">{t(lang, Text::YourAnswerTitle)}</h2>
                <p>{t(lang, Text::ConsentMeaning)}</p>
                <RadioField id="consent-choice" field="consent" legend=Text::ConsentLegend value=choice problems options=choices.clone()/>
                <TextField id="consent-comment" field="comment" label=Text::ConsentCommentLabel hint=Text::ConsentCommentHint
                    value=comment problems multiline=true optional=true/>
                {move || server_error().filter(|e| e.field.is_none()).map(|error| view! { <SubmitError error testid="consent-error"/> })}
                <div class="form-actions">
                    <SubmitButton text=Text::SendAnswer pending testid="consent-submit"/>
                </div>
            </form>
        </Show>
    }
}
