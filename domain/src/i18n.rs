//! The one catalogue of user-interface text, in Finnish (the default), Swedish and English.
//!
//! [`t`] is one exhaustive `match` over `(Text, Lang)`: a text added without all three
//! translations does not compile. Texts that carry a number, a price or a date are
//! functions here too, so that word order and plural forms stay with the language.
//!
//! Terminology, used the same way everywhere: *palveluseteli* / *servicesedel* /
//! *service voucher*; *palveluntuottaja* / *serviceproducent* / *service provider*;
//! *omavastuuosuus* / *självriskandel* / *own share* (the part of the price the voucher
//! does not cover).

use crate::api::MessageKind;
use crate::catalogue::Unit;
use crate::lang::Lang;
use crate::mandates::{Basis, OnBehalfAction};
use crate::money::Cents;
use crate::voucher::SurveyQuestion;

/// Declares [`Text`] and [`Text::ALL`] from one list, so that `ALL` cannot miss a text.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A piece of interface text. Its translations are in [`t`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[$doc])* $name,)*
        }

        impl Text {
            /// Every text, for tests that check the whole catalogue.
            pub const ALL: &'static [Text] = &[$(Text::$name,)*];
        }
    };
}

texts! {
    // The page frame.
    SiteName,
    SiteTagline,
    SkipToContent,
    MainNavLabel,
    LanguageNavLabel,
    NavComparison,
    FooterText,
    // Logging in and out.
    LogIn,
    LogOut,
    StaffLogin,
    LoggedInAs,
    AccountNavLabel,
    LoginCancelled,
    LoginFailed,
    LoginUnavailable,
    Dismiss,
    Loading,
    ErrorTitle,
    Retry,
    // The comparison.
    ComparisonTitle,
    ComparisonLead,
    SearchFormLabel,
    MunicipalityLabel,
    ChooseMunicipality,
    ServiceLabel,
    ChooseService,
    VoucherLabel,
    VoucherHint,
    SortLabel,
    SortPrice,
    SortOwnShare,
    SortName,
    ShowPrices,
    IntroHeading,
    IntroStep1,
    IntroStep2,
    IntroStep3,
    ResultsHeading,
    EmptyTitle,
    EmptyHint,
    PageOutOfRange,
    FirstPage,
    Price,
    OwnShare,
    ServiceLanguages,
    /// The customer-satisfaction figure's label.
    Satisfaction,
    /// When a producer has too few survey answers for a published figure.
    SatisfactionNotYet,
    Location,
    PagerLabel,
    PreviousPage,
    NextPage,
    ChartTitle,
    ChartCovered,
    ChartPrice,
    ChartNoVoucherHint,
    // A producer's profile.
    ProducerFallbackTitle,
    BusinessId,
    ContactHeading,
    Address,
    Phone,
    Email,
    Website,
    ServicesHeading,
    ServicesCaption,
    ColumnService,
    ColumnMunicipality,
    ColumnPrice,
    ColumnValidFrom,
    NoServices,
    BackToComparison,
    ProducerNotFoundTitle,
    // Unknown addresses.
    NotFoundTitle,
    NotFoundText,
    GoToComparison,
    // The logged-in customer's pages.
    MyVouchersTitle,
    MyFeedbackTitle,
    LoginRequiredTitle,
    LoginRequiredText,
    LoginRequiredAction,
    MyVouchersLead,
    VouchersEmptyTitle,
    VouchersEmptyText,
    VoucherNumberLabel,
    VoucherNumberHint,
    VoucherValueLabel,
    ValidityLabel,
    GrantedLabel,
    GrantedUnitsLabel,
    BalanceLabel,
    StatusLabel,
    StatusActive,
    StatusEnded,
    StatusCancelled,
    OpenVoucher,
    VoucherFallbackTitle,
    VoucherNotFoundTitle,
    BackToMyVouchers,
    EventsHeading,
    EventsCaption,
    EventsEmpty,
    ColumnDate,
    ColumnProducer,
    ColumnWhatWasDone,
    ColumnUnits,
    ColumnUnitPrice,
    ColumnVoucherShare,
    // Feedback.
    FeedbackHeading,
    FeedbackIntro,
    FeedbackUnavailable,
    FeedbackProducerLabel,
    FeedbackEventLabel,
    FeedbackNoEvent,
    FeedbackBodyLabel,
    FeedbackBodyHint,
    FeedbackSubmit,
    FeedbackEmptyError,
    FeedbackTooLongError,
    FeedbackSent,
    SeeMyFeedback,
    Sending,
    MyFeedbackLead,
    FeedbackEmpty,
    FeedbackEmptyHint,
    FeedbackSentOn,
    ProducerReply,
    NoReplyYet,
    ShowVoucher,
    // The satisfaction survey.
    SurveyHeading,
    SurveyIntro,
    SurveyOverall,
    SurveyPunctuality,
    SurveyStaff,
    SurveyInformation,
    Score1,
    Score2,
    Score3,
    Score4,
    Score5,
    SurveyCommentLabel,
    SurveyCommentHint,
    SurveySubmit,
    SurveyMissingAnswers,
    SurveyCommentTooLong,
    SurveySent,
    // Acting on behalf of someone else.
    ActingBannerLabel,
    BasisLabel,
    BasisGuardian,
    BasisMandate,
    BasisRegisteredProxy,
    ActForMyself,
    ChooseSomeoneElse,
    NavOnBehalf,
    NavTrail,
    NavMessages,
    OnBehalfTitle,
    OnBehalfLead,
    ValtuudetHeading,
    ValtuudetLead,
    ActForChild,
    ActForChildHint,
    ActForAdult,
    ActForAdultHint,
    RegisteredHeading,
    RegisteredLead,
    RegisteredEmpty,
    Switching,
    RefusalTitle,
    RefusalNoChildren,
    RefusalNoMandators,
    RefusalNoPrincipals,
    RefusalStartAgainHint,
    RefusalNoRight,
    RefusalNoData,
    RefusalUnavailable,
    RefusalExpired,
    RefusalCompanyTitle,
    RefusalNoCompanies,
    RefusalNoCompanyRole,
    RefusalNotAProducer,
    CompanyHeading,
    CompanyLead,
    ActForCompany,
    ActForCompanyHint,
    MandateNeeded,
    MandateRequestLink,
    ChooseAgain,
    ChooseCompanyAgain,
    // What others did on the person's behalf, and the messages about it.
    TrailTitle,
    TrailLead,
    TrailEmpty,
    TrailActorLabel,
    TrailActionLabel,
    ResultLabel,
    ResultAllowed,
    ResultRefused,
    ActionChoose,
    ActionViewVouchers,
    ActionViewFeedback,
    ActionViewTrail,
    ActionViewMessages,
    ActionGiveFeedback,
    ActionAnswerSurvey,
    MessagesTitle,
    MessagesLead,
    MessagesEmpty,
    MessageQueued,
    MessageSent,
    // A producer company's pages.
    ChooseOther,
    NavProducerHome,
    NavProducerVoucher,
    NavProducerPrices,
    NavProducerFeedback,
    NotActingTitle,
    NotActingText,
    ChooseCompany,
    BackToProducerHome,
    ProducerHomeTitle,
    ProducerHomeLead,
    FindVoucherAction,
    ServedVouchersHeading,
    ServedVouchersEmpty,
    FeedbackWaitingHeading,
    FeedbackWaitingEmpty,
    ReplyToFeedbackLink,
    RecentEventsHeading,
    ProducerEventsEmpty,
    ProducerServicesHeading,
    ProducerServicesEmpty,
    ChangePricesLink,
    YourPriceToday,
    NoPriceToday,
    LookupTitle,
    LookupLead,
    LookupNumberHint,
    LookupNumberMissing,
    LookupSubmit,
    Searching,
    FindAnotherVoucher,
    LogVisitHeading,
    EventDateLabel,
    EventDateMissing,
    EventInFuture,
    EventOutsideValidity,
    EventUnitsHint,
    EventUnitsFormat,
    EventUnitsRange,
    EventSharesHint,
    EventOverBalance,
    EventDescriptionLabel,
    EventDescriptionHint,
    EventDescriptionProblem,
    EventSubmit,
    EventSent,
    EventQueued,
    EventNoPrice,
    VisitsHeading,
    VisitsHint,
    EventCancel,
    EventCancelConfirm,
    EventCancelKeep,
    EventCancelled,
    EventCorrection,
    EventCorrect,
    CorrectionHint,
    CorrectionSubmit,
    CorrectionClose,
    CorrectionSent,
    CorrectsEarlierVisit,
    QueueHeading,
    QueueCountLabel,
    QueueHint,
    QueueAllSent,
    QueueRefused,
    QueueSyncing,
    SyncNow,
    PricesTitle,
    PricesLead,
    UpcomingPrices,
    PriceValidFromLabel,
    PriceSubmit,
    PriceAmountProblem,
    PriceDateMissing,
    PriceDateTooEarly,
    ProducerFeedbackTitle,
    ProducerFeedbackLead,
    ProducerFeedbackEmpty,
    FeedbackReceivedOn,
    YourReply,
    ReplyLabel,
    ReplyHint,
    ReplyEmptyError,
    ReplySubmit,
    ReplySent,
}

/// `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    use Lang::*;
    use Text::*;
    match (text, lang) {
        (SiteName, _) => "Seteli",
        (SiteTagline, Fi) => "Palvelusetelin palveluntuottajat ja hinnat",
        (SiteTagline, Sv) => "Serviceproducenter och priser för servicesedeln",
        (SiteTagline, En) => "Service voucher providers and prices",
        (LogIn, Fi) => "Kirjaudu sisään",
        (LogIn, Sv) => "Logga in",
        (LogIn, En) => "Log in",
        (StaffLogin, Fi) => "Kirjautuminen henkilöstölle",
        (StaffLogin, Sv) => "Inloggning för personal",
        (StaffLogin, En) => "Staff login",
        (LogOut, Fi) => "Kirjaudu ulos",
        (LogOut, Sv) => "Logga ut",
        (LogOut, En) => "Log out",
        (LoggedInAs, Fi) => "Kirjautuneena",
        (LoggedInAs, Sv) => "Inloggad som",
        (LoggedInAs, En) => "Logged in as",
        (AccountNavLabel, Fi) => "Käyttäjä",
        (AccountNavLabel, Sv) => "Användare",
        (AccountNavLabel, En) => "Account",
        (LoginCancelled, Fi) => "Tunnistautuminen keskeytettiin. Et ole kirjautunut sisään.",
        (LoginCancelled, Sv) => "Identifieringen avbröts. Du är inte inloggad.",
        (LoginCancelled, En) => "Identification was cancelled. You are not logged in.",
        (LoginFailed, Fi) => "Kirjautuminen ei onnistunut. Yritä uudelleen kirjautumalla sisään.",
        (LoginFailed, Sv) => "Inloggningen lyckades inte. Försök igen genom att logga in.",
        (LoginFailed, En) => "Logging in did not succeed. Please try logging in again.",
        (LoginUnavailable, Fi) => "Tunnistuspalveluun ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen.",
        (LoginUnavailable, Sv) => "Identifieringstjänsten kan inte nås just nu. Försök igen om en stund.",
        (LoginUnavailable, En) => "The identification service cannot be reached right now. Please try again shortly.",
        (Dismiss, Fi) => "Sulje ilmoitus",
        (Dismiss, Sv) => "Stäng meddelandet",
        (Dismiss, En) => "Close the notice",
        (SkipToContent, Fi) => "Siirry pääsisältöön",
        (SkipToContent, Sv) => "Gå till huvudinnehållet",
        (SkipToContent, En) => "Skip to main content",
        (MainNavLabel, Fi) => "Päävalikko",
        (MainNavLabel, Sv) => "Huvudmeny",
        (MainNavLabel, En) => "Main menu",
        (LanguageNavLabel, Fi) => "Kielivalinta",
        (LanguageNavLabel, Sv) => "Språkval",
        (LanguageNavLabel, En) => "Language",
        (NavComparison, Fi) => "Vertaile palveluntuottajia",
        (NavComparison, Sv) => "Jämför serviceproducenter",
        (NavComparison, En) => "Compare service providers",
        (FooterText, Fi) => "Seteli näyttää kuntien hyväksymät palvelusetelin palveluntuottajat ja niiden ilmoittamat hinnat.",
        (FooterText, Sv) => "Seteli visar de serviceproducenter som kommunerna har godkänt för servicesedeln och de priser som producenterna har meddelat.",
        (FooterText, En) => "Seteli shows the service voucher providers approved by municipalities and the prices the providers have reported.",
        (Loading, Fi) => "Ladataan…",
        (Loading, Sv) => "Laddar…",
        (Loading, En) => "Loading…",
        (ErrorTitle, Fi) => "Tietoja ei saatu haettua",
        (ErrorTitle, Sv) => "Uppgifterna kunde inte hämtas",
        (ErrorTitle, En) => "The information could not be loaded",
        (Retry, Fi) => "Yritä uudelleen",
        (Retry, Sv) => "Försök igen",
        (Retry, En) => "Try again",

        (ComparisonTitle, Fi) => "Vertaile palveluntuottajia",
        (ComparisonTitle, Sv) => "Jämför serviceproducenter",
        (ComparisonTitle, En) => "Compare service providers",
        (ComparisonLead, Fi) => "Palvelusetelillä voit ostaa palvelun kunnan hyväksymältä palveluntuottajalta. Valitse kunta ja palvelu, niin näet palveluntuottajat ja niiden hinnat. Kun annat palvelusetelin arvon, näet myös omavastuuosuutesi.",
        (ComparisonLead, Sv) => "Med servicesedeln kan du köpa tjänsten av en serviceproducent som kommunen har godkänt. Välj kommun och tjänst så ser du serviceproducenterna och deras priser. Om du anger servicesedelns värde ser du också din självriskandel.",
        (ComparisonLead, En) => "With a service voucher you can buy the service from a provider approved by the municipality. Choose a municipality and a service to see the providers and their prices. If you enter the value of your voucher, you will also see your own share.",
        (SearchFormLabel, Fi) => "Hakuehdot",
        (SearchFormLabel, Sv) => "Sökvillkor",
        (SearchFormLabel, En) => "Search criteria",
        (MunicipalityLabel, Fi) => "Kunta",
        (MunicipalityLabel, Sv) => "Kommun",
        (MunicipalityLabel, En) => "Municipality",
        (ChooseMunicipality, Fi) => "Valitse kunta",
        (ChooseMunicipality, Sv) => "Välj kommun",
        (ChooseMunicipality, En) => "Choose a municipality",
        (ServiceLabel, Fi) => "Palvelu",
        (ServiceLabel, Sv) => "Tjänst",
        (ServiceLabel, En) => "Service",
        (ChooseService, Fi) => "Valitse palvelu",
        (ChooseService, Sv) => "Välj tjänst",
        (ChooseService, En) => "Choose a service",
        (VoucherLabel, Fi) => "Palvelusetelin arvo euroina",
        (VoucherLabel, Sv) => "Servicesedelns värde i euro",
        (VoucherLabel, En) => "Service voucher value in euros",
        (VoucherHint, Fi) => "Vapaaehtoinen. Setelin arvo yksikköä, esimerkiksi tuntia tai käyntiä, kohden. Arvo on kunnan päätöksessä.",
        (VoucherHint, Sv) => "Frivilligt. Sedelns värde per enhet, till exempel per timme eller besök. Värdet står i kommunens beslut.",
        (VoucherHint, En) => "Optional. The voucher value per unit, for example per hour or visit, as stated in the municipality's decision.",
        (SortLabel, Fi) => "Järjestys",
        (SortLabel, Sv) => "Sortering",
        (SortLabel, En) => "Sort by",
        (SortPrice, Fi) => "Hinta, edullisin ensin",
        (SortPrice, Sv) => "Pris, lägsta först",
        (SortPrice, En) => "Price, lowest first",
        (SortOwnShare, Fi) => "Omavastuuosuus, pienin ensin",
        (SortOwnShare, Sv) => "Självriskandel, lägsta först",
        (SortOwnShare, En) => "Own share, lowest first",
        (SortName, Fi) => "Nimi, aakkosjärjestyksessä",
        (SortName, Sv) => "Namn, i alfabetisk ordning",
        (SortName, En) => "Name, alphabetical",
        (ShowPrices, Fi) => "Näytä hinnat",
        (ShowPrices, Sv) => "Visa priser",
        (ShowPrices, En) => "Show prices",
        (IntroHeading, Fi) => "Näin vertailet",
        (IntroHeading, Sv) => "Så här jämför du",
        (IntroHeading, En) => "How to compare",
        (IntroStep1, Fi) => "Valitse kunta, joka on myöntänyt sinulle palvelusetelin.",
        (IntroStep1, Sv) => "Välj den kommun som har beviljat dig servicesedeln.",
        (IntroStep1, En) => "Choose the municipality that granted you the service voucher.",
        (IntroStep2, Fi) => "Valitse palvelu, johon seteli on myönnetty.",
        (IntroStep2, Sv) => "Välj den tjänst som sedeln gäller.",
        (IntroStep2, En) => "Choose the service the voucher is for.",
        (IntroStep3, Fi) => "Anna halutessasi setelin arvo. Näet silloin, paljonko maksat itse kunkin palveluntuottajan hinnasta.",
        (IntroStep3, Sv) => "Ange gärna sedelns värde. Då ser du hur mycket du själv betalar av varje serviceproducents pris.",
        (IntroStep3, En) => "If you like, enter the voucher value. You will then see how much of each provider's price you pay yourself.",
        (ResultsHeading, Fi) => "Palveluntuottajat",
        (ResultsHeading, Sv) => "Serviceproducenter",
        (ResultsHeading, En) => "Service providers",
        (EmptyTitle, Fi) => "Kunnassa ei ole tätä palvelua tarjoavia hyväksyttyjä palveluntuottajia.",
        (EmptyTitle, Sv) => "Det finns inga godkända serviceproducenter som erbjuder den här tjänsten i kommunen.",
        (EmptyTitle, En) => "No approved service providers offer this service in this municipality.",
        (EmptyHint, Fi) => "Valitse toinen palvelu tai kunta, tai kysy lisätietoja kuntasi palveluohjauksesta.",
        (EmptyHint, Sv) => "Välj en annan tjänst eller kommun, eller fråga kommunens servicehandledning.",
        (EmptyHint, En) => "Choose another service or municipality, or ask your municipality's client guidance.",
        (PageOutOfRange, Fi) => "Tällä sivulla ei ole tuloksia.",
        (PageOutOfRange, Sv) => "Det finns inga resultat på den här sidan.",
        (PageOutOfRange, En) => "There are no results on this page.",
        (FirstPage, Fi) => "Siirry ensimmäiselle sivulle",
        (FirstPage, Sv) => "Gå till första sidan",
        (FirstPage, En) => "Go to the first page",
        (Price, Fi) => "Hinta",
        (Price, Sv) => "Pris",
        (Price, En) => "Price",
        (OwnShare, Fi) => "Omavastuuosuus",
        (OwnShare, Sv) => "Självriskandel",
        (OwnShare, En) => "Own share",
        (ServiceLanguages, Fi) => "Palvelukielet",
        (ServiceLanguages, Sv) => "Servicespråk",
        (ServiceLanguages, En) => "Languages",
        (Satisfaction, Fi) => "Asiakastyytyväisyys",
        (Satisfaction, Sv) => "Kundnöjdhet",
        (Satisfaction, En) => "Customer satisfaction",
        (SatisfactionNotYet, Fi) => "Ei vielä riittävästi vastauksia",
        (SatisfactionNotYet, Sv) => "Ännu för få svar",
        (SatisfactionNotYet, En) => "Not enough answers yet",
        (Location, Fi) => "Toimipaikka",
        (Location, Sv) => "Verksamhetsort",
        (Location, En) => "Location",
        (PagerLabel, Fi) => "Tulossivut",
        (PagerLabel, Sv) => "Resultatsidor",
        (PagerLabel, En) => "Result pages",
        (PreviousPage, Fi) => "Edellinen sivu",
        (PreviousPage, Sv) => "Föregående sida",
        (PreviousPage, En) => "Previous page",
        (NextPage, Fi) => "Seuraava sivu",
        (NextPage, Sv) => "Nästa sida",
        (NextPage, En) => "Next page",
        (ChartTitle, Fi) => "Hintavertailu",
        (ChartTitle, Sv) => "Prisjämförelse",
        (ChartTitle, En) => "Price comparison",
        (ChartCovered, Fi) => "Palveluseteli kattaa",
        (ChartCovered, Sv) => "Servicesedeln täcker",
        (ChartCovered, En) => "Covered by the voucher",
        (ChartPrice, Fi) => "Hinta yksikköä kohden",
        (ChartPrice, Sv) => "Pris per enhet",
        (ChartPrice, En) => "Price per unit",
        (ChartNoVoucherHint, Fi) => "Anna palvelusetelin arvo, niin kaaviossa näkyy myös omavastuuosuus.",
        (ChartNoVoucherHint, Sv) => "Ange servicesedelns värde så visar diagrammet också självriskandelen.",
        (ChartNoVoucherHint, En) => "Enter the voucher value to see the own share in the chart as well.",

        (ProducerFallbackTitle, Fi) => "Palveluntuottaja",
        (ProducerFallbackTitle, Sv) => "Serviceproducent",
        (ProducerFallbackTitle, En) => "Service provider",
        (BusinessId, Fi) => "Y-tunnus",
        (BusinessId, Sv) => "FO-nummer",
        (BusinessId, En) => "Business ID",
        (ContactHeading, Fi) => "Yhteystiedot",
        (ContactHeading, Sv) => "Kontaktuppgifter",
        (ContactHeading, En) => "Contact details",
        (Address, Fi) => "Osoite",
        (Address, Sv) => "Adress",
        (Address, En) => "Address",
        (Phone, Fi) => "Puhelin",
        (Phone, Sv) => "Telefon",
        (Phone, En) => "Phone",
        (Email, Fi) => "Sähköposti",
        (Email, Sv) => "E-post",
        (Email, En) => "Email",
        (Website, Fi) => "Verkkosivut",
        (Website, Sv) => "Webbplats",
        (Website, En) => "Website",
        (ServicesHeading, Fi) => "Palvelut ja hinnat",
        (ServicesHeading, Sv) => "Tjänster och priser",
        (ServicesHeading, En) => "Services and prices",
        (ServicesCaption, Fi) => "Hyväksytyt palvelut kunnittain ja voimassa olevat hinnat",
        (ServicesCaption, Sv) => "Godkända tjänster per kommun och gällande priser",
        (ServicesCaption, En) => "Approved services by municipality, with current prices",
        (ColumnService, Fi) => "Palvelu",
        (ColumnService, Sv) => "Tjänst",
        (ColumnService, En) => "Service",
        (ColumnMunicipality, Fi) => "Kunta",
        (ColumnMunicipality, Sv) => "Kommun",
        (ColumnMunicipality, En) => "Municipality",
        (ColumnPrice, Fi) => "Hinta",
        (ColumnPrice, Sv) => "Pris",
        (ColumnPrice, En) => "Price",
        (ColumnValidFrom, Fi) => "Voimassa alkaen",
        (ColumnValidFrom, Sv) => "Gäller från",
        (ColumnValidFrom, En) => "Valid from",
        (NoServices, Fi) => "Palveluntuottajalla ei tällä hetkellä ole hyväksyttyjä palveluja.",
        (NoServices, Sv) => "Serviceproducenten har för närvarande inga godkända tjänster.",
        (NoServices, En) => "The provider currently has no approved services.",
        (BackToComparison, Fi) => "Takaisin vertailuun",
        (BackToComparison, Sv) => "Tillbaka till jämförelsen",
        (BackToComparison, En) => "Back to the comparison",
        (ProducerNotFoundTitle, Fi) => "Palveluntuottajaa ei löytynyt",
        (ProducerNotFoundTitle, Sv) => "Serviceproducenten hittades inte",
        (ProducerNotFoundTitle, En) => "Service provider not found",

        (NotFoundTitle, Fi) => "Sivua ei löytynyt",
        (NotFoundTitle, Sv) => "Sidan hittades inte",
        (NotFoundTitle, En) => "Page not found",
        (NotFoundText, Fi) => "Tässä osoitteessa ei ole sivua. Sivu on voinut siirtyä tai poistua.",
        (NotFoundText, Sv) => "Det finns ingen sida på den här adressen. Sidan kan ha flyttats eller tagits bort.",
        (NotFoundText, En) => "There is no page at this address. It may have moved or been removed.",
        (GoToComparison, Fi) => "Siirry vertailemaan palveluntuottajia",
        (GoToComparison, Sv) => "Gå till jämförelsen av serviceproducenter",
        (GoToComparison, En) => "Go to the service provider comparison",

        (MyVouchersTitle, Fi) => "Omat palvelusetelit",
        (MyVouchersTitle, Sv) => "Mina servicesedlar",
        (MyVouchersTitle, En) => "My vouchers",
        (MyFeedbackTitle, Fi) => "Palautteeni",
        (MyFeedbackTitle, Sv) => "Min respons",
        (MyFeedbackTitle, En) => "My feedback",
        (LoginRequiredTitle, Fi) => "Kirjaudu sisään nähdäksesi tämän sivun",
        (LoginRequiredTitle, Sv) => "Logga in för att se den här sidan",
        (LoginRequiredTitle, En) => "Log in to see this page",
        (LoginRequiredText, Fi) => "Sivulla näytetään henkilökohtaisia tietojasi, kuten palvelusetelisi ja niillä ostetut palvelut. Siksi sinun täytyy ensin tunnistautua vahvasti pankkitunnuksilla tai mobiilivarmenteella.",
        (LoginRequiredText, Sv) => "Sidan visar dina personliga uppgifter, till exempel dina servicesedlar och de tjänster som köpts med dem. Därför måste du först identifiera dig starkt med bankkoder eller mobilcertifikat.",
        (LoginRequiredText, En) => "This page shows your personal information, such as your service vouchers and the services bought with them. You therefore need to identify yourself first with strong identification: online banking codes or a mobile certificate.",
        (LoginRequiredAction, Fi) => "Tunnistaudu ja kirjaudu sisään",
        (LoginRequiredAction, Sv) => "Identifiera dig och logga in",
        (LoginRequiredAction, En) => "Identify yourself and log in",
        (MyVouchersLead, Fi) => "Tässä ovat palvelusetelit, jotka kunta on myöntänyt sinulle. Näet, paljonko setelin ostovoimaa on jäljellä ja mitä palveluja sillä on ostettu.",
        (MyVouchersLead, Sv) => "Här är de servicesedlar som kommunen har beviljat dig. Du ser hur mycket av sedelns köpkraft som återstår och vilka tjänster som har köpts med den.",
        (MyVouchersLead, En) => "These are the service vouchers your municipality has granted you. You can see how much of each voucher's purchasing power is left and which services have been bought with it.",
        (VouchersEmptyTitle, Fi) => "Sinulla ei ole palveluseteleitä.",
        (VouchersEmptyTitle, Sv) => "Du har inga servicesedlar.",
        (VouchersEmptyTitle, En) => "You have no service vouchers.",
        (VouchersEmptyText, Fi) => "Palvelusetelin myöntää kotikuntasi. Jos tarvitset esimerkiksi kotihoitoa tai siivousta, ota yhteyttä kuntasi palveluohjaukseen tai sosiaalitoimistoon. Siellä arvioidaan tarpeesi ja kerrotaan, voitko saada palvelusetelin. Myönnetyt setelit näkyvät tällä sivulla.",
        (VouchersEmptyText, Sv) => "Servicesedeln beviljas av din hemkommun. Om du behöver till exempel hemvård eller städning, kontakta kommunens servicehandledning eller socialbyrå. Där bedöms ditt behov och du får veta om du kan få en servicesedel. Beviljade sedlar visas på den här sidan.",
        (VouchersEmptyText, En) => "Service vouchers are granted by your home municipality. If you need, for example, home care or cleaning, contact your municipality's client guidance or social services office. They will assess your needs and tell you whether you can get a voucher. Vouchers you are granted appear on this page.",
        (VoucherNumberLabel, Fi) => "Setelin numero",
        (VoucherNumberLabel, Sv) => "Sedelns nummer",
        (VoucherNumberLabel, En) => "Voucher number",
        (VoucherNumberHint, Fi) => "Anna tämä numero palveluntuottajalle, kun sovit palvelusta.",
        (VoucherNumberHint, Sv) => "Ge det här numret till serviceproducenten när ni kommer överens om tjänsten.",
        (VoucherNumberHint, En) => "Give this number to the service provider when you arrange the service.",
        (VoucherValueLabel, Fi) => "Setelin arvo",
        (VoucherValueLabel, Sv) => "Sedelns värde",
        (VoucherValueLabel, En) => "Voucher value",
        (ValidityLabel, Fi) => "Voimassaoloaika",
        (ValidityLabel, Sv) => "Giltighetstid",
        (ValidityLabel, En) => "Valid",
        (GrantedLabel, Fi) => "Myönnetty ostovoima",
        (GrantedLabel, Sv) => "Beviljad köpkraft",
        (GrantedLabel, En) => "Purchasing power granted",
        (GrantedUnitsLabel, Fi) => "Myönnetty määrä",
        (GrantedUnitsLabel, Sv) => "Beviljad mängd",
        (GrantedUnitsLabel, En) => "Amount granted",
        (BalanceLabel, Fi) => "Jäljellä",
        (BalanceLabel, Sv) => "Kvar",
        (BalanceLabel, En) => "Left",
        (StatusLabel, Fi) => "Tila",
        (StatusLabel, Sv) => "Status",
        (StatusLabel, En) => "Status",
        (StatusActive, Fi) => "Voimassa",
        (StatusActive, Sv) => "Giltig",
        (StatusActive, En) => "Active",
        (StatusEnded, Fi) => "Päättynyt",
        (StatusEnded, Sv) => "Upphört",
        (StatusEnded, En) => "Ended",
        (StatusCancelled, Fi) => "Peruttu",
        (StatusCancelled, Sv) => "Annullerad",
        (StatusCancelled, En) => "Cancelled",
        (OpenVoucher, Fi) => "Näytä käynnit ja anna palautetta",
        (OpenVoucher, Sv) => "Visa besöken och ge respons",
        (OpenVoucher, En) => "Show visits and give feedback",
        (VoucherFallbackTitle, Fi) => "Palveluseteli",
        (VoucherFallbackTitle, Sv) => "Servicesedel",
        (VoucherFallbackTitle, En) => "Service voucher",
        (VoucherNotFoundTitle, Fi) => "Palveluseteliä ei löytynyt",
        (VoucherNotFoundTitle, Sv) => "Servicesedeln hittades inte",
        (VoucherNotFoundTitle, En) => "Voucher not found",
        (BackToMyVouchers, Fi) => "Takaisin omiin palveluseteleihin",
        (BackToMyVouchers, Sv) => "Tillbaka till mina servicesedlar",
        (BackToMyVouchers, En) => "Back to my vouchers",
        (EventsHeading, Fi) => "Palvelukäynnit",
        (EventsHeading, Sv) => "Servicebesök",
        (EventsHeading, En) => "Service visits",
        (EventsCaption, Fi) => "Palveluntuottajien kirjaamat käynnit, uusin ensin",
        (EventsCaption, Sv) => "Besök som serviceproducenterna har registrerat, det senaste först",
        (EventsCaption, En) => "Visits recorded by service providers, newest first",
        (EventsEmpty, Fi) => "Tälle setelille ei ole vielä kirjattu käyntejä. Palveluntuottaja kirjaa käynnin, kun olet antanut sille setelin numeron.",
        (EventsEmpty, Sv) => "Inga besök har registrerats på den här sedeln ännu. Serviceproducenten registrerar besöket när du har gett den sedelns nummer.",
        (EventsEmpty, En) => "No visits have been recorded on this voucher yet. The provider records a visit once you have given it the voucher number.",
        (ColumnDate, Fi) => "Päivä",
        (ColumnDate, Sv) => "Datum",
        (ColumnDate, En) => "Date",
        (ColumnProducer, Fi) => "Palveluntuottaja",
        (ColumnProducer, Sv) => "Serviceproducent",
        (ColumnProducer, En) => "Provider",
        (ColumnWhatWasDone, Fi) => "Mitä tehtiin",
        (ColumnWhatWasDone, Sv) => "Vad som gjordes",
        (ColumnWhatWasDone, En) => "What was done",
        (ColumnUnits, Fi) => "Määrä",
        (ColumnUnits, Sv) => "Mängd",
        (ColumnUnits, En) => "Amount",
        (ColumnUnitPrice, Fi) => "Yksikköhinta",
        (ColumnUnitPrice, Sv) => "Enhetspris",
        (ColumnUnitPrice, En) => "Unit price",
        (ColumnVoucherShare, Fi) => "Setelin osuus",
        (ColumnVoucherShare, Sv) => "Sedelns andel",
        (ColumnVoucherShare, En) => "Voucher's share",

        (FeedbackHeading, Fi) => "Anna palautetta",
        (FeedbackHeading, Sv) => "Ge respons",
        (FeedbackHeading, En) => "Give feedback",
        (FeedbackIntro, Fi) => "Palaute menee palveluntuottajalle, joka voi vastata siihen. Näet vastauksen sivulla Palautteeni.",
        (FeedbackIntro, Sv) => "Responsen går till serviceproducenten, som kan svara på den. Du ser svaret på sidan Min respons.",
        (FeedbackIntro, En) => "Your feedback goes to the provider, who can reply to it. You will see the reply on the My feedback page.",
        (FeedbackUnavailable, Fi) => "Voit antaa palautetta ja vastata tyytyväisyyskyselyyn, kun palveluntuottaja on kirjannut tälle setelille käynnin.",
        (FeedbackUnavailable, Sv) => "Du kan ge respons och svara på nöjdhetsenkäten när en serviceproducent har registrerat ett besök på den här sedeln.",
        (FeedbackUnavailable, En) => "You can give feedback and answer the satisfaction survey once a provider has recorded a visit on this voucher.",
        (FeedbackProducerLabel, Fi) => "Palveluntuottaja, jolle palaute annetaan",
        (FeedbackProducerLabel, Sv) => "Serviceproducent som responsen gäller",
        (FeedbackProducerLabel, En) => "Provider the feedback is for",
        (FeedbackEventLabel, Fi) => "Käynti, jota palaute koskee (vapaaehtoinen)",
        (FeedbackEventLabel, Sv) => "Besök som responsen gäller (frivilligt)",
        (FeedbackEventLabel, En) => "Visit the feedback is about (optional)",
        (FeedbackNoEvent, Fi) => "Ei tiettyä käyntiä",
        (FeedbackNoEvent, Sv) => "Inget särskilt besök",
        (FeedbackNoEvent, En) => "No specific visit",
        (FeedbackBodyLabel, Fi) => "Palautteesi",
        (FeedbackBodyLabel, Sv) => "Din respons",
        (FeedbackBodyLabel, En) => "Your feedback",
        (FeedbackBodyHint, Fi) => "Enintään 2000 merkkiä. Älä kirjoita palautteeseen henkilötunnustasi.",
        (FeedbackBodyHint, Sv) => "Högst 2000 tecken. Skriv inte din personbeteckning i responsen.",
        (FeedbackBodyHint, En) => "At most 2000 characters. Do not write your personal identity code in the feedback.",
        (FeedbackSubmit, Fi) => "Lähetä palaute",
        (FeedbackSubmit, Sv) => "Skicka responsen",
        (FeedbackSubmit, En) => "Send feedback",
        (FeedbackEmptyError, Fi) => "Kirjoita palaute ennen lähettämistä.",
        (FeedbackEmptyError, Sv) => "Skriv responsen innan du skickar den.",
        (FeedbackEmptyError, En) => "Write your feedback before sending it.",
        (FeedbackTooLongError, Fi) => "Palaute on liian pitkä. Lyhennä se enintään 2000 merkkiin.",
        (FeedbackTooLongError, Sv) => "Responsen är för lång. Förkorta den till högst 2000 tecken.",
        (FeedbackTooLongError, En) => "The feedback is too long. Shorten it to at most 2000 characters.",
        (FeedbackSent, Fi) => "Kiitos! Palautteesi on lähetetty palveluntuottajalle.",
        (FeedbackSent, Sv) => "Tack! Din respons har skickats till serviceproducenten.",
        (FeedbackSent, En) => "Thank you! Your feedback has been sent to the provider.",
        (SeeMyFeedback, Fi) => "Näytä palautteeni ja vastaukset",
        (SeeMyFeedback, Sv) => "Visa min respons och svaren",
        (SeeMyFeedback, En) => "See my feedback and the replies",
        (Sending, Fi) => "Lähetetään…",
        (Sending, Sv) => "Skickas…",
        (Sending, En) => "Sending…",
        (MyFeedbackLead, Fi) => "Tässä ovat palautteet, jotka olet antanut palveluntuottajille, uusin ensin, ja palveluntuottajien vastaukset niihin.",
        (MyFeedbackLead, Sv) => "Här är den respons du har gett serviceproducenterna, den senaste först, och producenternas svar.",
        (MyFeedbackLead, En) => "Here is the feedback you have given to service providers, newest first, with the providers' replies.",
        (FeedbackEmpty, Fi) => "Et ole vielä antanut palautetta.",
        (FeedbackEmpty, Sv) => "Du har inte gett någon respons ännu.",
        (FeedbackEmpty, En) => "You have not given any feedback yet.",
        (FeedbackEmptyHint, Fi) => "Voit antaa palautetta palveluntuottajalle palvelusetelisi sivulla, kun se on kirjannut käynnin setelillesi.",
        (FeedbackEmptyHint, Sv) => "Du kan ge respons till en serviceproducent på din servicesedels sida när den har registrerat ett besök på din sedel.",
        (FeedbackEmptyHint, En) => "You can give feedback to a provider on your voucher's page once it has recorded a visit on your voucher.",
        (FeedbackSentOn, Fi) => "Lähetetty",
        (FeedbackSentOn, Sv) => "Skickad",
        (FeedbackSentOn, En) => "Sent",
        (ProducerReply, Fi) => "Palveluntuottajan vastaus",
        (ProducerReply, Sv) => "Serviceproducentens svar",
        (ProducerReply, En) => "The provider's reply",
        (NoReplyYet, Fi) => "Ei vielä vastausta.",
        (NoReplyYet, Sv) => "Inget svar ännu.",
        (NoReplyYet, En) => "No reply yet.",
        (ShowVoucher, Fi) => "Näytä palveluseteli",
        (ShowVoucher, Sv) => "Visa servicesedeln",
        (ShowVoucher, En) => "Show the voucher",

        (SurveyHeading, Fi) => "Tyytyväisyyskysely",
        (SurveyHeading, Sv) => "Nöjdhetsenkät",
        (SurveyHeading, En) => "Satisfaction survey",
        (SurveyIntro, Fi) => "Kerro kerran kuukaudessa, kuinka tyytyväinen olet kunkin palveluntuottajan palveluun. Vastaukset kootaan palveluntuottajien laatutietoihin.",
        (SurveyIntro, Sv) => "Berätta en gång i månaden hur nöjd du är med varje serviceproducents tjänst. Svaren sammanställs till producenternas kvalitetsuppgifter.",
        (SurveyIntro, En) => "Once a month, tell us how satisfied you are with each provider's service. The answers are compiled into the providers' quality figures.",
        (SurveyOverall, Fi) => "Kuinka tyytyväinen olet palveluun kokonaisuutena?",
        (SurveyOverall, Sv) => "Hur nöjd är du med tjänsten som helhet?",
        (SurveyOverall, En) => "How satisfied are you with the service overall?",
        (SurveyPunctuality, Fi) => "Tuliko työntekijä sovittuun aikaan?",
        (SurveyPunctuality, Sv) => "Kom personalen vid överenskommen tid?",
        (SurveyPunctuality, En) => "Did the worker come at the agreed time?",
        (SurveyStaff, Fi) => "Miten työntekijät kohtelivat sinua?",
        (SurveyStaff, Sv) => "Hur bemötte personalen dig?",
        (SurveyStaff, En) => "How did the staff treat you?",
        (SurveyInformation, Fi) => "Saitko tarpeeksi tietoa palvelusta?",
        (SurveyInformation, Sv) => "Fick du tillräckligt med information om tjänsten?",
        (SurveyInformation, En) => "Did you get enough information about the service?",
        (Score1, Fi) => "Erittäin huono",
        (Score1, Sv) => "Mycket dålig",
        (Score1, En) => "Very poor",
        (Score2, Fi) => "Huono",
        (Score2, Sv) => "Dålig",
        (Score2, En) => "Poor",
        (Score3, Fi) => "Kohtalainen",
        (Score3, Sv) => "Varken bra eller dålig",
        (Score3, En) => "Fair",
        (Score4, Fi) => "Hyvä",
        (Score4, Sv) => "Bra",
        (Score4, En) => "Good",
        (Score5, Fi) => "Erittäin hyvä",
        (Score5, Sv) => "Mycket bra",
        (Score5, En) => "Very good",
        (SurveyCommentLabel, Fi) => "Kommentti (vapaaehtoinen)",
        (SurveyCommentLabel, Sv) => "Kommentar (frivilligt)",
        (SurveyCommentLabel, En) => "Comment (optional)",
        (SurveyCommentHint, Fi) => "Enintään 1000 merkkiä.",
        (SurveyCommentHint, Sv) => "Högst 1000 tecken.",
        (SurveyCommentHint, En) => "At most 1000 characters.",
        (SurveySubmit, Fi) => "Lähetä vastaukset",
        (SurveySubmit, Sv) => "Skicka svaren",
        (SurveySubmit, En) => "Send answers",
        (SurveyMissingAnswers, Fi) => "Vastaa kaikkiin neljään kysymykseen. Merkityt kysymykset ovat vielä vastaamatta.",
        (SurveyMissingAnswers, Sv) => "Svara på alla fyra frågor. De markerade frågorna är ännu obesvarade.",
        (SurveyMissingAnswers, En) => "Answer all four questions. The marked questions are still unanswered.",
        (SurveyCommentTooLong, Fi) => "Kommentti on liian pitkä. Lyhennä se enintään 1000 merkkiin.",
        (SurveyCommentTooLong, Sv) => "Kommentaren är för lång. Förkorta den till högst 1000 tecken.",
        (SurveyCommentTooLong, En) => "The comment is too long. Shorten it to at most 1000 characters.",
        (SurveySent, Fi) => "Kiitos vastauksistasi! Voit vastata kyselyyn tästä palveluntuottajasta uudelleen ensi kuussa.",
        (SurveySent, Sv) => "Tack för dina svar! Du kan svara på enkäten om den här serviceproducenten igen nästa månad.",
        (SurveySent, En) => "Thank you for your answers! You can answer the survey about this provider again next month.",
        (ActingBannerLabel, Fi) => "Puolesta asiointi",
        (ActingBannerLabel, Sv) => "Ärenden för någon annan",
        (ActingBannerLabel, En) => "Acting on behalf of someone",
        (BasisLabel, Fi) => "Peruste",
        (BasisLabel, Sv) => "Grund",
        (BasisLabel, En) => "Basis",
        (BasisGuardian, Fi) => "huoltaja",
        (BasisGuardian, Sv) => "vårdnadshavare",
        (BasisGuardian, En) => "guardian",
        (BasisMandate, Fi) => "valtuutus Suomi.fi-valtuuksissa",
        (BasisMandate, Sv) => "fullmakt i Suomi.fi-fullmakter",
        (BasisMandate, En) => "mandate in Suomi.fi e-Authorizations",
        (BasisRegisteredProxy, Fi) => "kunnan rekisteröimä asiamies",
        (BasisRegisteredProxy, Sv) => "ombud registrerat av kommunen",
        (BasisRegisteredProxy, En) => "proxy registered by the municipality",
        (ActForMyself, Fi) => "Asioi omana itsenäsi",
        (ActForMyself, Sv) => "Sköt dina egna ärenden",
        (ActForMyself, En) => "Act for myself",
        (ChooseSomeoneElse, Fi) => "Valitse toinen henkilö",
        (ChooseSomeoneElse, Sv) => "Välj en annan person",
        (ChooseSomeoneElse, En) => "Choose someone else",
        (NavOnBehalf, Fi) => "Asioi toisen puolesta",
        (NavOnBehalf, Sv) => "Ärenden för andra",
        (NavOnBehalf, En) => "Act for someone else",
        (NavTrail, Fi) => "Puolestani tehdyt",
        (NavTrail, Sv) => "Gjort för min räkning",
        (NavTrail, En) => "Done on my behalf",
        (NavMessages, Fi) => "Viestit",
        (NavMessages, Sv) => "Meddelanden",
        (NavMessages, En) => "Messages",
        (OnBehalfTitle, Fi) => "Asioi toisen henkilön puolesta",
        (OnBehalfTitle, Sv) => "Sköt ärenden för någon annan",
        (OnBehalfTitle, En) => "Act on behalf of someone else",
        (OnBehalfLead, Fi) => "Kun sinulla on siihen oikeus, voit katsoa toisen henkilön palveluseteleitä ja antaa palautetta hänen puolestaan. Kaikki, mitä teet hänen puolestaan, tallentuu, ja hän näkee sen.",
        (OnBehalfLead, Sv) => "När du har rätt till det kan du se en annan persons servicesedlar och ge respons för hens räkning. Allt du gör för personen sparas, och hen kan se det.",
        (OnBehalfLead, En) => "When you have the right to, you can see another person's service vouchers and give feedback on their behalf. Everything you do for them is recorded, and they can see it.",
        (ValtuudetHeading, Fi) => "Valitse henkilö Suomi.fi-valtuuksissa",
        (ValtuudetHeading, Sv) => "Välj personen i Suomi.fi-fullmakter",
        (ValtuudetHeading, En) => "Choose the person in Suomi.fi e-Authorizations",
        (ValtuudetLead, Fi) => "Siirryt Suomi.fi-valtuuksiin valitsemaan henkilön, ja palaat sen jälkeen tänne.",
        (ValtuudetLead, Sv) => "Du går till Suomi.fi-fullmakter för att välja personen och kommer sedan tillbaka hit.",
        (ValtuudetLead, En) => "You go to Suomi.fi e-Authorizations to choose the person and then come back here.",
        (ActForChild, Fi) => "Asioi lapsen puolesta",
        (ActForChild, Sv) => "Sköt ärenden för ett barn",
        (ActForChild, En) => "Act on behalf of a child",
        (ActForChildHint, Fi) => "Alle 18-vuotias lapsi, jonka huoltaja olet väestötietojärjestelmän mukaan.",
        (ActForChildHint, Sv) => "Ett barn under 18 år som du är vårdnadshavare för enligt befolkningsdatasystemet.",
        (ActForChildHint, En) => "A child under 18 whose guardian you are according to the population register.",
        (ActForAdult, Fi) => "Asioi toisen aikuisen puolesta (valtuutus)",
        (ActForAdult, Sv) => "Sköt ärenden för en annan vuxen (fullmakt)",
        (ActForAdult, En) => "Act on behalf of another adult (with a mandate)",
        (ActForAdultHint, Fi) => "Aikuinen, joka on valtuuttanut sinut Suomi.fi-valtuuksissa asioimaan puolestaan.",
        (ActForAdultHint, Sv) => "En vuxen som har gett dig fullmakt i Suomi.fi-fullmakter att sköta sina ärenden.",
        (ActForAdultHint, En) => "An adult who has given you a mandate in Suomi.fi e-Authorizations to act for them.",
        (RegisteredHeading, Fi) => "Kuntasi rekisteröimät asiamiehyydet",
        (RegisteredHeading, Sv) => "Ombudskap som din kommun har registrerat",
        (RegisteredHeading, En) => "Proxies registered by your municipality",
        (RegisteredLead, Fi) => "Henkilöt, joiden asiamieheksi kunta on rekisteröinyt sinut. Valitse henkilö, jonka puolesta haluat asioida.",
        (RegisteredLead, Sv) => "Personer som kommunen har registrerat dig som ombud för. Välj den person du vill sköta ärenden för.",
        (RegisteredLead, En) => "People for whom the municipality has registered you as a proxy. Choose the person you want to act for.",
        (RegisteredEmpty, Fi) => "Kunta ei ole rekisteröinyt sinua kenenkään asiamieheksi.",
        (RegisteredEmpty, Sv) => "Kommunen har inte registrerat dig som ombud för någon.",
        (RegisteredEmpty, En) => "The municipality has not registered you as anyone's proxy.",
        (Switching, Fi) => "Vaihdetaan…",
        (Switching, Sv) => "Byter…",
        (Switching, En) => "Switching…",
        (RefusalTitle, Fi) => "Henkilön valinta ei onnistunut",
        (RefusalTitle, Sv) => "Det gick inte att välja personen",
        (RefusalTitle, En) => "The person could not be chosen",
        (RefusalNoChildren, Fi) => "Ei puolesta-asiointilapsia.",
        (RefusalNoChildren, Sv) => "Det finns inga barn som du kan sköta ärenden för.",
        (RefusalNoChildren, En) => "No children to act for.",
        (RefusalNoMandators, Fi) => "Kukaan ei ole valtuuttanut sinua asioimaan puolestaan.",
        (RefusalNoMandators, Sv) => "Ingen har gett dig fullmakt att sköta sina ärenden.",
        (RefusalNoMandators, En) => "No one has given you a mandate to act for them.",
        (RefusalNoPrincipals, Fi) => "Ei henkilöitä, joiden puolesta voisit asioida.",
        (RefusalNoPrincipals, Sv) => "Det finns ingen som du kan sköta ärenden för.",
        (RefusalNoPrincipals, En) => "There is nobody you can act for.",
        (RefusalStartAgainHint, Fi) => "Jos peruutit valinnan, voit aloittaa uudelleen.",
        (RefusalStartAgainHint, Sv) => "Om du avbröt valet kan du börja om.",
        (RefusalStartAgainHint, En) => "If you cancelled the choice, you can start again.",
        (RefusalNoRight, Fi) => "Ei oikeuksia asioida tämän henkilön puolesta.",
        (RefusalNoRight, Sv) => "Du har inte rätt att sköta ärenden för den här personen.",
        (RefusalNoRight, En) => "You have no right to act for this person.",
        (RefusalNoData, Fi) => "Henkilötunnuksella ei löytynyt tietoja.",
        (RefusalNoData, Sv) => "Inga uppgifter hittades med personbeteckningen.",
        (RefusalNoData, En) => "No data was found for this person.",
        (RefusalUnavailable, Fi) => "Suomi.fi-valtuuksiin ei saatu yhteyttä. Mitään oikeuksia ei annettu; yritä hetken kuluttua uudelleen.",
        (RefusalUnavailable, Sv) => "Det gick inte att nå Suomi.fi-fullmakter. Inga rättigheter beviljades; försök igen om en stund.",
        (RefusalUnavailable, En) => "Suomi.fi e-Authorizations could not be reached. Nothing was granted; try again in a moment.",
        (RefusalExpired, Fi) => "Valinta kesti liian kauan tai keskeytyi. Aloita alusta.",
        (RefusalExpired, Sv) => "Valet tog för lång tid eller avbröts. Börja om.",
        (RefusalExpired, En) => "The choice took too long or was interrupted. Start again.",
        (RefusalCompanyTitle, Fi) => "Yrityksen valinta ei onnistunut",
        (RefusalCompanyTitle, Sv) => "Det gick inte att välja företaget",
        (RefusalCompanyTitle, En) => "The company could not be chosen",
        (RefusalNoCompanies, Fi) => "Sinulla ei ole rooleja yhdessäkään yrityksessä.",
        (RefusalNoCompanies, Sv) => "Du har inga roller i något företag.",
        (RefusalNoCompanies, En) => "You have no roles in any company.",
        (RefusalNoCompanyRole, Fi) => "Roolisi tässä yrityksessä eivät oikeuta asioimaan sen puolesta Setelissä. Asioida voivat toimitusjohtaja, hallituksen puheenjohtaja ja jäsenet, nimenkirjoittajat sekä henkilöt, joilla on valtuus palveluseteliasioihin.",
        (RefusalNoCompanyRole, Sv) => "Dina roller i det här företaget ger dig inte rätt att sköta dess ärenden i Seteli. Det kan verkställande direktören, styrelsens ordförande och ledamöter, firmatecknare och personer med fullmakt för ärenden som gäller servicesedlar.",
        (RefusalNoCompanyRole, En) => "Your roles in this company do not allow acting for it in Seteli. Managing directors, chairs, board members, signatories, or persons with a mandate for service-voucher matters can.",
        (RefusalNotAProducer, Fi) => "Yritys ei ole Setelissä palvelusetelin palveluntuottaja.",
        (RefusalNotAProducer, Sv) => "Företaget är inte serviceproducent för servicesedeln i Seteli.",
        (RefusalNotAProducer, En) => "This company is not a service-voucher producer in Seteli.",
        (CompanyHeading, Fi) => "Asioi palveluntuottajana",
        (CompanyHeading, Sv) => "Sköt ärenden som serviceproducent",
        (CompanyHeading, En) => "Act as a service provider",
        (CompanyLead, Fi) => "Siirryt Suomi.fi-valtuuksiin valitsemaan yrityksen, ja palaat sen jälkeen yrityksen etusivulle Setelissä.",
        (CompanyLead, Sv) => "Du går till Suomi.fi-fullmakter för att välja företaget och kommer sedan tillbaka till företagets startsida i Seteli.",
        (CompanyLead, En) => "You go to Suomi.fi e-Authorizations to choose the company and then come back to the company's home page in Seteli.",
        (ActForCompany, Fi) => "Asioi yrityksen puolesta (palveluntuottaja)",
        (ActForCompany, Sv) => "Sköt ärenden för ett företag (serviceproducent)",
        (ActForCompany, En) => "Act for a company (service producer)",
        (ActForCompanyHint, Fi) => "Palvelusetelin palveluntuottajaksi hyväksytty yritys, jossa sinulla on rooli kaupparekisterissä tai valtuus Suomi.fi-valtuuksissa.",
        (ActForCompanyHint, Sv) => "Ett företag som är godkänt som serviceproducent för servicesedeln och där du har en roll i handelsregistret eller en fullmakt i Suomi.fi-fullmakter.",
        (ActForCompanyHint, En) => "A company approved as a service voucher provider in which you have a role in the Trade Register or a mandate in Suomi.fi e-Authorizations.",
        (MandateNeeded, Fi) => "Tarvittava valtuusasia:",
        (MandateNeeded, Sv) => "Fullmakt behövs för ärendet:",
        (MandateNeeded, En) => "The mandate needed:",
        (MandateRequestLink, Fi) => "Henkilö voi valtuuttaa sinut Suomi.fi-valtuuksissa",
        (MandateRequestLink, Sv) => "Personen kan ge dig fullmakt i Suomi.fi-fullmakter",
        (MandateRequestLink, En) => "The person can give you a mandate in Suomi.fi e-Authorizations",
        (ChooseAgain, Fi) => "Valitse henkilö uudelleen",
        (ChooseAgain, Sv) => "Välj personen på nytt",
        (ChooseAgain, En) => "Choose the person again",
        (ChooseCompanyAgain, Fi) => "Valitse yritys uudelleen",
        (ChooseCompanyAgain, Sv) => "Välj företaget på nytt",
        (ChooseCompanyAgain, En) => "Choose the company again",
        (TrailTitle, Fi) => "Mitä muut ovat tehneet puolestani",
        (TrailTitle, Sv) => "Vad andra har gjort för min räkning",
        (TrailTitle, En) => "What others did on my behalf",
        (TrailLead, Fi) => "Kaikki, mitä huoltaja, valtuutettu tai kunnan rekisteröimä asiamies on tehnyt tai yrittänyt tehdä puolestasi, uusimmat ensin.",
        (TrailLead, Sv) => "Allt som en vårdnadshavare, en befullmäktigad eller ett ombud som kommunen registrerat har gjort eller försökt göra för din räkning, de senaste först.",
        (TrailLead, En) => "Everything a guardian, someone with a mandate or a proxy registered by the municipality has done or tried to do on your behalf, newest first.",
        (TrailEmpty, Fi) => "Kukaan ei ole asioinut puolestasi.",
        (TrailEmpty, Sv) => "Ingen har skött ärenden för din räkning.",
        (TrailEmpty, En) => "Nobody has acted on your behalf.",
        (TrailActorLabel, Fi) => "Kuka",
        (TrailActorLabel, Sv) => "Vem",
        (TrailActorLabel, En) => "Who",
        (TrailActionLabel, Fi) => "Mitä",
        (TrailActionLabel, Sv) => "Vad",
        (TrailActionLabel, En) => "What",
        (ResultLabel, Fi) => "Tulos",
        (ResultLabel, Sv) => "Resultat",
        (ResultLabel, En) => "Result",
        (ResultAllowed, Fi) => "Sallittiin",
        (ResultAllowed, Sv) => "Tilläts",
        (ResultAllowed, En) => "Allowed",
        (ResultRefused, Fi) => "Estettiin",
        (ResultRefused, Sv) => "Nekades",
        (ResultRefused, En) => "Refused",
        (ActionChoose, Fi) => "Valitsi asioida puolestasi",
        (ActionChoose, Sv) => "Valde att sköta ärenden för din räkning",
        (ActionChoose, En) => "Chose to act on your behalf",
        (ActionViewVouchers, Fi) => "Katsoi palveluseteleitäsi",
        (ActionViewVouchers, Sv) => "Tittade på dina servicesedlar",
        (ActionViewVouchers, En) => "Viewed your service vouchers",
        (ActionViewFeedback, Fi) => "Katsoi antamiasi palautteita",
        (ActionViewFeedback, Sv) => "Tittade på din respons",
        (ActionViewFeedback, En) => "Viewed your feedback",
        (ActionViewTrail, Fi) => "Katsoi, mitä muut ovat tehneet puolestasi",
        (ActionViewTrail, Sv) => "Tittade på vad andra har gjort för din räkning",
        (ActionViewTrail, En) => "Viewed what others did on your behalf",
        (ActionViewMessages, Fi) => "Katsoi viestejäsi",
        (ActionViewMessages, Sv) => "Tittade på dina meddelanden",
        (ActionViewMessages, En) => "Viewed your messages",
        (ActionGiveFeedback, Fi) => "Antoi palautetta palveluntuottajalle",
        (ActionGiveFeedback, Sv) => "Gav respons till en serviceproducent",
        (ActionGiveFeedback, En) => "Gave feedback to a service provider",
        (ActionAnswerSurvey, Fi) => "Vastasi tyytyväisyyskyselyyn",
        (ActionAnswerSurvey, Sv) => "Svarade på en nöjdhetsenkät",
        (ActionAnswerSurvey, En) => "Answered a satisfaction survey",
        (MessagesTitle, Fi) => "Viestit",
        (MessagesTitle, Sv) => "Meddelanden",
        (MessagesTitle, En) => "Messages",
        (MessagesLead, Fi) => "Kun joku antaa palautetta tai vastaa kyselyyn puolestasi, sinulle lähetetään siitä viesti Suomi.fi-viesteihin. Tässä ovat lähetetyt viestit, uusimmat ensin.",
        (MessagesLead, Sv) => "När någon ger respons eller svarar på en enkät för din räkning får du ett meddelande om det i Suomi.fi-meddelanden. Här är meddelandena, de senaste först.",
        (MessagesLead, En) => "When someone gives feedback or answers a survey on your behalf, you are sent a message about it in Suomi.fi Messages. Here are those messages, newest first.",
        (MessagesEmpty, Fi) => "Sinulle ei ole viestejä.",
        (MessagesEmpty, Sv) => "Du har inga meddelanden.",
        (MessagesEmpty, En) => "You have no messages.",
        (MessageQueued, Fi) => "Odottaa lähetystä Suomi.fi-viesteihin",
        (MessageQueued, Sv) => "Väntar på att skickas till Suomi.fi-meddelanden",
        (MessageQueued, En) => "Queued for Suomi.fi Messages",
        (MessageSent, Fi) => "Lähetetty Suomi.fi-viesteihin",
        (MessageSent, Sv) => "Skickat till Suomi.fi-meddelanden",
        (MessageSent, En) => "Sent to Suomi.fi Messages",
        (ChooseOther, Fi) => "Valitse toinen yritys tai henkilö",
        (ChooseOther, Sv) => "Välj ett annat företag eller en annan person",
        (ChooseOther, En) => "Choose another company or person",
        (NavProducerHome, Fi) => "Yrityksen etusivu",
        (NavProducerHome, Sv) => "Företagets startsida",
        (NavProducerHome, En) => "Company home",
        (NavProducerVoucher, Fi) => "Kirjaa käynti",
        (NavProducerVoucher, Sv) => "Registrera besök",
        (NavProducerVoucher, En) => "Log a visit",
        (NavProducerPrices, Fi) => "Hinnat",
        (NavProducerPrices, Sv) => "Priser",
        (NavProducerPrices, En) => "Prices",
        (NavProducerFeedback, Fi) => "Asiakaspalautteet",
        (NavProducerFeedback, Sv) => "Kundrespons",
        (NavProducerFeedback, En) => "Customer feedback",
        (NotActingTitle, Fi) => "Et asioi nyt yrityksen puolesta",
        (NotActingTitle, Sv) => "Du sköter inte ärenden för ett företag just nu",
        (NotActingTitle, En) => "You are not acting for a company",
        (NotActingText, Fi) => "Nämä sivut ovat palveluntuottajan työntekijöille. Valitse ensin yritys, jonka puolesta asioit. Valinta tehdään Suomi.fi-valtuuksissa.",
        (NotActingText, Sv) => "De här sidorna är för serviceproducentens anställda. Välj först det företag du sköter ärenden för. Valet görs i Suomi.fi-fullmakter.",
        (NotActingText, En) => "These pages are for a service provider's staff. First choose the company you act for; the choice is made in Suomi.fi e-Authorizations.",
        (ChooseCompany, Fi) => "Valitse yritys",
        (ChooseCompany, Sv) => "Välj företag",
        (ChooseCompany, En) => "Choose the company",
        (BackToProducerHome, Fi) => "Takaisin yrityksen etusivulle",
        (BackToProducerHome, Sv) => "Tillbaka till företagets startsida",
        (BackToProducerHome, En) => "Back to the company home",
        (ProducerHomeTitle, Fi) => "Palveluntuottajan etusivu",
        (ProducerHomeTitle, Sv) => "Serviceproducentens startsida",
        (ProducerHomeTitle, En) => "Service provider home",
        (ProducerHomeLead, Fi) => "Kirjaa asiakkaan käynti hakemalla hänen palvelusetelinsä numerolla.",
        (ProducerHomeLead, Sv) => "Registrera ett besök genom att söka fram kundens servicesedel med dess nummer.",
        (ProducerHomeLead, En) => "To log a visit, find the customer's service voucher by its number.",
        (FindVoucherAction, Fi) => "Hae seteli numerolla",
        (FindVoucherAction, Sv) => "Sök sedel med nummer",
        (FindVoucherAction, En) => "Find a voucher by number",
        (ServedVouchersHeading, Fi) => "Asiakkaiden palvelusetelit",
        (ServedVouchersHeading, Sv) => "Kundernas servicesedlar",
        (ServedVouchersHeading, En) => "Customers' service vouchers",
        (ServedVouchersEmpty, Fi) => "Asiakkaiden seteleitä ei vielä ole. Seteli lisätään tähän, kun haet sen asiakkaan antamalla numerolla.",
        (ServedVouchersEmpty, Sv) => "Det finns inga kundsedlar ännu. En sedel läggs till här när du söker fram den med numret som kunden ger.",
        (ServedVouchersEmpty, En) => "No customers' vouchers yet. A voucher is added here when you find it by the number the customer gives you.",
        (FeedbackWaitingHeading, Fi) => "Vastausta odottavat palautteet",
        (FeedbackWaitingHeading, Sv) => "Respons som väntar på svar",
        (FeedbackWaitingHeading, En) => "Feedback waiting for a reply",
        (FeedbackWaitingEmpty, Fi) => "Kaikkiin palautteisiin on vastattu.",
        (FeedbackWaitingEmpty, Sv) => "All respons har besvarats.",
        (FeedbackWaitingEmpty, En) => "All feedback has been replied to.",
        (ReplyToFeedbackLink, Fi) => "Vastaa palautteeseen",
        (ReplyToFeedbackLink, Sv) => "Svara på responsen",
        (ReplyToFeedbackLink, En) => "Reply to the feedback",
        (RecentEventsHeading, Fi) => "Viimeisimmät käynnit",
        (RecentEventsHeading, Sv) => "Senaste besöken",
        (RecentEventsHeading, En) => "Latest visits",
        (ProducerEventsEmpty, Fi) => "Käyntejä ei ole vielä kirjattu.",
        (ProducerEventsEmpty, Sv) => "Inga besök har registrerats ännu.",
        (ProducerEventsEmpty, En) => "No visits have been logged yet.",
        (ProducerServicesHeading, Fi) => "Palvelut ja tämän päivän hinnat",
        (ProducerServicesHeading, Sv) => "Tjänster och dagens priser",
        (ProducerServicesHeading, En) => "Services and today's prices",
        (ProducerServicesEmpty, Fi) => "Yritystä ei ole vielä hyväksytty tuottamaan yhtään palvelua. Kunta hyväksyy palveluntuottajat.",
        (ProducerServicesEmpty, Sv) => "Företaget har ännu inte godkänts för någon tjänst. Kommunen godkänner serviceproducenterna.",
        (ProducerServicesEmpty, En) => "The company has not yet been approved for any service. The municipality approves service providers.",
        (ChangePricesLink, Fi) => "Muuta hintoja",
        (ChangePricesLink, Sv) => "Ändra priser",
        (ChangePricesLink, En) => "Change prices",
        (YourPriceToday, Fi) => "Hintanne tänään",
        (YourPriceToday, Sv) => "Ert pris i dag",
        (YourPriceToday, En) => "Your price today",
        (NoPriceToday, Fi) => "Ei voimassa olevaa hintaa",
        (NoPriceToday, Sv) => "Inget gällande pris",
        (NoPriceToday, En) => "No price in effect",
        (LookupTitle, Fi) => "Hae palveluseteli",
        (LookupTitle, Sv) => "Sök servicesedel",
        (LookupTitle, En) => "Find a service voucher",
        (LookupLead, Fi) => "Kysy asiakkaalta palvelusetelin numero. Kun haet setelin, se liitetään yritykseenne ja voit kirjata sille käyntejä.",
        (LookupLead, Sv) => "Fråga kunden efter servicesedelns nummer. När du söker fram sedeln kopplas den till ert företag och du kan registrera besök på den.",
        (LookupLead, En) => "Ask the customer for the voucher number. Once you find the voucher, it is linked to your company and you can log visits on it.",
        (LookupNumberHint, Fi) => "12 numeroa, esimerkiksi 4821 9930 1177. Välilyönnit voi jättää pois.",
        (LookupNumberHint, Sv) => "12 siffror, till exempel 4821 9930 1177. Mellanslagen kan utelämnas.",
        (LookupNumberHint, En) => "12 digits, for example 4821 9930 1177. The spaces are optional.",
        (LookupNumberMissing, Fi) => "Kirjoita palvelusetelin numero.",
        (LookupNumberMissing, Sv) => "Skriv servicesedelns nummer.",
        (LookupNumberMissing, En) => "Enter the voucher number.",
        (LookupSubmit, Fi) => "Hae seteli",
        (LookupSubmit, Sv) => "Sök sedeln",
        (LookupSubmit, En) => "Find the voucher",
        (Searching, Fi) => "Haetaan…",
        (Searching, Sv) => "Söker…",
        (Searching, En) => "Searching…",
        (FindAnotherVoucher, Fi) => "Hae toinen seteli",
        (FindAnotherVoucher, Sv) => "Sök en annan sedel",
        (FindAnotherVoucher, En) => "Find another voucher",
        (LogVisitHeading, Fi) => "Kirjaa käynti",
        (LogVisitHeading, Sv) => "Registrera ett besök",
        (LogVisitHeading, En) => "Log a visit",
        (EventDateLabel, Fi) => "Käynnin päivä",
        (EventDateLabel, Sv) => "Besöksdatum",
        (EventDateLabel, En) => "Date of the visit",
        (EventDateMissing, Fi) => "Valitse käynnin päivä.",
        (EventDateMissing, Sv) => "Välj datum för besöket.",
        (EventDateMissing, En) => "Choose the date of the visit.",
        (EventInFuture, Fi) => "Käynnin päivä ei voi olla tulevaisuudessa.",
        (EventInFuture, Sv) => "Besöksdatumet kan inte vara i framtiden.",
        (EventInFuture, En) => "The date of the visit cannot be in the future.",
        (EventOutsideValidity, Fi) => "Käynnin päivän on oltava setelin voimassaoloaikana.",
        (EventOutsideValidity, Sv) => "Besöksdatumet måste vara inom sedelns giltighetstid.",
        (EventOutsideValidity, En) => "The date must be within the voucher's validity.",
        (EventUnitsHint, Fi) => "Desimaaliluku, esimerkiksi 1,5. Enintään 24.",
        (EventUnitsHint, Sv) => "Ett decimaltal, till exempel 1,5. Högst 24.",
        (EventUnitsHint, En) => "A decimal number, for example 1.5. At most 24.",
        (EventUnitsFormat, Fi) => "Anna määrä numerona, esimerkiksi 1,5 (enintään kaksi desimaalia).",
        (EventUnitsFormat, Sv) => "Ange mängden som ett tal, till exempel 1,5 (högst två decimaler).",
        (EventUnitsFormat, En) => "Enter the amount as a number, for example 1.5 (at most two decimals).",
        (EventUnitsRange, Fi) => "Määrän on oltava yli 0 ja enintään 24.",
        (EventUnitsRange, Sv) => "Mängden måste vara över 0 och högst 24.",
        (EventUnitsRange, En) => "The amount must be more than 0 and at most 24.",
        (EventSharesHint, Fi) => "Kun annat määrän, näet setelin osuuden ja asiakkaan omavastuuosuuden.",
        (EventSharesHint, Sv) => "När du anger mängden ser du sedelns andel och kundens självriskandel.",
        (EventSharesHint, En) => "Enter the amount to see the voucher's share and the customer's own share.",
        (EventOverBalance, Fi) => "Setelin jäljellä oleva arvo ei riitä tähän käyntiin.",
        (EventOverBalance, Sv) => "Sedelns återstående värde räcker inte för det här besöket.",
        (EventOverBalance, En) => "The voucher's remaining balance does not cover this visit.",
        (EventDescriptionLabel, Fi) => "Mitä tehtiin",
        (EventDescriptionLabel, Sv) => "Vad som gjordes",
        (EventDescriptionLabel, En) => "What was done",
        (EventDescriptionHint, Fi) => "Lyhyt kuvaus, enintään 500 merkkiä. Asiakas näkee sen.",
        (EventDescriptionHint, Sv) => "En kort beskrivning, högst 500 tecken. Kunden ser den.",
        (EventDescriptionHint, En) => "A short description, at most 500 characters. The customer sees it.",
        (EventDescriptionProblem, Fi) => "Kirjoita, mitä käynnillä tehtiin (1–500 merkkiä).",
        (EventDescriptionProblem, Sv) => "Skriv vad som gjordes under besöket (1–500 tecken).",
        (EventDescriptionProblem, En) => "Write what was done on the visit (1–500 characters).",
        (EventSubmit, Fi) => "Kirjaa käynti",
        (EventSubmit, Sv) => "Registrera besöket",
        (EventSubmit, En) => "Log the visit",
        (EventSent, Fi) => "Käynti on kirjattu.",
        (EventSent, Sv) => "Besöket har registrerats.",
        (EventSent, En) => "The visit has been logged.",
        (EventQueued, Fi) => "Ei yhteyttä. Käynti on tallennettu tähän laitteeseen, ja se lähetetään, kun yhteys palaa.",
        (EventQueued, Sv) => "Ingen anslutning. Besöket har sparats på den här enheten och skickas när anslutningen är tillbaka.",
        (EventQueued, En) => "No connection. The visit is saved on this device and will be sent when the connection returns.",
        (EventNoPrice, Fi) => "Teillä ei ole tänään voimassa olevaa hintaa tälle palvelulle tässä kunnassa, joten käyntejä ei voi kirjata. Hinnat asetetaan Hinnat-sivulla.",
        (EventNoPrice, Sv) => "Ni har inget pris som gäller i dag för den här tjänsten i kommunen, så besök kan inte registreras. Priser anges på sidan Priser.",
        (EventNoPrice, En) => "You have no price in effect today for this service in this municipality, so visits cannot be logged. Prices are set on the Prices page.",
        (VisitsHeading, Fi) => "Kirjatut käynnit",
        (VisitsHeading, Sv) => "Registrerade besök",
        (VisitsHeading, En) => "Logged visits",
        (VisitsHint, Fi) => "Käynnin voi korjata tai perua 14 päivän ajan sen kirjaamisesta.",
        (VisitsHint, Sv) => "Ett besök kan rättas eller annulleras inom 14 dagar efter att det registrerades.",
        (VisitsHint, En) => "A visit can be corrected or cancelled for 14 days after it was logged.",
        (EventCancel, Fi) => "Peru käynti",
        (EventCancel, Sv) => "Annullera besöket",
        (EventCancel, En) => "Cancel the visit",
        (EventCancelConfirm, Fi) => "Vahvista peruminen",
        (EventCancelConfirm, Sv) => "Bekräfta annulleringen",
        (EventCancelConfirm, En) => "Confirm cancellation",
        (EventCancelKeep, Fi) => "Älä peru",
        (EventCancelKeep, Sv) => "Annullera inte",
        (EventCancelKeep, En) => "Keep the visit",
        (EventCancelled, Fi) => "Käynti on peruttu, ja sen osuus on palautettu seteliin.",
        (EventCancelled, Sv) => "Besöket har annullerats och dess andel har återförts till sedeln.",
        (EventCancelled, En) => "The visit has been cancelled and its share returned to the voucher.",
        (EventCorrection, Fi) => "Korjaus",
        (EventCorrection, Sv) => "Rättelse",
        (EventCorrection, En) => "Correction",
        (EventCorrect, Fi) => "Korjaa käynti",
        (EventCorrect, Sv) => "Rätta besöket",
        (EventCorrect, En) => "Correct the visit",
        (CorrectionHint, Fi) => "Korjaus korvaa käynnin: alkuperäinen perutaan ja korjattu kirjataan sen tilalle tämän päivän hinnalla.",
        (CorrectionHint, Sv) => "Rättelsen ersätter besöket: det ursprungliga annulleras och det rättade registreras i stället till dagens pris.",
        (CorrectionHint, En) => "The correction replaces the visit: the original is cancelled and the corrected one is logged in its place at today's price.",
        (CorrectionSubmit, Fi) => "Tallenna korjaus",
        (CorrectionSubmit, Sv) => "Spara rättelsen",
        (CorrectionSubmit, En) => "Save the correction",
        (CorrectionClose, Fi) => "Sulje korjaamatta",
        (CorrectionClose, Sv) => "Stäng utan att rätta",
        (CorrectionClose, En) => "Close without correcting",
        (CorrectionSent, Fi) => "Käynti on korjattu: alkuperäinen on peruttu ja korjattu kirjattu sen tilalle.",
        (CorrectionSent, Sv) => "Besöket har rättats: det ursprungliga har annullerats och det rättade registrerats i stället.",
        (CorrectionSent, En) => "The visit has been corrected: the original has been cancelled and the corrected one logged in its place.",
        (CorrectsEarlierVisit, Fi) => "Korjaus aiempaan käyntiin",
        (CorrectsEarlierVisit, Sv) => "Rättelse av ett tidigare besök",
        (CorrectsEarlierVisit, En) => "Corrects an earlier visit",
        (QueueHeading, Fi) => "Lähettämättömät käynnit",
        (QueueHeading, Sv) => "Besök som inte har skickats",
        (QueueHeading, En) => "Visits not yet sent",
        (QueueCountLabel, Fi) => "Odottaa lähetystä",
        (QueueCountLabel, Sv) => "Väntar på att skickas",
        (QueueCountLabel, En) => "Waiting to be sent",
        (QueueHint, Fi) => "Käynnit on tallennettu tähän laitteeseen, ja ne lähetetään järjestyksessä, kun yhteys palaa.",
        (QueueHint, Sv) => "Besöken har sparats på den här enheten och skickas i tur och ordning när anslutningen är tillbaka.",
        (QueueHint, En) => "The visits are saved on this device and are sent in order when the connection returns.",
        (QueueAllSent, Fi) => "Kaikki käynnit on lähetetty.",
        (QueueAllSent, Sv) => "Alla besök har skickats.",
        (QueueAllSent, En) => "All visits have been sent.",
        (QueueRefused, Fi) => "Käyntiä ei voitu kirjata",
        (QueueRefused, Sv) => "Besöket kunde inte registreras",
        (QueueRefused, En) => "The visit could not be logged",
        (QueueSyncing, Fi) => "Lähetetään tallennettuja käyntejä…",
        (QueueSyncing, Sv) => "Sparade besök skickas…",
        (QueueSyncing, En) => "Sending saved visits…",
        (SyncNow, Fi) => "Lähetä nyt",
        (SyncNow, Sv) => "Skicka nu",
        (SyncNow, En) => "Send now",
        (PricesTitle, Fi) => "Hinnat",
        (PricesTitle, Sv) => "Priser",
        (PricesTitle, En) => "Prices",
        (PricesLead, Fi) => "Hinta on yksikköä kohden. Uusi hinta tulee voimaan valitsemanasi päivänä, aikaisintaan huomenna. Sitä ennen tehdyt käynnit laskutetaan vanhalla hinnalla.",
        (PricesLead, Sv) => "Priset gäller per enhet. Ett nytt pris träder i kraft den dag du väljer, tidigast i morgon. Besök före den dagen faktureras till det gamla priset.",
        (PricesLead, En) => "Prices are per unit. A new price takes effect on the day you choose, tomorrow at the earliest. Visits before that day are charged at the old price.",
        (UpcomingPrices, Fi) => "Tulevat hinnat",
        (UpcomingPrices, Sv) => "Kommande priser",
        (UpcomingPrices, En) => "Upcoming prices",
        (PriceValidFromLabel, Fi) => "Voimassa alkaen",
        (PriceValidFromLabel, Sv) => "Gäller från",
        (PriceValidFromLabel, En) => "Valid from",
        (PriceSubmit, Fi) => "Tallenna hinta",
        (PriceSubmit, Sv) => "Spara priset",
        (PriceSubmit, En) => "Save the price",
        (PriceAmountProblem, Fi) => "Anna hinta euroina, esimerkiksi 32 tai 32,50.",
        (PriceAmountProblem, Sv) => "Ange priset i euro, till exempel 32 eller 32,50.",
        (PriceAmountProblem, En) => "Enter the price in euros, for example 32 or 32.50.",
        (PriceDateMissing, Fi) => "Valitse päivä, josta alkaen hinta on voimassa.",
        (PriceDateMissing, Sv) => "Välj dagen från vilken priset gäller.",
        (PriceDateMissing, En) => "Choose the day the price takes effect.",
        (PriceDateTooEarly, Fi) => "Uusi hinta voi tulla voimaan aikaisintaan huomenna.",
        (PriceDateTooEarly, Sv) => "Ett nytt pris kan träda i kraft tidigast i morgon.",
        (PriceDateTooEarly, En) => "A new price can take effect tomorrow at the earliest.",
        (ProducerFeedbackTitle, Fi) => "Asiakaspalautteet",
        (ProducerFeedbackTitle, Sv) => "Kundrespons",
        (ProducerFeedbackTitle, En) => "Customer feedback",
        (ProducerFeedbackLead, Fi) => "Asiakkaiden palautteet uusimmasta alkaen. Asiakas näkee vastauksenne Seteli-palvelussa. Kuhunkin palautteeseen voi vastata kerran.",
        (ProducerFeedbackLead, Sv) => "Kundernas respons, den nyaste först. Kunden ser ert svar i Seteli. Varje respons kan besvaras en gång.",
        (ProducerFeedbackLead, En) => "Customers' feedback, newest first. The customer sees your reply in Seteli. Each feedback can be replied to once.",
        (ProducerFeedbackEmpty, Fi) => "Asiakkaat eivät ole vielä antaneet palautetta.",
        (ProducerFeedbackEmpty, Sv) => "Kunderna har inte gett någon respons ännu.",
        (ProducerFeedbackEmpty, En) => "Customers have not given any feedback yet.",
        (FeedbackReceivedOn, Fi) => "Saapunut",
        (FeedbackReceivedOn, Sv) => "Mottagen",
        (FeedbackReceivedOn, En) => "Received",
        (YourReply, Fi) => "Vastauksenne",
        (YourReply, Sv) => "Ert svar",
        (YourReply, En) => "Your reply",
        (ReplyLabel, Fi) => "Vastaus",
        (ReplyLabel, Sv) => "Svar",
        (ReplyLabel, En) => "Reply",
        (ReplyHint, Fi) => "1–2000 merkkiä. Asiakas näkee vastauksen, eikä sitä voi muuttaa jälkikäteen.",
        (ReplyHint, Sv) => "1–2000 tecken. Kunden ser svaret, och det kan inte ändras efteråt.",
        (ReplyHint, En) => "1–2000 characters. The customer sees the reply, and it cannot be changed afterwards.",
        (ReplyEmptyError, Fi) => "Kirjoita vastaus ennen lähettämistä.",
        (ReplyEmptyError, Sv) => "Skriv ett svar innan du skickar.",
        (ReplyEmptyError, En) => "Write a reply before sending.",
        (ReplySubmit, Fi) => "Lähetä vastaus",
        (ReplySubmit, Sv) => "Skicka svaret",
        (ReplySubmit, En) => "Send the reply",
        (ReplySent, Fi) => "Vastaus on lähetetty.",
        (ReplySent, Sv) => "Svaret har skickats.",
        (ReplySent, En) => "The reply has been sent.",
    }
}

/// The question a survey item asks.
pub fn survey_question(question: SurveyQuestion) -> Text {
    match question {
        SurveyQuestion::Overall => Text::SurveyOverall,
        SurveyQuestion::Punctuality => Text::SurveyPunctuality,
        SurveyQuestion::Staff => Text::SurveyStaff,
        SurveyQuestion::Information => Text::SurveyInformation,
    }
}

/// The words for a survey score, 1 = very poor … 5 = very good; `None` outside 1–5.
pub fn score_label(score: u8) -> Option<Text> {
    match score {
        1 => Some(Text::Score1),
        2 => Some(Text::Score2),
        3 => Some(Text::Score3),
        4 => Some(Text::Score4),
        5 => Some(Text::Score5),
        _ => None,
    }
}

/// A count of hundredths of a unit as a decimal number without trailing zeros: `1,5` in
/// Finnish and Swedish, `1.5` in English; whole numbers without decimals (`2`).
pub fn decimal_units(lang: Lang, units_x100: i64) -> String {
    let sign = if units_x100 < 0 { "-" } else { "" };
    let abs = units_x100.unsigned_abs();
    let (whole, hundredths) = (abs / 100, abs % 100);
    let separator = if lang == Lang::En { '.' } else { ',' };
    if hundredths == 0 {
        format!("{sign}{whole}")
    } else if hundredths % 10 == 0 {
        format!("{sign}{whole}{separator}{}", hundredths / 10)
    } else {
        format!("{sign}{whole}{separator}{hundredths:02}")
    }
}

/// A satisfaction figure: `4,2 / 5 (6 vastausta)`, `4,2 / 5 (6 svar)`, `4.2 / 5 (6 answers)`.
pub fn satisfaction_text(lang: Lang, s: crate::voucher::Satisfaction) -> String {
    let separator = if lang == Lang::En { '.' } else { ',' };
    let (whole, tenth) = (s.average_x10 / 10, s.average_x10 % 10);
    let answers = match (lang, s.answers) {
        (Lang::Fi, 1) => "vastaus",
        (Lang::Fi, _) => "vastausta",
        (Lang::Sv, _) => "svar",
        (Lang::En, 1) => "answer",
        (Lang::En, _) => "answers",
    };
    format!(
        "{whole}{separator}{tenth}\u{a0}/\u{a0}5 ({} {answers})",
        s.answers
    )
}

/// An amount of a unit, with the unit in the right number: `1 tunti`, `1,5 tuntia`,
/// `2 timmar`, `1.5 hours`. Only exactly one takes the singular, as in all three languages.
pub fn unit_quantity(lang: Lang, units_x100: i64, unit: Unit) -> String {
    let number = decimal_units(lang, units_x100);
    let word = if units_x100 == 100 {
        unit_name(lang, unit)
    } else {
        match (unit, lang) {
            (Unit::Hour, Lang::Fi) => "tuntia",
            (Unit::Hour, Lang::Sv) => "timmar",
            (Unit::Hour, Lang::En) => "hours",
            (Unit::Visit, Lang::Fi) => "käyntiä",
            (Unit::Visit, Lang::Sv) => "besök",
            (Unit::Visit, Lang::En) => "visits",
            (Unit::Day, Lang::Fi) => "päivää",
            (Unit::Day, Lang::Sv) => "dagar",
            (Unit::Day, Lang::En) => "days",
        }
    };
    // U+00A0 keeps the number and its unit on one line.
    format!("{number}\u{a0}{word}")
}

/// A validity period: `1.1.2026–31.12.2026`, `1 January 2026 – 31 December 2026`.
pub fn validity(lang: Lang, from_iso: &str, until_iso: &str) -> String {
    let (from, until) = (format_date(lang, from_iso), format_date(lang, until_iso));
    match lang {
        // Finnish and Swedish write a range of short dates without spaces around the dash.
        Lang::Fi | Lang::Sv => format!("{from}–{until}"),
        Lang::En => format!("{from} – {until}"),
    }
}

/// The text equivalent of a voucher's balance bar: `Ostovoimasta on jäljellä 50 %.`
pub fn share_left(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::Fi => format!("Ostovoimasta on jäljellä {percent}\u{a0}%."),
        Lang::Sv => format!("{percent}\u{a0}% av köpkraften återstår."),
        Lang::En => format!("{percent}% of the purchasing power is left."),
    }
}

/// How many characters may still be typed, for a screen reader near a text's limit:
/// `87 merkkiä jäljellä`; past the limit, how many too many.
pub fn characters_left(lang: Lang, count: usize, max: usize) -> String {
    if count > max {
        let over = count - max;
        return match (lang, over) {
            (Lang::Fi, 1) => "1 merkki liikaa".to_owned(),
            (Lang::Fi, n) => format!("{n} merkkiä liikaa"),
            (Lang::Sv, n) => format!("{n} tecken för mycket"),
            (Lang::En, 1) => "1 character too many".to_owned(),
            (Lang::En, n) => format!("{n} characters too many"),
        };
    }
    match (lang, max - count) {
        (Lang::Fi, 1) => "1 merkki jäljellä".to_owned(),
        (Lang::Fi, n) => format!("{n} merkkiä jäljellä"),
        (Lang::Sv, n) => format!("{n} tecken kvar"),
        (Lang::En, 1) => "1 character left".to_owned(),
        (Lang::En, n) => format!("{n} characters left"),
    }
}

/// Why a producer's survey form is not shown: this month's answer is already in.
pub fn survey_answered(lang: Lang, producer: &str) -> String {
    match lang {
        Lang::Fi => format!("Olet vastannut tämän kuun kyselyyn palveluntuottajasta {producer}. Voit vastata uudelleen ensi kuussa."),
        Lang::Sv => format!("Du har svarat på månadens enkät om {producer}. Du kan svara igen nästa månad."),
        Lang::En => format!("You have answered this month's survey about {producer}; you can answer again next month."),
    }
}

/// The comparison's button that fills in the logged-in customer's own voucher value:
/// `Käytä palvelusetelini arvoa (32,00 € / tunti)`.
pub fn use_my_voucher(lang: Lang, value: Cents, unit: Unit) -> String {
    let value = price_per_unit(lang, value, unit);
    match lang {
        Lang::Fi => format!("Käytä palvelusetelini arvoa ({value})"),
        Lang::Sv => format!("Använd min servicesedels värde ({value})"),
        Lang::En => format!("Use my voucher's value ({value})"),
    }
}

/// The name of a unit: `tunti`, `timme`, `hour`.
pub fn unit_name(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "tunti",
        (Unit::Hour, Lang::Sv) => "timme",
        (Unit::Hour, Lang::En) => "hour",
        (Unit::Visit, Lang::Fi) => "käynti",
        (Unit::Visit, Lang::Sv) => "besök",
        (Unit::Visit, Lang::En) => "visit",
        (Unit::Day, Lang::Fi) => "päivä",
        (Unit::Day, Lang::Sv) => "dag",
        (Unit::Day, Lang::En) => "day",
    }
}

/// "Per unit" as it follows an amount: `/ tunti`, `/ timme`, `/ hour`.
pub fn per_unit(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "/ tunti",
        (Unit::Hour, Lang::Sv) => "/ timme",
        (Unit::Hour, Lang::En) => "/ hour",
        (Unit::Visit, Lang::Fi) => "/ käynti",
        (Unit::Visit, Lang::Sv) => "/ besök",
        (Unit::Visit, Lang::En) => "/ visit",
        (Unit::Day, Lang::Fi) => "/ päivä",
        (Unit::Day, Lang::Sv) => "/ dag",
        (Unit::Day, Lang::En) => "/ day",
    }
}

/// An amount per unit: `32,00 € / tunti`, `€32.00 / hour`.
pub fn price_per_unit(lang: Lang, amount: Cents, unit: Unit) -> String {
    format!("{} {}", amount.format(lang), per_unit(lang, unit))
}

/// How many producers the comparison found: `1 palveluntuottaja`, `12 palveluntuottajaa`.
pub fn producer_count(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::Fi, 1) => "1 palveluntuottaja".to_owned(),
        (Lang::Fi, n) => format!("{n} palveluntuottajaa"),
        (Lang::Sv, 1) => "1 serviceproducent".to_owned(),
        (Lang::Sv, n) => format!("{n} serviceproducenter"),
        (Lang::En, 1) => "1 service provider".to_owned(),
        (Lang::En, n) => format!("{n} service providers"),
    }
}

/// Where the pager is: `Sivu 2 / 5`, `Sida 2 av 5`, `Page 2 of 5`.
pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Fi => format!("Sivu {page} / {pages}"),
        Lang::Sv => format!("Sida {page} av {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// A line for the browser tab: `Sivun nimi – Seteli`.
pub fn document_title(lang: Lang, page: &str) -> String {
    format!("{page} – {}", t(lang, Text::SiteName))
}

/// A text equivalent of one bar of the price chart. With a voucher value it tells how the
/// price splits into the part the voucher covers and the own share; without, the price.
pub fn chart_row_description(
    lang: Lang,
    producer: &str,
    price: Cents,
    unit: Unit,
    split: Option<(Cents, Cents)>,
) -> String {
    let price = price_per_unit(lang, price, unit);
    match (split, lang) {
        (None, Lang::Fi) => format!("{producer}: hinta {price}."),
        (None, Lang::Sv) => format!("{producer}: pris {price}."),
        (None, Lang::En) => format!("{producer}: price {price}."),
        (Some((covered, own)), Lang::Fi) => format!(
            "{producer}: hinta {price}, josta palveluseteli kattaa {} ja omavastuuosuus on {}.",
            covered.format(lang),
            own.format(lang)
        ),
        (Some((covered, own)), Lang::Sv) => format!(
            "{producer}: pris {price}, varav servicesedeln täcker {} och självriskandelen är {}.",
            covered.format(lang),
            own.format(lang)
        ),
        (Some((covered, own)), Lang::En) => format!(
            "{producer}: price {price}, of which the voucher covers {} and the own share is {}.",
            covered.format(lang),
            own.format(lang)
        ),
    }
}

/// The name, in `lang`, of the language with ISO 639-1 code `code`; `None` when the
/// catalogue does not know it (the caller then shows the code).
pub fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    let names: [&str; 3] = match code {
        "fi" => ["suomi", "finska", "Finnish"],
        "sv" => ["ruotsi", "svenska", "Swedish"],
        "en" => ["englanti", "engelska", "English"],
        "se" => ["pohjoissaame", "nordsamiska", "Northern Sami"],
        "ru" => ["venäjä", "ryska", "Russian"],
        "et" => ["viro", "estniska", "Estonian"],
        "uk" => ["ukraina", "ukrainska", "Ukrainian"],
        "ar" => ["arabia", "arabiska", "Arabic"],
        "so" => ["somali", "somaliska", "Somali"],
        "fa" => ["persia", "persiska", "Persian"],
        "de" => ["saksa", "tyska", "German"],
        "fr" => ["ranska", "franska", "French"],
        "es" => ["espanja", "spanska", "Spanish"],
        _ => return None,
    };
    Some(match lang {
        Lang::Fi => names[0],
        Lang::Sv => names[1],
        Lang::En => names[2],
    })
}

/// Language codes as a comma-separated list of names in `lang` (unknown codes in capitals).
pub fn language_list(lang: Lang, codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| language_name(lang, code).map_or_else(|| code.to_uppercase(), str::to_owned))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An ISO date (`2025-03-01`) as people read it: `1.3.2025` in Finnish and Swedish,
/// `1 March 2025` in English. Anything that is not a valid date is shown as it is.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let Ok(date) = time::Date::parse(iso, &format) else {
        return iso.to_owned();
    };
    let (day, month, year) = (date.day(), u8::from(date.month()), date.year());
    match lang {
        Lang::Fi | Lang::Sv => format!("{day}.{month}.{year}"),
        Lang::En => format!("{day} {} {year}", date.month()),
    }
}

/// On what ground someone acts for another, as a phrase that follows "Basis:" (lower case).
pub fn basis_text(basis: Basis) -> Text {
    match basis {
        Basis::Guardian => Text::BasisGuardian,
        Basis::Mandate => Text::BasisMandate,
        Basis::RegisteredProxy => Text::BasisRegisteredProxy,
    }
}

/// What a proxy did, as the principal's trail tells it: `Katsoi palveluseteleitäsi`.
pub fn action_text(action: OnBehalfAction) -> Text {
    match action {
        OnBehalfAction::Choose => Text::ActionChoose,
        OnBehalfAction::ViewVouchers => Text::ActionViewVouchers,
        OnBehalfAction::ViewFeedback => Text::ActionViewFeedback,
        OnBehalfAction::ViewTrail => Text::ActionViewTrail,
        OnBehalfAction::ViewMessages => Text::ActionViewMessages,
        OnBehalfAction::GiveFeedback => Text::ActionGiveFeedback,
        OnBehalfAction::AnswerSurvey => Text::ActionAnswerSurvey,
    }
}

/// The banner's sentence around the principal's name, which the app sets apart:
/// `Asioit henkilön ` NAME ` puolesta`. Either part may be empty.
pub fn acting_for_parts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fi => ("Asioit henkilön ", " puolesta"),
        Lang::Sv => ("Du sköter ärenden för ", ""),
        Lang::En => ("You are acting on behalf of ", ""),
    }
}

/// The company banner's sentence around the company's name, which the app sets apart:
/// `Asioit yrityksen ` NAME ` puolesta`. Either part may be empty.
pub fn acting_for_company_parts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fi => ("Asioit yrityksen ", " puolesta"),
        Lang::Sv => ("Du sköter ärenden för företaget ", ""),
        Lang::En => ("You are acting for the company ", ""),
    }
}

/// The label of a visit's amount, in the voucher's unit: `Määrä (tunteina)`.
pub fn units_label(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "Määrä (tunteina)",
        (Unit::Hour, Lang::Sv) => "Mängd (timmar)",
        (Unit::Hour, Lang::En) => "Amount (hours)",
        (Unit::Visit, Lang::Fi) => "Määrä (käynteinä)",
        (Unit::Visit, Lang::Sv) => "Mängd (besök)",
        (Unit::Visit, Lang::En) => "Amount (visits)",
        (Unit::Day, Lang::Fi) => "Määrä (päivinä)",
        (Unit::Day, Lang::Sv) => "Mängd (dagar)",
        (Unit::Day, Lang::En) => "Amount (days)",
    }
}

/// A price that takes effect later: `34,00 € / tunti 1.12.2026 alkaen`.
pub fn price_from(lang: Lang, amount: Cents, unit: Unit, from_iso: &str) -> String {
    let price = price_per_unit(lang, amount, unit);
    let date = format_date(lang, from_iso);
    match lang {
        Lang::Fi => format!("{price} {date} alkaen"),
        Lang::Sv => format!("{price} från {date}"),
        Lang::En => format!("{price} from {date}"),
    }
}

/// The label of the new price field: `Uusi hinta (€ / tunti)`.
pub fn new_price_label(lang: Lang, unit: Unit) -> String {
    let words = match lang {
        Lang::Fi => "Uusi hinta",
        Lang::Sv => "Nytt pris",
        Lang::En => "New price",
    };
    format!("{words} (€ {})", per_unit(lang, unit))
}

/// What the prices page says after a price was saved.
pub fn price_saved(lang: Lang, amount: Cents, unit: Unit, from_iso: &str) -> String {
    let price = price_from(lang, amount, unit, from_iso);
    match lang {
        Lang::Fi => format!("Hinta on tallennettu: {price}."),
        Lang::Sv => format!("Priset har sparats: {price}."),
        Lang::En => format!("The price has been saved: {price}."),
    }
}

/// What the cancel button's first press asks: the visit's voucher share goes back.
pub fn cancel_confirmation(lang: Lang, voucher_share: Cents) -> String {
    let share = voucher_share.format(lang);
    match lang {
        Lang::Fi => format!("Perutaanko käynti? Seteliin palautetaan {share}. Vahvista painamalla painiketta uudelleen."),
        Lang::Sv => format!("Annullera besöket? {share} återförs till sedeln. Bekräfta genom att trycka på knappen igen."),
        Lang::En => format!("Cancel the visit? {share} goes back to the voucher. Press the button again to confirm."),
    }
}

/// The heading of a visit's correction form: `Käynnin 21.11.2026 korjaus`.
pub fn correcting_visit(lang: Lang, date_iso: &str) -> String {
    let date = format_date(lang, date_iso);
    match lang {
        Lang::Fi => format!("Käynnin {date} korjaus"),
        Lang::Sv => format!("Rättelse av besöket {date}"),
        Lang::En => format!("Correcting the visit of {date}"),
    }
}

/// What a correction says of the visit it replaced: `Korjaus käyntiin 21.11.2026`.
pub fn corrects_visit(lang: Lang, date_iso: &str) -> String {
    let date = format_date(lang, date_iso);
    match lang {
        Lang::Fi => format!("Korjaus käyntiin {date}"),
        Lang::Sv => format!("Rättar besöket {date}"),
        Lang::En => format!("Corrects the visit of {date}"),
    }
}

/// A message in the principal's outbox, told in the reader's language.
pub fn message_sentence(lang: Lang, kind: MessageKind, actor: &str, producer: &str) -> String {
    match (kind, lang) {
        (MessageKind::FeedbackGiven, Lang::Fi) => {
            format!("{actor} antoi puolestasi palautetta palveluntuottajalle {producer}.")
        }
        (MessageKind::FeedbackGiven, Lang::Sv) => {
            format!("{actor} gav respons till {producer} för din räkning.")
        }
        (MessageKind::FeedbackGiven, Lang::En) => {
            format!("{actor} gave feedback on {producer} on your behalf.")
        }
        (MessageKind::SurveyAnswered, Lang::Fi) => format!(
            "{actor} vastasi puolestasi tyytyväisyyskyselyyn palveluntuottajasta {producer}."
        ),
        (MessageKind::SurveyAnswered, Lang::Sv) => {
            format!("{actor} svarade på en nöjdhetsenkät om {producer} för din räkning.")
        }
        (MessageKind::SurveyAnswered, Lang::En) => {
            format!("{actor} answered a satisfaction survey about {producer} on your behalf.")
        }
    }
}

/// The last day of something still valid: `voimassa 31.12.2026 asti`.
pub fn valid_until(lang: Lang, iso: &str) -> String {
    let date = format_date(lang, iso);
    match lang {
        Lang::Fi => format!("voimassa {date} asti"),
        Lang::Sv => format!("giltig till {date}"),
        Lang::En => format!("valid until {date}"),
    }
}

/// An RFC 3339 instant as a date and time in Finland: `21.11.2026 klo 11.30`,
/// `21.11.2026 kl. 11.30`, `21 November 2026, 11:30`. Anything else is shown as it is.
pub fn format_date_time(lang: Lang, rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    let Ok(instant) = time::OffsetDateTime::parse(rfc3339, &Rfc3339) else {
        return rfc3339.to_owned();
    };
    let local = finnish_time(instant);
    let date = format_date(lang, &crate::clock::iso_date(local.date()));
    let (hour, minute) = (local.hour(), local.minute());
    match lang {
        Lang::Fi => format!("{date} klo {hour}.{minute:02}"),
        Lang::Sv => format!("{date} kl. {hour}.{minute:02}"),
        Lang::En => format!("{date}, {hour:02}:{minute:02}"),
    }
}

/// The wall-clock time in Finland at `instant`: UTC+3 in summer time, else UTC+2.
fn finnish_time(instant: time::OffsetDateTime) -> time::PrimitiveDateTime {
    let utc = instant.to_offset(time::UtcOffset::UTC);
    // `clock` knows the summer-time rule only through the date it gives. Summer time
    // changes at 01:00 UTC, so the offset is the same all through the UTC "day" that
    // starts then; at 21:30 UTC in that day, +3 h is already the next date and +2 h is
    // not, so the date `clock` gives then tells the offset.
    let day = (utc - time::Duration::hours(1)).date();
    let probe = day.with_hms(21, 30, 0).map(|t| t.assume_utc());
    let summer = probe.is_ok_and(|p| crate::clock::finnish_date(p) != day);
    let hours = if summer { 3 } else { 2 };
    let local = utc + time::Duration::hours(hours);
    time::PrimitiveDateTime::new(local.date(), local.time())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn satisfaction_reads_as_a_score_out_of_five_with_its_answers() {
        let s = crate::voucher::Satisfaction {
            average_x10: 42,
            answers: 6,
        };
        assert_eq!(
            satisfaction_text(Lang::Fi, s),
            "4,2\u{a0}/\u{a0}5 (6 vastausta)"
        );
        assert_eq!(
            satisfaction_text(Lang::En, s),
            "4.2\u{a0}/\u{a0}5 (6 answers)"
        );
    }

    #[test]
    fn every_text_is_translated_in_every_language() {
        for &text in Text::ALL {
            for lang in Lang::ALL {
                let s = t(lang, text);
                assert!(!s.is_empty(), "{text:?} {lang:?}");
                assert_eq!(s, s.trim(), "{text:?} {lang:?} has stray whitespace");
            }
        }
    }

    #[test]
    fn the_catalogue_lists_every_text_once() {
        let mut seen = std::collections::HashSet::new();
        for &text in Text::ALL {
            assert!(seen.insert(text), "{text:?} twice");
        }
    }

    #[test]
    fn finnish_and_swedish_are_not_copies_of_each_other() {
        for &text in Text::ALL {
            if text == Text::SiteName {
                continue;
            }
            assert_ne!(t(Lang::Fi, text), t(Lang::Sv, text), "{text:?}");
        }
    }

    #[test]
    fn swedish_always_calls_the_own_share_sjalvriskandel() {
        for &text in Text::ALL {
            let sv = t(Lang::Sv, text).to_lowercase();
            if sv.contains("självrisk") {
                assert!(sv.contains("självriskandel"), "{text:?}: {sv}");
            }
            assert!(!sv.contains("egen andel"), "{text:?}: {sv}");
        }
        let d = chart_row_description(
            Lang::Sv,
            "A",
            Cents::new(3000).unwrap(),
            Unit::Hour,
            Some((Cents::new(2500).unwrap(), Cents::new(500).unwrap())),
        );
        assert!(d.contains("självriskandelen"));
    }

    #[test]
    fn prices_are_per_unit_in_each_language() {
        let c = Cents::new(700).unwrap();
        assert_eq!(
            price_per_unit(Lang::Fi, c, Unit::Hour),
            "7,00\u{a0}€ / tunti"
        );
        assert_eq!(
            price_per_unit(Lang::Sv, c, Unit::Visit),
            "7,00\u{a0}€ / besök"
        );
        assert_eq!(price_per_unit(Lang::En, c, Unit::Day), "€7.00 / day");
        for lang in Lang::ALL {
            for unit in [Unit::Hour, Unit::Visit, Unit::Day] {
                assert!(per_unit(lang, unit).ends_with(unit_name(lang, unit)));
            }
        }
    }

    #[test]
    fn producer_counts_use_the_plural_except_for_one() {
        assert_eq!(producer_count(Lang::Fi, 12), "12 palveluntuottajaa");
        assert_eq!(producer_count(Lang::Fi, 1), "1 palveluntuottaja");
        assert_eq!(producer_count(Lang::Fi, 0), "0 palveluntuottajaa");
        assert_eq!(producer_count(Lang::Sv, 2), "2 serviceproducenter");
        assert_eq!(producer_count(Lang::Sv, 1), "1 serviceproducent");
        assert_eq!(producer_count(Lang::En, 1), "1 service provider");
        assert_eq!(producer_count(Lang::En, 3), "3 service providers");
    }

    #[test]
    fn pages_read_naturally() {
        assert_eq!(page_of(Lang::Fi, 2, 5), "Sivu 2 / 5");
        assert_eq!(page_of(Lang::Sv, 2, 5), "Sida 2 av 5");
        assert_eq!(page_of(Lang::En, 2, 5), "Page 2 of 5");
    }

    #[test]
    fn dates_are_shown_as_people_write_them() {
        assert_eq!(format_date(Lang::Fi, "2025-03-01"), "1.3.2025");
        assert_eq!(format_date(Lang::Sv, "2025-12-24"), "24.12.2025");
        assert_eq!(format_date(Lang::En, "2025-03-01"), "1 March 2025");
        assert_eq!(format_date(Lang::Fi, "not a date"), "not a date");
        assert_eq!(format_date(Lang::Fi, "2025-02-30"), "2025-02-30");
    }

    #[test]
    fn language_names_are_in_the_interface_language() {
        assert_eq!(language_name(Lang::Fi, "sv"), Some("ruotsi"));
        assert_eq!(language_name(Lang::Sv, "fi"), Some("finska"));
        assert_eq!(language_name(Lang::En, "se"), Some("Northern Sami"));
        assert_eq!(language_name(Lang::Fi, "xx"), None);
    }

    #[test]
    fn chart_descriptions_tell_the_split_in_words() {
        let price = Cents::new(3200).unwrap();
        let split = Some((Cents::new(2500).unwrap(), Cents::new(700).unwrap()));
        assert_eq!(
            chart_row_description(Lang::Fi, "Hoiva Oy", price, Unit::Hour, split),
            "Hoiva Oy: hinta 32,00\u{a0}€ / tunti, josta palveluseteli kattaa 25,00\u{a0}€ ja omavastuuosuus on 7,00\u{a0}€."
        );
        assert_eq!(
            chart_row_description(Lang::En, "Care Ltd", price, Unit::Visit, None),
            "Care Ltd: price €32.00 / visit."
        );
    }

    #[test]
    fn units_are_decimals_in_the_language_s_own_way() {
        assert_eq!(decimal_units(Lang::Fi, 150), "1,5");
        assert_eq!(decimal_units(Lang::Sv, 150), "1,5");
        assert_eq!(decimal_units(Lang::En, 150), "1.5");
        assert_eq!(decimal_units(Lang::Fi, 200), "2");
        assert_eq!(decimal_units(Lang::Fi, 25), "0,25");
        assert_eq!(decimal_units(Lang::En, 105), "1.05");
        assert_eq!(decimal_units(Lang::En, -150), "-1.5");
    }

    #[test]
    fn only_exactly_one_unit_is_singular() {
        assert_eq!(unit_quantity(Lang::Fi, 100, Unit::Hour), "1\u{a0}tunti");
        assert_eq!(unit_quantity(Lang::Fi, 150, Unit::Hour), "1,5\u{a0}tuntia");
        assert_eq!(unit_quantity(Lang::Sv, 200, Unit::Day), "2\u{a0}dagar");
        assert_eq!(unit_quantity(Lang::Sv, 100, Unit::Visit), "1\u{a0}besök");
        assert_eq!(unit_quantity(Lang::En, 150, Unit::Hour), "1.5\u{a0}hours");
        assert_eq!(unit_quantity(Lang::En, 100, Unit::Visit), "1\u{a0}visit");
    }

    #[test]
    fn validity_periods_read_as_ranges() {
        assert_eq!(
            validity(Lang::Fi, "2026-01-01", "2026-12-31"),
            "1.1.2026–31.12.2026"
        );
        assert_eq!(
            validity(Lang::En, "2026-01-01", "2026-12-31"),
            "1 January 2026 – 31 December 2026"
        );
    }

    #[test]
    fn character_counts_say_what_is_left_or_too_much() {
        assert_eq!(characters_left(Lang::Fi, 1913, 2000), "87 merkkiä jäljellä");
        assert_eq!(characters_left(Lang::Fi, 1999, 2000), "1 merkki jäljellä");
        assert_eq!(characters_left(Lang::Sv, 2000, 2000), "0 tecken kvar");
        assert_eq!(
            characters_left(Lang::En, 2003, 2000),
            "3 characters too many"
        );
    }

    #[test]
    fn every_question_and_score_has_words() {
        for q in SurveyQuestion::ALL {
            assert!(!t(Lang::Fi, survey_question(q)).is_empty());
        }
        assert_eq!(
            t(Lang::Fi, survey_question(SurveyQuestion::Punctuality)),
            "Tuliko työntekijä sovittuun aikaan?"
        );
        assert_eq!(score_label(1), Some(Text::Score1));
        assert_eq!(
            score_label(5).map(|s| t(Lang::Fi, s)),
            Some("Erittäin hyvä")
        );
        assert_eq!(score_label(0), None);
        assert_eq!(score_label(6), None);
    }

    #[test]
    fn the_comparison_offers_the_customer_s_own_voucher_value() {
        assert_eq!(
            use_my_voucher(Lang::Fi, Cents::new(3200).unwrap(), Unit::Hour),
            "Käytä palvelusetelini arvoa (32,00\u{a0}€ / tunti)"
        );
        assert!(survey_answered(Lang::En, "Hoiva Oy").contains("Hoiva Oy"));
        assert_eq!(
            share_left(Lang::En, 50),
            "50% of the purchasing power is left."
        );
    }

    #[test]
    fn titles_name_the_page_and_the_service() {
        assert_eq!(
            document_title(Lang::Sv, t(Lang::Sv, Text::ComparisonTitle)),
            "Jämför serviceproducenter – Seteli"
        );
    }

    #[test]
    fn times_are_shown_in_finnish_time_winter_and_summer() {
        assert_eq!(
            format_date_time(Lang::Fi, "2026-11-21T09:30:00Z"),
            "21.11.2026 klo 11.30"
        );
        assert_eq!(
            format_date_time(Lang::Sv, "2026-06-30T21:05:00Z"),
            "1.7.2026 kl. 0.05"
        );
        assert_eq!(
            format_date_time(Lang::En, "2026-06-30T08:05:00+00:00"),
            "30 June 2026, 11:05"
        );
        assert_eq!(format_date_time(Lang::Fi, "yesterday"), "yesterday");
    }

    #[test]
    fn the_time_follows_the_summer_time_change_to_the_minute() {
        // 2026: summer time starts 29 March and ends 25 October, at 01:00 UTC.
        assert_eq!(
            format_date_time(Lang::Fi, "2026-03-29T00:59:00Z"),
            "29.3.2026 klo 2.59"
        );
        assert_eq!(
            format_date_time(Lang::Fi, "2026-03-29T01:00:00Z"),
            "29.3.2026 klo 4.00"
        );
        assert_eq!(
            format_date_time(Lang::Fi, "2026-10-25T00:59:00Z"),
            "25.10.2026 klo 3.59"
        );
        assert_eq!(
            format_date_time(Lang::Fi, "2026-10-25T01:00:00Z"),
            "25.10.2026 klo 3.00"
        );
        assert_eq!(
            format_date_time(Lang::Fi, "2026-10-24T23:30:00Z"),
            "25.10.2026 klo 2.30"
        );
    }

    #[test]
    fn the_producer_s_prices_and_visits_read_naturally() {
        let price = Cents::new(3400).unwrap();
        assert_eq!(
            price_from(Lang::Fi, price, Unit::Hour, "2026-12-01"),
            "34,00\u{a0}€ / tunti 1.12.2026 alkaen"
        );
        assert_eq!(
            price_from(Lang::En, price, Unit::Visit, "2026-12-01"),
            "€34.00 / visit from 1 December 2026"
        );
        assert_eq!(new_price_label(Lang::Sv, Unit::Day), "Nytt pris (€ / dag)");
        assert_eq!(units_label(Lang::Fi, Unit::Hour), "Määrä (tunteina)");
        let (before, after) = acting_for_company_parts(Lang::Fi);
        assert_eq!(
            format!("{before}Hoiva Oy{after}"),
            "Asioit yrityksen Hoiva Oy puolesta"
        );
        assert!(cancel_confirmation(Lang::En, price).contains("€34.00"));
        assert_eq!(
            corrects_visit(Lang::En, "2026-11-20"),
            "Corrects the visit of 20 November 2026"
        );
        assert_eq!(
            correcting_visit(Lang::Fi, "2026-11-20"),
            "Käynnin 20.11.2026 korjaus"
        );
        assert!(price_saved(Lang::Sv, price, Unit::Hour, "2026-12-01").contains("1.12.2026"));
    }

    #[test]
    fn on_behalf_words_cover_every_action_and_basis() {
        for action in OnBehalfAction::ALL {
            assert!(!t(Lang::Sv, action_text(action)).is_empty());
        }
        assert_eq!(t(Lang::Fi, basis_text(Basis::Guardian)), "huoltaja");
        let (before, after) = acting_for_parts(Lang::Fi);
        assert_eq!(
            format!("{before}Maija Meikäläinen{after}"),
            "Asioit henkilön Maija Meikäläinen puolesta"
        );
        assert_eq!(
            valid_until(Lang::Fi, "2026-12-31"),
            "voimassa 31.12.2026 asti"
        );
        assert_eq!(
            message_sentence(Lang::En, MessageKind::FeedbackGiven, "Matti", "Hoiva Oy"),
            "Matti gave feedback on Hoiva Oy on your behalf."
        );
    }
}
