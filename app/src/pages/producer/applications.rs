//! `/producer/applications`: the company's applications for approval, each with where it
//! stands, and the form that starts a new one (a municipality and its services). A company
//! not yet approved comes here first: it is all it may do.

use super::NotActingForCompany;
use crate::api::applications as api;
use crate::components::case::CaseStateBadge;
use crate::components::form::{FieldError, FormEnd};
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use seteli_domain::api::applications::{
    ApplicationListItem, NewApplication, OwnApplications, OwnApproval,
};
use seteli_domain::application::ApprovalStatus;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{Lang, MunicipalityCode, ServiceCode};

/// The page.
#[component]
pub fn ProducerApplicationsPage() -> impl IntoView {
    let lang = use_lang();
    let own = retryable(move || api::own(lang.get()));
    use_document_title(|lang| t(lang, Text::ApplicationsTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::ApplicationsTitle)}</h1>
        <p class="lead">{tr(Text::ApplicationsLead)}</p>
        <Remote data=own forbidden=NotActingForCompany let:own>
            <ApplicationsView own lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn ApplicationsView(own: OwnApplications, lang: Lang) -> impl IntoView {
    let list = if own.applications.is_empty() {
        view! { <EmptyNotice testid="applications-empty" text=Text::ApplicationsEmpty/> }.into_any()
    } else {
        let items = own
            .applications
            .into_iter()
            .map(|a| view! { <ApplicationRow application=a lang/> })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="applications">{items}</ul> }
            .into_any()
    };
    let approvals = (!own.approvals.is_empty()).then(|| {
        let items = own
            .approvals
            .into_iter()
            .map(|a| view! { <OwnApprovalRow approval=a lang/> })
            .collect_view();
        view! {
            <section class="page-section" aria-labelledby="own-approvals-title">
                <h2 id="own-approvals-title">{t(lang, Text::OwnApprovalsTitle)}</h2>
                <ul class="card-list" role="list" data-testid="own-approvals">{items}</ul>
            </section>
        }
    });
    view! {
        {approvals}
        {list}
        <NewApplicationForm own_municipalities=own.municipalities services=own.services lang/>
    }
}

/// An approval: in force, or suspended or withdrawn with the organiser's reason and where
/// an appeal goes.
#[component]
fn OwnApprovalRow(approval: OwnApproval, lang: Lang) -> impl IntoView {
    let status = match approval.status {
        ApprovalStatus::Suspended => Text::ApprovalSuspended,
        ApprovalStatus::Withdrawn => Text::ApprovalWithdrawn,
        _ => Text::ApprovalInForce,
    };
    let until = approval
        .suspended_until
        .map(|d| format!(" – {}", i18n::format_date(lang, d)));
    let supervised = matches!(
        approval.status,
        ApprovalStatus::Suspended | ApprovalStatus::Withdrawn
    )
    .then(|| {
        view! {
            <p data-testid="own-approval-reason">{approval.reason.clone()}</p>
            <p class="hint">{t(lang, Text::ApplicationAppealText)}" "{approval.appeal_address.clone()}</p>
        }
    });
    view! {
        <li class="card" data-testid="own-approval" data-status=approval.status.as_str()>
            <p class="card-title">
                {approval.service_name.clone()}
                <span class="card-subtitle">{approval.municipality_name.clone()}</span>
            </p>
            <p><span class="badge">{t(lang, status)}</span>{until}</p>
            {supervised}
        </li>
    }
}

#[component]
fn ApplicationRow(application: ApplicationListItem, lang: Lang) -> impl IntoView {
    let deadline = application.status.deadline.map(|d| {
        view! { <p>{t(lang, Text::CaseDeadlineLabel)}": "{i18n::format_date(lang, d)}</p> }
    });
    view! {
        <li class="card" data-testid="application-row" data-id=application.id.to_string()>
            <h2 class="card-title">
                <a href=links::producer_application(application.id, lang) data-testid="application-link">
                    {application.services.join(", ")}
                </a>
                <span class="card-subtitle">{application.municipality_name.clone()}</span>
            </h2>
            <p><CaseStateBadge state=application.status.state lang/></p>
            {deadline}
        </li>
    }
}

/// The form that starts a draft: a municipality and at least one service.
#[component]
fn NewApplicationForm(
    own_municipalities: Vec<seteli_domain::api::Municipality>,
    services: Vec<seteli_domain::api::applications::ServiceName>,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let navigate = use_navigate();
    let municipality = RwSignal::new(
        own_municipalities
            .first()
            .map(|m| m.code.to_string())
            .unwrap_or_default(),
    );
    let chosen = RwSignal::new(Vec::<ServiceCode>::new());
    let missing = RwSignal::new(false);
    let start = Action::new_local(move |new: &NewApplication| {
        let new = new.clone();
        let lang = ui_lang.get_untracked();
        let navigate = navigate.clone();
        async move {
            let view = api::start(&new, lang).await?;
            navigate(
                &links::producer_application(view.id, lang),
                Default::default(),
            );
            Ok::<(), seteli_domain::ApiError>(())
        }
    });
    let pending = start.pending();
    let error = move || match start.value().get() {
        Some(Err(e)) if !pending.get() => Some(e),
        _ => None,
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let services = chosen.get_untracked();
        let Ok(code) = MunicipalityCode::parse(&municipality.get_untracked()) else {
            return;
        };
        if services.is_empty() {
            missing.set(true);
            crate::dom::focus("#new-application-services input");
            return;
        }
        missing.set(false);
        start.dispatch_local(NewApplication {
            municipality_code: code,
            services,
        });
    };
    let options = own_municipalities
        .into_iter()
        .map(|m| view! { <option value=m.code.to_string()>{m.name.clone()}</option> })
        .collect_view();
    let boxes = services
        .into_iter()
        .map(|s| {
            let code = s.code.clone();
            let id = format!("new-application-service-{}", s.code);
            view! {
                <div class="check-field">
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-testid="new-application-service"
                        value=s.code.to_string()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|list| {
                                list.retain(|c| *c != code);
                                if on {
                                    list.push(code.clone());
                                }
                            });
                        }
                    />
                    <label for=id>{s.name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="new-application-title">
            <h2 id="new-application-title" class="card-title">{t(lang, Text::NewApplicationTitle)}</h2>
            <form novalidate on:submit=on_submit data-testid="new-application-form">
                <div class="field">
                    <label for="new-application-municipality">{t(lang, Text::ApplicationMunicipalityLabel)}</label>
                    <select
                        id="new-application-municipality"
                        data-testid="new-application-municipality"
                        prop:value=move || municipality.get()
                        on:change=move |ev| municipality.set(event_target_value(&ev))
                    >
                        {options}
                    </select>
                </div>
                <fieldset id="new-application-services" aria-describedby=move || missing.get().then_some("new-application-missing")>
                    <legend>{t(lang, Text::ApplicationServicesLabel)}</legend>
                    {boxes}
                </fieldset>
                {move || missing.get().then(|| view! {
                    <FieldError id="new-application-missing" text=Text::ApplicationServicesMissing testid="new-application-missing"/>
                })}
                <FormEnd error error_testid="new-application-error" text=Text::StartApplication pending testid="new-application-submit"/>
            </form>
        </section>
    }
}
