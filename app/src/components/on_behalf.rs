//! Acting on behalf of someone else: the banner every page shows while the session acts
//! for another person or a producer company. What a refusal says about the mandate that
//! would be needed is in [`mandate`](super::mandate).

use crate::api;
use crate::components::form::{BusyButton, SubmitError};
use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::{self, use_session};
use leptos::prelude::*;
use seteli_domain::api::{ActingFor, ActingForCompany};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ApiError;

/// Whom the session acts for — another person (on what basis) or a producer company — and
/// the ways back to acting for oneself or to choosing again; nothing while the person acts
/// for themselves. The stylesheet keeps it on screen (sticky at the top), so that nobody
/// forgets whose matters they are handling.
#[component]
pub fn ActingBanner() -> impl IntoView {
    let session = use_session();
    // Only a change of principal rebuilds the banner, not every answer to `me`.
    let acting = Memo::new(move |_| session.acting_for());
    let company = Memo::new(move |_| session.acting_for_company());
    move || match (company.get(), acting.get()) {
        (Some(company), _) => Some(view! { <CompanyBanner company/> }.into_any()),
        (None, Some(acting)) => Some(view! { <Banner acting/> }.into_any()),
        (None, None) => None,
    }
}

/// The banner for one principal.
#[component]
fn Banner(acting: ActingFor) -> impl IntoView {
    let lang = use_lang();
    let name = format!("{} {}", acting.given_name, acting.family_name);
    let basis = acting.basis;
    view! {
        <BannerFrame class="acting-banner" testid="acting-banner" choose=Text::ChooseSomeoneElse>
            <p id="acting-banner-text" class="acting-text">
                {move || i18n::acting_for_parts(lang.get()).0}
                <strong data-testid="acting-name">{name}</strong>
                {move || i18n::acting_for_parts(lang.get()).1}
            </p>
            <p class="acting-basis" data-testid="acting-basis" data-basis=basis.as_str()>
                {tr(Text::BasisLabel)}
                ": "
                {tr(i18n::basis_text(basis))}
            </p>
        </BannerFrame>
    }
}

/// The banner for a producer company: its name and business id.
#[component]
fn CompanyBanner(company: ActingForCompany) -> impl IntoView {
    let lang = use_lang();
    view! {
        <BannerFrame class="acting-banner company-banner" testid="company-banner" choose=Text::ChooseOther>
            <p id="acting-banner-text" class="acting-text">
                {move || i18n::acting_for_company_parts(lang.get()).0}
                <strong data-testid="company-name">{company.name.clone()}</strong>
                {move || i18n::acting_for_company_parts(lang.get()).1}
            </p>
            <p class="acting-basis" data-testid="company-business-id">
                {tr(Text::BusinessId)}
                ": "
                {company.business_id.to_string()}
            </p>
        </BannerFrame>
    }
}

/// What both banners share: the sentence (`children`, whose first paragraph has the id
/// `acting-banner-text`), the button back to acting for oneself and the link to choose
/// again (`choose` says what).
#[component]
fn BannerFrame(
    class: &'static str,
    testid: &'static str,
    choose: Text,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let stop = Action::new_local(move |_: &()| api::stop_acting(lang.get_untracked()));
    // Busy from the click until the page reloads as the person themselves.
    let Switch { busy, error } = use_switch(stop);
    view! {
        // A region named by its sentence, so that a screen reader's landmark list says
        // whom the person acts for.
        <section class=class aria-labelledby="acting-banner-text" data-testid=testid>
            <div class="container acting-bar">
                <div class="acting-who">{children()}</div>
                <div class="acting-actions">
                    <BusyButton
                        class="acting-stop"
                        testid="act-for-myself"
                        busy
                        on_click=move || {
                            if !busy.get_untracked() {
                                stop.dispatch_local(());
                            }
                        }
                    >
                        {move || {
                            let text = if busy.get() { Text::Switching } else { Text::ActForMyself };
                            t(lang.get(), text)
                        }}
                    </BusyButton>
                    <a class="acting-choose" href=move || links::on_behalf(lang.get()) data-testid="choose-other">
                        {tr(choose)}
                    </a>
                </div>
            </div>
            {move || {
                error
                    .get()
                    .map(|error| {
                        view! {
                            <div class="container acting-error">
                                <SubmitError error testid="act-for-myself-error"/>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// A change of whom the session acts for, as [`use_switch`] follows it.
#[derive(Clone, Copy)]
pub struct Switch {
    /// From the click until the page reloads for the new person (or company).
    pub busy: Signal<bool>,
    /// Why the change was refused, once the action has finished.
    pub error: Signal<Option<ApiError>>,
}

/// Follows `action`, which changes whom the session acts for: once it succeeds, the app
/// starts afresh on the customer's vouchers, as the person it now acts for.
pub fn use_switch<I: Send + Sync + 'static>(action: Action<I, Result<(), ApiError>>) -> Switch {
    let lang = use_lang();
    let pending = action.pending();
    let done = move || matches!(action.value().get(), Some(Ok(())));
    Effect::new(move |_| {
        if done() {
            session::start_afresh(&links::my_vouchers(lang.get_untracked()));
        }
    });
    Switch {
        busy: Signal::derive(move || pending.get() || done()),
        error: Signal::derive(move || match action.value().get() {
            Some(Err(error)) if !pending.get() => Some(error),
            _ => None,
        }),
    }
}
