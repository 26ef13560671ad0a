//! The municipality's own e-authorisation governance (`../shared/docs/municipality.md` §4, the
//! Porvoo model): the catalogue of authorisations its employees use in other agencies'
//! services, the maps of which work needs which, the two order paths, and the holdings
//! register's time rules.
//!
//! An order is a case on the one engine (`crate::case`): path [`OrderPath::Held`] goes
//! submitted → in progress → approved ("done in Suomi.fi-valtuudet on DATE by NAME"); path
//! [`OrderPath::Missing`] waits on DVV (`Awaited::Dvv`, with DVV's reference) before that.
//! Seteli prepares and records the change; a person makes it in Suomi.fi-valtuudet (the law
//! requires one), so nothing here claims to have made it.

pub mod glossary;
pub mod import;

use crate::desk::{check_text, FieldError};
use crate::error::ErrorCode;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// What an authorisation lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorisationKind {
    /// To act for the organisation in one matter (asiointivaltuus).
    Act,
    /// To represent the organisation as a whole in a service (edustamisvaltuus).
    Represent,
    /// To grant and revoke the organisation's mandates in Suomi.fi-valtuudet (valtuutusoikeus).
    Grant,
}

impl AuthorisationKind {
    pub const ALL: [AuthorisationKind; 3] = [
        AuthorisationKind::Act,
        AuthorisationKind::Represent,
        AuthorisationKind::Grant,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorisationKind::Act => "act",
            AuthorisationKind::Represent => "represent",
            AuthorisationKind::Grant => "grant",
        }
    }

    /// The glossary term that explains it.
    pub fn glossary_slug(self) -> &'static str {
        match self {
            AuthorisationKind::Act => glossary::ASIOINTIVALTUUS,
            AuthorisationKind::Represent => glossary::EDUSTAMISVALTUUS,
            AuthorisationKind::Grant => glossary::VALTUUTUSOIKEUS,
        }
    }
}

/// Which of the two order paths an order takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderPath {
    /// The organisation holds the authorisation: the administrator assigns it (about 3 days).
    Held,
    /// The organisation lacks it: it is applied for at DVV first (4–6 weeks, possibly a
    /// meeting), then assigned.
    Missing,
}

impl OrderPath {
    pub const ALL: [OrderPath; 2] = [OrderPath::Held, OrderPath::Missing];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderPath::Held => "held",
            OrderPath::Missing => "missing",
        }
    }

    /// The expected handling time in days, shortest and longest, as the orderer is told.
    pub fn expected_days(self) -> (i64, i64) {
        match self {
            OrderPath::Held => (3, 3),
            OrderPath::Missing => (28, 42),
        }
    }

    /// The day an order sent on `sent_on` is expected to be done by: after it, it is overdue.
    pub fn due_on(self, sent_on: Date) -> Date {
        sent_on.saturating_add(Duration::days(self.expected_days().1))
    }

    /// Whether an open order sent on `sent_on` is overdue on `today`.
    pub fn overdue(self, sent_on: Date, today: Date) -> bool {
        self.due_on(sent_on) < today
    }
}

/// The path an order of authorisations must take, given which of them the organisation
/// holds: all held → path 1, none held → path 2; a mix is two orders.
pub fn required_path(held: &[bool]) -> Option<OrderPath> {
    if held.is_empty() {
        None
    } else if held.iter().all(|h| *h) {
        Some(OrderPath::Held)
    } else if held.iter().all(|h| !*h) {
        Some(OrderPath::Missing)
    } else {
        None
    }
}

/// The refusal of an order whose `path` does not fit what the organisation holds: path 1
/// needs every authorisation held, path 2 none.
pub fn check_path(path: OrderPath, held: &[bool]) -> Result<(), FieldError> {
    match (path, held.iter().any(|h| !*h), held.iter().any(|h| *h)) {
        (OrderPath::Held, true, _) => Err(FieldError {
            code: ErrorCode::AuthorisationNotHeld,
            field: "authorisations",
        }),
        (OrderPath::Missing, _, true) => Err(FieldError {
            code: ErrorCode::AuthorisationAlreadyHeld,
            field: "authorisations",
        }),
        _ => Ok(()),
    }
}

/// The longest name, agency or service text of a catalogue entry.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest "why it is needed" and an order's justification.
pub const TEXT_MAX_CHARS: usize = 2000;
/// The most authorisations in one order.
pub const MAX_ORDER_ITEMS: usize = 20;
/// Holdings ending within this many days are listed for renewal.
pub const RENEWAL_DAYS: i64 = 60;

/// A text in each of Seteli's languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Texts {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// Checks each language's text (1..=`max` characters, or at most `max` when it may be
    /// empty); the field is `{field}_{lang}`.
    fn check(
        &self,
        max: usize,
        may_be_empty: bool,
        fields: [&'static str; 3],
    ) -> Result<(), FieldError> {
        for (text, field) in [&self.fi, &self.sv, &self.en].into_iter().zip(fields) {
            let empty_ok = may_be_empty && text.trim().is_empty();
            if !empty_ok {
                check_text(text, max, ErrorCode::InvalidAuthorisation, field)?;
            }
            if text.chars().any(char::is_control) {
                return Err(FieldError {
                    code: ErrorCode::InvalidAuthorisation,
                    field,
                });
            }
        }
        Ok(())
    }
}

/// A catalogue entry as the administrator writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationForm {
    pub kind: AuthorisationKind,
    pub name: Texts,
    pub agency: Texts,
    pub service: Texts,
    /// Suomi.fi-valtuudet's issue code, where the agency has one; empty when it has none.
    #[serde(default)]
    pub issue_code: String,
    pub why: Texts,
    /// Whether the organisation holds it (DVV granted it).
    pub held: bool,
}

/// Checks a catalogue entry: every text in every language, the issue code (letters,
/// digits, `_ - . :`, at most 100).
pub fn check_authorisation(form: &AuthorisationForm) -> Result<(), FieldError> {
    form.name
        .check(NAME_MAX_CHARS, false, ["name_fi", "name_sv", "name_en"])?;
    form.agency.check(
        NAME_MAX_CHARS,
        false,
        ["agency_fi", "agency_sv", "agency_en"],
    )?;
    form.service.check(
        NAME_MAX_CHARS,
        false,
        ["service_fi", "service_sv", "service_en"],
    )?;
    form.why
        .check(TEXT_MAX_CHARS, true, ["why_fi", "why_sv", "why_en"])?;
    let code = form.issue_code.trim();
    let code_ok = code.len() <= 100
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
    if !code_ok {
        return Err(FieldError {
            code: ErrorCode::InvalidAuthorisation,
            field: "issue_code",
        });
    }
    Ok(())
}

/// Checks an order's own fields (the authorisations and the employee's place are checked
/// against the data): names, a justification, an e-mail address, 1..=[`MAX_ORDER_ITEMS`]
/// distinct authorisations, and a "needed until" after `today`.
pub fn check_order(
    given_name: &str,
    family_name: &str,
    justification: &str,
    email: &str,
    authorisations: &[i64],
    needed_until: Option<Date>,
    today: Date,
) -> Result<(), FieldError> {
    let refuse = |field| FieldError {
        code: ErrorCode::InvalidAuthorisationOrder,
        field,
    };
    let plain = |text: &str, max, field| {
        check_text(text, max, ErrorCode::InvalidAuthorisationOrder, field)?;
        if text.chars().any(char::is_control) {
            return Err(refuse(field));
        }
        Ok(())
    };
    plain(given_name, 100, "given_name")?;
    plain(family_name, 100, "family_name")?;
    check_text(
        justification,
        TEXT_MAX_CHARS,
        ErrorCode::InvalidAuthorisationOrder,
        "justification",
    )?;
    if !plausible_email(email) {
        return Err(refuse("email"));
    }
    let distinct = authorisations
        .iter()
        .enumerate()
        .all(|(i, id)| !authorisations[..i].contains(id));
    if authorisations.is_empty() || authorisations.len() > MAX_ORDER_ITEMS || !distinct {
        return Err(refuse("authorisations"));
    }
    if needed_until.is_some_and(|d| d <= today) {
        return Err(refuse("needed_until"));
    }
    Ok(())
}

/// An e-mail address the outbox can use: one `@` with text on both sides, a dot in the
/// domain, no spaces or control characters, at most 254 characters.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Checks what the administrator records as done in Suomi.fi-valtuudet: the day it was done
/// (not in the future, nor before the order was sent on `sent_on`) and, if the authorisation
/// ends, a last day after it.
pub fn check_done(
    done_on: Date,
    valid_until: Option<Date>,
    sent_on: Date,
    today: Date,
) -> Result<(), FieldError> {
    if done_on > today || done_on < sent_on {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "done_on",
        });
    }
    if valid_until.is_some_and(|until| until <= done_on) {
        return Err(FieldError {
            code: ErrorCode::InvalidCaseStep,
            field: "valid_until",
        });
    }
    Ok(())
}

/// Checks DVV's reference of the organisation's application (1..=100 characters, printable).
pub fn check_dvv_reference(reference: &str) -> Result<(), FieldError> {
    let refuse = FieldError {
        code: ErrorCode::InvalidCaseStep,
        field: "dvv_reference",
    };
    let length = reference.trim().chars().count();
    if length == 0 || length > 100 || reference.chars().any(char::is_control) {
        return Err(refuse);
    }
    Ok(())
}

/// Whether a holding ending on `until` is to be renewed: it ends within [`RENEWAL_DAYS`]
/// from `today` (or has just ended today).
pub fn ends_soon(until: Date, today: Date) -> bool {
    today <= until && until - today <= Duration::days(RENEWAL_DAYS)
}

/// The median of handling times in days (the mean of the middle two for an even count);
/// `None` for no orders. Tenths of a day, so that 2.5 days reads as such.
pub fn median_tenths(days: &[i64]) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid] * 10
    } else {
        (sorted[mid - 1] + sorted[mid]) * 5
    })
}

/// A catalogue entry's id (the API's shapes use these three as they are).
pub type AuthorisationId = i64;

/// A department or a job title of the organiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub code: String,
    pub name: Texts,
}

/// An authorisation of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorisationEntry {
    pub id: AuthorisationId,
    pub kind: AuthorisationKind,
    pub name: Texts,
    pub agency: Texts,
    pub service: Texts,
    /// Suomi.fi-valtuudet's issue code, where there is one.
    pub issue_code: Option<String>,
    pub why: Texts,
    /// Whether the organisation holds it: path 1 orders it, path 2 applies to DVV first.
    pub held: bool,
    pub updated_at: String,
    pub updated_by_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn path_one_is_for_what_the_organisation_holds_and_path_two_for_what_it_lacks() {
        assert_eq!(required_path(&[true, true]), Some(OrderPath::Held));
        assert_eq!(required_path(&[false]), Some(OrderPath::Missing));
        assert_eq!(required_path(&[true, false]), None);
        assert_eq!(required_path(&[]), None);
        assert!(check_path(OrderPath::Held, &[true, true]).is_ok());
        assert!(check_path(OrderPath::Missing, &[false, false]).is_ok());
        assert_eq!(
            check_path(OrderPath::Held, &[true, false])
                .unwrap_err()
                .code,
            ErrorCode::AuthorisationNotHeld
        );
        assert_eq!(
            check_path(OrderPath::Missing, &[false, true])
                .unwrap_err()
                .code,
            ErrorCode::AuthorisationAlreadyHeld
        );
    }

    #[test]
    fn an_order_is_overdue_the_day_after_its_longest_expected_time() {
        let sent = date!(2026 - 11 - 02);
        assert_eq!(OrderPath::Held.due_on(sent), date!(2026 - 11 - 05));
        assert!(!OrderPath::Held.overdue(sent, date!(2026 - 11 - 05)));
        assert!(OrderPath::Held.overdue(sent, date!(2026 - 11 - 06)));
        assert_eq!(OrderPath::Missing.due_on(sent), date!(2026 - 12 - 14));
        assert!(!OrderPath::Missing.overdue(sent, date!(2026 - 12 - 14)));
        assert!(OrderPath::Missing.overdue(sent, date!(2026 - 12 - 15)));
        assert_eq!(OrderPath::Missing.expected_days(), (28, 42));
    }

    fn texts(s: &str) -> Texts {
        Texts {
            fi: s.into(),
            sv: s.into(),
            en: s.into(),
        }
    }

    fn entry() -> AuthorisationForm {
        AuthorisationForm {
            kind: AuthorisationKind::Act,
            name: texts("Etuustietojen katselu"),
            agency: texts("Kela"),
            service: texts("Kelan asiointipalvelu"),
            issue_code: "kela_etuustiedot".into(),
            why: texts(""),
            held: true,
        }
    }

    #[test]
    fn a_text_is_read_in_the_readers_language() {
        let name = Texts {
            fi: "Etuustiedot".into(),
            sv: "Förmånsuppgifter".into(),
            en: "Benefit information".into(),
        };
        assert_eq!(name.get(Lang::Fi), "Etuustiedot");
        assert_eq!(name.get(Lang::Sv), "Förmånsuppgifter");
        assert_eq!(name.get(Lang::En), "Benefit information");
    }

    #[test]
    fn a_catalogue_entry_needs_every_name_in_every_language() {
        assert!(check_authorisation(&entry()).is_ok());
        let mut form = entry();
        form.name.sv = " ".into();
        assert_eq!(check_authorisation(&form).unwrap_err().field, "name_sv");
        let mut form = entry();
        form.agency.en = "x".repeat(NAME_MAX_CHARS + 1);
        assert_eq!(check_authorisation(&form).unwrap_err().field, "agency_en");
        let mut form = entry();
        form.service.fi = "a\u{7}b".into();
        assert_eq!(check_authorisation(&form).unwrap_err().field, "service_fi");
        let mut form = entry();
        form.why.fi = "x".repeat(TEXT_MAX_CHARS + 1);
        assert_eq!(check_authorisation(&form).unwrap_err().field, "why_fi");
        let mut form = entry();
        form.issue_code = "kela etuus".into();
        assert_eq!(check_authorisation(&form).unwrap_err().field, "issue_code");
        form.issue_code = String::new();
        assert!(check_authorisation(&form).is_ok());
    }

    #[test]
    fn an_order_names_the_employee_why_whom_to_tell_and_what() {
        let today = date!(2026 - 11 - 30);
        let ok = |names: (&str, &str), why: &str, email: &str, ids: &[i64], until| {
            check_order(names.0, names.1, why, email, ids, until, today).map_err(|e| e.field)
        };
        let names = ("Mikaela", "Holmström");
        assert_eq!(ok(names, "Työ", "m.h@porvoo.fi", &[1, 2], None), Ok(()));
        assert_eq!(
            ok(("", "H"), "Työ", "a@b.fi", &[1], None),
            Err("given_name")
        );
        assert_eq!(
            ok(("M", " "), "Työ", "a@b.fi", &[1], None),
            Err("family_name")
        );
        assert_eq!(ok(names, " ", "a@b.fi", &[1], None), Err("justification"));
        assert_eq!(ok(names, "Työ", "ab.fi", &[1], None), Err("email"));
        assert_eq!(ok(names, "Työ", "a@b.fi", &[], None), Err("authorisations"));
        assert_eq!(
            ok(names, "Työ", "a@b.fi", &[1, 1], None),
            Err("authorisations")
        );
        let most: Vec<i64> = (0..MAX_ORDER_ITEMS as i64).collect();
        assert_eq!(ok(names, "Työ", "a@b.fi", &most, None), Ok(()));
        let many: Vec<i64> = (0..=MAX_ORDER_ITEMS as i64).collect();
        assert_eq!(
            ok(names, "Työ", "a@b.fi", &many, None),
            Err("authorisations")
        );
        assert_eq!(
            ok(names, "Työ", "a@b.fi", &[1], Some(today)),
            Err("needed_until")
        );
        assert_eq!(
            ok(names, "Työ", "a@b.fi", &[1], Some(date!(2027 - 06 - 30))),
            Ok(())
        );
    }

    #[test]
    fn only_plausible_addresses_are_written_to() {
        for good in ["a@b.fi", "anna-kaisa.lindholm@porvoo.fi"] {
            assert!(plausible_email(good), "{good}");
        }
        for bad in [
            "", "a@", "@b.fi", "a@b", "a b@c.fi", "a@.fi", "a@b.", "a@b@c.fi",
        ] {
            assert!(!plausible_email(bad), "{bad}");
        }
        assert!(!plausible_email(&format!("{}@b.fi", "a".repeat(250))));
    }

    #[test]
    fn done_is_recorded_for_a_day_that_has_been_and_ends_after_it() {
        let today = date!(2026 - 11 - 30);
        let sent = date!(2026 - 11 - 20);
        assert!(check_done(today, None, sent, today).is_ok());
        assert!(check_done(sent, None, sent, today).is_ok());
        assert!(check_done(
            date!(2026 - 11 - 27),
            Some(date!(2027 - 11 - 27)),
            sent,
            today
        )
        .is_ok());
        let field = |done, until| check_done(done, until, sent, today).unwrap_err().field;
        assert_eq!(field(date!(2026 - 12 - 01), None), "done_on");
        assert_eq!(field(date!(2026 - 11 - 19), None), "done_on");
        assert_eq!(field(today, Some(today)), "valid_until");
        assert!(check_dvv_reference("DVV/1234/2026").is_ok());
        assert!(check_dvv_reference(&"x".repeat(100)).is_ok());
        assert!(check_dvv_reference(" ").is_err());
        assert!(check_dvv_reference(&"x".repeat(101)).is_err());
        assert!(check_dvv_reference("a\nb").is_err());
    }

    #[test]
    fn holdings_ending_within_sixty_days_are_to_renew() {
        let today = date!(2026 - 11 - 30);
        assert!(ends_soon(today, today));
        assert!(ends_soon(date!(2027 - 01 - 29), today));
        assert!(!ends_soon(date!(2027 - 01 - 30), today));
        assert!(!ends_soon(date!(2026 - 11 - 29), today));
    }

    #[test]
    fn the_median_handling_time_is_the_middle_one() {
        assert_eq!(median_tenths(&[]), None);
        assert_eq!(median_tenths(&[4]), Some(40));
        assert_eq!(median_tenths(&[9, 1, 3]), Some(30));
        assert_eq!(median_tenths(&[2, 3, 10, 1]), Some(25));
    }

    #[test]
    fn every_kind_links_to_its_term_and_every_stored_name_is_its_own() {
        for kind in AuthorisationKind::ALL {
            assert!(glossary::term(kind.glossary_slug()).is_some());
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        for path in OrderPath::ALL {
            let json = serde_json::to_string(&path).unwrap();
            assert_eq!(json, format!("\"{}\"", path.as_str()));
        }
    }
}
