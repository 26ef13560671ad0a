//! A report's period, kept in the address (`?from=YYYY-MM&to=YYYY-MM`) so that back and a
//! shared link show the same report: reading it, and the form that changes it.

use crate::locale::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use seteli_domain::i18n::{t, Text};
use seteli_domain::settlement::Month;
use seteli_domain::Lang;

/// The address's `from` and `to` months, each `None` when missing or not a month (the
/// server's default then).
pub fn use_period() -> Memo<(Option<Month>, Option<Month>)> {
    let location = use_location();
    let month = move |key: &str| {
        location
            .query
            .with(|q| q.get_str(key).and_then(Month::parse))
    };
    Memo::new(move |_| (month("from"), month("to")))
}

/// Two months and "Show": navigates to `href(from, to, lang)`, the months as typed.
#[component]
pub fn PeriodForm(from: Month, to: Month, href: fn(&str, &str, Lang) -> String) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let navigate = use_navigate();
    let from = RwSignal::new(from.to_string());
    let to = RwSignal::new(to.to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &href(&from.get_untracked(), &to.get_untracked(), lang),
            Default::default(),
        );
    };
    view! {
        <form class="form-panel inline-form" data-testid="report-period" on:submit=submit>
            <div class="field">
                <label for="report-from">{t(lang, Text::PeriodFromLabel)}</label>
                <input id="report-from" type="month" data-testid="report-from" prop:value=from
                    on:input=move |ev| from.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="report-to">{t(lang, Text::PeriodToLabel)}</label>
                <input id="report-to" type="month" data-testid="report-to" prop:value=to
                    on:input=move |ev| to.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button" data-testid="report-show">{t(lang, Text::ShowReport)}</button>
        </form>
    }
}
