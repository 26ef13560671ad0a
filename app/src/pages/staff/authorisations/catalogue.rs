//! `/desk/authorisations/catalogue`: the administrator keeps the authorisation catalogue —
//! each authorisation's name, agency and service in Finnish, Swedish and English, its kind,
//! Suomi.fi issue code, why it is needed and whether the organisation holds it — and the
//! maps: which authorisations each department's and job title's work needs.

use super::{back_to_authorisations, kind_text, TermLink};
use crate::api::authorisations as api;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::states::{retryable, BackTo, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{
    AuthorisationCatalogue, AuthorisationEntry, MapBy, SetMap,
};
use seteli_domain::authorisation::{glossary, AuthorisationForm, AuthorisationKind, Texts};
use seteli_domain::i18n::{t, Text};
use seteli_domain::{ApiError, Lang};

/// The page.
#[component]
pub fn AuthorisationCataloguePage() -> impl IntoView {
    let lang = use_lang();
    let catalogue = retryable(move || api::catalogue(lang.get()));
    use_document_title(|lang| t(lang, Text::AuthorisationCatalogueTitle).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::AuthorisationCatalogueTitle)}</h1>
        <p class="lead">{tr(Text::AuthorisationCatalogueLead)}</p>
        <Remote data=catalogue forbidden=StaffOnly let:catalogue>
            <Keep initial=catalogue lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The three languages' inputs of one text.
#[component]
fn TextsInputs(
    id: &'static str,
    label: Text,
    value: RwSignal<Texts>,
    lang: Lang,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let input = move |code: &'static str,
                      get: fn(&Texts) -> String,
                      set: fn(&mut Texts, String)| {
        let dom_id = format!("{id}-{code}");
        let control = if multiline {
            view! { <textarea id=dom_id.clone() rows="2" data-testid=dom_id.clone()
                prop:value=move || value.with(get) on:input=move |ev| value.update(|v| set(v, event_target_value(&ev)))></textarea> }.into_any()
        } else {
            view! { <input id=dom_id.clone() data-testid=dom_id.clone() autocomplete="off"
                prop:value=move || value.with(get) on:input=move |ev| value.update(|v| set(v, event_target_value(&ev)))/> }.into_any()
        };
        view! {
            <div class="field">
                <label for=dom_id>{t(lang, label)}" ("{code}")"</label>
                {control}
            </div>
        }
    };
    view! {
        <fieldset class="field">
            <legend>{t(lang, label)}</legend>
            {input("fi", |v| v.fi.clone(), |v, s| v.fi = s)}
            {input("sv", |v| v.sv.clone(), |v, s| v.sv = s)}
            {input("en", |v| v.en.clone(), |v, s| v.en = s)}
        </fieldset>
    }
}

#[component]
fn Keep(initial: AuthorisationCatalogue, lang: Lang) -> impl IntoView {
    let catalogue = RwSignal::new(initial);
    let editing: RwSignal<Option<i64>> = RwSignal::new(None);
    let kind = RwSignal::new("act".to_owned());
    let name = RwSignal::new(Texts::default());
    let agency = RwSignal::new(Texts::default());
    let service = RwSignal::new(Texts::default());
    let issue_code = RwSignal::new(String::new());
    let why = RwSignal::new(Texts::default());
    let held = RwSignal::new(false);
    let fill = move |entry: Option<AuthorisationEntry>| {
        editing.set(entry.as_ref().map(|e| e.id));
        let entry = entry.unwrap_or_else(|| AuthorisationEntry {
            id: 0,
            kind: AuthorisationKind::Act,
            name: Texts::default(),
            agency: Texts::default(),
            service: Texts::default(),
            issue_code: None,
            why: Texts::default(),
            held: false,
            updated_at: String::new(),
            updated_by_name: String::new(),
        });
        kind.set(entry.kind.as_str().to_owned());
        name.set(entry.name);
        agency.set(entry.agency);
        service.set(entry.service);
        issue_code.set(entry.issue_code.unwrap_or_default());
        why.set(entry.why);
        held.set(entry.held);
        crate::dom::focus_after_render("#entry-heading");
    };
    let save = Action::new_local(move |(id, form): &(Option<i64>, AuthorisationForm)| {
        let (id, form) = (*id, form.clone());
        async move {
            api::save_entry(id, &form, lang).await?;
            let fresh = api::catalogue(lang).await?;
            catalogue.try_set(fresh);
            Ok::<(), ApiError>(())
        }
    });
    let pending = save.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            editing.set(None);
        }
    });
    let on_save = move || {
        let kind = AuthorisationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind.get_untracked())
            .unwrap_or(AuthorisationKind::Act);
        save.dispatch_local((
            editing.get_untracked(),
            AuthorisationForm {
                kind,
                name: name.get_untracked(),
                agency: agency.get_untracked(),
                service: service.get_untracked(),
                issue_code: issue_code.get_untracked(),
                why: why.get_untracked(),
                held: held.get_untracked(),
            },
        ));
    };
    let outcome = move || {
        match save.value().get() {
        Some(Ok(())) if !pending.get() => Some(view! { <p class="notice notice-success" role="status" data-testid="entry-saved">{t(lang, Text::EntrySaved)}</p> }.into_any()),
        Some(Err(error)) if !pending.get() => Some(view! { <SubmitError error testid="entry-error"/> }.into_any()),
        _ => None,
    }
    };
    let rows = move || {
        catalogue
            .get()
            .authorisations
            .into_iter()
            .map(|entry| {
                let for_edit = entry.clone();
                view! {
                    <tr data-testid="catalogue-entry" data-id=entry.id.to_string()>
                        <th scope="row">{entry.name.get(lang).to_owned()}</th>
                        <td>{entry.agency.get(lang).to_owned()}</td>
                        <td>{t(lang, kind_text(entry.kind))}</td>
                        <td>{t(lang, if entry.held { Text::HeldByOrganisation } else { Text::NotHeldByOrganisation })}</td>
                        <td><button type="button" class="button button-secondary" data-testid="catalogue-edit"
                            on:click=move |_| fill(Some(for_edit.clone()))>{t(lang, Text::EditButton)}</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let kinds = AuthorisationKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=move || kind.get() == k.as_str()>{t(lang, kind_text(k))}</option> })
        .collect_view();
    view! {
        <div aria-live="polite">{outcome}</div>
        <div class="table-wrap" role="region" aria-labelledby="catalogue-caption" tabindex="0">
            <table data-testid="catalogue-table">
                <caption id="catalogue-caption">{t(lang, Text::AuthorisationCatalogueTitle)}</caption>
                <thead><tr>
                    <th scope="col">{t(lang, Text::AuthorisationColumn)}</th>
                    <th scope="col">{t(lang, Text::AgencyColumn)}</th>
                    <th scope="col">{t(lang, Text::KindColumn)}</th>
                    <th scope="col">{t(lang, Text::HeldColumn)}</th>
                    <th scope="col">{t(lang, Text::EditButton)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p><button type="button" class="button" data-testid="catalogue-add" on:click=move |_| fill(None)>{t(lang, Text::AddAuthorisation)}</button></p>
        <section class="page-section form-panel" aria-labelledby="entry-heading" data-testid="entry-form">
            <h2 id="entry-heading" tabindex="-1">{move || t(lang, if editing.get().is_some() { Text::EditAuthorisation } else { Text::AddAuthorisation })}</h2>
            <div class="field">
                <label for="entry-kind">{t(lang, Text::KindColumn)}</label>
                <select id="entry-kind" data-testid="entry-kind" on:change=move |ev| kind.set(event_target_value(&ev))>{kinds}</select>
                <p class="hint">
                    <TermLink slug=glossary::ASIOINTIVALTUUS lang/>" "
                    <TermLink slug=glossary::EDUSTAMISVALTUUS lang/>" "
                    <TermLink slug=glossary::VALTUUTUSOIKEUS lang/>
                </p>
            </div>
            <TextsInputs id="entry-name" label=Text::AuthorisationColumn value=name lang/>
            <TextsInputs id="entry-agency" label=Text::AgencyColumn value=agency lang/>
            <TextsInputs id="entry-service" label=Text::ServiceColumn value=service lang/>
            <div class="field">
                <label for="entry-issue-code">{t(lang, Text::IssueCodeLabel)}" "<span class="optional">{t(lang, Text::OptionalField)}</span></label>
                <p class="hint"><TermLink slug=glossary::VALTUUSASIA lang/></p>
                <input id="entry-issue-code" data-testid="entry-issue-code" autocomplete="off"
                    prop:value=move || issue_code.get() on:input=move |ev| issue_code.set(event_target_value(&ev))/>
            </div>
            <TextsInputs id="entry-why" label=Text::WhyColumn value=why lang multiline=true/>
            <div class="field choice">
                <input type="checkbox" id="entry-held" data-testid="entry-held"
                    prop:checked=move || held.get() on:change=move |ev| held.set(event_target_checked(&ev))/>
                <label for="entry-held">{t(lang, Text::HeldByOrganisation)}</label>
            </div>
            <BusyButton class="button" testid="entry-save" busy=pending on_click=on_save>{t(lang, Text::SaveButton)}</BusyButton>
        </section>
        <MapEditor catalogue lang/>
    }
}

/// The maps: choose a department or a job title, tick what its work needs, save.
#[component]
fn MapEditor(catalogue: RwSignal<AuthorisationCatalogue>, lang: Lang) -> impl IntoView {
    let place = RwSignal::new(String::new());
    let ticked: RwSignal<Vec<i64>> = RwSignal::new(Vec::new());
    let which = move || -> Option<(MapBy, String)> {
        let value = place.get();
        let (by, code) = value.split_once(':')?;
        let by = if by == "department" {
            MapBy::Department
        } else {
            MapBy::JobTitle
        };
        Some((by, code.to_owned()))
    };
    // The chosen place's current map.
    let load = Action::new_local(move |(by, code): &(MapBy, String)| {
        let (by, code) = (*by, code.clone());
        async move {
            let map = api::map(by, &code, lang).await?;
            ticked.try_set(map.authorisations.iter().map(|a| a.id).collect());
            Ok::<(), ApiError>(())
        }
    });
    let loading = load.pending();
    let save = Action::new_local(move |body: &SetMap| {
        let body = body.clone();
        async move { api::set_map(&body, lang).await.map(|_| ()) }
    });
    let saving = save.pending();
    let pending = Signal::derive(move || saving.get() || loading.get());
    let outcome = move || {
        match save.value().get() {
        Some(Ok(())) if !pending.get() => Some(view! { <p class="notice notice-success" role="status" data-testid="map-saved">{t(lang, Text::MapSaved)}</p> }.into_any()),
        Some(Err(error)) if !pending.get() => Some(view! { <SubmitError error testid="map-error"/> }.into_any()),
        _ => None,
    }
    };
    let options = move || {
        let c = catalogue.get();
        let departments = c.departments.into_iter().map(|p| {
            view! { <option value=format!("department:{}", p.code)>{p.name.get(lang).to_owned()}</option> }
        }).collect_view();
        let titles = c.job_titles.into_iter().map(|p| {
            view! { <option value=format!("job_title:{}", p.code)>{p.name.get(lang).to_owned()}</option> }
        }).collect_view();
        view! {
            <optgroup label=t(lang, Text::DepartmentLabel)>{departments}</optgroup>
            <optgroup label=t(lang, Text::JobTitleLabel)>{titles}</optgroup>
        }
    };
    let boxes = move || {
        which().map(|_| {
            catalogue.get().authorisations.into_iter().map(|a| {
                let id = a.id;
                let box_id = format!("map-entry-{id}");
                view! {
                    <div class="choice">
                        <input type="checkbox" id=box_id.clone() data-testid=box_id.clone()
                            prop:checked=move || ticked.with(|t| t.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ticked.update(|t| { t.retain(|x| *x != id); if on { t.push(id); } });
                            }/>
                        <label for=box_id>{a.name.get(lang).to_owned()}<span class="hint">" · "{a.agency.get(lang).to_owned()}</span></label>
                    </div>
                }
            }).collect_view()
        })
    };
    let on_save = move || {
        if pending.get_untracked() {
            return;
        }
        if let Some((by, code)) = which() {
            save.dispatch_local(SetMap {
                by,
                code,
                authorisations: ticked.get_untracked(),
            });
        }
    };
    view! {
        <section class="page-section form-panel" aria-labelledby="map-editor-heading" data-testid="map-editor">
            <h2 id="map-editor-heading">{t(lang, Text::MapEditorHeading)}" "<TermLink slug=glossary::VALTUUSKARTTA lang/></h2>
            <div class="field">
                <label for="map-editor-place">{t(lang, Text::MapPlaceLabel)}</label>
                <select id="map-editor-place" data-testid="map-editor-place" on:change=move |ev| {
                    // Nothing of the place before is kept (nor saved onto this one).
                    ticked.set(Vec::new());
                    place.set(event_target_value(&ev));
                    if let Some(which) = which() { load.dispatch_local(which); }
                }>
                    <option value="">"—"</option>
                    {options}
                </select>
            </div>
            <fieldset class="field choice-group">
                <legend>{t(lang, Text::AuthorisationsLegend)}</legend>
                {boxes}
            </fieldset>
            <div aria-live="polite">{outcome}</div>
            <BusyButton class="button" testid="map-save" busy=pending on_click=on_save>{t(lang, Text::SaveButton)}</BusyButton>
        </section>
    }
}
