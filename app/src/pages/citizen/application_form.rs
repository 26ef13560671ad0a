//! The resident's voucher application form: the municipality and its services that have
//! vouchers, the need in the applicant's words, the household and income when the voucher
//! depends on them, how to be reached, and — for a child — the shared matter: ask the other
//! guardian's consent (DVV scenario B) or declare the right to act alone (C), with what
//! the declaration means; then the confirmation that the information is correct.

use crate::components::fields::{CheckField, ChoiceField, Problems, RadioField, TextField};
use leptos::prelude::*;
use seteli_domain::api::resident::{
    AppliesFor, ContactPreference, DeclaredRight, NamedGuardian, OfferedService, SharedMatter,
    VoucherApplicationForm,
};
use seteli_domain::api::Municipality;
use seteli_domain::i18n::{self, t, Text};
use seteli_domain::resident_application::MAX_NAMED;
use seteli_domain::{Cents, Lang, MunicipalityCode, ServiceCode};

/// The form as typed: text as it is in the fields.
#[derive(Clone, Copy)]
pub struct Typed {
    service: RwSignal<String>,
    municipality: RwSignal<String>,
    need: RwSignal<String>,
    household: RwSignal<String>,
    income: RwSignal<String>,
    contact: RwSignal<String>,
    phone: RwSignal<String>,
    shared: RwSignal<String>,
    /// Each other guardian to ask (a child may have more than two); the first `others_shown`
    /// are on the page.
    others: [GuardianFields; MAX_NAMED],
    others_shown: RwSignal<usize>,
    unknown: RwSignal<bool>,
    right: RwSignal<String>,
    reason: RwSignal<String>,
    inform: GuardianFields,
    confirmed: RwSignal<bool>,
}

/// A named guardian's three fields.
#[derive(Clone, Copy)]
struct GuardianFields {
    given: RwSignal<String>,
    family: RwSignal<String>,
    hetu: RwSignal<String>,
}

impl GuardianFields {
    fn new(guardian: Option<&NamedGuardian>) -> Self {
        let text = |f: fn(&NamedGuardian) -> &String| {
            RwSignal::new(guardian.map(f).cloned().unwrap_or_default())
        };
        Self {
            given: text(|g| &g.given_name),
            family: text(|g| &g.family_name),
            hetu: text(|g| &g.hetu),
        }
    }

    fn read(self) -> Option<NamedGuardian> {
        let (given, family, hetu) = (
            self.given.get_untracked(),
            self.family.get_untracked(),
            self.hetu.get_untracked(),
        );
        let blank = given.trim().is_empty() && family.trim().is_empty() && hetu.trim().is_empty();
        (!blank).then(|| NamedGuardian {
            given_name: given.trim().to_owned(),
            family_name: family.trim().to_owned(),
            hetu: hetu.trim().to_uppercase(),
        })
    }
}

const CONSENT: &str = "consent";
const DECLARED: &str = "declared";

impl Typed {
    /// The fields of `form` as saved.
    pub fn new(form: &VoucherApplicationForm, lang: Lang) -> Self {
        let text = |s: Option<String>| RwSignal::new(s.unwrap_or_default());
        let (shared, others, unknown, right, reason, inform) = match &form.shared {
            Some(SharedMatter::Consent { others, unknown }) => {
                (CONSENT, others.clone(), *unknown, "", String::new(), None)
            }
            Some(SharedMatter::Declared { right, inform }) => {
                let (kind, reason) = match right {
                    DeclaredRight::SoleCustody => ("sole_custody", String::new()),
                    DeclaredRight::AgreedOutside => ("agreed_outside", String::new()),
                    DeclaredRight::Other { reason } => ("other", reason.clone()),
                };
                (DECLARED, Vec::new(), false, kind, reason, inform.clone())
            }
            None => ("", Vec::new(), false, "", String::new(), None),
        };
        Self {
            service: text(form.service_code.as_ref().map(|s| s.as_str().to_owned())),
            municipality: text(
                form.municipality_code
                    .as_ref()
                    .map(|m| m.as_str().to_owned()),
            ),
            need: RwSignal::new(form.need.clone()),
            household: text(form.household_size.map(|n| n.to_string())),
            income: text(
                form.gross_monthly_income_cents
                    .map(|c| euros_input(c, lang)),
            ),
            contact: text(form.contact.map(|c| contact_code(c).to_owned())),
            phone: RwSignal::new(form.phone.clone()),
            shared: RwSignal::new(shared.to_owned()),
            others: std::array::from_fn(|i| GuardianFields::new(others.get(i))),
            others_shown: RwSignal::new(others.len().clamp(1, MAX_NAMED)),
            unknown: RwSignal::new(unknown),
            right: RwSignal::new(right.to_owned()),
            reason: RwSignal::new(reason),
            inform: GuardianFields::new(inform.as_ref()),
            confirmed: RwSignal::new(form.confirmed),
        }
    }

    /// The form to save, or the field whose text is not a value (and what to say).
    pub fn read(
        self,
        applies_for: AppliesFor,
    ) -> Result<VoucherApplicationForm, (&'static str, Text)> {
        let household = self.household.get_untracked();
        let household_size = match household.trim() {
            "" => None,
            n => Some(
                n.parse::<u32>()
                    .map_err(|_| ("household_size", Text::HouseholdProblem))?,
            ),
        };
        let income = self.income.get_untracked();
        let gross_monthly_income_cents = match income.trim() {
            "" => None,
            e => Some(
                Cents::parse_euros(e)
                    .map_err(|_| ("gross_monthly_income_cents", Text::IncomeProblem))?,
            ),
        };
        let contact = match self.contact.get_untracked().as_str() {
            "messages" => Some(ContactPreference::Messages),
            "phone" => Some(ContactPreference::Phone),
            _ => None,
        };
        let shared = if applies_for != AppliesFor::Child {
            None
        } else {
            match self.shared.get_untracked().as_str() {
                CONSENT => Some(SharedMatter::Consent {
                    others: self
                        .others
                        .iter()
                        .take(self.others_shown.get_untracked())
                        .filter_map(|fields| fields.read())
                        .collect(),
                    unknown: self.unknown.get_untracked(),
                }),
                DECLARED => {
                    let right = match self.right.get_untracked().as_str() {
                        "sole_custody" => Some(DeclaredRight::SoleCustody),
                        "agreed_outside" => Some(DeclaredRight::AgreedOutside),
                        "other" => Some(DeclaredRight::Other {
                            reason: self.reason.get_untracked().trim().to_owned(),
                        }),
                        _ => None,
                    };
                    match right {
                        Some(right) => Some(SharedMatter::Declared {
                            right,
                            inform: self.inform.read(),
                        }),
                        None => return Err(("shared", Text::DeclaredRightMissing)),
                    }
                }
                _ => None,
            }
        };
        Ok(VoucherApplicationForm {
            service_code: ServiceCode::parse(&self.service.get_untracked()).ok(),
            municipality_code: MunicipalityCode::parse(&self.municipality.get_untracked()).ok(),
            need: self.need.get_untracked(),
            household_size,
            gross_monthly_income_cents,
            contact,
            phone: self.phone.get_untracked().trim().to_owned(),
            shared,
            confirmed: self.confirmed.get_untracked(),
        })
    }
}

fn contact_code(contact: ContactPreference) -> &'static str {
    match contact {
        ContactPreference::Messages => "messages",
        ContactPreference::Phone => "phone",
    }
}

/// An amount as the field shows it: `1500,00` (Finnish and Swedish) or `1500.00`.
fn euros_input(cents: Cents, lang: Lang) -> String {
    let separator = if lang == Lang::En { '.' } else { ',' };
    format!("{}{separator}{:02}", cents.get() / 100, cents.get() % 100)
}

/// Where the form's field named by a refusal (the request body's name) is.
pub fn field_selector(field: &str) -> String {
    let id = match field {
        "service_code" => "application-service",
        "municipality_code" => "application-municipality",
        "need" => "application-need",
        "household_size" => "application-household",
        "gross_monthly_income_cents" => "application-income",
        "contact" => "application-contact-messages",
        "phone" => "application-phone",
        "shared" => "application-shared-consent",
        "confirmed" => "application-confirmed",
        _ => "application-form",
    };
    format!("#{id}")
}

/// The form's fields.
#[component]
pub fn ResidentForm(
    typed: Typed,
    applies_for: AppliesFor,
    offered: Vec<OfferedService>,
    municipalities: Vec<Municipality>,
    problems: Problems,
    lang: Lang,
) -> impl IntoView {
    let offered = StoredValue::new(offered);
    let municipality_options: Vec<(String, String)> = municipalities
        .into_iter()
        .filter(|m| offered.with_value(|o| o.iter().any(|s| s.municipality_code == m.code)))
        .map(|m| (m.code.as_str().to_owned(), m.name))
        .collect();
    let service_options = move || -> Vec<(String, String)> {
        let chosen = typed.municipality.get();
        offered.with_value(|o| {
            o.iter()
                .filter(|s| s.municipality_code.as_str() == chosen)
                .map(|s| (s.service_code.as_str().to_owned(), s.service_name.clone()))
                .collect()
        })
    };
    let income_related = move || {
        let (m, s) = (typed.municipality.get(), typed.service.get());
        offered.with_value(|o| {
            o.iter().any(|x| {
                x.municipality_code.as_str() == m
                    && x.service_code.as_str() == s
                    && x.income_related
            })
        })
    };
    let contact_options = vec![
        ("messages".to_owned(), Text::ContactMessages),
        ("phone".to_owned(), Text::ContactPhone),
    ];
    view! {
        <div id="application-form" data-testid="application-form">
            <ChoiceField id="application-municipality" field="municipality_code" label=Text::MunicipalityLabel
                value=typed.municipality problems options=municipality_options placeholder=Text::ChooseMunicipality/>
            {move || view! {
                <ChoiceField id="application-service" field="service_code" label=Text::ServiceLabel
                    value=typed.service problems options=service_options() placeholder=Text::ChooseService/>
            }}
            <TextField id="application-need" field="need" label=Text::NeedLabel hint=Text::NeedHint
                value=typed.need problems multiline=true/>
            <Show when=income_related>
                <p class="hint" data-testid="application-income-hint">{t(lang, Text::IncomeRelatedHint)}</p>
                <TextField id="application-household" field="household_size" label=Text::HouseholdSizeLabel
                    value=typed.household problems kind="number" inputmode="numeric"/>
                <TextField id="application-income" field="gross_monthly_income_cents" label=Text::GrossIncomeLabel
                    hint=Text::GrossIncomeHint value=typed.income problems inputmode="decimal"/>
            </Show>
            <RadioField id="application-contact" field="contact" legend=Text::ContactPreferenceLegend
                value=typed.contact problems options=contact_options/>
            <Show when=move || typed.contact.get() == "phone">
                <TextField id="application-phone" field="phone" label=Text::Phone value=typed.phone
                    problems kind="tel" autocomplete="tel"/>
            </Show>
            {(applies_for == AppliesFor::Child).then(|| view! { <SharedMatterFields typed problems lang/> })}
            <CheckField id="application-confirmed" label=Text::ConfirmInformation value=typed.confirmed/>
        </div>
    }
}

/// A child's shared matter: the other guardian's consent, or a declared right.
#[component]
fn SharedMatterFields(typed: Typed, problems: Problems, lang: Lang) -> impl IntoView {
    let ways = vec![
        (CONSENT.to_owned(), Text::SharedConsentOption),
        (DECLARED.to_owned(), Text::SharedDeclaredOption),
    ];
    let rights = vec![
        ("sole_custody".to_owned(), Text::RightSoleCustody),
        ("agreed_outside".to_owned(), Text::RightAgreedOutside),
        ("other".to_owned(), Text::RightOther),
    ];
    view! {
        <section class="card" aria-labelledby="shared-title" data-testid="application-shared">
            <h2 id="shared-title" class="card-title">{t(lang, Text::SharedMatterTitle)}</h2>
            <p>{t(lang, Text::SharedMatterLead)}</p>
            <RadioField id="application-shared" field="shared" legend=Text::SharedMatterLegend
                value=typed.shared problems options=ways/>
            <Show when=move || typed.shared.get() == CONSENT>
                <fieldset class="field">
                    <legend>{t(lang, Text::OtherGuardianLegend)}</legend>
                    <OtherGuardians typed problems lang/>
                    <CheckField id="application-guardian-unknown" label=Text::GuardianUnknown value=typed.unknown/>
                </fieldset>
            </Show>
            <Show when=move || typed.shared.get() == DECLARED>
                <p class="notice" data-testid="application-declaration-meaning">{t(lang, Text::DeclarationMeaning)}</p>
                <RadioField id="application-right" field="declared_right" legend=Text::DeclaredRightLegend
                    value=typed.right problems options=rights.clone()/>
                <Show when=move || typed.right.get() == "other">
                    <TextField id="application-reason" field="declared_reason" label=Text::DeclaredReasonLabel
                        value=typed.reason problems multiline=true/>
                </Show>
                <fieldset class="field">
                    <legend>{t(lang, Text::InformGuardianLegend)}" "<span class="optional">{t(lang, Text::OptionalField)}</span></legend>
                    <GuardianInputs prefix="application-inform" fields=typed.inform problems/>
                </fieldset>
            </Show>
        </section>
    }
}

/// The other guardians to ask, one group of fields each, and a button for one more (up
/// to [`MAX_NAMED`]). The first group's ids are `application-other-…`, the next ones'
/// `application-other-2-…` and so on.
#[component]
fn OtherGuardians(typed: Typed, problems: Problems, lang: Lang) -> impl IntoView {
    const PREFIXES: [&str; MAX_NAMED] = [
        "application-other",
        "application-other-2",
        "application-other-3",
        "application-other-4",
    ];
    let groups = typed
        .others
        .into_iter()
        .zip(PREFIXES)
        .enumerate()
        .map(|(i, (fields, prefix))| {
            view! {
                <Show when=move || i < typed.others_shown.get()>
                    <div class="guardian-group" role="group" aria-label=move || i18n::other_guardian_number(lang, i + 1)>
                        <GuardianInputs prefix fields problems/>
                    </div>
                </Show>
            }
        })
        .collect_view();
    view! {
        {groups}
        <Show when=move || typed.others_shown.get() < MAX_NAMED>
            <p>
                <button type="button" class="button button-secondary" data-testid="application-add-guardian"
                    on:click=move |_| typed.others_shown.update(|n| *n = (*n + 1).min(MAX_NAMED))>
                    {t(lang, Text::AddOtherGuardian)}
                </button>
            </p>
        </Show>
    }
}

/// A named guardian's name and identity code (the code travels only in the body that
/// saves it; the page shows it back masked).
#[component]
fn GuardianInputs(
    prefix: &'static str,
    fields: GuardianFields,
    problems: Problems,
) -> impl IntoView {
    view! {
        // The API names the shared matter as a whole ("shared", under the choice above);
        // these fields' own names are never in a refusal.
        <TextField id=format!("{prefix}-given") field="guardian_given" label=Text::GivenNameLabel value=fields.given
            problems autocomplete="off"/>
        <TextField id=format!("{prefix}-family") field="guardian_family" label=Text::FamilyNameLabel value=fields.family
            problems autocomplete="off"/>
        <TextField id=format!("{prefix}-hetu") field="guardian_hetu" label=Text::HetuLabel hint=Text::GuardianHetuHint
            value=fields.hetu problems autocomplete="off"/>
    }
}
