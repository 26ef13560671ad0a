//! The one common rule set (the same for every municipality) for acting on another person's
//! behalf: which Suomi.fi-valtuudet issue (valtuusasia) each on-behalf action needs, what the
//! issues are called, and where a mandate is requested. Guardianship of a minor needs no
//! issue; a mandate between adults must cover every issue the action names. The app shows
//! the same data to people: which mandate is needed and where to ask for it.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Where a person can give someone a mandate (Suomi.fi e-Authorizations).
pub const MANDATE_REQUEST_URL: &str = "https://www.suomi.fi/valtuudet";

/// Issue: using service vouchers on another person's behalf (viewing vouchers, events and
/// feedback).
pub const ISSUE_VOUCHER_MATTERS: &str = "http://valtuusrekisteri.suomi.fi/palveluseteli_asiointi";
/// Issue: giving feedback and answering surveys about services on another person's behalf.
pub const ISSUE_FEEDBACK: &str = "http://valtuusrekisteri.suomi.fi/palveluseteli_palaute";

/// Issue: applying for a service voucher on another person's behalf (issue 15).
pub const ISSUE_VOUCHER_APPLICATION: &str =
    "http://valtuusrekisteri.suomi.fi/palveluseteli_hakemus";

/// Every issue the rule set knows, in the order they are shown.
pub const ISSUES: [&str; 3] = [
    ISSUE_VOUCHER_MATTERS,
    ISSUE_FEEDBACK,
    ISSUE_VOUCHER_APPLICATION,
];

/// A person-readable name for an issue URI; the URI itself for one the rule set does not know.
pub fn issue_name(uri: &str, lang: Lang) -> &str {
    match (uri, lang) {
        (ISSUE_VOUCHER_MATTERS, Lang::Fi) => "Palvelusetelin käyttö (palveluseteliasiointi)",
        (ISSUE_VOUCHER_MATTERS, Lang::Sv) => "Användning av servicesedlar",
        (ISSUE_VOUCHER_MATTERS, Lang::En) => "Using service vouchers",
        (ISSUE_FEEDBACK, Lang::Fi) => "Palautteen antaminen palveluseteliasioissa",
        (ISSUE_FEEDBACK, Lang::Sv) => "Att ge respons i servicesedelärenden",
        (ISSUE_FEEDBACK, Lang::En) => "Giving feedback on service-voucher services",
        (ISSUE_VOUCHER_APPLICATION, Lang::Fi) => "Palvelusetelin hakeminen",
        (ISSUE_VOUCHER_APPLICATION, Lang::Sv) => "Att ansöka om servicesedel",
        (ISSUE_VOUCHER_APPLICATION, Lang::En) => "Applying for a service voucher",
        (other, _) => other,
    }
}

/// On what ground one person acts for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A guardian for their minor child (the population register, through Valtuudet).
    Guardian,
    /// An adult's mandate in Suomi.fi-valtuudet, for named issues.
    Mandate,
    /// A proxy the municipality registered for the customer in Seteli itself.
    RegisteredProxy,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Guardian => "guardian",
            Basis::Mandate => "mandate",
            Basis::RegisteredProxy => "registered_proxy",
        }
    }
    pub fn parse(s: &str) -> Option<Basis> {
        [Basis::Guardian, Basis::Mandate, Basis::RegisteredProxy]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

/// What a proxy can do for a principal. Each is logged in the principal's trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBehalfAction {
    /// Choosing the principal (the check made at selection).
    Choose,
    /// Reading vouchers, a voucher's events and producers.
    ViewVouchers,
    /// Reading the feedback given and the replies.
    ViewFeedback,
    /// Reading what others did on the principal's behalf.
    ViewTrail,
    /// Reading the messages sent to the principal.
    ViewMessages,
    /// Reading who has looked at the principal's data (staff and producers).
    ViewAccessLog,
    GiveFeedback,
    AnswerSurvey,
    /// Applying for a voucher (issue 15): its own issue, so a mandate to use vouchers does
    /// not by itself let someone apply.
    ApplyForVoucher,
    /// A child's other guardian answers a consent request about the child's application
    /// (DVV scenario B): acting for the child, which Valtuudet confirms.
    AnswerConsent,
}

impl OnBehalfAction {
    pub const ALL: [OnBehalfAction; 10] = [
        OnBehalfAction::Choose,
        OnBehalfAction::ViewVouchers,
        OnBehalfAction::ViewFeedback,
        OnBehalfAction::ViewTrail,
        OnBehalfAction::ViewMessages,
        OnBehalfAction::ViewAccessLog,
        OnBehalfAction::GiveFeedback,
        OnBehalfAction::AnswerSurvey,
        OnBehalfAction::ApplyForVoucher,
        OnBehalfAction::AnswerConsent,
    ];

    /// What a registered proxy's scope can name: every action but choosing, which any
    /// registration allows.
    pub const SCOPABLE: [OnBehalfAction; 7] = [
        OnBehalfAction::ViewVouchers,
        OnBehalfAction::ViewFeedback,
        OnBehalfAction::ViewTrail,
        OnBehalfAction::ViewMessages,
        OnBehalfAction::ViewAccessLog,
        OnBehalfAction::GiveFeedback,
        OnBehalfAction::AnswerSurvey,
    ];

    /// The issue URIs an adult principal's mandate must cover for this action.
    pub fn required_issues(self) -> &'static [&'static str] {
        match self {
            OnBehalfAction::Choose
            | OnBehalfAction::ViewVouchers
            | OnBehalfAction::ViewFeedback
            | OnBehalfAction::ViewTrail
            | OnBehalfAction::ViewMessages
            | OnBehalfAction::ViewAccessLog => &[ISSUE_VOUCHER_MATTERS],
            OnBehalfAction::GiveFeedback | OnBehalfAction::AnswerSurvey => {
                &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK]
            }
            OnBehalfAction::ApplyForVoucher | OnBehalfAction::AnswerConsent => {
                &[ISSUE_VOUCHER_MATTERS, ISSUE_VOUCHER_APPLICATION]
            }
        }
    }

    /// Whether the action changes something (then the right is re-checked with Valtuudet
    /// right before it, never taken from an earlier answer).
    pub fn is_write(self) -> bool {
        matches!(
            self,
            OnBehalfAction::GiveFeedback
                | OnBehalfAction::AnswerSurvey
                | OnBehalfAction::ApplyForVoucher
                | OnBehalfAction::AnswerConsent
        )
    }

    /// The stored name (`snake_case`, as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            OnBehalfAction::Choose => "choose",
            OnBehalfAction::ViewVouchers => "view_vouchers",
            OnBehalfAction::ViewFeedback => "view_feedback",
            OnBehalfAction::ViewTrail => "view_trail",
            OnBehalfAction::ViewMessages => "view_messages",
            OnBehalfAction::ViewAccessLog => "view_access_log",
            OnBehalfAction::GiveFeedback => "give_feedback",
            OnBehalfAction::AnswerSurvey => "answer_survey",
            OnBehalfAction::ApplyForVoucher => "apply_for_voucher",
            OnBehalfAction::AnswerConsent => "answer_consent",
        }
    }
    pub fn parse(s: &str) -> Option<OnBehalfAction> {
        OnBehalfAction::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// On what ground the organiser registered a proxy (PSOP model): the register of the
/// organiser's own decision, never Valtuudet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyBasis {
    /// A guardian of a minor, per the population register.
    Guardian,
    /// A court-appointed guardian (edunvalvoja).
    CourtAppointedGuardian,
    /// A written power of attorney that staff saw.
    PowerOfAttorney,
    /// Something else, with a justification.
    Other,
}

impl ProxyBasis {
    pub const ALL: [ProxyBasis; 4] = [
        ProxyBasis::Guardian,
        ProxyBasis::CourtAppointedGuardian,
        ProxyBasis::PowerOfAttorney,
        ProxyBasis::Other,
    ];

    /// The stored name (`snake_case`, as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            ProxyBasis::Guardian => "guardian",
            ProxyBasis::CourtAppointedGuardian => "court_appointed_guardian",
            ProxyBasis::PowerOfAttorney => "power_of_attorney",
            ProxyBasis::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ProxyBasis> {
        ProxyBasis::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// A registered proxy's scope as stored: the actions' names, space-separated, in
/// [`OnBehalfAction::SCOPABLE`]'s order.
pub fn scope_text(scope: &[OnBehalfAction]) -> String {
    OnBehalfAction::SCOPABLE
        .into_iter()
        .filter(|a| scope.contains(a))
        .map(OnBehalfAction::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stored scope; names this build does not know are left out (they grant nothing).
pub fn parse_scope(text: &str) -> Vec<OnBehalfAction> {
    text.split_whitespace()
        .filter_map(OnBehalfAction::parse)
        .filter(|a| OnBehalfAction::SCOPABLE.contains(a))
        .collect()
}

/// Whether a registration with `scope` allows `action`: choosing the principal always, any
/// other action only when the scope names it.
pub fn scope_allows(scope: &[OnBehalfAction], action: OnBehalfAction) -> bool {
    action == OnBehalfAction::Choose || scope.contains(&action)
}

/// Whom the person wants to act for: the selection starts the same way, but the refusal
/// when there is nobody to pick is worded for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrincipalKind {
    Child,
    Adult,
    /// A producer company (Valtuudet `ypa`).
    Company,
}

impl PrincipalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Child => "child",
            PrincipalKind::Adult => "adult",
            PrincipalKind::Company => "company",
        }
    }
    pub fn parse(s: &str) -> Option<PrincipalKind> {
        [
            PrincipalKind::Child,
            PrincipalKind::Adult,
            PrincipalKind::Company,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Why choosing a principal did not succeed; the edge sends the browser to
/// `/on-behalf?refused={as_str}&for={child|adult}` and the page explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Valtuudet had nobody to list (or the person cancelled the choice).
    NoPrincipals,
    /// DISALLOWED or UNKNOWN: no right to act for the person picked.
    NoRight,
    /// Valtuudet could not be reached or did not answer properly; nothing was granted.
    Unavailable,
    /// The choice took too long, or came back to a different session.
    Expired,
    /// Company: the person's roles in it do not allow acting for it in Seteli.
    NoCompanyRole,
}

impl Refusal {
    pub const ALL: [Refusal; 5] = [
        Refusal::NoPrincipals,
        Refusal::NoRight,
        Refusal::Unavailable,
        Refusal::Expired,
        Refusal::NoCompanyRole,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NoPrincipals => "no_principals",
            Refusal::NoRight => "no_right",
            Refusal::Unavailable => "unavailable",
            Refusal::Expired => "expired",
            Refusal::NoCompanyRole => "no_company_role",
        }
    }
    pub fn parse(s: &str) -> Option<Refusal> {
        Refusal::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Given and family names from a name as Suomi.fi-valtuudet gives it: `Family Given Names`
/// ("Kumpulainen Anni Emilia" is Anni Emilia Kumpulainen). A lower-case prefix such as `af`
/// or `von` belongs to the family name ("af Forselles Ida" is Ida af Forselles). A name of
/// one word is a family name with no given names.
pub fn register_names(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let prefixes = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let family_len = (prefixes + 1).min(words.len());
    let (family, given) = words.split_at(family_len);
    (given.join(" "), family.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_valtuudet_are_family_name_first() {
        let names = register_names;
        assert_eq!(
            names("Kumpulainen Anni Emilia"),
            ("Anni Emilia".into(), "Kumpulainen".into())
        );
        assert_eq!(
            names("af Forselles  Ida"),
            ("Ida".into(), "af Forselles".into())
        );
        assert_eq!(
            names("von der Pahlen Karl"),
            ("Karl".into(), "von der Pahlen".into())
        );
        assert_eq!(names("Nyström"), (String::new(), "Nyström".into()));
        assert_eq!(names("  "), (String::new(), String::new()));
    }

    #[test]
    fn every_action_needs_at_least_the_voucher_issue() {
        for action in OnBehalfAction::ALL {
            assert!(
                action.required_issues().contains(&ISSUE_VOUCHER_MATTERS),
                "{action:?}"
            );
        }
    }

    #[test]
    fn every_write_needs_an_issue_of_its_own_beyond_using_vouchers() {
        // Reading needs only the issue of using vouchers; each write names one more: the
        // feedback issue for feedback and surveys, the application issue for applying.
        for action in OnBehalfAction::ALL {
            assert_eq!(
                action.is_write(),
                action.required_issues().len() == 2,
                "{action:?}"
            );
        }
        assert!(OnBehalfAction::GiveFeedback.is_write());
        assert!(OnBehalfAction::AnswerSurvey.is_write());
        assert_eq!(
            OnBehalfAction::ApplyForVoucher.required_issues(),
            [ISSUE_VOUCHER_MATTERS, ISSUE_VOUCHER_APPLICATION]
        );
        assert!(!OnBehalfAction::GiveFeedback
            .required_issues()
            .contains(&ISSUE_VOUCHER_APPLICATION));
    }

    #[test]
    fn issue_uris_are_under_the_mandate_register_and_have_names() {
        for uri in ISSUES {
            assert!(uri.starts_with("http://valtuusrekisteri.suomi.fi/"));
            for lang in Lang::ALL {
                assert_ne!(issue_name(uri, lang), uri);
            }
        }
        assert_eq!(issue_name("urn:other", Lang::Fi), "urn:other");
    }

    #[test]
    fn stored_names_round_trip() {
        for action in OnBehalfAction::ALL {
            assert_eq!(OnBehalfAction::parse(action.as_str()), Some(action));
            assert_eq!(
                serde_json::to_value(action).unwrap(),
                serde_json::json!(action.as_str())
            );
        }
        for basis in [Basis::Guardian, Basis::Mandate, Basis::RegisteredProxy] {
            assert_eq!(Basis::parse(basis.as_str()), Some(basis));
        }
        for refusal in Refusal::ALL {
            assert_eq!(Refusal::parse(refusal.as_str()), Some(refusal));
        }
        assert_eq!(PrincipalKind::parse("child"), Some(PrincipalKind::Child));
        assert_eq!(Refusal::parse("granted"), None);
    }

    #[test]
    fn a_registered_proxys_scope_is_stored_as_names_and_read_back() {
        let scope = [OnBehalfAction::GiveFeedback, OnBehalfAction::ViewVouchers];
        let text = scope_text(&scope);
        assert_eq!(text, "view_vouchers give_feedback");
        assert_eq!(
            parse_scope(&text),
            vec![OnBehalfAction::ViewVouchers, OnBehalfAction::GiveFeedback]
        );
        // Unknown names and choosing grant nothing; choosing needs no scope.
        assert_eq!(
            parse_scope("choose root view_trail"),
            vec![OnBehalfAction::ViewTrail]
        );
        assert!(scope_allows(&[], OnBehalfAction::Choose));
        assert!(!scope_allows(
            &[OnBehalfAction::ViewVouchers],
            OnBehalfAction::GiveFeedback
        ));
        assert_eq!(
            parse_scope(&scope_text(&OnBehalfAction::SCOPABLE)),
            OnBehalfAction::SCOPABLE
        );
        for basis in ProxyBasis::ALL {
            assert_eq!(ProxyBasis::parse(basis.as_str()), Some(basis));
        }
        assert_eq!(ProxyBasis::parse("friend"), None);
    }
}
