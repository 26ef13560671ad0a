//! The card's need assessments (palvelutarpeen arviointi): each with its date, assessor,
//! service, summary and outcome — one that found a voucher leads to the decision form —
//! and the form that records a new one.

use super::card::{Card, CardSection};
use crate::api;
use crate::components::decision_document::outcome_text;
use crate::components::fields::{ChoiceField, Problems, TextField};
use crate::components::form::{last_error, DoneNotice, FormEnd};
use crate::links;
use crate::locale::use_lang;
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::desk::{AssessmentView, NewAssessment};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::desk::{check_text, AssessmentOutcome, MAX_NAME, MAX_TEXT};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{ErrorCode, Lang, ServiceCode};

/// The section.
#[component]
pub fn Assessments(state: Card, lang: Lang) -> impl IntoView {
    let done = RwSignal::new(false);
    // Opened from a voucher application (`?application=ID`): its decision answers it.
    let query = leptos_router::hooks::use_query_map();
    let application = query.with_untracked(|q| {
        q.get_str("application")
            .and_then(seteli_domain::ids::CaseId::parse)
    });
    let list = move || {
        let (customer, assessments) = state.card.with(|c| (c.id, c.assessments.clone()));
        if assessments.is_empty() {
            return view! { <p class="notice" data-testid="assessments-empty">{t(lang, Text::AssessmentsEmpty)}</p> }.into_any();
        }
        let items = assessments
            .into_iter()
            .map(|a| view! { <AssessmentItem assessment=a customer application lang/> })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="assessment-list">{items}</ul> }
            .into_any()
    };
    view! {
        <CardSection id="assessments" heading=Text::AssessmentsHeading lang>
            {list}
            <DoneNotice shown=done id="assessment-done" testid="assessment-done" text=Text::AssessmentSaved/>
            <details class="form-details" data-testid="assessment-details">
                <summary data-testid="assessment-open">{t(lang, Text::NewAssessmentHeading)}</summary>
                <AssessmentForm state done/>
            </details>
        </CardSection>
    }
}

#[component]
fn AssessmentItem(
    assessment: AssessmentView,
    customer: seteli_domain::ids::CustomerId,
    application: Option<seteli_domain::ids::CaseId>,
    lang: Lang,
) -> impl IntoView {
    let a = assessment;
    let decide = (a.outcome == AssessmentOutcome::Voucher).then(|| {
        view! {
            <p>
                <a class="button" href=links::new_decision(customer, a.id, application.map(links::DraftFrom::Application), lang) data-testid="assessment-draft-decision">
                    {t(lang, Text::DraftDecision)}
                </a>
            </p>
        }
    });
    view! {
        <li class="card" data-testid="assessment" data-assessment-id=a.id.to_string() data-outcome=a.outcome.as_str()>
            <p class="card-title">{a.service_name.clone()}</p>
            <p class="card-meta">
                {i18n::format_date(lang, a.assessed_on)} " · " {a.assessor.clone()} " · "
                <span data-testid="assessment-outcome-text">{t(lang, outcome_text(a.outcome))}</span>
            </p>
            <p>{a.summary.clone()}</p>
            {decide}
        </li>
    }
}

/// The form of a new assessment: today and the logged-in employee's name to begin with.
#[component]
fn AssessmentForm(state: Card, done: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let me = use_session().me();
    let assessor_name = me.with_untracked(|me| match me {
        Some(Ok(Some(me))) => format!("{} {}", me.given_name, me.family_name),
        _ => String::new(),
    });
    let assessed_on = RwSignal::new(iso_date(crate::dom::today()));
    let assessor = RwSignal::new(assessor_name);
    let service = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let outcome = RwSignal::new(AssessmentOutcome::Voucher.as_str().to_owned());
    let services = LocalResource::new(move || api::services(lang.get()));
    let id = state.id();
    let record = Action::new_local(move |assessment: &NewAssessment| {
        let assessment = assessment.clone();
        let lang = lang.get_untracked();
        async move { api::record_assessment(id, &assessment, lang).await }
    });
    let pending = record.pending();
    Effect::new(move |_| {
        if let Some(Ok(_)) = record.value().get() {
            summary.set(String::new());
            done.set(true);
            state.reload.run(());
        }
    });
    let server_error = last_error(record, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        done.set(false);
        let today = crate::dom::today();
        let Some(date) = parse_iso_date(assessed_on.get_untracked().trim()).filter(|d| *d <= today)
        else {
            return problems.found(
                "assessed_on",
                Text::AssessmentDateProblem,
                "assessment-date",
            );
        };
        let who = assessor.get_untracked();
        if check_text(&who, MAX_NAME, ErrorCode::InvalidAssessment, "assessor").is_err() {
            return problems.found("assessor", Text::AssessorMissing, "assessment-assessor");
        }
        let Ok(service_code) = ServiceCode::parse(&service.get_untracked()) else {
            return problems.found("service_code", Text::ServiceMissing, "assessment-service");
        };
        let text = summary.get_untracked();
        if check_text(&text, MAX_TEXT, ErrorCode::InvalidAssessment, "summary").is_err() {
            return problems.found("summary", Text::SummaryMissing, "assessment-summary");
        }
        let Some(result) = AssessmentOutcome::parse(&outcome.get_untracked()) else {
            return problems.found("outcome", Text::OutcomeMissing, "assessment-outcome");
        };
        problems.clear();
        record.dispatch_local(NewAssessment {
            assessed_on: date,
            assessor: who.trim().to_owned(),
            service_code,
            summary: text.trim().to_owned(),
            outcome: result,
        });
    };
    let service_field = move || {
        services.with(|list| {
            let options: Vec<(String, String)> = match list {
                Some(Ok(list)) => list.iter().map(|s| (s.code.to_string(), s.name.clone())).collect(),
                _ => Vec::new(),
            };
            view! {
                <ChoiceField id="assessment-service" field="service_code" label=Text::ServiceLabel value=service problems options placeholder=Text::ChooseService/>
            }
        })
    };
    let outcomes: Vec<(String, String)> = AssessmentOutcome::ALL
        .into_iter()
        .map(|o| {
            (
                o.as_str().to_owned(),
                t(lang.get_untracked(), outcome_text(o)).to_owned(),
            )
        })
        .collect();
    view! {
        <form class="form-panel" data-testid="assessment-form" novalidate on:submit=on_submit>
            <TextField id="assessment-date" field="assessed_on" label=Text::AssessedOnLabel value=assessed_on problems kind="date"/>
            <TextField id="assessment-assessor" field="assessor" label=Text::AssessorLabel value=assessor problems autocomplete="name"/>
            {service_field}
            <TextField id="assessment-summary" field="summary" label=Text::SummaryLabel value=summary problems multiline=true/>
            <ChoiceField id="assessment-outcome" field="outcome" label=Text::OutcomeLabel value=outcome problems options=outcomes/>
            <FormEnd error=server_error error_testid="assessment-error" text=Text::SaveAssessment pending testid="assessment-submit"/>
        </form>
    }
}
