//! A voucher decision as a document: every fact it rests on, how an income-related value
//! was computed, and the appeal instructions (oikaisuvaatimusohje) in Finnish and Swedish
//! whatever the page's language, as the law has them given. The customer's page shows it
//! read-only; the staff's page adds its buttons around it. It prints as it reads (the
//! stylesheet's `@media print` hides the frame and the buttons).

use crate::components::facts::{Fact, MoneyFact};
use leptos::prelude::*;
use seteli_domain::api::desk::{ComputationView, DecisionDocument};
use seteli_domain::clock::rfc3339;
use seteli_domain::desk::{AssessmentOutcome, DecisionStatus, DeliveryChannel};
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::Lang;

/// The words for a decision's status; one this app does not know is shown by name.
pub fn decision_status_text(status: DecisionStatus, lang: Lang) -> String {
    let text = match status {
        DecisionStatus::Draft => Text::DecisionStatusDraft,
        DecisionStatus::Decided => Text::DecisionStatusDecided,
        DecisionStatus::Delivered => Text::DecisionStatusDelivered,
        DecisionStatus::Superseded => Text::DecisionStatusSuperseded,
        DecisionStatus::Annulled => Text::DecisionStatusAnnulled,
        DecisionStatus::Unknown => return status.as_str().to_owned(),
    };
    t(lang, text).to_owned()
}

/// The CSS modifier of a decision's status badge.
pub fn decision_status_class(status: DecisionStatus) -> &'static str {
    match status {
        DecisionStatus::Decided | DecisionStatus::Delivered => "status status-active",
        DecisionStatus::Annulled => "status status-cancelled",
        DecisionStatus::Draft | DecisionStatus::Superseded | DecisionStatus::Unknown => {
            "status status-ended"
        }
    }
}

/// The words for a need assessment's outcome.
pub fn outcome_text(outcome: AssessmentOutcome) -> Text {
    match outcome {
        AssessmentOutcome::Voucher => Text::OutcomeVoucher,
        AssessmentOutcome::OtherService => Text::OutcomeOtherService,
        AssessmentOutcome::NoNeed => Text::OutcomeNoNeed,
    }
}

/// The words for how a decision reached the customer.
pub fn delivery_text(via: DeliveryChannel) -> Text {
    match via {
        DeliveryChannel::Message => Text::DeliveredByMessage,
        DeliveryChannel::Post => Text::DeliveredByPost,
    }
}

/// A decision's status as a badge (`decision-status`, its name in `data-status`).
#[component]
pub fn DecisionStatusBadge(status: DecisionStatus, lang: Lang) -> impl IntoView {
    view! {
        <span class=decision_status_class(status) data-testid="decision-status" data-status=status.as_str()>
            {decision_status_text(status, lang)}
        </span>
    }
}

/// The decision document below the page's `h1`: its `h2` sections are the decision, the
/// computation (for an income-related value) and the appeal instructions.
#[component]
pub fn DecisionDocumentView(document: DecisionDocument, lang: Lang) -> impl IntoView {
    let d = document;
    let unit = d.unit;
    let number = d
        .decision_number
        .clone()
        .unwrap_or_else(|| t(lang, Text::DecisionNotYetDecided).to_owned());
    let decided = d.decided_by_name.clone().map(|name| {
        let when = d.decided_at.map(|at| {
            view! { ", " <time datetime=rfc3339(at)>{i18n::format_date_time(lang, at)}</time> }
        });
        view! {
            <Fact label=Text::DecidedByLabel lang>
                <dd data-testid="decision-decided-by">{name}{when}</dd>
            </Fact>
        }
    });
    let delivered = d.delivered_via.map(|via| {
        let when = d.delivered_at.map(|at| {
            view! { ", " <time datetime=rfc3339(at)>{i18n::format_date_time(lang, at)}</time> }
        });
        view! {
            <Fact label=Text::DeliveredLabel lang>
                <dd data-testid="decision-delivered" data-via=via.as_str()>{t(lang, delivery_text(via))}{when}</dd>
            </Fact>
        }
    });
    let annulled = d.annul_reason.clone().map(|reason| {
        view! {
            <Fact label=Text::AnnulReasonLabel lang>
                <dd data-testid="decision-annul-reason">{reason}</dd>
            </Fact>
        }
    });
    let amendment = d.amends_voucher_id.map(|_| {
        view! { <p class="notice" data-testid="decision-amendment">{t(lang, Text::DecisionIsAmendment)}</p> }
    });
    let voucher_number = d.voucher_number.clone().map(|number| {
        view! {
            <Fact label=Text::VoucherNumberLabel lang>
                <dd><span class="voucher-number" data-testid="decision-voucher-number" translate="no">{number}</span></dd>
            </Fact>
        }
    });
    let granted_units = d.granted_units.map(|units| {
        view! {
            <Fact label=Text::GrantedUnitsLabel lang>
                <dd data-testid="decision-granted-units" data-units=units.to_string()>
                    {i18n::unit_quantity(lang, units.saturating_mul(100), unit)}
                </dd>
            </Fact>
        }
    });
    let computation = d
        .computation
        .map(|computation| view! { <ComputationSection computation lang/> });
    view! {
        <article class="decision-document" data-testid="decision-document" data-status=d.status.as_str()>
            <header class="decision-header">
                <p class="decision-organiser" data-testid="decision-organiser">{d.organiser_name.clone()}</p>
                <p class="decision-number">
                    {t(lang, Text::DecisionNumberLabel)} ": "
                    <span data-testid="decision-number">{number}</span>
                </p>
                <p><DecisionStatusBadge status=d.status lang/></p>
            </header>
            {amendment}
            <section class="page-section" aria-labelledby="decision-facts-heading">
                <h2 id="decision-facts-heading">{t(lang, Text::DecisionFactsHeading)}</h2>
                <dl class="facts decision-facts">
                    <Fact label=Text::CustomerLabel lang>
                        <dd data-testid="decision-customer">{d.customer_name.clone()}</dd>
                    </Fact>
                    <Fact label=Text::IdentityCodeLabel lang>
                        <dd data-testid="decision-customer-hetu" translate="no">{d.customer_masked_hetu.clone()}</dd>
                    </Fact>
                    <Fact label=Text::MunicipalityLabel lang>
                        <dd>{d.municipality_name.clone()}</dd>
                    </Fact>
                    <Fact label=Text::ServiceLabel lang>
                        <dd data-testid="decision-service" data-service=d.service_code.to_string()>{d.service_name.clone()}</dd>
                    </Fact>
                    <Fact label=Text::AssessmentLabel lang>
                        <dd data-testid="decision-assessment" data-outcome=d.assessment_outcome.as_str()>
                            {i18n::format_date(lang, d.assessed_on)} ": "
                            {t(lang, outcome_text(d.assessment_outcome))}
                        </dd>
                    </Fact>
                    <Fact label=Text::VoucherValueLabel lang>
                        <dd data-testid="decision-unit-value" data-cents=d.unit_value_cents.get().to_string()>
                            {i18n::price_per_unit(lang, d.unit_value_cents, unit)}
                        </dd>
                    </Fact>
                    {granted_units}
                    <MoneyFact label=Text::GrantedLabel lang cents=d.granted_cents testid="decision-granted"/>
                    <Fact label=Text::ValidityLabel lang>
                        <dd data-testid="decision-validity">{i18n::validity(lang, d.valid_from, d.valid_until)}</dd>
                    </Fact>
                    {voucher_number}
                    {decided}
                    {delivered}
                    {annulled}
                </dl>
            </section>
            {computation}
            <AppealInstructions address=d.appeal_address.clone()/>
        </article>
    }
}

/// How an income-related value was reached: the household, the table's figures for it,
/// and the arithmetic in one line.
#[component]
pub fn ComputationSection(computation: ComputationView, lang: Lang) -> impl IntoView {
    view! {
        <section class="page-section" aria-labelledby="computation-heading" data-testid="decision-computation">
            <h2 id="computation-heading">{t(lang, Text::ComputationHeading)}</h2>
            <ComputationFacts computation lang/>
        </section>
    }
}

/// The computation's facts and formula (also the decision form's live preview).
#[component]
pub fn ComputationFacts(computation: ComputationView, lang: Lang) -> impl IntoView {
    let c = computation;
    let formula = i18n::computation_formula(
        lang,
        c.full_value_cents,
        c.gross_monthly_income_cents,
        c.income_limit_cents,
        c.reduction_basis_points,
        c.units_per_month,
        c.value_cents,
    );
    view! {
        <dl class="facts computation-facts">
            <Fact label=Text::HouseholdSizeLabel lang>
                <dd data-testid="computation-household">{c.household_size.to_string()}</dd>
            </Fact>
            <MoneyFact label=Text::GrossIncomeLabel lang cents=c.gross_monthly_income_cents testid="computation-income"/>
            <MoneyFact label=Text::IncomeLimitLabel lang cents=c.income_limit_cents testid="computation-limit"/>
            <Fact label=Text::ReductionPercentLabel lang>
                <dd data-testid="computation-percent" data-basis-points=c.reduction_basis_points.to_string()>
                    {i18n::basis_points(lang, c.reduction_basis_points)}
                </dd>
            </Fact>
            <MoneyFact label=Text::ExcessIncomeLabel lang cents=c.excess_income_cents testid="computation-excess"/>
            <MoneyFact label=Text::ReductionLabel lang cents=c.reduction_cents testid="computation-reduction"/>
            <MoneyFact label=Text::FullValueLabel lang cents=c.full_value_cents testid="computation-full"/>
            <MoneyFact label=Text::MinimumValueLabel lang cents=c.minimum_value_cents testid="computation-minimum"/>
            <Fact label=Text::UnitsPerMonthLabel lang>
                <dd>{c.units_per_month.to_string()}</dd>
            </Fact>
            <MoneyFact label=Text::ComputedValueLabel lang cents=c.value_cents testid="computation-value"/>
        </dl>
        <p class="computation-formula" data-testid="computation-formula">{formula}</p>
        {c.at_minimum.then(|| view! { <p class="hint" data-testid="computation-at-minimum">{t(lang, Text::ComputationAtMinimum)}</p> })}
    }
}

/// The appeal instructions in Finnish and Swedish, each marked with its language, whatever
/// the page's language: an appeal may be made in either national language.
#[component]
pub fn AppealInstructions(address: String) -> impl IntoView {
    let one = move |lang: Lang, address: String| {
        view! {
            <section class="appeal" lang=lang.code() data-testid=format!("appeal-{}", lang.code())>
                <h3>{t(lang, Text::AppealTitle)}</h3>
                <p>{t(lang, Text::AppealWho)}</p>
                <p>{t(lang, Text::AppealWhen)}</p>
                <p>{t(lang, Text::AppealContent)}</p>
                <p>{t(lang, Text::AppealWhere)}</p>
                <address class="appeal-address">{address}</address>
                <p>{t(lang, Text::AppealFree)}</p>
            </section>
        }
    };
    view! {
        <section class="page-section appeal-instructions" aria-labelledby="appeal-heading" data-testid="appeal-instructions">
            <h2 id="appeal-heading">
                <span lang="fi">{t(Lang::Fi, Text::AppealTitle)}</span>
                " / "
                <span lang="sv">{t(Lang::Sv, Text::AppealTitle)}</span>
            </h2>
            {one(Lang::Fi, address.clone())}
            {one(Lang::Sv, address)}
        </section>
    }
}
