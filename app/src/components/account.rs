//! The header's account area: "Log in" for visitors; the person's name and "Log out" once
//! logged in. Logging in leaves the app for the identity provider and comes back to the
//! page it started from. Also the panel a personal page shows to someone not logged in.

use crate::api;
use crate::dom;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use crate::visit_queue;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use seteli_domain::i18n::Text;
use seteli_domain::ApiError;

/// Where the login should return to: this page, without a stale notice about an earlier
/// attempt (reactive).
pub fn use_return_to() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move || {
        let path = location.pathname.get();
        location.query.with(|q| {
            links::href(
                &path,
                q.into_iter().filter(|(k, _)| k.as_ref() != "login_error"),
            )
        })
    }
}

/// Who is logged in, with the matching action.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let lang = use_lang();
    let me = use_session().me();
    let return_to = use_return_to();
    // Logs out; once the server has ended the session, the person's queued visits (the
    // `user_key` given) leave the device. A failed logout deletes nothing.
    let logout = Action::new_local(move |forget: &Option<String>| {
        let forget = forget.clone();
        async move {
            let result = api::logout(lang.get_untracked()).await;
            if let (Ok(()), Some(key)) = (&result, forget) {
                visit_queue::forget_person(&key);
            }
            result
        }
    });
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
                                <LogOutButton logout user_key=person.user_key.clone()/>
                            }
                                .into_any()
                        }
                        // Unknown (network down) is shown as logged out: logging in again
                        // is always safe.
                        _ => view! {
                            // rel=external: a full navigation to the edge, not an app route.
                            <a class="login-link" rel="external" data-testid="login" href=move || api::login_url_for(&return_to())>
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

/// "Log out". Visits the person logged without a connection and has not sent yet are
/// deleted from the device at logout, so the button first says so and asks: logging in
/// again (as the company they were logged for) would have sent them.
#[component]
fn LogOutButton(
    logout: Action<Option<String>, Result<(), ApiError>>,
    user_key: Option<String>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let user_key = StoredValue::new(user_key);
    let log_out = move || {
        logout.dispatch_local(user_key.get_value());
    };
    let on_click = move |_| {
        let unsent = user_key.with_value(|k| k.as_deref().map_or(0, visit_queue::unsent_by));
        if unsent > 0 {
            confirming.set(true);
            dom::focus_after_render("[data-testid=logout-cancel]");
        } else {
            log_out();
        }
    };
    view! {
        <button
            type="button"
            class="button-secondary"
            data-testid="logout"
            disabled=move || logout.pending().get()
            aria-expanded=move || confirming.get().to_string()
            on:click=on_click
        >
            {tr(Text::LogOut)}
        </button>
        <Show when=move || confirming.get()>
            <div class="notice logout-warning" role="group" aria-labelledby="logout-warning-text" data-testid="logout-warning">
                <p id="logout-warning-text">{tr(Text::UnsentVisitsAtLogout)}</p>
                <div class="form-actions">
                    <button
                        type="button"
                        class="button"
                        data-testid="logout-cancel"
                        on:click=move |_| {
                            confirming.set(false);
                            dom::focus("[data-testid=logout]");
                        }
                    >
                        {tr(Text::StayLoggedIn)}
                    </button>
                    <button type="button" class="button-secondary" data-testid="logout-confirm" on:click=move |_| log_out()>
                        {tr(Text::LogOutAndDelete)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// What a personal page shows when the API says nobody is logged in (or the session has
/// ended): why the page needs strong identification, and the way to log in that returns
/// here afterwards.
#[component]
pub fn LoginRequired() -> impl IntoView {
    let return_to = use_return_to();
    // The header may still show the name from before the session ended.
    use_session().recheck();
    view! {
        <div class="notice login-required" data-testid="login-required">
            <p class="notice-title">{tr(Text::LoginRequiredTitle)}</p>
            <p>{tr(Text::LoginRequiredText)}</p>
            <p>
                // rel=external: a full navigation to the edge, not an app route.
                <a
                    class="button"
                    rel="external"
                    data-testid="login-required-link"
                    href=move || api::login_url_for(&return_to())
                >
                    {tr(Text::LoginRequiredAction)}
                </a>
            </p>
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
