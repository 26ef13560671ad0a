//! A character counter for a text field with a limit: "123 / 2000" on screen, and a
//! polite spoken note only when the text nears the limit and typing pauses, so that a
//! screen reader is not interrupted on every keystroke.

use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::i18n::characters_left;
use std::time::Duration;

/// How long typing must pause before the count near the limit is spoken.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(1000);

/// Characters as the domain's limits count them (Unicode scalar values).
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// The counter's visible text: `123 / 2000`.
pub fn counter_text(count: usize, max: usize) -> String {
    format!("{count} / {max}")
}

/// Whether the text is in the last tenth of its limit (or past it), where the count is
/// worth saying aloud.
pub fn near_limit(count: usize, max: usize) -> bool {
    count.saturating_mul(10) >= max.saturating_mul(9)
}

/// The counter for a field whose text is `text`, limited to `max` characters.
#[component]
pub fn CharCounter(
    #[prop(into)] text: Signal<String>,
    max: usize,
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let count = Memo::new(move |_| text.with(|t| char_count(t)));
    let announcement = RwSignal::new(String::new());
    // Each change bumps the generation; a timer speaks only if nothing changed since.
    let generation = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let count = count.get();
        let lang = lang.get();
        let current = generation.get_value().wrapping_add(1);
        generation.set_value(current);
        if !near_limit(count, max) {
            announcement.set(String::new());
            return;
        }
        set_timeout(
            move || {
                // The field may be gone by then (the page changed): nothing to say.
                if generation.try_get_value() == Some(current) {
                    announcement.try_set(characters_left(lang, count, max));
                }
            },
            ANNOUNCE_AFTER,
        );
    });
    view! {
        // The field's hint states the limit; this is the running count for the eye.
        <p
            class="char-count"
            class:char-count-near=move || near_limit(count.get(), max)
            data-testid=testid
            aria-hidden="true"
        >
            {move || counter_text(count.get(), max)}
        </p>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcement.get()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_counts_characters_not_bytes() {
        assert_eq!(char_count("äöå"), 3);
        assert_eq!(counter_text(123, 2000), "123 / 2000");
    }

    #[test]
    fn only_the_last_tenth_of_the_limit_is_spoken() {
        assert!(!near_limit(0, 2000));
        assert!(!near_limit(1799, 2000));
        assert!(near_limit(1800, 2000));
        assert!(near_limit(2001, 2000));
        assert!(near_limit(900, 1000));
    }
}
