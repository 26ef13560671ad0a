//! A case as both its applicant and its handler read it: where it stands (state, handler,
//! deadline, what is missing), its history, and its files.

use crate::components::facts::Fact;
use leptos::prelude::*;
use seteli_domain::api::applications::{AttachmentView, CaseStatus, HistoryEntry};
use seteli_domain::case::StateName;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The name of a state as people read it.
pub fn state_text(state: StateName) -> Text {
    match state {
        StateName::Draft => Text::StateDraft,
        StateName::Submitted => Text::StateSubmitted,
        StateName::Consenting => Text::StateConsenting,
        StateName::InProgress => Text::StateInProgress,
        StateName::Waiting => Text::StateWaiting,
        StateName::Approved => Text::StateApproved,
        StateName::Rejected => Text::StateRejected,
        StateName::Cancelled => Text::StateCancelled,
        StateName::Declined => Text::StateDeclined,
    }
}

/// The state as a badge (`data-state` for tests and styles).
#[component]
pub fn CaseStateBadge(state: StateName, lang: Lang) -> impl IntoView {
    let code = state.as_str();
    view! {
        <span class=format!("badge badge-case badge-{code}") data-testid="case-state" data-state=code>
            {t(lang, state_text(state))}
        </span>
    }
}

/// Where the case stands: state, handler, deadline and what is missing.
#[component]
pub fn CaseStatusFacts(status: CaseStatus, lang: Lang) -> impl IntoView {
    let handler = status.handler_name.clone().map(|name| {
        view! {
            <Fact label=Text::CaseHandlerLabel lang>
                <dd data-testid="case-handler">{name}</dd>
            </Fact>
        }
    });
    let deadline = status.deadline.map(|d| {
        view! {
            <Fact label=Text::CaseDeadlineLabel lang>
                <dd data-testid="case-deadline" data-date=seteli_domain::clock::iso_date(d)>
                    {i18n::format_date(lang, d)}
                    {status.overdue.then(|| view! { <span class="field-error">" "{t(lang, Text::CaseOverdue)}</span> })}
                </dd>
            </Fact>
        }
    });
    let missing = (!status.missing.is_empty()).then(|| {
        let items = status
            .missing
            .iter()
            .map(|m| view! { <li>{m.clone()}</li> })
            .collect_view();
        view! {
            <Fact label=Text::CaseMissingLabel lang class="fact-wide">
                <dd><ul class="plain-list" data-testid="case-missing">{items}</ul></dd>
            </Fact>
        }
    });
    view! {
        <dl class="facts" data-testid="case-status">
            <Fact label=Text::CaseStateLabel lang>
                <dd><CaseStateBadge state=status.state lang/></dd>
            </Fact>
            {handler}
            {deadline}
            {missing}
        </dl>
    }
}

/// The case's history, oldest first.
#[component]
pub fn CaseHistory(history: Vec<HistoryEntry>, lang: Lang) -> impl IntoView {
    let items = history
        .into_iter()
        .map(|e| {
            let comment = (!e.comment.is_empty()).then(|| view! { <p class="history-comment">{e.comment.clone()}</p> });
            view! {
                <li data-testid="case-history-step" data-to=e.to.as_str()>
                    <time datetime=seteli_domain::clock::rfc3339(e.at)>{i18n::format_date_time(lang, e.at)}</time>
                    " · "{t(lang, state_text(e.to))}" · "{e.by_name.clone()}
                    {comment}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="case-history-title">
            <h2 id="case-history-title" class="card-title">{t(lang, Text::CaseHistoryTitle)}</h2>
            <ol class="history" data-testid="case-history">{items}</ol>
        </section>
    }
}

/// A file as a download link (`href` from its id), with its size.
#[component]
pub fn AttachmentLink(file: AttachmentView, href: String) -> impl IntoView {
    let kb = (file.size_bytes + 1023) / 1024;
    view! {
        <a href=href download=file.file_name.clone() data-testid="attachment-link">{file.file_name.clone()}</a>
        <span class="hint">" ("{kb}" kB)"</span>
    }
}
