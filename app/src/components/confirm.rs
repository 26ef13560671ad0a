//! A button for a step that cannot be undone: it asks first.

use crate::components::form::BusyButton;
use crate::locale::tr;
use leptos::prelude::*;
use seteli_domain::i18n::Text;

/// A button for a step that cannot be undone (deleting a draft, withdrawing an
/// application or an approval): the first press asks, and only "yes" runs `on_confirm`.
/// `testid` names the first button; the answer's buttons are `{testid}-yes` and `-no`.
#[component]
pub fn ConfirmButton<F>(
    class: &'static str,
    testid: &'static str,
    #[prop(into)] busy: Signal<bool>,
    on_confirm: F,
    children: Children,
) -> impl IntoView
where
    F: Fn() + Copy + Send + Sync + 'static,
{
    let asking = RwSignal::new(false);
    let question_id = format!("{testid}-question");
    view! {
        <BusyButton class testid busy on_click=move || asking.set(true)>{children()}</BusyButton>
        <Show when=move || asking.get()>
            <span class="confirm" role="group" aria-labelledby=question_id.clone()>
                <span id=question_id.clone()>{tr(Text::ConfirmQuestion)}</span>
                " "
                <BusyButton class="button" testid=format!("{testid}-yes") busy on_click=move || {
                    asking.set(false);
                    on_confirm();
                }>{tr(Text::ConfirmYes)}</BusyButton>
                <BusyButton class="button button-secondary" testid=format!("{testid}-no") busy on_click=move || asking.set(false)>
                    {tr(Text::ConfirmNo)}
                </BusyButton>
            </span>
        </Show>
    }
}
