//! The one common rule set (the same for every municipality) saying which Suomi.fi-valtuudet
//! issue (valtuusasia) each action done on behalf of another adult needs. Guardianship of a
//! minor needs no issue; a mandate between adults must cover every issue the action names.
//! The app shows the same data to people: which mandate is needed and where to ask for it.

/// Where a person can give someone a mandate (Suomi.fi e-Authorizations).
pub const MANDATE_REQUEST_URL: &str = "https://www.suomi.fi/valtuudet";

/// Issue: using service vouchers on another person's behalf (viewing vouchers, events and
/// feedback).
pub const ISSUE_VOUCHER_MATTERS: &str = "http://valtuusrekisteri.suomi.fi/palveluseteli_asiointi";
/// Issue: giving feedback and answering surveys about services on another person's behalf.
pub const ISSUE_FEEDBACK: &str = "http://valtuusrekisteri.suomi.fi/palveluseteli_palaute";

/// What a proxy can do for a principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OnBehalfAction {
    ViewVouchers,
    GiveFeedback,
    AnswerSurvey,
}

impl OnBehalfAction {
    pub const ALL: [OnBehalfAction; 3] = [
        OnBehalfAction::ViewVouchers,
        OnBehalfAction::GiveFeedback,
        OnBehalfAction::AnswerSurvey,
    ];

    /// The issue URIs an adult principal's mandate must cover for this action.
    pub fn required_issues(self) -> &'static [&'static str] {
        match self {
            OnBehalfAction::ViewVouchers => &[ISSUE_VOUCHER_MATTERS],
            OnBehalfAction::GiveFeedback | OnBehalfAction::AnswerSurvey => {
                &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK]
            }
        }
    }

    /// Whether the action changes something (then the right is re-checked with Valtuudet
    /// right before it, never taken from an earlier answer).
    pub fn is_write(self) -> bool {
        !matches!(self, OnBehalfAction::ViewVouchers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn feedback_and_surveys_need_the_feedback_issue_and_are_writes() {
        for action in [OnBehalfAction::GiveFeedback, OnBehalfAction::AnswerSurvey] {
            assert!(action.required_issues().contains(&ISSUE_FEEDBACK));
            assert!(action.is_write());
        }
        assert!(!OnBehalfAction::ViewVouchers.is_write());
    }

    #[test]
    fn issue_uris_are_under_the_mandate_register() {
        for uri in [ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK] {
            assert!(uri.starts_with("http://valtuusrekisteri.suomi.fi/"));
        }
    }
}
