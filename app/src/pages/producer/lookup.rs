//! `/producer/voucher`: the employee types the number the customer gives; the voucher it
//! names opens (and is linked to the company from then on). The number is not checked
//! here beyond being there: the server answers every unusable number the same way and
//! counts them against guessing.

use super::NotActingForCompany;
use crate::api;
use crate::components::form::{described_by, last_error, SubmitButton, SubmitError};
use crate::components::states::{LoggedIn, Remote};
use crate::dom;
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use seteli_domain::i18n::{t, Text};

/// The page.
#[component]
pub fn ProducerLookupPage() -> impl IntoView {
    use_document_title(|lang| t(lang, Text::LookupTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::LookupTitle)}</h1>
        <Remote data=LoggedIn let:me>
            {match me {
                Some(me) if me.acting_for_company.is_none() => view! { <NotActingForCompany/> }.into_any(),
                // Unknown (no connection): the form's own request will say what is wrong.
                _ => view! { <LookupForm/> }.into_any(),
            }}
        </Remote>
    }
}

/// The number field and its button.
#[component]
fn LookupForm() -> impl IntoView {
    let lang = use_lang();
    let navigate = use_navigate();
    let number = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let lookup = Action::new_local(move |number: &String| {
        let number = number.clone();
        let lang = lang.get_untracked();
        async move { api::lookup_voucher(&number, lang).await }
    });
    let pending = lookup.pending();
    Effect::new(move |_| {
        if let Some(Ok(voucher)) = lookup.value().get() {
            navigate(
                &links::producer_voucher(voucher.voucher_id, lang.get_untracked()),
                Default::default(),
            );
        }
    });
    let server_error = last_error(lookup, Result::err);
    let has_error = move || missing.get() || server_error().is_some();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed = number.get_untracked().trim().to_owned();
        if typed.is_empty() {
            lookup.value().set(None);
            missing.set(true);
            dom::focus("#voucher-number");
            return;
        }
        missing.set(false);
        lookup.dispatch_local(typed);
    };
    view! {
        <p class="lead">{tr(Text::LookupLead)}</p>
        <form class="form-panel" data-testid="voucher-lookup-form" novalidate on:submit=on_submit>
            <div class="field">
                <label for="voucher-number">{tr(Text::VoucherNumberLabel)}</label>
                <p id="voucher-number-hint" class="hint">{tr(Text::LookupNumberHint)}</p>
                <input
                    id="voucher-number"
                    name="number"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    maxlength="30"
                    data-testid="voucher-number-input"
                    aria-describedby=described_by("voucher-number-hint", "voucher-number-error", has_error)
                    aria-invalid=move || has_error().then_some("true")
                    prop:value=move || number.get()
                    on:input=move |ev| number.set(event_target_value(&ev))
                />
            </div>
            <div id="voucher-number-error">
                {move || {
                    missing
                        .get()
                        .then(|| {
                            view! {
                                <div class="notice notice-error" role="alert" data-testid="voucher-number-error">
                                    <p>{tr(Text::LookupNumberMissing)}</p>
                                </div>
                            }
                        })
                }}
                // Inside the region the field's `aria-describedby` names.
                {move || server_error().map(|error| view! { <SubmitError error testid="voucher-number-error"/> })}
            </div>
            <div class="form-actions">
                <SubmitButton text=Text::LookupSubmit busy_text=Text::Searching pending testid="voucher-number-submit"/>
            </div>
        </form>
    }
}
