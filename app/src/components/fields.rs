//! The forms' fields (the desk's and the resident's application form): a label, the control, and what is wrong with it — found by the
//! form's own check before sending (the same rules the API applies, from
//! `seteli_domain::desk`) or named by the API's refusal (`ApiError::field`). The control's
//! `aria-describedby` names the message while it shows, and `aria-invalid` marks it.

use crate::locale::use_lang;
use leptos::prelude::*;
use seteli_domain::i18n::{t, Text};
use seteli_domain::{ApiError, Lang};

/// What is wrong with a form's fields: the form's own finding (a field's name in the
/// request body and what to say), and the API's last refusal.
#[derive(Clone, Copy)]
pub struct Problems {
    local: RwSignal<Option<(&'static str, Text)>>,
    server: Signal<Option<ApiError>>,
    lang: Signal<Lang>,
}

impl Problems {
    /// The problems of a form whose last refusal `server` gives (reactive).
    pub fn new(server: impl Fn() -> Option<ApiError> + Send + Sync + 'static) -> Self {
        Self {
            local: RwSignal::new(None),
            server: Signal::derive(server),
            lang: use_lang(),
        }
    }

    /// The form found `field` wrong before sending; focus moves to `dom_id`.
    pub fn found(self, field: &'static str, text: Text, dom_id: &str) {
        self.local.set(Some((field, text)));
        crate::dom::focus(&format!("#{dom_id}"));
    }

    /// Nothing wrong found before sending.
    pub fn clear(self) {
        self.local.set(None);
    }

    /// What to say under `field` (reactive): the form's finding, else the API's message
    /// when its refusal names the field.
    pub fn message(self, field: &str) -> Option<String> {
        let lang = self.lang.get();
        if let Some((name, text)) = self.local.get() {
            return (name == field).then(|| t(lang, text).to_owned());
        }
        self.server
            .get()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| e.message)
    }
}

/// The attributes a control needs to be tied to its message.
fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// `aria-describedby` of a control with an optional hint, while `invalid` adding its
/// message.
fn described(id: &str, hint: bool, invalid: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if invalid {
        ids.push(error_id(id));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The message under a field, while there is one.
#[component]
fn FieldMessage(id: String, problems: Problems, field: &'static str) -> impl IntoView {
    move || {
        problems.message(field).map(|message| {
            view! {
                <p id=error_id(&id) class="field-error" data-testid=format!("{}-error", id)>
                    {message}
                </p>
            }
        })
    }
}

/// A labelled text input (`kind`: `text` unless given, e.g. `date`, `number`), or a
/// textarea when `multiline`, bound to `value`. Its test id is its `id`.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    field: &'static str,
    label: Text,
    value: RwSignal<String>,
    problems: Problems,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let lang = use_lang();
    let kind = if kind.is_empty() { "text" } else { kind };
    let invalid = move || problems.message(field).is_some();
    let described_by = {
        let id = id.clone();
        move || described(&id, hint.is_some(), invalid())
    };
    let hint_view = hint.map(|hint| {
        view! { <p id=format!("{id}-hint") class="hint">{move || t(lang.get(), hint)}</p> }
    });
    let optional_mark = optional.then(
        || view! { " " <span class="optional">{move || t(lang.get(), Text::OptionalField)}</span> },
    );
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=field
                rows="4"
                data-testid=id.clone()
                aria-describedby=described_by
                aria-invalid=move || invalid().then_some("true")
                aria-required=(!optional).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=field
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                data-testid=id.clone()
                aria-describedby=described_by
                aria-invalid=move || invalid().then_some("true")
                aria-required=(!optional).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || t(lang.get(), label)}{optional_mark}</label>
            {hint_view}
            {control}
            <FieldMessage id problems field/>
        </div>
    }
}

/// A labelled select bound to `value`, whose options are `(value, words)`.
#[component]
pub fn ChoiceField(
    #[prop(into)] id: String,
    field: &'static str,
    label: Text,
    value: RwSignal<String>,
    problems: Problems,
    options: Vec<(String, String)>,
    #[prop(optional)] placeholder: Option<Text>,
) -> impl IntoView {
    let lang = use_lang();
    let invalid = move || problems.message(field).is_some();
    let described_by = {
        let id = id.clone();
        move || described(&id, false, invalid())
    };
    let first = placeholder.map(|text| {
        view! { <option value="">{move || t(lang.get(), text)}</option> }
    });
    let options = options
        .into_iter()
        .map(|(code, words)| {
            let selected_code = code.clone();
            view! {
                <option value=code selected=move || value.get() == selected_code>{words}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{move || t(lang.get(), label)}</label>
            <select
                id=id.clone()
                name=field
                data-testid=id.clone()
                aria-describedby=described_by
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {first}
                {options}
            </select>
            <FieldMessage id problems field/>
        </div>
    }
}

/// A group of radio buttons (a `fieldset` with its `legend`) bound to `value`.
#[component]
pub fn RadioField(
    #[prop(into)] id: String,
    field: &'static str,
    legend: Text,
    value: RwSignal<String>,
    problems: Problems,
    options: Vec<(String, Text)>,
) -> impl IntoView {
    let lang = use_lang();
    let invalid = move || problems.message(field).is_some();
    let described_by = {
        let id = id.clone();
        move || described(&id, false, invalid())
    };
    let radios = options
        .into_iter()
        .map(|(code, text)| {
            let radio_id = format!("{id}-{code}");
            let checked_code = code.clone();
            let chosen_code = code.clone();
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=radio_id.clone()
                        name=id.clone()
                        value=code
                        data-testid=radio_id.clone()
                        prop:checked=move || value.get() == checked_code
                        on:change=move |_| value.set(chosen_code.clone())
                    />
                    <label for=radio_id>{move || t(lang.get(), text)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field choice-group" aria-describedby=described_by>
            <legend>{move || t(lang.get(), legend)}</legend>
            {radios}
            <FieldMessage id=id.clone() problems field/>
        </fieldset>
    }
}

/// A labelled checkbox bound to `value`.
#[component]
pub fn CheckField(#[prop(into)] id: String, label: Text, value: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field choice">
            <input
                type="checkbox"
                id=id.clone()
                data-testid=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || t(lang.get(), label)}</label>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_described_by_its_hint_and_then_its_error() {
        assert_eq!(described("x", false, false), None);
        assert_eq!(described("x", true, false).as_deref(), Some("x-hint"));
        assert_eq!(
            described("x", true, true).as_deref(),
            Some("x-hint x-error")
        );
        assert_eq!(described("x", false, true).as_deref(), Some("x-error"));
    }
}

/// The language of a customer's messages and letters, in its own words (the choice is read
/// by people of either language).
pub fn letter_lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "svenska",
        _ => "suomi",
    }
}

/// The choice of a customer's letter language: Finnish, Swedish, or not known (`""`, then
/// the organiser's language).
#[component]
pub fn LetterLangField(
    id: &'static str,
    value: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let options = [Lang::Fi, Lang::Sv]
        .into_iter()
        .map(|l| (l.code().to_owned(), letter_lang_name(l).to_owned()))
        .collect();
    view! {
        <ChoiceField id field="lang" label=Text::LetterLangLabel value problems options placeholder=Text::LetterLangUnknown/>
    }
}
