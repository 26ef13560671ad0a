//! Residents apply for a voucher online (issue 15): for themselves, for a child (a guardian,
//! through Valtuudet) or for an adult (a mandate). A child's matter is shared by the
//! guardians, and DVV's guidance gives two ways to handle it:
//!
//! - **B — consent**: the applying guardian names each other guardian; the application
//!   waits on the case engine (`consenting`) until every named guardian consents, and a
//!   decline stops it. A request not answered in [`CONSENT_DAYS`] expires and can be sent
//!   again.
//! - **C — a declared right**: the guardian declares they may act alone (sole custody, an
//!   agreement made outside Seteli, or another reason written out); the handler sees it
//!   flagged and a named other guardian is told.
//!
//! The form's rules and the consent requests' rules live here; the edge stores and sends.

use crate::codes::{MunicipalityCode, ServiceCode};
use crate::desk::FieldError;
use crate::hetu::Hetu;
use crate::money::Cents;
use crate::ErrorCode;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// For whom the application is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppliesFor {
    Myself,
    /// A child, by a guardian (Valtuudet confirms the right).
    Child,
    /// An adult, by the holder of their mandate.
    Adult,
}

/// How the applicant wants the organiser to reach them about the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactPreference {
    /// Suomi.fi Messages (paper mail when there is no mailbox).
    Messages,
    Phone,
}

/// Another guardian of the child, as the applying guardian names them. The identity code
/// travels only in a POST body and is shown masked afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedGuardian {
    pub given_name: String,
    pub family_name: String,
    pub hetu: String,
}

/// Why a guardian may act alone in a shared matter (scenario C).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DeclaredRight {
    /// The applicant is the child's only guardian.
    SoleCustody,
    /// The other guardian agreed outside Seteli.
    AgreedOutside,
    /// Another reason, written out.
    Other { reason: String },
}

/// How a child's shared matter is handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SharedMatter {
    /// Scenario B: the named guardians must consent. `unknown`: the applicant does not know
    /// (all of) the other guardians; staff resolve it.
    Consent {
        #[serde(default)]
        others: Vec<NamedGuardian>,
        #[serde(default)]
        unknown: bool,
    },
    /// Scenario C: the applicant declares they may act alone; `inform`, if named, is told.
    Declared {
        right: DeclaredRight,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inform: Option<NamedGuardian>,
    },
}

/// A resident's voucher application as its applicant writes it (a draft saves whatever is
/// within bounds; sending needs it whole).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherApplicationForm {
    #[serde(default)]
    pub service_code: Option<ServiceCode>,
    /// The principal's home municipality unless the applicant chooses otherwise.
    #[serde(default)]
    pub municipality_code: Option<MunicipalityCode>,
    /// What help is needed, in the applicant's words.
    #[serde(default)]
    pub need: String,
    /// Needed when the service's voucher is income-related.
    #[serde(default)]
    pub household_size: Option<u32>,
    /// Gross monthly income of the household; needed when the voucher is income-related.
    #[serde(default)]
    pub gross_monthly_income_cents: Option<Cents>,
    #[serde(default)]
    pub contact: Option<ContactPreference>,
    /// Needed when the contact preference is the phone.
    #[serde(default)]
    pub phone: String,
    /// For a child only: consent of the other guardians, or a declared right.
    #[serde(default)]
    pub shared: Option<SharedMatter>,
    /// The applicant confirms the information is correct.
    #[serde(default)]
    pub confirmed: bool,
}

/// The longest description of the need (characters).
pub const NEED_MAX_CHARS: usize = 4000;
/// The longest name, phone number or written reason's line (characters).
pub const SHORT_MAX_CHARS: usize = 100;
/// The longest written reason for acting alone (characters).
pub const REASON_MAX_CHARS: usize = 1000;
/// The shortest written reason for acting alone: a few words at least.
pub const REASON_MIN_CHARS: usize = 10;
/// The largest household.
pub const MAX_HOUSEHOLD: u32 = 20;
/// The most guardians one can name (a child has at most a few).
pub const MAX_NAMED: usize = 4;

fn invalid(field: &'static str) -> FieldError {
    FieldError {
        code: ErrorCode::InvalidVoucherApplication,
        field,
    }
}

fn incomplete(field: &'static str) -> FieldError {
    FieldError {
        code: ErrorCode::VoucherApplicationIncomplete,
        field,
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Whether `text` has a control character other than a line break or a tab (none belongs
/// in what a person types, and each would be stored escaped, six characters long).
fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Whether a draft may be saved: every field within bounds (nothing needs to be there yet).
pub fn check_draft(form: &VoucherApplicationForm) -> Result<(), FieldError> {
    if has_control(&form.need) {
        return Err(invalid("need"));
    }
    if has_control(&form.phone) {
        return Err(invalid("phone"));
    }
    let named_texts = form
        .named_guardians()
        .iter()
        .flat_map(|g| [&g.given_name, &g.family_name, &g.hetu]);
    let reason = match form.declared_right() {
        Some(DeclaredRight::Other { reason }) => Some(reason),
        _ => None,
    };
    if named_texts.chain(reason).any(|t| has_control(t)) {
        return Err(invalid("shared"));
    }
    if chars(&form.need) > NEED_MAX_CHARS {
        return Err(invalid("need"));
    }
    if chars(&form.phone) > SHORT_MAX_CHARS {
        return Err(invalid("phone"));
    }
    if form
        .household_size
        .is_some_and(|n| n == 0 || n > MAX_HOUSEHOLD)
    {
        return Err(invalid("household_size"));
    }
    if form.gross_monthly_income_cents.is_some_and(|c| c.get() < 0) {
        return Err(invalid("gross_monthly_income_cents"));
    }
    let named: Vec<&NamedGuardian> = match &form.shared {
        Some(SharedMatter::Consent { others, .. }) => {
            if others.len() > MAX_NAMED {
                return Err(invalid("shared"));
            }
            others.iter().collect()
        }
        Some(SharedMatter::Declared { right, inform }) => {
            if let DeclaredRight::Other { reason } = right {
                if chars(reason) > REASON_MAX_CHARS {
                    return Err(invalid("shared"));
                }
            }
            inform.iter().collect()
        }
        None => Vec::new(),
    };
    let mut codes = std::collections::BTreeSet::new();
    for guardian in named {
        let long = |s: &str| chars(s) > SHORT_MAX_CHARS;
        if long(&guardian.given_name) || long(&guardian.family_name) {
            return Err(invalid("shared"));
        }
        // A code typed so far must be a valid one, and each guardian named once.
        if !guardian.hetu.trim().is_empty() {
            let hetu = Hetu::parse(guardian.hetu.trim()).map_err(|_| invalid("shared"))?;
            if !codes.insert(hetu.as_str().to_owned()) {
                return Err(invalid("shared"));
            }
        }
    }
    Ok(())
}

/// What sending an application is checked against besides the form.
#[derive(Debug, Clone, Copy)]
pub struct Sending<'a> {
    pub applies_for: AppliesFor,
    /// Who sends it (the guardian or mandate holder, or the principal themselves).
    pub applicant: &'a Hetu,
    /// Whom it is for.
    pub principal: &'a Hetu,
    /// The services the chosen municipality grants vouchers for.
    pub offered: &'a [ServiceCode],
    /// Whether the chosen service's voucher in that municipality depends on income.
    pub income_related: bool,
    pub today: Date,
}

/// Whether the application may be sent: whole, for a service the municipality offers,
/// income given when the voucher depends on it, confirmed, and — for a child — the shared
/// matter handled: other guardians named (or "I do not know"), or a right declared. A named
/// guardian is an adult other than the applicant and the child.
pub fn check_complete(
    form: &VoucherApplicationForm,
    sending: &Sending<'_>,
) -> Result<(), FieldError> {
    check_draft(form)?;
    let Some(service) = &form.service_code else {
        return Err(incomplete("service_code"));
    };
    if form.municipality_code.is_none() {
        return Err(incomplete("municipality_code"));
    }
    if !sending.offered.contains(service) {
        return Err(FieldError {
            code: ErrorCode::ServiceNotOffered,
            field: "service_code",
        });
    }
    if form.need.trim().is_empty() {
        return Err(incomplete("need"));
    }
    if sending.income_related {
        if form.household_size.is_none() {
            return Err(incomplete("household_size"));
        }
        if form.gross_monthly_income_cents.is_none() {
            return Err(incomplete("gross_monthly_income_cents"));
        }
    }
    match form.contact {
        None => return Err(incomplete("contact")),
        Some(ContactPreference::Phone) if form.phone.trim().is_empty() => {
            return Err(incomplete("phone"))
        }
        Some(_) => {}
    }
    match (&form.shared, sending.applies_for) {
        (None, AppliesFor::Child) => return Err(incomplete("shared")),
        (Some(_), AppliesFor::Myself | AppliesFor::Adult) => return Err(invalid("shared")),
        (Some(shared), AppliesFor::Child) => check_shared(shared, sending)?,
        (None, _) => {}
    }
    if !form.confirmed {
        return Err(incomplete("confirmed"));
    }
    Ok(())
}

fn check_shared(shared: &SharedMatter, sending: &Sending<'_>) -> Result<(), FieldError> {
    let named: Vec<&NamedGuardian> = match shared {
        SharedMatter::Consent { others, unknown } => {
            if others.is_empty() && !unknown {
                return Err(incomplete("shared"));
            }
            others.iter().collect()
        }
        SharedMatter::Declared { right, inform } => {
            if let DeclaredRight::Other { reason } = right {
                if chars(reason.trim()) < REASON_MIN_CHARS {
                    return Err(incomplete("shared"));
                }
            }
            inform.iter().collect()
        }
    };
    for guardian in named {
        check_named_guardian(
            guardian,
            &[sending.applicant, sending.principal],
            sending.today,
        )
        .map_err(|e| FieldError {
            code: e.code,
            field: "shared",
        })?;
    }
    Ok(())
}

/// Whether `guardian` can be asked for consent (or told) about an application: named in
/// full, with a valid identity code of an adult who is none of `not` (the applicant, the
/// child). The field is the guardian's part that is wrong.
pub fn check_named_guardian(
    guardian: &NamedGuardian,
    not: &[&Hetu],
    today: Date,
) -> Result<Hetu, FieldError> {
    if guardian.given_name.trim().is_empty() {
        return Err(incomplete("given_name"));
    }
    if guardian.family_name.trim().is_empty() {
        return Err(incomplete("family_name"));
    }
    let long = |s: &str| chars(s) > SHORT_MAX_CHARS;
    if long(&guardian.given_name) || long(&guardian.family_name) {
        return Err(invalid("given_name"));
    }
    let hetu = Hetu::parse(guardian.hetu.trim()).map_err(|_| incomplete("hetu"))?;
    if not.contains(&&hetu) || hetu.is_minor_on(today) {
        return Err(invalid("hetu"));
    }
    Ok(hetu)
}

impl VoucherApplicationForm {
    /// The guardians the form names (to ask for consent, or to inform).
    pub fn named_guardians(&self) -> &[NamedGuardian] {
        match &self.shared {
            Some(SharedMatter::Consent { others, .. }) => others,
            Some(SharedMatter::Declared {
                inform: Some(guardian),
                ..
            }) => std::slice::from_ref(guardian),
            _ => &[],
        }
    }

    fn named_guardians_mut(&mut self) -> Vec<&mut NamedGuardian> {
        match &mut self.shared {
            Some(SharedMatter::Consent { others, .. }) => others.iter_mut().collect(),
            Some(SharedMatter::Declared {
                inform: Some(guardian),
                ..
            }) => vec![guardian],
            _ => Vec::new(),
        }
    }

    /// The form as it is shown back: each named guardian's identity code masked (a code
    /// travels only in the body that writes it).
    pub fn masked(&self) -> VoucherApplicationForm {
        let mut form = self.clone();
        for guardian in form.named_guardians_mut() {
            if let Ok(hetu) = Hetu::parse(guardian.hetu.trim()) {
                guardian.hetu = hetu.masked();
            }
        }
        form
    }

    /// The form `self` as saved over `stored`: a guardian's code sent back masked (as the
    /// form showed it) keeps the stored code of the guardian it masks.
    pub fn keeping_codes_of(mut self, stored: &VoucherApplicationForm) -> VoucherApplicationForm {
        for guardian in self.named_guardians_mut() {
            let kept = stored.named_guardians().iter().find(|old| {
                Hetu::parse(old.hetu.trim()).is_ok_and(|h| h.masked() == guardian.hetu.trim())
            });
            if let Some(old) = kept {
                guardian.hetu = old.hetu.trim().to_owned();
            }
        }
        self
    }

    /// The right declared (scenario C), if the form declares one.
    pub fn declared_right(&self) -> Option<&DeclaredRight> {
        match &self.shared {
            Some(SharedMatter::Declared { right, .. }) => Some(right),
            _ => None,
        }
    }

    /// Whether the applicant said they do not know (all of) the other guardians.
    pub fn guardians_unknown(&self) -> bool {
        matches!(
            &self.shared,
            Some(SharedMatter::Consent { unknown: true, .. })
        )
    }

    /// Whether sending it waits on the named guardians' consent first (scenario B with
    /// someone named).
    pub fn needs_consent(&self) -> bool {
        matches!(&self.shared, Some(SharedMatter::Consent { others, .. }) if !others.is_empty())
    }
}

impl DeclaredRight {
    /// The stored name of the right's kind.
    pub fn kind_str(&self) -> &'static str {
        match self {
            DeclaredRight::SoleCustody => "sole_custody",
            DeclaredRight::AgreedOutside => "agreed_outside",
            DeclaredRight::Other { .. } => "other",
        }
    }
}

/// How long a consent request waits for its answer (days).
pub const CONSENT_DAYS: i64 = 14;

/// Where one named guardian's consent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    Pending,
    Given,
    Declined,
    /// Not answered within [`CONSENT_DAYS`]; the applicant may send it again.
    Expired,
}

impl ConsentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentStatus::Pending => "pending",
            ConsentStatus::Given => "given",
            ConsentStatus::Declined => "declined",
            ConsentStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<ConsentStatus> {
        [
            ConsentStatus::Pending,
            ConsentStatus::Given,
            ConsentStatus::Declined,
            ConsentStatus::Expired,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

/// The last day a request sent on `sent_on` can be answered.
pub fn consent_last_day(sent_on: Date) -> Date {
    sent_on + Duration::days(CONSENT_DAYS)
}

/// The state after the named guardian answers (`consent`: yes or no) on `today` a request
/// in `status` whose last day is `last_day`, or why not.
pub fn answer_consent(
    status: ConsentStatus,
    last_day: Date,
    consent: bool,
    today: Date,
) -> Result<ConsentStatus, ErrorCode> {
    match status {
        ConsentStatus::Given | ConsentStatus::Declined => Err(ErrorCode::ConsentAlreadyAnswered),
        ConsentStatus::Expired => Err(ErrorCode::ConsentExpired),
        ConsentStatus::Pending if today > last_day => Err(ErrorCode::ConsentExpired),
        ConsentStatus::Pending => Ok(if consent {
            ConsentStatus::Given
        } else {
            ConsentStatus::Declined
        }),
    }
}

/// Whether the scheduled job expires a request in `status` whose last day is `last_day`.
pub fn consent_expires(status: ConsentStatus, last_day: Date, today: Date) -> bool {
    status == ConsentStatus::Pending && today > last_day
}

/// Whether the applicant may send a request in `status` again (a new last day): only one
/// that expired unanswered — never a pending one (each send is a message to the person
/// named, so sending cannot be repeated at will) nor an answered one.
pub fn may_resend(status: ConsentStatus) -> bool {
    status == ConsentStatus::Expired
}

/// Where an application's consents stand together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentOutcome {
    /// `missing` requests are not yet given (pending or expired).
    Waiting { missing: usize },
    /// Every named guardian consented: the application goes to the queue.
    AllGiven,
    /// Someone declined: the application stops.
    Declined,
}

/// The application's consents together: one decline stops it; all given sends it on.
pub fn consent_outcome(statuses: &[ConsentStatus]) -> ConsentOutcome {
    if statuses.contains(&ConsentStatus::Declined) {
        return ConsentOutcome::Declined;
    }
    let missing = statuses
        .iter()
        .filter(|s| **s != ConsentStatus::Given)
        .count();
    if missing == 0 && !statuses.is_empty() {
        ConsentOutcome::AllGiven
    } else {
        ConsentOutcome::Waiting { missing }
    }
}

/// What Seteli does to the case when a consent request is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentStep {
    /// Nothing yet: someone's answer is still awaited.
    None,
    /// The consents are in: on to the queue (from `consenting`) or back to the handler
    /// (from a handler's wait on consent).
    Answer,
    /// A guardian declined before the queue: the application stops.
    Decline,
}

/// The step the answers `statuses` call for. Before the queue (`handler_waits` false) one
/// decline stops the application and all consents send it on; while a handler waits on
/// consent, the case goes back to them once no request is pending, whatever the answers
/// (the handler decides, with the answers in the history).
pub fn consent_step(handler_waits: bool, statuses: &[ConsentStatus]) -> ConsentStep {
    if handler_waits {
        return if statuses.contains(&ConsentStatus::Pending) || statuses.is_empty() {
            ConsentStep::None
        } else {
            ConsentStep::Answer
        };
    }
    match consent_outcome(statuses) {
        ConsentOutcome::Waiting { .. } => ConsentStep::None,
        ConsentOutcome::AllGiven => ConsentStep::Answer,
        ConsentOutcome::Declined => ConsentStep::Decline,
    }
}

#[cfg(test)]
mod tests;
