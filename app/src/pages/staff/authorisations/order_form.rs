//! `/desk/authorisations/order`: one form for both order paths — (1) an authorisation the
//! organisation holds, assigned to an employee (about 3 days), (2) one it lacks, applied for
//! at DVV first (4–6 weeks). Prefilled from the login (names, department, job title) and,
//! when ordered from a map, with the authorisation and its path. The identity code goes
//! only in the POST body. Sent, it confirms the number and the expected handling time.

use super::{back_to_authorisations, kind_text, place_options, TermLink};
use crate::api::authorisations as api;
use crate::components::fields::{ChoiceField, Problems, RadioField, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::components::states::{retryable, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use seteli_domain::api::authorisations::{AuthorisationCatalogue, OrderForm, OrderSent};
use seteli_domain::authorisation::{glossary, plausible_email, OrderPath};
use seteli_domain::clock::parse_iso_date;
use seteli_domain::i18n::{expected_handling, order_sent, t, Text};
use seteli_domain::{Hetu, Lang};

/// The page.
#[component]
pub fn AuthorisationOrderPage() -> impl IntoView {
    let lang = use_lang();
    let catalogue = retryable(move || api::catalogue(lang.get()));
    use_document_title(|lang| t(lang, Text::OrderAuthorisation).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::OrderAuthorisation)}</h1>
        <p class="lead">{tr(Text::OrderFormLead)}" "<TermLink slug=glossary::TILAUSLOMAKE lang=lang.get_untracked()/></p>
        <Remote data=catalogue forbidden=StaffOnly let:catalogue>
            <OrderFormView catalogue lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn OrderFormView(catalogue: AuthorisationCatalogue, lang: Lang) -> impl IntoView {
    let query = use_query_map();
    let param = move |key: &str| query.with_untracked(|q| q.get_str(key).map(str::to_owned));
    let preset: Option<i64> = param("authorisation").and_then(|id| id.parse().ok());
    let path = RwSignal::new(match param("path").as_deref() {
        Some("missing") => "missing".to_owned(),
        _ => "held".to_owned(),
    });
    let given = RwSignal::new(catalogue.given_name.clone());
    let family = RwSignal::new(catalogue.family_name.clone());
    let hetu = RwSignal::new(String::new());
    let department = RwSignal::new(catalogue.my_department.clone().unwrap_or_default());
    let title = RwSignal::new(catalogue.my_job_title.clone().unwrap_or_default());
    let chosen = RwSignal::new(preset.into_iter().collect::<Vec<i64>>());
    let justification = RwSignal::new(String::new());
    let needed_until = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let send = Action::new_local(move |form: &OrderForm| {
        let form = form.clone();
        async move { api::order(&form, lang).await }
    });
    let pending = send.pending();
    let server_error = last_error(send, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let order_path = if path.get_untracked() == "missing" {
            OrderPath::Missing
        } else {
            OrderPath::Held
        };
        if given.get_untracked().trim().is_empty() {
            return problems.found("given_name", Text::GivenNameMissing, "order-given-name");
        }
        if family.get_untracked().trim().is_empty() {
            return problems.found("family_name", Text::FamilyNameMissing, "order-family-name");
        }
        if Hetu::parse(hetu.get_untracked().trim()).is_err() {
            return problems.found("hetu", Text::HetuInvalid, "order-hetu");
        }
        if department.get_untracked().is_empty() {
            return problems.found("department", Text::DepartmentMissing, "order-department");
        }
        if title.get_untracked().is_empty() {
            return problems.found("job_title", Text::JobTitleMissing, "order-job-title");
        }
        if chosen.get_untracked().is_empty() {
            return problems.found(
                "authorisations",
                Text::AuthorisationsMissing,
                "order-authorisations",
            );
        }
        if justification.get_untracked().trim().is_empty() {
            return problems.found(
                "justification",
                Text::JustificationMissing,
                "order-justification",
            );
        }
        let until = needed_until.get_untracked();
        let until = until.trim();
        let needed = if until.is_empty() {
            None
        } else {
            match parse_iso_date(until).filter(|d| *d > crate::dom::today()) {
                Some(d) => Some(d),
                None => {
                    return problems.found(
                        "needed_until",
                        Text::NeededUntilProblem,
                        "order-needed-until",
                    )
                }
            }
        };
        if !plausible_email(email.get_untracked().trim()) {
            return problems.found("email", Text::EmailProblem, "order-email");
        }
        problems.clear();
        send.dispatch_local(OrderForm {
            path: order_path,
            given_name: given.get_untracked().trim().to_owned(),
            family_name: family.get_untracked().trim().to_owned(),
            hetu: hetu.get_untracked().trim().to_owned(),
            department: department.get_untracked(),
            job_title: title.get_untracked(),
            authorisations: chosen.get_untracked(),
            justification: justification.get_untracked().trim().to_owned(),
            needed_until: needed,
            email: email.get_untracked().trim().to_owned(),
        });
    };
    let departments = place_options(&catalogue.departments, lang);
    let titles = place_options(&catalogue.job_titles, lang);
    let entries = StoredValue::new(catalogue.authorisations.clone());
    // The authorisations of the chosen path: held ones for path 1, the others for path 2.
    let choices = move || {
        let held = path.get() == "held";
        let rows = entries.with_value(|list| {
            list.iter()
                .filter(|a| a.held == held)
                .map(|a| {
                    let id = a.id;
                    let box_id = format!("order-authorisation-{id}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=box_id.clone() data-testid=box_id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != id);
                                        if on { c.push(id); }
                                    });
                                }/>
                            <label for=box_id>
                                {a.name.get(lang).to_owned()}
                                <span class="hint">" · "{a.agency.get(lang).to_owned()}" · "{t(lang, kind_text(a.kind))}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
        });
        view! { {rows} }
    };
    // What the other path holds is not sent with this one.
    Effect::new(move |_| {
        let held = path.get() == "held";
        let keep: Vec<i64> = entries.with_value(|list| {
            list.iter()
                .filter(|a| a.held == held)
                .map(|a| a.id)
                .collect()
        });
        chosen.update(|c| c.retain(|id| keep.contains(id)));
    });
    let authorisations_error = move || {
        problems.message("authorisations").map(|m| view! { <p id="order-authorisations-error" class="field-error" data-testid="order-authorisations-error">{m}</p> })
    };
    let sent = move || send.value().get().and_then(Result::ok);
    let supervisor = catalogue.orders_for_team;
    let who = move || {
        if supervisor {
            view! {
                <TextField id="order-given-name" field="given_name" label=Text::EmployeeGivenNameLabel value=given problems autocomplete="off"/>
                <TextField id="order-family-name" field="family_name" label=Text::EmployeeFamilyNameLabel value=family problems autocomplete="off"/>
            }
            .into_any()
        } else {
            view! {
                <p data-testid="order-for-self">{t(lang, Text::OrderForYourself)}" "<strong>{format!("{} {}", given.get_untracked(), family.get_untracked())}</strong></p>
            }
            .into_any()
        }
    };
    let path_options = vec![
        ("held".to_owned(), Text::PathHeldOption),
        ("missing".to_owned(), Text::PathMissingOption),
    ];
    let form = move || {
        if let Some(done) = sent() {
            return view! { <Sent done lang/> }.into_any();
        }
        view! {
            <form class="form-panel" data-testid="order-form" novalidate on:submit=on_submit>
                <RadioField id="order-path" field="path" legend=Text::OrderPathLegend value=path problems options=path_options.clone()/>
                <p class="hint"><TermLink slug=glossary::TILAUSPOLKU lang/></p>
                <fieldset class="field">
                    <legend>{t(lang, Text::EmployeeLegend)}</legend>
                    <p class="hint"><TermLink slug=glossary::VALTUUTETTU lang/></p>
                    {who}
                    <TextField id="order-hetu" field="hetu" label=Text::EmployeeHetuLabel value=hetu problems autocomplete="off" hint=Text::EmployeeHetuHint/>
                    <ChoiceField id="order-department" field="department" label=Text::DepartmentLabel value=department problems options=departments.clone() placeholder=Text::ChooseOne/>
                    <ChoiceField id="order-job-title" field="job_title" label=Text::JobTitleLabel value=title problems options=titles.clone() placeholder=Text::ChooseOne/>
                </fieldset>
                <fieldset class="field choice-group" id="order-authorisations" tabindex="-1"
                    aria-describedby=move || problems.message("authorisations").map(|_| "order-authorisations-error")>
                    <legend>{t(lang, Text::AuthorisationsLegend)}</legend>
                    <p class="hint">
                        <TermLink slug=glossary::VALTUUSASIA lang/>" "
                        <TermLink slug=glossary::ASIOINTIVALTUUS lang/>
                    </p>
                    {choices}
                    {authorisations_error}
                </fieldset>
                <TextField id="order-justification" field="justification" label=Text::JustificationLabel value=justification problems multiline=true/>
                <TextField id="order-needed-until" field="needed_until" label=Text::NeededUntilLabel value=needed_until problems kind="date" optional=true hint=Text::NeededUntilHint/>
                <TextField id="order-email" field="email" label=Text::OrdererEmailLabel value=email problems kind="email" autocomplete="email" hint=Text::OrdererEmailHint/>
                <FormEnd error=server_error error_testid="order-error" text=Text::SendOrder pending testid="order-submit"/>
            </form>
        }
        .into_any()
    };
    view! { {form} }
}

/// The confirmation: the number, the expected handling time and the way to the order.
#[component]
fn Sent(done: OrderSent, lang: Lang) -> impl IntoView {
    let expected = expected_handling(lang, done.expected_min_days, done.expected_max_days);
    crate::dom::focus_after_render("#order-sent");
    view! {
        <div class="notice notice-success" role="status" id="order-sent" tabindex="-1" data-testid="order-sent">
            <p>{order_sent(lang, done.id.get(), &expected, done.due_on)}</p>
            <p><a href=links::desk_authorisation_order(done.id, lang) data-testid="order-sent-link">{t(lang, Text::ShowOrder)}</a></p>
        </div>
    }
}
