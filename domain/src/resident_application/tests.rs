use super::*;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 30);

fn hetu(code: &str) -> Hetu {
    Hetu::parse(code).unwrap()
}

fn mikko() -> NamedGuardian {
    NamedGuardian {
        given_name: "Mikko".into(),
        family_name: "Kumpulainen".into(),
        hetu: "091182-931V".into(),
    }
}

fn speech_therapy() -> ServiceCode {
    ServiceCode::parse("speech-therapy").unwrap()
}

/// Anni's application for Eetu's speech therapy in Porvoo, naming Mikko.
fn for_eetu() -> VoucherApplicationForm {
    VoucherApplicationForm {
        service_code: Some(speech_therapy()),
        municipality_code: Some(MunicipalityCode::parse("638").unwrap()),
        need: "Eetu tarvitsee puheterapiaa.".into(),
        household_size: Some(4),
        gross_monthly_income_cents: Some(Cents::new(520_000).unwrap()),
        contact: Some(ContactPreference::Messages),
        phone: String::new(),
        shared: Some(SharedMatter::Consent {
            others: vec![mikko()],
            unknown: false,
        }),
        confirmed: true,
    }
}

fn send(
    form: &VoucherApplicationForm,
    applies_for: AppliesFor,
    income_related: bool,
) -> Result<(), FieldError> {
    let (anni, eetu) = (hetu("220784-926C"), hetu("030413A9450"));
    let principal = if applies_for == AppliesFor::Child {
        &eetu
    } else {
        &anni
    };
    check_complete(
        form,
        &Sending {
            applies_for,
            applicant: &anni,
            principal,
            offered: &[speech_therapy()],
            income_related,
            today: TODAY,
        },
    )
}

fn refused(result: Result<(), FieldError>) -> (ErrorCode, &'static str) {
    let e = result.unwrap_err();
    (e.code, e.field)
}

use ErrorCode::{InvalidVoucherApplication as Invalid, VoucherApplicationIncomplete as Incomplete};

/// A change to the form, for the table of what each missing piece is called.
type Change = fn(&mut VoucherApplicationForm);

#[test]
fn a_guardians_application_naming_the_other_guardian_may_be_sent() {
    assert_eq!(send(&for_eetu(), AppliesFor::Child, true), Ok(()));
}

#[test]
fn each_missing_piece_is_named() {
    let cases: Vec<(Change, &str)> = vec![
        (|f| f.service_code = None, "service_code"),
        (|f| f.municipality_code = None, "municipality_code"),
        (|f| f.need = "  ".into(), "need"),
        (|f| f.household_size = None, "household_size"),
        (
            |f| f.gross_monthly_income_cents = None,
            "gross_monthly_income_cents",
        ),
        (|f| f.contact = None, "contact"),
        (|f| f.contact = Some(ContactPreference::Phone), "phone"),
        (|f| f.shared = None, "shared"),
        (|f| f.confirmed = false, "confirmed"),
        (
            |f| {
                f.shared = Some(SharedMatter::Consent {
                    others: vec![],
                    unknown: false,
                })
            },
            "shared",
        ),
        (
            |f| {
                f.shared = Some(SharedMatter::Declared {
                    right: DeclaredRight::Other {
                        reason: "koska".into(),
                    },
                    inform: None,
                })
            },
            "shared",
        ),
    ];
    for (change, field) in cases {
        let mut form = for_eetu();
        change(&mut form);
        assert_eq!(
            refused(send(&form, AppliesFor::Child, true)),
            (Incomplete, field)
        );
        // A draft saves all the same.
        assert_eq!(check_draft(&form), Ok(()), "{field}");
    }
}

#[test]
fn income_is_asked_only_when_the_voucher_depends_on_it() {
    let mut form = for_eetu();
    form.household_size = None;
    form.gross_monthly_income_cents = None;
    assert_eq!(send(&form, AppliesFor::Child, false), Ok(()));
    assert_eq!(
        refused(send(&form, AppliesFor::Child, true)),
        (Incomplete, "household_size")
    );
}

#[test]
fn a_service_the_municipality_does_not_offer_is_refused() {
    let mut form = for_eetu();
    form.service_code = Some(ServiceCode::parse("cleaning").unwrap());
    assert_eq!(
        refused(send(&form, AppliesFor::Child, true)),
        (ErrorCode::ServiceNotOffered, "service_code")
    );
}

#[test]
fn a_shared_matter_is_a_childs_only_and_names_other_adults() {
    // Someone applying for themselves or an adult shares nothing.
    let mut own = for_eetu();
    assert_eq!(
        refused(send(&own, AppliesFor::Myself, true)),
        (Invalid, "shared")
    );
    own.shared = None;
    assert_eq!(send(&own, AppliesFor::Myself, true), Ok(()));
    assert_eq!(send(&own, AppliesFor::Adult, true), Ok(()));
    // Not the applicant herself, not the child, not another child.
    for code in ["220784-926C", "030413A9450", "170816A958E"] {
        let mut form = for_eetu();
        form.shared = Some(SharedMatter::Consent {
            others: vec![NamedGuardian {
                hetu: code.into(),
                ..mikko()
            }],
            unknown: false,
        });
        assert_eq!(
            refused(send(&form, AppliesFor::Child, true)),
            (Invalid, "shared"),
            "{code}"
        );
    }
    // "I do not know": staff resolve it.
    let mut unknown = for_eetu();
    unknown.shared = Some(SharedMatter::Consent {
        others: vec![],
        unknown: true,
    });
    assert_eq!(send(&unknown, AppliesFor::Child, true), Ok(()));
    // A declared right; the other guardian, if named, is told.
    for right in [
        DeclaredRight::SoleCustody,
        DeclaredRight::AgreedOutside,
        DeclaredRight::Other {
            reason: "Toinen huoltaja asuu ulkomailla.".into(),
        },
    ] {
        let mut declared = for_eetu();
        declared.shared = Some(SharedMatter::Declared {
            right,
            inform: Some(mikko()),
        });
        assert_eq!(send(&declared, AppliesFor::Child, true), Ok(()));
    }
}

#[test]
fn a_draft_refuses_only_what_is_out_of_bounds() {
    let mut form = VoucherApplicationForm::default();
    assert_eq!(check_draft(&form), Ok(()));
    form.need = "x".repeat(NEED_MAX_CHARS + 1);
    assert_eq!(refused(check_draft(&form)), (Invalid, "need"));
    let mut form = VoucherApplicationForm {
        household_size: Some(0),
        ..Default::default()
    };
    assert_eq!(refused(check_draft(&form)), (Invalid, "household_size"));
    form.household_size = Some(MAX_HOUSEHOLD + 1);
    assert_eq!(refused(check_draft(&form)), (Invalid, "household_size"));
    form.household_size = Some(MAX_HOUSEHOLD);
    assert_eq!(check_draft(&form), Ok(()));
    let twice = VoucherApplicationForm {
        shared: Some(SharedMatter::Consent {
            others: vec![mikko(), mikko()],
            unknown: false,
        }),
        ..Default::default()
    };
    assert_eq!(refused(check_draft(&twice)), (Invalid, "shared"));
    let typo = VoucherApplicationForm {
        shared: Some(SharedMatter::Consent {
            others: vec![NamedGuardian {
                hetu: "091182-931X".into(),
                ..mikko()
            }],
            unknown: false,
        }),
        ..Default::default()
    };
    assert_eq!(refused(check_draft(&typo)), (Invalid, "shared"));
    let too_many = VoucherApplicationForm {
        shared: Some(SharedMatter::Consent {
            others: vec![
                NamedGuardian {
                    hetu: String::new(),
                    ..mikko()
                };
                MAX_NAMED + 1
            ],
            unknown: false,
        }),
        ..Default::default()
    };
    assert_eq!(refused(check_draft(&too_many)), (Invalid, "shared"));
}

#[test]
fn a_consent_request_is_answered_once_within_its_fourteen_days() {
    use ConsentStatus::*;
    let sent = date!(2026 - 11 - 16);
    let last = consent_last_day(sent);
    assert_eq!(last, date!(2026 - 11 - 30));
    assert_eq!(answer_consent(Pending, last, true, last), Ok(Given));
    assert_eq!(answer_consent(Pending, last, false, last), Ok(Declined));
    let late = last + Duration::days(1);
    assert_eq!(
        answer_consent(Pending, last, true, late),
        Err(ErrorCode::ConsentExpired)
    );
    assert_eq!(
        answer_consent(Expired, last, true, sent),
        Err(ErrorCode::ConsentExpired)
    );
    for answered in [Given, Declined] {
        assert_eq!(
            answer_consent(answered, last, true, sent),
            Err(ErrorCode::ConsentAlreadyAnswered)
        );
        assert!(!may_resend(answered));
        assert!(!consent_expires(answered, last, late));
    }
    assert!(!consent_expires(Pending, last, last));
    assert!(consent_expires(Pending, last, late));
    assert!(may_resend(Expired) && !may_resend(Pending));
    for status in [Pending, Given, Declined, Expired] {
        assert_eq!(ConsentStatus::parse(status.as_str()), Some(status));
    }
}

#[test]
fn every_consent_sends_it_on_and_one_decline_stops_it() {
    use ConsentStatus::*;
    assert_eq!(consent_outcome(&[Given, Given]), ConsentOutcome::AllGiven);
    assert_eq!(
        consent_outcome(&[Given, Pending]),
        ConsentOutcome::Waiting { missing: 1 }
    );
    assert_eq!(
        consent_outcome(&[Expired, Pending]),
        ConsentOutcome::Waiting { missing: 2 }
    );
    assert_eq!(
        consent_outcome(&[Given, Declined]),
        ConsentOutcome::Declined
    );
    assert_eq!(consent_outcome(&[]), ConsentOutcome::Waiting { missing: 0 });
}

fn any_status() -> impl Strategy<Value = ConsentStatus> {
    prop_oneof![
        Just(ConsentStatus::Pending),
        Just(ConsentStatus::Given),
        Just(ConsentStatus::Declined),
        Just(ConsentStatus::Expired),
    ]
}

proptest! {
    #[test]
    fn the_outcome_is_all_given_exactly_when_everyone_consented(
        statuses in proptest::collection::vec(any_status(), 0..6)
    ) {
        let everyone = !statuses.is_empty() && statuses.iter().all(|s| *s == ConsentStatus::Given);
        let anyone_declined = statuses.contains(&ConsentStatus::Declined);
        match consent_outcome(&statuses) {
            ConsentOutcome::AllGiven => prop_assert!(everyone),
            ConsentOutcome::Declined => prop_assert!(anyone_declined),
            ConsentOutcome::Waiting { missing } => {
                prop_assert!(!everyone && !anyone_declined);
                prop_assert_eq!(missing, statuses.len() - statuses.iter().filter(|s| **s == ConsentStatus::Given).count());
            }
        }
    }

    #[test]
    fn an_answer_never_changes_an_answered_or_late_request(
        status in any_status(), consent: bool, days in -20i64..40
    ) {
        let last = date!(2026 - 11 - 30);
        let today = last + Duration::days(days);
        match answer_consent(status, last, consent, today) {
            Ok(next) => {
                prop_assert_eq!(status, ConsentStatus::Pending);
                prop_assert!(today <= last);
                prop_assert_eq!(next == ConsentStatus::Given, consent);
            }
            Err(_) => prop_assert!(status != ConsentStatus::Pending || today > last),
        }
    }
}

#[test]
fn a_named_guardians_code_is_shown_masked_and_kept_when_sent_back_masked() {
    let form = for_eetu();
    let shown = form.masked();
    assert_eq!(shown.named_guardians()[0].hetu, "091182-****");
    assert_eq!(form.named_guardians()[0].hetu, "091182-931V");
    // Sent back as shown: the stored code stays.
    assert_eq!(shown.clone().keeping_codes_of(&form), form);
    // A new code replaces it; a masked code of someone else is not taken for it.
    let mut changed = shown.clone();
    if let Some(SharedMatter::Consent { others, .. }) = &mut changed.shared {
        others[0].hetu = "280175-967D".into();
    }
    assert_eq!(
        changed.keeping_codes_of(&form).named_guardians()[0].hetu,
        "280175-967D"
    );
    let mut other_mask = shown;
    if let Some(SharedMatter::Consent { others, .. }) = &mut other_mask.shared {
        others[0].hetu = "280175-****".into();
    }
    assert_eq!(
        other_mask.keeping_codes_of(&form).named_guardians()[0].hetu,
        "280175-****"
    );
}

#[test]
fn what_sending_does_follows_the_shared_matter() {
    let named = for_eetu();
    assert!(named.needs_consent());
    assert!(!named.guardians_unknown());
    assert_eq!(named.declared_right(), None);
    let unknown = VoucherApplicationForm {
        shared: Some(SharedMatter::Consent {
            others: Vec::new(),
            unknown: true,
        }),
        ..for_eetu()
    };
    assert!(!unknown.needs_consent());
    assert!(unknown.guardians_unknown());
    assert!(unknown.named_guardians().is_empty());
    let declared = VoucherApplicationForm {
        shared: Some(SharedMatter::Declared {
            right: DeclaredRight::SoleCustody,
            inform: Some(mikko()),
        }),
        ..for_eetu()
    };
    assert!(!declared.needs_consent());
    assert_eq!(declared.declared_right(), Some(&DeclaredRight::SoleCustody));
    assert_eq!(declared.named_guardians(), &[mikko()]);
    assert_eq!(DeclaredRight::SoleCustody.kind_str(), "sole_custody");
    assert_eq!(DeclaredRight::AgreedOutside.kind_str(), "agreed_outside");
    assert_eq!(
        DeclaredRight::Other { reason: "x".into() }.kind_str(),
        "other"
    );
    let alone = VoucherApplicationForm {
        shared: None,
        ..for_eetu()
    };
    assert!(alone.named_guardians().is_empty() && !alone.guardians_unknown());
}

#[test]
fn answers_move_the_case_before_the_queue_and_while_a_handler_waits() {
    use ConsentStatus::*;
    // Before the queue: all consents send it on, one decline stops it.
    assert_eq!(consent_step(false, &[Given, Pending]), ConsentStep::None);
    assert_eq!(consent_step(false, &[Given, Given]), ConsentStep::Answer);
    assert_eq!(
        consent_step(false, &[Given, Declined]),
        ConsentStep::Decline
    );
    assert_eq!(consent_step(false, &[Expired]), ConsentStep::None);
    // A handler waiting: back to them once nobody is pending, a decline included.
    assert_eq!(consent_step(true, &[Given, Pending]), ConsentStep::None);
    assert_eq!(consent_step(true, &[Declined]), ConsentStep::Answer);
    assert_eq!(consent_step(true, &[Expired, Given]), ConsentStep::Answer);
    assert_eq!(consent_step(true, &[]), ConsentStep::None);
}

#[test]
fn a_guardian_is_named_in_full_and_within_bounds() {
    let anni = hetu("220784-926C");
    let eetu = hetu("030413A9450");
    let not = [&anni, &eetu];
    assert_eq!(
        check_named_guardian(&mikko(), &not, TODAY),
        Ok(hetu("091182-931V"))
    );
    let long = "x".repeat(SHORT_MAX_CHARS + 1);
    let at_most = "x".repeat(SHORT_MAX_CHARS);
    let named = |given: &str, family: &str| NamedGuardian {
        given_name: given.into(),
        family_name: family.into(),
        ..mikko()
    };
    assert!(check_named_guardian(&named(&at_most, &at_most), &not, TODAY).is_ok());
    for (given, family) in [(long.as_str(), "K"), ("M", long.as_str())] {
        assert_eq!(
            check_named_guardian(&named(given, family), &not, TODAY)
                .unwrap_err()
                .field,
            "given_name"
        );
    }
    assert_eq!(
        check_named_guardian(&named(" ", "K"), &not, TODAY)
            .unwrap_err()
            .field,
        "given_name"
    );
    assert_eq!(
        check_named_guardian(&named("M", ""), &not, TODAY)
            .unwrap_err()
            .field,
        "family_name"
    );
    let child = NamedGuardian {
        hetu: "030413A9450".into(),
        ..mikko()
    };
    assert_eq!(
        check_named_guardian(&child, &not, TODAY).unwrap_err().field,
        "hetu"
    );
}

#[test]
fn the_guardian_to_inform_is_shown_masked_too() {
    let declared = VoucherApplicationForm {
        shared: Some(SharedMatter::Declared {
            right: DeclaredRight::SoleCustody,
            inform: Some(mikko()),
        }),
        ..for_eetu()
    };
    let shown = declared.masked();
    assert_eq!(shown.named_guardians()[0].hetu, "091182-****");
    assert_eq!(shown.keeping_codes_of(&declared), declared);
}

#[test]
fn control_characters_are_refused_but_line_breaks_kept() {
    let mut form = for_eetu();
    form.need = "Aamuisin.\nIltaisin.\tMyös".into();
    assert!(check_draft(&form).is_ok());
    form.need = "A\u{1}B".into();
    assert_eq!(check_draft(&form).unwrap_err().field, "need");
    let mut phone = for_eetu();
    phone.phone = "040\u{7f}".into();
    assert_eq!(check_draft(&phone).unwrap_err().field, "phone");
    let mut named = for_eetu();
    if let Some(SharedMatter::Consent { others, .. }) = &mut named.shared {
        others[0].family_name = "K\u{0}".into();
    }
    assert_eq!(check_draft(&named).unwrap_err().field, "shared");
    let reason = VoucherApplicationForm {
        shared: Some(SharedMatter::Declared {
            right: DeclaredRight::Other {
                reason: "Syy\u{1b}[31m on pitkä".into(),
            },
            inform: None,
        }),
        ..for_eetu()
    };
    assert_eq!(check_draft(&reason).unwrap_err().field, "shared");
}
