//! `/on-behalf`: choosing whom to act for. A child or another adult is chosen in Suomi.fi
//! e-Authorizations: a full navigation through the edge, which brings the browser back to
//! `/my/vouchers` once the session acts for them, or here with `?refused=<reason>&for=..`.
//! A producer company is chosen the same way (Valtuudet `ypa`); the edge then brings the
//! browser to `/producer`. Someone the municipality registered the customer as proxy for is
//! chosen on this page.

use crate::api;
use crate::components::form::{BusyButton, SubmitError};
use crate::components::mandate::MandateHelp;
use crate::components::on_behalf::{use_switch, Switch};
use crate::components::states::{retryable, EmptyNotice, LoggedIn, Remote, RemoteList, Retryable};
use crate::dom;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use seteli_domain::api::RegisteredPrincipal;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::CustomerId;
use seteli_domain::mandates::{OnBehalfAction, PrincipalKind, Refusal};
use seteli_domain::Lang;

/// What the refusal box says: why, and what the person can do next, if anything beyond it.
/// `kind` is whom they tried to choose, when the address says.
pub fn refusal_texts(refusal: Refusal, kind: Option<PrincipalKind>) -> (Text, Option<Text>) {
    match refusal {
        Refusal::NoPrincipals => {
            let text = match kind {
                Some(PrincipalKind::Child) => Text::RefusalNoChildren,
                Some(PrincipalKind::Adult) => Text::RefusalNoMandators,
                Some(PrincipalKind::Company) => Text::RefusalNoCompanies,
                None => Text::RefusalNoPrincipals,
            };
            (text, Some(Text::RefusalStartAgainHint))
        }
        Refusal::NoRight => (Text::RefusalNoRight, None),
        Refusal::Unavailable => (Text::RefusalUnavailable, None),
        Refusal::Expired => (Text::RefusalExpired, None),
        Refusal::NoCompanyRole => (Text::RefusalNoCompanyRole, None),
    }
}

/// The refusal box's heading: a company, or a person, could not be chosen.
pub fn refusal_title(kind: Option<PrincipalKind>) -> Text {
    match kind {
        Some(PrincipalKind::Company) => Text::RefusalCompanyTitle,
        _ => Text::RefusalTitle,
    }
}

/// Whether a refusal should name the mandate that choosing needs: only an adult can give
/// one, and only "no right" is about what the mandate covers.
pub fn names_the_mandate(refusal: Refusal, kind: Option<PrincipalKind>) -> bool {
    refusal == Refusal::NoRight && kind == Some(PrincipalKind::Adult)
}

/// The page.
#[component]
pub fn OnBehalfPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let refusal = Memo::new(move |_| {
        query.with(|q| {
            let refusal = q.get_str("refused").and_then(Refusal::parse)?;
            Some((refusal, q.get_str("for").and_then(PrincipalKind::parse)))
        })
    });
    let registered = retryable(move || api::registered_principals(lang.get()));
    use_document_title(|lang| t(lang, Text::OnBehalfTitle).to_owned());
    // The person comes back here from Suomi.fi e-Authorizations: the refusal is the first
    // thing a screen reader should say.
    Effect::new(move |_| {
        if refusal.get().is_some() {
            dom::focus_after_render("#on-behalf-refusal");
        }
    });

    view! {
        <h1 tabindex="-1">{tr(Text::OnBehalfTitle)}</h1>
        {move || refusal.get().map(|(refusal, kind)| view! { <RefusalBox refusal kind/> })}
        // Choosing needs a login; the municipality's registrations are loaded meanwhile.
        <Remote data=LoggedIn let:_me>
            <Choices registered lang=lang.get_untracked()/>
        </Remote>
    }
}

/// Why the last choice in Suomi.fi e-Authorizations did not succeed.
#[component]
fn RefusalBox(refusal: Refusal, kind: Option<PrincipalKind>) -> impl IntoView {
    let (text, hint) = refusal_texts(refusal, kind);
    let mandate = names_the_mandate(refusal, kind).then(|| {
        let issues = OnBehalfAction::Choose
            .required_issues()
            .iter()
            .map(|uri| (*uri).to_owned())
            .collect::<Vec<_>>();
        view! { <MandateHelp issues/> }
    });
    view! {
        <div
            id="on-behalf-refusal"
            class="notice notice-error"
            role="alert"
            tabindex="-1"
            data-testid="on-behalf-refusal"
            data-reason=refusal.as_str()
        >
            <p class="notice-title">{tr(refusal_title(kind))}</p>
            <p>{tr(text)}</p>
            {hint.map(|hint| view! { <p>{tr(hint)}</p> })}
            {mandate}
        </div>
    }
}

/// The ways to choose: through Suomi.fi e-Authorizations, and the municipality's
/// registrations (or why they cannot be shown).
#[component]
fn Choices(registered: Retryable<Vec<RegisteredPrincipal>>, lang: Lang) -> impl IntoView {
    let empty = || view! { <EmptyNotice testid="registered-empty" text=Text::RegisteredEmpty/> };
    view! {
        <p class="lead">{t(lang, Text::OnBehalfLead)}</p>
        <section class="page-section" aria-labelledby="valtuudet-heading">
            <h2 id="valtuudet-heading">{t(lang, Text::ValtuudetHeading)}</h2>
            <p>{t(lang, Text::ValtuudetLead)}</p>
            <ul class="choice-list" role="list">
                <StartChoice kind=PrincipalKind::Child lang/>
                <StartChoice kind=PrincipalKind::Adult lang/>
            </ul>
        </section>
        <section class="page-section" aria-labelledby="company-heading">
            <h2 id="company-heading">{t(lang, Text::CompanyHeading)}</h2>
            <p>{t(lang, Text::CompanyLead)}</p>
            <ul class="choice-list" role="list">
                <StartChoice kind=PrincipalKind::Company lang/>
            </ul>
        </section>
        <section class="page-section" aria-labelledby="registered-heading">
            <h2 id="registered-heading">{t(lang, Text::RegisteredHeading)}</h2>
            <RemoteList data=registered empty let:principals>
                <RegisteredList principals lang/>
            </RemoteList>
        </section>
    }
}

/// A link that starts the choice of a child, an adult or a company in Suomi.fi
/// e-Authorizations, with a line on whom it is for.
#[component]
fn StartChoice(kind: PrincipalKind, lang: Lang) -> impl IntoView {
    let (text, hint) = match kind {
        PrincipalKind::Child => (Text::ActForChild, Text::ActForChildHint),
        PrincipalKind::Adult => (Text::ActForAdult, Text::ActForAdultHint),
        PrincipalKind::Company => (Text::ActForCompany, Text::ActForCompanyHint),
    };
    let hint_id = format!("act-for-{}-hint", kind.as_str());
    view! {
        <li class="choice">
            // rel=external: a full navigation to the edge, which goes on to Valtuudet.
            <a
                class="button"
                rel="external"
                href=match kind {
                    PrincipalKind::Company => api::company_start_url(lang),
                    _ => api::on_behalf_start_url(kind, lang),
                }
                data-testid=format!("act-for-{}", kind.as_str())
                aria-describedby=hint_id.clone()
            >
                {t(lang, text)}
            </a>
            <p id=hint_id class="hint">{t(lang, hint)}</p>
        </li>
    }
}

/// The people the municipality registered the customer as proxy for, each a button that
/// starts acting for them.
#[component]
fn RegisteredList(principals: Vec<RegisteredPrincipal>, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let choose = Action::new_local(move |id: &CustomerId| {
        api::act_for_registered(*id, ui_lang.get_untracked())
    });
    // Busy from the click until the page reloads for the new person.
    let Switch { busy, error } = use_switch(choose);
    let items = principals
        .into_iter()
        .map(|p| {
            let id = p.customer_id;
            let name = format!("{} {}", p.given_name, p.family_name);
            let meta = format!(
                "{} · {}",
                p.municipality_name,
                i18n::valid_until(lang, p.valid_until)
            );
            view! {
                <li>
                    <BusyButton
                        class="principal-button"
                        testid=format!("registered-principal-{id}")
                        busy
                        on_click=move || {
                            if !busy.get_untracked() {
                                choose.dispatch_local(id);
                            }
                        }
                    >
                        <span class="principal-name">{name}</span>
                        <span class="principal-meta">{meta}</span>
                    </BusyButton>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{t(lang, Text::RegisteredLead)}</p>
        <ul class="principal-list" role="list" data-testid="registered-list">
            {items}
        </ul>
        // Present from the start, so that screen readers notice what appears in it.
        <div aria-live="polite">
            {move || busy.get().then(|| view! { <p class="loading" data-testid="switching">{tr(Text::Switching)}</p> })}
        </div>
        {move || error.get().map(|error| view! { <SubmitError error testid="registered-error"/> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_to_choose_is_worded_for_a_child_or_an_adult() {
        let child = refusal_texts(Refusal::NoPrincipals, Some(PrincipalKind::Child));
        let adult = refusal_texts(Refusal::NoPrincipals, Some(PrincipalKind::Adult));
        assert_eq!(child.0, Text::RefusalNoChildren);
        assert_eq!(adult.0, Text::RefusalNoMandators);
        assert_eq!(child.1, Some(Text::RefusalStartAgainHint));
        assert_eq!(
            refusal_texts(Refusal::NoPrincipals, None).0,
            Text::RefusalNoPrincipals
        );
    }

    #[test]
    fn only_an_adult_s_refusal_names_the_mandate_needed() {
        assert!(names_the_mandate(
            Refusal::NoRight,
            Some(PrincipalKind::Adult)
        ));
        assert!(!names_the_mandate(
            Refusal::NoRight,
            Some(PrincipalKind::Child)
        ));
        assert!(!names_the_mandate(
            Refusal::Unavailable,
            Some(PrincipalKind::Adult)
        ));
        for refusal in Refusal::ALL {
            assert!(!t(Lang::Fi, refusal_texts(refusal, None).0).is_empty());
        }
    }

    #[test]
    fn a_company_s_refusals_speak_of_companies() {
        let company = Some(PrincipalKind::Company);
        assert_eq!(
            refusal_texts(Refusal::NoPrincipals, company),
            (Text::RefusalNoCompanies, Some(Text::RefusalStartAgainHint))
        );
        assert_eq!(
            refusal_texts(Refusal::NoCompanyRole, company).0,
            Text::RefusalNoCompanyRole
        );
        assert_eq!(refusal_title(company), Text::RefusalCompanyTitle);
        assert_eq!(refusal_title(None), Text::RefusalTitle);
        assert!(!names_the_mandate(Refusal::NoRight, company));
    }
}
