//! The one error type every API answer uses: a stable code for programs, an HTTP status,
//! and a message a person can act on, in their language.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Stable, machine-readable error codes. Clients match on these, never on the message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $name,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the list.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$name,)*];
        }
    };
}

error_codes! {
    /// A required query parameter is absent.
    MissingParameter,
    InvalidMunicipality,
    UnknownMunicipality,
    InvalidService,
    UnknownService,
    InvalidVoucherValue,
    InvalidSort,
    InvalidPage,
    InvalidLanguage,
    NotFound,
    ProducerNotFound,
    MethodNotAllowed,
    Forbidden,
    /// The request needs a login (or the session has ended).
    Unauthorized,
    /// A state-changing request that did not come from Seteli's own pages.
    CrossSiteRequest,
    /// The login with the identity provider did not complete (cancelled, expired, refused).
    LoginFailed,
    /// The identity provider could not be reached or answered wrongly.
    IdentificationUnavailable,
    /// A voucher that does not exist or is not the asker's: the two are not told apart.
    VoucherNotFound,
    /// Feedback that is empty, too long, or about a producer that did not serve under the voucher.
    InvalidFeedback,
    /// A survey with a missing or out-of-range answer, a too long comment, or about a
    /// producer that did not serve under the voucher.
    InvalidSurvey,
    /// This month's survey about this producer and voucher is already answered.
    SurveyAlreadyAnswered,
    /// A request body that is not the JSON the route expects.
    InvalidBody,
    /// A request body larger than any form of Seteli sends.
    PayloadTooLarge,
    /// The person acted for another and has no right to do this for them (DISALLOWED,
    /// UNKNOWN, a mandate without the needed issue, or a registration no longer valid).
    /// `mandate_issues` names the issues the mandate would need.
    NoRightToAct,
    /// Suomi.fi-valtuudet could not be reached or did not answer properly; nothing was
    /// granted or changed.
    MandateServiceUnavailable,
    /// The choice of principal is no longer valid (the Valtuudet session ended); choose again.
    OnBehalfExpired,
    /// A voucher number that is malformed, unknown, or not usable by this producer; the
    /// cases are not told apart.
    VoucherNumberNotFound,
    /// Too many wrong voucher numbers in a short time; try again later.
    TooManyAttempts,
    /// The company has no valid approval as a voucher producer (withdrawn, suspended, or
    /// only applying): customers' data and events are closed to it.
    ProducerNotApproved,
    /// The person's roles in the company do not include changing its prices.
    NoPriceRole,
    /// The choice of company has lasted its 30 minutes; choose the company again.
    CompanyChoiceExpired,
    /// An idempotency key used before with a different request: nothing was stored.
    IdempotencyKeyReused,
    /// A service event with a date, units or description out of bounds.
    InvalidEvent,
    /// The event's voucher share is more than the voucher has left.
    InsufficientBalance,
    /// The producer has no price today for the voucher's service in its municipality, or is
    /// not approved for it.
    NoPrice,
    /// The event can no longer be corrected or cancelled (14 days), or is already cancelled.
    EventLocked,
    /// A price that is negative, not for an approved service, or not from a later day.
    InvalidPrice,
    /// A reply that is empty or too long.
    InvalidReply,
    /// The feedback already has a reply.
    AlreadyReplied,
    /// A customer that does not exist or belongs to another organiser: the two are not
    /// told apart.
    CustomerNotFound,
    /// A search without an identity code, or without a family name and birth date.
    InvalidSearch,
    /// A new customer's identity code, names or municipality are wrong; `field` names which.
    InvalidCustomer,
    /// A customer with this identity code is already in Seteli.
    CustomerExists,
    /// A need assessment with a field out of bounds; `field` names which.
    InvalidAssessment,
    /// A voucher decision with a field out of bounds (a validity that ends before it
    /// starts, no value, no need assessment of the customer's); `field` names which.
    InvalidDecision,
    /// A value per unit above the organiser's maximum for the service.
    ValueAboveMaximum,
    /// A decision that does not exist or is another organiser's.
    DecisionNotFound,
    /// The decision is not in the state this step needs (deciding a decided one, delivering
    /// a draft).
    DecisionWrongState,
    /// A voucher under which events are logged cannot be annulled; end it instead.
    VoucherHasEvents,
    /// An amendment would grant less than the voucher has already used.
    AmendBelowUsed,
    /// A registered proxy with a field out of bounds; `field` names which.
    InvalidProxy,
    /// The proxy would be the customer themself.
    ProxyIsCustomer,
    /// The customer already has a registered proxy in force; end it first.
    ProxyAlreadyRegistered,
    /// The customer has no registered proxy in force to end.
    NoProxyInForce,
    /// An event check that is neither `checked` nor `disputed`, or whose note is too long
    /// (a dispute needs one).
    InvalidCheck,
    /// The event is not disputed, or the dispute is already answered.
    NoOpenDispute,
    /// An income table that breaks a rule of `domain::income`; `field` names which.
    InvalidIncomeTable,
    /// An application's field out of bounds (a price below zero, a text too long, a
    /// service twice, an answer to an item the checklist lacks); `field` names which.
    InvalidApplication,
    /// Something a submitted application must have is missing (a price or its unit, a
    /// description, a checklist answer or its file); `field` names which.
    ApplicationIncomplete,
    /// An attachment that is not a PDF, PNG or JPEG by its content, or has no usable name.
    InvalidAttachment,
    /// An attachment over 5 MB.
    AttachmentTooLarge,
    /// A case step with a field out of bounds (no missing items, a deadline in the past,
    /// reasons missing from a rejection, an unknown colleague); `field` names which.
    InvalidCaseStep,
    /// An application that does not exist, is another company's or another organiser's.
    ApplicationNotFound,
    /// An attachment that does not exist or is not the caller's to read.
    AttachmentNotFound,
    /// An approval that does not exist or is another organiser's.
    ApprovalNotFound,
    /// The case is not in a state that allows this step (a closed case, a draft's edit after
    /// submitting).
    CaseWrongState,
    /// Another handler holds the case.
    CaseNotYours,
    /// Someone changed the case at the same moment; reload it and try again.
    CaseChanged,
    /// The approval is not in a state that allows this step.
    ApprovalWrongState,
    /// A message that does not exist or is not the member's organiser's.
    MessageNotFound,
    /// Only a message waiting for review can be released.
    MessageNotHeld,
    /// A resident's voucher application with a field out of bounds (names the field).
    InvalidVoucherApplication,
    /// A resident's voucher application sent without something it needs (names the field).
    VoucherApplicationIncomplete,
    /// The municipality has no vouchers for the service.
    ServiceNotOffered,
    /// An application for the same service, for the same person, is already open.
    ApplicationAlreadyOpen,
    /// The consent request is past its 14 days; the applicant can send it again.
    ConsentExpired,
    /// The consent request has been answered already.
    ConsentAlreadyAnswered,
    /// Only a guardian the applicant named, acting for the child, answers a consent request.
    NotTheNamedGuardian,
    /// Only a voucher in force (active, valid after today) can be refused.
    VoucherNotRefusable,
    /// A consent request is sent again only once it has expired unanswered.
    ConsentStillPending,
    /// A bank account number that is not a valid IBAN (country format, mod-97 check).
    InvalidIban,
    /// A settlement request with a bad month, event or payment detail (names the field).
    InvalidSettlement,
    /// A report's period that is not months (`YYYY-MM`), ends before it begins or is longer
    /// than a report covers (names `from` or `to`).
    InvalidReportPeriod,
    /// Holdings from a file are entered only when every line is whole: the check names the
    /// problems.
    InvalidHoldingsImport,
    /// No settlement with this id in the member's organiser (or the company's).
    SettlementNotFound,
    /// The settlement's state does not allow the step: a draft is confirmed (once), a
    /// confirmed one is marked paid.
    SettlementWrongState,
    /// A visit in the settlement changed since it was gathered: gather again, then confirm.
    SettlementChanged,
    /// The producer's settlement of an earlier month is still a draft: it is confirmed first.
    SettlementEarlierOpen,
    /// The organiser's own bank account is not configured: no payment file can be written.
    PayerAccountMissing,
    /// No confirmed settlement of the month has anything to pay to an account in effect.
    NothingToPay,
    /// The account change was decided already (or replaced by a newer one).
    AccountWrongState,
    /// Only those who can bind the company change its bank account.
    NoAccountRole,
    /// A catalogue entry with a missing or bad field (names the field).
    InvalidAuthorisation,
    /// An authorisation order with a missing or bad field (names the field).
    InvalidAuthorisationOrder,
    /// An authorisation that is not in the organiser's catalogue.
    UnknownAuthorisation,
    /// Path 1 assigns only authorisations the organisation holds: order the others on the
    /// DVV path.
    AuthorisationNotHeld,
    /// The DVV path is for authorisations the organisation lacks: order a held one on path 1.
    AuthorisationAlreadyHeld,
    /// An employee orders for themself; a supervisor for their own department's employees.
    NotYourTeam,
    /// No authorisation order with this id that the member may read.
    OrderNotFound,
    /// The order waits for DVV to grant the organisation the authorisation: record DVV's
    /// answer first.
    OrderAwaitsDvv,
    /// No holding with this id in the member's organiser.
    HoldingNotFound,
    /// The holding has ended already.
    HoldingEnded,
    /// The server failed; the message carries a reference id for support.
    Internal,
    /// The client could not reach the server (set by the app, never sent by the edge).
    Network,
}

impl ErrorCode {
    /// The HTTP status the edge answers with.
    pub fn status(self) -> u16 {
        use ErrorCode::*;
        match self {
            // The request itself is wrong: fix it and send again.
            MissingParameter
            | InvalidMunicipality
            | UnknownMunicipality
            | InvalidService
            | UnknownService
            | InvalidVoucherValue
            | InvalidSort
            | InvalidPage
            | InvalidLanguage
            | LoginFailed
            | InvalidFeedback
            | InvalidSurvey
            | InvalidBody
            | InvalidEvent
            | InvalidPrice
            | InvalidReply
            | InvalidSearch
            | InvalidCustomer
            | InvalidAssessment
            | InvalidDecision
            | ValueAboveMaximum
            | InvalidProxy
            | ProxyIsCustomer
            | InvalidCheck
            | InvalidIncomeTable
            | InvalidApplication
            | ApplicationIncomplete
            | InvalidAttachment
            | InvalidCaseStep
            | InvalidVoucherApplication
            | VoucherApplicationIncomplete
            | ServiceNotOffered
            | InvalidIban
            | InvalidSettlement
            | InvalidReportPeriod
            | InvalidHoldingsImport
            | InvalidAuthorisation
            | InvalidAuthorisationOrder
            | UnknownAuthorisation => 400,
            Unauthorized => 401,
            Forbidden | CrossSiteRequest | NoRightToAct | ProducerNotApproved | NoPriceRole
            | CaseNotYours | NotTheNamedGuardian | NoAccountRole | NotYourTeam => 403,
            NotFound
            | ProducerNotFound
            | VoucherNotFound
            | VoucherNumberNotFound
            | CustomerNotFound
            | DecisionNotFound
            | ApplicationNotFound
            | AttachmentNotFound
            | ApprovalNotFound
            | MessageNotFound
            | SettlementNotFound
            | OrderNotFound
            | HoldingNotFound => 404,
            MethodNotAllowed => 405,
            // Right request, wrong moment: the state of things refuses it.
            SurveyAlreadyAnswered
            | CompanyChoiceExpired
            | IdempotencyKeyReused
            | InsufficientBalance
            | EventLocked
            | AlreadyReplied
            | CustomerExists
            | DecisionWrongState
            | VoucherHasEvents
            | AmendBelowUsed
            | ProxyAlreadyRegistered
            | NoProxyInForce
            | NoOpenDispute
            | NoPrice
            | OnBehalfExpired
            | CaseWrongState
            | CaseChanged
            | ApprovalWrongState
            | MessageNotHeld
            | ApplicationAlreadyOpen
            | ConsentExpired
            | ConsentAlreadyAnswered
            | VoucherNotRefusable
            | ConsentStillPending
            | SettlementWrongState
            | SettlementChanged
            | SettlementEarlierOpen
            | PayerAccountMissing
            | NothingToPay
            | AccountWrongState
            | AuthorisationNotHeld
            | AuthorisationAlreadyHeld
            | OrderAwaitsDvv
            | HoldingEnded => 409,
            PayloadTooLarge | AttachmentTooLarge => 413,
            TooManyAttempts => 429,
            Internal => 500,
            IdentificationUnavailable | MandateServiceUnavailable | Network => 503,
        }
    }

    /// What a person is told, in `lang`. The messages of the logged-in pages' errors are
    /// linked into the browser only by the entries that register them
    /// (`i18n::register_private_texts`), as those pages' texts are.
    pub fn message(self, lang: Lang) -> &'static str {
        if self.message_registered() {
            registered_message(self, lang)
        } else {
            self.common_message(lang)
        }
    }

    /// Whether the message is registered (see [`Self::message`]): the public comparison's
    /// pages never make this error themselves (an answer from the API carries its message),
    /// so its message is linked into the browser only by the entries that register the
    /// logged-in pages' words.
    pub fn message_registered(self) -> bool {
        use ErrorCode::*;
        !matches!(
            self,
            InvalidVoucherValue
                | NotFound
                | ProducerNotFound
                | MethodNotAllowed
                | Forbidden
                | Unauthorized
                | Internal
                | Network
        )
    }

    /// The message of an error the public comparison's pages make themselves.
    fn common_message(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        use Lang::*;
        match (self, lang) {
            (InvalidVoucherValue, Fi) => "Anna setelin arvo euroina, esimerkiksi 25 tai 25,50. Arvo ei voi olla negatiivinen.",
            (InvalidVoucherValue, Sv) => "Ange sedelns värde i euro, till exempel 25 eller 25,50. Värdet kan inte vara negativt.",
            (InvalidVoucherValue, En) => "Enter the voucher value in euros, for example 25 or 25.50. It cannot be negative.",
            (NotFound, Fi) => "Sivua tai tietoa ei löytynyt.",
            (NotFound, Sv) => "Sidan eller uppgiften hittades inte.",
            (NotFound, En) => "The page or item was not found.",
            (ProducerNotFound, Fi) => "Palveluntuottajaa ei löytynyt. Se ei ehkä ole enää hyväksytty tuottaja.",
            (ProducerNotFound, Sv) => "Serviceproducenten hittades inte. Den kanske inte längre är godkänd.",
            (ProducerNotFound, En) => "Producer not found. It may no longer be an approved producer.",
            (MethodNotAllowed, Fi) => "Tätä toimintoa ei voi tehdä tällä osoitteella.",
            (MethodNotAllowed, Sv) => "Den här åtgärden kan inte göras på den här adressen.",
            (MethodNotAllowed, En) => "This action is not possible at this address.",
            (Forbidden, Fi) => "Sinulla ei ole oikeutta tähän toimintoon.",
            (Forbidden, Sv) => "Du har inte rätt till den här åtgärden.",
            (Forbidden, En) => "You do not have the right to do this.",
            (Unauthorized, Fi) => "Kirjaudu sisään. Jos olit jo kirjautunut, istuntosi on päättynyt.",
            (Unauthorized, Sv) => "Logga in. Om du redan var inloggad har din session gått ut.",
            (Unauthorized, En) => "Please log in. If you were logged in, your session has ended.",
            (Internal, Fi) => "Palvelussa tapahtui virhe. Yritä hetken kuluttua uudelleen.",
            (Internal, Sv) => "Ett fel inträffade i tjänsten. Försök igen om en stund.",
            (Internal, En) => "Something went wrong on our side. Please try again shortly.",
            (Network, Fi) => "Palveluun ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.",
            (Network, Sv) => "Det gick inte att nå tjänsten. Kontrollera nätverket och försök igen.",
            (Network, En) => "Could not reach the service. Check your connection and try again.",
            // The logged-in pages' errors are `registered_text`'s.
            _ => NOT_REGISTERED,
        }
    }

    /// The message of any other error (see [`Self::message`]).
    fn registered_text(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        use Lang::*;
        match (self, lang) {
            (MissingParameter, Fi) => "Valitse kunta ja palvelu.",
            (MissingParameter, Sv) => "Välj kommun och tjänst.",
            (MissingParameter, En) => "Choose a municipality and a service.",
            (InvalidMunicipality | UnknownMunicipality, Fi) => "Kuntaa ei löytynyt. Valitse kunta luettelosta.",
            (InvalidMunicipality | UnknownMunicipality, Sv) => "Kommunen hittades inte. Välj en kommun i listan.",
            (InvalidMunicipality | UnknownMunicipality, En) => "Municipality not found. Choose one from the list.",
            (InvalidService | UnknownService, Fi) => "Palvelua ei löytynyt. Valitse palvelu luettelosta.",
            (InvalidService | UnknownService, Sv) => "Tjänsten hittades inte. Välj en tjänst i listan.",
            (InvalidService | UnknownService, En) => "Service not found. Choose one from the list.",
            (InvalidSort, Fi) => "Järjestystä ei tunneta. Järjestä hinnan, omavastuun tai nimen mukaan.",
            (InvalidSort, Sv) => "Okänd sortering. Sortera efter pris, självrisk eller namn.",
            (InvalidSort, En) => "Unknown sort order. Sort by price, own share or name.",
            (InvalidPage, Fi) => "Sivunumero on virheellinen.",
            (InvalidPage, Sv) => "Sidnumret är ogiltigt.",
            (InvalidPage, En) => "The page number is not valid.",
            (InvalidLanguage, Fi) => "Kieli on fi, sv tai en.",
            (InvalidLanguage, Sv) => "Språket är fi, sv eller en.",
            (InvalidLanguage, En) => "The language is fi, sv or en.",
            (CrossSiteRequest, Fi) => "Pyyntö ei tullut Setelin omalta sivulta, joten sitä ei käsitelty.",
            (CrossSiteRequest, Sv) => "Begäran kom inte från Setelis egen sida och behandlades därför inte.",
            (CrossSiteRequest, En) => "The request did not come from Seteli's own pages, so it was not processed.",
            (LoginFailed, Fi) => "Tunnistautuminen ei onnistunut tai se keskeytettiin. Kirjaudu uudelleen.",
            (LoginFailed, Sv) => "Identifieringen lyckades inte eller avbröts. Logga in på nytt.",
            (LoginFailed, En) => "Identification did not succeed or was cancelled. Please log in again.",
            (IdentificationUnavailable, Fi) => "Tunnistuspalveluun ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen.",
            (IdentificationUnavailable, Sv) => "Identifieringstjänsten kan inte nås just nu. Försök igen om en stund.",
            (IdentificationUnavailable, En) => "The identification service cannot be reached right now. Please try again shortly.",
            (InvalidBody, Fi) => "Pyynnön tiedot olivat puutteelliset. Lataa sivu uudelleen ja yritä uudelleen.",
            (InvalidBody, Sv) => "Uppgifterna i begäran var bristfälliga. Ladda om sidan och försök igen.",
            (InvalidBody, En) => "The request was incomplete. Reload the page and try again.",
            (PayloadTooLarge, Fi) => "Lähetetty tieto oli liian suuri. Lyhennä tekstiä ja yritä uudelleen.",
            (PayloadTooLarge, Sv) => "Det som skickades var för stort. Förkorta texten och försök igen.",
            (PayloadTooLarge, En) => "What was sent was too large. Shorten the text and try again.",
            (VoucherNotFound, Fi) => "Palveluseteliä ei löytynyt.",
            (VoucherNotFound, Sv) => "Servicesedeln hittades inte.",
            (VoucherNotFound, En) => "Voucher not found.",
            (InvalidFeedback, Fi) => "Kirjoita palaute (enintään 2000 merkkiä) ja valitse palveluntuottaja, joka on tuottanut palvelua tällä setelillä.",
            (InvalidFeedback, Sv) => "Skriv responsen (högst 2000 tecken) och välj en serviceproducent som har producerat tjänster med den här sedeln.",
            (InvalidFeedback, En) => "Write your feedback (at most 2000 characters) and choose a provider that has served you with this voucher.",
            (InvalidSurvey, Fi) => "Vastaa jokaiseen kysymykseen asteikolla 1–5. Kommentti voi olla enintään 1000 merkkiä.",
            (InvalidSurvey, Sv) => "Svara på varje fråga på skalan 1–5. Kommentaren får vara högst 1000 tecken.",
            (InvalidSurvey, En) => "Answer every question on the scale 1–5. The comment can be at most 1000 characters.",
            (SurveyAlreadyAnswered, Fi) => "Olet jo vastannut tämän kuun kyselyyn tästä palveluntuottajasta. Voit vastata uudelleen ensi kuussa.",
            (SurveyAlreadyAnswered, Sv) => "Du har redan svarat på månadens enkät om den här serviceproducenten. Du kan svara igen nästa månad.",
            (SurveyAlreadyAnswered, En) => "You have already answered this month's survey about this provider. You can answer again next month.",
            (NoRightToAct, Fi) => "Sinulla ei ole oikeutta asioida tämän henkilön puolesta tässä asiassa.",
            (NoRightToAct, Sv) => "Du har inte rätt att sköta detta ärende för den här personen.",
            (NoRightToAct, En) => "You have no right to act for this person in this matter.",
            (MandateServiceUnavailable, Fi) => "Suomi.fi-valtuudet-palveluun ei saatu yhteyttä, joten mitään ei tallennettu. Yritä hetken kuluttua uudelleen.",
            (MandateServiceUnavailable, Sv) => "Det gick inte att nå Suomi.fi-fullmakter, så inget sparades. Försök igen om en stund.",
            (MandateServiceUnavailable, En) => "Suomi.fi e-Authorizations could not be reached, so nothing was saved. Try again in a moment.",
            (OnBehalfExpired, Fi) => "Valintasi puolesta asioinnista on vanhentunut. Valitse henkilö uudelleen.",
            (OnBehalfExpired, Sv) => "Ditt val att sköta ärenden för någon annan har gått ut. Välj personen på nytt.",
            (OnBehalfExpired, En) => "Your choice of the person you act for has expired. Choose the person again.",
            (VoucherNumberNotFound, Fi) => "Palveluseteliä ei löytynyt tällä numerolla. Tarkista numero asiakkaan setelistä.",
            (VoucherNumberNotFound, Sv) => "Ingen servicesedel hittades med det numret. Kontrollera numret på kundens sedel.",
            (VoucherNumberNotFound, En) => "No voucher was found with this number. Check the number on the customer's voucher.",
            (TooManyAttempts, Fi) => "Liian monta väärää setelinumeroa lyhyessä ajassa. Yritä uudelleen 15 minuutin kuluttua.",
            (TooManyAttempts, Sv) => "För många felaktiga sedelnummer på kort tid. Försök igen om 15 minuter.",
            (TooManyAttempts, En) => "Too many wrong voucher numbers in a short time. Try again in 15 minutes.",
            (ProducerNotApproved, Fi) => "Yrityksellänne ei ole voimassa olevaa hyväksyntää palvelusetelituottajana, joten asiakkaiden tietoja ja käyntejä ei voi käsitellä. Kysy lisää hyväksynnän myöntäneestä kunnasta.",
            (ProducerNotApproved, Sv) => "Ert företag har inget giltigt godkännande som serviceproducent, så kundernas uppgifter och besök kan inte hanteras. Fråga kommunen som gav godkännandet.",
            (ProducerNotApproved, En) => "Your company has no valid approval as a voucher producer, so customers' data and visits are closed. Ask the municipality that approved you.",
            (NoPriceRole, Fi) => "Hintoja voivat muuttaa yrityksen toimitusjohtaja, hallituksen puheenjohtaja, nimenkirjoittaja tai isännöitsijä. Muut voivat kirjata käyntejä.",
            (NoPriceRole, Sv) => "Priser kan ändras av företagets verkställande direktör, styrelseordförande, firmatecknare eller disponent. Andra kan registrera besök.",
            (NoPriceRole, En) => "Prices can be changed by the company's managing director, chair of the board, signatory or property manager. Others can log visits.",
            (CompanyChoiceExpired, Fi) => "Yrityksen valinta on vanhentunut (30 minuuttia). Valitse yritys uudelleen; jonossa odottavat käynnit lähetetään sen jälkeen.",
            (CompanyChoiceExpired, Sv) => "Valet av företag har gått ut (30 minuter). Välj företaget på nytt; besök i kön skickas därefter.",
            (CompanyChoiceExpired, En) => "Your choice of company has expired (30 minutes). Choose the company again; queued visits are sent after that.",
            (IdempotencyKeyReused, Fi) => "Tämä lähetys on jo tallennettu eri tiedoin. Mitään ei muutettu; tarkista käynnit ennen kuin kirjaat uudelleen.",
            (IdempotencyKeyReused, Sv) => "Den här sändningen har redan sparats med andra uppgifter. Inget ändrades; kontrollera besöken innan du registrerar på nytt.",
            (IdempotencyKeyReused, En) => "This submission was already stored with different details. Nothing changed; check the visits before logging again.",
            (InvalidEvent, Fi) => "Tarkista käynnin tiedot: päivä setelin voimassaoloaikana eikä tulevaisuudessa, määrä yli 0 ja enintään 24, ja kuvaus (1–500 merkkiä).",
            (InvalidEvent, Sv) => "Kontrollera besöket: datum inom sedelns giltighetstid och inte i framtiden, mängd över 0 och högst 24, och en beskrivning (1–500 tecken).",
            (InvalidEvent, En) => "Check the visit: a date within the voucher's validity and not in the future, units above 0 and at most 24, and a description (1–500 characters).",
            (InsufficientBalance, Fi) => "Setelin jäljellä oleva arvo ei riitä tähän käyntiin. Mitään ei kirjattu.",
            (InsufficientBalance, Sv) => "Sedelns återstående värde räcker inte för detta besök. Inget registrerades.",
            (InsufficientBalance, En) => "The voucher's remaining balance does not cover this visit. Nothing was logged.",
            (NoPrice, Fi) => "Teillä ei ole tänään voimassa olevaa hintaa tälle palvelulle tässä kunnassa, joten käyntiä ei voi kirjata.",
            (NoPrice, Sv) => "Ni har inget pris som gäller i dag för den här tjänsten i kommunen, så besöket kan inte registreras.",
            (NoPrice, En) => "You have no price valid today for this service in this municipality, so the visit cannot be logged.",
            (EventLocked, Fi) => "Käyntiä ei voi enää korjata tai perua: se on jo peruttu tai kirjattu yli 14 päivää sitten.",
            (EventLocked, Sv) => "Besöket kan inte längre rättas eller annulleras: det är redan annullerat eller registrerades för mer än 14 dagar sedan.",
            (EventLocked, En) => "The visit can no longer be corrected or cancelled: it is already cancelled or was logged more than 14 days ago.",
            (InvalidPrice, Fi) => "Tarkista hinta: palvelun, johon teidät on hyväksytty, hinta euroina ja voimaantulopäivä aikaisintaan huomenna.",
            (InvalidPrice, Sv) => "Kontrollera priset: ett pris i euro för en tjänst ni är godkända för, och ett startdatum tidigast i morgon.",
            (InvalidPrice, En) => "Check the price: a price in euros for a service you are approved for, starting tomorrow at the earliest.",
            (InvalidReply, Fi) => "Kirjoita vastaus (1–2000 merkkiä).",
            (InvalidReply, Sv) => "Skriv ett svar (1–2000 tecken).",
            (InvalidReply, En) => "Write a reply (1–2000 characters).",
            (AlreadyReplied, Fi) => "Palautteeseen on jo vastattu.",
            (AlreadyReplied, Sv) => "Responsen har redan besvarats.",
            (AlreadyReplied, En) => "The feedback has already been replied to.",
            (CustomerNotFound, Fi) => "Asiakasta ei löytynyt.",
            (CustomerNotFound, Sv) => "Kunden hittades inte.",
            (CustomerNotFound, En) => "Customer not found.",
            (InvalidSearch, Fi) => "Hae henkilötunnuksella tai sukunimellä ja syntymäajalla.",
            (InvalidSearch, Sv) => "Sök med personbeteckning eller med efternamn och födelsedatum.",
            (InvalidSearch, En) => "Search by identity code, or by family name and date of birth.",
            (InvalidCustomer, Fi) => "Tarkista asiakkaan tiedot: kelvollinen henkilötunnus, etu- ja sukunimi (1–100 merkkiä) ja kunta, jonka palveluja järjestätte.",
            (InvalidCustomer, Sv) => "Kontrollera kundens uppgifter: en giltig personbeteckning, för- och efternamn (1–100 tecken) och en kommun vars tjänster ni ordnar.",
            (InvalidCustomer, En) => "Check the customer's details: a valid identity code, given and family names (1–100 characters) and a municipality whose services you organise.",
            (CustomerExists, Fi) => "Henkilö on jo Setelin asiakas. Hae hänet henkilötunnuksella.",
            (CustomerExists, Sv) => "Personen är redan kund i Seteli. Sök på personbeteckningen.",
            (CustomerExists, En) => "This person is already a customer in Seteli. Search by their identity code.",
            (InvalidAssessment, Fi) => "Tarkista arvio: päivä ei tulevaisuudessa, arvioija, palvelu, yhteenveto (1–2000 merkkiä) ja tulos.",
            (InvalidAssessment, Sv) => "Kontrollera bedömningen: ett datum som inte är i framtiden, bedömare, tjänst, sammanfattning (1–2000 tecken) och resultat.",
            (InvalidAssessment, En) => "Check the assessment: a date not in the future, the assessor, the service, a summary (1–2000 characters) and the outcome.",
            (InvalidDecision, Fi) => "Tarkista päätöksen tiedot: palveluntarpeen arvio, arvo, myönnetty määrä ja voimassaolo, joka ei pääty ennen alkamistaan.",
            (InvalidDecision, Sv) => "Kontrollera beslutet: bedömning av servicebehovet, värde, beviljad mängd och en giltighetstid som inte slutar innan den börjar.",
            (InvalidDecision, En) => "Check the decision: the need assessment, the value, the amount granted and a validity that does not end before it starts.",
            (ValueAboveMaximum, Fi) => "Arvo on suurempi kuin järjestäjän enimmäisarvo tälle palvelulle.",
            (ValueAboveMaximum, Sv) => "Värdet är högre än anordnarens högsta värde för tjänsten.",
            (ValueAboveMaximum, En) => "The value is above the organiser's maximum for this service.",
            (DecisionNotFound, Fi) => "Päätöstä ei löytynyt.",
            (DecisionNotFound, Sv) => "Beslutet hittades inte.",
            (DecisionNotFound, En) => "Decision not found.",
            (DecisionWrongState, Fi) => "Päätös ei ole enää siinä tilassa, jossa tämä voidaan tehdä. Lataa sivu uudelleen.",
            (DecisionWrongState, Sv) => "Beslutet är inte längre i det skede där detta kan göras. Ladda om sidan.",
            (DecisionWrongState, En) => "The decision is no longer in a state where this can be done. Reload the page.",
            (VoucherHasEvents, Fi) => "Setelillä on jo kirjattuja käyntejä, joten päätöstä ei voi mitätöidä. Päätä seteli ennenaikaisesti.",
            (VoucherHasEvents, Sv) => "Sedeln har redan registrerade besök, så beslutet kan inte ogiltigförklaras. Avsluta sedeln i förtid.",
            (VoucherHasEvents, En) => "Visits are already logged under this voucher, so the decision cannot be annulled. End the voucher early instead.",
            (AmendBelowUsed, Fi) => "Muutospäätös myöntäisi vähemmän kuin setelistä on jo käytetty.",
            (AmendBelowUsed, Sv) => "Ändringsbeslutet skulle bevilja mindre än vad som redan använts av sedeln.",
            (AmendBelowUsed, En) => "The amendment would grant less than has already been used of the voucher.",
            (InvalidProxy, Fi) => "Tarkista asiamiehen tiedot: kelvollinen henkilötunnus, nimet, peruste (muulle perusteelle perustelu), vähintään yksi asia ja voimassaolo, joka ei pääty ennen alkamistaan.",
            (InvalidProxy, Sv) => "Kontrollera ombudets uppgifter: en giltig personbeteckning, namn, grund (motivering för annan grund), minst ett ärende och en giltighetstid som inte slutar innan den börjar.",
            (InvalidProxy, En) => "Check the proxy's details: a valid identity code, names, the basis (a justification for another basis), at least one matter and a validity that does not end before it starts.",
            (ProxyIsCustomer, Fi) => "Asiakas ei voi olla oma asiamiehensä.",
            (ProxyIsCustomer, Sv) => "Kunden kan inte vara sitt eget ombud.",
            (ProxyIsCustomer, En) => "The customer cannot be their own proxy.",
            (ProxyAlreadyRegistered, Fi) => "Asiakkaalla on jo voimassa oleva asiamies. Päätä se ensin.",
            (ProxyAlreadyRegistered, Sv) => "Kunden har redan ett registrerat ombud. Avsluta det först.",
            (ProxyAlreadyRegistered, En) => "The customer already has a registered proxy. End it first.",
            (NoProxyInForce, Fi) => "Asiakkaalla ei ole voimassa olevaa asiamiestä.",
            (NoProxyInForce, Sv) => "Kunden har inget registrerat ombud.",
            (NoProxyInForce, En) => "The customer has no registered proxy.",
            (InvalidCheck, Fi) => "Valitse tarkastettu tai kiistetty. Kiistämiseen tarvitaan perustelu (enintään 2000 merkkiä).",
            (InvalidCheck, Sv) => "Välj kontrollerad eller bestridd. En bestridning behöver en motivering (högst 2000 tecken).",
            (InvalidCheck, En) => "Choose checked or disputed. A dispute needs a note (at most 2000 characters).",
            (NoOpenDispute, Fi) => "Käyntiä ei ole kiistetty tai kiistoon on jo vastattu.",
            (NoOpenDispute, Sv) => "Besöket är inte bestritt eller bestridningen är redan besvarad.",
            (NoOpenDispute, En) => "The visit is not disputed, or the dispute has already been answered.",
            (InvalidIncomeTable, Fi) => "Tarkista taulukko: rivit kotitalouden koon mukaan 1, 2, 3…, tulorajat eivät laske ja prosentit eivät nouse koon kasvaessa, prosentti enintään 100 ja vähimmäisarvo enintään enimmäisarvo.",
            (InvalidIncomeTable, Sv) => "Kontrollera tabellen: rader per hushållsstorlek 1, 2, 3…, inkomstgränser som inte sjunker och procentsatser som inte stiger med storleken, högst 100 procent och ett minimivärde högst maximivärdet.",
            (InvalidIncomeTable, En) => "Check the table: rows for household sizes 1, 2, 3…, limits that do not fall and percentages that do not rise as the household grows, at most 100 % and a minimum value not above the maximum.",
            (InvalidApplication, Fi) => "Tarkista merkitty kenttä: hinta ei voi olla negatiivinen, tekstit ovat enintään 4000 merkkiä (kuvaukset) tai 1000 merkkiä, eikä samaa palvelua voi valita kahdesti.",
            (InvalidApplication, Sv) => "Kontrollera det markerade fältet: priset kan inte vara negativt, texterna är högst 4000 tecken (beskrivningar) eller 1000 tecken, och samma tjänst kan inte väljas två gånger.",
            (InvalidApplication, En) => "Check the marked field: a price cannot be negative, texts are at most 4000 characters (descriptions) or 1000 characters, and a service cannot be chosen twice.",
            (ApplicationIncomplete, Fi) => "Hakemuksesta puuttuu jotain ennen lähettämistä: tarkista merkitty kohta (hinta yksikköineen ja alkupäivineen, kuvaukset suomeksi ja ruotsiksi, kielet, alueet, yhteystiedot, jokaisen vaatimuksen vastaus ja liite).",
            (ApplicationIncomplete, Sv) => "Ansökan saknar något innan den kan skickas: kontrollera den markerade punkten (pris med enhet och startdag, beskrivningar på finska och svenska, språk, områden, kontaktuppgifter, svar och bilaga för varje krav).",
            (ApplicationIncomplete, En) => "The application lacks something before it can be sent: check the marked item (a price with its unit and first day, descriptions in Finnish and Swedish, languages, areas, contact details, an answer and a file for each requirement).",
            (InvalidAttachment, Fi) => "Liitteen on oltava PDF-tiedosto tai kuva (PNG tai JPEG). Tiedoston sisältö ratkaisee, ei sen nimi.",
            (InvalidAttachment, Sv) => "Bilagan ska vara en PDF-fil eller en bild (PNG eller JPEG). Filens innehåll avgör, inte dess namn.",
            (InvalidAttachment, En) => "The attachment must be a PDF file or an image (PNG or JPEG). The file's content decides, not its name.",
            (AttachmentTooLarge, Fi) => "Liite on liian suuri: enintään 5 Mt. Pienennä tiedostoa tai jaa se osiin.",
            (AttachmentTooLarge, Sv) => "Bilagan är för stor: högst 5 MB. Gör filen mindre eller dela upp den.",
            (AttachmentTooLarge, En) => "The attachment is too large: at most 5 MB. Make the file smaller or split it.",
            (InvalidCaseStep, Fi) => "Tarkista merkitty kenttä: pyynnössä on oltava puuttuvat asiat ja tuleva määräpäivä (enintään 90 päivää), hylkäyksessä perustelut ja siirrossa toinen käsittelijä.",
            (InvalidCaseStep, Sv) => "Kontrollera det markerade fältet: en begäran behöver det som saknas och en kommande sista dag (högst 90 dagar), ett avslag motiveringar och en överföring en annan handläggare.",
            (InvalidCaseStep, En) => "Check the marked field: a request needs the missing items and a deadline ahead (at most 90 days), a rejection its reasons, and a hand-over another handler.",
            (ApplicationNotFound, Fi) => "Hakemusta ei löytynyt.",
            (ApplicationNotFound, Sv) => "Ansökan hittades inte.",
            (ApplicationNotFound, En) => "Application not found.",
            (AttachmentNotFound, Fi) => "Liitettä ei löytynyt.",
            (AttachmentNotFound, Sv) => "Bilagan hittades inte.",
            (AttachmentNotFound, En) => "Attachment not found.",
            (ApprovalNotFound, Fi) => "Hyväksyntää ei löytynyt.",
            (ApprovalNotFound, Sv) => "Godkännandet hittades inte.",
            (ApprovalNotFound, En) => "Approval not found.",
            (MessageNotFound, Fi) => "Viestiä ei löytynyt.",
            (MessageNotFound, Sv) => "Meddelandet hittades inte.",
            (MessageNotFound, En) => "Message not found.",
            (MessageNotHeld, Fi) => "Viesti ei odota tarkistusta: se on jo lähetetty tai lähtee jonosta itsestään.",
            (MessageNotHeld, Sv) => "Meddelandet väntar inte på granskning: det har redan skickats eller skickas från kön av sig självt.",
            (InvalidVoucherApplication, Fi) => "Tarkista merkitty kenttä: kuvaus on enintään 4000 merkkiä, nimet ja puhelinnumero enintään 100 merkkiä, kotitalouden koko 1–20 henkeä ja tulot nollasta ylöspäin. Henkilötunnuksen on oltava oikea, eikä samaa huoltajaa voi nimetä kahdesti.",
            (InvalidVoucherApplication, Sv) => "Kontrollera det markerade fältet: beskrivningen är högst 4000 tecken, namn och telefonnummer högst 100 tecken, hushållets storlek 1–20 personer och inkomsterna noll eller mer. Personbeteckningen ska vara korrekt, och samma vårdnadshavare kan inte nämnas två gånger.",
            (InvalidVoucherApplication, En) => "Check the marked field: the description is at most 4,000 characters, names and the phone number at most 100, the household 1–20 people and income zero or more. An identity code must be valid, and the same guardian cannot be named twice.",
            (VoucherApplicationIncomplete, Fi) => "Hakemuksesta puuttuu merkitty tieto. Täytä se ja lähetä uudelleen.",
            (VoucherApplicationIncomplete, Sv) => "Den markerade uppgiften saknas i ansökan. Fyll i den och skicka igen.",
            (VoucherApplicationIncomplete, En) => "The application lacks the marked information. Fill it in and send again.",
            (ServiceNotOffered, Fi) => "Kunta ei myönnä palveluseteleitä tähän palveluun. Valitse toinen palvelu tai kysy kunnan asiakaspalvelusta.",
            (ServiceNotOffered, Sv) => "Kommunen beviljar inte servicesedlar för denna tjänst. Välj en annan tjänst eller fråga kommunens kundtjänst.",
            (ServiceNotOffered, En) => "The municipality grants no vouchers for this service. Choose another service or ask the municipality's customer service.",
            (ApplicationAlreadyOpen, Fi) => "Samaan palveluun on jo avoin hakemus. Jatka sitä tai peru se ensin.",
            (ApplicationAlreadyOpen, Sv) => "Det finns redan en öppen ansökan för samma tjänst. Fortsätt med den eller återkalla den först.",
            (ApplicationAlreadyOpen, En) => "An application for the same service is already open. Continue it or withdraw it first.",
            (ConsentExpired, Fi) => "Suostumuspyyntö on vanhentunut (14 päivää). Hakija voi lähettää sen uudelleen.",
            (ConsentExpired, Sv) => "Begäran om samtycke har gått ut (14 dagar). Sökanden kan skicka den på nytt.",
            (ConsentExpired, En) => "The consent request has expired (14 days). The applicant can send it again.",
            (ConsentAlreadyAnswered, Fi) => "Suostumuspyyntöön on jo vastattu.",
            (ConsentAlreadyAnswered, Sv) => "Begäran om samtycke har redan besvarats.",
            (ConsentAlreadyAnswered, En) => "The consent request has been answered already.",
            (VoucherNotRefusable, Fi) => "Vain voimassa olevasta palvelusetelistä voi kieltäytyä.",
            (VoucherNotRefusable, Sv) => "Endast en giltig servicesedel kan avböjas.",
            (VoucherNotRefusable, En) => "Only a voucher in force can be refused.",
            (ConsentStillPending, Fi) => "Suostumuspyyntö odottaa vielä vastausta. Sen voi lähettää uudelleen, kun se on vanhentunut.",
            (ConsentStillPending, Sv) => "Begäran om samtycke väntar fortfarande på svar. Den kan skickas på nytt när den har gått ut.",
            (ConsentStillPending, En) => "The consent request is still waiting for an answer. It can be sent again once it has expired.",
            (InvalidIban, Fi) => "Tilinumero ei ole kelvollinen IBAN. Tarkista numero (esimerkiksi FI21 1234 5600 0007 85).",
            (InvalidIban, Sv) => "Kontonumret är inte ett giltigt IBAN. Kontrollera numret (till exempel FI21 1234 5600 0007 85).",
            (InvalidIban, En) => "The account number is not a valid IBAN. Check the number (for example FI21 1234 5600 0007 85).",
            (InvalidSettlement, Fi) => "Tilityksen tieto on virheellinen. Tarkista merkitty kenttä.",
            (InvalidSettlement, Sv) => "En uppgift i avräkningen är felaktig. Kontrollera det markerade fältet.",
            (InvalidSettlement, En) => "A detail of the settlement is not valid. Check the field marked.",
            (InvalidReportPeriod, Fi) => "Raportin aikaväli ei kelpaa. Anna kuukaudet muodossa VVVV-KK, alku ennen loppua ja enintään 24 kuukautta.",
            (InvalidReportPeriod, Sv) => "Rapportens period är inte giltig. Ange månaderna som ÅÅÅÅ-MM, början före slutet och högst 24 månader.",
            (InvalidHoldingsImport, Fi) => "Tiedostosta ei kirjattu mitään: siinä on korjattavia rivejä. Tarkista tiedosto nähdäksesi ne.",
            (InvalidHoldingsImport, Sv) => "Inget från filen registrerades: den har rader att rätta. Kontrollera filen för att se dem.",
            (InvalidHoldingsImport, En) => "Nothing from the file was entered: it has lines to correct. Check the file to see them.",
            (InvalidReportPeriod, En) => "The report's period is not valid. Give the months as YYYY-MM, the first not after the last, and at most 24 months.",
            (SettlementNotFound, Fi) => "Tilitystä ei löytynyt.",
            (SettlementNotFound, Sv) => "Avräkningen hittades inte.",
            (SettlementNotFound, En) => "The settlement was not found.",
            (SettlementWrongState, Fi) => "Tilitys ei ole tässä vaiheessa: luonnos vahvistetaan kerran, ja vain vahvistettu tilitys merkitään maksetuksi.",
            (SettlementWrongState, Sv) => "Avräkningen är inte i rätt skede: ett utkast bekräftas en gång, och endast en bekräftad avräkning markeras som betald.",
            (SettlementWrongState, En) => "The settlement is not at that stage: a draft is confirmed once, and only a confirmed settlement is marked paid.",
            (SettlementChanged, Fi) => "Tilityksen käynti on muuttunut sen koostamisen jälkeen. Koosta kuukausi uudelleen ja tarkista se ennen vahvistamista.",
            (SettlementChanged, Sv) => "Ett besök i avräkningen har ändrats sedan den sammanställdes. Sammanställ månaden på nytt och kontrollera den innan du bekräftar.",
            (SettlementChanged, En) => "A visit in the settlement changed after it was gathered. Gather the month again and check it before confirming.",
            (SettlementEarlierOpen, Fi) => "Palveluntuottajan aiemman kuukauden tilitys on vielä luonnos. Vahvista se ensin.",
            (SettlementEarlierOpen, Sv) => "Serviceproducentens avräkning för en tidigare månad är fortfarande ett utkast. Bekräfta den först.",
            (SettlementEarlierOpen, En) => "The producer's settlement for an earlier month is still a draft. Confirm it first.",
            (PayerAccountMissing, Fi) => "Järjestäjän omaa pankkitiliä ei ole määritetty, joten maksuaineistoa ei voi muodostaa. Ota yhteyttä Setelin ylläpitoon.",
            (PayerAccountMissing, Sv) => "Anordnarens eget bankkonto har inte angetts, så ingen betalningsfil kan skapas. Kontakta Setelis administratörer.",
            (PayerAccountMissing, En) => "The organiser's own bank account is not configured, so no payment file can be written. Contact whoever runs Seteli for you.",
            (NothingToPay, Fi) => "Kuukauden vahvistetuissa tilityksissä ei ole maksettavaa palveluntuottajille, joiden tili on vahvistettu.",
            (NothingToPay, Sv) => "De bekräftade avräkningarna för månaden har inget att betala till producenter med bekräftat konto.",
            (NothingToPay, En) => "The month's confirmed settlements have nothing to pay to producers with a confirmed account.",
            (AccountWrongState, Fi) => "Tilinmuutos on jo käsitelty tai korvattu uudemmalla.",
            (AccountWrongState, Sv) => "Kontoändringen har redan behandlats eller ersatts av en nyare.",
            (AccountWrongState, En) => "The account change has already been decided or replaced by a newer one.",
            (NoAccountRole, Fi) => "Vain yrityksen puolesta sitoumuksia tekevä voi muuttaa sen pankkitiliä.",
            (NoAccountRole, Sv) => "Endast den som kan binda företaget kan ändra dess bankkonto.",
            (NoAccountRole, En) => "Only a person who can bind the company may change its bank account.",
            (InvalidAuthorisation, Fi) => "Valtuusasian tiedoissa on puuttuva tai virheellinen kohta. Korjaa merkitty kenttä.",
            (InvalidAuthorisation, Sv) => "Fullmaktsärendets uppgifter har en saknad eller felaktig del. Rätta det markerade fältet.",
            (InvalidAuthorisation, En) => "The authorisation's details have a missing or invalid part. Correct the marked field.",
            (InvalidAuthorisationOrder, Fi) => "Tilauksessa on puuttuva tai virheellinen kohta. Korjaa merkitty kenttä.",
            (InvalidAuthorisationOrder, Sv) => "Beställningen har en saknad eller felaktig del. Rätta det markerade fältet.",
            (InvalidAuthorisationOrder, En) => "The order has a missing or invalid part. Correct the marked field.",
            (UnknownAuthorisation, Fi) => "Valtuutta ei ole organisaation valtuusluettelossa. Valitse valtuus luettelosta tai pyydä valtuuksien hallinnoijaa lisäämään se.",
            (UnknownAuthorisation, Sv) => "Fullmakten finns inte i organisationens förteckning. Välj en fullmakt i förteckningen eller be fullmaktsadministratören lägga till den.",
            (UnknownAuthorisation, En) => "The authorisation is not in the organisation's catalogue. Choose one from the catalogue or ask the authorisation administrator to add it.",
            (AuthorisationNotHeld, Fi) => "Organisaatiolla ei vielä ole tätä valtuutta. Tilaa se reitillä, jossa valtuus haetaan ensin DVV:ltä.",
            (AuthorisationNotHeld, Sv) => "Organisationen har ännu inte denna fullmakt. Beställ den på vägen där fullmakten först söks hos MDB.",
            (AuthorisationNotHeld, En) => "The organisation does not hold this authorisation yet. Order it on the path that applies to DVV first.",
            (AuthorisationAlreadyHeld, Fi) => "Organisaatiolla on jo tämä valtuus. Tilaa se työntekijälle olemassa olevan valtuuden reitillä.",
            (AuthorisationAlreadyHeld, Sv) => "Organisationen har redan denna fullmakt. Beställ den för den anställda på vägen för befintliga fullmakter.",
            (AuthorisationAlreadyHeld, En) => "The organisation already holds this authorisation. Order it for the employee on the path for existing authorisations.",
            (NotYourTeam, Fi) => "Voit tilata valtuuksia itsellesi. Esihenkilö voi tilata niitä oman toimialansa työntekijöille.",
            (NotYourTeam, Sv) => "Du kan beställa fullmakter åt dig själv. En chef kan beställa dem åt anställda inom sin egen sektor.",
            (NotYourTeam, En) => "You can order authorisations for yourself. A supervisor can order them for employees of their own department.",
            (OrderNotFound, Fi) => "Tilausta ei löytynyt.",
            (OrderNotFound, Sv) => "Beställningen hittades inte.",
            (OrderNotFound, En) => "The order was not found.",
            (OrderAwaitsDvv, Fi) => "DVV ei ole vielä myöntänyt valtuutta organisaatiolle. Kirjaa ensin DVV:n päätös.",
            (OrderAwaitsDvv, Sv) => "MDB har ännu inte beviljat organisationen fullmakten. Registrera först MDB:s beslut.",
            (OrderAwaitsDvv, En) => "DVV has not granted the organisation the authorisation yet. Record DVV's decision first.",
            (HoldingNotFound, Fi) => "Valtuutta ei löytynyt valtuusrekisteristä.",
            (HoldingNotFound, Sv) => "Fullmakten hittades inte i registret.",
            (HoldingNotFound, En) => "The holding was not found in the register.",
            (HoldingEnded, Fi) => "Valtuus on jo päättynyt.",
            (HoldingEnded, Sv) => "Fullmakten har redan upphört.",
            (HoldingEnded, En) => "The authorisation has already ended.",
            (NotTheNamedGuardian, Fi) => "Suostumuksen voi antaa vain hakemuksessa nimetty huoltaja, joka asioi lapsen puolesta Suomi.fi-valtuuksien kautta.",
            (NotTheNamedGuardian, Sv) => "Samtycke kan ges endast av den vårdnadshavare som nämns i ansökan och som uträttar ärenden för barnet via Suomi.fi-fullmakter.",
            (NotTheNamedGuardian, En) => "Only the guardian named in the application, acting for the child through Suomi.fi e-Authorizations, can give consent.",
            (MessageNotHeld, En) => "The message is not waiting for review: it has been sent already or will go out from the queue by itself.",
            (CaseWrongState, Fi) => "Asia ei ole vaiheessa, jossa tämän voi tehdä. Lataa sivu nähdäksesi asian tilan.",
            (CaseWrongState, Sv) => "Ärendet är inte i ett skede där detta kan göras. Ladda om sidan för att se ärendets läge.",
            (CaseWrongState, En) => "The case is not at a stage where this can be done. Reload the page to see where it stands.",
            (CaseNotYours, Fi) => "Asia on toisen käsittelijän. Pyydä häntä siirtämään se sinulle.",
            (CaseNotYours, Sv) => "Ärendet handläggs av någon annan. Be handläggaren att överföra det till dig.",
            (CaseNotYours, En) => "Another handler holds the case. Ask them to hand it over to you.",
            (CaseChanged, Fi) => "Asiaa muutettiin samaan aikaan. Lataa sivu ja yritä uudelleen.",
            (CaseChanged, Sv) => "Ärendet ändrades samtidigt. Ladda om sidan och försök igen.",
            (CaseChanged, En) => "The case was changed at the same moment. Reload the page and try again.",
            (ApprovalWrongState, Fi) => "Hyväksyntä ei ole tilassa, jossa tämän voi tehdä: keskeyttää voi voimassa olevan, peruuttaa voimassa olevan tai keskeytetyn ja palauttaa keskeytetyn.",
            (ApprovalWrongState, Sv) => "Godkännandet är inte i ett läge där detta kan göras: ett gällande kan avbrytas, ett gällande eller avbrutet återkallas och ett avbrutet återställas.",
            (ApprovalWrongState, En) => "The approval is not in a state that allows this: an approval in force can be suspended, one in force or suspended withdrawn, and a suspended one lifted.",
            _ => self.common_message(lang),
        }
    }
}

/// What a registered message or text reads as in a browser entry that has not registered
/// them (`i18n::register_private_texts`).
pub const NOT_REGISTERED: &str = "…";

// In the browser the registered messages are reached only through a function an entry
// registers, so the linker leaves them out of the entries that do not; natively all are
// always there.
#[cfg(target_arch = "wasm32")]
static MESSAGES: std::sync::OnceLock<fn(ErrorCode, Lang) -> &'static str> =
    std::sync::OnceLock::new();

fn registered_message(code: ErrorCode, lang: Lang) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    return MESSAGES
        .get()
        .map_or(NOT_REGISTERED, |lookup| lookup(code, lang));
    #[cfg(not(target_arch = "wasm32"))]
    code.registered_text(lang)
}

/// Makes the registered messages available (called by `i18n::register_private_texts`).
pub(crate) fn register_messages() {
    #[cfg(target_arch = "wasm32")]
    let _ = MESSAGES.set(ErrorCode::registered_text);
}

/// An error as the API sends it: `{"code": "...", "message": "..."}`, plus a `reference`
/// on internal errors so a person can quote it to support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `no_right_to_act`: the Valtuudet issue URIs the mandate would need (see
    /// [`crate::mandates::issue_name`] and [`crate::mandates::MANDATE_REQUEST_URL`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandate_issues: Vec<String>,
    /// The form field to correct (its name in the request body), for errors about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    /// The error with its standard message in `lang`.
    pub fn new(code: ErrorCode, lang: Lang) -> Self {
        Self {
            code,
            message: code.message(lang).to_owned(),
            reference: None,
            mandate_issues: Vec::new(),
            field: None,
        }
    }

    /// The error about one field of the request body, which the form then marks.
    pub fn field(code: ErrorCode, field: &str, lang: Lang) -> Self {
        Self {
            field: Some(field.to_owned()),
            ..Self::new(code, lang)
        }
    }

    /// `no_right_to_act` for a mandate that lacks `issues`: the message names them, so the
    /// person knows which mandate to ask for.
    pub fn mandate_needed(issues: &[&str], lang: Lang) -> Self {
        let names: Vec<&str> = issues
            .iter()
            .map(|uri| crate::mandates::issue_name(uri, lang))
            .collect();
        let needed = match lang {
            Lang::Fi => "Tarvitset valtuuden asiaan",
            Lang::Sv => "Du behöver en fullmakt för ärendet",
            Lang::En => "You need a mandate for",
        };
        Self {
            code: ErrorCode::NoRightToAct,
            message: format!(
                "{} {needed}: {}.",
                ErrorCode::NoRightToAct.message(lang),
                names.join(", ")
            ),
            reference: None,
            mandate_issues: issues.iter().map(|uri| (*uri).to_owned()).collect(),
            field: None,
        }
    }

    /// An internal error that names the reference id under which the edge logged the cause.
    pub fn internal(reference: String, lang: Lang) -> Self {
        let message = format!("{} ({reference})", ErrorCode::Internal.message(lang));
        Self {
            code: ErrorCode::Internal,
            message,
            reference: Some(reference),
            mandate_issues: Vec::new(),
            field: None,
        }
    }

    pub fn status(&self) -> u16 {
        self.code.status()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialize_with_a_stable_code() {
        let e = ApiError::new(ErrorCode::UnknownService, Lang::En);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "unknown_service");
        assert_eq!(
            json["message"],
            "Service not found. Choose one from the list."
        );
        assert!(json.get("reference").is_none());
    }

    #[test]
    fn internal_errors_carry_the_reference_in_the_message() {
        let e = ApiError::internal("ab12cd".into(), Lang::Fi);
        assert_eq!(e.status(), 500);
        assert!(e.message.contains("ab12cd"));
    }

    #[test]
    fn every_code_has_a_message_in_every_language() {
        for &code in ErrorCode::ALL {
            for lang in Lang::ALL {
                assert!(!code.message(lang).is_empty());
            }
            assert!(code.status() >= 400);
        }
    }

    #[test]
    fn an_error_about_a_field_names_it_on_the_wire() {
        let e = ApiError::field(ErrorCode::InvalidDecision, "valid_until", Lang::Fi);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["field"], "valid_until");
        assert_eq!(json["code"], "invalid_decision");
        assert!(
            serde_json::to_value(ApiError::new(ErrorCode::NotFound, Lang::Fi))
                .unwrap()
                .get("field")
                .is_none()
        );
    }

    #[test]
    fn every_code_has_its_own_message_in_one_group_or_the_other() {
        for &code in ErrorCode::ALL {
            for lang in Lang::ALL {
                assert_ne!(code.message(lang), NOT_REGISTERED, "{code:?} {lang:?}");
            }
        }
        // The public comparison's own errors are not the logged-in pages'.
        assert!(!ErrorCode::InvalidVoucherValue.message_registered());
        assert!(!ErrorCode::Network.message_registered());
        assert!(ErrorCode::CustomerNotFound.message_registered());
        assert_eq!(
            ErrorCode::CustomerNotFound.message(Lang::Fi),
            "Asiakasta ei löytynyt."
        );
        assert_eq!(
            ErrorCode::NotFound.message(Lang::En),
            "The page or item was not found."
        );
    }
}
