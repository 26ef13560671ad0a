//! `/producer/applications/:id`: one application — where it stands (state, handler,
//! deadline, what is missing), and while the company may still write to it (a draft, or
//! more information asked) the form: the price list, descriptions in Finnish and Swedish,
//! languages, areas, contact details and the municipality's checklist with its files.
//! Saved as a draft at any point and finished later; sent when complete; answered when the
//! handler asks for more.

use super::NotActingForCompany;
use crate::api::applications::{self as api, ApplicantStep};
use crate::components::case::{AttachmentLink, CaseHistory, CaseStatusFacts};
use crate::components::confirm::ConfirmButton;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::use_id_in_path;
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use seteli_domain::api::applications::{
    ApplicationForm, ApplicationView, RequirementAnswer, ServicePrice,
};
use seteli_domain::application::Answer;
use seteli_domain::case::{Awaited, StateName};
use seteli_domain::catalogue::Unit;
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::CaseId;
use seteli_domain::{ApiError, Cents, ErrorCode, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::producer_applications,
        text: Text::ApplicationsTitle,
    }
}

/// The page.
#[component]
pub fn ProducerApplicationPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(CaseId::parse);
    let loaded = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::application(id, lang).await,
                None => Err(ApiError::new(ErrorCode::ApplicationNotFound, lang)),
            }
        }
    });
    use_document_title(|lang| t(lang, Text::ApplicationTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-applications"/>
        <h1 tabindex="-1" data-testid="application-title">{tr(Text::ApplicationTitle)}</h1>
        <Remote data=loaded back=back() forbidden=NotActingForCompany let:initial>
            <ApplicationWork initial lang=lang.get_untracked()/>
        </Remote>
    }
}

/// What the applicant did last, for the notice that says it was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Saved,
    Sent,
}

/// What a button asks for.
#[derive(Debug, Clone)]
enum Work {
    Save,
    Step(ApplicantStep),
    Upload(Option<String>, web_sys::File),
    Remove(seteli_domain::ids::AttachmentId),
}

#[component]
fn ApplicationWork(initial: ApplicationView, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let navigate = use_navigate();
    let id = initial.id;
    let current = RwSignal::new(initial.clone());
    let form = RwSignal::new(initial.form.clone());
    let prices = RwSignal::new(price_texts(&initial.form, lang));
    let comment = RwSignal::new(String::new());
    let work = Action::new_local(move |work: &Work| {
        let work = work.clone();
        let lang = ui_lang.get_untracked();
        async move {
            let result = async {
                let writable = current.with_untracked(writable);
                // Every step that sends saves what was typed first, so nothing typed is lost.
                if writable && !matches!(work, Work::Step(ApplicantStep::Cancel)) {
                    let typed = with_prices(form.get_untracked(), &prices.get_untracked())
                        .map_err(|_| {
                            ApiError::field(ErrorCode::InvalidApplication, "services", lang)
                        })?;
                    api::save(id, &typed, lang).await?;
                }
                let done = match &work {
                    Work::Save => Some(Done::Saved),
                    Work::Step(step) => {
                        api::applicant_step(id, *step, &comment.get_untracked(), lang).await?;
                        Some(Done::Sent)
                    }
                    Work::Upload(requirement, file) => {
                        api::upload(id, requirement.as_deref(), file, lang).await?;
                        None
                    }
                    Work::Remove(file) => {
                        api::remove_attachment(*file, lang).await?;
                        None
                    }
                };
                let fresh = api::application(id, lang).await?;
                prices.try_set(price_texts(&fresh.form, lang));
                form.try_set(fresh.form.clone());
                current.try_set(fresh);
                comment.try_set(String::new());
                if done.is_some() {
                    crate::dom::focus_after_render("#application-done");
                }
                Ok::<Option<Done>, ApiError>(done)
            }
            .await;
            // A refusal about one field takes the person to it.
            if let Some(field) = result.as_ref().err().and_then(|e| e.field.as_deref()) {
                crate::dom::focus_after_render(field_selector(field));
            }
            result
        }
    });
    let delete = Action::new_local(move |_: &()| {
        let lang = ui_lang.get_untracked();
        let navigate = navigate.clone();
        async move {
            api::delete_draft(id, lang).await?;
            navigate(&links::producer_applications(lang), Default::default());
            Ok::<(), ApiError>(())
        }
    });
    let pending = Signal::derive(move || work.pending().get() || delete.pending().get());
    let run = move |w: Work| {
        if !pending.get_untracked() {
            work.dispatch_local(w);
        }
    };
    let done = move || match work.value().get() {
        Some(Ok(Some(done))) if !work.pending().get() => Some(done),
        _ => None,
    };
    let error = move || {
        let failed = match (work.value().get(), delete.value().get()) {
            (Some(Err(e)), _) | (_, Some(Err(e))) => Some(e),
            _ => None,
        };
        failed
            .filter(|_| !pending.get())
            .map(|error| view! { <SubmitError error testid="application-error"/> })
    };
    let state = move || current.with(|c| c.status.state);
    let waiting = move || {
        current.with(|c| {
            c.status.state == StateName::Waiting && c.status.waiting_on == Some(Awaited::Applicant)
        })
    };
    view! {
        <p class="lead" data-testid="application-heading">
            {move || current.with(|c| format!("{} · {}", c.company_name, c.municipality_name))}
        </p>
        {move || view! { <CaseStatusFacts status=current.with(|c| c.status.clone()) lang/> }}
        {move || (state() == StateName::Rejected).then(|| view! { <Rejection view=current.get() lang/> })}
        <div aria-live="polite">
            {move || done().map(|d| {
                let text = if d == Done::Saved { Text::ApplicationSaved } else { Text::CaseStepDone };
                view! { <p id="application-done" class="notice notice-success" role="status" tabindex="-1" data-testid="application-done">{t(lang, text)}</p> }
            })}
        </div>
        {error}
        <Show when=move || current.with(writable) fallback=move || view! { <ReadOnlyForm view=current.get() lang/> }>
            <FormSections current form prices run pending lang/>
            <Show when=waiting>
                <div class="field">
                    <label for="application-comment">{t(lang, Text::AnswerRequestLabel)}</label>
                    <textarea id="application-comment" data-testid="application-comment" maxlength="2000"
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </div>
            </Show>
        </Show>
        <div class="button-row">
            {move || current.with(writable).then(|| view! {
                <BusyButton class="button button-secondary" testid="application-save" busy=pending on_click=move || run(Work::Save)>
                    {t(lang, Text::SaveApplication)}
                </BusyButton>
            })}
            {move || (state() == StateName::Draft).then(|| view! {
                <BusyButton class="button" testid="application-submit" busy=pending on_click=move || run(Work::Step(ApplicantStep::Submit))>
                    {t(lang, Text::SubmitApplication)}
                </BusyButton>
            })}
            {move || waiting().then(|| view! {
                <BusyButton class="button" testid="application-answer" busy=pending on_click=move || run(Work::Step(ApplicantStep::Answer))>
                    {t(lang, Text::AnswerRequest)}
                </BusyButton>
            })}
            {move || matches!(state(), StateName::Draft | StateName::Submitted).then(|| view! {
                <ConfirmButton class="button button-secondary" testid="application-cancel" busy=pending on_confirm=move || run(Work::Step(ApplicantStep::Cancel))>
                    {t(lang, Text::CancelApplication)}
                </ConfirmButton>
            })}
            {move || (state() == StateName::Draft).then(|| view! {
                <ConfirmButton class="button button-secondary" testid="application-delete" busy=pending on_confirm=move || { if !pending.get_untracked() { delete.dispatch_local(()); } }>
                    {t(lang, Text::DeleteDraft)}
                </ConfirmButton>
            })}
        </div>
        {move || view! { <CaseHistory history=current.with(|c| c.history.clone()) lang/> }}
    }
}

/// Where the form's field named by a refusal (`ApiError::field`, the request body's name) is.
fn field_selector(field: &str) -> String {
    match field {
        "services" => "#price-euros-0".to_owned(),
        "answers" => "#requirements-title".to_owned(),
        "languages" => "#application-language-fi".to_owned(),
        other => format!("#{other}"),
    }
}

/// Whether the applicant may write to the case now.
fn writable(view: &ApplicationView) -> bool {
    view.status.state == StateName::Draft
        || (view.status.state == StateName::Waiting
            && view.status.waiting_on == Some(Awaited::Applicant))
}

/// A price as the field shows it: `39,00` (Finnish and Swedish) or `39.00`.
fn euros_input(cents: Cents, lang: Lang) -> String {
    let separator = if lang == Lang::En { '.' } else { ',' };
    format!("{}{separator}{:02}", cents.get() / 100, cents.get() % 100)
}

fn price_texts(form: &ApplicationForm, lang: Lang) -> Vec<String> {
    form.services
        .iter()
        .map(|s| {
            s.price_cents
                .map(|c| euros_input(c, lang))
                .unwrap_or_default()
        })
        .collect()
}

/// The form with the prices as typed; `Err` when one is not an amount of euros.
fn with_prices(mut form: ApplicationForm, prices: &[String]) -> Result<ApplicationForm, ()> {
    for (service, typed) in form.services.iter_mut().zip(prices) {
        service.price_cents = if typed.trim().is_empty() {
            None
        } else {
            Some(Cents::parse_euros(typed).map_err(|_| ())?)
        };
    }
    Ok(form)
}

/// The rejection's reasons and where an appeal goes.
#[component]
fn Rejection(view: ApplicationView, lang: Lang) -> impl IntoView {
    let reasons = view
        .history
        .iter()
        .rev()
        .find(|e| e.to == StateName::Rejected)
        .map(|e| e.comment.clone())
        .unwrap_or_default();
    view! {
        <section class="notice" data-testid="application-rejection">
            <p class="notice-title">{t(lang, Text::RejectionReasonsLabel)}</p>
            <p>{reasons}</p>
            <p>{t(lang, Text::ApplicationAppealText)}" "{view.appeal_address.clone()}</p>
        </section>
    }
}

/// What was sent, as it was sent (not the applicant's to change now).
#[component]
fn ReadOnlyForm(view: ApplicationView, lang: Lang) -> impl IntoView {
    let prices = view
        .form
        .services
        .iter()
        .map(|s| {
            let name = service_name(&view, s);
            let price = match (s.price_cents, s.unit, s.valid_from) {
                (Some(c), Some(u), Some(from)) => i18n::price_from(lang, c, u, from),
                _ => String::new(),
            };
            view! { <li data-testid="application-price-sent">{name}": "{price}</li> }
        })
        .collect_view();
    let files = view
        .attachments
        .iter()
        .map(|f| view! { <li><AttachmentLink file=f.clone() href=api::own_attachment_url(f.id)/></li> })
        .collect_view();
    view! {
        <section class="card">
            <h2 class="card-title">{t(lang, Text::PriceListTitle)}</h2>
            <ul class="plain-list">{prices}</ul>
            <h2 class="card-title">{t(lang, Text::AttachmentsTitle)}</h2>
            <ul class="plain-list" data-testid="application-files">{files}</ul>
        </section>
    }
}

fn service_name(view: &ApplicationView, price: &ServicePrice) -> String {
    view.services
        .iter()
        .find(|s| s.code == price.service_code)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| price.service_code.to_string())
}

/// The editable sections: prices, descriptions, languages, areas, contacts, checklist.
#[component]
fn FormSections<R>(
    current: RwSignal<ApplicationView>,
    form: RwSignal<ApplicationForm>,
    prices: RwSignal<Vec<String>>,
    run: R,
    pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(Work) + Copy + Send + Sync + 'static,
{
    // The rows are made again only when the services themselves change (a draft's reload),
    // not on each keystroke or choice in them, so that focus stays where the person is.
    let codes = Memo::new(move |_| form.with(ApplicationForm::service_codes));
    let services = move || {
        codes.track();
        let view = current.get();
        form.get_untracked()
            .services
            .iter()
            .enumerate()
            .map(|(index, s)| {
                let name = service_name(&view, s);
                let unit_default = view
                    .services
                    .iter()
                    .find(|n| n.code == s.service_code)
                    .map(|n| n.unit)
                    .unwrap_or(Unit::Hour);
                let unit_id = format!("price-unit-{index}");
                let euros_id = format!("price-euros-{index}");
                let from_id = format!("price-from-{index}");
                let unit_now = s.unit.unwrap_or(unit_default);
                if s.unit.is_none() {
                    form.update_untracked(|f| f.services[index].unit = Some(unit_default));
                }
                let from_now = s.valid_from.map(iso_date).unwrap_or_default();
                let units = [Unit::Hour, Unit::Visit, Unit::Day]
                    .into_iter()
                    .map(|u| view! { <option value=u.as_str() selected=u == unit_now>{i18n::unit_name(lang, u)}</option> })
                    .collect_view();
                view! {
                    <fieldset class="price-row" data-testid="application-service" data-service=s.service_code.to_string()>
                        <legend>{name}</legend>
                        <div class="field">
                            <label for=unit_id.clone()>{t(lang, Text::PriceUnitLabel)}</label>
                            <select id=unit_id data-testid="application-unit"
                                on:change=move |ev| {
                                    let unit = Unit::parse(&event_target_value(&ev));
                                    form.update(|f| f.services[index].unit = unit);
                                }>
                                {units}
                            </select>
                        </div>
                        <div class="field">
                            <label for=euros_id.clone()>{t(lang, Text::PriceEurosLabel)}</label>
                            <input id=euros_id type="text" inputmode="decimal" autocomplete="off" data-testid="application-price"
                                prop:value=move || prices.with(|p| p.get(index).cloned().unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); prices.update(|p| if let Some(slot) = p.get_mut(index) { *slot = v; }); }/>
                        </div>
                        <div class="field">
                            <label for=from_id.clone()>{t(lang, Text::PriceValidFromLabel)}</label>
                            <input id=from_id type="date" data-testid="application-valid-from" value=from_now
                                on:change=move |ev| { let d = parse_iso_date(&event_target_value(&ev)); form.update(|f| f.services[index].valid_from = d); }/>
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let text_field = move |id: &'static str,
                           label: Text,
                           get: fn(&ApplicationForm) -> &String,
                           set: fn(&mut ApplicationForm, String),
                           long: bool| {
        let value = move || form.with(|f| get(f).clone());
        let input = if long {
            view! { <textarea id=id data-testid=id maxlength="4000" prop:value=value on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))></textarea> }.into_any()
        } else {
            view! { <input id=id type="text" data-testid=id maxlength="1000" prop:value=value on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{t(lang, label)}</label>
                {input}
            </div>
        }
    };
    let languages = ["fi", "sv", "en", "se", "ru", "et", "ar", "so"]
        .into_iter()
        .map(|code| {
            let id = format!("application-language-{code}");
            let name = i18n::language_name(lang, code).unwrap_or(code);
            view! {
                <div class="check-field">
                    <input type="checkbox" id=id.clone() data-testid="application-language" value=code
                        prop:checked=move || form.with(|f| f.languages.iter().any(|l| l == code))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|f| {
                                f.languages.retain(|l| l != code);
                                if on { f.languages.push(code.to_owned()); }
                            });
                        }/>
                    <label for=id>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="price-list-title">
            <h2 id="price-list-title" class="card-title">{t(lang, Text::PriceListTitle)}</h2>
            {services}
        </section>
        <section class="card">
            {text_field("description_fi", Text::DescriptionFiLabel, |f| &f.description_fi, |f, v| f.description_fi = v, true)}
            {text_field("description_sv", Text::DescriptionSvLabel, |f| &f.description_sv, |f, v| f.description_sv = v, true)}
            <fieldset>
                <legend>{t(lang, Text::LanguagesServedLabel)}</legend>
                {languages}
            </fieldset>
            {text_field("areas", Text::AreasLabel, |f| &f.areas, |f, v| f.areas = v, false)}
        </section>
        <section class="card" aria-labelledby="contact-title">
            <h2 id="contact-title" class="card-title">{t(lang, Text::ContactDetailsTitle)}</h2>
            {text_field("street_address", Text::StreetAddressLabel, |f| &f.street_address, |f, v| f.street_address = v, false)}
            {text_field("postal_code", Text::PostalCodeLabel, |f| &f.postal_code, |f, v| f.postal_code = v, false)}
            {text_field("post_office", Text::PostOfficeLabel, |f| &f.post_office, |f, v| f.post_office = v, false)}
            {text_field("phone", Text::Phone, |f| &f.phone, |f, v| f.phone = v, false)}
            {text_field("email", Text::Email, |f| &f.email, |f, v| f.email = v, false)}
            {text_field("website", Text::Website, |f| &f.website, |f, v| f.website = v, false)}
        </section>
        <Checklist current form run pending lang/>
    }
}

/// The municipality's requirements, each answered, with its files and an upload.
#[component]
fn Checklist<R>(
    current: RwSignal<ApplicationView>,
    form: RwSignal<ApplicationForm>,
    run: R,
    pending: Signal<bool>,
    lang: Lang,
) -> impl IntoView
where
    R: Fn(Work) + Copy + Send + Sync + 'static,
{
    let items = move || {
        let view = current.get();
        view.requirements
            .iter()
            .map(|r| {
                let code = r.code.clone();
                let answer_of = {
                    let code = code.clone();
                    move || form.with(|f| f.answers.iter().find(|a| a.code == code).map(|a| a.answer))
                };
                let note_of = {
                    let code = code.clone();
                    move || form.with(|f| f.answers.iter().find(|a| a.code == code).map(|a| a.note.clone()).unwrap_or_default())
                };
                let set = {
                    let code = code.clone();
                    move |answer: Option<Answer>, note: Option<String>| {
                        form.update(|f| {
                            let existing = f.answers.iter().position(|a| a.code == code);
                            let mut entry = existing
                                .map(|i| f.answers.remove(i))
                                .unwrap_or(RequirementAnswer { code: code.clone(), answer: Answer::Met, note: String::new() });
                            if let Some(a) = answer { entry.answer = a; }
                            if let Some(n) = note { entry.note = n; }
                            if answer.is_some() || existing.is_some() { f.answers.push(entry); }
                        });
                    }
                };
                let files = view
                    .attachments
                    .iter()
                    .filter(|f| f.requirement_code.as_deref() == Some(code.as_str()))
                    .map(|f| {
                        let file = f.id;
                        view! {
                            <li>
                                <AttachmentLink file=f.clone() href=api::own_attachment_url(f.id)/>
                                " "
                                <BusyButton class="button-link" testid="attachment-remove" busy=pending on_click=move || run(Work::Remove(file))>
                                    {t(lang, Text::RemoveAttachment)}
                                </BusyButton>
                            </li>
                        }
                    })
                    .collect_view();
                let name = format!("answer-{code}");
                let (met_id, not_id, note_id, file_id) = (format!("{name}-met"), format!("{name}-not-yet"), format!("{name}-note"), format!("{name}-file"));
                let (set_met, set_not, set_note) = (set.clone(), set.clone(), set);
                let (is_met, is_not) = (answer_of.clone(), answer_of);
                let upload_code = code.clone();
                view! {
                    <fieldset class="requirement" data-testid="requirement" data-code=code.clone()>
                        <legend>{r.label.clone()}{r.needs_attachment.then(|| view! { <span class="hint">" ("{t(lang, Text::NeedsAttachment)}")"</span> })}</legend>
                        <div class="check-field">
                            <input type="radio" id=met_id.clone() name=name.clone() data-testid="answer-met"
                                prop:checked=move || is_met() == Some(Answer::Met) on:change=move |_| set_met(Some(Answer::Met), None)/>
                            <label for=met_id>{t(lang, Text::AnswerMet)}</label>
                        </div>
                        <div class="check-field">
                            <input type="radio" id=not_id.clone() name=name data-testid="answer-not-yet"
                                prop:checked=move || is_not() == Some(Answer::NotYet) on:change=move |_| set_not(Some(Answer::NotYet), None)/>
                            <label for=not_id>{t(lang, Text::AnswerNotYet)}</label>
                        </div>
                        <div class="field">
                            <label for=note_id.clone()>{t(lang, Text::AnswerNoteLabel)}</label>
                            <input type="text" id=note_id data-testid="answer-note" maxlength="1000"
                                prop:value=note_of on:input=move |ev| set_note(None, Some(event_target_value(&ev)))/>
                        </div>
                        <ul class="plain-list" data-testid="requirement-files">{files}</ul>
                        <div class="field">
                            <label for=file_id.clone()>{t(lang, Text::AttachFileLabel)}</label>
                            <input type="file" id=file_id data-testid="requirement-file" accept="application/pdf,image/png,image/jpeg"
                                on:change=move |ev| {
                                    use web_sys::wasm_bindgen::JsCast;
                                    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                                    if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|list| list.get(0)) {
                                        run(Work::Upload(Some(upload_code.clone()), file));
                                    }
                                    if let Some(input) = input { input.set_value(""); }
                                }/>
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="requirements-title">
            <h2 id="requirements-title" class="card-title" tabindex="-1">{t(lang, Text::RequirementsTitle)}</h2>
            {items}
            <p class="hint" aria-live="polite">{move || pending.get().then(|| t(lang, Text::Uploading))}</p>
        </section>
    }
}
