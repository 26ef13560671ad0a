//! The browser calls the app makes besides HTTP: the document's language and title, focus,
//! history and the stored language choice. Each tolerates a browser that refuses (storage
//! disabled, no history state): these are conveniences, never reasons to fail a page.

use leptos::prelude::{document, request_animation_frame, window};
use seteli_domain::Lang;
use wasm_bindgen::{JsCast, JsValue};

/// The history state the comparison's producer links push, so that a producer page knows
/// the entry before it is the comparison (and "back" can be the browser's back).
pub const FROM_COMPARISON: &str = "seteli:from-comparison";

/// Where the language choice is kept between visits.
const LANG_KEY: &str = "seteli.lang";

/// The language stored by an earlier visit, if any and if storage is allowed.
pub fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    let code = storage.get_item(LANG_KEY).ok().flatten()?;
    Lang::parse(&code)
}

/// Remembers the language for the next visit; silently does nothing where storage is
/// disabled (private browsing), as the URL still carries the choice.
pub fn store_lang(lang: Lang) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// Sets `<html lang>`, so that screen readers pronounce the page in the right language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Focuses the first element matching `selector` once the pending render is on screen.
pub fn focus_after_render(selector: impl Into<String>) {
    let selector = selector.into();
    request_animation_frame(move || focus(&selector));
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus(selector: &str) {
    let element = document().query_selector(selector).ok().flatten();
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The current history entry's state, so that a replacing navigation can keep it.
pub fn history_state() -> Option<JsValue> {
    window().history().ok()?.state().ok()
}

/// Whether the previous history entry is the comparison this page was opened from.
pub fn came_from_comparison() -> bool {
    history_state().and_then(|s| s.as_string()).as_deref() == Some(FROM_COMPARISON)
}

/// The browser's back button.
pub fn history_back() {
    if let Ok(history) = window().history() {
        let _ = history.back();
    }
}

/// Leaves the app state behind: a full page load of `path`.
pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}
