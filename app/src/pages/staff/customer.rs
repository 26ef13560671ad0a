//! `/desk/customers/:id`: the customer card — who the customer is (the identity code
//! masked, shown in full on request, which is logged), where letters go and whether the
//! address is non-disclosed; need assessments, decisions, vouchers, the registered proxy,
//! the events to check, what producers did, the customer's feedback and who has looked at
//! the card. Each form reloads the card when it has done its work, keeping the others.

use super::assessments::Assessments;
use super::card::Card;
use super::events::EventChecks;
use super::logs::{AccessLog, CustomerFeedback, ProducerLog};
use super::proxy::ProxySection;
use super::vouchers::{CardDecisions, CardVouchers};
use super::{back_to_desk, use_id_in_path, StaffOnly};
use crate::api;
use crate::components::facts::Fact;
use crate::components::fields::{CheckField, LetterLangField, Problems, TextField};
use crate::components::form::{last_error, DoneNotice, FormEnd, SubmitError};
use crate::components::states::{retryable, BackLink, BackTo, Remote};
use crate::links;
use crate::locale::{use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::desk::{ContactUpdate, CustomerCard, PostalAddress};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::CustomerId;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The page.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_id_in_path(CustomerId::parse);
    let card = retryable(move || {
        let (id, lang) = (id.get(), lang.get());
        async move {
            match id {
                Some(id) => api::staff_customer(id, lang).await,
                None => Err(ApiError::new(ErrorCode::CustomerNotFound, lang)),
            }
        }
    });
    let name = move || {
        card.with(|c| match c {
            Some(Ok(c)) => Some(format!("{} {}", c.given_name, c.family_name)),
            _ => None,
        })
    };
    use_document_title(move |lang| {
        name().unwrap_or_else(|| t(lang, Text::CustomerCardTitle).to_owned())
    });
    let back = BackLink {
        href: links::desk_customers,
        text: Text::BackToCustomerSearch,
    };
    view! {
        <BackTo link=back testid="back-to-customers"/>
        <h1 tabindex="-1" data-testid=move || name().is_some().then_some("customer-name")>
            {move || name().unwrap_or_else(|| t(lang.get(), Text::CustomerCardTitle).to_owned())}
        </h1>
        <Remote data=card back=back_to_desk() forbidden=StaffOnly let:initial>
            <CardSections initial lang=lang.get_untracked()/>
        </Remote>
    }
}

/// Everything below the heading once the card is loaded.
#[component]
fn CardSections(initial: CustomerCard, lang: Lang) -> impl IntoView {
    let ui_lang = use_lang();
    let id = initial.id;
    let card = RwSignal::new(initial);
    let reload_card = Action::new_local(move |(): &()| {
        let lang = ui_lang.get_untracked();
        async move {
            if let Ok(fresh) = api::staff_customer(id, lang).await {
                card.try_set(fresh);
            }
        }
    });
    let reload = Callback::new(move |()| {
        reload_card.dispatch_local(());
    });
    let state = Card { card, reload };
    view! {
        <div class="customer-card" data-testid="customer-card" data-customer-id=id.to_string()>
            <Identity state lang/>
            <Contact state lang/>
            <CardApplications state lang/>
            <Assessments state lang/>
            <CardDecisions state lang/>
            <CardVouchers state lang/>
            <ProxySection state lang/>
            <EventChecks state lang/>
            <ProducerLog state lang/>
            <CustomerFeedback state lang/>
            <AccessLog state lang/>
        </div>
    }
}

/// The customer's voucher applications to the organiser: who applied, where each stands,
/// and what to notice (whose consent is missing, a right declared).
#[component]
fn CardApplications(state: Card, lang: Lang) -> impl IntoView {
    move || {
        let applications = state.card.with(|c| c.applications.clone());
        (!applications.is_empty()).then(|| {
            let items = applications
                .into_iter()
                .map(|a| {
                    let flags = super::residents::flags(&a, lang);
                    view! {
                        <li class="card" data-testid="card-application" data-application-id=a.id.to_string()>
                            <p class="card-title">
                                <a href=links::desk_resident_application(a.id, lang)>{a.service_name.clone().unwrap_or_default()}</a>
                            </p>
                            <p class="card-meta">
                                <crate::components::case::CaseStateBadge state=a.status.state lang/>
                                " · " {a.applicant_name.clone()}
                            </p>
                            {(!flags.is_empty()).then(|| view! { <p>{flags}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <super::card::CardSection id="card-applications" heading=Text::MyApplicationsTitle lang>
                    <ul class="card-list" role="list">{items}</ul>
                </super::card::CardSection>
            }
        })
    }
}

/// Who the customer is: the code masked, with the button that shows it in full (logged).
#[component]
fn Identity(state: Card, lang: Lang) -> impl IntoView {
    let c = state.card.get_untracked();
    let id = c.id;
    let reveal = Action::new_local(move |(): &()| async move { api::reveal_hetu(id, lang).await });
    let shown = move || match reveal.value().get() {
        Some(Ok(revealed)) => Some(revealed.hetu),
        _ => None,
    };
    let error = last_error(reveal, Result::err);
    let pending = reveal.pending();
    Effect::new(move |_| {
        if shown().is_some() {
            // The customer's access log now has the reveal in it.
            state.reload.run(());
        }
    });
    view! {
        <section class="page-section" aria-labelledby="identity-heading">
            <h2 id="identity-heading">{t(lang, Text::CustomerIdentityHeading)}</h2>
            <dl class="facts">
                <Fact label=Text::IdentityCodeLabel lang>
                    <dd>
                        <span translate="no" data-testid="customer-hetu">
                            {move || shown().unwrap_or_else(|| c.masked_hetu.clone())}
                        </span>
                    </dd>
                </Fact>
                <Fact label=Text::BirthDateLabel lang>
                    <dd>{i18n::format_date(lang, c.birth_date)}</dd>
                </Fact>
                <Fact label=Text::MunicipalityLabel lang>
                    <dd data-testid="customer-municipality">{c.municipality_name.clone()}</dd>
                </Fact>
            </dl>
            <Show when=move || shown().is_none()>
                <p id="reveal-hint" class="hint">{t(lang, Text::RevealIsLogged)}</p>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="reveal-hetu"
                    aria-describedby="reveal-hint"
                    aria-disabled=move || pending.get().then_some("true")
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            reveal.dispatch_local(());
                        }
                    }
                >
                    {t(lang, Text::RevealHetu)}
                </button>
            </Show>
            {move || error().map(|error| view! { <SubmitError error testid="reveal-error"/> })}
        </section>
    }
}

/// Where letters go and whether the address is non-disclosed, with the form that changes
/// them.
#[component]
fn Contact(state: Card, lang: Lang) -> impl IntoView {
    let editing = RwSignal::new(false);
    let done = RwSignal::new(false);
    let address = move || state.card.with(|c| c.address.clone());
    let non_disclosure = move || state.card.with(|c| c.non_disclosure);
    let letter_lang = move || {
        state.card.with(|c| match c.lang {
            Some(l) => crate::components::fields::letter_lang_name(l).to_owned(),
            None => t(lang, Text::LetterLangUnknown).to_owned(),
        })
    };
    let shown_address = move || match address() {
        Some(a) => format!("{}, {} {}", a.street_address, a.postal_code, a.post_office),
        None => t(lang, Text::NoAddress).to_owned(),
    };
    view! {
        <section class="page-section" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t(lang, Text::ContactHeading)}</h2>
            <dl class="facts">
                <Fact label=Text::AddressLabel lang>
                    <dd data-testid="customer-address">{shown_address}</dd>
                </Fact>
                <Fact label=Text::NonDisclosureLabel lang>
                    <dd data-testid="customer-non-disclosure" data-value=move || non_disclosure().to_string()>
                        {move || if non_disclosure() { t(lang, Text::Yes) } else { t(lang, Text::No) }}
                    </dd>
                </Fact>
                <Fact label=Text::LetterLangLabel lang>
                    <dd data-testid="customer-letter-lang">{letter_lang}</dd>
                </Fact>
            </dl>
            <DoneNotice shown=done id="contact-done" testid="contact-done" text=Text::ContactSaved/>
            <button
                type="button"
                class="button button-secondary"
                data-testid="contact-edit"
                aria-expanded=move || editing.get().to_string()
                aria-controls="contact-form"
                on:click=move |_| {
                    done.set(false);
                    editing.update(|e| *e = !*e);
                }
            >
                {t(lang, Text::EditContact)}
            </button>
            <Show when=move || editing.get()>
                <ContactForm state editing done/>
            </Show>
        </section>
    }
}

#[component]
fn ContactForm(state: Card, editing: RwSignal<bool>, done: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let (address, flag, letters) = state.card.with_untracked(|c| {
        let letters = c.lang.map(|l| l.code().to_owned()).unwrap_or_default();
        (
            c.address.clone().unwrap_or_default(),
            c.non_disclosure,
            letters,
        )
    });
    let letter_lang = RwSignal::new(letters);
    let street = RwSignal::new(address.street_address);
    let postal_code = RwSignal::new(address.postal_code);
    let post_office = RwSignal::new(address.post_office);
    let non_disclosure = RwSignal::new(flag);
    let id = state.id();
    let save = Action::new_local(move |update: &ContactUpdate| {
        let update = update.clone();
        let lang = lang.get_untracked();
        async move { api::update_contact(id, &update, lang).await }
    });
    let pending = save.pending();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            editing.set(false);
            done.set(true);
            state.reload.run(());
            crate::dom::focus_after_render("#contact-done");
        }
    });
    let server_error = last_error(save, Result::err);
    let problems = Problems::new(server_error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let address = PostalAddress {
            street_address: street.get_untracked().trim().to_owned(),
            postal_code: postal_code.get_untracked().trim().to_owned(),
            post_office: post_office.get_untracked().trim().to_owned(),
        };
        save.dispatch_local(ContactUpdate {
            address: (address != PostalAddress::default()).then_some(address),
            non_disclosure: non_disclosure.get_untracked(),
            lang: Lang::parse(&letter_lang.get_untracked()),
        });
    };
    view! {
        <form id="contact-form" class="form-panel" data-testid="contact-form" novalidate on:submit=on_submit>
            <TextField id="contact-street" field="street_address" label=Text::StreetAddressLabel value=street problems optional=true autocomplete="off"/>
            <TextField id="contact-postal-code" field="postal_code" label=Text::PostalCodeLabel value=postal_code problems optional=true inputmode="numeric" autocomplete="off"/>
            <TextField id="contact-post-office" field="post_office" label=Text::PostOfficeLabel value=post_office problems optional=true autocomplete="off"/>
            <CheckField id="contact-non-disclosure" label=Text::NonDisclosureLabel value=non_disclosure/>
            <LetterLangField id="contact-letter-lang" value=letter_lang problems/>
            <FormEnd error=server_error error_testid="contact-error" text=Text::SaveContact pending testid="contact-submit"/>
        </form>
    }
}
