//! `/desk/producer-accounts`: producers' new bank accounts waiting for finance, each with the
//! account it would replace and who entered it. Confirmed, it is where payments go from
//! then on; rejected, the old one stays. Finance only.

use super::StaffOnly;
use crate::api::settlements as api;
use crate::components::confirm::ConfirmButton;
use crate::components::form::SubmitError;
use crate::components::states::{retryable, BackLink, BackTo, EmptyNotice, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::api::settlement::{PendingAccount, PendingAccounts};
use seteli_domain::i18n::{t, Text};
use seteli_domain::{ApiError, Lang};

fn back() -> BackLink {
    BackLink {
        href: links::desk_settlements,
        text: Text::SettlementsTitle,
    }
}

/// The page.
#[component]
pub fn ProducerAccountsPage() -> impl IntoView {
    let lang = use_lang();
    let loaded = retryable(move || api::pending_accounts(lang.get()));
    use_document_title(|lang| t(lang, Text::ProducerAccountsTitle).to_owned());
    view! {
        <BackTo link=back() testid="back-to-settlements"/>
        <h1 tabindex="-1">{tr(Text::ProducerAccountsTitle)}</h1>
        <p class="lead">{tr(Text::ProducerAccountsLead)}</p>
        <Remote data=loaded forbidden=StaffOnly let:accounts>
            <AccountList initial=accounts lang=lang.get_untracked()/>
        </Remote>
    }
}

#[component]
fn AccountList(initial: PendingAccounts, lang: Lang) -> impl IntoView {
    let accounts = RwSignal::new(initial.accounts);
    let decide = Action::new_local(move |(id, confirm): &(i64, bool)| {
        let (id, confirm) = (*id, *confirm);
        async move {
            let fresh = api::decide_account(id, confirm, lang).await?;
            accounts.try_set(fresh.accounts);
            Ok::<(), ApiError>(())
        }
    });
    let pending = decide.pending();
    let outcome = move || {
        match decide.value().get() {
        Some(Ok(())) if !pending.get() => Some(
            view! { <p class="notice notice-success" role="status" data-testid="account-decided">{t(lang, Text::AccountDecided)}</p> }
                .into_any(),
        ),
        Some(Err(error)) if !pending.get() => {
            Some(view! { <SubmitError error testid="account-error"/> }.into_any())
        }
        _ => None,
    }
    };
    let list = move || {
        let list = accounts.get();
        if list.is_empty() {
            return view! { <EmptyNotice testid="accounts-empty" text=Text::AccountsEmpty/> }
                .into_any();
        }
        let items = list
            .into_iter()
            .map(|account| {
                let id = account.id;
                let on_decide = move |confirm: bool| {
                    move || {
                        if !pending.get_untracked() {
                            decide.dispatch_local((id, confirm));
                        }
                    }
                };
                view! {
                    <li class="card" data-testid="pending-account" data-id=id.to_string()>
                        <AccountFacts account lang/>
                        <div class="button-row">
                            <ConfirmButton class="button" testid="account-confirm" busy=pending on_confirm=on_decide(true)>
                                {t(lang, Text::ConfirmAccount)}
                            </ConfirmButton>
                            <ConfirmButton class="button button-secondary" testid="account-reject" busy=pending on_confirm=on_decide(false)>
                                {t(lang, Text::RejectAccount)}
                            </ConfirmButton>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="card-list" role="list" data-testid="pending-accounts">{items}</ul> }
            .into_any()
    };
    view! {
        <div aria-live="polite">{outcome}</div>
        {list}
    }
}

#[component]
fn AccountFacts(account: PendingAccount, lang: Lang) -> impl IntoView {
    view! {
        <h2 class="card-title">{account.producer_name.clone()}</h2>
        <p class="hint">{account.business_id.clone()}</p>
        <dl class="facts">
            <div class="fact">
                <dt>{t(lang, Text::NewIbanLabel)}</dt>
                <dd class="nowrap" data-testid="account-new">{account.iban.clone()}</dd>
            </div>
            {account.previous.clone().map(|previous| view! {
                <div class="fact">
                    <dt>{t(lang, Text::PreviousIbanLabel)}</dt>
                    <dd class="nowrap">{previous}</dd>
                </div>
            })}
            <div class="fact">
                <dt>{t(lang, Text::EnteredByLabel)}</dt>
                <dd>{account.entered_by_name.clone()}</dd>
            </div>
        </dl>
    }
}
