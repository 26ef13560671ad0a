//! `/desk`: what waits for the employee — draft decisions, decisions decided but not yet
//! delivered, vouchers that end within 30 days and disputed events — each leading to the
//! customer's card; and the way to find a customer.

use super::StaffOnly;
use crate::api;
use crate::components::case::CaseStateBadge;
use crate::components::decision_document::DecisionStatusBadge;
use crate::components::states::{retryable, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::applications::ApplicationListItem;
use seteli_domain::api::desk::{DecisionSummary, DeskHome, NoticeKind, StaffEvent, StaffVoucher};
use seteli_domain::clock::rfc3339;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::permissions::StaffRole;
use seteli_domain::Lang;

/// The page.
#[component]
pub fn DeskHomePage() -> impl IntoView {
    let lang = use_lang();
    let home = retryable(move || api::staff_desk(lang.get()));
    use_document_title(|lang| t(lang, Text::DeskTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::DeskTitle)}</h1>
        <p>
            <a class="button" href=move || links::desk_customers(lang.get()) data-testid="desk-find-customer">
                {tr(Text::FindCustomer)}
            </a>
        </p>
        <Remote data=home forbidden=StaffOnly let:home>
            <DeskSections home lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The greeting and the four lists.
#[component]
fn DeskSections(home: DeskHome, lang: Lang) -> impl IntoView {
    let DeskHome {
        organiser_name,
        given_name,
        roles,
        drafts,
        undelivered,
        ending_soon,
        disputed,
        applications,
        resident_applications,
        notices,
        deliveries_to_review,
    } = home;
    let has = |role: StaffRole| roles.iter().any(|r| r == role.as_str());
    // Each role sees what waits for it: customers' matters, producers' applications.
    let customers = has(StaffRole::CustomerService).then(|| view! {
        <DeskSection id="desk-resident-applications" heading=Text::ResidentQueueTitle empty=Text::ResidentQueueEmpty count=resident_applications.len() lang>
            {resident_items(resident_applications, lang)}
        </DeskSection>
        <DeskSection id="desk-drafts" heading=Text::DeskDraftsHeading empty=Text::DeskDraftsEmpty count=drafts.len() lang>
            {decision_items(drafts, lang)}
        </DeskSection>
        <DeskSection id="desk-undelivered" heading=Text::DeskUndeliveredHeading empty=Text::DeskUndeliveredEmpty count=undelivered.len() lang>
            {decision_items(undelivered, lang)}
        </DeskSection>
        <DeskSection id="desk-ending" heading=Text::DeskEndingHeading empty=Text::DeskEndingEmpty count=ending_soon.len() lang>
            {voucher_items(ending_soon, lang)}
        </DeskSection>
        <DeskSection id="desk-disputed" heading=Text::DeskDisputedHeading empty=Text::DeskDisputedEmpty count=disputed.len() lang>
            {event_items(disputed, lang)}
        </DeskSection>
    });
    let producers = has(StaffRole::ProducerHandler).then(|| view! {
        <DeskSection id="desk-applications" heading=Text::DeskApplicationsHeading empty=Text::DeskApplicationsEmpty count=applications.len() lang>
            {application_items(applications, lang)}
        </DeskSection>
    });
    let administers = has(StaffRole::AuthorisationAdmin);
    // What came to the member comes first; it stays until they open the case.
    let notice_count = notices.len();
    let notice_items = notices
        .into_iter()
        .map(|n| {
            let (href, title, what) = match (n.kind, n.case_id) {
                // The register is the administrator's; the holder's own page is theirs.
                (NoticeKind::HoldingEnding, _) | (_, None) if administers => (
                    links::desk_authorisation_holdings(lang),
                    t(lang, Text::HoldingsTitle).to_owned(),
                    Text::DeskNoticeHoldingEnding,
                ),
                (NoticeKind::HoldingEnding, _) | (_, None) => (
                    links::desk_authorisations(lang),
                    t(lang, Text::AuthorisationsTitle).to_owned(),
                    Text::DeskNoticeHoldingEnding,
                ),
                (_, Some(case)) if n.order => (
                    links::desk_authorisation_order(case, lang),
                    format!("#{case}"),
                    if n.kind == NoticeKind::OrderChanged { Text::DeskNoticeOrderChanged } else { Text::DeskNoticeCameFrom },
                ),
                (_, Some(case)) if n.resident => (links::desk_resident_application(case, lang), format!("#{case}"), Text::DeskNoticeCameFrom),
                (_, Some(case)) => (links::desk_application(case, lang), format!("#{case}"), Text::DeskNoticeCameFrom),
            };
            view! {
            <li class="card" data-testid="desk-notice" data-kind=format!("{:?}", n.kind)>
                <p class="card-title">
                    <a href=href data-testid="desk-notice-link">{title}</a>
                </p>
                <p>{t(lang, what)}" "{n.by_name}</p>
                <p class="card-time">
                    <time datetime=rfc3339(n.created_at)>{i18n::format_date_time(lang, n.created_at)}</time>
                </p>
            </li>
        }})
        .collect_view();
    let came = view! {
        <DeskSection id="desk-notices" heading=Text::DeskNoticesHeading empty=Text::DeskNoticesEmpty count=notice_count lang>
            {notice_items}
        </DeskSection>
    };
    let deliveries = (deliveries_to_review > 0).then(|| view! {
        <p class="notice" data-testid="desk-deliveries">
            <a href=links::desk_deliveries(lang)>{format!("{}: {deliveries_to_review}", t(lang, Text::DeskDeliveriesToReview))}</a>
        </p>
    });
    view! {
        <p class="lead" data-testid="desk-greeting">{i18n::desk_greeting(lang, &given_name, &organiser_name)}</p>
        {came}
        {deliveries}
        {customers}
        {producers}
    }
}

fn resident_items(
    applications: Vec<seteli_domain::api::resident::VoucherApplicationItem>,
    lang: Lang,
) -> impl IntoView {
    applications
        .into_iter()
        .map(|a| {
            let flags = super::residents::flags(&a, lang);
            view! {
                <li class="card" data-testid="desk-resident-application">
                    <p class="card-title">
                        <a href=links::desk_resident_application(a.id, lang)>{a.principal_name.clone()}</a>
                        <span class="card-subtitle">{a.service_name.clone().unwrap_or_default()}</span>
                    </p>
                    <p><CaseStateBadge state=a.status.state lang/></p>
                    {(!flags.is_empty()).then(|| view! { <p>{flags}</p> })}
                </li>
            }
        })
        .collect_view()
}

fn application_items(applications: Vec<ApplicationListItem>, lang: Lang) -> impl IntoView {
    applications
        .into_iter()
        .map(|a| {
            let deadline = a.status.deadline.map(|d| view! { <p>{t(lang, Text::CaseDeadlineLabel)}": "{i18n::format_date(lang, d)}</p> });
            view! {
                <li class="card" data-testid="desk-application" data-overdue=a.status.overdue.to_string()>
                    <p class="card-title">
                        <a href=links::desk_application(a.id, lang) data-testid="desk-application-link">{a.company_name.clone()}</a>
                        <span class="card-subtitle">{format!("{} · {}", a.services.join(", "), a.municipality_name)}</span>
                    </p>
                    <p><CaseStateBadge state=a.status.state lang/></p>
                    {deadline}
                </li>
            }
        })
        .collect_view()
}

/// One of the desk's lists under its `h2`: `children` are its items; `empty` when it has
/// none (`count`).
#[component]
fn DeskSection(
    id: &'static str,
    heading: Text,
    empty: Text,
    count: usize,
    lang: Lang,
    children: Children,
) -> impl IntoView {
    let (labelled_by, heading_id) = (format!("{id}-heading"), format!("{id}-heading"));
    let body = if count == 0 {
        view! { <p class="notice" data-testid=format!("{id}-empty")>{t(lang, empty)}</p> }
            .into_any()
    } else {
        view! { <ul class="card-list" role="list" data-testid=id>{children()}</ul> }.into_any()
    };
    view! {
        <section class="page-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{t(lang, heading)}</h2>
            {body}
        </section>
    }
}

fn decision_items(decisions: Vec<DecisionSummary>, lang: Lang) -> impl IntoView {
    decisions
        .into_iter()
        .map(|d| {
            view! {
                <li class="card" data-testid="desk-item" data-decision-id=d.id.to_string()>
                    <p class="card-title">
                        <a href=links::desk_customer(d.customer_id, lang) data-testid="desk-item-customer">{d.customer_name}</a>
                    </p>
                    <p class="card-meta">{d.service_name} " · " {i18n::validity(lang, d.valid_from, d.valid_until)}</p>
                    <p class="card-meta">
                        <DecisionStatusBadge status=d.status lang/> " "
                        <a href=links::desk_decision(d.id, lang) data-testid="desk-item-decision">{t(lang, Text::OpenDecision)}</a>
                    </p>
                </li>
            }
        })
        .collect_view()
}

fn voucher_items(vouchers: Vec<StaffVoucher>, lang: Lang) -> impl IntoView {
    vouchers
        .into_iter()
        .map(|v| {
            view! {
                <li class="card" data-testid="desk-item" data-voucher-id=v.id.to_string()>
                    <p class="card-title">
                        <a href=links::desk_customer(v.customer_id, lang) data-testid="desk-item-customer">{v.customer_name}</a>
                    </p>
                    <p class="card-meta">{v.service_name} " · " {i18n::valid_until(lang, v.valid_until)}</p>
                </li>
            }
        })
        .collect_view()
}

fn event_items(events: Vec<StaffEvent>, lang: Lang) -> impl IntoView {
    events
        .into_iter()
        .map(|e| {
            let answered = e.check.as_ref().and_then(|c| c.answer.clone()).is_some();
            view! {
                <li class="card" data-testid="desk-item" data-event-id=e.id.to_string()>
                    <p class="card-title">
                        <a href=links::desk_customer(e.customer_id, lang) data-testid="desk-item-customer">{e.customer_name}</a>
                    </p>
                    <p class="card-meta">
                        {i18n::format_date(lang, e.service_date)} " · " {e.producer_name}
                    </p>
                    <p class="card-meta">
                        {if answered { t(lang, Text::DisputeAnswered) } else { t(lang, Text::DisputeWaiting) }}
                    </p>
                </li>
            }
        })
        .collect_view()
}
