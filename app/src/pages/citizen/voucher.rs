//! `/my/vouchers/:id`: one of the customer's vouchers, its service events newest first,
//! feedback to the producers that served under it and their monthly surveys. A voucher
//! that is not the customer's is "not found", exactly like one that does not exist.

use crate::api;
use crate::components::decision_document::DecisionStatusBadge;
use crate::components::states::{retryable, BackLink, BackTo, Remote, Retryable};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use crate::pages::citizen::feedback_form::{FeedbackDraft, FeedbackForm};
use crate::pages::citizen::survey::{SurveyDrafts, SurveyForm};
use crate::pages::citizen::vouchers::VoucherFacts;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use seteli_domain::api::desk::DecisionSummary;
use seteli_domain::api::{ServiceEventView, VoucherDetail};
use seteli_domain::catalogue::Unit;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::VoucherId;
use seteli_domain::voucher::EventStatus;
use seteli_domain::{ApiError, ErrorCode, Lang};
use std::future::Future;

/// The voucher named by the address's `:id`, loaded with `fetch` (again whenever the id
/// or the language changes): the id, and the resource. An address without a valid id
/// loads as [`ErrorCode::VoucherNotFound`], the same answer the API gives for someone
/// else's voucher.
pub fn use_voucher_in_path<T, Fut>(
    fetch: fn(VoucherId, Lang) -> Fut,
) -> (Memo<Option<VoucherId>>, Retryable<T>)
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get_str("id").and_then(VoucherId::parse)));
    let detail = retryable(move || {
        let id = id.get();
        let lang = lang.get();
        async move {
            match id {
                Some(id) => fetch(id, lang).await,
                None => Err(ApiError::new(ErrorCode::VoucherNotFound, lang)),
            }
        }
    });
    (id, detail)
}

/// The voucher page.
#[component]
pub fn VoucherPage() -> impl IntoView {
    let lang = use_lang();
    let (_, detail) = use_voucher_in_path(api::my_voucher);
    // What is being written lives here, above the loading boundary: a language switch
    // reloads the voucher (its names are in the language) but keeps the drafts.
    let feedback = FeedbackDraft::default();
    let surveys: SurveyDrafts = RwSignal::new(Default::default());

    // The heading exists (and can take focus) from the first frame; it names the service
    // once known.
    let heading = move || {
        let lang = lang.get();
        detail.with(|d| match d {
            Some(Ok(detail)) => detail.voucher.service_name.clone(),
            Some(Err(e)) if api::is_not_found(e) => t(lang, Text::VoucherNotFoundTitle).to_owned(),
            _ => t(lang, Text::VoucherFallbackTitle).to_owned(),
        })
    };
    let loaded = move || detail.with(|d| matches!(d, Some(Ok(_))));
    let back = BackLink {
        href: links::my_vouchers,
        text: Text::BackToMyVouchers,
    };
    use_document_title(move |_| heading());

    view! {
        <BackTo link=back testid="back-to-vouchers"/>
        <h1 tabindex="-1" data-testid=move || loaded().then_some("voucher-title")>{heading}</h1>
        <Remote data=detail back let:detail>
            <VoucherDetails detail lang=lang.get_untracked() feedback surveys/>
        </Remote>
    }
}

/// Everything below the heading, once the voucher is loaded.
#[component]
fn VoucherDetails(
    detail: VoucherDetail,
    lang: Lang,
    feedback: FeedbackDraft,
    surveys: SurveyDrafts,
) -> impl IntoView {
    let VoucherDetail {
        voucher,
        events,
        producers,
        decisions,
    } = detail;
    let voucher_id = voucher.id;
    let unit = voucher.unit;
    // Only a voucher in force, valid after today, can be refused.
    let refusable = voucher.status == seteli_domain::voucher::VoucherStatus::Active
        && voucher.valid_until > crate::dom::today();
    let municipality = voucher.municipality_name.clone();

    let feedback_body = if producers.is_empty() {
        view! {
            <p class="notice" data-testid="feedback-unavailable">{t(lang, Text::FeedbackUnavailable)}</p>
        }
        .into_any()
    } else {
        view! {
            <FeedbackForm
                voucher_id
                producers=producers.clone()
                events=events.clone()
                draft=feedback
                lang
            />
        }
        .into_any()
    };
    let surveys_section = (!producers.is_empty()).then(|| {
        let forms = producers
            .into_iter()
            .map(|producer| view! { <SurveyForm voucher_id producer drafts=surveys lang/> })
            .collect_view();
        view! {
            <section class="page-section" aria-labelledby="survey-heading">
                <h2 id="survey-heading">{t(lang, Text::SurveyHeading)}</h2>
                <p>{t(lang, Text::SurveyIntro)}</p>
                {forms}
            </section>
        }
    });

    view! {
        <p class="lead voucher-subtitle">{municipality}</p>
        <VoucherFacts voucher lang/>
        <VoucherDecisions decisions lang/>
        <section class="page-section" aria-labelledby="events-heading">
            <h2 id="events-heading">{t(lang, Text::EventsHeading)}</h2>
            <EventTable events unit lang/>
        </section>
        <section class="page-section" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{t(lang, Text::FeedbackHeading)}</h2>
            {feedback_body}
        </section>
        {surveys_section}
        {refusable.then(|| view! { <crate::pages::citizen::refuse::RefuseVoucher voucher_id lang/> })}
    }
}

/// The decisions behind the voucher, newest first, each leading to its document.
#[component]
fn VoucherDecisions(decisions: Vec<DecisionSummary>, lang: Lang) -> impl IntoView {
    (!decisions.is_empty()).then(|| {
        let items = decisions
            .into_iter()
            .map(|d| {
                let title = match &d.decision_number {
                    Some(number) => format!("{} {number}", t(lang, Text::DecisionTitle)),
                    None => t(lang, Text::DecisionTitle).to_owned(),
                };
                view! {
                    <li class="card" data-testid="voucher-decision" data-decision-id=d.id.to_string()>
                        <p class="card-title">
                            <a href=links::my_decision(d.id, lang) data-testid="voucher-decision-link">{title}</a>
                        </p>
                        <p class="card-meta">
                            <DecisionStatusBadge status=d.status lang/>
                            " "
                            {i18n::validity(lang, d.valid_from, d.valid_until)}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="page-section" aria-labelledby="decisions-heading">
                <h2 id="decisions-heading">{t(lang, Text::DecisionsHeading)}</h2>
                <ol class="card-list" role="list" data-testid="voucher-decisions">{items}</ol>
            </section>
        }
    })
}

/// The service events, newest first (as the API sends them). On narrow screens each row
/// is a block of its own (see `.stack-table` in the stylesheet); the explicit roles keep the
/// table's meaning for screen readers when CSS changes the rows' display.
#[component]
fn EventTable(events: Vec<ServiceEventView>, unit: Unit, lang: Lang) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="notice" data-testid="events-empty">{t(lang, Text::EventsEmpty)}</p> }
            .into_any();
    }
    let columns = [
        Text::ColumnDate,
        Text::ColumnProducer,
        Text::ColumnWhatWasDone,
        Text::ColumnUnits,
        Text::ColumnUnitPrice,
        Text::ColumnVoucherShare,
        Text::OwnShare,
    ];
    let numeric = |i: usize| i >= 3;
    let head = columns
        .iter()
        .enumerate()
        .map(|(i, text)| {
            view! {
                <th scope="col" role="columnheader" class:num=numeric(i)>{t(lang, *text)}</th>
            }
        })
        .collect_view();
    // The label each cell shows for itself when the rows are stacked; screen readers get
    // the column headers instead.
    let label = move |text: Text| view! { <span class="cell-label" aria-hidden="true">{t(lang, text)}</span> };
    let rows = events
        .into_iter()
        .map(|e| {
            let cancelled = e.status == EventStatus::Cancelled;
            view! {
                <tr
                    role="row"
                    class:event-cancelled=cancelled
                    data-testid="event"
                    data-event-id=e.id.to_string()
                    data-status=e.status.as_str()
                >
                    <th scope="row" role="rowheader">
                        {label(Text::ColumnDate)}
                        <span class="cell-value">
                            {i18n::format_date(lang, e.service_date)}
                            {cancelled.then(|| view! {
                                " "
                                <span class="status status-cancelled" data-testid="event-cancelled">
                                    {t(lang, Text::StatusCancelled)}
                                </span>
                            })}
                        </span>
                    </th>
                    <td role="cell" class="cell-text">
                        {label(Text::ColumnProducer)}
                        <span class="cell-value">{e.producer_name}</span>
                    </td>
                    <td role="cell" class="cell-text">
                        {label(Text::ColumnWhatWasDone)}
                        <span class="cell-value">{e.description}</span>
                    </td>
                    <td role="cell" class="num" data-testid="event-units" data-units-x100=e.units_x100.to_string()>
                        {label(Text::ColumnUnits)}
                        <span class="cell-value">{i18n::unit_quantity(lang, e.units_x100, unit)}</span>
                    </td>
                    <td role="cell" class="num" data-testid="event-unit-price" data-cents=e.unit_price_cents.get().to_string()>
                        {label(Text::ColumnUnitPrice)}
                        <span class="cell-value">{i18n::price_per_unit(lang, e.unit_price_cents, unit)}</span>
                    </td>
                    <td role="cell" class="num amount" data-testid="event-voucher-share" data-cents=e.voucher_share_cents.get().to_string()>
                        {label(Text::ColumnVoucherShare)}
                        <span class="cell-value">{e.voucher_share_cents.format(lang)}</span>
                    </td>
                    <td role="cell" class="num amount" data-testid="event-own-share" data-cents=e.own_share_cents.get().to_string()>
                        {label(Text::OwnShare)}
                        <span class="cell-value">{e.own_share_cents.format(lang)}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="stack-table" role="table" aria-labelledby="events-caption" data-testid="event-list">
            <caption id="events-caption">{t(lang, Text::EventsCaption)}</caption>
            <thead role="rowgroup">
                <tr role="row">{head}</tr>
            </thead>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
    .into_any()
}
