//! The API's one route table: every route's method, path and the permission it asks. The
//! edge dispatches from it (a path that is not here is 404, a method that is not here is
//! 405 with `Allow` built from it), the access-matrix test walks it, and the browser suite
//! samples it over HTTP — so a route cannot exist without a row.

use crate::permissions::Action;

/// The methods the API routes on. `HEAD` is answered wherever `GET` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteMethod {
    Get,
    Post,
}

impl RouteMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            RouteMethod::Get => "GET",
            RouteMethod::Post => "POST",
        }
    }
}

/// Who may call a route, as the permission catalogue decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: the steps of logging in and out, which work with or without a session.
    Open,
    /// The catalogue must allow this action for the caller before the handler runs.
    Requires(Action),
    /// A page load (a link the person follows) that needs this action: the handler asks the
    /// catalogue itself, so that a visitor is sent to a page that explains, not to JSON.
    PageLoad(Action),
}

impl Access {
    /// The action the catalogue is asked about, if any.
    pub fn action(self) -> Option<Action> {
        match self {
            Access::Open => None,
            Access::Requires(action) | Access::PageLoad(action) => Some(action),
        }
    }
}

/// Every route of the API. The edge's dispatch matches on this exhaustively, so a variant
/// without a handler does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RouteId {
    PublicMunicipalities,
    PublicServices,
    PublicOffers,
    PublicProducer,
    AuthLogin,
    AuthCallback,
    AuthLogout,
    AuthMe,
    CitizenVouchers,
    CitizenVoucher,
    CitizenFeedback,
    CitizenGiveFeedback,
    CitizenAnswerSurvey,
    CitizenTrail,
    CitizenMessages,
    OnBehalfStart,
    ValtuudetCallback,
    OnBehalfRegistered,
    OnBehalfActForRegistered,
    OnBehalfStop,
    ProducerHome,
    ProducerPrices,
    ProducerSetPrice,
    ProducerLookUpVoucher,
    ProducerVoucher,
    ProducerLogEvent,
    ProducerCancelEvent,
    ProducerCorrectEvent,
    ProducerFeedback,
    ProducerReply,
    CitizenDecision,
    CitizenAccessLog,
    ProducerAnswerDispute,
    StaffDesk,
    StaffSearchCustomers,
    StaffCreateCustomer,
    StaffCustomer,
    StaffRevealHetu,
    StaffUpdateContact,
    StaffRecordAssessment,
    StaffRegisterProxy,
    StaffEndProxy,
    StaffDraftDecision,
    StaffDecision,
    StaffDecide,
    StaffDeliver,
    StaffEndVoucher,
    StaffAnnulVoucher,
    StaffEvents,
    StaffCheckEvent,
    StaffIncomeTables,
    StaffSetIncomeTable,
    ProducerApplications,
    ProducerStartApplication,
    ProducerApplication,
    ProducerSaveApplication,
    ProducerSubmitApplication,
    ProducerCancelApplication,
    ProducerDeleteApplication,
    ProducerAnswerApplication,
    ProducerUploadAttachment,
    ProducerAttachment,
    ProducerDeleteAttachment,
    StaffApplications,
    StaffApplication,
    StaffTakeApplication,
    StaffHandOverApplication,
    StaffReleaseApplication,
    StaffAskApplicant,
    StaffApproveApplication,
    StaffRejectApplication,
    StaffAttachment,
    StaffApprovals,
    StaffSuperviseApproval,
    StaffDeliveries,
    StaffReleaseDelivery,
    CitizenApplications,
    CitizenStartApplication,
    CitizenApplication,
    CitizenSaveApplication,
    CitizenSendApplication,
    CitizenCancelApplication,
    CitizenAnswerApplication,
    CitizenResendConsent,
    CitizenConsentRequests,
    CitizenConsentRequest,
    CitizenAnswerConsent,
    StaffResidentApplications,
    StaffResidentApplication,
    StaffTakeResidentApplication,
    StaffHandOverResidentApplication,
    StaffReleaseResidentApplication,
    StaffAskResident,
    StaffRejectResidentApplication,
    CitizenRefuseVoucher,
    CitizenUploadApplicationFile,
    CitizenApplicationFile,
    CitizenDeleteApplicationFile,
    StaffResidentAttachment,
    StaffAskConsent,
    StaffSettlements,
    StaffGatherSettlements,
    StaffSettlement,
    StaffHoldSettlementEvent,
    StaffReleaseSettlementEvent,
    StaffConfirmSettlement,
    StaffPaySettlement,
    StaffPaymentFile,
    StaffWritePaymentFile,
    StaffLedger,
    StaffProducerAccounts,
    StaffConfirmProducerAccount,
    StaffRejectProducerAccount,
    ProducerStatements,
    ProducerStatement,
    ProducerAccount,
    ProducerSetAccount,
    StaffProductionReport,
    StaffBudgetReport,
    StaffAuthorisations,
    StaffAddAuthorisation,
    StaffEditAuthorisation,
    StaffAuthorisationMap,
    StaffSetAuthorisationMap,
    StaffAuthorisationReport,
    StaffOrderAuthorisation,
    StaffAuthorisationOrders,
    StaffAuthorisationQueue,
    StaffAuthorisationOrder,
    StaffTakeAuthorisationOrder,
    StaffReleaseAuthorisationOrder,
    StaffHandOverAuthorisationOrder,
    StaffAuthorisationOrderWaitDvv,
    StaffAuthorisationOrderDvvGranted,
    StaffAuthorisationOrderDvvRefused,
    StaffAuthorisationOrderDone,
    StaffRejectAuthorisationOrder,
    StaffAuthorisationHoldings,
    StaffAddAuthorisationHolding,
    StaffImportAuthorisationHoldings,
    StaffAuthorisationHoldingLeaving,
    StaffEndAuthorisationHolding,
}

/// One row of the table. `path` segments in braces (`{id}`) match any one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub id: RouteId,
    pub method: RouteMethod,
    pub path: &'static str,
    pub access: Access,
}

const fn route(id: RouteId, method: RouteMethod, path: &'static str, access: Access) -> Route {
    Route {
        id,
        method,
        path,
        access,
    }
}

use Access::{Open, PageLoad, Requires};
use RouteId as R;
use RouteMethod::{Get, Post};

/// The table. Order does not matter: a path with more literal segments wins over one with
/// a placeholder in their place (`/vouchers/lookup` over `/vouchers/{id}`).
pub const ROUTES: &[Route] = &[
    route(
        R::PublicMunicipalities,
        Get,
        "/api/public/municipalities",
        Requires(Action::ViewPublicCatalogue),
    ),
    route(
        R::PublicServices,
        Get,
        "/api/public/services",
        Requires(Action::ViewPublicCatalogue),
    ),
    route(
        R::PublicOffers,
        Get,
        "/api/public/offers",
        Requires(Action::ViewPublicCatalogue),
    ),
    route(
        R::PublicProducer,
        Get,
        "/api/public/producers/{id}",
        Requires(Action::ViewPublicCatalogue),
    ),
    route(R::AuthLogin, Get, "/api/auth/login", Open),
    route(R::AuthCallback, Get, "/api/auth/callback", Open),
    route(R::AuthLogout, Post, "/api/auth/logout", Open),
    route(
        R::AuthMe,
        Get,
        "/api/auth/me",
        Requires(Action::ViewOwnSession),
    ),
    route(
        R::CitizenVouchers,
        Get,
        "/api/citizen/vouchers",
        Requires(Action::ViewOwnVouchers),
    ),
    route(
        R::CitizenVoucher,
        Get,
        "/api/citizen/vouchers/{id}",
        Requires(Action::ViewOwnVouchers),
    ),
    route(
        R::CitizenFeedback,
        Get,
        "/api/citizen/feedback",
        Requires(Action::ViewOwnVouchers),
    ),
    route(
        R::CitizenGiveFeedback,
        Post,
        "/api/citizen/feedback",
        Requires(Action::GiveFeedback),
    ),
    route(
        R::CitizenAnswerSurvey,
        Post,
        "/api/citizen/surveys",
        Requires(Action::AnswerSurvey),
    ),
    route(
        R::CitizenTrail,
        Get,
        "/api/citizen/trail",
        Requires(Action::ViewTrail),
    ),
    route(
        R::CitizenMessages,
        Get,
        "/api/citizen/messages",
        Requires(Action::ViewMessages),
    ),
    route(
        R::OnBehalfStart,
        Get,
        "/api/on-behalf/start",
        PageLoad(Action::ChoosePrincipal),
    ),
    route(
        R::ValtuudetCallback,
        Get,
        "/api/valtuudet/callback",
        PageLoad(Action::ChoosePrincipal),
    ),
    route(
        R::OnBehalfRegistered,
        Get,
        "/api/on-behalf/registered",
        Requires(Action::ChoosePrincipal),
    ),
    route(
        R::OnBehalfActForRegistered,
        Post,
        "/api/on-behalf/registered",
        Requires(Action::ChoosePrincipal),
    ),
    route(
        R::OnBehalfStop,
        Post,
        "/api/on-behalf/stop",
        Requires(Action::ChoosePrincipal),
    ),
    route(
        R::ProducerHome,
        Get,
        "/api/producer/home",
        Requires(Action::ProducerView),
    ),
    route(
        R::ProducerPrices,
        Get,
        "/api/producer/prices",
        Requires(Action::ProducerView),
    ),
    route(
        R::ProducerSetPrice,
        Post,
        "/api/producer/prices",
        Requires(Action::ProducerSetPrices),
    ),
    route(
        R::ProducerLookUpVoucher,
        Post,
        "/api/producer/vouchers/lookup",
        Requires(Action::ProducerLookUpVoucher),
    ),
    route(
        R::ProducerVoucher,
        Get,
        "/api/producer/vouchers/{id}",
        Requires(Action::ProducerView),
    ),
    route(
        R::ProducerLogEvent,
        Post,
        "/api/producer/events",
        Requires(Action::ProducerLogEvents),
    ),
    route(
        R::ProducerCancelEvent,
        Post,
        "/api/producer/events/{id}/cancel",
        Requires(Action::ProducerLogEvents),
    ),
    route(
        R::ProducerCorrectEvent,
        Post,
        "/api/producer/events/{id}/correct",
        Requires(Action::ProducerLogEvents),
    ),
    route(
        R::ProducerFeedback,
        Get,
        "/api/producer/feedback",
        Requires(Action::ProducerView),
    ),
    route(
        R::ProducerReply,
        Post,
        "/api/producer/feedback/{id}/reply",
        Requires(Action::ProducerReply),
    ),
    route(
        R::CitizenDecision,
        Get,
        "/api/citizen/decisions/{id}",
        Requires(Action::ViewOwnVouchers),
    ),
    route(
        R::CitizenAccessLog,
        Get,
        "/api/citizen/access-log",
        Requires(Action::ViewAccessLog),
    ),
    route(
        R::ProducerAnswerDispute,
        Post,
        "/api/producer/events/{id}/answer",
        Requires(Action::ProducerLogEvents),
    ),
    route(
        R::StaffDesk,
        Get,
        "/api/staff/desk",
        Requires(Action::StaffViewDesk),
    ),
    route(
        R::StaffSearchCustomers,
        Post,
        "/api/staff/customers/search",
        Requires(Action::StaffViewCustomers),
    ),
    route(
        R::StaffCreateCustomer,
        Post,
        "/api/staff/customers",
        Requires(Action::StaffEditCustomers),
    ),
    route(
        R::StaffCustomer,
        Get,
        "/api/staff/customers/{id}",
        Requires(Action::StaffViewCustomers),
    ),
    route(
        R::StaffRevealHetu,
        Post,
        "/api/staff/customers/{id}/reveal",
        Requires(Action::StaffViewCustomers),
    ),
    route(
        R::StaffUpdateContact,
        Post,
        "/api/staff/customers/{id}/contact",
        Requires(Action::StaffEditCustomers),
    ),
    route(
        R::StaffRecordAssessment,
        Post,
        "/api/staff/customers/{id}/assessments",
        Requires(Action::StaffEditCustomers),
    ),
    route(
        R::StaffRegisterProxy,
        Post,
        "/api/staff/customers/{id}/proxy",
        Requires(Action::StaffRegisterProxies),
    ),
    route(
        R::StaffEndProxy,
        Post,
        "/api/staff/customers/{id}/proxy/end",
        Requires(Action::StaffRegisterProxies),
    ),
    route(
        R::StaffDraftDecision,
        Post,
        "/api/staff/decisions",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffDecision,
        Get,
        "/api/staff/decisions/{id}",
        Requires(Action::StaffViewCustomers),
    ),
    route(
        R::StaffDecide,
        Post,
        "/api/staff/decisions/{id}/decide",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffDeliver,
        Post,
        "/api/staff/decisions/{id}/deliver",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffEndVoucher,
        Post,
        "/api/staff/vouchers/{id}/end",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffAnnulVoucher,
        Post,
        "/api/staff/vouchers/{id}/annul",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffEvents,
        Get,
        "/api/staff/events",
        Requires(Action::StaffViewCustomers),
    ),
    route(
        R::StaffCheckEvent,
        Post,
        "/api/staff/events/{id}/check",
        Requires(Action::StaffCheckEvents),
    ),
    route(
        R::StaffIncomeTables,
        Get,
        "/api/staff/income-tables",
        Requires(Action::StaffViewIncomeTables),
    ),
    route(
        R::StaffSetIncomeTable,
        Post,
        "/api/staff/income-tables",
        Requires(Action::StaffEditIncomeTables),
    ),
    route(
        R::ProducerApplications,
        Get,
        "/api/producer/applications",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerStartApplication,
        Post,
        "/api/producer/applications",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerApplication,
        Get,
        "/api/producer/applications/{id}",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerSaveApplication,
        Post,
        "/api/producer/applications/{id}",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerSubmitApplication,
        Post,
        "/api/producer/applications/{id}/submit",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerCancelApplication,
        Post,
        "/api/producer/applications/{id}/cancel",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerDeleteApplication,
        Post,
        "/api/producer/applications/{id}/delete",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerAnswerApplication,
        Post,
        "/api/producer/applications/{id}/answer",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerUploadAttachment,
        Post,
        "/api/producer/applications/{id}/attachments",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerAttachment,
        Get,
        "/api/producer/attachments/{id}",
        Requires(Action::ProducerApply),
    ),
    route(
        R::ProducerDeleteAttachment,
        Post,
        "/api/producer/attachments/{id}/delete",
        Requires(Action::ProducerApply),
    ),
    route(
        R::StaffApplications,
        Get,
        "/api/staff/applications",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffApplication,
        Get,
        "/api/staff/applications/{id}",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffTakeApplication,
        Post,
        "/api/staff/applications/{id}/take",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffHandOverApplication,
        Post,
        "/api/staff/applications/{id}/hand-over",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffReleaseApplication,
        Post,
        "/api/staff/applications/{id}/release",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffAskApplicant,
        Post,
        "/api/staff/applications/{id}/ask",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffApproveApplication,
        Post,
        "/api/staff/applications/{id}/approve",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffRejectApplication,
        Post,
        "/api/staff/applications/{id}/reject",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffAttachment,
        Get,
        "/api/staff/attachments/{id}",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffApprovals,
        Get,
        "/api/staff/approvals",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffSuperviseApproval,
        Post,
        "/api/staff/approvals/supervise",
        Requires(Action::StaffHandleProducers),
    ),
    route(
        R::StaffDeliveries,
        Get,
        "/api/staff/deliveries",
        Requires(Action::StaffReviewDeliveries),
    ),
    route(
        R::StaffReleaseDelivery,
        Post,
        "/api/staff/deliveries/{id}/release",
        Requires(Action::StaffReviewDeliveries),
    ),
    route(
        R::CitizenApplications,
        Get,
        "/api/citizen/applications",
        Requires(Action::ViewOwnApplications),
    ),
    route(
        R::CitizenStartApplication,
        Post,
        "/api/citizen/applications",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenApplication,
        Get,
        "/api/citizen/applications/{id}",
        Requires(Action::ViewOwnApplications),
    ),
    route(
        R::CitizenSaveApplication,
        Post,
        "/api/citizen/applications/{id}",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenSendApplication,
        Post,
        "/api/citizen/applications/{id}/send",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenCancelApplication,
        Post,
        "/api/citizen/applications/{id}/cancel",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenAnswerApplication,
        Post,
        "/api/citizen/applications/{id}/answer",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenResendConsent,
        Post,
        "/api/citizen/consent-requests/{id}/resend",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenConsentRequests,
        Get,
        "/api/citizen/consent-requests",
        Requires(Action::ViewConsentRequests),
    ),
    route(
        R::CitizenConsentRequest,
        Get,
        "/api/citizen/consent-requests/{id}",
        Requires(Action::ViewOwnApplications),
    ),
    route(
        R::CitizenAnswerConsent,
        Post,
        "/api/citizen/consent-requests/{id}/answer",
        Requires(Action::AnswerConsent),
    ),
    route(
        R::StaffResidentApplications,
        Get,
        "/api/staff/resident-applications",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffResidentApplication,
        Get,
        "/api/staff/resident-applications/{id}",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffTakeResidentApplication,
        Post,
        "/api/staff/resident-applications/{id}/take",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffHandOverResidentApplication,
        Post,
        "/api/staff/resident-applications/{id}/hand-over",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffReleaseResidentApplication,
        Post,
        "/api/staff/resident-applications/{id}/release",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffAskResident,
        Post,
        "/api/staff/resident-applications/{id}/ask",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffRejectResidentApplication,
        Post,
        "/api/staff/resident-applications/{id}/reject",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::CitizenRefuseVoucher,
        Post,
        "/api/citizen/vouchers/{id}/refuse",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenUploadApplicationFile,
        Post,
        "/api/citizen/applications/{id}/attachments",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::CitizenApplicationFile,
        Get,
        "/api/citizen/attachments/{id}",
        Requires(Action::ViewOwnApplications),
    ),
    route(
        R::CitizenDeleteApplicationFile,
        Post,
        "/api/citizen/attachments/{id}/delete",
        Requires(Action::ApplyForVoucher),
    ),
    route(
        R::StaffResidentAttachment,
        Get,
        "/api/staff/resident-attachments/{id}",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffAskConsent,
        Post,
        "/api/staff/resident-applications/{id}/ask-consent",
        Requires(Action::StaffDecideVouchers),
    ),
    route(
        R::StaffSettlements,
        Get,
        "/api/staff/settlements",
        Requires(Action::StaffViewSettlements),
    ),
    route(
        R::StaffGatherSettlements,
        Post,
        "/api/staff/settlements/gather",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffPaymentFile,
        Get,
        "/api/staff/settlements/payment-file",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffWritePaymentFile,
        Post,
        "/api/staff/settlements/payment-file",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffLedger,
        Get,
        "/api/staff/settlements/ledger",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffSettlement,
        Get,
        "/api/staff/settlements/{id}",
        Requires(Action::StaffViewSettlements),
    ),
    route(
        R::StaffHoldSettlementEvent,
        Post,
        "/api/staff/settlements/{id}/hold",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffReleaseSettlementEvent,
        Post,
        "/api/staff/settlements/{id}/release",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffConfirmSettlement,
        Post,
        "/api/staff/settlements/{id}/confirm",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffPaySettlement,
        Post,
        "/api/staff/settlements/{id}/paid",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffProducerAccounts,
        Get,
        "/api/staff/producer-accounts",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffConfirmProducerAccount,
        Post,
        "/api/staff/producer-accounts/{id}/confirm",
        Requires(Action::StaffSettle),
    ),
    route(
        R::StaffRejectProducerAccount,
        Post,
        "/api/staff/producer-accounts/{id}/reject",
        Requires(Action::StaffSettle),
    ),
    route(
        R::ProducerStatements,
        Get,
        "/api/producer/statements",
        Requires(Action::ProducerViewStatements),
    ),
    route(
        R::ProducerStatement,
        Get,
        "/api/producer/statements/{id}",
        Requires(Action::ProducerViewStatements),
    ),
    route(
        R::ProducerAccount,
        Get,
        "/api/producer/account",
        Requires(Action::ProducerViewStatements),
    ),
    route(
        R::ProducerSetAccount,
        Post,
        "/api/producer/account",
        Requires(Action::ProducerSetAccount),
    ),
    route(
        R::StaffProductionReport,
        Get,
        "/api/staff/reports/production",
        Requires(Action::StaffViewSettlements),
    ),
    route(
        R::StaffBudgetReport,
        Get,
        "/api/staff/reports/budget",
        Requires(Action::StaffViewSettlements),
    ),
    route(
        R::StaffAuthorisations,
        Get,
        "/api/staff/authorisations",
        Requires(Action::StaffViewAuthorisations),
    ),
    route(
        R::StaffAddAuthorisation,
        Post,
        "/api/staff/authorisations",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffEditAuthorisation,
        Post,
        "/api/staff/authorisations/{id}",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationMap,
        Get,
        "/api/staff/authorisations/map",
        Requires(Action::StaffViewAuthorisations),
    ),
    route(
        R::StaffSetAuthorisationMap,
        Post,
        "/api/staff/authorisations/map",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationReport,
        Get,
        "/api/staff/authorisations/report",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffOrderAuthorisation,
        Post,
        "/api/staff/authorisation-orders",
        Requires(Action::StaffOrderAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrders,
        Get,
        "/api/staff/authorisation-orders",
        Requires(Action::StaffViewAuthorisations),
    ),
    route(
        R::StaffAuthorisationQueue,
        Get,
        "/api/staff/authorisation-orders/queue",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrder,
        Get,
        "/api/staff/authorisation-orders/{id}",
        Requires(Action::StaffViewAuthorisations),
    ),
    route(
        R::StaffTakeAuthorisationOrder,
        Post,
        "/api/staff/authorisation-orders/{id}/take",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffReleaseAuthorisationOrder,
        Post,
        "/api/staff/authorisation-orders/{id}/release",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffHandOverAuthorisationOrder,
        Post,
        "/api/staff/authorisation-orders/{id}/hand-over",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrderWaitDvv,
        Post,
        "/api/staff/authorisation-orders/{id}/wait-dvv",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrderDvvGranted,
        Post,
        "/api/staff/authorisation-orders/{id}/dvv-granted",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrderDvvRefused,
        Post,
        "/api/staff/authorisation-orders/{id}/dvv-refused",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationOrderDone,
        Post,
        "/api/staff/authorisation-orders/{id}/done",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffRejectAuthorisationOrder,
        Post,
        "/api/staff/authorisation-orders/{id}/reject",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationHoldings,
        Get,
        "/api/staff/authorisation-holdings",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAddAuthorisationHolding,
        Post,
        "/api/staff/authorisation-holdings",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffImportAuthorisationHoldings,
        Post,
        "/api/staff/authorisation-holdings/import",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffAuthorisationHoldingLeaving,
        Post,
        "/api/staff/authorisation-holdings/{id}/leaving",
        Requires(Action::StaffAdministerAuthorisations),
    ),
    route(
        R::StaffEndAuthorisationHolding,
        Post,
        "/api/staff/authorisation-holdings/{id}/end",
        Requires(Action::StaffAdministerAuthorisations),
    ),
];

/// What a method and path resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'a> {
    /// The route, with the path's placeholder values in order.
    Found(&'static Route, Vec<&'a str>),
    /// The path exists, with other methods: the `Allow` header's value.
    MethodNotAllowed(String),
    NotFound,
}

/// The placeholder values of `path` if it matches `pattern`, and how many literal segments
/// matched (the more, the more specific).
fn matches<'a>(pattern: &str, path: &'a str) -> Option<(Vec<&'a str>, usize)> {
    let mut wanted = pattern.trim_matches('/').split('/');
    let mut given = path.trim_matches('/').split('/');
    let mut params = Vec::new();
    let mut literals = 0;
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some((params, literals)),
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') && !g.is_empty() => {
                params.push(g)
            }
            (Some(w), Some(g)) if w == g => literals += 1,
            _ => return None,
        }
    }
}

/// Resolves a request. `head` is `GET` without a body: it resolves like `GET`.
pub fn resolve<'a>(method: Option<RouteMethod>, path: &'a str) -> Resolved<'a> {
    let candidates: Vec<(&'static Route, Vec<&'a str>, usize)> = ROUTES
        .iter()
        .filter_map(|r| matches(r.path, path).map(|(params, literals)| (r, params, literals)))
        .collect();
    let Some(best) = candidates.iter().map(|(_, _, literals)| *literals).max() else {
        return Resolved::NotFound;
    };
    let mut allowed: Vec<RouteMethod> = Vec::new();
    for (route, params, literals) in candidates {
        if literals != best {
            continue;
        }
        if Some(route.method) == method {
            return Resolved::Found(route, params);
        }
        allowed.push(route.method);
    }
    let mut names: Vec<&str> = Vec::new();
    for m in [Get, Post] {
        if allowed.contains(&m) {
            names.push(m.as_str());
            if m == Get {
                names.push("HEAD");
            }
        }
    }
    Resolved::MethodNotAllowed(names.join(", "))
}

/// The row of a route.
pub fn route_of(id: RouteId) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_resolves_to_itself() {
        for route in ROUTES {
            let path = route.path.replace("{id}", "12");
            match resolve(Some(route.method), &path) {
                Resolved::Found(found, _) => assert_eq!(found.id, route.id, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }

    #[test]
    fn each_route_id_has_exactly_one_row() {
        for route in ROUTES {
            assert_eq!(
                ROUTES.iter().filter(|r| r.id == route.id).count(),
                1,
                "{:?}",
                route.id
            );
            assert_eq!(
                ROUTES
                    .iter()
                    .filter(|r| r.path == route.path && r.method == route.method)
                    .count(),
                1,
                "{}",
                route.path
            );
        }
    }

    #[test]
    fn placeholders_capture_one_segment() {
        let Resolved::Found(route, params) = resolve(Some(Post), "/api/producer/events/41/correct")
        else {
            panic!("not found")
        };
        assert_eq!(route.id, RouteId::ProducerCorrectEvent);
        assert_eq!(params, vec!["41"]);
        assert_eq!(
            resolve(Some(Get), "/api/public/producers/"),
            Resolved::NotFound
        );
        assert_eq!(
            resolve(Some(Get), "/api/public/producers/1/extra"),
            Resolved::NotFound
        );
    }

    #[test]
    fn a_literal_segment_wins_over_a_placeholder() {
        assert!(matches!(
            resolve(Some(Post), "/api/producer/vouchers/lookup"),
            Resolved::Found(r, _) if r.id == RouteId::ProducerLookUpVoucher
        ));
        // GET on the literal path is not the voucher with id "lookup".
        assert_eq!(
            resolve(Some(Get), "/api/producer/vouchers/lookup"),
            Resolved::MethodNotAllowed("POST".into())
        );
    }

    #[test]
    fn a_known_path_with_another_method_names_the_allowed_ones() {
        assert_eq!(
            resolve(Some(Post), "/api/public/offers"),
            Resolved::MethodNotAllowed("GET, HEAD".into())
        );
        assert_eq!(
            resolve(None, "/api/citizen/feedback"),
            Resolved::MethodNotAllowed("GET, HEAD, POST".into())
        );
        assert_eq!(resolve(Some(Get), "/api/nothing"), Resolved::NotFound);
    }
}
