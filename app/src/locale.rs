//! The interface language: chosen with the header's switcher, kept in `localStorage`
//! (`seteli.lang`) and in the URL's `lang` parameter (left out for Finnish, the default).
//!
//! The language in effect is a signal in context. On the first load it comes from the URL,
//! else from storage, else Finnish. After that only the switcher changes it; the URL is
//! rewritten (replacing, not pushing) to match, so back and forward keep the language the
//! user chose rather than flipping it to whatever an older entry said.

use crate::{dom, links};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::State;
use leptos_router::NavigateOptions;
use seteli_domain::i18n::{document_title, t, Text};
use seteli_domain::Lang;

/// The language in effect, provided by [`provide_locale`].
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
}

impl Locale {
    /// The language in effect (reactive).
    pub fn get(self) -> Lang {
        self.lang.get()
    }

    /// Switches the language and remembers the choice.
    pub fn choose(self, lang: Lang) {
        dom::store_lang(lang);
        self.lang.set(lang);
    }
}

/// Sets up the language for everything below; must be called inside the `<Router>`.
pub fn provide_locale() {
    let location = use_location();
    let from_url = location
        .query
        .with_untracked(|q| q.get_str("lang").and_then(Lang::parse));
    let lang = RwSignal::new(from_url.or_else(dom::stored_lang).unwrap_or_default());
    provide_context(Locale { lang });

    Effect::new(move |_| dom::set_document_lang(lang.get()));

    let navigate = use_navigate();
    Effect::new(move |_| {
        let lang = lang.get();
        let path = location.pathname.get();
        let query = location.query.get();
        let wanted = (lang != Lang::default()).then_some(lang.code());
        if query.get_str("lang") != wanted {
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                // Keeps the marker that tells a producer page where "back" goes.
                state: State::new(dom::history_state()),
                ..NavigateOptions::default()
            };
            let pairs = (&query).into_iter().map(|(k, v)| (k.as_ref(), v));
            navigate(&links::with_lang(&path, pairs, lang), options);
        }
    });
}

/// The [`Locale`] in context.
pub fn use_locale() -> Locale {
    // `provide_locale` runs in the shell above every page; a missing context is a bug in
    // the app's own wiring, not something a user or the network can cause.
    use_context::<Locale>().unwrap_or_else(|| {
        leptos::logging::error!("no Locale in context; using Finnish");
        Locale {
            lang: RwSignal::new(Lang::default()),
        }
    })
}

/// The language in effect as a signal.
pub fn use_lang() -> Signal<Lang> {
    let locale = use_locale();
    Signal::derive(move || locale.get())
}

/// A reactive translation of `text`, for use in views.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || t(lang.get(), text)
}

/// Keeps the browser tab's title as `page – Seteli`, in the current language.
pub fn use_document_title(page: impl Fn(Lang) -> String + 'static) {
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        dom::set_title(&document_title(lang, &page(lang)));
    });
}
