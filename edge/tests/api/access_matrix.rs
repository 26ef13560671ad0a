//! The access matrix: every route of the route table × every kind of caller, over the
//! real router with real session cookies (logins through the identification flow, choices
//! through the Valtuudet mock), asserting the status each gets. The expectations are one
//! exhaustive `match` over the route ids, so a route added to the table without a row here
//! does not compile; a row whose route is missing from the table fails.

use crate::helpers::{cast, Mocks, Session, TestApp, TestResponse, PUBLIC_URL};
use seteli_domain::routes::{RouteId, RouteMethod, ROUTES};
use seteli_edge::http::Method;

/// The kinds of caller, in the order of each row of [`expected`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Visitor,
    Citizen,
    /// Anni for her child Eetu (Valtuudet, guardian).
    Guardian,
    /// Anni for Eeva-Liisa (Valtuudet, a mandate with both issues).
    Mandate,
    /// Karl-Johan for Eeva-Liisa, registered by Porvoo.
    RegisteredProxy,
    /// Karl-Johan for Hoivapalvelu Aurinko Oy (approved).
    Producer,
    /// Anni for Rova Oy, whose approval was withdrawn.
    WithdrawnProducer,
    CustomerService,
    AuthorisationAdmin,
    /// Helsinki's customer service (another organiser than Porvoo's).
    OtherMunicipalityStaff,
    /// Itä-Uusimaa's producer handler.
    ProducerHandler,
    /// Helsinki's producer handler.
    OtherProducerHandler,
    /// Itä-Uusimaa's finance.
    Finance,
    /// Helsinki's finance.
    OtherFinance,
}

const CALLERS: [Caller; 14] = [
    Caller::Visitor,
    Caller::Citizen,
    Caller::Guardian,
    Caller::Mandate,
    Caller::RegisteredProxy,
    Caller::Producer,
    Caller::WithdrawnProducer,
    Caller::CustomerService,
    Caller::AuthorisationAdmin,
    Caller::OtherMunicipalityStaff,
    Caller::ProducerHandler,
    Caller::OtherProducerHandler,
    Caller::Finance,
    Caller::OtherFinance,
];

/// The sample request for a route: its path (placeholders filled in) and body.
fn sample(id: RouteId) -> (&'static str, serde_json::Value) {
    use serde_json::json;
    let none = serde_json::Value::Null;
    match id {
        RouteId::PublicMunicipalities => ("/api/public/municipalities", none),
        RouteId::PublicServices => ("/api/public/services", none),
        RouteId::PublicOffers => (
            "/api/public/offers?municipality=638&service=home-care",
            none,
        ),
        RouteId::PublicProducer => ("/api/public/producers/1", none),
        RouteId::AuthLogin => ("/api/auth/login?return_to=/", none),
        RouteId::AuthCallback => ("/api/auth/callback?code=x&state=y", none),
        RouteId::AuthLogout => ("/api/auth/logout", json!({})),
        RouteId::AuthMe => ("/api/auth/me", none),
        RouteId::CitizenVouchers => ("/api/citizen/vouchers", none),
        RouteId::CitizenVoucher => ("/api/citizen/vouchers/10", none),
        RouteId::CitizenFeedback => ("/api/citizen/feedback", none),
        RouteId::CitizenGiveFeedback => (
            "/api/citizen/feedback",
            json!({"voucher_id": 10, "producer_id": 1, "body": "Kiitos"}),
        ),
        RouteId::CitizenAnswerSurvey => (
            "/api/citizen/surveys",
            json!({"voucher_id": 10, "producer_id": 1, "overall": 5, "punctuality": 5,
                "staff": 5, "information": 5}),
        ),
        RouteId::CitizenTrail => ("/api/citizen/trail", none),
        RouteId::CitizenMessages => ("/api/citizen/messages", none),
        RouteId::OnBehalfStart => ("/api/on-behalf/start?for=child", none),
        RouteId::ValtuudetCallback => ("/api/valtuudet/callback?code=x&state=y", none),
        RouteId::OnBehalfRegistered => ("/api/on-behalf/registered", none),
        RouteId::OnBehalfActForRegistered => {
            ("/api/on-behalf/registered", json!({"customer_id": 1}))
        }
        RouteId::OnBehalfStop => ("/api/on-behalf/stop", json!({})),
        RouteId::ProducerHome => ("/api/producer/home", none),
        RouteId::ProducerPrices => ("/api/producer/prices", none),
        RouteId::ProducerSetPrice => (
            "/api/producer/prices",
            json!({"municipality_code": "638", "service_code": "home-care",
                "valid_from": "2026-12-01", "price_cents": 3900}),
        ),
        RouteId::ProducerLookUpVoucher => ("/api/producer/vouchers/lookup", none),
        RouteId::ProducerVoucher => ("/api/producer/vouchers/10", none),
        RouteId::ProducerLogEvent => (
            "/api/producer/events",
            json!({"voucher_id": 10, "idempotency_key": "matrix-0001", "service_date": "2026-11-20",
                "units_x100": 100, "description": "Käynti"}),
        ),
        RouteId::ProducerCancelEvent => ("/api/producer/events/100/cancel", json!({})),
        RouteId::ProducerCorrectEvent => (
            "/api/producer/events/100/correct",
            json!({"idempotency_key": "matrix-0002", "service_date": "2026-11-02",
                "units_x100": 100, "description": "Korjattu"}),
        ),
        RouteId::ProducerFeedback => ("/api/producer/feedback", none),
        RouteId::ProducerReply => ("/api/producer/feedback/1/reply", json!({"body": "Kiitos"})),
        RouteId::ProducerAnswerDispute => (
            "/api/producer/events/100/answer",
            json!({"body": "Käynti tehtiin"}),
        ),
        RouteId::CitizenDecision => ("/api/citizen/decisions/1", none),
        RouteId::CitizenAccessLog => ("/api/citizen/access-log", none),
        RouteId::StaffDesk => ("/api/staff/desk", none),
        RouteId::StaffSearchCustomers => (
            "/api/staff/customers/search",
            json!({"hetu": cast::person("Eeva-Liisa").code()}),
        ),
        RouteId::StaffCreateCustomer => (
            "/api/staff/customers",
            json!({"hetu": cast::person("Mikko").code(), "given_name": "Mikko", "family_name": "Kumpulainen",
                "municipality_code": "638"}),
        ),
        RouteId::StaffCustomer => ("/api/staff/customers/1", none),
        RouteId::StaffRevealHetu => ("/api/staff/customers/1/reveal", json!({})),
        RouteId::StaffUpdateContact => (
            "/api/staff/customers/1/contact",
            json!({"address": {"street_address": "Mannerheiminkatu 12 B 7", "postal_code": "06100",
                "post_office": "Porvoo"}, "non_disclosure": false}),
        ),
        RouteId::StaffRecordAssessment => (
            "/api/staff/customers/1/assessments",
            json!({"assessed_on": "2026-11-20", "assessor": "Sari Virtanen", "service_code": "home-care",
                "summary": "Tarvitsee apua aamuisin", "outcome": "voucher"}),
        ),
        RouteId::StaffRegisterProxy => (
            "/api/staff/customers/2/proxy",
            json!({"hetu": cast::person("Mikko").code(), "given_name": "Mikko", "family_name": "Kumpulainen",
                "basis": "power_of_attorney", "scope": ["view_vouchers"], "evidence": "Valtakirja",
                "valid_from": "2026-11-21", "valid_until": "2027-11-20"}),
        ),
        RouteId::StaffEndProxy => (
            "/api/staff/customers/1/proxy/end",
            json!({"reason": "Valtakirja peruttu"}),
        ),
        RouteId::StaffDraftDecision => (
            "/api/staff/decisions",
            json!({"customer_id": 1, "assessment_id": 1, "service_code": "home-care", "unit_value_cents": 3200,
                "granted_units": 20, "valid_from": "2026-12-01", "valid_until": "2027-05-31"}),
        ),
        RouteId::StaffDecision => ("/api/staff/decisions/1", none),
        RouteId::StaffDecide => ("/api/staff/decisions/2/decide", json!({})),
        RouteId::StaffDeliver => ("/api/staff/decisions/1/deliver", json!({"via": "post"})),
        RouteId::StaffEndVoucher => (
            "/api/staff/vouchers/10/end",
            json!({"end_on": "2026-12-15", "reason": "Muutti pois kunnasta"}),
        ),
        RouteId::StaffAnnulVoucher => ("/api/staff/vouchers/20/annul", json!({"reason": "Virhe"})),
        RouteId::StaffEvents => ("/api/staff/events?from=2026-11-01", none),
        RouteId::StaffCheckEvent => (
            "/api/staff/events/100/check",
            json!({"status": "disputed", "note": "Asiakas oli sairaalassa"}),
        ),
        RouteId::ProducerApplications => ("/api/producer/applications", none),
        RouteId::ProducerStartApplication => (
            "/api/producer/applications",
            json!({"municipality_code": "638", "services": ["cleaning"]}),
        ),
        RouteId::ProducerApplication => ("/api/producer/applications/1", none),
        RouteId::ProducerSaveApplication => (
            "/api/producer/applications/1",
            json!({"services": [{"service_code": "cleaning", "unit": "hour", "price_cents": 3900,
                "valid_from": "2026-12-01"}], "description_fi": "Siivous"}),
        ),
        RouteId::ProducerSubmitApplication => ("/api/producer/applications/1/submit", json!({})),
        RouteId::ProducerCancelApplication => ("/api/producer/applications/1/cancel", json!({})),
        RouteId::ProducerDeleteApplication => ("/api/producer/applications/1/delete", json!({})),
        RouteId::ProducerAnswerApplication => (
            "/api/producer/applications/1/answer",
            json!({"comment": "Liitteet lisätty"}),
        ),
        RouteId::ProducerUploadAttachment => (
            "/api/producer/applications/1/attachments?name=suunnitelma.pdf",
            json!({}),
        ),
        RouteId::ProducerAttachment => ("/api/producer/attachments/1", none),
        RouteId::ProducerDeleteAttachment => ("/api/producer/attachments/1/delete", json!({})),
        RouteId::StaffApplications => ("/api/staff/applications", none),
        RouteId::StaffApplication => ("/api/staff/applications/1", none),
        RouteId::StaffTakeApplication => ("/api/staff/applications/1/take", json!({})),
        RouteId::StaffHandOverApplication => (
            "/api/staff/applications/1/hand-over",
            json!({"to": "tuottajahyvaksyja"}),
        ),
        RouteId::StaffReleaseApplication => ("/api/staff/applications/1/release", json!({})),
        RouteId::StaffAskApplicant => (
            "/api/staff/applications/1/ask",
            json!({"missing": ["Omavalvontasuunnitelma"], "deadline": "2026-12-05"}),
        ),
        RouteId::StaffApproveApplication => ("/api/staff/applications/1/approve", json!({})),
        RouteId::StaffRejectApplication => (
            "/api/staff/applications/1/reject",
            json!({"comment": "Vakuutus puuttuu"}),
        ),
        RouteId::StaffAttachment => ("/api/staff/attachments/1", none),
        RouteId::StaffApprovals => ("/api/staff/approvals", none),
        RouteId::StaffSuperviseApproval => (
            "/api/staff/approvals/supervise",
            json!({"producer_id": 1, "municipality_code": "638", "service_code": "home-care",
                "step": {"kind": "suspend"}, "reason": "Valvontakäynnin havainnot"}),
        ),
        RouteId::StaffDeliveries => ("/api/staff/deliveries", none),
        RouteId::StaffReleaseDelivery => ("/api/staff/deliveries/1/release", json!({})),
        RouteId::CitizenApplications => ("/api/citizen/applications", none),
        RouteId::CitizenStartApplication => ("/api/citizen/applications", json!({})),
        RouteId::CitizenApplication => ("/api/citizen/applications/2", none),
        RouteId::CitizenSaveApplication => ("/api/citizen/applications/2", json!({})),
        RouteId::CitizenSendApplication => ("/api/citizen/applications/2/send", json!({})),
        RouteId::CitizenCancelApplication => ("/api/citizen/applications/2/cancel", json!({})),
        RouteId::CitizenAnswerApplication => (
            "/api/citizen/applications/2/answer",
            json!({"comment": "Lausunto liitteenä"}),
        ),
        RouteId::CitizenResendConsent => ("/api/citizen/consent-requests/2/resend", json!({})),
        RouteId::CitizenConsentRequests => ("/api/citizen/consent-requests", none),
        RouteId::CitizenConsentRequest => ("/api/citizen/consent-requests/2", none),
        RouteId::CitizenAnswerConsent => (
            "/api/citizen/consent-requests/2/answer",
            json!({"consent": true}),
        ),
        RouteId::StaffResidentApplications => ("/api/staff/resident-applications", none),
        RouteId::CitizenRefuseVoucher => ("/api/citizen/vouchers/10/refuse", json!({})),
        RouteId::CitizenUploadApplicationFile => (
            "/api/citizen/applications/2/attachments?name=lausunto.pdf",
            json!({}),
        ),
        RouteId::CitizenApplicationFile => ("/api/citizen/attachments/2", none),
        RouteId::CitizenDeleteApplicationFile => ("/api/citizen/attachments/2/delete", json!({})),
        RouteId::StaffResidentAttachment => ("/api/staff/resident-attachments/2", none),
        RouteId::StaffAskConsent => (
            "/api/staff/resident-applications/2/ask-consent",
            json!({"given_name": "Karl-Johan", "family_name": "Nyström",
                "hetu": cast::person("Karl-Johan").code()}),
        ),
        RouteId::StaffSettlements => ("/api/staff/settlements?month=2026-10", none),
        RouteId::StaffGatherSettlements => {
            ("/api/staff/settlements/gather", json!({"month": "2026-10"}))
        }
        RouteId::StaffPaymentFile => (
            "/api/staff/settlements/payment-file?message=SETELI-2026-10-1",
            none,
        ),
        RouteId::StaffWritePaymentFile => (
            "/api/staff/settlements/payment-file",
            json!({"month": "2026-10"}),
        ),
        RouteId::StaffLedger => ("/api/staff/settlements/ledger?month=2026-10", none),
        RouteId::StaffSettlement => ("/api/staff/settlements/1", none),
        RouteId::StaffHoldSettlementEvent => (
            "/api/staff/settlements/1/hold",
            json!({"event_id": 100, "reason": "Käynti kiistetty"}),
        ),
        RouteId::StaffReleaseSettlementEvent => {
            ("/api/staff/settlements/1/release", json!({"event_id": 100}))
        }
        RouteId::StaffConfirmSettlement => ("/api/staff/settlements/1/confirm", json!({})),
        RouteId::StaffPaySettlement => (
            "/api/staff/settlements/1/paid",
            json!({"paid_on": "2026-11-20", "reference": "ARK-20261120-1"}),
        ),
        RouteId::StaffProducerAccounts => ("/api/staff/producer-accounts", none),
        RouteId::StaffConfirmProducerAccount => {
            ("/api/staff/producer-accounts/2/confirm", json!({}))
        }
        RouteId::StaffRejectProducerAccount => ("/api/staff/producer-accounts/2/reject", json!({})),
        RouteId::ProducerStatements => ("/api/producer/statements", none),
        RouteId::ProducerStatement => ("/api/producer/statements/1", none),
        RouteId::ProducerAccount => ("/api/producer/account", none),
        RouteId::ProducerSetAccount => (
            "/api/producer/account",
            json!({"iban": "FI21 1234 5600 0007 85"}),
        ),
        RouteId::StaffProductionReport => (
            "/api/staff/reports/production?from=2026-01&to=2026-11",
            none,
        ),
        RouteId::StaffBudgetReport => ("/api/staff/reports/budget?year=2026", none),
        RouteId::StaffAuthorisations => ("/api/staff/authorisations", none),
        RouteId::StaffAddAuthorisation => (
            "/api/staff/authorisations",
            json!({"kind": "act", "name": {"fi": "Palkkatuen hakeminen", "sv": "Ansökan om lönesubvention", "en": "Applying for pay subsidy"},
                "agency": {"fi": "KEHA-keskus", "sv": "KEHA-centret", "en": "KEHA Centre"},
                "service": {"fi": "Työnantajan asiointi", "sv": "Arbetsgivarens tjänster", "en": "Employer services"},
                "issue_code": "", "why": {"fi": "", "sv": "", "en": ""}, "held": true}),
        ),
        RouteId::StaffEditAuthorisation => (
            "/api/staff/authorisations/1",
            json!({"kind": "act", "name": {"fi": "Palkkatuen hakeminen", "sv": "Ansökan om lönesubvention", "en": "Applying for pay subsidy"},
                "agency": {"fi": "KEHA-keskus", "sv": "KEHA-centret", "en": "KEHA Centre"},
                "service": {"fi": "Työnantajan asiointi", "sv": "Arbetsgivarens tjänster", "en": "Employer services"},
                "issue_code": "", "why": {"fi": "", "sv": "", "en": ""}, "held": true}),
        ),
        RouteId::StaffAuthorisationMap => (
            "/api/staff/authorisations/map?department=sosiaalipalvelut",
            none,
        ),
        RouteId::StaffSetAuthorisationMap => (
            "/api/staff/authorisations/map",
            json!({"by": "job_title", "code": "asiakasohjaaja", "authorisations": [1, 2]}),
        ),
        RouteId::StaffAuthorisationReport => ("/api/staff/authorisations/report", none),
        RouteId::StaffOrderAuthorisation => (
            "/api/staff/authorisation-orders",
            json!({"path": "held", "given_name": "Sari Helena", "family_name": "Virtanen",
                "hetu": cast::person("Mikko").code(), "department": "sosiaalipalvelut",
                "job_title": "asiakasohjaaja", "authorisations": [1],
                "justification": "Toimeentulotuen päätökset", "email": "sari.virtanen@porvoo.example"}),
        ),
        RouteId::StaffAuthorisationOrders => ("/api/staff/authorisation-orders", none),
        RouteId::StaffAuthorisationQueue => ("/api/staff/authorisation-orders/queue", none),
        RouteId::StaffAuthorisationOrder => ("/api/staff/authorisation-orders/3", none),
        RouteId::StaffTakeAuthorisationOrder => {
            ("/api/staff/authorisation-orders/3/take", json!({}))
        }
        RouteId::StaffReleaseAuthorisationOrder => {
            ("/api/staff/authorisation-orders/4/release", json!({}))
        }
        RouteId::StaffHandOverAuthorisationOrder => (
            "/api/staff/authorisation-orders/4/hand-over",
            json!({"to": "toinen-hallinnoija"}),
        ),
        RouteId::StaffAuthorisationOrderWaitDvv => (
            "/api/staff/authorisation-orders/4/wait-dvv",
            json!({"dvv_reference": "DVV/123/2026"}),
        ),
        RouteId::StaffAuthorisationOrderDvvGranted => (
            "/api/staff/authorisation-orders/5/dvv-granted",
            json!({"granted_on": "2026-11-20"}),
        ),
        RouteId::StaffAuthorisationOrderDvvRefused => (
            "/api/staff/authorisation-orders/5/dvv-refused",
            json!({"comment": "DVV:n mukaan valtuus ei kuulu organisaatiolle"}),
        ),
        RouteId::StaffAuthorisationOrderDone => (
            "/api/staff/authorisation-orders/6/done",
            json!({"done_on": "2026-11-20", "valid_until": "2027-11-20"}),
        ),
        RouteId::StaffRejectAuthorisationOrder => (
            "/api/staff/authorisation-orders/6/reject",
            json!({"comment": "Ei tarvita tehtävässä"}),
        ),
        RouteId::StaffAuthorisationHoldings => ("/api/staff/authorisation-holdings", none),
        RouteId::StaffAddAuthorisationHolding => (
            "/api/staff/authorisation-holdings",
            json!({"authorisation_id": 1, "given_name": "Sari Helena", "family_name": "Virtanen",
                "hetu": cast::person("Anni").code(), "department": "sosiaalipalvelut",
                "job_title": "asiakasohjaaja", "since": "2024-03-01", "until": "2027-02-28"}),
        ),
        RouteId::StaffImportAuthorisationHoldings => (
            "/api/staff/authorisation-holdings/import",
            json!({"csv": format!("Etunimet;Sukunimi;Henkilötunnus;Toimiala;Nimike;Valtuus;Alkaen\n\
                Sari Helena;Virtanen;{};sosiaalipalvelut;asiakasohjaaja;1;1.3.2024\n",
                cast::person("Anni").code()), "enter": true}),
        ),
        RouteId::StaffAuthorisationHoldingLeaving => (
            "/api/staff/authorisation-holdings/1/leaving",
            json!({"leaving_on": "2026-12-31"}),
        ),
        RouteId::StaffEndAuthorisationHolding => (
            "/api/staff/authorisation-holdings/1/end",
            json!({"ended_on": "2026-11-20"}),
        ),
        RouteId::StaffResidentApplication => ("/api/staff/resident-applications/2", none),
        RouteId::StaffTakeResidentApplication => {
            ("/api/staff/resident-applications/2/take", json!({}))
        }
        RouteId::StaffHandOverResidentApplication => (
            "/api/staff/resident-applications/2/hand-over",
            json!({"to": "asiakaspalvelu"}),
        ),
        RouteId::StaffReleaseResidentApplication => {
            ("/api/staff/resident-applications/2/release", json!({}))
        }
        RouteId::StaffAskResident => (
            "/api/staff/resident-applications/2/ask",
            json!({"missing": ["Lausunto"], "deadline": "2026-12-05"}),
        ),
        RouteId::StaffRejectResidentApplication => (
            "/api/staff/resident-applications/2/reject",
            json!({"comment": "Perustelut"}),
        ),
        RouteId::StaffIncomeTables => ("/api/staff/income-tables", none),
        RouteId::StaffSetIncomeTable => (
            "/api/staff/income-tables",
            json!({"service_code": "home-care", "full_value_cents": 3200, "minimum_value_cents": 1200,
                "rows": [[1, 61200, 3500], [2, 112900, 2200]], "limit_step_cents": 39400,
                "reduction_step_basis_points": 100, "units_per_month": 60, "rounding_cents": 1}),
        ),
    }
}

/// The status each caller gets, in the order of [`CALLERS`]: visitor, citizen, guardian,
/// mandate, registered proxy, producer, withdrawn producer, customer service, authorisation
/// admin, another municipality's staff, producer handler, another municipality's producer
/// handler.
fn expected(id: RouteId) -> [u16; 14] {
    // Everyone alike.
    const ALL_200: [u16; 14] = [200; 14];
    // The customer's own pages: a login, then customers and those acting for them.
    const CUSTOMERS: [u16; 14] = [
        401, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403,
    ];
    // The producer's pages: only a company with an approval.
    const PRODUCERS: [u16; 14] = [
        401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403,
    ];
    // The organiser's lists: customer service of any organiser (each sees its own).
    const DESK_LISTS: [u16; 14] = [
        401, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 403, 403, 403,
    ];
    // Every employee, whatever their roles.
    const STAFF_ALL: [u16; 14] = [
        401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200,
    ];
    // One of Porvoo's customers' things: Itä-Uusimaa's customer service; Helsinki's 404.
    const DESK_ONE: [u16; 14] = [
        401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 403, 403, 403, 403,
    ];
    match id {
        RouteId::PublicMunicipalities
        | RouteId::PublicServices
        | RouteId::PublicOffers
        | RouteId::PublicProducer => ALL_200,
        // Login and its callback are browser navigations that always redirect (the callback
        // here has no login in progress: to the page that explains).
        RouteId::AuthLogin | RouteId::AuthCallback => [303; 14],
        RouteId::AuthLogout => [204; 14],
        RouteId::AuthMe => [
            401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
        ],
        RouteId::CitizenVouchers | RouteId::CitizenFeedback => CUSTOMERS,
        // Voucher 10 is Eeva-Liisa's: not the child's (404, as a missing one).
        RouteId::CitizenVoucher => [
            401, 200, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Feedback on voucher 10 for its producer: Eeva-Liisa herself and those acting for
        // her; for the child the voucher is not theirs.
        RouteId::CitizenGiveFeedback => [
            401, 201, 400, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // One answer a month per voucher and producer: Eeva-Liisa answers first, so those
        // acting for her after her are told it is answered (the check ran: they may act).
        RouteId::CitizenAnswerSurvey => [
            401, 201, 400, 409, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenTrail | RouteId::CitizenMessages => CUSTOMERS,
        // A page load: a visitor is sent to the page that asks to log in; a person goes on
        // to the Valtuudet selection page; staff never act for others.
        RouteId::OnBehalfStart => [
            303, 303, 303, 303, 303, 303, 303, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Without a choice in progress, everyone is sent to the page that explains.
        RouteId::ValtuudetCallback => [303; 14],
        RouteId::OnBehalfRegistered => [
            401, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Only Karl-Johan is Eeva-Liisa's registered proxy (also while acting for a company).
        RouteId::OnBehalfActForRegistered => [
            401, 403, 403, 403, 204, 204, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::OnBehalfStop => [
            401, 204, 204, 204, 204, 204, 204, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerHome | RouteId::ProducerPrices | RouteId::ProducerFeedback => PRODUCERS,
        RouteId::ProducerSetPrice => [
            401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // No body: the approved producer gets as far as reading it.
        RouteId::ProducerLookUpVoucher => [
            401, 403, 403, 403, 403, 400, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Voucher 10 is not linked to the producer yet: 404, as another producer's.
        RouteId::ProducerVoucher | RouteId::ProducerLogEvent => [
            401, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Event 100 was logged 19 days ago: locked.
        RouteId::ProducerCancelEvent | RouteId::ProducerCorrectEvent => [
            401, 403, 403, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerReply => [
            401, 403, 403, 403, 403, 404, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Event 100 is not disputed.
        RouteId::ProducerAnswerDispute => [
            401, 403, 403, 403, 403, 409, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Decision 1 is Eeva-Liisa's: not the child's.
        RouteId::CitizenDecision => [
            401, 200, 404, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenAccessLog => CUSTOMERS,
        // Every staff member has a desk.
        RouteId::StaffDesk => [
            401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200,
        ],
        // Customer service only; Helsinki's finds nobody of Porvoo's, and another
        // organiser's customer, decision, voucher or event is 404 as a missing one.
        RouteId::StaffSearchCustomers | RouteId::StaffEvents => DESK_LISTS,
        // Customer service and finance read their organiser's tables.
        RouteId::StaffIncomeTables => [
            401, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 403, 200, 200,
        ],
        // Helsinki does not organise Porvoo's services: the municipality is refused.
        RouteId::StaffCreateCustomer => [
            401, 403, 403, 403, 403, 403, 403, 201, 403, 400, 403, 403, 403, 403,
        ],
        RouteId::StaffCustomer
        | RouteId::StaffRevealHetu
        | RouteId::StaffDecision
        | RouteId::StaffDecide
        | RouteId::StaffDeliver
        | RouteId::StaffCheckEvent => DESK_ONE,
        RouteId::StaffUpdateContact
        | RouteId::StaffRegisterProxy
        | RouteId::StaffEndProxy
        | RouteId::StaffEndVoucher => [
            401, 403, 403, 403, 403, 403, 403, 204, 403, 404, 403, 403, 403, 403,
        ],
        RouteId::StaffRecordAssessment | RouteId::StaffDraftDecision => [
            401, 403, 403, 403, 403, 403, 403, 201, 403, 404, 403, 403, 403, 403,
        ],
        // Voucher 20 has an event: it can be ended, not annulled.
        RouteId::StaffAnnulVoucher => [
            401, 403, 403, 403, 403, 403, 403, 409, 403, 404, 403, 403, 403, 403,
        ],
        // Finance only, each its organiser's table.
        RouteId::StaffSetIncomeTable => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200,
        ],
        // Applying: any company a person acts for, approved or not; each reaches only its
        // own application 1 (Aurinko's, submitted: no longer the applicant's to edit).
        RouteId::ProducerApplications => [
            401, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerStartApplication => [
            401, 403, 403, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerApplication | RouteId::ProducerAttachment => [
            401, 403, 403, 403, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403,
        ],
        // A submitted application nobody has taken can still be withdrawn.
        RouteId::ProducerCancelApplication => [
            401, 403, 403, 403, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerSaveApplication
        | RouteId::ProducerSubmitApplication
        | RouteId::ProducerDeleteApplication
        | RouteId::ProducerAnswerApplication
        | RouteId::ProducerUploadAttachment
        | RouteId::ProducerDeleteAttachment => [
            401, 403, 403, 403, 403, 409, 404, 403, 403, 403, 403, 403, 403, 403,
        ],
        // The organiser's producer handlers only; Helsinki's sees its own (empty) lists and
        // none of Itä-Uusimaa's cases.
        RouteId::StaffApplications | RouteId::StaffApprovals => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 403, 403,
        ],
        RouteId::StaffApplication | RouteId::StaffAttachment | RouteId::StaffTakeApplication => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403,
        ],
        // Case 1 is in the queue, nobody's yet: nothing to release, hand over or decide.
        RouteId::StaffHandOverApplication
        | RouteId::StaffReleaseApplication
        | RouteId::StaffAskApplicant
        | RouteId::StaffApproveApplication
        | RouteId::StaffRejectApplication => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 404, 403, 403,
        ],
        // Customer service and producer handlers, each their organiser's (Helsinki's lists
        // are empty); message 1, held, is to Itä-Uusimaa's customer Eeva-Liisa: customer
        // service's to release, nobody else's.
        RouteId::StaffDeliveries => [
            401, 403, 403, 403, 403, 403, 403, 200, 403, 200, 200, 200, 403, 403,
        ],
        RouteId::StaffReleaseDelivery => [
            401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 404, 404, 403, 403,
        ],
        // Residents' applications: a customer's own and those acting for them (a mandate
        // or a registered proxy reads them; applying needs the application issue, which
        // neither Anni's mandate nor Karl-Johan's registration holds). Application 2 is
        // Eetu's, by Anni, waiting on Mikko's consent: Anni may withdraw it, not edit or
        // answer it; only Mikko, acting for Eetu, may consent.
        RouteId::CitizenApplications | RouteId::CitizenConsentRequests => CUSTOMERS,
        RouteId::CitizenStartApplication => [
            401, 201, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenApplication => [
            401, 404, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenCancelApplication => [
            401, 404, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Mikko's request is still pending: it is sent again only once it has expired.
        RouteId::CitizenResendConsent => [
            401, 404, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenSaveApplication
        | RouteId::CitizenSendApplication
        | RouteId::CitizenAnswerApplication => [
            401, 404, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenConsentRequest | RouteId::CitizenAnswerConsent => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Voucher 10 is Eeva-Liisa's, in force: she refuses it; it is not the child's; neither
        // Anni's mandate nor the registration holds the application issue.
        RouteId::CitizenRefuseVoucher => [
            401, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Application 2's file 2: Anni reads it; while the application waits on consent she
        // can neither add nor remove one.
        RouteId::CitizenApplicationFile => [
            401, 404, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::CitizenUploadApplicationFile | RouteId::CitizenDeleteApplicationFile => [
            401, 404, 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::StaffResidentAttachment => DESK_ONE,
        // Customer service's, each organiser its own; nobody has taken application 2 (it
        // waits on consent), so no handler's step fits it yet.
        RouteId::StaffResidentApplications => DESK_LISTS,
        RouteId::StaffResidentApplication => DESK_ONE,
        RouteId::StaffTakeResidentApplication
        | RouteId::StaffAskConsent
        | RouteId::StaffHandOverResidentApplication
        | RouteId::StaffReleaseResidentApplication
        | RouteId::StaffAskResident
        | RouteId::StaffRejectResidentApplication => [
            401, 403, 403, 403, 403, 403, 403, 409, 403, 404, 403, 403, 403, 403,
        ],
        // Aurinko's approval for home care in Porvoo: Itä-Uusimaa's to supervise.
        RouteId::StaffSuperviseApproval => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404, 403, 403,
        ],
        // Settlements: customer service and finance read their organiser's; finance alone
        // settles. Settlement 1 (Aurinko's October, confirmed) is Itä-Uusimaa's: it cannot
        // be held, released or confirmed again, only paid; Helsinki's finance finds nothing
        // of it, and has no account of its own configured for a payment file.
        RouteId::StaffSettlements | RouteId::StaffProductionReport | RouteId::StaffBudgetReport => {
            [
                401, 403, 403, 403, 403, 403, 403, 200, 403, 200, 403, 403, 200, 200,
            ]
        }
        RouteId::StaffSettlement => [
            401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 403, 403, 200, 404,
        ],
        RouteId::StaffGatherSettlements | RouteId::StaffLedger | RouteId::StaffProducerAccounts => {
            [
                401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200,
            ]
        }
        // Settlement 1 went out in file SETELI-2026-10-1 (Helsinki's finance has no such
        // file, nor an account of its own for one): nothing is left to write.
        RouteId::StaffPaymentFile => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 409,
        ],
        RouteId::StaffWritePaymentFile => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 409,
        ],
        RouteId::StaffHoldSettlementEvent
        | RouteId::StaffReleaseSettlementEvent
        | RouteId::StaffConfirmSettlement => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 409, 404,
        ],
        RouteId::StaffPaySettlement
        | RouteId::StaffConfirmProducerAccount
        | RouteId::StaffRejectProducerAccount => [
            401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404,
        ],
        // The company's own statements and account, also after its approvals ended (Rova's:
        // it has no statement, and settlement 1 is Aurinko's); entering a new account is for
        // those who bind the company (Karl-Johan chairs Aurinko's board; Anni sits on Rova's).
        RouteId::ProducerStatements | RouteId::ProducerAccount => [
            401, 403, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerStatement => [
            401, 403, 403, 403, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403,
        ],
        RouteId::ProducerSetAccount => [
            401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403, 403, 403, 403,
        ],
        // Every employee reads their organiser's catalogue and their own orders.
        RouteId::StaffAuthorisations | RouteId::StaffAuthorisationOrders => STAFF_ALL,
        // Social services is Itä-Uusimaa's department; Helsinki has none of that name.
        RouteId::StaffAuthorisationMap => [
            401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 200, 404, 200, 404,
        ],
        // Order 3 is Sari's (customer service): she and the administrator read it.
        RouteId::StaffAuthorisationOrder => [
            401, 403, 403, 403, 403, 403, 403, 200, 200, 404, 404, 404, 404, 404,
        ],
        // The sample orders for Sari herself: she may; Itä-Uusimaa's others may not order
        // for her, and Helsinki's staff find no such department.
        RouteId::StaffOrderAuthorisation => [
            401, 403, 403, 403, 403, 403, 403, 201, 403, 400, 403, 400, 403, 400,
        ],
        // The administrator's: order 3 submitted, 4 in progress (path 2), 5 waiting on DVV,
        // 6 in progress (path 1); holding 1 in force.
        RouteId::StaffAddAuthorisation
        | RouteId::StaffAddAuthorisationHolding
        | RouteId::StaffImportAuthorisationHoldings => admin(201),
        RouteId::StaffEditAuthorisation
        | RouteId::StaffSetAuthorisationMap
        | RouteId::StaffAuthorisationReport
        | RouteId::StaffAuthorisationQueue
        | RouteId::StaffTakeAuthorisationOrder
        | RouteId::StaffReleaseAuthorisationOrder
        | RouteId::StaffHandOverAuthorisationOrder
        | RouteId::StaffAuthorisationOrderWaitDvv
        | RouteId::StaffAuthorisationOrderDvvGranted
        | RouteId::StaffAuthorisationOrderDvvRefused
        | RouteId::StaffAuthorisationOrderDone
        | RouteId::StaffRejectAuthorisationOrder
        | RouteId::StaffAuthorisationHoldings
        | RouteId::StaffAuthorisationHoldingLeaving
        | RouteId::StaffEndAuthorisationHolding => admin(200),
    }
}

/// Itä-Uusimaa's authorisation administrator answered `status`; everyone else refused.
const fn admin(status: u16) -> [u16; 14] {
    [
        401, 403, 403, 403, 403, 403, 403, 403, status, 403, 403, 403, 403, 403,
    ]
}

/// Aurinko (1, approved) and Rova (2, approval withdrawn) for home care in Porvoo; the
/// customers Eeva-Liisa (voucher 10), Anni (20) and Eetu (30), each with one event by
/// Aurinko on 2 November (ids 100, 200, 300); Karl-Johan is Eeva-Liisa's registered proxy;
/// Eeva-Liisa's need assessment 1, decision 1 behind voucher 10 and draft decision 2.
fn app() -> TestApp<Mocks> {
    let app = TestApp::with_valtuudet();
    app.approved_company(1, cast::company("Aurinko"), 3600);
    app.approved_company(2, cast::company("Rova"), 3600);
    app.approval(2, "638", "home-care", "withdrawn");
    for (id, name) in [(1, "Eeva-Liisa"), (2, "Anni"), (3, "Eetu")] {
        app.customer_with_voucher(id, cast::person(name));
    }
    app.registered_proxy(1, cast::person("Karl-Johan"));
    // Decision 1 (decided) behind voucher 10 and draft 2, both on assessment 1.
    app.assessment(1, 1);
    app.decision(1, 1, 1, "decided", Some(10));
    app.decision(2, 1, 1, "draft", None);
    // Aurinko's application 1 for cleaning in Porvoo, submitted, with its file 1.
    app.porvoo_requirements("cleaning");
    app.application(1, 1, "cleaning", "submitted");
    // Eetu's application 2 by Anni, waiting on Mikko's consent (request 2).
    app.resident_application(
        2,
        3,
        (cast::person("Eetu"), cast::person("Anni")),
        "consenting",
        Some(cast::person("Mikko")),
    );
    app.attachment(2, 2, None);
    // Aurinko's October settlement 1, confirmed, with event 100; its account in effect and a
    // new one waiting (2); Itä-Uusimaa's own account configured.
    app.sql(
        "UPDATE organisers SET business_id = '3221331-4', payer_iban = 'FI2112345600000785'
             WHERE code = 'ita-uusimaa';
         INSERT INTO settlements (id, organiser_code, producer_id, month, state, gathered_at, events_cents,
                                  adjustments_cents, carried_in_cents, payable_cents, carried_out_cents,
                                  confirmed_at, confirmed_by_name)
             VALUES (1, 'ita-uusimaa', 1, '2026-10', 'confirmed', '2026-11-05T03:00:00Z', 3600, 0, 0,
                     3600, 0, '2026-11-06T09:00:00Z', 'Tiina Talous');
         UPDATE settlements SET payment_message_id = 'SETELI-2026-10-1',
                                exported_at = '2026-11-06T09:30:00Z' WHERE id = 1;
         INSERT INTO settlement_lines (settlement_id, event_id, kind, amount_cents, event_status,
                                       event_share_cents)
             VALUES (1, 100, 'event', 3600, 'recorded', 3600);
         INSERT INTO producer_accounts (id, producer_id, iban, entered_by_name, entered_at, status,
                                        decided_by, decided_by_name, decided_at, decided_organiser)
             VALUES (1, 1, 'FI6940550010200123', 'Karl-Johan', '2026-10-01T10:00:00Z', 'confirmed',
                     'talous', 'Tiina Talous', '2026-10-02T10:00:00Z', 'ita-uusimaa');
         INSERT INTO producer_accounts (id, producer_id, iban, entered_by_name, entered_at)
             VALUES (2, 1, 'FI4610203000012345', 'Karl-Johan', '2026-11-20T10:00:00Z');",
    );
    app.authorisation_fixtures();
    // Message 1 to Eeva-Liisa, held for review.
    app.sql(
        "INSERT INTO messages (id, customer_id, kind, actor_name, created_at, status, held_reason)
         VALUES (1, 1, 'voucher_decided', 'Itä-Uudenmaan hyvinvointialue', '2026-11-20T10:00:00Z',
                 'held', 'non_disclosure');",
    );
    app
}

/// A browser logged in as `caller` (none for a visitor), acting as the caller acts.
async fn caller(app: &TestApp<Mocks>, who: Caller) -> Option<Session<'_>> {
    let person = cast::person;
    let citizen = |name: &'static str| Session::citizen(app, person(name));
    let staff = |username: &'static str| Session::staff(app, cast::staff_user(username));
    let assert_landed = |landed: String| {
        assert!(
            landed.starts_with("/my/") || landed.starts_with("/producer"),
            "{who:?} landed on {landed}"
        );
    };
    let session = match who {
        Caller::Visitor => return None,
        Caller::Citizen => citizen("Eeva-Liisa").await,
        Caller::Guardian => {
            let anni = citizen("Anni").await;
            assert_landed(anni.act_for_child(person("Eetu")).await);
            anni
        }
        Caller::Mandate => {
            let anni = citizen("Anni").await;
            assert_landed(anni.act_for_adult(person("Eeva-Liisa")).await);
            anni
        }
        Caller::RegisteredProxy => {
            let karl_johan = citizen("Karl-Johan").await;
            let res = karl_johan.act_for_registered(1).await;
            assert_eq!(res.status, 204);
            karl_johan
        }
        Caller::Producer => {
            let karl_johan = citizen("Karl-Johan").await;
            assert_landed(karl_johan.act_for_company(cast::company("Aurinko")).await);
            karl_johan
        }
        Caller::WithdrawnProducer => {
            let anni = citizen("Anni").await;
            assert_landed(anni.act_for_company(cast::company("Rova")).await);
            anni
        }
        Caller::CustomerService => staff("asiakaspalvelu").await,
        Caller::AuthorisationAdmin => {
            // An admin without customer service's role.
            app.identification().tamper.lock().unwrap().push((
                "roles".to_owned(),
                serde_json::json!(["authorisation_admin"]),
            ));
            staff("valtuushallinnoija").await
        }
        Caller::OtherMunicipalityStaff => staff("helsinki-asiakaspalvelu").await,
        Caller::ProducerHandler => staff("tuottajahyvaksyja").await,
        Caller::OtherProducerHandler => staff("helsinki-tuottajahyvaksyja").await,
        Caller::Finance => staff("talous").await,
        Caller::OtherFinance => staff("helsinki-talous").await,
    };
    Some(session)
}

async fn call(
    app: &TestApp<Mocks>,
    client: Option<&Session<'_>>,
    method: RouteMethod,
    path: &str,
    body: &serde_json::Value,
) -> TestResponse {
    match (client, method) {
        (Some(c), RouteMethod::Get) => c.get(path).await,
        (Some(c), RouteMethod::Post) => c.post(path, body.clone()).await,
        (None, RouteMethod::Get) => app.get(path).await,
        (None, RouteMethod::Post) => {
            app.request_with_body(
                Method::Post,
                path,
                &[("origin", PUBLIC_URL), ("content-type", "application/json")],
                &body.to_string(),
            )
            .await
        }
    }
}

#[tokio::test]
async fn every_route_answers_every_kind_of_caller_as_the_catalogue_says() {
    let mut mismatches = Vec::new();
    for route in ROUTES {
        let (path, body) = sample(route.id);
        // A fresh deployment per route: a route that changes the caller's state (log out,
        // stop acting) changes nothing for the next route.
        let app = app();
        for (who, want) in CALLERS.iter().zip(expected(route.id)) {
            let client = caller(&app, *who).await;
            let res = call(&app, client.as_ref(), route.method, path, &body).await;
            if res.status != want {
                mismatches.push(format!(
                    "{} {path} as {who:?}: {} (expected {want}) {}",
                    route.method.as_str(),
                    res.status,
                    res.json
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}

#[test]
fn the_matrix_samples_every_route_of_the_table_with_its_own_path() {
    for route in ROUTES {
        let (path, _) = sample(route.id);
        let path = path.split('?').next().unwrap();
        assert!(
            matches!(
                seteli_domain::routes::resolve(Some(route.method), path),
                seteli_domain::routes::Resolved::Found(r, _) if r.id == route.id
            ),
            "{:?}: {path}",
            route.id
        );
    }
}
