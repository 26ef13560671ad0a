//! One way to load and show data: [`Remote`] waits for a [`Source`] (usually a
//! [`Retryable`] resource) and shows its loading state, the data, or why there is none —
//! the login panel (401), a refusal or "not found" (403, 404), or the error with a button
//! that tries again. [`RemoteList`] adds the empty state of a list. Every page that loads
//! something shows it through these, so that each state looks, reads and is announced the
//! same everywhere.

use crate::api;
use crate::components::account::LoginRequired;
use crate::components::mandate::OnBehalfHelp;
use crate::links;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use seteli_domain::api::Me;
use seteli_domain::i18n::Text;
use seteli_domain::{ApiError, ErrorCode, Lang};
use std::future::{Future, IntoFuture};

/// A loading message, announced politely (`role="status"`) — unless `quiet`, where the page
/// has a live region of its own that says it. The region that loads carries `aria-busy`.
#[component]
pub fn Loading(#[prop(optional)] quiet: bool) -> impl IntoView {
    view! {
        <p class="loading" data-testid="loading" role=(!quiet).then_some("status")>
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

/// A refusal to show what was asked for (403): the API's message. Trying again would not
/// help, so there is no button; a page whose refusals have a way out says so instead
/// (the producer pages: choose a company).
#[component]
pub fn Forbidden(error: ApiError) -> impl IntoView {
    view! {
        <div class="notice" data-testid="forbidden">
            <p>{error.message}</p>
        </div>
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

/// The way back above a page's heading: `← text`, leading to `link` in the page's
/// language.
#[component]
pub fn BackTo(link: BackLink, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    let BackLink { href, text } = link;
    view! {
        <p class="back">
            <a class="back-link" href=move || href(lang.get()) data-testid=testid>
                <span aria-hidden="true">"← "</span>
                {tr(text)}
            </a>
        </p>
    }
}

/// What a list says when it has nothing in it: `text` alone is one paragraph
/// (`<p class="notice">`); with a `title` (and `children`: more paragraphs, a link) it is
/// a box. Not a live region: it replaces the loading state, which was announced.
#[component]
pub fn EmptyNotice(
    testid: &'static str,
    #[prop(optional)] title: Option<Text>,
    #[prop(optional)] text: Option<Text>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    match (title, children) {
        (None, None) => {
            view! { <p class="notice" data-testid=testid>{text.map(tr)}</p> }.into_any()
        }
        (title, children) => view! {
            <div class="notice" data-testid=testid>
                {title.map(|title| view! { <p class="notice-title">{tr(title)}</p> })}
                {text.map(|text| view! { <p>{tr(text)}</p> })}
                {children.map(|children| children())}
            </div>
        }
        .into_any(),
    }
}

/// Something a [`Remote`] can wait for: the answer to a request, which can be asked again.
pub trait Source: Copy + Send + Sync + 'static {
    /// What a successful answer holds.
    type Data: Send + 'static;
    /// The latest answer; waits (and the [`Remote`] shows its loading state) while the
    /// request is under way.
    fn answer(self) -> impl Future<Output = Result<Self::Data, ApiError>> + Send + 'static;
    /// Asks again (the error state's retry button).
    fn retry(self);
}

/// A resource loaded with a `fetch` that can be asked again: loads at once, again whenever
/// a signal `fetch` reads changes, and on [`retry`](Self::retry).
pub struct Retryable<T: 'static> {
    resource: LocalResource<Result<T, ApiError>>,
    attempt: RwSignal<u32>,
}

impl<T: 'static> Clone for Retryable<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Retryable<T> {}

impl<T: 'static> Retryable<T> {
    /// Reads what has arrived (reactive): `None` until the first answer; while it loads
    /// again, the previous answer.
    pub fn with<U>(self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> U) -> U {
        self.resource.with(|answer| f(answer.as_ref()))
    }
}

impl<T: Clone + Send + Sync + 'static> Source for Retryable<T> {
    type Data = T;

    fn answer(self) -> impl Future<Output = Result<T, ApiError>> + Send + 'static {
        self.resource.into_future()
    }

    fn retry(self) {
        self.attempt.update(|n| *n += 1);
    }
}

/// A resource loaded with `fetch`, which the error state's retry button can load again.
pub fn retryable<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Retryable<T>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let resource = LocalResource::new(move || {
        attempt.track();
        fetch()
    });
    Retryable { resource, attempt }
}

/// Who is logged in, as a [`Source`] for pages that need a login but load nothing of
/// their own first: a visitor is a 401 (the login panel). When the question itself
/// failed (no connection), the answer is `None`: the page's own request will say what is
/// wrong.
#[derive(Clone, Copy)]
pub struct LoggedIn;

impl Source for LoggedIn {
    type Data = Option<Me>;

    fn answer(self) -> impl Future<Output = Result<Option<Me>, ApiError>> + Send + 'static {
        let me = use_session().me();
        let lang = use_lang().get_untracked();
        async move {
            match me.await {
                Ok(Some(me)) => Ok(Some(me)),
                Ok(None) => Err(ApiError::new(ErrorCode::Unauthorized, lang)),
                Err(_) => Ok(None),
            }
        }
    }

    fn retry(self) {
        use_session().retry_if_failed();
    }
}

/// The states of a remote resource, `data`: [`Loading`] while it loads; then `children`
/// with the data; or why there is none — the login panel for a 401 ([`LoginRequired`]),
/// `forbidden` (else [`Forbidden`]) for a 403, [`NotFoundNotice`] (leading to `back`) for
/// a 404, and [`ErrorState`] with a retry button for anything else.
///
/// While it loads again (a retry, another id or language), the loading state replaces
/// what was shown, unless `keep_while_reloading`: then the old content stays until the
/// new arrives (for reloads that the page itself starts after a change).
#[component]
pub fn Remote<S, F, V>(
    data: S,
    children: F,
    #[prop(optional)] back: Option<BackLink>,
    #[prop(optional, into)] forbidden: Option<ViewFn>,
    #[prop(optional)] keep_while_reloading: bool,
) -> impl IntoView
where
    S: Source,
    F: Fn(S::Data) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let show = move || {
        let children = children.clone();
        let forbidden = forbidden.clone();
        Suspend::new(async move {
            match data.answer().await {
                Ok(value) => children(value).into_any(),
                Err(error) => failure(error, data, back, forbidden),
            }
        })
    };
    if keep_while_reloading {
        view! { <Transition fallback=|| view! { <Loading/> }>{show}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback=|| view! { <Loading/> }>{show}</Suspense> }.into_any()
    }
}

/// A [`Remote`] list: `empty` when the list has nothing in it, else `children` with it.
#[component]
pub fn RemoteList<S, T, F, V>(
    data: S,
    #[prop(into)] empty: ViewFn,
    children: F,
    #[prop(optional, into)] forbidden: Option<ViewFn>,
) -> impl IntoView
where
    S: Source<Data = Vec<T>>,
    T: Send + 'static,
    F: Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let show = move |list: Vec<T>| {
        if list.is_empty() {
            empty.run()
        } else {
            children(list).into_any()
        }
    };
    match forbidden {
        Some(forbidden) => {
            view! { <Remote data forbidden let:list>{show(list)}</Remote> }.into_any()
        }
        None => view! { <Remote data let:list>{show(list)}</Remote> }.into_any(),
    }
}

/// Why `data` has nothing to show; see [`Remote`].
fn failure<S: Source>(
    error: ApiError,
    data: S,
    back: Option<BackLink>,
    forbidden: Option<ViewFn>,
) -> AnyView {
    if api::is_unauthorized(&error) {
        view! { <LoginRequired/> }.into_any()
    } else if api::is_forbidden(&error) {
        match forbidden {
            Some(forbidden) => forbidden.run(),
            None => view! { <Forbidden error/> }.into_any(),
        }
    } else if api::is_not_found(&error) {
        view! { <NotFoundNotice message=error.message back=back.unwrap_or_default()/> }.into_any()
    } else {
        view! { <ErrorState error on_retry=move |()| data.retry()/> }.into_any()
    }
}

/// The address's `:id` as the kind of id `parse` makes (reactive); `None` when it is not
/// one.
pub fn use_id_in_path<T>(parse: fn(&str) -> Option<T>) -> Memo<Option<T>>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get_str("id").and_then(parse)))
}
