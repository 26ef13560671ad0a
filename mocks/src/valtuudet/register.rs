//! The mock's own small population and mandate register, and the rules the Web API answers
//! by: whom a delegate may pick, whether they may act for the one they picked, and their
//! roles in an organisation. Seeded from JSON (`mocks/data/valtuudet.json` by default).
//!
//! Persons are referred to by personal identity code, which never appears in an error here:
//! a seed error names the entry by its position instead.

use crate::identification::people::Person;
use serde::{Deserialize, Deserializer, Serialize};
use seteli_domain::{BusinessId, Hetu};
use std::collections::HashSet;
use time::macros::format_description;
use time::{Date, Month};

const DEFAULT_SEED_JSON: &str = include_str!("../../data/valtuudet.json");

/// A person under this age on the day asked about is a minor, for whom a guardian may act
/// without a mandate.
pub const AGE_OF_MAJORITY: i32 = 18;

/// The register: persons, guardianships, mandates between persons, restrictions, flags that
/// make the engine answer `UNKNOWN` (a development knob: DVV never answers it), and
/// organisations with their people's roles.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// What the file is for; ignored.
    #[serde(default, rename = "about")]
    _about: Option<String>,
    pub persons: Vec<Person>,
    #[serde(default)]
    pub guardianships: Vec<Guardianship>,
    #[serde(default)]
    pub mandates: Vec<Mandate>,
    #[serde(default)]
    pub restrictions: Vec<Restriction>,
    /// A development knob, not anything DVV has: see [`UnknownFlag`].
    #[serde(default)]
    pub unknown: Vec<UnknownFlag>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
}

/// `guardian` has custody of `dependant` (which counts only while the dependant is a minor).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guardianship {
    pub guardian: Hetu,
    pub dependant: Hetu,
    pub note: Option<String>,
}

/// `principal` has authorised `delegate` to act in `issues` from `valid_from` to
/// `valid_until` (both inclusive; no end date means until further notice).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    pub principal: Hetu,
    pub delegate: Hetu,
    /// Issue URIs (valtuusasiat), e.g. `http://valtuusrekisteri.suomi.fi/palveluseteli_asiointi`.
    pub issues: Vec<String>,
    #[serde(deserialize_with = "iso_date")]
    pub valid_from: Date,
    #[serde(default, deserialize_with = "optional_iso_date")]
    pub valid_until: Option<Date>,
    /// Set by `POST /dev/mandates/revoke`; a seed may start with a revoked mandate too.
    #[serde(default)]
    pub revoked: bool,
    pub note: Option<String>,
}

impl Mandate {
    /// Whether the mandate is in force on `today`.
    pub fn is_valid_on(&self, today: Date) -> bool {
        !self.revoked && self.valid_from <= today && self.valid_until.is_none_or(|end| today <= end)
    }
}

/// Nobody, or only `delegate`, may act for `principal` (a child taken into care, a protective
/// order). The Web API answers DISALLOWED without saying why: no reason at all, so the
/// e-service cannot tell a restriction from any other refusal by what it is told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restriction {
    pub principal: Hetu,
    /// `None`: the restriction holds against every delegate.
    pub delegate: Option<Hetu>,
    pub note: Option<String>,
}

/// A development knob, not a DVV answer: for this pair the mock answers `UNKNOWN`, a result
/// DVV does not document (its reference client's model has only ALLOWED and DISALLOWED), so
/// a client can be tested for treating anything but ALLOWED as a refusal. The default
/// register has none; tests seed one through `/dev/seed`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnknownFlag {
    pub principal: Hetu,
    pub delegate: Hetu,
    pub note: Option<String>,
}

/// A company or other organisation in the trade register, with its people's roles.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub business_id: BusinessId,
    pub name: String,
    /// `complete` in the Web API's answer: whether the role information is complete.
    #[serde(default = "yes")]
    pub complete: bool,
    #[serde(default)]
    pub roles: Vec<OrganisationRoles>,
    pub note: Option<String>,
}

/// One person's roles in an organisation: trade-register codes (`TJ`, `PJ`, `J`, `NIMKO`,
/// `IS`, ...) or mandate issue URIs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRoles {
    pub person: Hetu,
    pub roles: Vec<String>,
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

fn parse_date<E: serde::de::Error>(text: &str) -> Result<Date, E> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|_| E::custom("a date must be YYYY-MM-DD"))
}

fn iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    parse_date(&String::deserialize(d)?)
}

fn optional_iso_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| parse_date(&text))
        .transpose()
}

/// Why a seed was refused. Entries are named by position, never by identity code.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the seed is not valid register JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

/// Who was picked on the selection page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A person (`hpa`).
    Person(Hetu),
    /// An organisation (`ypa`).
    Organisation(BusinessId),
}

impl Principal {
    /// The personal identity code or business id, as the Web API and `data-testid`s show it.
    pub fn id(&self) -> &str {
        match self {
            Principal::Person(hetu) => hetu.as_str(),
            Principal::Organisation(id) => id.as_str(),
        }
    }
}

/// Why a person is on the selection list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A minor whose guardian the delegate is.
    Guardianship,
    /// An adult who gave the delegate a mandate valid today.
    Mandate,
    /// An organisation in which the delegate has roles.
    Roles,
}

/// One entry of the selection page.
#[derive(Debug, Clone)]
pub struct Choice {
    pub principal: Principal,
    /// `Given Names Family` for a person, the registered name for an organisation.
    pub name: String,
    pub basis: Basis,
    /// The delegate's roles, for an organisation.
    pub roles: Vec<String>,
}

/// The engine's answer to "may this delegate act for this principal in these issues?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Outcome {
    Allowed,
    Disallowed,
    /// Only for a pair flagged [`UnknownFlag`]: a development knob, never a DVV answer.
    Unknown,
}

/// One of the reasons that come with an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub reason_rule: String,
    pub reason_value: String,
    /// `DESCRIPTION` or `EXCEPTION`.
    pub value_type: &'static str,
}

impl Reason {
    fn new(rule: &str, value: impl Into<String>, value_type: &'static str) -> Self {
        Self {
            reason_rule: rule.to_owned(),
            reason_value: value.into(),
            value_type,
        }
    }

    /// A `DESCRIPTION`: every reason but the development knob's.
    fn description(rule: &str, value: impl Into<String>) -> Self {
        Self::new(rule, value, "DESCRIPTION")
    }
}

/// The body of the `authorization` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub result: Outcome,
    pub reasons: Vec<Reason>,
}

impl Decision {
    fn new(result: Outcome, reasons: Vec<Reason>) -> Self {
        Self { result, reasons }
    }

    /// `result`, described by `rule` and `value`.
    fn because(result: Outcome, rule: &str, value: &str) -> Self {
        Self::new(result, vec![Reason::description(rule, value)])
    }

    /// DISALLOWED because the principal asked about is not the one picked in the session.
    pub fn not_the_picked_principal() -> Self {
        let value = "the principal was not chosen in this session";
        Self::because(Outcome::Disallowed, "PRINCIPAL", value)
    }
}

/// Whether a person born on `birth` is under 18 on `today`. Someone born on 29 February
/// comes of age on 28 February in a common year (the last day of the month, as Finnish law
/// counts periods).
pub fn is_minor(birth: Date, today: Date) -> bool {
    let year = birth.year() + AGE_OF_MAJORITY;
    let coming_of_age = Date::from_calendar_date(year, birth.month(), birth.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28));
    match coming_of_age {
        Ok(day) => today < day,
        Err(_) => false,
    }
}

impl Register {
    /// The register compiled in from `mocks/data/valtuudet.json`.
    pub fn default_seed() -> Result<Self, SeedError> {
        Self::from_json(DEFAULT_SEED_JSON)
    }

    /// Parses and checks a seed: every referenced person is among `persons`, persons and
    /// organisations are unique, issues are URIs and validity periods do not end before they
    /// start.
    pub fn from_json(json: &str) -> Result<Self, SeedError> {
        let register: Register = serde_json::from_str(json)?;
        register.check().map_err(SeedError::Invalid)?;
        Ok(register)
    }

    fn check(&self) -> Result<(), String> {
        let mut persons = HashSet::new();
        for (i, person) in self.persons.iter().enumerate() {
            if !persons.insert(&person.hetu) {
                return Err(format!("persons[{i}] is listed twice"));
            }
        }
        let known = |hetu: &Hetu, at: String| {
            if persons.contains(hetu) {
                Ok(())
            } else {
                Err(format!("{at} is not among persons"))
            }
        };
        for (i, g) in self.guardianships.iter().enumerate() {
            known(&g.guardian, format!("guardianships[{i}].guardian"))?;
            known(&g.dependant, format!("guardianships[{i}].dependant"))?;
        }
        for (i, m) in self.mandates.iter().enumerate() {
            known(&m.principal, format!("mandates[{i}].principal"))?;
            known(&m.delegate, format!("mandates[{i}].delegate"))?;
            if m.issues.is_empty() {
                return Err(format!("mandates[{i}] covers no issue"));
            }
            if let Some(j) = m.issues.iter().position(|issue| !is_issue_uri(issue)) {
                return Err(format!("mandates[{i}].issues[{j}] is not an http(s) URI"));
            }
            if m.valid_until.is_some_and(|end| end < m.valid_from) {
                return Err(format!("mandates[{i}] ends before it starts"));
            }
        }
        for (i, r) in self.restrictions.iter().enumerate() {
            known(&r.principal, format!("restrictions[{i}].principal"))?;
            if let Some(delegate) = &r.delegate {
                known(delegate, format!("restrictions[{i}].delegate"))?;
            }
        }
        for (i, u) in self.unknown.iter().enumerate() {
            known(&u.principal, format!("unknown[{i}].principal"))?;
            known(&u.delegate, format!("unknown[{i}].delegate"))?;
        }
        let mut organisations = HashSet::new();
        for (i, org) in self.organisations.iter().enumerate() {
            if !organisations.insert(&org.business_id) {
                return Err(format!("organisations[{i}] is listed twice"));
            }
            for (j, r) in org.roles.iter().enumerate() {
                known(&r.person, format!("organisations[{i}].roles[{j}].person"))?;
                if r.roles.is_empty() {
                    return Err(format!("organisations[{i}].roles[{j}] has no role"));
                }
            }
        }
        Ok(())
    }

    /// The person with this code, if the register has them.
    pub fn person(&self, hetu: &Hetu) -> Option<&Person> {
        self.persons.iter().find(|p| &p.hetu == hetu)
    }

    /// The organisation with this business id.
    pub fn organisation(&self, id: &BusinessId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| &o.business_id == id)
    }

    fn is_guardian_of_minor(&self, guardian: &Hetu, dependant: &Hetu, today: Date) -> bool {
        is_minor(dependant.birth_date(), today)
            && self
                .guardianships
                .iter()
                .any(|g| &g.guardian == guardian && &g.dependant == dependant)
    }

    fn valid_mandates<'a>(
        &'a self,
        principal: &'a Hetu,
        delegate: &'a Hetu,
        today: Date,
    ) -> impl Iterator<Item = &'a Mandate> + 'a {
        self.mandates.iter().filter(move |m| {
            &m.principal == principal && &m.delegate == delegate && m.is_valid_on(today)
        })
    }

    /// Whom `delegate` may pick in `hpa` on `today`: their minor dependants, then the persons
    /// who gave them a mandate valid today, each once, in register order.
    pub fn person_choices(&self, delegate: &Hetu, today: Date) -> Vec<Choice> {
        let dependants = self
            .guardianships
            .iter()
            .filter(|g| &g.guardian == delegate && is_minor(g.dependant.birth_date(), today))
            .map(|g| (&g.dependant, Basis::Guardianship));
        let mandators = self
            .mandates
            .iter()
            .filter(|m| &m.delegate == delegate && m.is_valid_on(today))
            .map(|m| (&m.principal, Basis::Mandate));
        let mut seen = HashSet::new();
        dependants
            .chain(mandators)
            .filter(|(hetu, _)| *hetu != delegate && seen.insert(*hetu))
            .filter_map(|(hetu, basis)| {
                let person = self.person(hetu)?;
                Some(Choice {
                    principal: Principal::Person(hetu.clone()),
                    name: person.full_name(),
                    basis,
                    roles: Vec::new(),
                })
            })
            .collect()
    }

    /// The roles `person` has in each organisation (only organisations where they have some).
    pub fn organisation_choices(&self, person: &Hetu) -> Vec<Choice> {
        self.organisations
            .iter()
            .filter_map(|org| {
                let roles = self.roles_in(org, person);
                (!roles.is_empty()).then(|| Choice {
                    principal: Principal::Organisation(org.business_id.clone()),
                    name: org.name.clone(),
                    basis: Basis::Roles,
                    roles,
                })
            })
            .collect()
    }

    /// `person`'s roles in `org`, each once.
    pub fn roles_in(&self, org: &Organisation, person: &Hetu) -> Vec<String> {
        let mut roles: Vec<String> = Vec::new();
        for role in org
            .roles
            .iter()
            .filter(|r| &r.person == person)
            .flat_map(|r| &r.roles)
        {
            if !roles.contains(role) {
                roles.push(role.clone());
            }
        }
        roles
    }

    /// May `delegate` act for `principal` in every one of `issues` on `today`?
    ///
    /// An `UNKNOWN` flag (the development knob) wins; then a restriction gives DISALLOWED
    /// with no reason at all, as DVV never tells the e-service why; a guardian of a minor
    /// needs no issue; otherwise valid mandates must together cover every issue asked (and at
    /// least one must exist when none is asked).
    pub fn decide(
        &self,
        delegate: &Hetu,
        principal: &Hetu,
        issues: &[String],
        today: Date,
    ) -> Decision {
        if self
            .unknown
            .iter()
            .any(|u| &u.delegate == delegate && &u.principal == principal)
        {
            return Decision::new(
                Outcome::Unknown,
                vec![Reason::new(
                    "UNKNOWN",
                    "the right could not be determined",
                    "EXCEPTION",
                )],
            );
        }
        if self
            .restrictions
            .iter()
            .any(|r| &r.principal == principal && r.delegate.as_ref().is_none_or(|d| d == delegate))
        {
            return Decision::new(Outcome::Disallowed, Vec::new());
        }
        if self.is_guardian_of_minor(delegate, principal, today) {
            return Decision::because(Outcome::Allowed, "GUARDIANSHIP", "guardian of a minor");
        }
        let mandates: Vec<&Mandate> = self.valid_mandates(principal, delegate, today).collect();
        if mandates.is_empty() {
            let value = "no valid mandate from the principal to the delegate";
            return Decision::because(Outcome::Disallowed, "MANDATE", value);
        }
        let uncovered: Vec<&String> = issues
            .iter()
            .filter(|issue| !mandates.iter().any(|m| m.issues.contains(issue)))
            .collect();
        if uncovered.is_empty() {
            let mut reasons: Vec<Reason> = issues
                .iter()
                .map(|issue| Reason::description("MANDATE", issue.clone()))
                .collect();
            if reasons.is_empty() {
                reasons.push(Reason::description("MANDATE", "a valid mandate exists"));
            }
            Decision::new(Outcome::Allowed, reasons)
        } else {
            Decision::new(
                Outcome::Disallowed,
                uncovered
                    .into_iter()
                    .map(|issue| {
                        Reason::description("MANDATE", format!("no valid mandate covers {issue}"))
                    })
                    .collect(),
            )
        }
    }

    /// Revokes every mandate `principal` has given `delegate`; returns how many were in force
    /// or not yet revoked.
    pub fn revoke(&mut self, principal: &Hetu, delegate: &Hetu) -> usize {
        let mut count = 0;
        for m in self
            .mandates
            .iter_mut()
            .filter(|m| &m.principal == principal && &m.delegate == delegate && !m.revoked)
        {
            m.revoked = true;
            count += 1;
        }
        count
    }
}

fn is_issue_uri(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identification::people;
    use crate::valtuudet::{ISSUE_FEEDBACK, ISSUE_VOUCHER_MATTERS};
    use time::macros::date;

    const ANNI: &str = "220784-926C";
    const MIKKO: &str = "091182-931V";
    const EETU: &str = "030413A9450";
    const ELLA: &str = "170816A958E";
    const EEVA_LIISA: &str = "140334-912M";
    const KARL_JOHAN: &str = "280175-967D";
    const TODAY: Date = date!(2026 - 11 - 21);

    fn hetu(code: &str) -> Hetu {
        Hetu::parse(code).unwrap()
    }

    fn seed() -> Register {
        Register::default_seed().unwrap()
    }

    fn ids(choices: &[Choice]) -> Vec<&str> {
        choices.iter().map(|c| c.principal.id()).collect()
    }

    fn issues(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_seed_has_every_identification_test_person_with_the_same_names() {
        let register = seed();
        for person in people::persons().unwrap() {
            let here = register.person(&person.hetu).expect("in the register");
            assert_eq!(here.given_name, person.given_name);
            assert_eq!(here.family_name, person.family_name);
        }
    }

    #[test]
    fn a_person_comes_of_age_on_their_eighteenth_birthday() {
        let birth = date!(2008 - 05 - 12);
        assert!(is_minor(birth, date!(2026 - 05 - 11)));
        assert!(!is_minor(birth, date!(2026 - 05 - 12)));
        let leap = date!(2008 - 02 - 29);
        assert!(is_minor(leap, date!(2026 - 02 - 27)));
        assert!(!is_minor(leap, date!(2026 - 02 - 28)));
    }

    #[test]
    fn a_guardian_sees_both_children_and_anyone_whose_mandate_is_valid() {
        let register = seed();
        assert_eq!(
            ids(&register.person_choices(&hetu(ANNI), TODAY)),
            [EETU, ELLA, EEVA_LIISA]
        );
        assert_eq!(
            ids(&register.person_choices(&hetu(MIKKO), TODAY)),
            [EETU, ELLA, KARL_JOHAN]
        );
        assert!(register.person_choices(&hetu(EEVA_LIISA), TODAY).is_empty());
    }

    #[test]
    fn a_dependant_who_has_come_of_age_is_no_longer_listed_or_allowed() {
        let register = seed();
        let eetu_is_eighteen = date!(2031 - 04 - 03);
        assert_eq!(
            ids(&register.person_choices(&hetu(ANNI), eetu_is_eighteen)),
            [ELLA, EEVA_LIISA]
        );
        let decision = register.decide(&hetu(ANNI), &hetu(EETU), &[], eetu_is_eighteen);
        assert_eq!(decision.result, Outcome::Disallowed);
    }

    #[test]
    fn a_guardian_needs_no_issue_but_a_restriction_disallows() {
        let register = seed();
        let asked = issues(&[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK]);
        assert_eq!(
            register
                .decide(&hetu(ANNI), &hetu(ELLA), &asked, TODAY)
                .result,
            Outcome::Allowed
        );
        let restricted = register.decide(&hetu(MIKKO), &hetu(ELLA), &[], TODAY);
        assert_eq!(restricted.result, Outcome::Disallowed);
        assert_eq!(restricted.reasons, [], "DVV never says why");
    }

    #[test]
    fn an_adult_mandate_must_cover_every_issue_asked() {
        let register = seed();
        let (karl_johan, mikko) = (hetu(KARL_JOHAN), hetu(MIKKO));
        let view = issues(&[ISSUE_VOUCHER_MATTERS]);
        let feedback = issues(&[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK]);
        assert_eq!(
            register.decide(&mikko, &karl_johan, &view, TODAY).result,
            Outcome::Allowed
        );
        assert_eq!(
            register.decide(&mikko, &karl_johan, &[], TODAY).result,
            Outcome::Allowed
        );
        let refused = register.decide(&mikko, &karl_johan, &feedback, TODAY);
        assert_eq!(refused.result, Outcome::Disallowed);
        assert!(refused.reasons[0].reason_value.contains(ISSUE_FEEDBACK));
        assert_eq!(
            register
                .decide(&hetu(ANNI), &hetu(EEVA_LIISA), &feedback, TODAY)
                .result,
            Outcome::Allowed
        );
    }

    #[test]
    fn an_expired_or_revoked_mandate_allows_nothing() {
        let mut register = seed();
        // Karl-Johan's mandate to Anni ended in 2023.
        assert_eq!(
            register
                .decide(&hetu(ANNI), &hetu(KARL_JOHAN), &[], TODAY)
                .result,
            Outcome::Disallowed
        );
        assert_eq!(register.revoke(&hetu(EEVA_LIISA), &hetu(ANNI)), 1);
        assert_eq!(
            register
                .decide(&hetu(ANNI), &hetu(EEVA_LIISA), &[], TODAY)
                .result,
            Outcome::Disallowed
        );
        assert_eq!(
            ids(&register.person_choices(&hetu(ANNI), TODAY)),
            [EETU, ELLA]
        );
        assert_eq!(register.revoke(&hetu(EEVA_LIISA), &hetu(ANNI)), 0);
    }

    #[test]
    fn an_unknown_flag_wins_over_guardianship() {
        let mut register = seed();
        register.unknown.push(UnknownFlag {
            principal: hetu(EETU),
            delegate: hetu(MIKKO),
            note: None,
        });
        assert_eq!(
            register
                .decide(&hetu(MIKKO), &hetu(EETU), &[], TODAY)
                .result,
            Outcome::Unknown
        );
    }

    #[test]
    fn the_default_register_never_answers_unknown_as_dvv_never_does() {
        let register = seed();
        for delegate in &register.persons {
            for principal in &register.persons {
                let decision = register.decide(&delegate.hetu, &principal.hetu, &[], TODAY);
                assert_ne!(decision.result, Outcome::Unknown);
            }
        }
    }

    #[test]
    fn organisation_choices_carry_the_persons_roles() {
        let register = seed();
        let choices = register.organisation_choices(&hetu(KARL_JOHAN));
        assert_eq!(ids(&choices), ["7019376-8", "2077474-0"]);
        assert_eq!(choices[0].roles, ["TJ", "J"]);
        assert!(register.organisation_choices(&hetu(EEVA_LIISA)).is_empty());
    }

    #[test]
    fn a_seed_with_a_dangling_reference_is_refused_without_the_code() {
        let json = r#"{"persons":[],"guardianships":[
            {"guardian":"220784-926C","dependant":"030413A9450"}]}"#;
        let error = Register::from_json(json).unwrap_err().to_string();
        assert!(error.contains("guardianships[0].guardian"), "{error}");
        assert!(!error.contains("220784"));
        assert!(Register::from_json(r#"{"persons":[],"extra":1}"#).is_err());
        let bad_date = r#"{"persons":[{"hetu":"220784-926C","given_name":"A","family_name":"B"},
            {"hetu":"140334-912M","given_name":"C","family_name":"D"}],
            "mandates":[{"principal":"140334-912M","delegate":"220784-926C",
            "issues":["http://valtuusrekisteri.suomi.fi/x"],"valid_from":"1.1.2024"}]}"#;
        assert!(Register::from_json(bad_date).is_err());
    }
}
