//! Entering the holdings made in Suomi.fi-valtuudet before the register from a spreadsheet
//! (Porvoo's 250): the administrator chooses the CSV file (or pastes it), checks it — every
//! line's problems listed by line and column — and enters every line at once when none has
//! any. Only the text that was checked is entered.

use crate::api::authorisations as api;
use crate::components::form::SubmitError;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{HoldingsImportChecked, HoldingsRegister};
use seteli_domain::authorisation::import::{decode, ImportColumn, ImportProblem, ProblemKind};
use seteli_domain::i18n::{holdings_entered, import_problems, import_ready, t, Text};
use seteli_domain::{ApiError, Lang};

/// The words of a column as the register's form has them.
fn column_text(column: ImportColumn) -> Text {
    match column {
        ImportColumn::GivenName => Text::EmployeeGivenNameLabel,
        ImportColumn::FamilyName => Text::EmployeeFamilyNameLabel,
        ImportColumn::Hetu => Text::EmployeeHetuLabel,
        ImportColumn::Department => Text::DepartmentLabel,
        ImportColumn::JobTitle => Text::JobTitleLabel,
        ImportColumn::Authorisation => Text::AuthorisationColumn,
        ImportColumn::Since => Text::SinceColumn,
        ImportColumn::Until => Text::UntilColumn,
    }
}

fn problem_text(kind: ProblemKind) -> Text {
    match kind {
        ProblemKind::Unreadable => Text::ImportProblemUnreadable,
        ProblemKind::Empty => Text::ImportProblemEmpty,
        ProblemKind::TooMany => Text::ImportProblemTooMany,
        ProblemKind::Missing => Text::ImportProblemMissing,
        ProblemKind::Invalid => Text::ImportProblemInvalid,
        ProblemKind::BadDates => Text::ImportProblemBadDates,
        ProblemKind::Unknown => Text::ImportProblemUnknown,
        ProblemKind::Ambiguous => Text::ImportProblemAmbiguous,
        ProblemKind::NotHeld => Text::ImportProblemNotHeld,
        ProblemKind::Repeated => Text::ImportProblemRepeated,
        ProblemKind::InRegister => Text::ImportProblemInRegister,
    }
}

/// The text of the chosen file (UTF-8, or a spreadsheet's Windows-1252).
async fn file_text(file: web_sys::File) -> Option<String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(decode(&js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The section of the register's page.
#[component]
pub fn ImportHoldings(register: RwSignal<HoldingsRegister>, lang: Lang) -> impl IntoView {
    let text = RwSignal::new(String::new());
    // The text the last answer is about, with the answer.
    let answered: RwSignal<Option<(String, HoldingsImportChecked)>> = RwSignal::new(None);
    let nothing = RwSignal::new(false);
    let run = Action::new_local(move |(csv, enter): &(String, bool)| {
        let (csv, enter) = (csv.clone(), *enter);
        async move {
            let answer = api::import_holdings(&csv, enter, lang).await?;
            answered.try_set(Some((csv, answer)));
            if enter {
                // Entered whatever the register's reading says; it reads again on a reload.
                if let Ok(fresh) = api::holdings(lang).await {
                    register.try_set(fresh);
                }
            }
            Ok::<(), ApiError>(())
        }
    });
    let pending = run.pending();
    let send = move |enter: bool| {
        let csv = text.get_untracked();
        nothing.set(csv.trim().is_empty());
        if !csv.trim().is_empty() && !pending.get_untracked() {
            run.dispatch_local((csv, enter));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        use web_sys::wasm_bindgen::JsCast;
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|list| list.get(0))
        {
            leptos::task::spawn_local(async move {
                if let Some(read) = file_text(file).await {
                    text.try_set(read);
                }
            });
        }
        // The same file chosen again (after fixing it) is read again.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    // The answer, while it is about the text as it now is.
    let current = move || {
        answered
            .get()
            .filter(|(csv, _)| *csv == text.get())
            .map(|(_, answer)| answer)
    };
    let outcome = move || {
        if pending.get() {
            return None;
        }
        if nothing.get() {
            return Some(
                view! { <p class="notice notice-error" data-testid="import-nothing">{t(lang, Text::ImportHoldingsNothing)}</p> }
                    .into_any(),
            );
        }
        if let Some(Err(error)) = run.value().get() {
            return Some(view! { <SubmitError error testid="import-error"/> }.into_any());
        }
        let answer = current()?;
        Some(if answer.entered > 0 {
            view! { <p class="notice notice-success" data-testid="import-entered">{holdings_entered(lang, answer.entered)}</p> }
                .into_any()
        } else if answer.problems.is_empty() {
            view! {
                <p class="notice" data-testid="import-ready">{import_ready(lang, answer.lines)}</p>
                <button type="button" class="button" data-testid="import-enter" on:click=move |_| send(true)>
                    {t(lang, Text::ImportHoldingsEnter)}
                </button>
            }
            .into_any()
        } else {
            let summary = import_problems(lang, answer.lines, answer.problems.len());
            view! { <p class="notice notice-error" data-testid="import-has-problems">{summary}</p> }
                .into_any()
        })
    };
    // The problems, outside the live region: a screen reader hears the summary, then reads
    // the table at will.
    let problems = move || {
        let answer = current().filter(|a| !a.problems.is_empty() && !pending.get())?;
        Some(view! { <ProblemTable problems=answer.problems lang/> })
    };
    view! {
        <details class="page-section" data-testid="import-holdings">
            <summary>{t(lang, Text::ImportHoldingsHeading)}</summary>
            <p class="hint" id="import-hint">{t(lang, Text::ImportHoldingsHint)}</p>
            <form class="form-panel" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); send(false); }>
                <div class="field">
                    <label for="import-file">{t(lang, Text::ImportHoldingsFileLabel)}</label>
                    <input type="file" id="import-file" data-testid="import-file" accept=".csv,text/csv,text/plain"
                        aria-describedby="import-hint" on:change=on_file/>
                </div>
                <div class="field">
                    <label for="import-text">{t(lang, Text::ImportHoldingsTextLabel)}</label>
                    <textarea id="import-text" data-testid="import-text" rows="8" spellcheck="false"
                        prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button button-secondary" data-testid="import-check"
                    aria-disabled=move || pending.get().then_some("true")>
                    {t(lang, Text::ImportHoldingsCheck)}
                </button>
            </form>
            <div aria-live="polite">{outcome}</div>
            {problems}
        </details>
    }
}

#[component]
fn ProblemTable(problems: Vec<ImportProblem>, lang: Lang) -> impl IntoView {
    let rows = problems
        .into_iter()
        .map(|p| {
            let column = p.column.map_or(Text::ImportWholeFile, column_text);
            view! {
                <tr data-testid="import-problem" data-line=p.line.to_string()>
                    <td class="num">{p.line}</td>
                    <td>{t(lang, column)}</td>
                    <td>{t(lang, problem_text(p.kind))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="import-problems-caption" tabindex="0">
            <table data-testid="import-problems">
                <caption id="import-problems-caption">{t(lang, Text::ImportProblemColumn)}</caption>
                <thead><tr>
                    <th scope="col">{t(lang, Text::ImportLineColumn)}</th>
                    <th scope="col">{t(lang, Text::ImportFieldColumn)}</th>
                    <th scope="col">{t(lang, Text::ImportProblemColumn)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
