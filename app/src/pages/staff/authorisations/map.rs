//! `/desk/authorisations/map?department=CODE` (or `?job_title=CODE`): the authorisation map
//! (valtuuskartta) of a department or a job title — which authorisations the work needs,
//! where each is used, of which kind, why, and whether the organisation holds it — with a
//! way to order each on its path. Every employee reads every map; printable.

use super::{back_to_authorisations, kind_text, TermLink};
use crate::api::authorisations as api;
use crate::components::states::{retryable, BackTo, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use crate::pages::staff::StaffOnly;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use seteli_domain::api::authorisations::{AuthorisationCatalogue, AuthorisationMap, MapBy, Place};
use seteli_domain::authorisation::glossary;
use seteli_domain::i18n::{t, Text};
use seteli_domain::Lang;

/// The page.
#[component]
pub fn AuthorisationMapPage() -> impl IntoView {
    let lang = use_lang();
    let catalogue = retryable(move || api::catalogue(lang.get()));
    use_document_title(|lang| t(lang, Text::AuthorisationMapTitle).to_owned());
    view! {
        <BackTo link=back_to_authorisations() testid="back-to-authorisations"/>
        <h1 tabindex="-1">{tr(Text::AuthorisationMapTitle)}</h1>
        <p class="lead">{tr(Text::AuthorisationMapLead)}" "<TermLink slug=glossary::VALTUUSKARTTA lang=lang.get_untracked()/></p>
        <Remote data=catalogue forbidden=StaffOnly let:catalogue>
            <MapOf catalogue lang=lang.get_untracked()/>
        </Remote>
    }
}

/// The place the address names, else the member's own department, else the first.
fn chosen(
    catalogue: &AuthorisationCatalogue,
    department: Option<String>,
    title: Option<String>,
) -> Option<(MapBy, String)> {
    match (
        department.filter(|c| !c.is_empty()),
        title.filter(|c| !c.is_empty()),
    ) {
        (Some(code), _) => Some((MapBy::Department, code)),
        (None, Some(code)) => Some((MapBy::JobTitle, code)),
        (None, None) => catalogue
            .my_department
            .clone()
            .or_else(|| catalogue.departments.first().map(|d| d.code.clone()))
            .map(|code| (MapBy::Department, code)),
    }
}

/// The choice of place and its map.
#[component]
fn MapOf(catalogue: AuthorisationCatalogue, lang: Lang) -> impl IntoView {
    let query = use_query_map();
    let param = move |key: &str| query.with(|q| q.get_str(key).map(str::to_owned));
    let catalogue = StoredValue::new(catalogue);
    let place = Memo::new(move |_| {
        catalogue.with_value(|c| chosen(c, param("department"), param("job_title")))
    });
    let map = retryable(move || {
        let place = place.get();
        async move {
            match place {
                Some((by, code)) => api::map(by, &code, lang).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let navigate = use_navigate();
    let go = move |by: &'static str, code: String| {
        if !code.is_empty() {
            navigate(
                &links::desk_authorisation_map(by, &code, lang),
                Default::default(),
            );
        }
    };
    let options = move |places: Vec<Place>| {
        places
            .into_iter()
            .map(|p| view! { <option value=p.code.clone()>{p.name.get(lang).to_owned()}</option> })
            .collect_view()
    };
    let (departments, titles) =
        catalogue.with_value(|c| (c.departments.clone(), c.job_titles.clone()));
    // Each select shows the place the address names (back and forward included).
    let selected = move |by: MapBy| {
        place
            .get()
            .filter(|(b, _)| *b == by)
            .map(|(_, code)| code)
            .unwrap_or_default()
    };
    let go_department = go.clone();
    view! {
        <div class="map-choice no-print">
            <div class="field">
                <label for="map-department">{t(lang, Text::DepartmentLabel)}</label>
                <select id="map-department" data-testid="map-department"
                    prop:value=move || selected(MapBy::Department)
                    on:change=move |ev| go_department("department", event_target_value(&ev))>
                    <option value="">"—"</option>
                    {options(departments)}
                </select>
            </div>
            <div class="field">
                <label for="map-title">{t(lang, Text::JobTitleLabel)}</label>
                <select id="map-title" data-testid="map-title"
                    prop:value=move || selected(MapBy::JobTitle)
                    on:change=move |ev| go("job_title", event_target_value(&ev))>
                    <option value="">"—"</option>
                    {options(titles)}
                </select>
            </div>
            <button type="button" class="button button-secondary" data-testid="map-print" on:click=|_| crate::dom::print()>
                {t(lang, Text::PrintMap)}
            </button>
        </div>
        <Remote data=map forbidden=StaffOnly let:map>
            {map.map(|map| view! { <MapTable map lang/> })}
        </Remote>
    }
}

/// One map: a row per authorisation.
#[component]
fn MapTable(map: AuthorisationMap, lang: Lang) -> impl IntoView {
    let heading = match map.by {
        MapBy::Department => Text::DepartmentMapHeading,
        MapBy::JobTitle => Text::JobTitleMapHeading,
    };
    let title = format!("{} {}", t(lang, heading), map.place.name.get(lang));
    if map.authorisations.is_empty() {
        return view! {
            <h2 data-testid="map-heading">{title}</h2>
            <EmptyNotice testid="map-empty" text=Text::MapEmpty/>
        }
        .into_any();
    }
    let rows = map
        .authorisations
        .into_iter()
        .map(|a| {
            let (held, path) = if a.held {
                (Text::HeldByOrganisation, "held")
            } else {
                (Text::NotHeldByOrganisation, "missing")
            };
            let code = a.issue_code.clone().map(|c| view! { <br/><span class="hint">{t(lang, Text::IssueCodeLabel)}": "{c}</span> });
            view! {
                <tr data-testid="map-row" data-id=a.id.to_string() data-held=a.held.to_string()>
                    <th scope="row">{a.name.get(lang).to_owned()}{code}</th>
                    <td>{a.agency.get(lang).to_owned()}<br/><span class="hint">{a.service.get(lang).to_owned()}</span></td>
                    <td>
                        <a href=links::desk_glossary_term(a.kind.glossary_slug(), lang)>{t(lang, kind_text(a.kind))}</a>
                    </td>
                    <td><span class=if a.held { "badge badge-approved" } else { "badge badge-waiting" } data-testid="map-held">{t(lang, held)}</span></td>
                    <td>{a.why.get(lang).to_owned()}</td>
                    <td class="no-print">
                        <a class="button button-secondary" data-testid="map-order"
                            href=links::desk_authorisation_order_of(a.id, path, lang)>{t(lang, Text::OrderThis)}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="map-heading" data-testid="map-heading">{title}</h2>
        <div class="table-wrap" role="region" aria-labelledby="map-heading" tabindex="0">
            <table data-testid="map-table">
                <thead><tr>
                    <th scope="col">{t(lang, Text::AuthorisationColumn)}</th>
                    <th scope="col">{t(lang, Text::AgencyColumn)}</th>
                    <th scope="col">{t(lang, Text::KindColumn)}</th>
                    <th scope="col">{t(lang, Text::HeldColumn)}</th>
                    <th scope="col">{t(lang, Text::WhyColumn)}</th>
                    <th scope="col" class="no-print">{t(lang, Text::OrderThis)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
