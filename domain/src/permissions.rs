//! Who is asking, and the one permission catalogue every route consults before it touches
//! data. Later audiences (proxies, producers, staff) extend [`Actor`] and [`Action`]; the
//! rule stays in this one place.

use crate::codes::MunicipalityCode;
use crate::error::{ApiError, ErrorCode};
use crate::hetu::Hetu;
use crate::lang::Lang;

/// A person identified by strong identification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub hetu: Hetu,
    pub given_name: String,
    pub family_name: String,
}

/// A role a staff member's identity provider asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffRole {
    /// Municipal customer service (asiakaspalvelija): assesses need, grants vouchers.
    CustomerService,
    /// Runs the municipality's own e-authorisation governance (valtuuksien hallinnoija).
    AuthorisationAdmin,
}

impl StaffRole {
    /// The claim value; unknown values are not roles.
    pub fn parse(value: &str) -> Option<StaffRole> {
        match value {
            "customer_service" => Some(StaffRole::CustomerService),
            "authorisation_admin" => Some(StaffRole::AuthorisationAdmin),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::CustomerService => "customer_service",
            StaffRole::AuthorisationAdmin => "authorisation_admin",
        }
    }
}

/// A municipal employee logged in through the staff identity provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub municipality: MunicipalityCode,
    pub roles: Vec<StaffRole>,
}

/// The party making a request. Acting for someone else will be a variant of its own, so
/// that it is explicit in every signature that handles it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Nobody is logged in.
    Visitor,
    /// A person logged in with strong identification, acting for themselves.
    Citizen(Person),
    /// A municipal employee; never a citizen in the same session.
    Staff(StaffMember),
}

/// Everything a route can do. Each route names exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the public catalogue: municipalities, services, approved producers and their
    /// current prices. Open to everyone, logged in or not.
    ViewPublicCatalogue,
    /// See who one is logged in as. Needs a login.
    ViewOwnSession,
    /// Read one's own vouchers, their events and one's feedback. Citizens only.
    ViewOwnVouchers,
    /// Give feedback on a producer that served under one's voucher. Citizens only.
    GiveFeedback,
    /// Answer a satisfaction survey about such a producer. Citizens only.
    AnswerSurvey,
}

/// Allows `action` for `actor`, or says why not (in `lang`): `unauthorized` (401) when a
/// login would help, `forbidden` (403) when it would not. Every handler calls this before
/// it reads or writes anything.
pub fn require(actor: &Actor, action: Action, lang: Lang) -> Result<(), ApiError> {
    match (actor, action) {
        (_, Action::ViewPublicCatalogue) => Ok(()),
        (Actor::Citizen(_) | Actor::Staff(_), Action::ViewOwnSession) => Ok(()),
        // A citizen acts for themselves; acting for another person will be its own actor.
        (
            Actor::Citizen(_),
            Action::ViewOwnVouchers | Action::GiveFeedback | Action::AnswerSurvey,
        ) => Ok(()),
        // Staff have no vouchers of their own in a staff session; staff views of customers'
        // data will be actions of their own, each logged.
        (
            Actor::Staff(_),
            Action::ViewOwnVouchers | Action::GiveFeedback | Action::AnswerSurvey,
        ) => Err(ApiError::new(ErrorCode::Forbidden, lang)),
        (
            Actor::Visitor,
            Action::ViewOwnSession
            | Action::ViewOwnVouchers
            | Action::GiveFeedback
            | Action::AnswerSurvey,
        ) => Err(ApiError::new(ErrorCode::Unauthorized, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citizen() -> Actor {
        Actor::Citizen(Person {
            hetu: Hetu::parse("010280-952L").unwrap(),
            given_name: "Testi".into(),
            family_name: "Henkilö".into(),
        })
    }

    #[test]
    fn everyone_may_view_the_public_catalogue() {
        for actor in [Actor::Visitor, citizen()] {
            assert!(require(&actor, Action::ViewPublicCatalogue, Lang::Fi).is_ok());
        }
    }

    #[test]
    fn only_a_logged_in_customer_reaches_their_vouchers_feedback_and_surveys() {
        for action in [
            Action::ViewOwnVouchers,
            Action::GiveFeedback,
            Action::AnswerSurvey,
        ] {
            assert_eq!(
                require(&Actor::Visitor, action, Lang::Fi).unwrap_err().code,
                ErrorCode::Unauthorized
            );
            assert!(require(&citizen(), action, Lang::Fi).is_ok());
        }
    }

    #[test]
    fn staff_see_their_session_but_not_a_customers_own_pages() {
        let staff = Actor::Staff(StaffMember {
            username: "asiakaspalvelu".into(),
            given_name: "Sari".into(),
            family_name: "Virtanen".into(),
            municipality: MunicipalityCode::parse("638").unwrap(),
            roles: vec![StaffRole::CustomerService],
        });
        assert!(require(&staff, Action::ViewOwnSession, Lang::Fi).is_ok());
        for action in [
            Action::ViewOwnVouchers,
            Action::GiveFeedback,
            Action::AnswerSurvey,
        ] {
            assert_eq!(
                require(&staff, action, Lang::Fi).unwrap_err().code,
                ErrorCode::Forbidden
            );
        }
        assert_eq!(
            StaffRole::parse("authorisation_admin"),
            Some(StaffRole::AuthorisationAdmin)
        );
        assert_eq!(StaffRole::parse("root"), None);
    }

    #[test]
    fn a_visitor_is_asked_to_log_in_to_see_a_session() {
        let e = require(&Actor::Visitor, Action::ViewOwnSession, Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::Unauthorized);
        assert_eq!(e.status(), 401);
        assert!(require(&citizen(), Action::ViewOwnSession, Lang::En).is_ok());
    }
}
