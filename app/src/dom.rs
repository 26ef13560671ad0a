//! The browser calls the app makes besides HTTP: the document's language and title, focus,
//! history, links to the other entries, `localStorage`, the clock, random ids and whether the browser is online. Each
//! tolerates a browser that refuses (storage disabled, no history state): the callers say
//! what happens then.

use leptos::prelude::{document, request_animation_frame, window};
use seteli_domain::clock::finnish_date;
use seteli_domain::entries::Entry;
use seteli_domain::Lang;
use time::{Date, OffsetDateTime};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

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

/// Whether an element matching `selector` is displayed.
pub fn any_shown(selector: &str) -> bool {
    let Ok(found) = document().query_selector_all(selector) else {
        return false;
    };
    (0..found.length()).any(|i| {
        found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|element| element.offset_parent().is_some())
    })
}

/// Runs `f` once the browser has reported the first screen's paint (the page's head script
/// keeps that promise, `window.__seteliFirstScreen`), or at once when there is none.
pub fn after_first_screen(f: impl FnOnce() + 'static) {
    let promise = js_sys::Reflect::get(&window(), &JsValue::from_str("__seteliFirstScreen"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        // Before the app mounts, Leptos's executor is not set up yet.
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            f();
        }),
        None => f(),
    }
}

/// Removes every element matching `selector` (the first screen the page painted before the
/// app started).
pub fn remove_all(selector: &str) {
    if let Ok(found) = document().query_selector_all(selector) {
        for i in 0..found.length() {
            if let Some(element) = found
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                element.remove();
            }
        }
    }
}

/// Leaves the app state behind: a full page load of `path`.
pub fn go_to(path: &str) {
    let _ = window().location().set_href(path);
}

/// Makes a click on a link to another entry's page (see [`Entry`]) a full page load of it,
/// since this entry's router does not know that page. The listener sits on the document,
/// below the router's on the window, and the router leaves a prevented click alone.
pub fn load_other_entries_fully(here: Entry) {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let modified = ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key();
        if ev.default_prevented() || ev.button() != 0 || modified {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let same_origin = window()
            .location()
            .origin()
            .is_ok_and(|o| o == link.origin());
        let opens_elsewhere = !link.target().is_empty() || link.has_attribute("download");
        if same_origin && !opens_elsewhere && Entry::for_path(&link.pathname()) != here {
            ev.prevent_default();
            go_to(&link.href());
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_click.forget();
}

/// The text stored under `key` in `localStorage`; `None` when there is none or storage is
/// disabled.
pub fn read_storage(key: &str) -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Stores `value` under `key` in `localStorage`; `false` when the browser refused (storage
/// disabled, or full), so that the caller can say that nothing was kept.
pub fn write_storage(key: &str, value: &str) -> bool {
    match window().local_storage() {
        Ok(Some(storage)) => storage.set_item(key, value).is_ok(),
        _ => false,
    }
}

/// A random UUID (v4) from `crypto.randomUUID()`; where the browser lacks it (an insecure
/// origin, an old browser), one built from `Math.random()`, which is enough for a key that
/// only has to differ from the same person's other keys.
pub fn random_uuid() -> String {
    if let Ok(crypto) = window().crypto() {
        let uuid = crypto.random_uuid();
        if !uuid.is_empty() {
            return uuid;
        }
    }
    let hex = |n: usize| -> String {
        (0..n)
            .map(|_| {
                let digit = (js_sys::Math::random() * 16.0) as u32 % 16;
                char::from_digit(digit, 16).unwrap_or('0')
            })
            .collect()
    };
    let variant =
        char::from_digit(8 + (js_sys::Math::random() * 4.0) as u32 % 4, 16).unwrap_or('8');
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        hex(8),
        hex(4),
        hex(3),
        hex(3),
        hex(12)
    )
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Whether the browser believes it is online (`navigator.onLine`). `false` is reliable
/// (nothing can be sent); `true` only means a network is connected, not that the API can
/// be reached.
pub fn is_online() -> bool {
    window().navigator().on_line()
}

/// Today's date in Finland, by the browser's clock.
pub fn today() -> Date {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    let now = OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    finnish_date(now)
}
