//! `/desk/reports?from=YYYY-MM&to=YYYY-MM&year=YYYY`: the organiser's reports for finance and
//! customer service — the visits that stand per month, service and producer (bars per
//! producer, a line over the months, and every number in a table), and each service's
//! purchasing power granted against used in a year — each downloadable as CSV. The period
//! lives in the address, so back and a shared link show the same report.

use super::{back_to_desk, StaffOnly};
use crate::api::settlements as api;
use crate::components::states::{retryable, BackTo, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::period::{use_period, PeriodForm};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::api::settlement::{BudgetReport, ProductionReport, ProductionRow};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::money::format_signed;
use seteli_domain::Lang;
use std::collections::BTreeMap;

/// The page.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let query = move |key: &'static str| location.query.with(|q| q.get_str(key).map(str::to_owned));
    let period = use_period();
    let year = Memo::new(move |_| query("year").and_then(|y| y.parse::<i32>().ok()));
    let production = retryable(move || {
        let ((from, to), lang) = (period.get(), lang.get());
        async move { api::production(from, to, lang).await }
    });
    let budget = retryable(move || {
        let (year, lang) = (year.get(), lang.get());
        async move { api::budget(year, lang).await }
    });
    use_document_title(|lang| t(lang, Text::ReportsTitle).to_owned());
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::ReportsTitle)}</h1>
        <p class="lead">{tr(Text::ReportsLead)}</p>
        <Remote data=production forbidden=StaffOnly let:report>
            <Production report lang=lang.get_untracked()/>
        </Remote>
        <Remote data=budget forbidden=StaffOnly let:report>
            <Budget report lang=lang.get_untracked()/>
        </Remote>
    }
}

/// A share of the widest bar in hundredths of a percent, as CSS reads it.
fn width(part: i64, whole: i64) -> String {
    let share = if whole <= 0 {
        0
    } else {
        part.max(0).saturating_mul(10_000) / whole
    };
    format!("{}.{:02}%", share / 100, share % 100)
}

#[component]
fn Production(report: ProductionReport, lang: Lang) -> impl IntoView {
    let csv = api::production_csv_href(report.from, report.to, lang);
    let body = if report.rows.is_empty() {
        view! { <p class="notice" data-testid="report-empty">{t(lang, Text::ReportEmpty)}</p> }
            .into_any()
    } else {
        view! {
            <ByProducer rows=report.rows.clone() lang/>
            <ByMonth report=report.clone() lang/>
            <ProductionTable rows=report.rows.clone() lang/>
        }
        .into_any()
    };
    view! {
        <section class="page-section" aria-labelledby="production-heading">
            <h2 id="production-heading">{t(lang, Text::ProductionHeading)}</h2>
            <PeriodForm from=report.from to=report.to href=crate::links::desk_reports_for/>
            {body}
            <p><a class="button button-secondary" href=csv download data-testid="report-production-csv">{t(lang, Text::ReportCsv)}</a></p>
        </section>
    }
}

/// Bars of each producer's voucher share over the period, biggest first, with the same
/// numbers as a list a screen reader reads.
#[component]
fn ByProducer(rows: Vec<ProductionRow>, lang: Lang) -> impl IntoView {
    let mut sums: BTreeMap<String, i64> = BTreeMap::new();
    for row in &rows {
        *sums.entry(row.producer_name.clone()).or_default() += row.voucher_share_cents;
    }
    let mut sums: Vec<(String, i64)> = sums.into_iter().collect();
    sums.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let max = sums.first().map_or(0, |s| s.1);
    let bars = sums
        .into_iter()
        .map(|(name, cents)| {
            view! {
                <li class="report-bar" data-testid="report-producer">
                    <span class="report-bar-label">{name}": "{format_signed(cents, lang)}</span>
                    <span class="report-bar-track" aria-hidden="true">
                        <span class="report-bar-fill" style:width=width(cents, max)></span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t(lang, Text::ByProducerHeading)}</h3>
        <ul class="report-bars" role="list">{bars}</ul>
    }
}

/// A line of the voucher share month by month (a month without visits is zero), drawn for
/// the eye; the table below it holds the same numbers.
#[component]
fn ByMonth(report: ProductionReport, lang: Lang) -> impl IntoView {
    let mut months = Vec::new();
    let mut month = report.from;
    while month <= report.to {
        let cents: i64 = report
            .rows
            .iter()
            .filter(|r| r.month == month)
            .map(|r| r.voucher_share_cents)
            .sum();
        months.push((month, cents));
        month = month.next();
    }
    let max = months.iter().map(|m| m.1).max().unwrap_or(0).max(1);
    let (w, h) = (600i64, 200i64);
    let step = if months.len() > 1 {
        w / (months.len() as i64 - 1)
    } else {
        0
    };
    let points = months
        .iter()
        .enumerate()
        .map(|(i, (_, cents))| format!("{},{}", i as i64 * step, h - cents * h / max))
        .collect::<Vec<_>>()
        .join(" ");
    let rows = months
        .iter()
        .map(|(month, cents)| {
            view! {
                <tr role="row" data-testid="report-month" data-month=month.to_string() data-cents=cents.to_string()>
                    <th scope="row" role="rowheader">{i18n::month_name(lang, *month)}</th>
                    <td role="cell" class="amount">{format_signed(*cents, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="by-month-heading">{t(lang, Text::ByMonthHeading)}</h3>
        <svg class="report-line" viewBox=format!("-10 -10 {} {}", w + 20, h + 20) aria-hidden="true" focusable="false">
            <polyline points=points fill="none" stroke="currentColor" stroke-width="3"/>
        </svg>
        <table aria-labelledby="by-month-heading">
            <thead><tr><th scope="col">{t(lang, Text::ColumnMonth)}</th><th scope="col" class="amount">{t(lang, Text::ColumnVoucherShare)}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn ProductionTable(rows: Vec<ProductionRow>, lang: Lang) -> impl IntoView {
    let label = move |text: Text| view! { <span class="cell-label" aria-hidden="true">{t(lang, text)}</span> };
    let columns = [
        Text::ColumnMonth,
        Text::ColumnService,
        Text::ColumnProducer,
        Text::ColumnVisits,
        Text::ColumnUnits,
        Text::ColumnVoucherShare,
        Text::ColumnOwnShare,
    ];
    let head = columns
        .into_iter()
        .map(|text| view! { <th scope="col" role="columnheader">{t(lang, text)}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr role="row" data-testid="report-row">
                    <th scope="row" role="rowheader">{label(Text::ColumnMonth)}<span class="cell-value">{i18n::month_name(lang, r.month)}</span></th>
                    <td role="cell" class="cell-text">{label(Text::ColumnService)}<span class="cell-value">{r.service_name.clone()}</span></td>
                    <td role="cell" class="cell-text">{label(Text::ColumnProducer)}<span class="cell-value">{r.producer_name.clone()}</span></td>
                    <td role="cell">{label(Text::ColumnVisits)}<span class="cell-value">{r.events}</span></td>
                    <td role="cell">{label(Text::ColumnUnits)}<span class="cell-value">{i18n::decimal_units(lang, r.units_x100)}</span></td>
                    <td role="cell" class="amount">{label(Text::ColumnVoucherShare)}<span class="cell-value">{format_signed(r.voucher_share_cents, lang)}</span></td>
                    <td role="cell" class="amount">{label(Text::ColumnOwnShare)}<span class="cell-value">{format_signed(r.own_share_cents, lang)}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="stack-table" role="table" aria-labelledby="production-heading" data-testid="report-production">
            <thead role="rowgroup"><tr role="row">{head}</tr></thead>
            <tbody role="rowgroup">{body}</tbody>
        </table>
    }
}

/// Each service's purchasing power in a year: granted, used, and the share used as a bar.
#[component]
fn Budget(report: BudgetReport, lang: Lang) -> impl IntoView {
    let csv = api::budget_csv_href(report.year, lang);
    let this_year = crate::dom::today().year();
    let years = (this_year - 4..=this_year)
        .rev()
        .map(|y| {
            let href = crate::links::desk_reports_year(y, lang);
            let current = (y == report.year).then_some("page");
            view! { <li><a href=href aria-current=current data-testid="report-year">{y}</a></li> }
        })
        .collect_view();
    let body = if report.rows.is_empty() {
        view! { <p class="notice" data-testid="budget-empty">{t(lang, Text::BudgetEmpty)}</p> }
            .into_any()
    } else {
        let rows = report
            .rows
            .into_iter()
            .map(|r| {
                view! {
                    <tr data-testid="budget-row" data-service=r.service_code.clone()>
                        <th scope="row">{r.service_name.clone()}</th>
                        <td>{r.vouchers}</td>
                        <td class="amount" data-cents=r.granted_cents.to_string()>{format_signed(r.granted_cents, lang)}</td>
                        <td class="amount" data-cents=r.used_cents.to_string()>
                            {format_signed(r.used_cents, lang)}
                            <span class="report-bar-track" aria-hidden="true">
                                <span class="report-bar-fill" style:width=width(r.used_cents, r.granted_cents)></span>
                            </span>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table aria-labelledby="budget-heading" data-testid="report-budget">
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Text::ColumnService)}</th>
                        <th scope="col">{t(lang, Text::VouchersCountLabel)}</th>
                        <th scope="col" class="amount">{t(lang, Text::GrantedLabel)}</th>
                        <th scope="col" class="amount">{t(lang, Text::UsedLabel)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="page-section" aria-labelledby="budget-heading">
            <h2 id="budget-heading">{t(lang, Text::BudgetHeading)}" "{report.year}</h2>
            <nav aria-label=t(lang, Text::YearLabel)><ul class="inline-list">{years}</ul></nav>
            {body}
            <p><a class="button button-secondary" href=csv download data-testid="report-budget-csv">{t(lang, Text::ReportCsv)}</a></p>
        </section>
    }
}
