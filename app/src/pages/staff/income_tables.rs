//! `/desk/income-tables`: the organiser's income tables for income-related vouchers — per
//! service the full and minimum value, the units a month the reduction is spread over, the
//! rounding, the steps for households larger than the last row, and the rows (household
//! size, income limit, percentage). Customer service and finance read them; finance edits
//! them (the API decides; the page offers the form to `finance` only). The form checks the
//! table with `domain::income` before sending, naming the field, as the API does.

use super::{back_to_desk, StaffOnly};
use crate::api;
use crate::components::facts::{Fact, MoneyFact};
use crate::components::fields::{Problems, TextField};
use crate::components::form::{last_error, DoneNotice, FormEnd};
use crate::components::states::{retryable, BackTo, EmptyNotice, RemoteList, Retryable, Source};
use crate::locale::{tr, use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::desk::IncomeTableView;
use seteli_domain::desk::MAX_UNIT_VALUE;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::income::{parse_percent, percent_input, IncomeError};
use seteli_domain::permissions::StaffRole;
use seteli_domain::{Cents, Lang};

/// An amount as a person types it back, in `lang`'s decimal sign: `3200` is `32,00`.
pub fn euros_input(cents: Cents, lang: Lang) -> String {
    let sign = if lang == Lang::En { '.' } else { ',' };
    format!("{}{sign}{:02}", cents.get() / 100, cents.get() % 100)
}

/// What to say about a table `domain::income` refuses.
fn income_problem(error: IncomeError) -> Text {
    match error {
        IncomeError::RowsOutOfOrder | IncomeError::NoHousehold => Text::IncomeRowsEmpty,
        IncomeError::RowsNotMonotone => Text::IncomeRowsNotMonotone,
        IncomeError::ReductionOver100 => Text::PercentInvalid,
        IncomeError::MinimumAboveFull => Text::MinimumAboveFullProblem,
        IncomeError::NoUnitsPerMonth => Text::WholeNumberInvalid,
        IncomeError::NoRounding => Text::RoundingProblem,
    }
}

/// The page.
#[component]
pub fn IncomeTablesPage() -> impl IntoView {
    let lang = use_lang();
    use_document_title(|lang| t(lang, Text::IncomeTablesTitle).to_owned());
    let tables = retryable(move || {
        let lang = lang.get();
        async move { api::income_tables(lang).await.map(|t| t.tables) }
    });
    let saved = RwSignal::new(false);
    let empty =
        || view! { <EmptyNotice testid="income-tables-empty" text=Text::IncomeTablesEmpty/> };
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::IncomeTablesTitle)}</h1>
        <p class="lead">{tr(Text::IncomeTablesLead)}</p>
        <DoneNotice shown=saved id="income-table-saved" testid="income-table-saved" text=Text::IncomeTableSaved/>
        <RemoteList data=tables empty forbidden=StaffOnly let:list>
            {list
                .into_iter()
                .map(|table| view! { <TableSection table tables saved lang=lang.get_untracked()/> })
                .collect_view()}
        </RemoteList>
    }
}

/// One service's table, and for finance the way to edit it.
#[component]
fn TableSection(
    table: IncomeTableView,
    tables: Retryable<Vec<IncomeTableView>>,
    saved: RwSignal<bool>,
    lang: Lang,
) -> impl IntoView {
    let session = use_session();
    let editing = RwSignal::new(false);
    let code = table.service_code.to_string();
    let heading_id = format!("income-{code}-heading");
    let labelled_by = heading_id.clone();
    let form_id = format!("income-{code}-form");
    let caption_id = format!("income-{code}-caption");
    let region_label = caption_id.clone();
    let on_saved = Callback::new(move |()| {
        editing.set(false);
        saved.set(true);
        tables.retry();
        crate::dom::focus_after_render("#income-table-saved");
    });
    let edit = {
        let (form_id, table) = (form_id.clone(), table.clone());
        move || {
            session.has_staff_role(StaffRole::Finance).then(|| {
                let (form_id, table) = (form_id.clone(), table.clone());
                view! {
                    <button
                        type="button"
                        class="button button-secondary"
                        data-testid="income-table-edit"
                        aria-expanded=move || editing.get().to_string()
                        aria-controls=form_id.clone()
                        on:click=move |_| {
                            saved.set(false);
                            editing.update(|e| *e = !*e);
                        }
                    >
                        {t(lang, Text::EditIncomeTable)}
                    </button>
                    {move || editing.get().then(|| view! { <IncomeTableForm table=table.clone() form_id=form_id.clone() on_saved/> })}
                }
            })
        }
    };
    let rows = table
        .rows
        .iter()
        .map(|&(size, limit, points)| {
            view! {
                <tr data-testid="income-row" data-size=size.to_string()>
                    <th scope="row">{size.to_string()}</th>
                    <td class="num" data-cents=limit.get().to_string()>{limit.format(lang)}</td>
                    <td class="num" data-basis-points=points.to_string()>{i18n::basis_points(lang, points)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="page-section" aria-labelledby=labelled_by data-testid="income-table" data-service=code>
            <h2 id=heading_id>{table.service_name.clone()}</h2>
            <dl class="facts">
                <MoneyFact label=Text::FullValueLabel lang cents=table.full_value_cents testid="income-full-value"/>
                <MoneyFact label=Text::MinimumValueLabel lang cents=table.minimum_value_cents testid="income-minimum-value"/>
                <Fact label=Text::UnitsPerMonthLabel lang>
                    <dd data-testid="income-units-per-month">{table.units_per_month.to_string()}</dd>
                </Fact>
                <MoneyFact label=Text::RoundingLabel lang cents=table.rounding_cents testid="income-rounding"/>
                <MoneyFact label=Text::LimitStepLabel lang cents=table.limit_step_cents testid="income-limit-step"/>
                <Fact label=Text::PercentStepLabel lang>
                    <dd data-testid="income-percent-step" data-basis-points=table.reduction_step_basis_points.to_string()>
                        {i18n::basis_points(lang, table.reduction_step_basis_points)}
                    </dd>
                </Fact>
                {(!table.updated_by.is_empty()).then(|| view! {
                    <Fact label=Text::UpdatedByLabel lang>
                        <dd data-testid="income-updated-by">{table.updated_by.clone()}</dd>
                    </Fact>
                })}
            </dl>
            <div class="table-wrap" role="region" aria-labelledby=region_label tabindex="0">
                <table data-testid="income-rows">
                    <caption id=caption_id>{t(lang, Text::IncomeRowsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Text::HouseholdSizeLabel)}</th>
                            <th scope="col">{t(lang, Text::IncomeLimitLabel)}</th>
                            <th scope="col">{t(lang, Text::ReductionPercentLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {edit}
        </section>
    }
}

/// A row of the form: the income limit and the percentage as typed.
#[derive(Clone, Copy)]
struct RowInput {
    limit: RwSignal<String>,
    percent: RwSignal<String>,
}

/// Finance's form for one service's table: the figures and the rows (a row added or the
/// last one removed; household sizes follow the order).
#[component]
fn IncomeTableForm(
    table: IncomeTableView,
    form_id: String,
    on_saved: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let code = table.service_code.to_string();
    let text = |s: String| RwSignal::new(s);
    let full = text(euros_input(table.full_value_cents, l));
    let minimum = text(euros_input(table.minimum_value_cents, l));
    let units = text(table.units_per_month.to_string());
    let rounding = text(euros_input(table.rounding_cents, l));
    let limit_step = text(euros_input(table.limit_step_cents, l));
    let percent_step = text(percent_input(table.reduction_step_basis_points, l));
    let rows = RwSignal::new(
        table
            .rows
            .iter()
            .map(|&(_, limit, points)| RowInput {
                limit: text(euros_input(limit, l)),
                percent: text(percent_input(points, l)),
            })
            .collect::<Vec<_>>(),
    );
    let service_code = table.service_code.clone();
    let service_name = table.service_name.clone();
    let send = Action::new_local(move |table: &IncomeTableView| {
        let table = table.clone();
        let lang = lang.get_untracked();
        async move { api::set_income_table(&table, lang).await }
    });
    let pending = send.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            on_saved.run(());
        }
    });
    let server_error = last_error(send, Result::err);
    let problems = Problems::new(server_error);
    let id = {
        let code = code.clone();
        move |name: &str| format!("income-{code}-{name}")
    };
    let row_id = {
        let code = code.clone();
        move |name: &str, size: usize| format!("income-{code}-{name}-{size}")
    };
    let on_submit = {
        let (id, row_id) = (id.clone(), row_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            let euros = |value: RwSignal<String>| Cents::parse_euros(&value.get_untracked()).ok();
            let Some(full_value) = euros(full) else {
                return problems.found("full_value_cents", Text::EurosInvalid, &id("full"));
            };
            if full_value > MAX_UNIT_VALUE {
                return problems.found(
                    "full_value_cents",
                    Text::ValueAboveMaximumProblem,
                    &id("full"),
                );
            }
            let Some(minimum_value) = euros(minimum) else {
                return problems.found("minimum_value_cents", Text::EurosInvalid, &id("minimum"));
            };
            let Some(units_per_month) = units
                .get_untracked()
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
            else {
                return problems.found("units_per_month", Text::WholeNumberInvalid, &id("units"));
            };
            let Some(rounding_cents) = euros(rounding) else {
                return problems.found("rounding_cents", Text::EurosInvalid, &id("rounding"));
            };
            let Some(limit_step_cents) = euros(limit_step) else {
                return problems.found("limit_step_cents", Text::EurosInvalid, &id("limit-step"));
            };
            let Some(step_points) = parse_percent(&percent_step.get_untracked()) else {
                return problems.found(
                    "reduction_step_basis_points",
                    Text::PercentInvalid,
                    &id("percent-step"),
                );
            };
            let mut table_rows = Vec::new();
            for (row, size) in rows.get_untracked().into_iter().zip(1u32..) {
                let n = size as usize;
                let Some(limit) = euros(row.limit) else {
                    return problems.found("rows", Text::EurosInvalid, &row_id("limit", n));
                };
                let Some(points) = parse_percent(&row.percent.get_untracked()) else {
                    return problems.found("rows", Text::PercentInvalid, &row_id("percent", n));
                };
                table_rows.push((size, limit, points));
            }
            let view = IncomeTableView {
                service_code: service_code.clone(),
                service_name: service_name.clone(),
                full_value_cents: full_value,
                minimum_value_cents: minimum_value,
                rows: table_rows,
                limit_step_cents,
                reduction_step_basis_points: step_points,
                units_per_month,
                rounding_cents,
                updated_by: String::new(),
            };
            if let Err(error) = view.table().check() {
                let focus = match error.field() {
                    "minimum_value_cents" => id("minimum"),
                    "units_per_month" => id("units"),
                    "rounding_cents" => id("rounding"),
                    _ => id("add-row"),
                };
                return problems.found(error.field(), income_problem(error), &focus);
            }
            problems.clear();
            send.dispatch_local(view);
        }
    };
    let rows_error_id = id("rows-error");
    let rows_invalid = move || problems.message("rows").is_some();
    let (col_limit, col_percent) = (id("col-limit"), id("col-percent"));
    let row_inputs = {
        let (row_id, rows_error_id) = (row_id.clone(), rows_error_id.clone());
        let (col_limit, col_percent) = (col_limit.clone(), col_percent.clone());
        let code = code.clone();
        move || {
            rows.get()
                .into_iter()
                .enumerate()
                .map(|(index, row)| {
                    let size = index + 1;
                    let head_id = format!("income-{code}-row-{size}");
                    let (limit_id, percent_id) = (row_id("limit", size), row_id("percent", size));
                    let error_id = rows_error_id.clone();
                    let described = move || rows_invalid().then(|| error_id.clone());
                    let described_too = described.clone();
                    view! {
                        <tr>
                            <th scope="row" id=head_id.clone()>{size.to_string()}</th>
                            <td>
                                <input
                                    id=limit_id.clone()
                                    data-testid=limit_id
                                    type="text"
                                    inputmode="decimal"
                                    autocomplete="off"
                                    aria-labelledby=format!("{col_limit} {head_id}")
                                    aria-describedby=described
                                    aria-invalid=move || rows_invalid().then_some("true")
                                    prop:value=move || row.limit.get()
                                    on:input=move |ev| row.limit.set(event_target_value(&ev))
                                />
                            </td>
                            <td>
                                <input
                                    id=percent_id.clone()
                                    data-testid=percent_id
                                    type="text"
                                    inputmode="decimal"
                                    autocomplete="off"
                                    aria-labelledby=format!("{col_percent} {head_id}")
                                    aria-describedby=described_too
                                    aria-invalid=move || rows_invalid().then_some("true")
                                    prop:value=move || row.percent.get()
                                    on:input=move |ev| row.percent.set(event_target_value(&ev))
                                />
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let add_row = move |_| {
        rows.update(|rows| {
            let last = rows.last().copied();
            rows.push(RowInput {
                limit: RwSignal::new(last.map(|r| r.limit.get_untracked()).unwrap_or_default()),
                percent: RwSignal::new(last.map(|r| r.percent.get_untracked()).unwrap_or_default()),
            });
        });
    };
    let remove_row = move |_| {
        rows.update(|rows| {
            rows.pop();
        });
    };
    let rows_caption = id("rows-caption");
    let rows_region_label = rows_caption.clone();
    view! {
        <form id=form_id class="form-panel" data-testid="income-table-form" novalidate on:submit=on_submit>
            <TextField id=id("full") field="full_value_cents" label=Text::FullValueLabel value=full problems inputmode="decimal" hint=Text::EurosHint autocomplete="off"/>
            <TextField id=id("minimum") field="minimum_value_cents" label=Text::MinimumValueLabel value=minimum problems inputmode="decimal" autocomplete="off"/>
            <TextField id=id("units") field="units_per_month" label=Text::UnitsPerMonthLabel value=units problems inputmode="numeric" autocomplete="off"/>
            <TextField id=id("rounding") field="rounding_cents" label=Text::RoundingLabel value=rounding problems inputmode="decimal" autocomplete="off"/>
            <TextField id=id("limit-step") field="limit_step_cents" label=Text::LimitStepLabel value=limit_step problems inputmode="decimal" autocomplete="off"/>
            <TextField id=id("percent-step") field="reduction_step_basis_points" label=Text::PercentStepLabel value=percent_step problems inputmode="decimal" hint=Text::PercentHint autocomplete="off"/>
            <div class="table-wrap" role="region" aria-labelledby=rows_region_label tabindex="0">
                <table data-testid="income-rows-form">
                    <caption id=rows_caption>{move || t(lang.get(), Text::IncomeRowsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t(lang.get(), Text::HouseholdSizeLabel)}</th>
                            <th scope="col" id=col_limit>{move || t(lang.get(), Text::IncomeLimitLabel)}</th>
                            <th scope="col" id=col_percent>{move || t(lang.get(), Text::ReductionPercentLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>{row_inputs}</tbody>
                </table>
            </div>
            {move || problems.message("rows").map(|message| view! {
                <p id=rows_error_id.clone() class="field-error" data-testid="income-rows-error">{message}</p>
            })}
            <div class="button-row">
                <button type="button" id=id("add-row") class="button button-secondary" data-testid="income-row-add" on:click=add_row>
                    {move || t(lang.get(), Text::AddIncomeRow)}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="income-row-remove"
                    disabled=move || rows.with(|rows| rows.len() <= 1)
                    on:click=remove_row
                >
                    {move || t(lang.get(), Text::RemoveIncomeRow)}
                </button>
            </div>
            <FormEnd error=server_error error_testid="income-table-error" text=Text::SaveIncomeTable pending testid="income-table-submit"/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::cents;

    #[test]
    fn an_amount_is_offered_as_it_is_typed_back() {
        assert_eq!(euros_input(cents(3200), Lang::Fi), "32,00");
        assert_eq!(euros_input(cents(61_205), Lang::En), "612.05");
        for n in [0, 1, 99, 3200, 1_000_000] {
            assert_eq!(
                Cents::parse_euros(&euros_input(cents(n), Lang::Sv)),
                Ok(cents(n))
            );
        }
    }
}
