//! A visit as typed in a form — a new one on the voucher page, or a correction of a logged
//! one — and the rules it is checked by before it is sent (the domain's [`check_event`]).
//! Both forms show the same three fields ([`VisitFields`]); this module uses neither form,
//! so that both can use it.

use crate::calendar::parse_units;
use crate::components::form::FieldError;
use crate::components::text_limit::CharCounter;
use leptos::prelude::*;
use seteli_domain::catalogue::Unit;
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::producer::{check_event, EventError, EVENT_DESCRIPTION_MAX_CHARS};
use seteli_domain::Lang;
use time::Date;

/// What is wrong with the visit as typed, before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventProblem {
    /// No date, or not a date.
    NoDate,
    /// The units are not a number with at most two decimals.
    UnitsFormat,
    /// One of the domain's rules.
    Rule(EventError),
}

impl EventProblem {
    /// What the employee is told.
    pub fn text(self) -> Text {
        match self {
            EventProblem::NoDate => Text::EventDateMissing,
            EventProblem::UnitsFormat => Text::EventUnitsFormat,
            EventProblem::Rule(EventError::InFuture) => Text::EventInFuture,
            EventProblem::Rule(EventError::OutsideValidity) => Text::EventOutsideValidity,
            EventProblem::Rule(EventError::Units) => Text::EventUnitsRange,
            EventProblem::Rule(EventError::Description) => Text::EventDescriptionProblem,
        }
    }

    /// The field it is about.
    pub fn field(self) -> Field {
        match self {
            EventProblem::NoDate
            | EventProblem::Rule(EventError::InFuture | EventError::OutsideValidity) => Field::Date,
            EventProblem::UnitsFormat | EventProblem::Rule(EventError::Units) => Field::Units,
            EventProblem::Rule(EventError::Description) => Field::Description,
        }
    }
}

/// A visit form's fields (a new visit's and a correction's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Units,
    Description,
}

impl Field {
    /// The field's name in ids and test ids.
    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Units => "units",
            Field::Description => "description",
        }
    }

    /// The `id` of this field in the form whose ids start with `prefix`.
    pub fn id(self, prefix: &str) -> String {
        format!("{prefix}-{}", self.name())
    }
}

/// A visit as typed, checked: the date, the units in hundredths and the trimmed
/// description, or what is wrong (the first problem, in the form's order).
pub fn checked_visit(
    date: &str,
    units: &str,
    description: &str,
    valid: (Date, Date),
    today: Date,
) -> Result<(Date, i64, String), EventProblem> {
    let date = parse_iso_date(date.trim()).ok_or(EventProblem::NoDate)?;
    if let Err(rule @ (EventError::InFuture | EventError::OutsideValidity)) =
        check_event(date, 100, "x", valid, today)
    {
        return Err(EventProblem::Rule(rule));
    }
    let units = parse_units(units).ok_or(EventProblem::UnitsFormat)?;
    check_event(date, units, description, valid, today).map_err(EventProblem::Rule)?;
    Ok((date, units, description.trim().to_owned()))
}

/// The latest day a visit can be logged for: today, or the voucher's last day if it has
/// ended.
pub fn latest_day(valid: (Date, Date), today: Date) -> Date {
    today.min(valid.1)
}

/// Which visit form the fields are in: the test ids differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitForm {
    /// A new visit (`event-…`).
    New,
    /// A correction of a logged visit (`correction-…`).
    Correction,
}

/// The parts of a visit form that tests find.
#[derive(Debug, Clone, Copy)]
enum TestId {
    Date,
    Units,
    Description,
    Problem,
    Count,
}

impl VisitForm {
    fn testid(self, part: TestId) -> &'static str {
        match (self, part) {
            (VisitForm::New, TestId::Date) => "event-date",
            (VisitForm::New, TestId::Units) => "event-units",
            (VisitForm::New, TestId::Description) => "event-description",
            (VisitForm::New, TestId::Problem) => "event-problem",
            (VisitForm::New, TestId::Count) => "event-description-count",
            (VisitForm::Correction, TestId::Date) => "correction-date",
            (VisitForm::Correction, TestId::Units) => "correction-units",
            (VisitForm::Correction, TestId::Description) => "correction-description",
            (VisitForm::Correction, TestId::Problem) => "correction-problem",
            (VisitForm::Correction, TestId::Count) => "correction-description-count",
        }
    }
}

/// What is being typed into a visit form. Kept above the page's loading boundary by its
/// owner, so that a language switch keeps it.
#[derive(Clone, Copy)]
pub struct VisitInput {
    pub date: RwSignal<String>,
    pub units: RwSignal<String>,
    pub description: RwSignal<String>,
}

impl Default for VisitInput {
    fn default() -> Self {
        Self {
            date: RwSignal::new(String::new()),
            units: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
        }
    }
}

impl VisitInput {
    /// What is typed now, checked by [`checked_visit`].
    pub fn checked(
        self,
        valid: (Date, Date),
        today: Date,
    ) -> Result<(Date, i64, String), EventProblem> {
        checked_visit(
            &self.date.get_untracked(),
            &self.units.get_untracked(),
            &self.description.get_untracked(),
            valid,
            today,
        )
    }
}

/// The three fields of a visit form, each with its hint and, when `problem` is about it,
/// its error (named by the field's `aria-describedby`). Ids start with `prefix`
/// (`event-date`, `correction-7-units`); test ids depend on the `form` (`event-date`,
/// `correction-problem`). `after_units` goes under the units field,
/// and `units_described_by` names it for the field too.
#[component]
pub fn VisitFields(
    input: VisitInput,
    #[prop(into)] problem: Signal<Option<EventProblem>>,
    prefix: String,
    form: VisitForm,
    valid: (Date, Date),
    latest: Date,
    unit: Unit,
    lang: Lang,
    #[prop(optional)] after_units: Option<ChildrenFn>,
    #[prop(optional)] units_described_by: &'static str,
) -> impl IntoView {
    let prefix = StoredValue::new(prefix);
    let id = move |field: Field| prefix.with_value(|p| field.id(p));
    let is_wrong = move |field: Field| problem.get().is_some_and(|p| p.field() == field);
    let error = move |field: Field| {
        move || {
            problem.get().filter(|p| p.field() == field).map(|p| {
                view! { <FieldError id=format!("{}-error", id(field)) text=p.text() testid=form.testid(TestId::Problem)/> }
            })
        }
    };
    let invalid = move |field: Field| move || is_wrong(field).then_some("true");
    let described = move |field: Field, extra: &'static str| {
        move || {
            let mut ids = format!("{}-hint", id(field));
            if !extra.is_empty() {
                ids = format!("{ids} {extra}");
            }
            if is_wrong(field) {
                ids = format!("{ids} {}-error", id(field));
            }
            ids
        }
    };
    let hint_id = move |field: Field| format!("{}-hint", id(field));
    view! {
        <div class="field">
            <label for=id(Field::Date)>{t(lang, Text::EventDateLabel)}</label>
            <p id=hint_id(Field::Date) class="hint">{i18n::validity(lang, valid.0, valid.1)}</p>
            {error(Field::Date)}
            <input
                id=id(Field::Date)
                name="service_date"
                type="date"
                required
                min=iso_date(valid.0)
                max=iso_date(latest)
                data-testid=form.testid(TestId::Date)
                aria-describedby=described(Field::Date, "")
                aria-invalid=invalid(Field::Date)
                prop:value=move || input.date.get()
                on:input=move |ev| input.date.set(event_target_value(&ev))
                on:change=move |ev| input.date.set(event_target_value(&ev))
            />
        </div>
        <div class="field">
            <label for=id(Field::Units)>{i18n::units_label(lang, unit)}</label>
            <p id=hint_id(Field::Units) class="hint">{t(lang, Text::EventUnitsHint)}</p>
            {error(Field::Units)}
            <input
                id=id(Field::Units)
                name="units"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                data-testid=form.testid(TestId::Units)
                aria-describedby=described(Field::Units, units_described_by)
                aria-invalid=invalid(Field::Units)
                prop:value=move || input.units.get()
                on:input=move |ev| input.units.set(event_target_value(&ev))
            />
            {after_units.map(|after| after())}
        </div>
        <div class="field">
            <label for=id(Field::Description)>{t(lang, Text::EventDescriptionLabel)}</label>
            <p id=hint_id(Field::Description) class="hint">{t(lang, Text::EventDescriptionHint)}</p>
            {error(Field::Description)}
            <textarea
                id=id(Field::Description)
                name="description"
                rows="3"
                maxlength=EVENT_DESCRIPTION_MAX_CHARS.to_string()
                data-testid=form.testid(TestId::Description)
                aria-describedby=described(Field::Description, "")
                aria-invalid=invalid(Field::Description)
                prop:value=move || input.description.get()
                on:input=move |ev| input.description.set(event_target_value(&ev))
            ></textarea>
            <CharCounter
                text=input.description
                max=EVENT_DESCRIPTION_MAX_CHARS
                testid=form.testid(TestId::Count)
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const VALID: (Date, Date) = (date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    const TODAY: Date = date!(2026 - 11 - 21);

    #[test]
    fn a_visit_is_checked_by_the_domain_s_rules_before_it_is_sent() {
        assert_eq!(
            checked_visit("2026-11-21", "1,5", "  Siivous ", VALID, TODAY),
            Ok((TODAY, 150, "Siivous".to_owned()))
        );
        let rule = EventProblem::Rule;
        let refused = [
            ("2026-11-22", "1", "x", rule(EventError::InFuture)),
            ("2025-12-31", "1", "x", rule(EventError::OutsideValidity)),
            ("", "1", "x", EventProblem::NoDate),
            ("2026-11-21", "puolitoista", "x", EventProblem::UnitsFormat),
            ("2026-11-21", "25", "x", rule(EventError::Units)),
            ("2026-11-21", "1", " ", rule(EventError::Description)),
        ];
        for (date, units, description, problem) in refused {
            let checked = checked_visit(date, units, description, VALID, TODAY);
            assert_eq!(checked, Err(problem), "{date:?} {units:?} {description:?}");
        }
    }

    #[test]
    fn each_problem_points_at_its_field() {
        assert_eq!(EventProblem::NoDate.field(), Field::Date);
        assert_eq!(EventProblem::Rule(EventError::Units).field(), Field::Units);
        assert_eq!(
            EventProblem::Rule(EventError::Description).field(),
            Field::Description
        );
    }

    #[test]
    fn an_ended_voucher_takes_visits_up_to_its_last_day() {
        assert_eq!(latest_day(VALID, TODAY), TODAY);
        assert_eq!(
            latest_day((date!(2026 - 01 - 01), date!(2026 - 06 - 30)), TODAY),
            date!(2026 - 06 - 30)
        );
    }
}
