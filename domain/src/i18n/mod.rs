//! The one catalogue of user-interface text, in Finnish (the default), Swedish and English.
//!
//! The keys are [`Text`], listed once below. Each language has its own file (`fi.rs`,
//! `sv.rs`, `en.rs`) with one exhaustive `match` from key to text and no `_` arm, so a key
//! added without all three translations does not compile. [`t`] picks the language's file.
//! Texts that carry a number, a price or a date are functions in `phrases.rs` (re-exported
//! here), so that word order and plural forms stay with the language.
//!
//! For translators, `cargo xtask i18n --export` writes the catalogue as a CSV
//! (`key,fi,sv,en`); the committed copy, `domain/i18n.csv`, is checked against this
//! catalogue by `cargo xtask test`.
//!
//! Terminology, used the same way everywhere: *palveluseteli* / *servicesedel* /
//! *service voucher*; *palveluntuottaja* / *serviceproducent* / *service provider*;
//! *omavastuuosuus* / *självriskandel* / *own share* (the part of the price the voucher
//! does not cover).

mod en;
mod fi;
mod phrases;
mod sv;

pub use phrases::*;

use crate::lang::Lang;
use crate::mandates::{Basis, OnBehalfAction};
use crate::voucher::SurveyQuestion;

/// Declares [`Text`], [`Text::ALL`], [`Text::key`] and the two groups' enums from one list,
/// so that `ALL` cannot miss a text and a key's name cannot differ from its variant's.
///
/// `public` texts are linked into every entry of the app; `private` ones — the logged-in
/// pages' — only into the entries that call [`register_private_texts`], so the public
/// comparison's download does not carry the desk's, the customer's and the producer's
/// words. `cargo xtask i18n` checks that no file the public entry links names a private text.
macro_rules! texts {
    (
        public { $($(#[$pdoc:meta])* $public:ident,)* }
        private { $($(#[$vdoc:meta])* $private:ident,)* }
    ) => {
        /// A piece of interface text. Its translations are in `fi.rs`, `sv.rs` and `en.rs`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[$pdoc])* $public,)*
            $($(#[$vdoc])* $private,)*
        }

        /// The texts every entry uses.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum PublicText {
            $($public,)*
        }

        /// The logged-in pages' texts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum PrivateText {
            $($private,)*
        }

        /// A text, as its group holds it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Grouped {
            Public(PublicText),
            Private(PrivateText),
        }

        impl Text {
            /// Every text, in the order of the list: the catalogue's rows for translators.
            pub const ALL: &'static [Text] = &[$(Text::$public,)* $(Text::$private,)*];

            /// The text's name, as the translators' CSV has it: `SiteName`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Text::$public => stringify!($public),)*
                    $(Text::$private => stringify!($private),)*
                }
            }

            /// The text in its group.
            pub fn grouped(self) -> Grouped {
                match self {
                    $(Text::$public => Grouped::Public(PublicText::$public),)*
                    $(Text::$private => Grouped::Private(PrivateText::$private),)*
                }
            }
        }
    };
}

texts! {
    public {
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
        UnsentVisitsAtLogout,
        StayLoggedIn,
        LogOutAndDelete,
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
        // A new version of the app.
        UpdateAvailable,
        UpdateReload,
        // The logged-in customer's pages.
        MyVouchersTitle,
        MyFeedbackTitle,
        LoginRequiredTitle,
        LoginRequiredText,
        LoginRequiredAction,
        // Feedback.
        Sending,
        // The satisfaction survey.
        SurveyOverall,
        SurveyPunctuality,
        SurveyStaff,
        SurveyInformation,
        Score1,
        Score2,
        Score3,
        Score4,
        Score5,
        // Acting on behalf of someone else.
        BasisLabel,
        BasisGuardian,
        BasisMandate,
        BasisRegisteredProxy,
        ActForMyself,
        ChooseSomeoneElse,
        NavOnBehalf,
        NavTrail,
        NavMessages,
        Switching,
        MandateNeeded,
        MandateRequestLink,
        ChooseAgain,
        ChooseCompanyAgain,
        // What others did on the person's behalf, and the messages about it.
        ActionChoose,
        ActionViewVouchers,
        ActionViewFeedback,
        ActionViewTrail,
        ActionViewMessages,
        ActionGiveFeedback,
        ActionAnswerSurvey,
        // A producer company's pages.
        ChooseOther,
        NavProducerHome,
        NavProducerVoucher,
        NavProducerPrices,
        NavProducerFeedback,
        YourPriceToday,
        NoPriceToday,
        // The access log ("who has looked at my data").
        ActionViewAccessLog,
        // The organiser's staff pages: the desk, customers, decisions, proxies, checks
        NavDesk,
        NavDeskCustomers,
        NavAccessLog,
        // The staff's list of events to check, and the income tables
        NavDeskEvents,
        NavIncomeTables,
        NavProducerApplications,
        NavDeskApplications,
        NavDeskApprovals,
        NavDeskDeliveries,
        ActionApplyForVoucher,
        ActionAnswerConsent,
        NavMyApplications,
        NavResidentApplications,
        NavSettlements,
        NavProducerAccounts,
        NavStatements,
        NavBankAccount,
        NavReports,
        NavAuthorisations,
    }
    private {
        // The logged-in customer's pages.
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
        SurveyCommentLabel,
        SurveyCommentHint,
        SurveySubmit,
        SurveyMissingAnswers,
        SurveyCommentTooLong,
        SurveySent,
        // Acting on behalf of someone else.
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
        RefusalTitle,
        RefusalNoChildren,
        RefusalNoMandators,
        RefusalNoPrincipals,
        RefusalStartAgainHint,
        RefusalNoRight,
        RefusalUnavailable,
        RefusalExpired,
        RefusalCompanyTitle,
        RefusalNoCompanies,
        RefusalNoCompanyRole,
        CompanyHeading,
        CompanyLead,
        ActForCompany,
        ActForCompanyHint,
        // What others did on the person's behalf, and the messages about it.
        TrailTitle,
        TrailLead,
        TrailEmpty,
        TrailActorLabel,
        TrailActionLabel,
        ResultLabel,
        ResultAllowed,
        ResultRefused,
        MessagesTitle,
        MessagesLead,
        MessagesEmpty,
        MessageQueued,
        MessageSent,
        // A producer company's pages.
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
        // The organiser's staff pages: the desk, customers, decisions, proxies, checks
        DeskTitle,
        FindCustomer,
        StaffOnlyTitle,
        StaffOnlyText,
        BackToDesk,
        DeskDraftsHeading,
        DeskDraftsEmpty,
        DeskUndeliveredHeading,
        DeskUndeliveredEmpty,
        DeskEndingHeading,
        DeskEndingEmpty,
        DeskDisputedHeading,
        DeskDisputedEmpty,
        OpenDecision,
        DisputeWaiting,
        DisputeAnswered,
        CustomersTitle,
        BackToCustomerSearch,
        SearchByHetuHeading,
        SearchByNameHeading,
        IdentityCodeLabel,
        HetuSearchHint,
        HetuInvalid,
        FamilyNameLabel,
        GivenNameLabel,
        BirthDateLabel,
        FamilyNameMissing,
        GivenNameMissing,
        BirthDateMissing,
        OptionalField,
        SearchCustomer,
        SearchResultsHeading,
        NoCustomerFound,
        NoCustomerFoundText,
        NewCustomerHeading,
        NewCustomerOpen,
        MunicipalityMissing,
        StreetAddressLabel,
        PostalCodeLabel,
        PostOfficeLabel,
        NonDisclosureLabel,
        CreateCustomer,
        CustomerCardTitle,
        CustomerIdentityHeading,
        RevealHetu,
        RevealIsLogged,
        AddressLabel,
        NoAddress,
        Yes,
        No,
        EditContact,
        SaveContact,
        ContactSaved,
        AssessmentsHeading,
        AssessmentsEmpty,
        NewAssessmentHeading,
        AssessedOnLabel,
        AssessorLabel,
        SummaryLabel,
        OutcomeLabel,
        OutcomeVoucher,
        OutcomeOtherService,
        OutcomeNoNeed,
        SaveAssessment,
        AssessmentSaved,
        AssessmentDateProblem,
        AssessorMissing,
        ServiceMissing,
        SummaryMissing,
        OutcomeMissing,
        DraftDecision,
        DecisionsHeading,
        DecisionsEmpty,
        Amendment,
        CardVouchersHeading,
        CardVouchersEmpty,
        AmendVoucher,
        EndVoucherEarly,
        AnnulVoucher,
        AnnulOnlyWithoutEvents,
        EndOnLabel,
        ReasonLabel,
        EndDateProblem,
        ReasonMissing,
        EndVoucherSubmit,
        VoucherEndedDone,
        AnnulWarning,
        AnnulVoucherSubmit,
        VoucherAnnulledDone,
        ProxyHeading,
        NoProxy,
        RegisterProxyHeading,
        ProxyHetuLabel,
        ProxyNameLabel,
        ProxyBasisLabel,
        ChooseBasis,
        ProxyBasisGuardian,
        ProxyBasisCourtAppointed,
        ProxyBasisPowerOfAttorney,
        ProxyBasisOther,
        ProxyBasisMissing,
        JustificationLabel,
        JustificationHint,
        JustificationMissing,
        ProxyScopeLabel,
        ScopeMissing,
        ScopeViewVouchers,
        ScopeViewFeedback,
        ScopeViewTrail,
        ScopeViewMessages,
        ScopeViewAccessLog,
        ScopeGiveFeedback,
        ScopeAnswerSurvey,
        EvidenceLabel,
        EvidenceHint,
        ValidFromLabel,
        ValidUntilLabel,
        ValidityProblem,
        RegisterProxy,
        ProxyRegistered,
        EndProxy,
        EndProxySubmit,
        ProxyEnded,
        ProxyEndedLabel,
        RegisteredByLabel,
        PastProxiesHeading,
        CardEventsHeading,
        CardEventsEmpty,
        CheckEvent,
        CheckStatusLabel,
        CheckStatusChecked,
        CheckStatusDisputed,
        CheckNoteLabel,
        CheckNoteHint,
        CheckNoteMissing,
        SaveCheck,
        ProducerAnswerLabel,
        ProducerLogHeading,
        ProducerLogEmpty,
        ProducerActionLinkVoucher,
        ProducerActionViewVoucher,
        ProducerActionLogEvent,
        ProducerActionCorrectEvent,
        ProducerActionCancelEvent,
        ProducerActionAnswerDispute,
        CardFeedbackHeading,
        CardFeedbackEmpty,
        ProducerReplyLabel,
        CardAccessLogHeading,
        NewDecisionTitle,
        DecisionNoAssessment,
        BackToCustomer,
        CustomerLabel,
        AssessmentLabel,
        IncomeRelatedLabel,
        HouseholdHeading,
        HouseholdSizeLabel,
        GrossIncomeLabel,
        EurosHint,
        HouseholdProblem,
        PreviewWaiting,
        UnitValueLabel,
        UnitValueProblem,
        ValueAboveMaximumProblem,
        GrantLegend,
        GrantByUnits,
        GrantBySum,
        GrantedSumLabel,
        GrantedUnitsProblem,
        GrantedSumProblem,
        SaveDraft,
        DecisionTitle,
        DecisionNumberLabel,
        DecisionNotYetDecided,
        DecisionStatusDraft,
        DecisionStatusDecided,
        DecisionStatusDelivered,
        DecisionStatusSuperseded,
        DecisionStatusAnnulled,
        DecisionFactsHeading,
        DecisionIsAmendment,
        DecidedByLabel,
        DeliveredLabel,
        DeliveredByMessage,
        DeliveredByPost,
        AnnulReasonLabel,
        ComputationHeading,
        ReductionPercentLabel,
        IncomeLimitLabel,
        ExcessIncomeLabel,
        ReductionLabel,
        FullValueLabel,
        MinimumValueLabel,
        UnitsPerMonthLabel,
        ComputedValueLabel,
        ComputationAtMinimum,
        DecideHint,
        DecideDecision,
        DecidedDone,
        DeliverHint,
        DeliverByMessage,
        DeliverByPost,
        DeliveredDone,
        PrintDecision,
        AppealTitle,
        AppealWho,
        AppealWhen,
        AppealContent,
        AppealWhere,
        AppealFree,
        AccessLogTitle,
        AccessLogLead,
        AccessLogEmpty,
        AccessWhoLabel,
        AccessWhatLabel,
        ViewerStaff,
        ViewerProducer,
        StaffViewCard,
        StaffViewIdentityCode,
        StaffViewDecision,
        StaffViewEvents,
        StaffViewSearch,
        DisputeTitle,
        DisputeAnswerLabel,
        YourAnswerLabel,
        SendDisputeAnswer,
        // What staff changed, in the customer's access log.
        StaffViewContact,
        StaffViewAssessment,
        StaffViewDecisionChange,
        StaffViewVoucherChange,
        StaffViewProxyChange,
        StaffViewEventCheck,
        // The staff's list of events to check, and the income tables
        DeskEventsTitle,
        EventFiltersHeading,
        PeriodFromLabel,
        PeriodToLabel,
        PeriodProblem,
        OnlyDisputedLabel,
        ShowEvents,
        VoucherFilterLabel,
        ProducerFilterLabel,
        ClearFilter,
        EventsFoundHeading,
        DeskEventsEmpty,
        ColumnCustomer,
        ColumnCheck,
        NotChecked,
        EventRecorded,
        EventsOfVoucher,
        EventsTableCaption,
        IncomeTablesTitle,
        IncomeTablesLead,
        IncomeTablesEmpty,
        RoundingLabel,
        LimitStepLabel,
        PercentStepLabel,
        IncomeRowsCaption,
        UpdatedByLabel,
        EditIncomeTable,
        SaveIncomeTable,
        IncomeTableSaved,
        AddIncomeRow,
        RemoveIncomeRow,
        PercentHint,
        EurosInvalid,
        PercentInvalid,
        WholeNumberInvalid,
        IncomeRowsEmpty,
        IncomeRowsNotMonotone,
        MinimumAboveFullProblem,
        RoundingProblem,
        // Producers' applications (issue 13)
        ApplicationsTitle,
        ApplicationsLead,
        ApplicationsEmpty,
        NewApplicationTitle,
        ApplicationMunicipalityLabel,
        ApplicationServicesLabel,
        ApplicationServicesMissing,
        StartApplication,
        ApplicationTitle,
        NotApprovedYetTitle,
        NotApprovedYetText,
        StateDraft,
        StateSubmitted,
        StateInProgress,
        StateWaiting,
        StateApproved,
        StateRejected,
        StateCancelled,
        CaseStateLabel,
        CaseHandlerLabel,
        CaseDeadlineLabel,
        CaseMissingLabel,
        CaseOverdue,
        PriceListTitle,
        PriceUnitLabel,
        PriceEurosLabel,
        DescriptionFiLabel,
        DescriptionSvLabel,
        LanguagesServedLabel,
        AreasLabel,
        ContactDetailsTitle,
        RequirementsTitle,
        AnswerMet,
        AnswerNotYet,
        AnswerNoteLabel,
        NeedsAttachment,
        AttachFileLabel,
        AttachmentsTitle,
        RemoveAttachment,
        Uploading,
        SaveApplication,
        ApplicationSaved,
        SubmitApplication,
        AnswerRequestLabel,
        AnswerRequest,
        CancelApplication,
        DeleteDraft,
        DraftDeleted,
        CaseHistoryTitle,
        RejectionReasonsLabel,
        ApplicationAppealText,
        // The handler's side
        ApplicationQueueTitle,
        ApplicationQueueEmpty,
        TakeCase,
        ReleaseCase,
        HandOverLabel,
        HandOverCase,
        AskForMoreTitle,
        MissingItemsLabel,
        StepCommentLabel,
        ApproveCase,
        RejectCase,
        CaseStepDone,
        RegistryTitle,
        RegistryAllWell,
        RegistryInactive,
        RegistryLiquidation,
        RegistryBankrupt,
        RegistryRestructuring,
        RegistryNoPrepayment,
        RegistryNotFound,
        RegistryUnavailable,
        ApprovalsTitle,
        ApprovalsEmpty,
        ApprovalInForce,
        ApprovalSuspended,
        ApprovalWithdrawn,
        CustomersServedLabel,
        SuspendUntilLabel,
        SuspendApproval,
        WithdrawApproval,
        LiftSuspension,
        SupervisionDone,
        DeskApplicationsLink,
        DeskApprovalsLink,
        DeskApplicationsHeading,
        DeskApplicationsEmpty,
        OwnApprovalsTitle,
        ConfirmQuestion,
        ConfirmYes,
        ConfirmNo,
        MessageHeld,
        MessagePaper,
        MessageRead,
        MessagePrinted,
        MessageDelivered,
        MessageReturned,
        MessageFailed,
        DeliveriesTitle,
        DeliveriesLead,
        DeliveriesEmpty,
        HeldNonDisclosure,
        HeldNoAddress,
        HeldNoRecipient,
        ReleaseDelivery,
        DeliveryReleased,
        LastErrorLabel,
        CompanyRecipient,
        DeskNoticesHeading,
        DeskNoticeCameFrom,
        DeskDeliveriesToReview,
        LetterLangLabel,
        LetterLangUnknown,
        StateConsenting,
        StateDeclined,
        ScopeApplyForVoucher,
        DeskNoticesEmpty,
        StaffViewApplication,
        StaffViewApplicationChange,
        // Residents' voucher applications (issue 15)
        MyApplicationsTitle,
        MyApplicationsLead,
        NewApplication,
        ApplicationsEmptyTitle,
        ApplicationsEmptyText,
        OpenApplication,
        ServiceNotChosen,
        VoucherApplicationTitle,
        ApplicationForLabel,
        ApplicantLabel,
        NeedLabel,
        NeedHint,
        IncomeRelatedHint,
        GrossIncomeHint,
        IncomeProblem,
        ValuePreviewLabel,
        ContactPreferenceLegend,
        ContactMessages,
        ContactPhone,
        ConfirmInformation,
        SharedMatterTitle,
        SharedMatterLead,
        SharedMatterLegend,
        SharedConsentOption,
        SharedDeclaredOption,
        OtherGuardianLegend,
        GuardianUnknown,
        HetuLabel,
        GuardianHetuHint,
        DeclarationMeaning,
        DeclaredRightLegend,
        RightSoleCustody,
        RightAgreedOutside,
        RightOther,
        DeclaredReasonLabel,
        DeclaredRightMissing,
        InformGuardianLegend,
        DeclaredRightFlag,
        SendApplication,
        VoucherApplicationSent,
        ApplicationApprovedText,
        ApplicationDeclinedTitle,
        ConsentsTitle,
        ConsentGiven,
        ConsentDeclined,
        ConsentExpiredText,
        ResendConsent,
        ConsentResent,
        ConsentRequestsTitle,
        OpenConsentRequest,
        ConsentRequestTitle,
        ConsentActForChild,
        YourAnswerTitle,
        ConsentMeaning,
        ConsentLegend,
        ConsentYes,
        ConsentNo,
        ConsentChoiceMissing,
        ConsentCommentLabel,
        ConsentCommentHint,
        DeclineReasonMissing,
        SendAnswer,
        ResidentQueueTitle,
        ResidentQueueEmpty,
        NoticeLabel,
        DecideFromApplication,
        OpenCustomerCard,
        RefuseVoucherTitle,
        RefuseVoucherText,
        RefuseVoucherReasonLabel,
        RefuseVoucherButton,
        ApplicationFilesTitle,
        ApplicationFilesHint,
        FileAdded,
        FileRemoved,
        AskConsentTitle,
        AskConsentHint,
        VouchersEmptyApply,
        AddOtherGuardian,
        SettlementsTitle,
        SettlementsLead,
        MonthLabel,
        PreviousMonth,
        NextMonth,
        GatherMonth,
        MonthGathered,
        SettlementsEmpty,
        PaymentFileLink,
        LedgerLink,
        SettlementStateDraft,
        SettlementStateConfirmed,
        SettlementStatePaid,
        AccountMissingText,
        AccountPendingText,
        AccountLabel,
        EventsSumLabel,
        AdjustmentsLabel,
        CarriedInLabel,
        PayableLabel,
        CarriedOutLabel,
        SettlementLinesHeading,
        LineKindLabel,
        LineKindEvent,
        LineKindLate,
        LineKindCancelled,
        LineKindChanged,
        AmountLabel,
        SettlementLinesEmpty,
        HoldsHeading,
        HoldsLead,
        HoldButton,
        HoldReasonLabel,
        ReleaseHold,
        ConfirmSettlement,
        ConfirmSettlementHint,
        SettlementSaved,
        MarkPaidHeading,
        PaidOnLabel,
        BankReferenceLabel,
        MarkPaidButton,
        PaidOnProblem,
        BankReferenceProblem,
        ConfirmedByLabel,
        ProducerAccountsTitle,
        ProducerAccountsLead,
        NewIbanLabel,
        PreviousIbanLabel,
        EnteredByLabel,
        ConfirmAccount,
        RejectAccount,
        AccountsEmpty,
        AccountDecided,
        StatementsTitle,
        StatementsLead,
        StatementsEmpty,
        PrintStatement,
        BankAccountTitle,
        BankAccountLead,
        AccountInEffect,
        AccountWaiting,
        AccountRejected,
        NoAccountYet,
        IbanLabel,
        SaveAccount,
        AccountSaved,
        SettlementVoucherLabel,
        IbanProblem,
        ReportsTitle,
        ReportsLead,
        ShowReport,
        ProductionHeading,
        ByProducerHeading,
        ByMonthHeading,
        ColumnMonth,
        ColumnVisits,
        ColumnOwnShare,
        ReportCsv,
        ReportEmpty,
        BudgetHeading,
        YearLabel,
        UsedLabel,
        VouchersCountLabel,
        BudgetEmpty,
        // The municipality's own e-authorisations (issue 17)
        AuthorisationsTitle,
        AuthorisationsLead,
        MyDepartmentMap,
        MyJobTitleMap,
        AllMaps,
        OrderAuthorisation,
        AuthorisationAdminHeading,
        AuthorisationQueueTitle,
        AuthorisationQueueLead,
        AuthorisationQueueEmpty,
        AuthorisationCatalogueTitle,
        AuthorisationCatalogueLead,
        HoldingsTitle,
        HoldingsLead,
        AuthorisationReportTitle,
        AuthorisationMapTitle,
        AuthorisationMapLead,
        DepartmentLabel,
        JobTitleLabel,
        PrintMap,
        DepartmentMapHeading,
        JobTitleMapHeading,
        MapEmpty,
        HeldByOrganisation,
        NotHeldByOrganisation,
        IssueCodeLabel,
        OrderThis,
        AuthorisationColumn,
        AgencyColumn,
        KindColumn,
        HeldColumn,
        WhyColumn,
        KindAct,
        KindRepresent,
        KindGrant,
        PathHeld,
        PathMissing,
        PathHeldOption,
        PathMissingOption,
        OrderPathLegend,
        StateWaitingForDvv,
        WhatIsTerm,
        OrderFormLead,
        EmployeeLegend,
        EmployeeGivenNameLabel,
        EmployeeFamilyNameLabel,
        EmployeeHetuLabel,
        EmployeeHetuHint,
        OrderForYourself,
        ChooseOne,
        AuthorisationsLegend,
        NeededUntilLabel,
        NeededUntilHint,
        NeededUntilProblem,
        OrdererEmailLabel,
        OrdererEmailHint,
        EmailProblem,
        DepartmentMissing,
        JobTitleMissing,
        AuthorisationsMissing,
        SendOrder,
        ShowOrder,
        AuthorisationOrderTitle,
        OrderStepDone,
        OverdueBadge,
        WaitingForDvvHint,
        OrderNumberLabel,
        OrdererLabel,
        ExpectedByLabel,
        DvvReferenceLabel,
        DvvGrantedOnLabel,
        PreparedHeading,
        PreparedHint,
        PreparedWho,
        PreparedWhat,
        PreparedUntil,
        UntilFurtherNotice,
        OrderStepsHeading,
        WaitDvvHeading,
        WaitDvvHint,
        WaitDvvButton,
        DvvGrantedHeading,
        DvvGrantedButton,
        DoneHeading,
        DoneHint,
        DoneOnLabel,
        DoneButton,
        RejectOrderHeading,
        RejectReasonsLabel,
        RejectOrderButton,
        StateColumn,
        ReportPathsHeading,
        ReportPathsPeriodNote,
        ExpectedColumn,
        MedianColumn,
        DoneColumn,
        OpenColumn,
        HoldingsPerDepartmentHeading,
        HoldingsColumn,
        GlossaryTitle,
        GlossaryLead,
        MyOrdersHeading,
        MyOrdersEmpty,
        MyHoldingsHeading,
        MyHoldingsEmpty,
        SinceColumn,
        UntilColumn,
        HoldingEndedBadge,
        HoldingStepDone,
        ToRevokeHeading,
        ToRevokeEmpty,
        EndingSoonHeading,
        EndingSoonEmpty,
        HoldingsInForceHeading,
        HoldingsEmpty,
        HoldingStateColumn,
        LeavingOnLabel,
        HoldingDayLabel,
        MarkLeavingButton,
        RevokedButton,
        EntrySaved,
        EditButton,
        AddAuthorisation,
        EditAuthorisation,
        ServiceColumn,
        SaveButton,
        MapEditorHeading,
        MapPlaceLabel,
        MapSaved,
        DeskNoticeOrderChanged,
        DeskNoticeHoldingEnding,
        DateProblem,
        DvvRefusedHeading,
        DvvRefusalLabel,
        DvvRefusedButton,
        AddHoldingHeading,
        AddHoldingHint,
        ImportHoldingsHeading,
        ImportHoldingsHint,
        ImportHoldingsFileLabel,
        ImportHoldingsTextLabel,
        ImportHoldingsCheck,
        ImportHoldingsEnter,
        ImportHoldingsNothing,
        ImportLineColumn,
        ImportFieldColumn,
        ImportProblemColumn,
        ImportWholeFile,
        ImportProblemUnreadable,
        ImportProblemEmpty,
        ImportProblemTooMany,
        ImportProblemMissing,
        ImportProblemInvalid,
        ImportProblemBadDates,
        ImportProblemUnknown,
        ImportProblemAmbiguous,
        ImportProblemNotHeld,
        ImportProblemRepeated,
        ImportProblemInRegister,
    }
}

/// `text` in `lang`. A private text in a browser entry that has not registered them is
/// [`NOT_REGISTERED`] (`cargo xtask i18n` keeps public pages from naming one).
pub fn t(lang: Lang, text: Text) -> &'static str {
    match text.grouped() {
        Grouped::Public(text) => match lang {
            Lang::Fi => fi::public(text),
            Lang::Sv => sv::public(text),
            Lang::En => en::public(text),
        },
        Grouped::Private(text) => private_lookup(lang, text),
    }
}

pub use crate::error::NOT_REGISTERED;

/// A private text in `lang`.
fn private_text(lang: Lang, text: PrivateText) -> &'static str {
    match lang {
        Lang::Fi => fi::private(text),
        Lang::Sv => sv::private(text),
        Lang::En => en::private(text),
    }
}

// In the browser the private texts are reached only through a function an entry registers,
// so the linker leaves them out of the entries that do not. Natively (the edge, xtask,
// tests) size does not matter and every text is always there.
#[cfg(target_arch = "wasm32")]
static PRIVATE_TEXTS: std::sync::OnceLock<fn(Lang, PrivateText) -> &'static str> =
    std::sync::OnceLock::new();

fn private_lookup(lang: Lang, text: PrivateText) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    return PRIVATE_TEXTS
        .get()
        .map_or(NOT_REGISTERED, |lookup| lookup(lang, text));
    #[cfg(not(target_arch = "wasm32"))]
    private_text(lang, text)
}

/// Makes the logged-in pages' texts and the registered error messages
/// (`ErrorCode::message_registered`) available: the customer's, the producer's and the
/// staff's entries call it first thing (`seteli_app::entry_main!`), and so does the worker;
/// the public entry never does, and so never carries them.
pub fn register_private_texts() {
    #[cfg(target_arch = "wasm32")]
    let _ = PRIVATE_TEXTS.set(private_text);
    crate::error::register_messages();
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

/// On what ground someone acts for another, as a phrase that follows "Basis:" (lower case).
pub fn basis_text(basis: Basis) -> Text {
    match basis {
        Basis::Guardian => Text::BasisGuardian,
        Basis::Mandate => Text::BasisMandate,
        Basis::RegisteredProxy => Text::BasisRegisteredProxy,
    }
}

/// The words for a message's delivery state; `None` for one this build does not know
/// (shown as it came).
pub fn message_status_text(status: crate::delivery::MessageStatus) -> Option<Text> {
    use crate::delivery::MessageStatus as S;
    match status {
        S::Queued => Some(Text::MessageQueued),
        S::Sent => Some(Text::MessageSent),
        S::Held => Some(Text::MessageHeld),
        S::Paper => Some(Text::MessagePaper),
        S::Read => Some(Text::MessageRead),
        S::Printed => Some(Text::MessagePrinted),
        S::Delivered => Some(Text::MessageDelivered),
        S::Returned => Some(Text::MessageReturned),
        S::Failed => Some(Text::MessageFailed),
        S::Unknown => None,
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
        OnBehalfAction::ViewAccessLog => Text::ActionViewAccessLog,
        OnBehalfAction::GiveFeedback => Text::ActionGiveFeedback,
        OnBehalfAction::AnswerSurvey => Text::ActionAnswerSurvey,
        OnBehalfAction::ApplyForVoucher => Text::ActionApplyForVoucher,
        OnBehalfAction::AnswerConsent => Text::ActionAnswerConsent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::MessageKind;
    use crate::catalogue::Unit;
    use crate::money::Cents;

    #[test]
    fn each_delivery_state_has_words_of_its_own_and_unknown_ones_come_as_they_are() {
        use crate::delivery::MessageStatus;
        let later: MessageStatus = serde_json::from_str("\"bounced\"").unwrap();
        assert_eq!(message_status_text(later), None);
        assert_eq!(
            message_status_text(MessageStatus::Queued),
            Some(Text::MessageQueued)
        );
        let words: std::collections::HashSet<Text> = MessageStatus::ALL
            .into_iter()
            .map(|s| message_status_text(s).expect("every known state has words"))
            .collect();
        assert_eq!(words.len(), MessageStatus::ALL.len(), "each its own");
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
            valid_until(Lang::Fi, time::macros::date!(2026 - 12 - 31)),
            "voimassa 31.12.2026 asti"
        );
        assert_eq!(
            message_sentence(Lang::En, MessageKind::FeedbackGiven, "Matti", "Hoiva Oy"),
            "Matti gave feedback on Hoiva Oy on your behalf."
        );
    }

    #[test]
    fn every_key_names_its_text_once() {
        let mut seen = std::collections::HashSet::new();
        for &text in Text::ALL {
            assert_eq!(format!("{text:?}"), text.key());
            assert!(seen.insert(text.key()), "{} twice", text.key());
        }
    }

    /// The `{name}` placeholders in `text`, sorted, for comparing languages.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn placeholders_are_found_by_name() {
        assert_eq!(placeholders("{n} of {total}, {n}"), ["n", "n", "total"]);
        assert!(placeholders("no placeholders").is_empty());
    }

    #[test]
    fn every_language_has_the_same_placeholders() {
        for &text in Text::ALL {
            let fi = placeholders(t(Lang::Fi, text));
            for lang in [Lang::Sv, Lang::En] {
                assert_eq!(placeholders(t(lang, text)), fi, "{text:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn a_private_text_reads_as_itself_natively() {
        assert_eq!(t(Lang::En, Text::LogIn), "Log in");
        assert_eq!(t(Lang::Sv, Text::LogIn), "Logga in");
        assert_eq!(
            desk_greeting(Lang::Fi, "Sari", "Itä-Uudenmaan hyvinvointialue"),
            "Hei Sari! Työskentelet järjestäjälle Itä-Uudenmaan hyvinvointialue."
        );
        assert_eq!(
            t(Lang::Fi, Text::StaffViewContact),
            "Muutti osoitetta tai turvakieltoa"
        );
        assert!(matches!(
            Text::StaffViewContact.grouped(),
            Grouped::Private(_)
        ));
        assert!(matches!(Text::SiteName.grouped(), Grouped::Public(_)));
    }
}
