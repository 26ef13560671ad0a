//! `/desk/authorisations/queue`: the administrator's queue of e-authorisation orders — open
//! ones first, oldest first, those past their expected time standing out — then the last
//! closed. Any of the organiser's administrators takes any order.

use super::{back_to_authorisations, path_text, OrderStateBadge};
use crate::api::authorisations as api;
use crate::components::states::{retryable, BackTo, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::OrderSummary;
use seteli_domain::i18n::{format_date, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn AuthorisationQueuePage() -> impl IntoView {
    let lang = use_lang();
    let queue = retryable(move || api::queue(lang.get()));
    use_document_title(|lang| t(lang, Text::AuthorisationQueueTitle).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 id="queue-heading" tabindex="-1">{tr(Text::AuthorisationQueueTitle)}</h1>
        <p class="lead">{tr(Text::AuthorisationQueueLead)}</p>
        <Remote data=queue forbidden=StaffOnly let:orders>
            <QueueTable orders lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn QueueTable(orders: Vec<OrderSummary>, lang: Lang) -> impl IntoView {
    if orders.is_empty() {
        return view! { <EmptyNotice testid="queue-empty" text=Text::AuthorisationQueueEmpty/> }
            .into_any();
    }
    let rows = orders
        .into_iter()
        .map(|o| {
            let names = o
                .authorisations
                .iter()
                .map(|a| a.name.get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            let overdue = o.overdue.then(|| view! { <span class="badge badge-overdue" data-testid="queue-overdue">{t(lang, Text::OverdueBadge)}</span> });
            view! {
                <tr data-testid="queue-order" data-id=o.id.to_string() class=o.overdue.then_some("overdue")>
                    <th scope="row"><a href=links::desk_authorisation_order(o.id, lang) data-testid="queue-order-link">{format!("#{}", o.id)}</a></th>
                    <td>{o.employee_name.clone()}<br/><span class="hint">{o.department.get(lang).to_owned()}</span></td>
                    <td>{names}</td>
                    <td>{t(lang, path_text(o.path))}</td>
                    <td><OrderStateBadge state=o.state waiting_on=o.waiting_on lang/>" "{overdue}</td>
                    <td>{o.handler_name.clone().unwrap_or_default()}</td>
                    <td class="nowrap">{format_date(lang, o.due_on)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="queue-heading" tabindex="0">
            <table data-testid="queue-table">
                <thead><tr>
                    <th scope="col">{t(lang, Text::OrderNumberLabel)}</th>
                    <th scope="col">{t(lang, Text::EmployeeLegend)}</th>
                    <th scope="col">{t(lang, Text::AuthorisationsLegend)}</th>
                    <th scope="col">{t(lang, Text::OrderPathLegend)}</th>
                    <th scope="col">{t(lang, Text::StateColumn)}</th>
                    <th scope="col">{t(lang, Text::CaseHandlerLabel)}</th>
                    <th scope="col">{t(lang, Text::ExpectedByLabel)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
