//! The app without a connection: registers the service worker (`/sw.js`, written by
//! `cargo xtask` from `app/service-worker.js`), which keeps the app and the data its pages
//! need offline, and offers a reload when a new version has been installed beside the one
//! running — the only way versions switch, so this page's code never meets a newer API
//! unawares.

use crate::locale::tr;
use leptos::prelude::*;
use leptos::task::spawn_local;
use seteli_domain::i18n::Text;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open page asks whether a new version was deployed.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

/// The browser's service workers, where it has them (a secure origin).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Older browsers and insecure origins have no `serviceWorker`.
    has_property(&navigator, "serviceWorker").then(|| navigator.service_worker())
}

fn has_property(target: &JsValue, property: &str) -> bool {
    web_sys::js_sys::Reflect::has(target, &JsValue::from_str(property)).unwrap_or(false)
}

/// Registers the service worker and sets `update_ready` once a new version waits. The
/// first version takes over at once (there is nothing to switch from).
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = container() else {
        return;
    };
    let registering = container.register("/sw.js");
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let controlled = controlled.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Asked now and then, and whenever the page comes back into view (a phone taken out
        // of a pocket), so that a tab left open learns of a new version before it is used.
        let check = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                let _ = registration.update();
            }
        });
        let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            UPDATE_CHECK_MS,
        );
        let _ = document()
            .add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
        check.forget();
    });
}

/// Lets the waiting version take over and loads the page again under it.
fn reload_into_new_version() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let asking = container.get_registration();
    spawn_local(async move {
        let waiting = JsFuture::from(asking)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Nothing waits any more (another tab switched already): a reload is enough.
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

/// "A new version is available — reload", above the page while a new version waits. It
/// sits in the page's flow, covering nothing, and is announced politely.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    register(update_ready);
    view! {
        <div role="status" class="update-slot">
            <Show when=move || update_ready.get()>
                <div class="container notice update-prompt" data-testid="update-prompt">
                    <p>{tr(Text::UpdateAvailable)}</p>
                    <button
                        type="button"
                        class="button"
                        data-testid="update-reload"
                        on:click=move |_| reload_into_new_version()
                    >
                        {tr(Text::UpdateReload)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
