//! `/producer/account`: where the organisers pay the company — the account in effect, a
//! new one waiting for an organiser's finance (or rejected), and, for those who bind the
//! company, the form for a new one (checked as an IBAN before it is sent).

use super::NotActingForCompany;
use crate::api::settlements as api;
use crate::components::fields::{Problems, TextField};
use crate::components::form::{SubmitButton, SubmitError};
use crate::components::states::{retryable, Remote};
use crate::locale::{tr, use_document_title, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::settlement::ProducerAccountView;
use seteli_domain::i18n::{t, Text};
use seteli_domain::payment_file::Iban;
use seteli_domain::producer::may_set_prices;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// The page.
#[component]
pub fn BankAccountPage() -> impl IntoView {
    let lang = use_lang();
    let loaded = retryable(move || api::account(lang.get()));
    use_document_title(|lang| t(lang, Text::BankAccountTitle).to_owned());
    view! {
        <h1 tabindex="-1">{tr(Text::BankAccountTitle)}</h1>
        <p class="lead">{tr(Text::BankAccountLead)}</p>
        <Remote data=loaded forbidden=NotActingForCompany let:account>
            <Account initial=account lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn Account(initial: ProducerAccountView, lang: Lang) -> impl IntoView {
    let current = RwSignal::new(initial);
    // The same rule the edge applies: those who bind the company enter accounts.
    let may_enter = use_session()
        .acting_for_company()
        .is_some_and(|company| may_set_prices(&company.roles));
    let iban = RwSignal::new(String::new());
    let save = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            let fresh = api::set_account(&text, lang).await?;
            current.try_set(fresh);
            iban.try_set(String::new());
            Ok::<(), ApiError>(())
        }
    });
    let pending = save.pending();
    let problems = Problems::new(move || match save.value().get() {
        Some(Err(error)) => Some(error),
        _ => None,
    });
    let outcome = move || {
        match save.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="account-saved">{t(lang, Text::AccountSaved)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() && error.field.is_none() => {
            Some(view! { <SubmitError error testid="account-error"/> }.into_any())
        }
        _ => None,
    }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = iban.get_untracked();
        if Iban::parse(&text).is_none() {
            return problems.found("iban", Text::IbanProblem, "account-iban");
        }
        problems.clear();
        save.dispatch_local(text);
    };
    let facts = move || {
        let account = current.get();
        view! {
            <dl class="facts">
                <div class="fact">
                    <dt>{t(lang, Text::AccountInEffect)}</dt>
                    <dd class="nowrap" data-testid="account-confirmed">
                        {account.confirmed.clone().unwrap_or_else(|| t(lang, Text::NoAccountYet).to_owned())}
                    </dd>
                </div>
                {account.pending.clone().map(|pending| view! {
                    <div class="fact">
                        <dt>{t(lang, Text::AccountWaiting)}</dt>
                        <dd class="nowrap" data-testid="account-pending">{pending}</dd>
                    </div>
                })}
                {account.rejected.clone().map(|rejected| view! {
                    <div class="fact">
                        <dt>{t(lang, Text::AccountRejected)}</dt>
                        <dd class="nowrap" data-testid="account-rejected">{rejected}</dd>
                    </div>
                })}
            </dl>
        }
    };
    view! {
        {facts}
        <div aria-live="polite">{outcome}</div>
        {if may_enter {
            view! {
                <form class="form-panel" data-testid="account-form" novalidate on:submit=submit>
                    <TextField id="account-iban" field="iban" label=Text::IbanLabel value=iban problems autocomplete="off"/>
                    <SubmitButton text=Text::SaveAccount pending testid="account-submit"/>
                </form>
            }
            .into_any()
        } else {
            view! { <p class="notice" data-testid="account-no-role">{ErrorCode::NoAccountRole.message(lang)}</p> }.into_any()
        }}
    }
}
