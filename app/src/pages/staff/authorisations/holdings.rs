//! `/desk/authorisations/holdings`: the holdings register the administrator keeps — who
//! holds which authorisation since and until when, what ends within 60 days (to renew in
//! Suomi.fi-valtuudet), and what leaving employees hold (to revoke there). Marking an
//! employee leaving and recording a revocation are the administrator's; the change itself
//! is made by a person in Suomi.fi-valtuudet.

use super::back_to_authorisations;
use crate::api::authorisations as api;
use crate::components::fields::{ChoiceField, Problems, TextField};
use crate::components::form::{last_error, BusyButton, FormEnd, SubmitError};
use crate::components::states::{retryable, BackTo, EmptyNotice, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{HoldingView, HoldingsRegister, NewHolding};
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{format_date, revoked_in_valtuudet, t, Text};
use seteli_domain::{ApiError, Lang};

/// The page.
#[component]
pub fn HoldingsPage() -> impl IntoView {
    let lang = use_lang();
    let register = retryable(move || api::holdings(lang.get()));
    use_document_title(|lang| t(lang, Text::HoldingsTitle).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::HoldingsTitle)}</h1>
        <p class="lead">{tr(Text::HoldingsLead)}</p>
        <Remote data=register forbidden=StaffOnly let:register>
            <Register initial=register lang=lang.get_untracked()/>
        </Remote>
    }
}

/// A step on a holding.
#[derive(Clone)]
enum HoldingStep {
    Leaving(i64, time::Date),
    End(i64, time::Date),
}

#[component]
fn Register(initial: HoldingsRegister, lang: Lang) -> impl IntoView {
    let register = RwSignal::new(initial);
    let step = Action::new_local(move |step: &HoldingStep| {
        let step = step.clone();
        async move {
            match step {
                HoldingStep::Leaving(id, on) => {
                    api::leaving(id, on, lang).await?;
                }
                HoldingStep::End(id, on) => {
                    api::end(id, on, lang).await?;
                }
            }
            let fresh = api::holdings(lang).await?;
            register.try_set(fresh);
            Ok::<(), ApiError>(())
        }
    });
    let pending = step.pending();
    let run = move |s: HoldingStep| {
        if !pending.get_untracked() {
            step.dispatch_local(s);
        }
    };
    let outcome = move || {
        match step.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="holding-step-done">{t(lang, Text::HoldingStepDone)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="holding-step-error"/> }.into_any())
        }
        _ => None,
    }
    };
    let section = move |heading: Text,
                        id: &'static str,
                        empty_id: &'static str,
                        list: Vec<HoldingView>,
                        empty: Text,
                        actions: bool| {
        let body = if list.is_empty() {
            view! { <EmptyNotice testid=empty_id text=empty/> }.into_any()
        } else {
            let rows = list
                .into_iter()
                .map(|h| view! { <HoldingRow h run pending actions lang/> })
                .collect_view();
            view! {
                <div class="table-wrap" role="region" aria-labelledby=format!("{id}-heading") tabindex="0">
                    <table data-testid=id>
                        <thead><tr>
                            <th scope="col">{t(lang, Text::EmployeeLegend)}</th>
                            <th scope="col">{t(lang, Text::AuthorisationColumn)}</th>
                            <th scope="col">{t(lang, Text::SinceColumn)}</th>
                            <th scope="col">{t(lang, Text::UntilColumn)}</th>
                            <th scope="col">{t(lang, Text::HoldingStateColumn)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        view! {
            <section class="page-section" aria-labelledby=format!("{id}-heading")>
                <h2 id=format!("{id}-heading")>{t(lang, heading)}</h2>
                {body}
            </section>
        }
    };
    view! {
        <div aria-live="polite">{outcome}</div>
        <AddHolding register lang/>
        <super::holdings_import::ImportHoldings register lang/>
        {move || {
            let r = register.get();
            view! {
                {section(Text::ToRevokeHeading, "holdings-to-revoke", "holdings-to-revoke-empty", r.to_revoke, Text::ToRevokeEmpty, false)}
                {section(Text::EndingSoonHeading, "holdings-ending", "holdings-ending-empty", r.ending_soon, Text::EndingSoonEmpty, false)}
                {section(Text::HoldingsInForceHeading, "holdings-all", "holdings-all-empty", r.holdings, Text::HoldingsEmpty, true)}
            }
        }}
    }
}

#[component]
fn HoldingRow<R>(
    h: HoldingView,
    run: R,
    #[prop(into)] pending: Signal<bool>,
    actions: bool,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(HoldingStep) + Copy + Send + Sync + 'static,
{
    let id = h.id;
    let today = crate::dom::today();
    let day = RwSignal::new(iso_date(today));
    // A day that does not read as one is said, never guessed.
    let bad_day = RwSignal::new(false);
    let with_day = move |step: fn(i64, time::Date) -> HoldingStep| match parse_iso_date(
        day.get_untracked().trim(),
    ) {
        Some(on) => {
            bad_day.set(false);
            run(step(id, on));
        }
        None => bad_day.set(true),
    };
    let until = h.until.map_or_else(
        || t(lang, Text::UntilFurtherNotice).to_owned(),
        |d| format_date(lang, d),
    );
    let state = match (h.ended_on, h.ended_by_name.clone(), h.leaving_on) {
        (Some(on), Some(by), _) => revoked_in_valtuudet(lang, on, &by),
        (_, _, Some(leaving)) => format!(
            "{} {}",
            t(lang, Text::LeavingOnLabel),
            format_date(lang, leaving)
        ),
        _ => String::new(),
    };
    let day_id = format!("holding-{id}-day");
    let controls = actions.then(|| view! {
        <div class="inline-form">
            <label for=day_id.clone()>{t(lang, Text::HoldingDayLabel)}</label>
            <input id=day_id.clone() type="date" data-testid="holding-day"
                aria-invalid=move || bad_day.get().then_some("true")
                prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev))/>
            {move || bad_day.get().then(|| view! { <p class="field-error" role="alert">{t(lang, Text::DateProblem)}</p> })}
            <BusyButton class="button button-secondary" testid="holding-leaving" busy=pending
                on_click=move || with_day(HoldingStep::Leaving)>{t(lang, Text::MarkLeavingButton)}</BusyButton>
            <BusyButton class="button button-secondary" testid="holding-end" busy=pending
                on_click=move || with_day(HoldingStep::End)>{t(lang, Text::RevokedButton)}</BusyButton>
        </div>
    });
    view! {
        <tr data-testid="holding" data-id=id.to_string()>
            <th scope="row">{h.employee_name.clone()}<br/><span class="hint">{h.hetu_masked.clone()}" · "{h.department.get(lang).to_owned()}</span></th>
            <td>{h.authorisation.name.get(lang).to_owned()}<br/><span class="hint">{h.authorisation.agency.get(lang).to_owned()}</span></td>
            <td class="nowrap">{format_date(lang, h.since)}</td>
            <td class="nowrap">{until}</td>
            <td>{state}{controls}</td>
        </tr>
    }
}

/// Entering a holding made in Suomi.fi-valtuudet before the register.
#[component]
fn AddHolding(register: RwSignal<HoldingsRegister>, lang: Lang) -> impl IntoView {
    let catalogue = crate::components::states::retryable(move || api::catalogue(lang));
    let authorisation = RwSignal::new(String::new());
    let given = RwSignal::new(String::new());
    let family = RwSignal::new(String::new());
    let hetu = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let since = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let add = Action::new_local(move |holding: &NewHolding| {
        let holding = holding.clone();
        async move {
            let fresh = api::add_holding(&holding, lang).await?;
            register.try_set(fresh);
            Ok::<(), ApiError>(())
        }
    });
    let pending = add.pending();
    let server_error = last_error(add, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Ok(id) = authorisation.get_untracked().parse::<i64>() else {
            return problems.found(
                "authorisation_id",
                Text::AuthorisationsMissing,
                "holding-authorisation",
            );
        };
        if given.get_untracked().trim().is_empty() {
            return problems.found("given_name", Text::GivenNameMissing, "holding-given-name");
        }
        if family.get_untracked().trim().is_empty() {
            return problems.found(
                "family_name",
                Text::FamilyNameMissing,
                "holding-family-name",
            );
        }
        if seteli_domain::Hetu::parse(hetu.get_untracked().trim()).is_err() {
            return problems.found("hetu", Text::HetuInvalid, "holding-hetu");
        }
        if department.get_untracked().is_empty() {
            return problems.found("department", Text::DepartmentMissing, "holding-department");
        }
        if title.get_untracked().is_empty() {
            return problems.found("job_title", Text::JobTitleMissing, "holding-job-title");
        }
        let Some(from) = parse_iso_date(since.get_untracked().trim()) else {
            return problems.found("since", Text::DateProblem, "holding-since");
        };
        let to = until.get_untracked();
        let to = if to.trim().is_empty() {
            None
        } else {
            match parse_iso_date(to.trim()) {
                Some(day) => Some(day),
                None => return problems.found("until", Text::DateProblem, "holding-until"),
            }
        };
        problems.clear();
        add.dispatch_local(NewHolding {
            authorisation_id: id,
            given_name: given.get_untracked().trim().to_owned(),
            family_name: family.get_untracked().trim().to_owned(),
            hetu: hetu.get_untracked().trim().to_owned(),
            department: department.get_untracked(),
            job_title: title.get_untracked(),
            since: from,
            until: to,
        });
    };
    let added = move || matches!(add.value().get(), Some(Ok(()))) && !pending.get();
    view! {
        <details class="page-section" data-testid="add-holding">
            <summary>{t(lang, Text::AddHoldingHeading)}</summary>
            <p class="hint">{t(lang, Text::AddHoldingHint)}</p>
            {move || added().then(|| view! { <p class="notice notice-success" role="status" data-testid="holding-added">{t(lang, Text::HoldingStepDone)}</p> })}
            <Remote data=catalogue forbidden=StaffOnly let:catalogue>
                {
                    let held: Vec<(String, String)> = catalogue
                        .authorisations
                        .iter()
                        .filter(|a| a.held)
                        .map(|a| (a.id.to_string(), format!("{} · {}", a.name.get(lang), a.agency.get(lang))))
                        .collect();
                    let departments = super::place_options(&catalogue.departments, lang);
                    let titles = super::place_options(&catalogue.job_titles, lang);
                    view! {
                        <form class="form-panel" data-testid="add-holding-form" novalidate on:submit=on_submit>
                            <ChoiceField id="holding-authorisation" field="authorisation_id" label=Text::AuthorisationColumn value=authorisation problems options=held placeholder=Text::ChooseOne/>
                            <TextField id="holding-given-name" field="given_name" label=Text::EmployeeGivenNameLabel value=given problems autocomplete="off"/>
                            <TextField id="holding-family-name" field="family_name" label=Text::EmployeeFamilyNameLabel value=family problems autocomplete="off"/>
                            <TextField id="holding-hetu" field="hetu" label=Text::EmployeeHetuLabel value=hetu problems autocomplete="off"/>
                            <ChoiceField id="holding-department" field="department" label=Text::DepartmentLabel value=department problems options=departments placeholder=Text::ChooseOne/>
                            <ChoiceField id="holding-job-title" field="job_title" label=Text::JobTitleLabel value=title problems options=titles placeholder=Text::ChooseOne/>
                            <TextField id="holding-since" field="since" label=Text::SinceColumn value=since problems kind="date"/>
                            <TextField id="holding-until" field="until" label=Text::UntilColumn value=until problems kind="date" optional=true/>
                            <FormEnd error=server_error error_testid="add-holding-error" text=Text::SaveButton pending testid="add-holding-submit"/>
                        </form>
                    }
                }
            </Remote>
        </details>
    }
}
