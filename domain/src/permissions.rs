//! Who is asking, and the one permission catalogue every route consults before it touches
//! data. Later audiences (proxies, producers, staff) extend [`Actor`] and [`Action`]; the
//! rule stays in this one place.

use crate::codes::OrganiserCode;
use crate::error::{ApiError, ErrorCode};
use crate::hetu::Hetu;
use crate::ids::CustomerId;
use crate::lang::Lang;
use crate::mandates::{Basis, OnBehalfAction};

/// A person identified by strong identification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub hetu: Hetu,
    pub given_name: String,
    pub family_name: String,
}

/// A role a staff member's identity provider asserts (the `roles` claim); one person may
/// hold several. `../shared/docs/municipality.md`'s staff roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaffRole {
    /// Customer service (asiakasohjaaja): customers, need assessments, voucher decisions,
    /// registered proxies, checking events.
    CustomerService,
    /// Producer applications, approvals and supervision (tuottajahyväksyjä).
    ProducerHandler,
    /// Monthly settlement, payment files and reports (talous).
    Finance,
    /// Runs the organisation's own e-authorisation governance (valtuuksien hallinnoija).
    AuthorisationAdmin,
    /// Orders e-authorisations for their own team (esihenkilö).
    Supervisor,
}

impl StaffRole {
    /// Every role, in the order of municipality.md's table.
    pub const ALL: [StaffRole; 5] = [
        StaffRole::CustomerService,
        StaffRole::ProducerHandler,
        StaffRole::Finance,
        StaffRole::AuthorisationAdmin,
        StaffRole::Supervisor,
    ];

    /// The claim value; unknown values are not roles.
    pub fn parse(value: &str) -> Option<StaffRole> {
        StaffRole::ALL
            .into_iter()
            .find(|role| role.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::CustomerService => "customer_service",
            StaffRole::ProducerHandler => "producer_handler",
            StaffRole::Finance => "finance",
            StaffRole::AuthorisationAdmin => "authorisation_admin",
            StaffRole::Supervisor => "supervisor",
        }
    }
}

/// An employee of an organiser (a municipality or a wellbeing services county) logged in
/// through the staff identity provider. Every staff query is limited to `organiser`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub organiser: OrganiserCode,
    pub roles: Vec<StaffRole>,
    /// The department the login names (the `department` claim, a code of the organiser's
    /// list), if it names one: whose maps are the member's own, and a supervisor's team.
    pub department: Option<String>,
    /// The job title the login names (the `job_title` claim), if it names one.
    pub job_title: Option<String>,
}

impl StaffMember {
    /// Whether the identity provider gave the member `role`.
    pub fn has(&self, role: StaffRole) -> bool {
        self.roles.contains(&role)
    }

    /// The name other people see in logs and on decisions.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// The person a person acts for. Their identity code stays in the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalRef {
    /// The principal's customer id in Seteli; `None` while no municipality has made them a
    /// customer (a guardian or mandate holder may still apply for a voucher for them:
    /// sending the application makes them one).
    pub customer_id: Option<CustomerId>,
    pub given_name: String,
    pub family_name: String,
}

/// A person acting on another person's behalf: who acts, for whom, and on what basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnBehalf {
    pub delegate: Person,
    pub principal: PrincipalRef,
    pub basis: Basis,
}

/// The producer company a person acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyRef {
    pub producer_id: crate::ids::ProducerId,
    pub name: String,
    pub business_id: crate::business_id::BusinessId,
    pub roles: Vec<String>,
    /// Whether the company holds at least one approval as a producer now. Read from the
    /// approvals on every request, so a withdrawn approval closes customers' data at once.
    pub approved: bool,
}

/// A person acting for a producer company they chose through Valtuudet (`ypa`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerAgent {
    pub person: Person,
    pub company: CompanyRef,
}

/// The party making a request. Acting for someone else is a variant of its own, so that it
/// is explicit in every signature that handles it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Nobody is logged in.
    Visitor,
    /// A person logged in with strong identification, acting for themselves.
    Citizen(Person),
    /// A person logged in with strong identification, acting for a principal they chose.
    /// Every customer action is then about the principal, and the edge checks the right
    /// (Valtuudet or the municipality's register) and logs it before touching data.
    OnBehalf(OnBehalf),
    /// A person logged in with strong identification, acting for a producer company. Every
    /// producer action is about that company's own services, customers and events.
    Producer(ProducerAgent),
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
    /// Read what others did on one's behalf. Citizens only.
    ViewTrail,
    /// Read the messages sent to one (the Suomi.fi Messages outbox). Citizens only.
    ViewMessages,
    /// Start or end acting for another person (choose a principal, go back to oneself).
    /// Citizens only.
    ChoosePrincipal,
    /// Producers: read the company's services, linked vouchers, events and feedback.
    ProducerView,
    /// Producers: look up a voucher by the number the customer gave (links it).
    ProducerLookUpVoucher,
    /// Producers: log, correct or cancel service events under linked vouchers.
    ProducerLogEvents,
    /// Producers: set prices of approved services from a later day on.
    ProducerSetPrices,
    /// Producers: reply to feedback addressed to the company.
    ProducerReply,
    /// Producers: read the company's monthly settlement statements (every organiser's) and
    /// its bank account.
    ProducerViewStatements,
    /// Producers: enter a new bank account for the company (in effect once an organiser's
    /// finance confirms it). Those who can bind the company.
    ProducerSetAccount,
    /// A company (approved or not yet) applies for approval: drafts, files, submits and
    /// answers its own applications. Anyone acting for the company through Valtuudet `ypa`.
    ProducerApply,
    /// Read who has looked at one's data (staff and producers). Citizens only.
    ViewAccessLog,
    /// Read one's voucher applications (a principal's, when acting for them), and a
    /// consent request one is named in, acting for the child. Citizens only.
    ViewOwnApplications,
    /// Apply for a voucher: write, send, cancel and answer one's application, send a
    /// consent request again, and refuse a granted voucher (the voucher act's right to the
    /// organiser's own service instead). For a principal it is an on-behalf write with its
    /// own Valtuudet issue. Citizens only.
    ApplyForVoucher,
    /// Answer a consent request about a child's application as its other guardian, acting
    /// for the child (Valtuudet confirms the right). Citizens only.
    AnswerConsent,
    /// Read the consent requests that name oneself (as a person, whoever one acts for).
    /// Citizens only.
    ViewConsentRequests,
    /// Staff: the desk home (what waits for the member). Any staff member.
    StaffViewDesk,
    /// Staff: find customers and read a customer's card, decisions and events, each view
    /// logged. `customer_service`, within the member's organiser.
    StaffViewCustomers,
    /// Staff: add a customer, keep their address and non-disclosure flag, record need
    /// assessments. `customer_service`.
    StaffEditCustomers,
    /// Staff: draft, decide, deliver, amend, end and annul voucher decisions.
    /// `customer_service`.
    StaffDecideVouchers,
    /// Staff: register and end a customer's proxy. `customer_service`.
    StaffRegisterProxies,
    /// Staff: mark service events checked or disputed. `customer_service`.
    StaffCheckEvents,
    /// Staff: read the organiser's income tables. `customer_service` and `finance`.
    StaffViewIncomeTables,
    /// Staff: change the organiser's income tables. `finance`.
    StaffEditIncomeTables,
    /// Staff: work producers' applications (queue, take, ask, approve, reject) and
    /// supervise approvals (suspend, withdraw, lift), within the member's organiser.
    /// `producer_handler`.
    StaffHandleProducers,
    /// Staff: read the organiser's messages that wait for review, failed or went on paper,
    /// and release a held one. `customer_service` (customers' messages) and
    /// `producer_handler` (companies' messages), within the member's organiser.
    StaffReviewDeliveries,
    /// Staff: read the organiser's settlements with producers, their lines and the reports.
    /// `finance` and `customer_service`, within the member's organiser.
    StaffViewSettlements,
    /// Staff: gather a month, hold and release a visit, confirm a settlement, mark it paid,
    /// write the bank's payment file and the ledger, and confirm or reject producers' new
    /// bank accounts. `finance`, within the member's organiser.
    StaffSettle,
    /// Staff: read the organiser's authorisation catalogue and maps, and one's own orders
    /// and holdings. Every employee, whatever their roles.
    StaffViewAuthorisations,
    /// Staff: order e-authorisations — for oneself; a `supervisor` also for the employees of
    /// their own department (the handler checks whom for). Every employee.
    StaffOrderAuthorisations,
    /// Staff: run the authorisation queue (take, hand over, release, wait on DVV, record
    /// what was done in Suomi.fi-valtuudet, reject), edit the catalogue and the maps, keep
    /// the holdings register and read its reports. `authorisation_admin`, within the
    /// member's organiser.
    StaffAdministerAuthorisations,
}

/// The role each staff action needs (any one of them).
pub fn staff_roles_for(action: Action) -> &'static [StaffRole] {
    use Action::*;
    match action {
        StaffViewCustomers | StaffEditCustomers | StaffDecideVouchers | StaffRegisterProxies
        | StaffCheckEvents => &[StaffRole::CustomerService],
        StaffViewIncomeTables => &[StaffRole::CustomerService, StaffRole::Finance],
        StaffEditIncomeTables => &[StaffRole::Finance],
        StaffHandleProducers => &[StaffRole::ProducerHandler],
        StaffReviewDeliveries => &[StaffRole::CustomerService, StaffRole::ProducerHandler],
        StaffViewSettlements => &[StaffRole::Finance, StaffRole::CustomerService],
        StaffSettle => &[StaffRole::Finance],
        StaffAdministerAuthorisations => &[StaffRole::AuthorisationAdmin],
        _ => &[],
    }
}

impl Action {
    /// Whether every employee may take the action, whatever roles their login gave (none
    /// included): their desk, and reading and ordering their own e-authorisations.
    pub fn open_to_every_employee(self) -> bool {
        matches!(
            self,
            Action::StaffViewDesk
                | Action::StaffViewAuthorisations
                | Action::StaffOrderAuthorisations
        )
    }

    /// Whether the action is done for a producer company (needs a company chosen, with an
    /// approval).
    pub fn is_producer_action(self) -> bool {
        matches!(
            self,
            Action::ProducerView
                | Action::ProducerLookUpVoucher
                | Action::ProducerLogEvents
                | Action::ProducerSetPrices
                | Action::ProducerReply
        )
    }

    /// What the action is when done for a principal (the rule set then names the Valtuudet
    /// issues it needs); `None` for actions that are never done for someone else.
    pub fn on_behalf(self) -> Option<OnBehalfAction> {
        match self {
            Action::ViewOwnVouchers => Some(OnBehalfAction::ViewVouchers),
            Action::GiveFeedback => Some(OnBehalfAction::GiveFeedback),
            Action::AnswerSurvey => Some(OnBehalfAction::AnswerSurvey),
            Action::ViewTrail => Some(OnBehalfAction::ViewTrail),
            Action::ViewMessages => Some(OnBehalfAction::ViewMessages),
            Action::ViewAccessLog => Some(OnBehalfAction::ViewAccessLog),
            // Reading applications is reading the principal's voucher matters.
            Action::ViewOwnApplications => Some(OnBehalfAction::ViewVouchers),
            Action::ApplyForVoucher => Some(OnBehalfAction::ApplyForVoucher),
            Action::AnswerConsent => Some(OnBehalfAction::AnswerConsent),
            // About the person themselves, never a principal.
            Action::ViewConsentRequests => None,
            Action::ViewPublicCatalogue
            | Action::ViewOwnSession
            | Action::ChoosePrincipal
            | Action::ProducerView
            | Action::ProducerLookUpVoucher
            | Action::ProducerLogEvents
            | Action::ProducerSetPrices
            | Action::ProducerReply
            | Action::ProducerViewStatements
            | Action::ProducerSetAccount
            | Action::StaffViewDesk
            | Action::StaffViewCustomers
            | Action::StaffEditCustomers
            | Action::StaffDecideVouchers
            | Action::StaffRegisterProxies
            | Action::StaffCheckEvents
            | Action::StaffViewIncomeTables
            | Action::StaffEditIncomeTables
            | Action::ProducerApply
            | Action::StaffHandleProducers
            | Action::StaffReviewDeliveries
            | Action::StaffViewSettlements
            | Action::StaffSettle
            | Action::StaffViewAuthorisations
            | Action::StaffOrderAuthorisations
            | Action::StaffAdministerAuthorisations => None,
        }
    }
}

/// Allows `action` for `actor`, or says why not (in `lang`): `unauthorized` (401) when a
/// login would help, `forbidden` (403) when it would not. Every handler calls this before
/// it reads or writes anything.
pub fn require(actor: &Actor, action: Action, lang: Lang) -> Result<(), ApiError> {
    use Action::*;
    let customer_action = matches!(
        action,
        ViewOwnVouchers
            | GiveFeedback
            | AnswerSurvey
            | ViewTrail
            | ViewMessages
            | ViewAccessLog
            | ViewOwnApplications
            | ApplyForVoucher
            | AnswerConsent
            | ViewConsentRequests
    );
    let producer_action = action.is_producer_action();
    let forbidden = || Err(ApiError::new(ErrorCode::Forbidden, lang));
    match actor {
        _ if action == ViewPublicCatalogue => Ok(()),
        Actor::Visitor => Err(ApiError::new(ErrorCode::Unauthorized, lang)),
        _ if action == ViewOwnSession => Ok(()),
        // A person may always choose whom to act for, or go back to acting for themselves.
        Actor::Citizen(_) | Actor::OnBehalf(_) | Actor::Producer(_)
            if action == ChoosePrincipal =>
        {
            Ok(())
        }
        // For `OnBehalf` this is allowed only in principle: the edge then checks the right
        // to act for the principal (see `Action::on_behalf`) and logs it before touching data.
        Actor::Citizen(_) | Actor::OnBehalf(_) if customer_action => Ok(()),
        // Applying is what a company that is not yet approved may do, and all it may do;
        // each query is limited to the company's own applications.
        Actor::Producer(_) if action == ProducerApply => Ok(()),
        // What the organisers owe a company, and where they pay it, stay its own to read and
        // to correct after its approvals end (its last months are still settled). An account
        // is entered by those who bind the company: the account payments go to is the classic
        // fraud route, and an organiser's finance confirms it too.
        Actor::Producer(_) if action == ProducerViewStatements => Ok(()),
        Actor::Producer(agent) if action == ProducerSetAccount => {
            if crate::producer::may_set_prices(&agent.company.roles) {
                Ok(())
            } else {
                Err(ApiError::new(ErrorCode::NoAccountRole, lang))
            }
        }
        // The company was allowed at selection (roles, and a producer in Seteli); every
        // request then needs a valid approval, and each query is limited to the company's
        // own rows. Changing prices is for those who can bind the company.
        Actor::Producer(agent) if producer_action => {
            if !agent.company.approved {
                Err(ApiError::new(ErrorCode::ProducerNotApproved, lang))
            } else if action == ProducerSetPrices
                && !crate::producer::may_set_prices(&agent.company.roles)
            {
                Err(ApiError::new(ErrorCode::NoPriceRole, lang))
            } else {
                Ok(())
            }
        }
        // Staff reach what their roles name; every query is then limited to their organiser,
        // and every view of a customer's data is logged. They have no vouchers of their own
        // in a staff session.
        Actor::Staff(member) => {
            if action.open_to_every_employee()
                || staff_roles_for(action).iter().any(|role| member.has(*role))
            {
                Ok(())
            } else {
                forbidden()
            }
        }
        Actor::Citizen(_) | Actor::OnBehalf(_) | Actor::Producer(_) => forbidden(),
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
            organiser: OrganiserCode::parse("ita-uusimaa").unwrap(),
            roles: vec![StaffRole::CustomerService],
            department: None,
            job_title: None,
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
    fn acting_for_someone_reaches_the_customer_actions_subject_to_the_edges_check() {
        let Actor::Citizen(delegate) = citizen() else {
            unreachable!()
        };
        let proxy = Actor::OnBehalf(OnBehalf {
            delegate,
            principal: PrincipalRef {
                customer_id: CustomerId::parse("4"),
                given_name: "Eetu".into(),
                family_name: "Kumpulainen".into(),
            },
            basis: Basis::Guardian,
        });
        for action in [
            Action::ViewOwnVouchers,
            Action::GiveFeedback,
            Action::AnswerSurvey,
            Action::ViewTrail,
            Action::ViewMessages,
        ] {
            assert!(require(&proxy, action, Lang::Fi).is_ok());
            assert!(action.on_behalf().is_some(), "{action:?}");
        }
        assert_eq!(Action::ChoosePrincipal.on_behalf(), None);
        assert_eq!(
            require(&Actor::Visitor, Action::ChoosePrincipal, Lang::Fi)
                .unwrap_err()
                .code,
            ErrorCode::Unauthorized
        );
    }

    fn agent(roles: &[&str], approved: bool) -> Actor {
        let Actor::Citizen(person) = citizen() else {
            unreachable!()
        };
        Actor::Producer(ProducerAgent {
            person,
            company: CompanyRef {
                producer_id: crate::ids::ProducerId::parse("1").unwrap(),
                name: "Hoiva Oy".into(),
                business_id: crate::BusinessId::parse("2077474-0").unwrap(),
                roles: roles.iter().map(|r| (*r).to_owned()).collect(),
                approved,
            },
        })
    }

    const PRODUCER_ACTIONS: [Action; 5] = [
        Action::ProducerView,
        Action::ProducerLookUpVoucher,
        Action::ProducerLogEvents,
        Action::ProducerSetPrices,
        Action::ProducerReply,
    ];

    #[test]
    fn any_company_may_apply_and_only_producer_handlers_handle_applications() {
        for approved in [false, true] {
            for roles in [&["TJ"][..], &["J"][..]] {
                assert!(require(&agent(roles, approved), Action::ProducerApply, Lang::Fi).is_ok());
            }
        }
        assert_eq!(
            require(&citizen(), Action::ProducerApply, Lang::Fi)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        let staff = |role| {
            Actor::Staff(StaffMember {
                username: "tuottajahyvaksyja".into(),
                given_name: "Pekka".into(),
                family_name: "Heikkinen".into(),
                organiser: OrganiserCode::parse("ita-uusimaa").unwrap(),
                roles: vec![role],
                department: None,
                job_title: None,
            })
        };
        assert!(require(
            &staff(StaffRole::ProducerHandler),
            Action::StaffHandleProducers,
            Lang::Fi
        )
        .is_ok());
        assert_eq!(
            require(
                &staff(StaffRole::CustomerService),
                Action::StaffHandleProducers,
                Lang::Fi
            )
            .unwrap_err()
            .code,
            ErrorCode::Forbidden
        );
        assert_eq!(
            require(
                &staff(StaffRole::ProducerHandler),
                Action::ProducerApply,
                Lang::Fi
            )
            .unwrap_err()
            .code,
            ErrorCode::Forbidden
        );
    }

    #[test]
    fn a_company_without_an_approval_reaches_no_producer_action() {
        let withdrawn = agent(&["TJ"], false);
        for action in PRODUCER_ACTIONS {
            assert_eq!(
                require(&withdrawn, action, Lang::Fi).unwrap_err().code,
                ErrorCode::ProducerNotApproved
            );
        }
        assert!(require(&withdrawn, Action::ViewOwnSession, Lang::Fi).is_ok());
        assert!(require(&withdrawn, Action::ChoosePrincipal, Lang::Fi).is_ok());
    }

    #[test]
    fn only_roles_that_bind_the_company_change_prices() {
        let board_member = agent(&["J"], true);
        assert_eq!(
            require(&board_member, Action::ProducerSetPrices, Lang::Fi)
                .unwrap_err()
                .code,
            ErrorCode::NoPriceRole
        );
        assert!(require(&board_member, Action::ProducerLogEvents, Lang::Fi).is_ok());
        assert!(require(
            &agent(&["NIMKO"], true),
            Action::ProducerSetPrices,
            Lang::Fi
        )
        .is_ok());
    }

    #[test]
    fn only_roles_that_bind_the_company_enter_its_bank_account() {
        let board_member = agent(&["J"], true);
        assert_eq!(
            require(&board_member, Action::ProducerSetAccount, Lang::Fi)
                .unwrap_err()
                .code,
            ErrorCode::NoAccountRole
        );
        assert!(require(&board_member, Action::ProducerViewStatements, Lang::Fi).is_ok());
        assert!(require(&agent(&["TJ"], true), Action::ProducerSetAccount, Lang::Fi).is_ok());
        // A company whose approvals ended still reads what it is owed and fixes its account.
        let ended = agent(&["TJ"], false);
        assert!(require(&ended, Action::ProducerViewStatements, Lang::Fi).is_ok());
        assert!(require(&ended, Action::ProducerSetAccount, Lang::Fi).is_ok());
        assert!(require(&citizen(), Action::ProducerViewStatements, Lang::Fi).is_err());
        // Finance settles; customer service reads; neither is the other's.
        let finance = staff(&[StaffRole::Finance]);
        let desk = staff(&[StaffRole::CustomerService]);
        assert!(require(&finance, Action::StaffSettle, Lang::Fi).is_ok());
        assert!(require(&desk, Action::StaffViewSettlements, Lang::Fi).is_ok());
        assert!(require(&desk, Action::StaffSettle, Lang::Fi).is_err());
        assert!(require(
            &staff(&[StaffRole::ProducerHandler]),
            Action::StaffViewSettlements,
            Lang::Fi
        )
        .is_err());
    }

    #[test]
    fn only_a_person_acting_for_a_company_reaches_the_producer_actions() {
        let agent = agent(&["TJ"], true);
        for action in PRODUCER_ACTIONS {
            assert!(require(&agent, action, Lang::Fi).is_ok());
            assert_eq!(
                require(&citizen(), action, Lang::Fi).unwrap_err().code,
                ErrorCode::Forbidden
            );
            assert_eq!(
                require(&Actor::Visitor, action, Lang::Fi).unwrap_err().code,
                ErrorCode::Unauthorized
            );
        }
        // A company is not a customer: its agent has no vouchers of its own here.
        assert_eq!(
            require(&agent, Action::ViewOwnVouchers, Lang::Fi)
                .unwrap_err()
                .code,
            ErrorCode::Forbidden
        );
        assert!(require(&agent, Action::ChoosePrincipal, Lang::Fi).is_ok());
    }

    #[test]
    fn a_visitor_is_asked_to_log_in_to_see_a_session() {
        let e = require(&Actor::Visitor, Action::ViewOwnSession, Lang::En).unwrap_err();
        assert_eq!(e.code, ErrorCode::Unauthorized);
        assert_eq!(e.status(), 401);
        assert!(require(&citizen(), Action::ViewOwnSession, Lang::En).is_ok());
    }

    fn staff(roles: &[StaffRole]) -> Actor {
        Actor::Staff(StaffMember {
            username: "x".into(),
            given_name: "X".into(),
            family_name: "Y".into(),
            organiser: OrganiserCode::parse("helsinki").unwrap(),
            roles: roles.to_vec(),
            department: None,
            job_title: None,
        })
    }

    const DESK_ACTIONS: [Action; 5] = [
        Action::StaffViewCustomers,
        Action::StaffEditCustomers,
        Action::StaffDecideVouchers,
        Action::StaffRegisterProxies,
        Action::StaffCheckEvents,
    ];

    #[test]
    fn customer_service_alone_works_on_customers_and_finance_alone_edits_income_tables() {
        let desk = staff(&[StaffRole::CustomerService]);
        let finance = staff(&[StaffRole::Finance]);
        let handler = staff(&[StaffRole::ProducerHandler]);
        for action in DESK_ACTIONS {
            assert!(require(&desk, action, Lang::Fi).is_ok(), "{action:?}");
            for other in [&finance, &handler] {
                assert_eq!(
                    require(other, action, Lang::Fi).unwrap_err().code,
                    ErrorCode::Forbidden
                );
            }
            assert_eq!(
                require(&citizen(), action, Lang::Fi).unwrap_err().code,
                ErrorCode::Forbidden
            );
            assert_eq!(
                require(&Actor::Visitor, action, Lang::Fi).unwrap_err().code,
                ErrorCode::Unauthorized
            );
        }
        assert!(require(&finance, Action::StaffEditIncomeTables, Lang::Fi).is_ok());
        assert!(require(&desk, Action::StaffEditIncomeTables, Lang::Fi).is_err());
        assert!(require(&desk, Action::StaffViewIncomeTables, Lang::Fi).is_ok());
        assert!(require(&handler, Action::StaffViewIncomeTables, Lang::Fi).is_err());
        // Deliveries to review: customer service (customers') and producer handlers
        // (companies'), not finance.
        assert!(require(&desk, Action::StaffReviewDeliveries, Lang::Fi).is_ok());
        assert!(require(&handler, Action::StaffReviewDeliveries, Lang::Fi).is_ok());
        assert!(require(&finance, Action::StaffReviewDeliveries, Lang::Fi).is_err());
        // Every employee has a desk and reads and orders their own e-authorisations,
        // whatever their roles, none included; only the administrator runs the queue.
        for action in [
            Action::StaffViewDesk,
            Action::StaffViewAuthorisations,
            Action::StaffOrderAuthorisations,
        ] {
            for role in StaffRole::ALL {
                assert!(require(&staff(&[role]), action, Lang::Fi).is_ok());
            }
            assert!(require(&staff(&[]), action, Lang::Fi).is_ok());
            assert!(require(&citizen(), action, Lang::Fi).is_err());
            assert!(require(&Actor::Visitor, action, Lang::Fi).is_err());
        }
        let admin = staff(&[StaffRole::AuthorisationAdmin]);
        assert!(require(&admin, Action::StaffAdministerAuthorisations, Lang::Fi).is_ok());
        for other in [
            &desk,
            &finance,
            &handler,
            &staff(&[StaffRole::Supervisor]),
            &staff(&[]),
        ] {
            assert_eq!(
                require(other, Action::StaffAdministerAuthorisations, Lang::Fi)
                    .unwrap_err()
                    .code,
                ErrorCode::Forbidden
            );
        }
    }

    #[test]
    fn a_staff_member_reads_no_citizen_access_log_and_a_citizen_reads_their_own() {
        assert!(require(&citizen(), Action::ViewAccessLog, Lang::Fi).is_ok());
        assert_eq!(
            Action::ViewAccessLog.on_behalf(),
            Some(OnBehalfAction::ViewAccessLog)
        );
        assert!(require(&staff(&StaffRole::ALL), Action::ViewAccessLog, Lang::Fi).is_err());
    }

    #[test]
    fn a_staff_members_name_is_given_and_family_name() {
        let Actor::Staff(member) = staff(&[]) else {
            unreachable!()
        };
        assert_eq!(member.full_name(), "X Y");
        assert!(!member.has(StaffRole::Finance));
    }
}
