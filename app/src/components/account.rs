//! The header's account area: "Log in" for visitors; the person's name and "Log out" once
//! logged in. Logging in leaves the app for the identity provider and comes back to the
//! page it started from.

use crate::api;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::i18n::Text;

/// Who is logged in, with the matching action.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let me = LocalResource::new(move || api::me(lang.get_untracked()));
    // Back to this page after login, without a stale notice about an earlier attempt.
    let return_to = move || {
        let path = location.pathname.get();
        location.query.with(|q| {
            links::href(
                &path,
                q.into_iter().filter(|(k, _)| k.as_ref() != "login_error"),
            )
        })
    };
    let logout = Action::new_local(move |_: &()| api::logout(lang.get_untracked()));
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            // A full reload to the front page drops every piece of the person's data
            // that the app may still hold.
            dom::go_to("/");
        }
    });
    view! {
        <div class="account" role="group" aria-label=tr(Text::AccountNavLabel) data-testid="account">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(person)) => {
                            let name = format!("{} {}", person.given_name, person.family_name);
                            view! {
                                <span class="account-name">
                                    <span class="visually-hidden">{tr(Text::LoggedInAs)} " "</span>
                                    <span data-testid="account-name">{name}</span>
                                </span>
                                <button
                                    type="button"
                                    class="button-secondary"
                                    data-testid="logout"
                                    disabled=move || logout.pending().get()
                                    on:click=move |_| {
                                        logout.dispatch_local(());
                                    }
                                >
                                    {tr(Text::LogOut)}
                                </button>
                            }
                                .into_any()
                        }
                        // Unknown (network down) is shown as logged out: logging in again
                        // is always safe.
                        _ => view! {
                            // rel=external: a full navigation to the edge, not an app route.
                            <a class="login-link" rel="external" data-testid="login" href=move || api::login_url(&return_to())>
                                {tr(Text::LogIn)}
                            </a>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Explains a login that came back without a session (`?login_error=` from the edge).
#[component]
pub fn LoginNotice() -> impl IntoView {
    let location = use_location();
    let dismissed = RwSignal::new(false);
    let reason = move || {
        location
            .query
            .with(|q| q.get_str("login_error").map(str::to_owned))
    };
    let message = move || match reason().as_deref() {
        Some("cancelled") => Some(Text::LoginCancelled),
        Some("unavailable") => Some(Text::LoginUnavailable),
        Some(_) => Some(Text::LoginFailed),
        None => None,
    };
    move || {
        let text = message().filter(|_| !dismissed.get())?;
        Some(view! {
            <div class="notice notice-error" role="alert" data-testid="login-notice">
                <p>{tr(text)}</p>
                <button type="button" class="button-secondary" on:click=move |_| dismissed.set(true)>
                    {tr(Text::Dismiss)}
                </button>
            </div>
        })
    }
}
