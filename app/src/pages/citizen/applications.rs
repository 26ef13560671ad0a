//! `/my/applications`: the voucher applications of the person (or of whom they act for),
//! newest first, with where each stands and whose consent it waits for; the consent
//! requests that name the person themselves; and the button that starts a new one.

use crate::api::residents as api;
use crate::components::case::CaseStateBadge;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use seteli_domain::api::resident::{
    AppliesFor, ConsentRequestItem, ConsentStatus, OwnVoucherApplications, VoucherApplicationForm,
    VoucherApplicationItem,
};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{ApiError, Lang};

/// The page.
#[component]
pub fn MyApplicationsPage() -> impl IntoView {
    let lang = use_lang();
    let loaded = retryable(move || {
        let lang = lang.get();
        async move {
            let own = api::own(lang).await?;
            let requests = api::consent_requests(lang).await?;
            Ok::<_, ApiError>((own, requests))
        }
    });
    use_document_title(|lang| t(lang, Text::MyApplicationsTitle).to_owned());
    view! {
        <h1 tabindex="-1" data-testid="applications-title">{tr(Text::MyApplicationsTitle)}</h1>
        <Remote data=loaded let:loaded>
            <ConsentRequests requests=loaded.1 lang=lang.get_untracked()/>
            <Applications own=loaded.0 lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The requests for the person's own consent, waiting ones with a link to answer.
#[component]
fn ConsentRequests(requests: Vec<ConsentRequestItem>, lang: Lang) -> impl IntoView {
    let waiting: Vec<ConsentRequestItem> = requests
        .into_iter()
        .filter(|r| r.status == ConsentStatus::Pending)
        .collect();
    (!waiting.is_empty()).then(|| {
        let items = waiting
            .into_iter()
            .map(|r| {
                let text = i18n::consent_request_line(lang, &r.applicant_name, &r.child_name, r.last_day);
                view! {
                    <li data-testid="consent-request">
                        <p>{text}</p>
                        <a class="button" href=links::my_consent(r.id, lang) data-testid="consent-request-open">
                            {t(lang, Text::OpenConsentRequest)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card notice-card" aria-labelledby="consent-requests-title" data-testid="consent-requests">
                <h2 id="consent-requests-title" class="card-title">{t(lang, Text::ConsentRequestsTitle)}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    })
}

/// The principal's applications and the button that starts one.
#[component]
fn Applications(own: OwnVoucherApplications, lang: Lang) -> impl IntoView {
    let navigate = use_navigate();
    // Seteli knows the principal's home municipality once they are a customer; otherwise the
    // person chooses where to apply first.
    let home = own.home_municipality.clone();
    let mut municipalities: Vec<(String, String)> = own
        .offered
        .iter()
        .map(|o| {
            (
                o.municipality_code.as_str().to_owned(),
                o.municipality_name.clone(),
            )
        })
        .collect();
    municipalities.dedup();
    let chosen = RwSignal::new(String::new());
    let start = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        let form = VoucherApplicationForm {
            municipality_code: seteli_domain::MunicipalityCode::parse(&chosen.get_untracked()).ok(),
            ..VoucherApplicationForm::default()
        };
        async move {
            let id = api::start(&form, lang).await?;
            navigate(&links::my_application(id, lang), Default::default());
            Ok::<(), ApiError>(())
        }
    });
    let pending = start.pending();
    let error = move || match start.value().get() {
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="application-start-error"/> })
        }
        _ => None,
    };
    let lead = match own.applies_for {
        AppliesFor::Myself => t(lang, Text::MyApplicationsLead).to_owned(),
        _ => i18n::applications_for(lang, &own.principal_name),
    };
    let list = own.applications;
    view! {
        <p class="lead" data-testid="applications-lead">{lead}</p>
        {error}
        {home.is_none().then(|| {
            let options = municipalities
                .into_iter()
                .map(|(code, name)| view! { <option value=code>{name}</option> })
                .collect_view();
            view! {
                <div class="field">
                    <label for="application-start-municipality">{t(lang, Text::MunicipalityLabel)}</label>
                    <select id="application-start-municipality" data-testid="application-start-municipality"
                        on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">{t(lang, Text::ChooseMunicipality)}</option>
                        {options}
                    </select>
                </div>
            }
        })}
        <p>
            <BusyButton class="button" testid="application-new" busy=pending on_click=move || {
                if !pending.get_untracked() {
                    start.dispatch_local(());
                }
            }>{t(lang, Text::NewApplication)}</BusyButton>
        </p>
        {if list.is_empty() {
            view! { <EmptyNotice testid="applications-empty" title=Text::ApplicationsEmptyTitle text=Text::ApplicationsEmptyText/> }.into_any()
        } else {
            let items = list.into_iter().map(|a| view! { <ApplicationCard item=a lang/> }).collect_view();
            view! { <ul class="plain-list card-list" data-testid="application-list">{items}</ul> }.into_any()
        }}
    }
}

/// One application in the list.
#[component]
fn ApplicationCard(item: VoucherApplicationItem, lang: Lang) -> impl IntoView {
    let title_id = format!("application-{}-title", item.id);
    let title = item
        .service_name
        .clone()
        .unwrap_or_else(|| t(lang, Text::ServiceNotChosen).to_owned());
    let missing = (!item.consent_missing.is_empty())
        .then(|| view! { <p data-testid="application-consent-missing">{i18n::consent_missing(lang, &item.consent_missing)}</p> });
    view! {
        <li class="card" data-testid="application" data-application-id=item.id.to_string()>
            <h2 class="card-title" id=title_id.clone()>
                {title}
                {item.municipality_name.clone().map(|m| view! { <span class="voucher-municipality">{m}</span> })}
            </h2>
            <p><CaseStateBadge state=item.status.state lang/></p>
            {missing}
            <a class="button button-secondary" href=links::my_application(item.id, lang) data-testid="application-open" aria-describedby=title_id>
                {t(lang, Text::OpenApplication)}
            </a>
        </li>
    }
}
