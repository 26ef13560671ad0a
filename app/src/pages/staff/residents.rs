//! `/desk/resident-applications`: the organiser's queue of residents' voucher applications —
//! waiting for another guardian's consent (whose), new, in progress with whom, waiting for
//! the applicant with the deadline — with a declared right to act alone, or guardians the
//! applicant did not know, flagged.

use super::StaffOnly;
use crate::api::residents as api;
use crate::components::case::CaseStateBadge;
use crate::components::states::{retryable, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::resident::{ResidentApplicationQueue, VoucherApplicationItem};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn ResidentQueuePage() -> impl IntoView {
    let lang = use_lang();
    let queue = retryable(move || api::queue(lang.get()));
    use_document_title(|lang| t(lang, Text::ResidentQueueTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::ResidentQueueTitle)}</h1>
        <Remote data=queue forbidden=StaffOnly let:queue>
            <QueueView queue lang=lang.get_untracked()/>
        </Remote>
    }
}

/// What the handler should notice about an application before opening it.
pub fn flags(item: &VoucherApplicationItem, lang: Lang) -> String {
    let mut flags = Vec::new();
    if !item.consent_missing.is_empty() {
        flags.push(i18n::consent_missing(lang, &item.consent_missing));
    }
    if item.declared.is_some() {
        flags.push(t(lang, Text::DeclaredRightFlag).to_owned());
    }
    if item.guardians_unknown {
        flags.push(t(lang, Text::GuardianUnknown).to_owned());
    }
    flags.join(" · ")
}

#[component]
fn QueueView(queue: ResidentApplicationQueue, lang: Lang) -> impl IntoView {
    if queue.applications.is_empty() {
        return view! { <EmptyNotice testid="queue-empty" text=Text::ResidentQueueEmpty/> }
            .into_any();
    }
    let rows = queue
        .applications
        .into_iter()
        .map(|a| {
            let handler = a.status.handler_name.clone().unwrap_or_default();
            let deadline = a.status.deadline.map(|d| i18n::format_date(lang, d)).unwrap_or_default();
            let flagged = flags(&a, lang);
            view! {
                <tr data-testid="resident-queue-row" data-id=a.id.to_string() data-declared=a.declared.is_some().to_string()>
                    <td><a href=links::desk_resident_application(a.id, lang) data-testid="resident-queue-link">{a.principal_name.clone()}</a></td>
                    <td>{a.service_name.clone().unwrap_or_default()}</td>
                    <td><CaseStateBadge state=a.status.state lang/></td>
                    <td data-testid="resident-queue-flags">{flagged}</td>
                    <td>{handler}</td>
                    <td>{deadline}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="resident-queue">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Text::ApplicationForLabel)}</th>
                        <th scope="col">{t(lang, Text::ServiceLabel)}</th>
                        <th scope="col">{t(lang, Text::CaseStateLabel)}</th>
                        <th scope="col">{t(lang, Text::NoticeLabel)}</th>
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
