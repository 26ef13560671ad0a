//! `/desk/authorisations/report?from=YYYY-MM&to=YYYY-MM`: each order path's median handling
//! time of the orders done in the period against the expected, open and overdue orders, and
//! holdings in force per department. The period lives in the address.

use super::{back_to_authorisations, path_text};
use crate::api::authorisations as api;
use crate::components::states::{retryable, BackTo, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::period::{use_period, PeriodForm};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::AuthorisationReport;
use seteli_domain::i18n::{days_tenths, t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn AuthorisationReportPage() -> impl IntoView {
    let lang = use_lang();
    let period = use_period();
    let report = retryable(move || {
        let ((from, to), lang) = (period.get(), lang.get());
        async move { api::report(from, to, lang).await }
    });
    use_document_title(|lang| t(lang, Text::AuthorisationReportTitle).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::AuthorisationReportTitle)}</h1>
        <Remote data=report forbidden=StaffOnly let:report>
            <ReportTables report lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn ReportTables(report: AuthorisationReport, lang: Lang) -> impl IntoView {
    let paths = report
        .paths
        .into_iter()
        .map(|p| {
            let median = p
                .median_tenths
                .map_or_else(|| "–".to_owned(), |m| days_tenths(lang, m));
            view! {
                <tr data-testid="report-path" data-path=p.path.as_str()>
                    <th scope="row">{t(lang, path_text(p.path))}</th>
                    <td class="num">{days_tenths(lang, p.expected_max_days * 10)}</td>
                    <td class="num" data-testid="report-median">{median}</td>
                    <td class="num">{p.done}</td>
                    <td class="num" data-testid="report-open">{p.open}</td>
                    <td class="num" data-testid="report-overdue">{p.overdue}</td>
                </tr>
            }
        })
        .collect_view();
    let departments = report
        .departments
        .into_iter()
        .map(|d| {
            view! {
                <tr data-testid="report-department">
                    <th scope="row">{d.department.name.get(lang).to_owned()}</th>
                    <td class="num">{d.holdings}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="page-section" aria-labelledby="report-paths-heading">
            <h2 id="report-paths-heading">{t(lang, Text::ReportPathsHeading)}</h2>
            <PeriodForm from=report.from to=report.to href=crate::links::desk_authorisation_report_for/>
            <p class="hint">{t(lang, Text::ReportPathsPeriodNote)}</p>
            <div class="table-wrap" role="region" aria-labelledby="report-paths-heading" tabindex="0">
                <table data-testid="report-paths">
                    <thead><tr>
                        <th scope="col">{t(lang, Text::OrderPathLegend)}</th>
                        <th scope="col">{t(lang, Text::ExpectedColumn)}</th>
                        <th scope="col">{t(lang, Text::MedianColumn)}</th>
                        <th scope="col">{t(lang, Text::DoneColumn)}</th>
                        <th scope="col">{t(lang, Text::OpenColumn)}</th>
                        <th scope="col">{t(lang, Text::OverdueBadge)}</th>
                    </tr></thead>
                    <tbody>{paths}</tbody>
                </table>
            </div>
        </section>
        <section class="page-section" aria-labelledby="report-departments-heading">
            <h2 id="report-departments-heading">{t(lang, Text::HoldingsPerDepartmentHeading)}</h2>
            <div class="table-wrap" role="region" aria-labelledby="report-departments-heading" tabindex="0">
                <table data-testid="report-departments">
                    <thead><tr>
                        <th scope="col">{t(lang, Text::DepartmentLabel)}</th>
                        <th scope="col">{t(lang, Text::HoldingsColumn)}</th>
                    </tr></thead>
                    <tbody>{departments}</tbody>
                </table>
            </div>
        </section>
    }
}
