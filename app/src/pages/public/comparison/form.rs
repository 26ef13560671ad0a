//! The comparison's search form: municipality, service, voucher value (typed, or the
//! logged-in customer's own with one button) and sort order. Every choice is pushed to the
//! URL; the text being typed in the voucher field is the only state of its own.

use super::{matching_voucher, parse_voucher, voucher_field_text, Choices};
use crate::api;
use crate::components::form::{described_by, SelectField};
use crate::dom;
use crate::locale::{tr, use_lang};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use seteli_domain::api::{Municipality, Service};
use seteli_domain::comparison::SortKey;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{ApiError, Cents, ErrorCode, MunicipalityCode, ServiceCode};

/// Pushes the URL of `choices` changed by `change`, back on the first page of results;
/// the page keeps its scroll position.
fn use_choose(choices: Memo<Choices>) -> impl Fn(&dyn Fn(&mut Choices)) + Clone + 'static {
    let lang = use_lang();
    let navigate = use_navigate();
    move |change: &dyn Fn(&mut Choices)| {
        let mut next = choices.get_untracked();
        change(&mut next);
        next.page = 1;
        let options = NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&next.href(lang.get_untracked()), options);
    }
}

/// The voucher field's text, kept while it is typed; the URL changes only when the value
/// is committed (on change or submit) and valid.
#[derive(Clone, Copy)]
struct VoucherDraft {
    text: RwSignal<String>,
    invalid: RwSignal<bool>,
    /// The text last read from or written to the URL: Enter fires both `change` and
    /// `submit`, and the second must not push the same URL again.
    committed: StoredValue<String>,
}

impl VoucherDraft {
    /// The draft of the URL's voucher value, which it follows.
    fn new(choices: Memo<Choices>) -> Self {
        let lang = use_lang();
        let draft = Self {
            text: RwSignal::new(String::new()),
            invalid: RwSignal::new(false),
            committed: StoredValue::new(String::new()),
        };
        let url_voucher = Memo::new(move |_| choices.with(|c| c.voucher));
        Effect::new(move |_| {
            let text = url_voucher
                .get()
                .map(|v| voucher_field_text(v, lang.get()))
                .unwrap_or_default();
            draft.committed.set_value(text.clone());
            draft.text.set(text);
            draft.invalid.set(false);
        });
        draft
    }

    /// Puts a valid value in the URL through `choose`; `false` (and the field marked
    /// invalid) if the text is not euros.
    fn commit(self, choose: &impl Fn(&dyn Fn(&mut Choices))) -> bool {
        let text = self.text.get_untracked();
        let Ok(voucher) = parse_voucher(&text) else {
            self.invalid.set(true);
            return false;
        };
        self.invalid.set(false);
        if self.committed.with_value(|c| *c == text) {
            return true;
        }
        self.committed.set_value(text);
        choose(&|next: &mut Choices| next.voucher = voucher);
        true
    }
}

/// The form for the URL's `choices`, with the municipalities and services to choose from
/// (a "loading" placeholder until they are there).
#[component]
pub fn SearchForm(
    choices: Memo<Choices>,
    municipalities: LocalResource<Result<Vec<Municipality>, ApiError>>,
    services: LocalResource<Result<Vec<Service>, ApiError>>,
) -> impl IntoView {
    let choose = use_choose(choices);
    let draft = VoucherDraft::new(choices);
    let on_submit = {
        let choose = choose.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !draft.commit(&choose) {
                dom::focus("#voucher");
            }
        }
    };
    let on_change = |change: fn(&mut Choices, &str)| {
        let choose = choose.clone();
        move |ev| {
            let value = event_target_value(&ev);
            choose(&|next: &mut Choices| change(next, &value));
        }
    };
    let municipality_options = move || {
        let list = municipalities
            .get()
            .and_then(Result::ok)
            .unwrap_or_default();
        let items = list.into_iter().map(|m| (m.code.to_string(), m.name));
        options(items, move |code| {
            choices
                .with(|c| c.municipality.as_ref().map(|m| m.to_string()) == Some(code.to_owned()))
        })
    };
    let service_options = move || {
        let list = services.get().and_then(Result::ok).unwrap_or_default();
        let items = list.into_iter().map(|s| (s.code.to_string(), s.name));
        options(items, move |code| {
            choices.with(|c| c.service.as_ref().map(|s| s.to_string()) == Some(code.to_owned()))
        })
    };
    let sort_options = [
        (SortKey::Price, Text::SortPrice),
        (SortKey::OwnShare, Text::SortOwnShare),
        (SortKey::Name, Text::SortName),
    ]
    .map(|(key, text)| {
        view! {
            <option value=key.as_str() prop:selected=move || choices.with(|c| c.sort == key)>
                {tr(text)}
            </option>
        }
    });

    view! {
        <form class="search-form" role="search" aria-label=tr(Text::SearchFormLabel) novalidate on:submit=on_submit>
            <ChoiceSelect
                name="municipality"
                label=Text::MunicipalityLabel
                placeholder=Text::ChooseMunicipality
                loaded=Signal::derive(move || municipalities.with(Option::is_some))
                none_chosen=Signal::derive(move || choices.with(|c| c.municipality.is_none()))
                on_change=on_change(|next, value| next.municipality = MunicipalityCode::parse(value).ok())
            >
                {municipality_options}
            </ChoiceSelect>
            <ChoiceSelect
                name="service"
                label=Text::ServiceLabel
                placeholder=Text::ChooseService
                loaded=Signal::derive(move || services.with(Option::is_some))
                none_chosen=Signal::derive(move || choices.with(|c| c.service.is_none()))
                on_change=on_change(|next, value| next.service = ServiceCode::parse(value).ok())
            >
                {service_options}
            </ChoiceSelect>
            <VoucherField choices draft/>
            <SelectField
                id="sort"
                name="sort"
                label=Text::SortLabel
                testid="sort-select"
                on_change=on_change(|next, value| next.sort = SortKey::parse(value).unwrap_or_default())
            >
                {sort_options}
            </SelectField>
            <div class="form-actions">
                <button type="submit" class="button">{tr(Text::ShowPrices)}</button>
            </div>
        </form>
    }
}

/// A municipality or service select (`id`, `name` and test id `{name}-select`), with its
/// label and a first option that chooses nothing: `placeholder`, or "loading" until the
/// options are `loaded`. `children` are the options.
#[component]
fn ChoiceSelect<F>(
    name: &'static str,
    label: Text,
    placeholder: Text,
    loaded: Signal<bool>,
    none_chosen: Signal<bool>,
    on_change: F,
    children: Children,
) -> impl IntoView
where
    F: Fn(leptos::ev::Event) + 'static,
{
    let lang = use_lang();
    view! {
        <SelectField id=name name label testid=format!("{name}-select") on_change>
            <option value="" prop:selected=move || none_chosen.get()>
                {move || t(lang.get(), if loaded.get() { placeholder } else { Text::Loading })}
            </option>
            {children()}
        </SelectField>
    }
}

/// A select's options, `(code, name)`, the one that `selected` says chosen.
fn options(
    items: impl Iterator<Item = (String, String)>,
    selected: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    items
        .map(|(code, name)| {
            let is_chosen = {
                let code = code.clone();
                move || selected(&code)
            };
            view! { <option value=code prop:selected=is_chosen>{name}</option> }
        })
        .collect_view()
}

/// The voucher value field, and the button that fills in the customer's own voucher.
#[component]
fn VoucherField(choices: Memo<Choices>, draft: VoucherDraft) -> impl IntoView {
    let lang = use_lang();
    let choose = use_choose(choices);
    let invalid = draft.invalid;
    view! {
        <div class="field">
            <label for="voucher">{tr(Text::VoucherLabel)}</label>
            <p id="voucher-hint" class="hint">{tr(Text::VoucherHint)}</p>
            {move || {
                invalid.get().then(|| {
                    view! {
                        <p id="voucher-error" class="field-error" data-testid="voucher-error">
                            {move || ErrorCode::InvalidVoucherValue.message(lang.get())}
                        </p>
                    }
                })
            }}
            <input
                id="voucher"
                name="voucher"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                class="input-voucher"
                data-testid="voucher-input"
                aria-describedby=described_by("voucher-hint", "voucher-error", move || invalid.get())
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || draft.text.get()
                on:input=move |ev| draft.text.set(event_target_value(&ev))
                on:change=move |_| {
                    draft.commit(&choose);
                }
            />
            <OwnVoucherButton choices/>
        </div>
    }
}

/// For a logged-in customer with an active voucher for the chosen municipality and
/// service: the button that puts its value in the URL. The customer's vouchers are asked
/// only once the session says a customer is logged in; any failure leaves the button out.
#[component]
fn OwnVoucherButton(choices: Memo<Choices>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let choose = use_choose(choices);
    let my_vouchers = LocalResource::new(move || {
        let logged_in = session.is_citizen();
        let lang = lang.get_untracked();
        async move {
            if logged_in {
                api::my_vouchers(lang).await.ok()
            } else {
                None
            }
        }
    });
    let own_voucher = Memo::new(move |_| {
        let (municipality, service) = choices.with(|c| (c.municipality.clone(), c.service.clone()));
        let (municipality, service) = (municipality?, service?);
        my_vouchers.with(|v| {
            let list = v.as_ref()?.as_ref()?;
            matching_voucher(list, &municipality, &service).map(|v| (v.unit_value_cents, v.unit))
        })
    });
    move || {
        own_voucher.get().map(|(value, unit)| {
            let choose = choose.clone();
            let use_it = move |value: Cents| {
                if choices.with_untracked(|c| c.voucher != Some(value)) {
                    choose(&|next: &mut Choices| next.voucher = Some(value));
                }
            };
            view! {
                <button
                    type="button"
                    class="button button-secondary use-my-voucher"
                    data-testid="use-my-voucher"
                    on:click=move |_| use_it(value)
                >
                    {move || i18n::use_my_voucher(lang.get(), value, unit)}
                </button>
            }
        })
    }
}
