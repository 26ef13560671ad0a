//! `/desk/decisions/new?customer=ID&assessment=ID(&amends=VOUCHER | &application=CASE)`: a
//! draft voucher decision on a need assessment (from an application: its household and
//! income filled in, and deciding approves it). For an income-related service (one with a table in the
//! organiser's income tables) the value comes from the household's size and gross monthly
//! income, previewed with its computation as it is typed (`seteli_domain::income`, the
//! rules the API applies); otherwise staff give the value per unit. Then units or a sum,
//! and the validity. Saving goes to the draft's page, where it is decided.

use super::{back_to_desk, StaffOnly};
use crate::api;
use crate::components::decision_document::{outcome_text, ComputationFacts};
use crate::components::facts::Fact;
use crate::components::fields::{Problems, RadioField, TextField};
use crate::components::form::{last_error, FormEnd};
use crate::components::states::{retryable, BackTo, Remote};
use crate::links;
use crate::locale::{tr, use_document_title, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use seteli_domain::api::desk::{
    AssessmentView, ComputationView, CustomerCard, HouseholdInput, IncomeTableView, NewDecision,
};
use seteli_domain::api::resident::VoucherApplicationView;
use seteli_domain::api::Service;
use seteli_domain::catalogue::Unit;
use seteli_domain::clock::{iso_date, parse_iso_date};
use seteli_domain::desk::{
    check_validity, decision_terms, DecisionTerms, FieldError, ValueRequest,
};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::ids::{AssessmentId, CaseId, CustomerId, VoucherId};
use seteli_domain::income::{income_related_value, Household};
use seteli_domain::{ApiError, Cents, ErrorCode, Lang};

/// What the form needs loaded: the customer, the organiser's income tables and the
/// services (for the unit).
type Loaded = (
    CustomerCard,
    Vec<IncomeTableView>,
    Vec<Service>,
    Option<VoucherApplicationView>,
);

/// The page.
#[component]
pub fn NewDecisionPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let param = move |key: &str| query.with(|q| q.get_str(key).map(str::to_owned));
    let customer = Memo::new(move |_| param("customer").as_deref().and_then(CustomerId::parse));
    let assessment =
        Memo::new(move |_| param("assessment").as_deref().and_then(AssessmentId::parse));
    let amends = Memo::new(move |_| param("amends").as_deref().and_then(VoucherId::parse));
    let application = Memo::new(move |_| param("application").as_deref().and_then(CaseId::parse));
    let loaded = retryable(move || {
        let (customer, lang) = (customer.get(), lang.get());
        async move {
            let Some(customer) = customer else {
                return Err(ApiError::new(ErrorCode::CustomerNotFound, lang));
            };
            let card = api::staff_customer(customer, lang).await?;
            let tables = api::income_tables(lang).await?.tables;
            let services = api::services(lang).await?;
            // A decision drafted from an application starts from what it says.
            let from = match application.get_untracked() {
                Some(id) => Some(api::residents::case(id, lang).await?),
                None => None,
            };
            Ok::<Loaded, ApiError>((card, tables, services, from))
        }
    });
    use_document_title(|lang| t(lang, Text::NewDecisionTitle).to_owned());
    view! {
        <BackTo link=back_to_desk() testid="back-to-desk"/>
        <h1 tabindex="-1">{tr(Text::NewDecisionTitle)}</h1>
        <Remote data=loaded back=back_to_desk() forbidden=StaffOnly let:loaded>
            {
                let (card, tables, services, from) = loaded;
                let lang = lang.get_untracked();
                let found = assessment
                    .get_untracked()
                    .and_then(|id| card.assessments.iter().find(|a| a.id == id).cloned());
                match found {
                    Some(assessment) => {
                        let table = tables.into_iter().find(|t| t.service_code == assessment.service_code);
                        let unit = services
                            .iter()
                            .find(|s| s.code == assessment.service_code)
                            .map_or(Unit::Hour, |s| s.unit);
                        view! { <DecisionForm card assessment table unit amends=amends.get_untracked() from lang/> }.into_any()
                    }
                    None => view! {
                        <p class="notice" data-testid="decision-no-assessment">{t(lang, Text::DecisionNoAssessment)}</p>
                        <p><a href=links::desk_customer(card.id, lang)>{t(lang, Text::BackToCustomer)}</a></p>
                    }
                    .into_any(),
                }
            }
        </Remote>
    }
}

/// How the decision grants: a number of units, or a sum of money.
const BY_UNITS: &str = "units";
const BY_SUM: &str = "sum";

/// The DOM id of the field the API's (or the rule's) `field` names.
fn dom_id(field: &str) -> &'static str {
    match field {
        "household" => "decision-household-size",
        "unit_value_cents" => "decision-unit-value",
        "granted_units" => "decision-units",
        "granted_cents" => "decision-sum",
        "valid_from" => "decision-valid-from",
        _ => "decision-valid-until",
    }
}

/// What to say of a field the rules refused.
fn problem_text(error: FieldError) -> Text {
    match (error.code, error.field) {
        (ErrorCode::ValueAboveMaximum, _) => Text::ValueAboveMaximumProblem,
        (_, "household") => Text::HouseholdProblem,
        (_, "unit_value_cents") => Text::UnitValueProblem,
        (_, "granted_units") => Text::GrantedUnitsProblem,
        (_, "granted_cents") => Text::GrantedSumProblem,
        _ => Text::ValidityProblem,
    }
}

/// The household as typed, if it reads as one.
fn household(size: &str, income: &str) -> Option<Household> {
    let size: u32 = size.trim().parse().ok().filter(|s| *s >= 1)?;
    let gross_monthly_income = Cents::parse_euros(income.trim()).ok()?;
    Some(Household {
        size,
        gross_monthly_income,
    })
}

/// The computation as the decision will show it.
fn computation_view(table: &IncomeTableView, household: Household) -> Option<ComputationView> {
    let c = income_related_value(&table.table(), household).ok()?;
    Some(ComputationView {
        household_size: household.size,
        gross_monthly_income_cents: household.gross_monthly_income,
        income_limit_cents: c.income_limit,
        reduction_basis_points: c.reduction_basis_points,
        excess_income_cents: c.excess_income,
        reduction_cents: c.reduction,
        full_value_cents: table.full_value_cents,
        minimum_value_cents: table.minimum_value_cents,
        units_per_month: table.units_per_month,
        value_cents: c.value,
        at_minimum: c.at_minimum,
    })
}

/// The form.
#[component]
fn DecisionForm(
    card: CustomerCard,
    assessment: AssessmentView,
    table: Option<IncomeTableView>,
    unit: Unit,
    amends: Option<VoucherId>,
    from: Option<VoucherApplicationView>,
    lang: Lang,
) -> impl IntoView {
    let ui_lang = use_lang();
    let navigate = use_navigate();
    let today = crate::dom::today();
    let customer_id = card.id;
    let income_related = table.is_some();
    let table = StoredValue::new(table);
    let application_id = from.as_ref().map(|a| a.id);
    let size = RwSignal::new(
        from.as_ref()
            .and_then(|a| a.form.household_size)
            .unwrap_or(1)
            .to_string(),
    );
    let income = RwSignal::new(
        from.as_ref()
            .and_then(|a| a.form.gross_monthly_income_cents)
            .map(|c| format!("{},{:02}", c.get() / 100, c.get() % 100))
            .unwrap_or_default(),
    );
    let unit_value = RwSignal::new(String::new());
    let by = RwSignal::new(BY_UNITS.to_owned());
    let units = RwSignal::new(String::new());
    let sum = RwSignal::new(String::new());
    let valid_from = RwSignal::new(iso_date(today));
    let valid_until = RwSignal::new(iso_date(
        today.replace_year(today.year() + 1).unwrap_or(today),
    ));

    // The terms as typed so far (reactive): what the decision would grant, or why not.
    let request = move || {
        let household =
            table.with_value(|t| t.as_ref().map(|_| household(&size.get(), &income.get())));
        let typed_value = Cents::parse_euros(unit_value.get().trim()).ok();
        let (granted_units, granted_sum) = if by.get() == BY_SUM {
            (None, Cents::parse_euros(sum.get().trim()).ok())
        } else {
            (units.get().trim().parse::<i64>().ok(), None)
        };
        ValueRequest {
            unit_value: if income_related { None } else { typed_value },
            granted_units,
            granted_sum,
            household: household.flatten(),
        }
    };
    let terms = move || -> Result<DecisionTerms, FieldError> {
        let request = request();
        table.with_value(|t| {
            decision_terms(&request, t.as_ref().map(IncomeTableView::table).as_ref())
        })
    };
    let preview = move || {
        let household = household(&size.get(), &income.get())?;
        table.with_value(|t| t.as_ref().and_then(|t| computation_view(t, household)))
    };

    let draft = Action::new_local(move |decision: &NewDecision| {
        let decision = decision.clone();
        let lang = ui_lang.get_untracked();
        async move { api::draft_decision(&decision, lang).await }
    });
    let pending = draft.pending();
    Effect::new(move |_| {
        if let Some(Ok(id)) = draft.value().get() {
            navigate(
                &links::desk_decision(id, ui_lang.get_untracked()),
                Default::default(),
            );
        }
    });
    let server_error = last_error(draft, Result::err);
    let problems = Problems::new(server_error);
    let service_code = assessment.service_code.clone();
    let assessment_id = assessment.id;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if income_related && household(&size.get_untracked(), &income.get_untracked()).is_none() {
            return problems.found(
                "household",
                Text::HouseholdProblem,
                "decision-household-size",
            );
        }
        let checked = untrack(terms);
        let terms = match checked {
            Ok(terms) => terms,
            Err(error) => {
                return problems.found(error.field, problem_text(error), dom_id(error.field))
            }
        };
        let (Some(from), Some(until)) = (
            parse_iso_date(valid_from.get_untracked().trim()),
            parse_iso_date(valid_until.get_untracked().trim()),
        ) else {
            return problems.found("valid_until", Text::ValidityProblem, "decision-valid-until");
        };
        if let Err(error) = check_validity(from, until, ErrorCode::InvalidDecision) {
            return problems.found(error.field, Text::ValidityProblem, dom_id(error.field));
        }
        problems.clear();
        let household = untrack(request).household.map(|h| HouseholdInput {
            size: h.size,
            gross_monthly_income_cents: h.gross_monthly_income,
        });
        draft.dispatch_local(NewDecision {
            customer_id,
            assessment_id,
            service_code: service_code.clone(),
            unit_value_cents: Some(terms.unit_value),
            granted_units: terms.granted_units,
            granted_cents: terms.granted_units.is_none().then_some(terms.granted),
            valid_from: from,
            valid_until: until,
            household,
            amends_voucher_id: amends,
            application_id,
        });
    };

    let value_fields = if income_related {
        view! {
            <fieldset class="field-group" data-testid="decision-household">
                <legend>{t(lang, Text::HouseholdHeading)}</legend>
                <TextField id="decision-household-size" field="household" label=Text::HouseholdSizeLabel value=size problems kind="number" inputmode="numeric"/>
                <TextField id="decision-income" field="household_income" label=Text::GrossIncomeLabel value=income problems inputmode="decimal" hint=Text::EurosHint/>
            </fieldset>
            <section class="preview" aria-labelledby="preview-heading" aria-live="polite" data-testid="decision-preview">
                <h2 id="preview-heading">{t(lang, Text::ComputationHeading)}</h2>
                {move || match preview() {
                    Some(computation) => view! { <ComputationFacts computation lang/> }.into_any(),
                    None => view! { <p class="hint">{t(lang, Text::PreviewWaiting)}</p> }.into_any(),
                }}
            </section>
        }
        .into_any()
    } else {
        view! {
            <TextField id="decision-unit-value" field="unit_value_cents" label=Text::UnitValueLabel value=unit_value problems inputmode="decimal" hint=Text::EurosHint/>
        }
        .into_any()
    };
    let grant_options = vec![
        (BY_UNITS.to_owned(), Text::GrantByUnits),
        (BY_SUM.to_owned(), Text::GrantBySum),
    ];
    let granted = move || {
        terms().ok().map(|terms| {
            view! {
                <p class="lead" data-testid="decision-granted-preview" data-cents=terms.granted.get().to_string()>
                    {t(lang, Text::GrantedLabel)} ": " {terms.granted.format(lang)}
                    " (" {i18n::price_per_unit(lang, terms.unit_value, unit)} ")"
                </p>
            }
        })
    };
    view! {
        <dl class="facts">
            <Fact label=Text::CustomerLabel lang>
                <dd data-testid="decision-form-customer">{format!("{} {}", card.given_name, card.family_name)}</dd>
            </Fact>
            <Fact label=Text::ServiceLabel lang>
                <dd data-testid="decision-form-service">{assessment.service_name.clone()}</dd>
            </Fact>
            <Fact label=Text::AssessmentLabel lang>
                <dd>{i18n::format_date(lang, assessment.assessed_on)} ": " {t(lang, outcome_text(assessment.outcome))}</dd>
            </Fact>
            {income_related.then(|| view! {
                <Fact label=Text::IncomeRelatedLabel lang><dd data-testid="decision-income-related">{t(lang, Text::Yes)}</dd></Fact>
            })}
        </dl>
        {amends.map(|_| view! { <p class="notice" data-testid="decision-form-amends">{t(lang, Text::DecisionIsAmendment)}</p> })}
        <form class="form-panel" data-testid="decision-form" novalidate on:submit=on_submit>
            {value_fields}
            <RadioField id="decision-grant" field="grant" legend=Text::GrantLegend value=by problems options=grant_options/>
            {move || if by.get() == BY_SUM {
                view! { <TextField id="decision-sum" field="granted_cents" label=Text::GrantedSumLabel value=sum problems inputmode="decimal" hint=Text::EurosHint/> }.into_any()
            } else {
                view! { <TextField id="decision-units" field="granted_units" label=Text::GrantedUnitsLabel value=units problems kind="number" inputmode="numeric"/> }.into_any()
            }}
            <TextField id="decision-valid-from" field="valid_from" label=Text::ValidFromLabel value=valid_from problems kind="date"/>
            <TextField id="decision-valid-until" field="valid_until" label=Text::ValidUntilLabel value=valid_until problems kind="date"/>
            <div aria-live="polite">{granted}</div>
            <FormEnd error=server_error error_testid="decision-form-error" text=Text::SaveDraft pending testid="decision-form-submit"/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_household_needs_a_person_and_an_income_in_euros() {
        let h = household("2", "1 900,50")
            .or_else(|| household("2", "1900,50"))
            .unwrap();
        assert_eq!(h.size, 2);
        assert_eq!(h.gross_monthly_income.get(), 190_050);
        assert!(household("0", "100").is_none());
        assert!(household("x", "100").is_none());
        assert!(household("1", "lots").is_none());
    }

    #[test]
    fn each_rule_s_field_is_a_field_of_the_form() {
        for field in [
            "household",
            "unit_value_cents",
            "granted_units",
            "granted_cents",
            "valid_until",
        ] {
            assert!(dom_id(field).starts_with("decision-"), "{field}");
        }
    }
}
