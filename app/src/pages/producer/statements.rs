//! `/producer/statements` and `/producer/statements/:id`: the company's monthly statements
//! from every organiser that pays it — confirmed and paid, never drafts — and one statement
//! visit by visit, with later adjustments and the visits held out of it; printable.

use super::NotActingForCompany;
use crate::api::settlements as api;
use crate::components::list_page::ListPage;
use crate::components::settlement::{
    settlement_id, SettlementFacts, SettlementHolds, SettlementLines, StateBadge,
};
use crate::components::states::{retryable, use_id_in_path, BackLink, BackTo, EmptyNotice, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::settlement::{SettlementSummary, SettlementView};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::format_signed;
use seteli_domain::{ApiError, ErrorCode, Lang};

async fn statements(lang: Lang) -> Result<Vec<SettlementSummary>, ApiError> {
    api::statements(lang).await.map(|s| s.statements)
}

/// The list.
#[component]
pub fn StatementsPage() -> impl IntoView {
    let lang = use_lang();
    let empty = || view! { <EmptyNotice testid="statements-empty" text=Text::StatementsEmpty/> };
    view! {
        <ListPage title=Text::StatementsTitle fetch=statements empty region="producer-statements" forbidden=NotActingForCompany let:list>
            <p class="lead">{t(lang.get_untracked(), Text::StatementsLead)}</p>
            <ul class="card-list" role="list" data-testid="statements">
                {list.into_iter().map(|s| view! { <StatementCard summary=s lang=lang.get_untracked()/> }).collect_view()}
            </ul>
        </ListPage>
    }
}

#[component]
fn StatementCard(summary: SettlementSummary, lang: Lang) -> impl IntoView {
    view! {
        <li class="card" data-testid="statement" data-id=summary.id.to_string()>
            <h2 class="card-title">
                <a href=links::producer_statement(summary.id, lang) data-testid="statement-link">
                    {i18n::month_name(lang, summary.month)}
                </a>
            </h2>
            <p>{summary.organiser_name.clone()}</p>
            <p><StateBadge state=summary.state lang/></p>
            <p class="amount" data-testid="statement-payable" data-cents=summary.totals.payable_cents.to_string()>
                {t(lang, Text::PayableLabel)}": "{format_signed(summary.totals.payable_cents, lang)}
            </p>
        </li>
    }
}

fn back() -> BackLink {
    BackLink {
        href: links::producer_statements,
        text: Text::StatementsTitle,
    }
}

/// One statement.
#[component]
pub fn StatementPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(settlement_id);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::statement(id, lang).await,
                None => Err(ApiError::new(ErrorCode::SettlementNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::StatementsTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-statements"/>
        <Remote data=loaded back=back() forbidden=NotActingForCompany let:view>
            <Statement view lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn Statement(view: SettlementView, lang: Lang) -> impl IntoView {
    let summary = view.summary.clone();
    let holds = (!view.holds.is_empty()).then(|| {
        view! {
            <section class="page-section" aria-labelledby="holds-heading">
                <h2 id="holds-heading">{t(lang, Text::HoldsHeading)}</h2>
                <p class="hint">{t(lang, Text::HoldsLead)}</p>
                <SettlementHolds holds=view.holds.clone() lang/>
            </section>
        }
    });
    view! {
        <h1 tabindex="-1" data-testid="statement-title">
            {i18n::settlement_title(lang, &summary.organiser_name, summary.month)}
        </h1>
        <SettlementFacts summary lang/>
        <section class="page-section" aria-labelledby="settlement-lines-heading">
            <h2 id="settlement-lines-heading">{t(lang, Text::SettlementLinesHeading)}</h2>
            <SettlementLines lines=view.lines.clone() lang/>
        </section>
        {holds}
        <p class="no-print">
            <button type="button" class="button button-secondary" data-testid="statement-print" on:click=move |_| crate::dom::print()>
                {t(lang, Text::PrintStatement)}
            </button>
        </p>
    }
}
