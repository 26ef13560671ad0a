//! The outline of a page that is one list from the API: the heading (which is also the
//! browser tab's title), the list's states through [`RemoteList`], and the list itself
//! after a lead paragraph ([`ItemsPage`], [`Items`]). The customer's vouchers, feedback, trail and
//! messages and the company's prices and feedback are such pages.

use crate::components::states::{retryable, RemoteList, RemoteListProps};
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use seteli_domain::i18n::{t, Text};
use seteli_domain::{ApiError, Lang};
use std::future::Future;

/// A page that shows the list `fetch` loads in the page's language (again when the
/// language changes): the `h1` `title`, then `empty` when the list has nothing in it,
/// else `children` with it — either in a `<div>` with the test id `region` if given; a
/// 403 shows `forbidden` if given (see [`RemoteList`]).
#[component]
pub fn ListPage<T, Fut, F, V>(
    title: Text,
    fetch: fn(Lang) -> Fut,
    #[prop(into)] empty: ViewFn,
    #[prop(optional, into)] forbidden: Option<ViewFn>,
    #[prop(optional)] region: Option<&'static str>,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
    F: Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let data = retryable(move || fetch(lang.get()));
    use_document_title(move |lang| t(lang, title).to_owned());
    let in_region = move |content: AnyView| match region {
        Some(testid) => view! { <div data-testid=testid>{content}</div> }.into_any(),
        None => content,
    };
    let list = RemoteList(RemoteListProps {
        data,
        empty: ViewFn::from(move || in_region(empty.run())),
        children: move |list| in_region(children(list).into_any()),
        forbidden,
    });
    view! {
        <h1 tabindex="-1">{tr(title)}</h1>
        {list}
    }
}

/// A [`ListPage`] that shows its list after a lead paragraph, `lead`: an `<ol>` (newest or
/// most relevant first; `<ul>` when `unordered`) with `class` and the test id `testid`,
/// each item shown by `item` in the language the list came in.
#[component]
pub fn ItemsPage<T, Fut, I, V>(
    title: Text,
    fetch: fn(Lang) -> Fut,
    #[prop(into)] empty: ViewFn,
    lead: Text,
    class: &'static str,
    testid: &'static str,
    item: I,
    #[prop(optional)] unordered: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
    I: Fn(T, Lang) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <ListPage title fetch empty let:items>
            <Items lead class testid items item unordered/>
        </ListPage>
    }
}

/// A list's lead paragraph, then the list (`<ol>`; `<ul>` when `unordered`) with `class`
/// and the test id `testid`, each of `items` shown by `item` in the page's language.
#[component]
pub fn Items<T, I, V>(
    lead: Text,
    class: &'static str,
    #[prop(optional, into)] testid: Option<&'static str>,
    items: Vec<T>,
    item: I,
    #[prop(optional)] unordered: bool,
) -> impl IntoView
where
    I: Fn(T, Lang) -> V,
    V: IntoView + 'static,
{
    let lang = use_lang().get_untracked();
    let items = items
        .into_iter()
        .map(|each| item(each, lang))
        .collect_view();
    let list = if unordered {
        view! { <ul class=class role="list" data-testid=testid>{items}</ul> }.into_any()
    } else {
        view! { <ol class=class role="list" data-testid=testid>{items}</ol> }.into_any()
    };
    view! {
        <p class="lead">{tr(lead)}</p>
        {list}
    }
}
