//! Correcting a visit on the voucher page, within the 14 days it can still be cancelled:
//! the visit's row opens a form prefilled with what was logged, checked by the same rules
//! as a new visit ([`VisitInput::checked`]); the server replaces the visit with the
//! corrected one in one step (the original stays, cancelled, and the correction names it).
//!
//! The form's state lives above the visit list, which is rebuilt whenever the voucher is
//! loaded again, and above the page's loading boundary, so that a language switch keeps
//! what was typed. Its idempotency key is made when the form opens: a double submit, or a
//! retry after an answer that never came, gets the first correction back instead of
//! correcting twice.

use super::visit::{latest_day, EventProblem, Field, VisitFields, VisitForm, VisitInput};
use crate::api;
use crate::components::form::{last_error, BusyButton, DoneNotice, SubmitButton, SubmitError};
use crate::dom;
use leptos::prelude::*;
use seteli_domain::api::{EventCorrection, ProducerEvent};
use seteli_domain::catalogue::Unit;
use seteli_domain::clock::iso_date;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::EventId;
use seteli_domain::{ApiError, Lang};
use time::Date;

/// A correction on its way: the event, the correction, the language of the answer and what
/// loads the voucher again once it went through.
type Request = (EventId, EventCorrection, Lang, Callback<()>);

/// The correction form of one visit at a time: its contents, its key and what came of it.
#[derive(Clone, Copy)]
pub struct Correcting {
    /// The event whose form is open.
    open: RwSignal<Option<EventId>>,
    input: VisitInput,
    /// Made when the form opens, and kept until it closes.
    key: StoredValue<String>,
    problem: RwSignal<Option<EventProblem>>,
    send: Action<Request, Result<ProducerEvent, ApiError>>,
    /// Whether the last correction went through, for the notice.
    done: RwSignal<bool>,
}

impl Default for Correcting {
    fn default() -> Self {
        let open = RwSignal::new(None);
        let done = RwSignal::new(false);
        let send = Action::new_local(move |(id, correction, lang, on_done): &Request| {
            let (id, correction, lang, on_done) = (*id, correction.clone(), *lang, *on_done);
            async move {
                let result = api::correct_event(id, &correction, lang).await;
                if result.is_ok() {
                    open.try_set(None);
                    done.try_set(true);
                    dom::focus_after_render("#correction-sent");
                    on_done.try_run(());
                }
                result
            }
        });
        Self {
            open,
            input: VisitInput::default(),
            key: StoredValue::new(String::new()),
            problem: RwSignal::new(None),
            send,
            done,
        }
    }
}

/// What the correction form starts from: the visit's date, its units as a decimal typed
/// the language's way (`1,5`, `1.5`) and its description.
pub fn prefill(event: &ProducerEvent, lang: Lang) -> (String, String, String) {
    (
        iso_date(event.service_date),
        i18n::decimal_units(lang, event.units_x100),
        event.description.clone(),
    )
}

/// What the ids of the correction form of event `event_id` start with.
fn prefix(event_id: EventId) -> String {
    format!("correction-{event_id}")
}

/// The selector of the row's Correct button, where focus returns when the form closes.
fn correct_button(event_id: EventId) -> String {
    format!("[data-event-id=\"{event_id}\"] [data-testid=\"event-correct\"]")
}

impl Correcting {
    /// Whether the form of event `id` is open (reactive).
    pub fn is_open(self, id: EventId) -> bool {
        self.open.get() == Some(id)
    }

    /// Whether a correction is being sent (reactive).
    pub fn pending(self) -> bool {
        self.send.pending().get()
    }

    /// Opens the form of `event`, prefilled, with a new key, and focuses its first field;
    /// closes it if it is already open (the button is a disclosure).
    pub fn toggle(self, event: &ProducerEvent, lang: Lang) {
        if self.send.pending().get_untracked() {
            return;
        }
        if self.open.get_untracked() == Some(event.id) {
            self.close();
            return;
        }
        let (date, units, description) = prefill(event, lang);
        self.input.date.set(date);
        self.input.units.set(units);
        self.input.description.set(description);
        self.key.set_value(dom::random_uuid());
        self.problem.set(None);
        self.send.value().set(None);
        self.done.set(false);
        self.open.set(Some(event.id));
        dom::focus_after_render(format!("#{}", Field::Date.id(&prefix(event.id))));
    }

    /// Closes the form without correcting and returns focus to the row's Correct button.
    /// Not while the correction is on its way: what comes back is shown in the form.
    pub fn close(self) {
        if self.send.pending().get_untracked() {
            return;
        }
        if let Some(id) = self.open.get_untracked() {
            self.open.set(None);
            dom::focus_after_render(correct_button(id));
        }
    }

    /// Closes the form without moving focus, for another of the row's actions.
    pub fn dismiss(self) {
        if !self.send.pending().get_untracked() {
            self.open.set(None);
        }
    }

    /// Hides the notice of the last correction, once something else has happened since.
    pub fn forget_done(self) {
        self.done.set(false);
    }

    /// Forgets everything, for another voucher.
    pub fn reset(self) {
        self.open.set(None);
        self.problem.set(None);
        self.send.value().set(None);
        self.done.set(false);
    }

    /// Checks the form and sends the correction of event `id`; `on_done` loads the voucher
    /// again once it went through.
    fn submit(self, id: EventId, valid: (Date, Date), lang: Lang, on_done: Callback<()>) {
        if self.send.pending().get_untracked() {
            return;
        }
        self.send.value().set(None);
        let (date, units_x100, description) = match self.input.checked(valid, dom::today()) {
            Ok(visit) => visit,
            Err(problem) => {
                self.problem.set(Some(problem));
                dom::focus(&format!("#{}", problem.field().id(&prefix(id))));
                return;
            }
        };
        self.problem.set(None);
        let correction = EventCorrection {
            idempotency_key: self.key.get_value(),
            service_date: date,
            units_x100,
            description,
        };
        self.send.dispatch_local((id, correction, lang, on_done));
    }
}

/// The notice after a correction. Present from the start, so that screen readers notice
/// what appears in it; focus moves to it, as the row's Correct button is gone by then (the
/// original visit is cancelled).
#[component]
pub fn CorrectionNotice(correcting: Correcting) -> impl IntoView {
    view! { <DoneNotice shown=correcting.done id="correction-sent" testid="correction-sent" text=Text::CorrectionSent/> }
}

/// The correction form in the row of event `event_id` (logged for `service_date`, in
/// `unit`), for a voucher valid over `valid`. `on_done` loads the voucher again.
#[component]
pub fn CorrectionForm(
    event_id: EventId,
    service_date: Date,
    unit: Unit,
    valid: (Date, Date),
    correcting: Correcting,
    on_done: Callback<()>,
    lang: Lang,
) -> impl IntoView {
    let latest = latest_day(valid, dom::today());
    let c = correcting;
    let heading_id = format!("correction-{event_id}-heading");
    let labelled_by = heading_id.clone();
    let pending = c.send.pending();
    let failed = last_error(c.send, Result::err);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        c.submit(event_id, valid, lang, on_done);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            c.close();
        }
    };

    view! {
        <form
            id=prefix(event_id)
            class="form-panel correction-form"
            data-testid="correction-form"
            aria-labelledby=labelled_by
            novalidate
            on:submit=on_submit
            on:keydown=on_keydown
        >
            <h3 id=heading_id class="correction-heading">{i18n::correcting_visit(lang, service_date)}</h3>
            <p class="hint">{t(lang, Text::CorrectionHint)}</p>
            <VisitFields
                input=c.input
                problem=c.problem
                prefix=prefix(event_id)
                form=VisitForm::Correction
                valid
                latest
                unit
                lang
            />
            {move || failed().map(|error| view! { <SubmitError error testid="correction-error"/> })}
            <div class="button-row">
                <SubmitButton text=Text::CorrectionSubmit pending testid="correction-submit"/>
                <BusyButton class="button button-secondary" testid="correction-cancel" busy=pending on_click=move || c.close()>
                    {t(lang, Text::CorrectionClose)}
                </BusyButton>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_ids::id;
    use seteli_domain::money::Cents;

    fn event(units_x100: i64) -> ProducerEvent {
        let cents = |c| Cents::new(c).unwrap();
        ProducerEvent {
            id: id(7),
            voucher_id: id(10),
            customer_given_name: "Aino".into(),
            customer_family_name: "Aaltonen".into(),
            service_date: time::macros::date!(2026 - 11 - 20),
            description: "Siivous".into(),
            units_x100,
            unit: Unit::Hour,
            unit_price_cents: cents(3400),
            voucher_share_cents: cents(4800),
            own_share_cents: cents(300),
            status: seteli_domain::voucher::EventStatus::Recorded,
            created_at: time::macros::datetime!(2026-11-20 10:00 UTC),
            corrects: None,
            correctable: true,
            check: None,
        }
    }

    #[test]
    fn a_correction_starts_from_what_was_logged_typed_the_language_s_way() {
        let (date, units, description) = prefill(&event(150), Lang::Fi);
        assert_eq!(
            (date.as_str(), units.as_str(), description.as_str()),
            ("2026-11-20", "1,5", "Siivous")
        );
        assert_eq!(prefill(&event(150), Lang::En).1, "1.5");
        assert_eq!(prefill(&event(200), Lang::Sv).1, "2");
    }

    #[test]
    fn the_prefilled_units_pass_the_form_s_own_check() {
        for units_x100 in [25, 100, 105, 150, 2400] {
            for lang in Lang::ALL {
                let typed = prefill(&event(units_x100), lang).1;
                assert_eq!(crate::calendar::parse_units(&typed), Some(units_x100));
            }
        }
    }

    #[test]
    fn each_field_of_a_row_s_form_has_its_own_id() {
        assert_eq!(Field::Date.id(&prefix(id(7))), "correction-7-date");
        assert_ne!(
            Field::Units.id(&prefix(id(7))),
            Field::Units.id(&prefix(id(8)))
        );
    }
}
