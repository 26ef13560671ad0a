//! A fact about a voucher, an event, a producer or a service: a label and its value in a
//! description list (`<dl class="facts">`), as every page shows them.

use leptos::prelude::*;
use seteli_domain::catalogue::Unit;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::{Cents, Lang};

/// One label and its value: `children` are the value's `<dd>` (with whatever test id and
/// data it carries). `class` adds to `fact` (`fact-balance`, `fact-number`). The label is
/// in `lang`, the language the data came in, so that a row never mixes two languages.
#[component]
pub fn Fact(
    label: Text,
    lang: Lang,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "fact".to_owned()
    } else {
        format!("fact {class}")
    };
    view! {
        <div class=class>
            <dt>{t(lang, label)}</dt>
            {children()}
        </div>
    }
}

/// A fact whose value is an amount of money: shown in `lang`'s way, and given exactly in
/// `data-cents` for tests and scripts. `testid` names the value, if anything needs to.
#[component]
pub fn MoneyFact(
    label: Text,
    lang: Lang,
    cents: Cents,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] amount: bool,
) -> impl IntoView {
    view! {
        <Fact label lang class>
            <dd class=amount.then_some("amount") data-testid=testid data-cents=cents.get().to_string()>
                {cents.format(lang)}
            </dd>
        </Fact>
    }
}

/// The languages a producer serves in (`languages`, as [`i18n::language_list`] words
/// them); nothing when it names none.
#[component]
pub fn LanguagesFact(languages: String, lang: Lang) -> impl IntoView {
    (!languages.is_empty()).then(|| {
        view! {
            <Fact label=Text::ServiceLanguages lang>
                <dd>{languages}</dd>
            </Fact>
        }
    })
}

/// The company's price for a service today (`price`, `None` when it has none), per
/// `unit`; exactly in `data-cents`, under the test id `testid`.
#[component]
pub fn PriceTodayFact(
    #[prop(into)] price: Signal<Option<Cents>>,
    unit: Unit,
    testid: &'static str,
    lang: Lang,
) -> impl IntoView {
    view! {
        <Fact label=Text::YourPriceToday lang>
            <dd data-testid=testid data-cents=move || price.get().map(|p| p.get().to_string())>
                {move || match price.get() {
                    Some(p) => i18n::price_per_unit(lang, p, unit),
                    None => t(lang, Text::NoPriceToday).to_owned(),
                }}
            </dd>
        </Fact>
    }
}
