//! What a region shows while it waits, when it fails, and when the thing asked for does
//! not exist.

use crate::api;
use crate::components::account::use_return_to;
use crate::components::on_behalf::MandateHelp;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::i18n::Text;
use seteli_domain::{ApiError, ErrorCode, Lang};

/// A loading message. The region that loads carries `aria-busy`; the page's live region
/// does the announcing, so this is for sighted users.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {tr(Text::Loading)}
        </p>
    }
}

/// A failure: the API's message (in the user's language, with a reference id for internal
/// errors), what to do about a refusal to act for someone ([`OnBehalfHelp`]) and a button
/// that tries again. `role="alert"` makes screen readers say it at once.
#[component]
pub fn ErrorState(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let help = view! { <OnBehalfHelp error=error.clone()/> };
    view! {
        <div class="notice notice-error" role="alert" data-testid="error">
            <p class="notice-title">{tr(Text::ErrorTitle)}</p>
            <p>{error.message}</p>
            {help}
            <button
                type="button"
                class="button button-secondary"
                data-testid="retry"
                on:click=move |_| on_retry.run(())
            >
                {tr(Text::Retry)}
            </button>
        </div>
    }
}

/// A form's request that the server refused or could not take: its message, said at once
/// (`role="alert"`), and what to do about a refusal to act for someone ([`OnBehalfHelp`]).
/// When the session has ended, also the way to log in again, back to this page (what was
/// typed is lost with the page load, which the message cannot hide).
#[component]
pub fn SubmitError(error: ApiError, testid: &'static str) -> impl IntoView {
    let help = view! { <OnBehalfHelp error=error.clone()/> };
    let return_to = use_return_to();
    let unauthorized = api::is_unauthorized(&error);
    if unauthorized {
        // The header may still show the name from before the session ended.
        use_session().recheck();
    }
    let login = unauthorized.then(|| {
        view! {
            <p>
                <a rel="external" href=move || api::login_url(&return_to())>{tr(Text::LogIn)}</a>
            </p>
        }
    });
    view! {
        <div class="notice notice-error" role="alert" data-testid=testid>
            <p>{error.message}</p>
            {help}
            {login}
        </div>
    }
}

/// The rest of an error about acting for someone else, wherever an error is shown: for
/// `no_right_to_act`, the mandate needed and where to ask for it; for `on_behalf_expired`
/// and `company_choice_expired`, the way to choose the person or the company again.
/// Nothing for other errors.
#[component]
pub fn OnBehalfHelp(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    match error.code {
        ErrorCode::NoRightToAct => {
            Some(view! { <MandateHelp issues=error.mandate_issues/> }.into_any())
        }
        ErrorCode::OnBehalfExpired => {
            // The banner may still name the person whose choice has expired.
            use_session().recheck();
            Some(
                view! {
                    <p>
                        <a href=move || links::on_behalf(lang.get()) data-testid="choose-again">
                            {tr(Text::ChooseAgain)}
                        </a>
                    </p>
                }
                .into_any(),
            )
        }
        ErrorCode::CompanyChoiceExpired => {
            // The banner still names the company whose choice has expired.
            use_session().recheck();
            Some(
                view! {
                    <p>
                        <a href=move || links::on_behalf(lang.get()) data-testid="choose-company-again">
                            {tr(Text::ChooseCompanyAgain)}
                        </a>
                    </p>
                }
                .into_any(),
            )
        }
        _ => None,
    }
}

/// Where a "not found" notice leads: a page of the app (in the language given) and the
/// link's text.
#[derive(Debug, Clone, Copy)]
pub struct BackLink {
    /// The page's address in a language, as [`links`] builds them.
    pub href: fn(Lang) -> String,
    /// What the link says.
    pub text: Text,
}

impl Default for BackLink {
    /// The comparison, the app's front page.
    fn default() -> Self {
        Self {
            href: links::home,
            text: Text::GoToComparison,
        }
    }
}

/// The body of a "not found" page: why, and the way back — to the comparison unless
/// `back` names another page. The page's own `h1` says what was not found.
#[component]
pub fn NotFoundNotice(message: String, #[prop(optional)] back: Option<BackLink>) -> impl IntoView {
    let lang = use_lang();
    let BackLink { href, text } = back.unwrap_or_default();
    view! {
        <div class="notice" data-testid="not-found">
            <p>{message}</p>
            <p>
                <a href=move || href(lang.get())>{tr(text)}</a>
            </p>
        </div>
    }
}

/// A resource loaded with `fetch` that the error state's retry button can load again:
/// returns the resource and the callback to hand to [`ErrorState`]'s `on_retry`.
pub fn retryable<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> (LocalResource<T>, Callback<()>)
where
    T: 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let resource = LocalResource::new(move || {
        attempt.track();
        fetch()
    });
    (
        resource,
        Callback::new(move |()| attempt.update(|n| *n += 1)),
    )
}
