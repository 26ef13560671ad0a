//! What every form shares: the button that sends (and says so while it does), the
//! message of a field that is not right yet, and what the server said when it refused.

use crate::api;
use crate::components::account::use_return_to;
use crate::components::mandate::OnBehalfHelp;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::i18n::{t, Text};
use seteli_domain::ApiError;

/// A form's submit button: `text` at rest; while `pending`, "Sending…" (or `busy_text`),
/// `aria-busy` and `aria-disabled`. It stays focusable while disabled, so that keyboard
/// and screen reader users keep their place; the form's submit handler must therefore
/// ignore a submit while `pending` (every form here returns early then).
#[component]
pub fn SubmitButton(
    text: Text,
    #[prop(into)] pending: Signal<bool>,
    testid: &'static str,
    #[prop(optional)] busy_text: Option<Text>,
) -> impl IntoView {
    let lang = use_lang();
    let busy = move || pending.get().then_some("true");
    view! {
        <button type="submit" class="button" data-testid=testid aria-disabled=busy aria-busy=busy>
            {move || {
                let text = if pending.get() { busy_text.unwrap_or(Text::Sending) } else { text };
                t(lang.get(), text)
            }}
        </button>
    }
}

/// What is wrong with a field, under its label: `id` is what the field's
/// `aria-describedby` names while the message shows.
#[component]
pub fn FieldError(#[prop(into)] id: String, text: Text, testid: &'static str) -> impl IntoView {
    view! {
        <p id=id class="field-error" data-testid=testid>
            {tr(text)}
        </p>
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
                <a rel="external" href=move || api::login_url_for(&return_to())>{tr(Text::LogIn)}</a>
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

/// The error of an action's last run, once it has finished: `None` while it runs and
/// after a success. `error_of` picks the error out of the action's output.
pub fn last_error<I, O>(
    action: Action<I, O>,
    error_of: impl Fn(O) -> Option<ApiError> + Copy + Send + Sync + 'static,
) -> impl Fn() -> Option<ApiError> + Copy + Send + Sync + 'static
where
    I: 'static,
    O: Clone + 'static,
{
    let pending = action.pending();
    move || {
        if pending.get() {
            return None;
        }
        action.value().get().and_then(error_of)
    }
}

/// The end of a form: what the server said when it refused ([`SubmitError`] with the test
/// id `error_testid`), anything else the form says after sending (`children`), and the
/// [`SubmitButton`] (`text`, `testid`).
#[component]
pub fn FormEnd<E>(
    error: E,
    error_testid: &'static str,
    text: Text,
    #[prop(into)] pending: Signal<bool>,
    testid: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView
where
    E: Fn() -> Option<ApiError> + Send + Sync + 'static,
{
    view! {
        {move || error().map(|error| view! { <SubmitError error testid=error_testid/> })}
        {children.map(|children| children())}
        <div class="form-actions">
            <SubmitButton text pending testid/>
        </div>
    }
}

/// A labelled select (`id`, `name` and the test id `testid`) whose options are `children`.
#[component]
pub fn SelectField<F>(
    id: &'static str,
    name: &'static str,
    label: Text,
    #[prop(into)] testid: String,
    on_change: F,
    children: Children,
) -> impl IntoView
where
    F: Fn(leptos::ev::Event) + 'static,
{
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id name=name data-testid=testid on:change=on_change>
                {children()}
            </select>
        </div>
    }
}

/// A field's `aria-describedby`: its hint, and its error message while `invalid`.
pub fn described_by(
    hint_id: impl Into<String>,
    error_id: impl Into<String>,
    invalid: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let (hint_id, error_id) = (hint_id.into(), error_id.into());
    move || {
        if invalid() {
            format!("{hint_id} {error_id}")
        } else {
            hint_id.clone()
        }
    }
}

/// What a form says once it has done its work: `text` in a notice (`id`, where focus can
/// be moved) while `shown`, in a polite live region that is there from the start, so that
/// screen readers notice what appears in it.
#[component]
pub fn DoneNotice(
    #[prop(into)] shown: Signal<bool>,
    #[prop(into)] id: String,
    testid: &'static str,
    text: Text,
) -> impl IntoView {
    view! {
        <div aria-live="polite">
            {move || {
                shown.get().then(|| {
                    view! {
                        <p id=id.clone() class="notice notice-success" role="status" tabindex="-1" data-testid=testid>
                            {tr(text)}
                        </p>
                    }
                })
            }}
        </div>
    }
}

/// A button that starts something other than sending its form: `aria-disabled` while
/// `busy`, but focusable and clickable, as the [`SubmitButton`] is (`on_click` decides
/// what a click while busy does).
#[component]
pub fn BusyButton<F>(
    class: &'static str,
    #[prop(into)] testid: String,
    #[prop(into)] busy: Signal<bool>,
    on_click: F,
    children: Children,
) -> impl IntoView
where
    F: Fn() + 'static,
{
    view! {
        <button
            type="button"
            class=class
            data-testid=testid
            aria-disabled=move || busy.get().then_some("true")
            on:click=move |_| on_click()
        >
            {children()}
        </button>
    }
}
