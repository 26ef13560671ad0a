//! `/desk/applications/:id`: a producer's application as its handler works it — where it
//! stands, the trade register's answer, the company's details, prices and checklist with
//! its files, the history — and the steps the case engine allows now: take; hand over,
//! release, ask for more (items and a deadline), approve, reject with reasons.

use super::case_steps::{AskForMoreCard, HandOverField};
use super::{use_id_in_path, StaffOnly};
use crate::api::applications::{self as api, HandlerStep};
use crate::components::case::{AttachmentLink, CaseHistory, CaseStatusFacts};
use crate::components::facts::Fact;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::applications::{ApplicationView, Handler};
use seteli_domain::application::Answer;
use seteli_domain::case::StateName;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::CaseId;
use seteli_domain::registry::RegistryCheck;
use seteli_domain::{ApiError, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::desk_applications,
        text: Text::ApplicationQueueTitle,
    }
}

/// The page.
#[component]
pub fn StaffApplicationPage() -> impl IntoView {
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
    use_document_title(|lang| t(lang, Text::ApplicationTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-queue"/>
        <h1 tabindex="-1">{tr(Text::ApplicationTitle)}</h1>
        <Remote data=loaded back=back() forbidden=StaffOnly let:loaded>
            <CaseWork initial=loaded.0 handlers=loaded.1 lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn CaseWork(initial: ApplicationView, handlers: Vec<Handler>, lang: Lang) -> impl IntoView {
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
    // The holder's steps are offered on a case in progress; the edge refuses anyone but
    // its holder (`case_not_yours`), and the page then says so.
    let state = move || current.with(|c| c.status.state);
    let comment = RwSignal::new(String::new());
    let colleagues = StoredValue::new(handlers);
    let actions = move || {
        let in_progress = state() == StateName::InProgress;
        let held = matches!(state(), StateName::InProgress | StateName::Waiting);
        view! {
            {(state() == StateName::Submitted).then(|| view! {
                <BusyButton class="button" testid="case-take" busy=pending on_click=move || run(HandlerStep::Take)>{t(lang, Text::TakeCase)}</BusyButton>
            })}
            {in_progress.then(|| view! {
                <AskForMoreCard run comment pending lang/>
                <section class="card" aria-labelledby="decide-title">
                    <h2 id="decide-title" class="card-title">{t(lang, Text::ApproveCase)}" / "{t(lang, Text::RejectCase)}</h2>
                    <div class="field">
                        <label for="case-comment">{t(lang, Text::StepCommentLabel)}" ("{t(lang, Text::RejectionReasonsLabel)}")"</label>
                        <textarea id="case-comment" data-testid="case-comment" maxlength="2000" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="button-row">
                        <BusyButton class="button" testid="case-approve" busy=pending on_click=move || run(HandlerStep::Approve(comment.get_untracked()))>{t(lang, Text::ApproveCase)}</BusyButton>
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
        <p class="lead" data-testid="case-heading">{move || current.with(|c| format!("{} ({}) · {}", c.company_name, c.business_id, c.municipality_name))}</p>
        {move || view! { <CaseStatusFacts status=current.with(|c| c.status.clone()) lang/> }}
        <div aria-live="polite">
            {move || done().then(|| view! { <p id="case-step-done" class="notice notice-success" role="status" tabindex="-1" data-testid="case-step-done">{t(lang, Text::CaseStepDone)}</p> })}
        </div>
        {error}
        <div class="case-actions">{actions}</div>
        {move || view! { <Registry view=current.get() lang/> }}
        {move || view! { <CaseDetails view=current.get() lang/> }}
        {move || view! { <CaseHistory history=current.with(|c| c.history.clone()) lang/> }}
    }
}

/// The trade register's answer, or that it must be checked by hand.
#[component]
fn Registry(view: ApplicationView, lang: Lang) -> impl IntoView {
    let lines: Vec<(Text, bool)> = match (&view.registry, view.registry_unavailable) {
        (Some(RegistryCheck::Found(f)), _) => {
            let mut warnings = Vec::new();
            if !f.active {
                warnings.push((Text::RegistryInactive, true));
            }
            if f.in_liquidation {
                warnings.push((Text::RegistryLiquidation, true));
            }
            if f.bankrupt {
                warnings.push((Text::RegistryBankrupt, true));
            }
            if f.in_restructuring {
                warnings.push((Text::RegistryRestructuring, true));
            }
            if !f.prepayment_register {
                warnings.push((Text::RegistryNoPrepayment, true));
            }
            if warnings.is_empty() {
                vec![(Text::RegistryAllWell, false)]
            } else {
                warnings
            }
        }
        (Some(RegistryCheck::NotFound), _) => vec![(Text::RegistryNotFound, true)],
        (None, _) => vec![(Text::RegistryUnavailable, true)],
    };
    let name = match &view.registry {
        Some(RegistryCheck::Found(f)) => Some(f.name.clone()),
        _ => None,
    };
    let items = lines
        .into_iter()
        .map(|(text, warn)| {
            let class = if warn { "notice notice-warning" } else { "notice notice-success" };
            view! { <p class=class data-testid="registry-line" data-warning=warn.to_string()>{t(lang, text)}</p> }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="registry-title" data-testid="registry">
            <h2 id="registry-title" class="card-title">{t(lang, Text::RegistryTitle)}</h2>
            {name.map(|n| view! { <p data-testid="registry-name">{n}</p> })}
            {items}
        </section>
    }
}

/// What the company wrote: prices, descriptions, languages, areas, contacts, checklist.
#[component]
fn CaseDetails(view: ApplicationView, lang: Lang) -> impl IntoView {
    let form = view.form.clone();
    let prices = form
        .services
        .iter()
        .map(|s| {
            let name = view
                .services
                .iter()
                .find(|n| n.code == s.service_code)
                .map(|n| n.name.clone())
                .unwrap_or_default();
            let price = match (s.price_cents, s.unit, s.valid_from) {
                (Some(c), Some(u), Some(from)) => i18n::price_from(lang, c, u, from),
                _ => String::new(),
            };
            view! { <li data-testid="case-price">{name}": "{price}</li> }
        })
        .collect_view();
    let checklist = view
        .requirements
        .iter()
        .map(|r| {
            let answer = form.answers.iter().find(|a| a.code == r.code);
            let said = match answer.map(|a| a.answer) {
                Some(Answer::Met) => t(lang, Text::AnswerMet),
                Some(Answer::NotYet) => t(lang, Text::AnswerNotYet),
                None => "—",
            };
            let note = answer.map(|a| a.note.clone()).unwrap_or_default();
            let files = view
                .attachments
                .iter()
                .filter(|f| f.requirement_code.as_deref() == Some(r.code.as_str()))
                .map(|f| view! { <li><AttachmentLink file=f.clone() href=api::staff_attachment_url(f.id)/></li> })
                .collect_view();
            view! {
                <li data-testid="case-requirement" data-code=r.code.clone()>
                    <strong>{r.label.clone()}</strong>": "{said}" "{note}
                    <ul class="plain-list">{files}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2 class="card-title">{t(lang, Text::PriceListTitle)}</h2>
            <ul class="plain-list">{prices}</ul>
            <dl class="facts">
                <Fact label=Text::DescriptionFiLabel lang class="fact-wide"><dd>{form.description_fi.clone()}</dd></Fact>
                <Fact label=Text::DescriptionSvLabel lang class="fact-wide"><dd>{form.description_sv.clone()}</dd></Fact>
                <Fact label=Text::LanguagesServedLabel lang><dd>{i18n::language_list(lang, &form.languages)}</dd></Fact>
                <Fact label=Text::AreasLabel lang><dd>{form.areas.clone()}</dd></Fact>
                <Fact label=Text::ContactDetailsTitle lang class="fact-wide">
                    <dd>{format!("{}, {} {} · {} · {} {}", form.street_address, form.postal_code, form.post_office, form.phone, form.email, form.website)}</dd>
                </Fact>
            </dl>
            <h2 class="card-title">{t(lang, Text::RequirementsTitle)}</h2>
            <ul class="plain-list" data-testid="case-checklist">{checklist}</ul>
        </section>
    }
}
