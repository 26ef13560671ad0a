//! `/desk/applications`: the organiser's queue of producers' applications — new, in
//! progress with whom, waiting for the applicant with the deadline, overdue — each leading
//! to the case.

use super::StaffOnly;
use crate::api::applications as api;
use crate::components::case::CaseStateBadge;
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::applications::ApplicationQueue;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn ApplicationQueuePage() -> impl IntoView {
    let lang = use_lang();
    let queue = retryable(move || api::queue(lang.get()));
    use_document_title(|lang| t(lang, Text::ApplicationQueueTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::ApplicationQueueTitle)}</h1>
        <Remote data=queue forbidden=StaffOnly let:queue>
            <QueueView queue lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn QueueView(queue: ApplicationQueue, lang: Lang) -> impl IntoView {
    if queue.applications.is_empty() {
        return view! { <EmptyNotice testid="queue-empty" text=Text::ApplicationQueueEmpty/> }
            .into_any();
    }
    let rows = queue
        .applications
        .into_iter()
        .map(|a| {
            let handler = a.status.handler_name.clone().unwrap_or_default();
            let deadline = a.status.deadline.map(|d| i18n::format_date(lang, d)).unwrap_or_default();
            let overdue = a.status.overdue.then(|| view! { <span class="field-error">" "{t(lang, Text::CaseOverdue)}</span> });
            view! {
                <tr data-testid="queue-row" data-id=a.id.to_string() data-overdue=a.status.overdue.to_string()>
                    <td><a href=links::desk_application(a.id, lang) data-testid="queue-link">{a.company_name.clone()}</a></td>
                    <td>{a.municipality_name.clone()}</td>
                    <td>{a.services.join(", ")}</td>
                    <td><CaseStateBadge state=a.status.state lang/></td>
                    <td>{handler}</td>
                    <td>{deadline}{overdue}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="application-queue">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Text::ApplicationTitle)}</th>
                        <th scope="col">{t(lang, Text::ApplicationMunicipalityLabel)}</th>
                        <th scope="col">{t(lang, Text::ApplicationServicesLabel)}</th>
                        <th scope="col">{t(lang, Text::CaseStateLabel)}</th>
                        <th scope="col">{t(lang, Text::CaseHandlerLabel)}</th>
                        <th scope="col">{t(lang, Text::CaseDeadlineLabel)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
