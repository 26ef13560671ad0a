//! `/desk/authorisations..`: the municipality's own e-authorisations (the Porvoo model).
//! Every employee reads the maps and the glossary, orders for themself (a supervisor for
//! their department) and follows their orders; the authorisation administrator runs the
//! queue, keeps the catalogue, the maps and the holdings register, and reads the report.

pub mod catalogue;
pub mod glossary;
pub mod holdings;
mod holdings_import;
pub mod home;
pub mod map;
pub mod order;
pub mod order_form;
pub mod queue;
pub mod report;

use crate::components::case::state_text;
use crate::components::states::BackLink;
use crate::links;
use leptos::prelude::*;
use seteli_domain::api::authorisations::{AuthorisationRef, Place};
use seteli_domain::authorisation::{glossary as terms, AuthorisationKind, OrderPath};
use seteli_domain::case::{Awaited, StateName};
use seteli_domain::i18n::{t, Text};
use seteli_domain::Lang;

/// The way back to the employee's e-authorisations.
pub fn back_to_authorisations() -> BackLink {
    BackLink {
        href: links::desk_authorisations,
        text: Text::AuthorisationsTitle,
    }
}

/// What a kind of authorisation is called.
pub fn kind_text(kind: AuthorisationKind) -> Text {
    match kind {
        AuthorisationKind::Act => Text::KindAct,
        AuthorisationKind::Represent => Text::KindRepresent,
        AuthorisationKind::Grant => Text::KindGrant,
    }
}

/// What a path is called.
pub fn path_text(path: OrderPath) -> Text {
    match path {
        OrderPath::Held => Text::PathHeld,
        OrderPath::Missing => Text::PathMissing,
    }
}

/// An order's state as its orderer reads it: "waiting for DVV" rather than just waiting.
pub fn order_state_text(state: StateName, waiting_on: Option<Awaited>) -> Text {
    match (state, waiting_on) {
        (StateName::Waiting, Some(Awaited::Dvv)) => Text::StateWaitingForDvv,
        (state, _) => state_text(state),
    }
}

/// An order's state as a badge.
#[component]
pub fn OrderStateBadge(state: StateName, waiting_on: Option<Awaited>, lang: Lang) -> impl IntoView {
    let code = state.as_str();
    view! {
        <span class=format!("badge badge-case badge-{code}") data-testid="order-state" data-state=code>
            {t(lang, order_state_text(state, waiting_on))}
        </span>
    }
}

/// A link to a term of the glossary, beside a form field or a word that uses it.
#[component]
pub fn TermLink(slug: &'static str, lang: Lang) -> impl IntoView {
    let words = terms::term(slug)
        .map(|term| term.wording(lang).term)
        .unwrap_or(slug);
    view! {
        <a class="term-link" href=links::desk_glossary_term(slug, lang) data-testid=format!("term-link-{slug}")>
            {t(lang, Text::WhatIsTerm)}" "{words}"?"
        </a>
    }
}

/// The names of an order's or a holding's authorisations, in `lang`, one per line.
#[component]
pub fn AuthorisationNames(items: Vec<AuthorisationRef>, lang: Lang) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|a| {
            view! {
                <li>
                    {a.name.get(lang).to_owned()}
                    <span class="hint">" · "{a.agency.get(lang).to_owned()}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list" data-testid="order-authorisations">{items}</ul> }
}

/// A form's options for departments or job titles: code and name in `lang`.
pub fn place_options(places: &[Place], lang: Lang) -> Vec<(String, String)> {
    places
        .iter()
        .map(|p| (p.code.clone(), p.name.get(lang).to_owned()))
        .collect()
}
