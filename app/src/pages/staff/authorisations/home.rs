//! `/desk/authorisations`: the employee's own e-authorisations — where their work's maps
//! are, the order form, their orders as they progress and what they hold; for the
//! administrator, the way to the queue, the catalogue, the register and the report.

use super::{AuthorisationNames, OrderStateBadge};
use crate::api::authorisations as api;
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{AuthorisationCatalogue, MyAuthorisations};
use seteli_domain::i18n::{format_date, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn AuthorisationsPage() -> impl IntoView {
    let lang = use_lang();
    let catalogue = retryable(move || api::catalogue(lang.get()));
    let mine = retryable(move || api::mine(lang.get()));
    use_document_title(|lang| t(lang, Text::AuthorisationsTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::AuthorisationsTitle)}</h1>
        <p class="lead">{tr(Text::AuthorisationsLead)}</p>
        <Remote data=catalogue forbidden=StaffOnly let:catalogue>
            <Ways catalogue lang=lang.get_untracked()/>
        </Remote>
        <Remote data=mine forbidden=StaffOnly let:mine>
            <Mine mine lang=lang.get_untracked()/>
        </Remote>
    }
}

/// Where the employee goes from here.
#[component]
fn Ways(catalogue: AuthorisationCatalogue, lang: Lang) -> impl IntoView {
    let department = catalogue.my_department.clone().map(|code| {
        view! {
            <li><a href=links::desk_authorisation_map("department", &code, lang) data-testid="my-department-map">
                {t(lang, Text::MyDepartmentMap)}
            </a></li>
        }
    });
    let title = catalogue.my_job_title.clone().map(|code| {
        view! {
            <li><a href=links::desk_authorisation_map("job_title", &code, lang) data-testid="my-title-map">
                {t(lang, Text::MyJobTitleMap)}
            </a></li>
        }
    });
    let admin = catalogue.administers.then(|| {
        view! {
            <h2>{t(lang, Text::AuthorisationAdminHeading)}</h2>
            <ul class="link-list" data-testid="admin-links">
                <li><a href=links::desk_authorisation_queue(lang) data-testid="to-queue">{t(lang, Text::AuthorisationQueueTitle)}</a></li>
                <li><a href=links::desk_authorisation_catalogue(lang) data-testid="to-catalogue">{t(lang, Text::AuthorisationCatalogueTitle)}</a></li>
                <li><a href=links::desk_authorisation_holdings(lang) data-testid="to-holdings">{t(lang, Text::HoldingsTitle)}</a></li>
                <li><a href=links::desk_authorisation_report(lang) data-testid="to-report">{t(lang, Text::AuthorisationReportTitle)}</a></li>
            </ul>
        }
    });
    view! {
        <ul class="link-list" data-testid="authorisation-links">
            {department}
            {title}
            <li><a href=links::desk_authorisation_map("department", "", lang) data-testid="all-maps">{t(lang, Text::AllMaps)}</a></li>
            <li><a href=links::desk_authorisation_order_form(lang) data-testid="to-order-form">{t(lang, Text::OrderAuthorisation)}</a></li>
            <li><a href=links::desk_glossary(lang) data-testid="to-glossary">{t(lang, Text::GlossaryTitle)}</a></li>
        </ul>
        {admin}
    }
}

/// The employee's orders and holdings.
#[component]
fn Mine(mine: MyAuthorisations, lang: Lang) -> impl IntoView {
    let orders = if mine.orders.is_empty() {
        view! { <EmptyNotice testid="my-orders-empty" text=Text::MyOrdersEmpty/> }.into_any()
    } else {
        let rows = mine
            .orders
            .into_iter()
            .map(|o| {
                view! {
                    <li class="card" data-testid="my-order" data-id=o.id.to_string()>
                        <h3 class="card-title">
                            <a href=links::desk_authorisation_order(o.id, lang)>{format!("#{} · {}", o.id, o.employee_name)}</a>
                        </h3>
                        <OrderStateBadge state=o.state waiting_on=o.waiting_on lang/>
                        <AuthorisationNames items=o.authorisations lang/>
                        <p class="hint">{t(lang, Text::ExpectedByLabel)}" "{format_date(lang, o.due_on)}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="my-orders">{rows}</ul> }.into_any()
    };
    let holdings = if mine.holdings.is_empty() {
        view! { <EmptyNotice testid="my-holdings-empty" text=Text::MyHoldingsEmpty/> }.into_any()
    } else {
        let rows = mine
            .holdings
            .into_iter()
            .map(|h| {
                let until = h.until.map_or_else(|| t(lang, Text::UntilFurtherNotice).to_owned(), |d| format_date(lang, d));
                let ended = h.ended_on.map(|d| view! { <span class="badge">{t(lang, Text::HoldingEndedBadge)}" "{format_date(lang, d)}</span> });
                view! {
                    <tr data-testid="my-holding">
                        <td>{h.authorisation.name.get(lang).to_owned()}<span class="hint">" · "{h.authorisation.agency.get(lang).to_owned()}</span></td>
                        <td class="nowrap">{format_date(lang, h.since)}</td>
                        <td class="nowrap">{until}" "{ended}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" role="region" aria-labelledby="my-holdings-heading" tabindex="0">
                <table data-testid="my-holdings">
                    <thead><tr>
                        <th scope="col">{t(lang, Text::AuthorisationColumn)}</th>
                        <th scope="col">{t(lang, Text::SinceColumn)}</th>
                        <th scope="col">{t(lang, Text::UntilColumn)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="page-section" aria-labelledby="my-orders-heading">
            <h2 id="my-orders-heading">{t(lang, Text::MyOrdersHeading)}</h2>
            {orders}
        </section>
        <section class="page-section" aria-labelledby="my-holdings-heading">
            <h2 id="my-holdings-heading">{t(lang, Text::MyHoldingsHeading)}</h2>
            {holdings}
        </section>
    }
}
