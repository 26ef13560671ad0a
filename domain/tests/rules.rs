//! Known answers that pin the rules: each value here was worked out by hand or by an
//! independent computation (noted where it matters), not read back from the code. They are
//! what keeps `cargo xtask mutants` at zero survivors: a changed operator, bound or match
//! arm in a rule makes one of these fail.

use seteli_domain::api::{self, Me};
use seteli_domain::business_id::BusinessIdError;
use seteli_domain::catalogue::{ApprovalStatus, Unit};
use seteli_domain::comparison::{own_share, OffersQuery, SortKey, MAX_PAGE, PAGE_SIZE};
use seteli_domain::ids::ProducerId;
use seteli_domain::money::MoneyError;
use seteli_domain::producer::{
    check_event, company_choice_valid, correctable, may_act_for_company, may_set_prices,
    valid_idempotency_key, valid_price_start, EventError,
};
use seteli_domain::voucher::{
    event_shares, satisfaction_since, survey_period, FeedbackText, Satisfaction, Score, TextError,
    VoucherNumber, VoucherNumberError,
};
use seteli_domain::{BusinessId, Cents, ErrorCode, Lang, MunicipalityCode, ServiceCode};
use time::macros::date;
use time::Date;

/// Asserts that each `"name" => Variant` of the enum `$ty` parses from its name and prints
/// back to it.
macro_rules! assert_names {
    ($ty:ident: $($name:literal => $variant:ident),+ $(,)?) => {
        $(
            assert_eq!($ty::parse($name), Some($ty::$variant), "{}", $name);
            assert_eq!($ty::$variant.as_str(), $name);
        )+
    };
}

fn cents(c: i64) -> Cents {
    Cents::new(c).expect("a valid amount")
}

// ---- Voucher numbers ----

/// Bodies and their Luhn check digits, computed with a separate Python implementation of
/// Luhn; `07992739871` → 3 is Wikipedia's published example (79927398713).
const LUHN_VECTORS: &[(u64, &str)] = &[
    (48_219_930_117, "482199301177"),
    (7_992_739_871, "079927398713"),
    (0, "000000000000"),
    (1, "000000000018"),
    (5, "000000000059"),
    (10_000_000_000, "100000000008"),
    (12_345_678_901, "123456789015"),
    (1_234_567_890, "012345678903"),
    (55_555_555_555, "555555555559"),
    (98_765_432_109, "987654321098"),
    (99_999_999_999, "999999999991"),
];

#[test]
fn voucher_numbers_carry_the_published_luhn_check_digit() {
    for (body, number) in LUHN_VECTORS {
        let made = VoucherNumber::from_body(*body).expect("an 11-digit body");
        assert_eq!(made.as_str(), *number, "body {body}");
        assert_eq!(VoucherNumber::parse(number), Ok(made), "{number}");
    }
}

#[test]
fn every_other_check_digit_is_a_typing_error() {
    for (_, number) in LUHN_VECTORS {
        let right = number.as_bytes()[11];
        for wrong in (b'0'..=b'9').filter(|d| *d != right) {
            let typed = format!("{}{}", &number[..11], char::from(wrong));
            assert_eq!(
                VoucherNumber::parse(&typed),
                Err(VoucherNumberError::Checksum),
                "{typed}"
            );
        }
    }
}

#[test]
fn a_body_has_eleven_digits_at_most() {
    assert!(VoucherNumber::from_body(99_999_999_999).is_some());
    assert_eq!(VoucherNumber::from_body(100_000_000_000), None);
    assert_eq!(VoucherNumber::from_body(u64::MAX), None);
}

#[test]
fn voucher_numbers_are_typed_with_spaces_or_hyphens_but_nothing_else() {
    let n = VoucherNumber::parse("482199301177").unwrap();
    for typed in [
        "4821 9930 1177",
        "4821-9930-1177",
        " 4821 9930 1177 ",
        "48-21 99--30 11 77",
    ] {
        assert_eq!(VoucherNumber::parse(typed), Ok(n.clone()), "{typed:?}");
    }
    for typed in [
        "4821_9930_1177",
        "4821.9930.1177",
        "48219930117",
        "4821993011770",
        "",
        "４８２１９９３０１１７７",
        "4821\t9930 1177",
    ] {
        assert_eq!(
            VoucherNumber::parse(typed),
            Err(VoucherNumberError::Format),
            "{typed:?}"
        );
    }
    assert_eq!(n.grouped(), "4821 9930 1177");
    assert_eq!(n.to_string(), "4821 9930 1177");
    assert_eq!(String::from(n.clone()), "482199301177");
    assert_eq!(
        serde_json::to_string(&n).unwrap(),
        "\"482199301177\"",
        "stored without spaces"
    );
    assert_eq!(
        serde_json::from_str::<VoucherNumber>("\"4821 9930 1177\"").unwrap(),
        n
    );
}

#[test]
fn the_example_number_people_are_shown_is_a_valid_number() {
    use seteli_domain::i18n::{t, Text};
    for lang in Lang::ALL {
        let hint = t(lang, Text::LookupNumberHint);
        let example: String = hint
            .split(|c: char| !c.is_ascii_digit() && c != ' ')
            .map(str::trim)
            .find(|part| part.len() == 14)
            .expect("the hint shows a grouped number")
            .to_owned();
        assert!(
            VoucherNumber::parse(&example).is_ok(),
            "{lang:?}: {example}"
        );
    }
}

// ---- The shares of a service event ----

#[test]
fn shares_round_half_up_to_whole_cents() {
    // (unit price, voucher value per unit, units × 100) → (total, voucher share, own share),
    // in cents.
    let cases = [
        // 33,33 € × 1,5 h = 49,995 € → 50,00 €; the voucher (32 €/h) covers 48,00 €.
        ((3333, 3200, 150), (5000, 4800, 200)),
        // 0,01 € × 0,50 = 0,005 € → 0,01 €; × 0,49 = 0,0049 € → 0,00 €.
        ((1, 0, 50), (1, 0, 1)),
        ((1, 0, 49), (0, 0, 0)),
        // One hour at 36 € under a 32 € voucher.
        ((3600, 3200, 100), (3600, 3200, 400)),
        // A voucher worth more than the price covers all of it.
        ((2000, 3200, 250), (5000, 5000, 0)),
    ];
    for ((price, value, units), (total, voucher, own)) in cases {
        let s = event_shares(cents(price), cents(value), units).unwrap();
        assert_eq!(
            (s.total, s.voucher_share, s.own_share),
            (cents(total), cents(voucher), cents(own)),
            "{price} × {units} under {value}"
        );
    }
}

#[test]
fn shares_above_the_largest_amount_are_refused() {
    assert_eq!(
        event_shares(cents(Cents::MAX), cents(0), 100)
            .unwrap()
            .total,
        cents(Cents::MAX)
    );
    assert_eq!(event_shares(cents(Cents::MAX), cents(0), 101), None);
    assert_eq!(event_shares(cents(Cents::MAX), cents(0), i64::MAX), None);
    assert_eq!(event_shares(cents(100), cents(0), -100), None);
}

// ---- Texts, scores and satisfaction ----

#[test]
fn feedback_is_one_to_two_thousand_characters_after_trimming() {
    assert_eq!(FeedbackText::parse(""), Err(TextError::Empty));
    assert_eq!(FeedbackText::parse(" \n\t "), Err(TextError::Empty));
    assert_eq!(FeedbackText::parse("x").unwrap().as_str(), "x");
    let longest = "ä".repeat(2000);
    assert_eq!(
        FeedbackText::parse(&format!("  {longest}\n"))
            .unwrap()
            .as_str(),
        longest
    );
    assert_eq!(
        FeedbackText::parse(&"ä".repeat(2001)),
        Err(TextError::TooLong)
    );
}

#[test]
fn scores_are_exactly_one_to_five() {
    for bad in [0u8, 6, 255] {
        assert!(Score::try_from(bad).is_err(), "{bad}");
    }
    for good in 1u8..=5 {
        assert_eq!(u8::from(Score::try_from(good).unwrap()), good);
        assert_eq!(
            serde_json::from_str::<Score>(&good.to_string())
                .map(u8::from)
                .ok(),
            Some(good)
        );
    }
}

#[test]
fn satisfaction_is_published_from_five_answers_with_a_real_mean() {
    let published = |avg, answers| Satisfaction::publishable(Some(avg), answers);
    assert_eq!(published(42, 4), None);
    assert_eq!(
        published(42, 5),
        Some(Satisfaction {
            average_x10: 42,
            answers: 5
        })
    );
    assert!(published(10, 5).is_some(), "1.0 is a real mean");
    assert!(published(50, 5).is_some(), "5.0 is a real mean");
    assert_eq!(published(9, 100), None);
    assert_eq!(published(51, 100), None);
    assert_eq!(Satisfaction::publishable(None, 100), None);
}

#[test]
fn survey_periods_are_calendar_months() {
    use time::macros::date;
    assert_eq!(survey_period(date!(2026 - 11 - 21)), "2026-11");
    for (today, since) in [
        (date!(2026 - 11 - 21), "2025-12"),
        (date!(2026 - 12 - 31), "2026-01"),
        (date!(2026 - 01 - 01), "2025-02"),
        (date!(2026 - 09 - 30), "2025-10"),
    ] {
        assert_eq!(satisfaction_since(today), since, "{today}");
    }
}

// ---- Money ----

#[test]
fn cents_are_zero_to_ten_million_euros() {
    assert_eq!(Cents::new(0).map(Cents::get), Ok(0));
    assert_eq!(Cents::new(Cents::MAX).map(Cents::get), Ok(1_000_000_000));
    assert_eq!(Cents::new(Cents::MAX + 1), Err(MoneyError::TooLarge));
    assert_eq!(Cents::new(-1), Err(MoneyError::Negative));
    assert_eq!(Cents::new(i64::MIN), Err(MoneyError::Negative));
    assert!(serde_json::from_str::<Cents>("1000000001").is_err());
    assert_eq!(i64::from(cents(2500)), 2500);
    assert_eq!(Cents::try_from(2500).map(Cents::get), Ok(2500));
}

#[test]
fn cents_in_a_url_are_at_most_twelve_digits() {
    use MoneyError::*;
    let cases: &[(&str, Result<i64, MoneyError>)] = &[
        ("0", Ok(0)),
        ("2500", Ok(2500)),
        ("1000000000", Ok(1_000_000_000)),
        ("000000000001", Ok(1)),
        ("1000000001", Err(TooLarge)),
        ("999999999999", Err(TooLarge)),
        ("0000000000001", Err(NotANumber)),
        ("9999999999999", Err(NotANumber)),
        ("", Err(NotANumber)),
        ("-", Err(NotANumber)),
        ("-1", Err(Negative)),
        ("-0", Err(Negative)),
        ("-1a", Err(NotANumber)),
        ("--1", Err(NotANumber)),
        ("+1", Err(NotANumber)),
        ("1 ", Err(NotANumber)),
        ("٣", Err(NotANumber)),
    ];
    for (input, expected) in cases {
        assert_eq!(Cents::parse(input).map(Cents::get), *expected, "{input:?}");
    }
}

#[test]
fn euros_are_at_most_eight_whole_digits_and_two_decimals() {
    use MoneyError::*;
    let cases: &[(&str, Result<i64, MoneyError>)] = &[
        ("25", Ok(2500)),
        ("25,5", Ok(2550)),
        ("25.5", Ok(2550)),
        ("25,05", Ok(2505)),
        ("25,50 €", Ok(2550)),
        (" 25€ ", Ok(2500)),
        ("1 025,50", Ok(102_550)),
        ("1,", Ok(100)),
        ("0,01", Ok(1)),
        ("00000001", Ok(100)),
        ("10000000", Ok(1_000_000_000)),
        ("10000000,01", Err(TooLarge)),
        ("99999999,99", Err(TooLarge)),
        ("000000001", Err(NotANumber)),
        ("25,555", Err(NotANumber)),
        (",5", Err(NotANumber)),
        ("", Err(NotANumber)),
        ("€", Err(NotANumber)),
        ("1.5.5", Err(NotANumber)),
        ("1e3", Err(NotANumber)),
        ("+5", Err(NotANumber)),
        ("25,5a", Err(NotANumber)),
        ("-5", Err(Negative)),
        ("-0,01", Err(Negative)),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Cents::parse_euros(input).map(Cents::get),
            *expected,
            "{input:?}"
        );
    }
}

#[test]
fn amounts_print_with_thousands_grouped() {
    let fi = |c: i64| cents(c).format(Lang::Fi).replace('\u{a0}', " ");
    let en = |c: i64| cents(c).format(Lang::En);
    assert_eq!(fi(0), "0,00 €");
    assert_eq!(fi(5), "0,05 €");
    assert_eq!(fi(99_999), "999,99 €");
    assert_eq!(fi(100_000), "1 000,00 €");
    assert_eq!(fi(123_456_789), "1 234 567,89 €");
    assert_eq!(fi(Cents::MAX), "10 000 000,00 €");
    assert_eq!(
        cents(12_345).format(Lang::Sv),
        cents(12_345).format(Lang::Fi)
    );
    assert_eq!(en(5), "€0.05");
    assert_eq!(en(99_999), "€999.99");
    assert_eq!(en(123_456_789), "€1,234,567.89");
    assert_eq!(en(Cents::MAX), "€10,000,000.00");
}

#[test]
fn saturating_sub_stops_at_zero() {
    assert_eq!(cents(500).saturating_sub(cents(300)), cents(200));
    assert_eq!(cents(300).saturating_sub(cents(500)), cents(0));
    assert_eq!(cents(300).saturating_sub(cents(300)), cents(0));
    assert_eq!(own_share(cents(3600), cents(3200)), cents(400));
    assert_eq!(own_share(cents(3000), cents(3200)), cents(0));
}

// ---- Producers: roles, events, corrections, prices ----

#[test]
fn roles_that_act_for_a_company_and_roles_that_set_its_prices() {
    let roles = |r: &[&str]| r.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    for acts in ["TJ", "PJ", "J", "NIMKO", "IS"] {
        assert!(may_act_for_company(&roles(&[acts])), "{acts}");
    }
    for sets in ["TJ", "PJ", "NIMKO", "IS"] {
        assert!(may_set_prices(&roles(&[sets])), "{sets}");
    }
    assert!(!may_set_prices(&roles(&["J"])));
    for neither in ["TIL", "tj", "", "TJ "] {
        assert!(!may_act_for_company(&roles(&[neither])), "{neither:?}");
        assert!(!may_set_prices(&roles(&[neither])), "{neither:?}");
    }
    assert!(!may_act_for_company(&[]));
}

#[test]
fn a_company_choice_lasts_exactly_thirty_minutes() {
    assert!(company_choice_valid(0, 0));
    assert!(company_choice_valid(0, 1799));
    assert!(!company_choice_valid(0, 1800));
    assert!(!company_choice_valid(10, 9));
}

const VALID: (Date, Date) = (date!(2026 - 01 - 01), date!(2026 - 12 - 31));
const TODAY: Date = date!(2026 - 11 - 21);

fn event(date: Date, units: i64, description: &str, today: Date) -> Result<(), EventError> {
    check_event(date, units, description, VALID, today)
}

#[test]
fn an_event_records_more_than_zero_and_at_most_twenty_four_units() {
    for ok in [1, 100, 2399, 2400] {
        assert_eq!(event(TODAY, ok, "Käynti", TODAY), Ok(()), "{ok}");
    }
    for bad in [0, -1, 2401, i64::MAX, i64::MIN] {
        assert_eq!(
            event(TODAY, bad, "Käynti", TODAY),
            Err(EventError::Units),
            "{bad}"
        );
    }
}

#[test]
fn an_event_falls_on_a_day_of_the_vouchers_validity_up_to_today() {
    // The first and the last day of validity count; the days around them do not.
    assert_eq!(event(VALID.0, 100, "x", TODAY), Ok(()));
    assert_eq!(
        event(date!(2025 - 12 - 31), 100, "x", TODAY),
        Err(EventError::OutsideValidity)
    );
    let after_validity = date!(2027 - 01 - 15);
    assert_eq!(event(VALID.1, 100, "x", after_validity), Ok(()));
    assert_eq!(
        event(date!(2027 - 01 - 01), 100, "x", after_validity),
        Err(EventError::OutsideValidity)
    );
    // Today counts, tomorrow is in the future — and the future is told first.
    assert_eq!(event(TODAY, 100, "x", TODAY), Ok(()));
    assert_eq!(
        event(date!(2026 - 11 - 22), 100, "x", TODAY),
        Err(EventError::InFuture)
    );
    assert_eq!(
        event(date!(2027 - 01 - 01), 100, "x", TODAY),
        Err(EventError::InFuture)
    );
    // Units are checked after the date.
    assert_eq!(
        event(date!(2025 - 12 - 31), 0, "x", TODAY),
        Err(EventError::OutsideValidity)
    );
}

#[test]
fn an_event_has_a_description_of_one_to_five_hundred_characters() {
    assert_eq!(event(TODAY, 100, &"ä".repeat(500), TODAY), Ok(()));
    assert_eq!(
        event(TODAY, 100, &format!(" {} ", "ä".repeat(500)), TODAY),
        Ok(())
    );
    assert_eq!(
        event(TODAY, 100, &"ä".repeat(501), TODAY),
        Err(EventError::Description)
    );
    for empty in ["", " ", "\n\t"] {
        assert_eq!(
            event(TODAY, 100, empty, TODAY),
            Err(EventError::Description),
            "{empty:?}"
        );
    }
    // The description is checked last.
    assert_eq!(event(TODAY, 0, "", TODAY), Err(EventError::Units));
}

#[test]
fn an_event_is_correctable_from_its_day_for_fourteen_days() {
    let logged = date!(2026 - 11 - 01);
    assert!(correctable(logged, logged));
    assert!(correctable(logged, date!(2026 - 11 - 15)));
    assert!(!correctable(logged, date!(2026 - 11 - 16)));
    assert!(!correctable(logged, date!(2026 - 10 - 31)));
}

#[test]
fn a_price_starts_tomorrow_at_the_earliest() {
    assert!(valid_price_start(date!(2026 - 11 - 22), TODAY));
    assert!(!valid_price_start(TODAY, TODAY));
    assert!(!valid_price_start(date!(2026 - 11 - 20), TODAY));
}

#[test]
fn an_idempotency_key_is_eight_to_sixty_four_letters_digits_or_hyphens() {
    assert!(valid_idempotency_key("abcd-123"));
    assert!(valid_idempotency_key(&"a".repeat(64)));
    assert!(!valid_idempotency_key("abcd-12"));
    assert!(!valid_idempotency_key(&"a".repeat(65)));
    assert!(!valid_idempotency_key("abcd_123"));
    assert!(!valid_idempotency_key("abcd 123"));
    assert!(!valid_idempotency_key("ääää"), "8 bytes, but not ASCII");
}

// ---- The comparison ----

#[test]
fn sort_keys_have_one_name_each() {
    assert_names!(SortKey: "price" => Price, "own_share" => OwnShare, "name" => Name);
    for unknown in ["", "Price", "cheapest", "price "] {
        assert_eq!(SortKey::parse(unknown), None, "{unknown:?}");
    }
    assert_eq!(SortKey::default(), SortKey::Price);
}

fn query(pairs: &[(&str, &str)]) -> Result<OffersQuery, ErrorCode> {
    OffersQuery::from_pairs(pairs.iter().copied()).map_err(|e| e.code)
}

#[test]
fn a_comparison_query_reads_every_parameter() {
    let q = query(&[
        ("municipality", "638"),
        ("service", "home-care"),
        ("voucher", "2500"),
        ("sort", "price"),
        ("lang", "en"),
        ("page", "3"),
    ])
    .unwrap();
    assert_eq!(q.municipality.as_str(), "638");
    assert_eq!(q.service.as_str(), "home-care");
    assert_eq!(q.voucher, Some(cents(2500)));
    assert_eq!(q.sort, SortKey::Price);
    assert_eq!(q.lang, Lang::En);
    assert_eq!(q.page, 3);
    assert_eq!(q.offset(), 2 * PAGE_SIZE);
    let minimal = query(&[
        ("municipality", "091"),
        ("service", "cleaning"),
        ("voucher", ""),
        ("sort", ""),
        ("page", ""),
    ])
    .unwrap();
    assert_eq!(
        (minimal.voucher, minimal.sort, minimal.lang, minimal.page),
        (None, SortKey::Price, Lang::Fi, 1)
    );
    assert_eq!(minimal.offset(), 0);
    assert_eq!(
        minimal.to_pairs(),
        vec![
            ("municipality", "091".to_owned()),
            ("service", "cleaning".to_owned())
        ]
    );
    assert_eq!(
        q.to_pairs(),
        vec![
            ("municipality", "638".to_owned()),
            ("service", "home-care".to_owned()),
            ("voucher", "2500".to_owned()),
            ("lang", "en".to_owned()),
            ("page", "3".to_owned()),
        ]
    );
}

#[test]
fn comparison_pages_run_from_one_to_ten_thousand() {
    let base = [("municipality", "638"), ("service", "home-care")];
    let page = |p: &'static str| {
        let mut q = base.to_vec();
        q.push(("page", p));
        query(&q).map(|q| q.page)
    };
    assert_eq!(page("1"), Ok(1));
    assert_eq!(page("10000"), Ok(MAX_PAGE));
    for bad in ["0", "10001", "-1", "1.0", "99999999999", "x"] {
        assert_eq!(page(bad), Err(ErrorCode::InvalidPage), "{bad}");
    }
}

#[test]
fn a_comparison_query_names_its_first_problem_in_the_requested_language() {
    assert_eq!(
        query(&[("municipality", ""), ("service", "home-care")]),
        Err(ErrorCode::MissingParameter)
    );
    assert_eq!(
        query(&[("municipality", "638"), ("service", "")]),
        Err(ErrorCode::MissingParameter)
    );
    assert_eq!(
        query(&[("municipality", "638")]),
        Err(ErrorCode::MissingParameter)
    );
    assert_eq!(
        query(&[
            ("municipality", "638"),
            ("service", "home-care"),
            ("voucher", "1e3")
        ]),
        Err(ErrorCode::InvalidVoucherValue)
    );
    assert_eq!(
        query(&[
            ("municipality", "638"),
            ("service", "home-care"),
            ("sort", "Price")
        ]),
        Err(ErrorCode::InvalidSort)
    );
    // An unknown language is told in English; other problems in the language asked for.
    let e = OffersQuery::from_pairs([("lang", "de")]).unwrap_err();
    assert_eq!(e.message, ErrorCode::InvalidLanguage.message(Lang::En));
    let e = OffersQuery::from_pairs([("lang", "sv")]).unwrap_err();
    assert_eq!(e.message, ErrorCode::MissingParameter.message(Lang::Sv));
}

// ---- Codes and ids ----

#[test]
fn codes_and_ids_at_their_bounds() {
    assert_eq!(MunicipalityCode::parse("000").unwrap().as_str(), "000");
    assert!(MunicipalityCode::parse("00").is_err());
    let two = ServiceCode::parse("ab").unwrap();
    assert_eq!((two.as_str(), two.to_string()), ("ab", "ab".to_owned()));
    assert_eq!(String::from(two), "ab");
    assert!(ServiceCode::parse(&"a".repeat(40)).is_ok());
    assert!(ServiceCode::parse(&"a".repeat(41)).is_err());
    assert!(ServiceCode::parse("a--b").is_ok());
    assert!(ServiceCode::parse("a").is_err());
    assert_eq!(String::from(MunicipalityCode::parse("638").unwrap()), "638");

    let id = |s: &str| ProducerId::parse(s).map(ProducerId::get);
    assert_eq!(id("1"), Some(1));
    assert_eq!(id("007"), Some(7));
    assert_eq!(id("999999999999999"), Some(999_999_999_999_999));
    for bad in ["", "0", "000", "1000000000000000", "+1", " 1", "1a", "-1"] {
        assert_eq!(ProducerId::parse(bad), None, "{bad:?}");
    }
    assert_eq!(
        ProducerId::parse("42").map(|p| p.to_string()).as_deref(),
        Some("42")
    );
}

#[test]
fn business_ids_from_a_body_and_the_remainder_that_is_never_issued() {
    // Check digits computed by hand: weights 7 9 10 5 8 4 2, sum mod 11.
    assert_eq!(BusinessId::from_body(0).unwrap().as_str(), "0000000-0");
    assert_eq!(BusinessId::from_body(1).unwrap().as_str(), "0000001-9");
    assert_eq!(BusinessId::from_body(5).unwrap().as_str(), "0000005-1");
    assert_eq!(
        BusinessId::from_body(2_077_474).unwrap().as_str(),
        "2077474-0"
    );
    assert_eq!(
        BusinessId::from_body(9_999_999).unwrap().as_str(),
        "9999999-2"
    );
    assert_eq!(BusinessId::from_body(6), None, "remainder 1");
    assert_eq!(BusinessId::from_body(10_000_000), None);
    assert_eq!(BusinessId::from_body(u32::MAX), None);
    assert_eq!(
        BusinessId::parse("0000006-0"),
        Err(BusinessIdError::Checksum)
    );
    let id = BusinessId::parse("7019376-8").unwrap();
    assert_eq!(String::from(id.clone()), "7019376-8");
    assert_eq!(id.to_string(), "7019376-8");
}

#[test]
fn units_and_approvals_have_one_name_each() {
    assert_names!(Unit: "hour" => Hour, "visit" => Visit, "day" => Day);
    assert_eq!(Unit::parse("hours"), None);
    assert_names!(ApprovalStatus:
        "pending" => Pending, "approved" => Approved, "withdrawn" => Withdrawn, "rejected" => Rejected);
    for status in ["pending", "approved", "withdrawn", "rejected"] {
        let public = ApprovalStatus::parse(status).map(ApprovalStatus::is_public);
        assert_eq!(public, Some(status == "approved"), "{status}");
    }
    assert_eq!(ApprovalStatus::parse("Approved"), None);
}

// ---- Languages ----

#[test]
fn languages_by_code_and_by_accept_language() {
    for (code, lang, name) in [
        ("fi", Lang::Fi, "Suomi"),
        ("sv", Lang::Sv, "Svenska"),
        ("en", Lang::En, "English"),
    ] {
        assert_eq!(Lang::parse(code), Some(lang));
        assert_eq!(lang.code(), code);
        assert_eq!(lang.to_string(), code);
        assert_eq!(lang.endonym(), name);
    }
    assert_eq!(Lang::parse("FI"), None);
    let accept = Lang::from_accept_language;
    assert_eq!(accept("EN-gb"), Lang::En);
    assert_eq!(accept(" sv ; q=0.5"), Lang::Sv);
    assert_eq!(accept("e, en"), Lang::En);
    assert_eq!(accept("de;q=1, sv-FI"), Lang::Sv);
    assert_eq!(accept("*"), Lang::Fi);
}

// ---- Errors ----

#[test]
fn every_error_code_has_its_status() {
    use ErrorCode::*;
    let expected: &[(ErrorCode, u16)] = &[
        (MissingParameter, 400),
        (InvalidLanguage, 400),
        (LoginFailed, 400),
        (InvalidBody, 400),
        (InvalidEvent, 400),
        (Unauthorized, 401),
        (Forbidden, 403),
        (CrossSiteRequest, 403),
        (NoRightToAct, 403),
        (ProducerNotApproved, 403),
        (NoPriceRole, 403),
        (NotFound, 404),
        (VoucherNumberNotFound, 404),
        (MethodNotAllowed, 405),
        (SurveyAlreadyAnswered, 409),
        (CompanyChoiceExpired, 409),
        (IdempotencyKeyReused, 409),
        (InsufficientBalance, 409),
        (NoPrice, 409),
        (OnBehalfExpired, 409),
        (PayloadTooLarge, 413),
        (TooManyAttempts, 429),
        (Internal, 500),
        (IdentificationUnavailable, 503),
        (MandateServiceUnavailable, 503),
        (Network, 503),
    ];
    for (code, status) in expected {
        assert_eq!(code.status(), *status, "{code:?}");
        assert_eq!(
            seteli_domain::ApiError::new(*code, Lang::Fi).status(),
            *status
        );
    }
}

#[test]
fn an_error_prints_its_code_and_message() {
    let e = seteli_domain::ApiError::new(ErrorCode::NotFound, Lang::En);
    assert_eq!(e.to_string(), "NotFound: The page or item was not found.");
    let internal = seteli_domain::ApiError::internal("ref-1".into(), Lang::En);
    assert_eq!(internal.reference.as_deref(), Some("ref-1"));
    assert!(
        internal.message.ends_with("(ref-1)"),
        "{}",
        internal.message
    );
}

// ---- The API's bodies ----

#[test]
fn me_leaves_out_what_it_does_not_have() {
    let me = Me {
        audience: seteli_domain::session::Audience::Citizen,
        given_name: "Eeva".into(),
        family_name: "Kinnunen".into(),
        organiser_code: None,
        organiser_name: None,
        organiser_municipalities: Vec::new(),
        roles: vec![],
        acting_for: None,
        acting_for_company: None,
        user_key: None,
    };
    assert_eq!(
        serde_json::to_value(&me).unwrap(),
        serde_json::json!({"audience": "citizen", "given_name": "Eeva", "family_name": "Kinnunen"})
    );
    let lookup: api::VoucherLookup =
        serde_json::from_str(r#"{"number":"4821 9930 1177"}"#).unwrap();
    assert_eq!(lookup.number, "4821 9930 1177");
}

// ---- Limits people are told about ----

#[test]
fn the_time_limits_are_the_ones_people_are_told() {
    use seteli_domain::producer::{
        COMPANY_CHOICE_SECS, CORRECTION_DAYS, LOOKUP_FAILURES_ALLOWED, LOOKUP_WINDOW_SECS,
    };
    use seteli_domain::session::{ABSOLUTE_LIMIT_SECS, IDLE_LIMIT_SECS, LOGIN_ATTEMPT_LIMIT_SECS};
    // "Try again in 15 minutes", "30 minutes", "14 days", "30 min idle, 8 h absolute".
    assert_eq!(LOOKUP_WINDOW_SECS, 900);
    assert_eq!(LOOKUP_FAILURES_ALLOWED, 5);
    assert_eq!(COMPANY_CHOICE_SECS, 1800);
    assert_eq!(CORRECTION_DAYS, 14);
    assert_eq!(IDLE_LIMIT_SECS, 1800);
    assert_eq!(ABSOLUTE_LIMIT_SECS, 28_800);
    assert_eq!(LOGIN_ATTEMPT_LIMIT_SECS, 600);
    assert!(ErrorCode::TooManyAttempts
        .message(Lang::En)
        .contains("15 minutes"));
    assert!(ErrorCode::CompanyChoiceExpired
        .message(Lang::En)
        .contains("30 minutes"));
}

// ---- Who may do what ----

#[test]
fn staff_roles_have_one_claim_value_each() {
    use seteli_domain::permissions::StaffRole;
    assert_names!(StaffRole:
        "customer_service" => CustomerService, "producer_handler" => ProducerHandler,
        "finance" => Finance, "authorisation_admin" => AuthorisationAdmin,
        "supervisor" => Supervisor);
    assert_eq!(StaffRole::ALL.len(), 5);
    for unknown in ["", "admin", "Customer_service", "customer-service"] {
        assert_eq!(StaffRole::parse(unknown), None, "{unknown:?}");
    }
}

#[test]
fn every_route_names_the_action_the_catalogue_is_asked_about() {
    use seteli_domain::permissions::Action;
    use seteli_domain::routes::{route_of, Access, RouteId, ROUTES};
    assert_eq!(Access::Open.action(), None);
    assert_eq!(
        Access::Requires(Action::ProducerView).action(),
        Some(Action::ProducerView)
    );
    assert_eq!(
        Access::PageLoad(Action::ChoosePrincipal).action(),
        Some(Action::ChoosePrincipal)
    );
    let access = |id| route_of(id).map(|r| r.access);
    assert_eq!(access(RouteId::AuthLogin), Some(Access::Open));
    assert_eq!(
        access(RouteId::OnBehalfStart),
        Some(Access::PageLoad(Action::ChoosePrincipal))
    );
    assert_eq!(
        access(RouteId::ProducerSetPrice),
        Some(Access::Requires(Action::ProducerSetPrices))
    );
    assert_eq!(
        ROUTES.iter().filter(|r| r.access == Access::Open).count(),
        3
    );
}

#[test]
fn on_behalf_names_round_trip_and_issues_have_names() {
    use seteli_domain::mandates::{
        issue_name, Basis, OnBehalfAction, PrincipalKind, Refusal, ISSUE_FEEDBACK,
        ISSUE_VOUCHER_MATTERS,
    };
    assert_names!(Basis:
        "guardian" => Guardian, "mandate" => Mandate, "registered_proxy" => RegisteredProxy);
    assert_names!(PrincipalKind: "child" => Child, "adult" => Adult, "company" => Company);
    for action in OnBehalfAction::ALL {
        assert_eq!(OnBehalfAction::parse(action.as_str()), Some(action));
    }
    assert_eq!(OnBehalfAction::GiveFeedback.as_str(), "give_feedback");
    assert_eq!(OnBehalfAction::ViewVouchers.as_str(), "view_vouchers");
    for refusal in Refusal::ALL {
        assert_eq!(Refusal::parse(refusal.as_str()), Some(refusal));
    }
    assert_eq!(Refusal::NoCompanyRole.as_str(), "no_company_role");
    assert_eq!(
        issue_name(ISSUE_VOUCHER_MATTERS, Lang::En),
        "Using service vouchers"
    );
    assert_eq!(
        issue_name(ISSUE_FEEDBACK, Lang::Sv),
        "Att ge respons i servicesedelärenden"
    );
    assert_eq!(
        issue_name(ISSUE_VOUCHER_MATTERS, Lang::Fi),
        "Palvelusetelin käyttö (palveluseteliasiointi)"
    );
    assert_eq!(
        OnBehalfAction::AnswerSurvey.required_issues(),
        &[ISSUE_VOUCHER_MATTERS, ISSUE_FEEDBACK]
    );
    assert_eq!(
        OnBehalfAction::ViewTrail.required_issues(),
        &[ISSUE_VOUCHER_MATTERS]
    );
}

#[test]
fn a_session_is_measured_from_its_own_login_and_last_request() {
    use seteli_domain::session::{session_state, SessionState::*};
    // Logged in at 10 000, last seen at 20 000 (Unix seconds, any day).
    assert_eq!(session_state(10_000, 20_000, 20_000 + 1799), Valid);
    assert_eq!(session_state(10_000, 20_000, 20_000 + 1800), IdleExpired);
    assert_eq!(session_state(10_000, 38_000, 38_799), Valid);
    assert_eq!(session_state(10_000, 38_000, 38_800), AbsoluteExpired);
}

// ---- Numbers and lists in the interface ----

#[test]
fn survey_scores_have_words_only_from_one_to_five() {
    use seteli_domain::i18n::{score_label, t, Text};
    let words: Vec<&str> = (1..=5)
        .map(|s| t(Lang::En, score_label(s).expect("a label")))
        .collect();
    assert_eq!(
        words,
        [
            t(Lang::En, Text::Score1),
            t(Lang::En, Text::Score2),
            t(Lang::En, Text::Score3),
            t(Lang::En, Text::Score4),
            t(Lang::En, Text::Score5)
        ]
    );
    assert_eq!(score_label(0), None);
    assert_eq!(score_label(6), None);
}

#[test]
fn units_print_as_decimals_without_trailing_zeros() {
    use seteli_domain::i18n::decimal_units;
    for (units, fi, en) in [
        (0, "0", "0"),
        (100, "1", "1"),
        (150, "1,5", "1.5"),
        (105, "1,05", "1.05"),
        (2400, "24", "24"),
        (-150, "-1,5", "-1.5"),
        (-5, "-0,05", "-0.05"),
    ] {
        assert_eq!(decimal_units(Lang::Fi, units), fi, "{units}");
        assert_eq!(decimal_units(Lang::Sv, units), fi, "{units}");
        assert_eq!(decimal_units(Lang::En, units), en, "{units}");
    }
}

#[test]
fn every_language_producers_serve_in_has_a_name_in_each_language() {
    use seteli_domain::i18n::{language_list, language_name};
    let codes = [
        "fi", "sv", "en", "se", "ru", "et", "uk", "ar", "so", "fa", "de", "fr", "es",
    ];
    for lang in Lang::ALL {
        let names: std::collections::HashSet<&str> = codes
            .iter()
            .map(|code| language_name(lang, code).unwrap_or_else(|| panic!("{code} {lang:?}")))
            .collect();
        assert_eq!(names.len(), codes.len(), "{lang:?}: two codes share a name");
    }
    assert_eq!(language_name(Lang::Fi, "sv"), Some("ruotsi"));
    assert_eq!(language_name(Lang::Sv, "es"), Some("spanska"));
    assert_eq!(language_name(Lang::En, "fi"), Some("Finnish"));
    assert_eq!(language_name(Lang::En, "xx"), None);
    let list = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        language_list(Lang::Fi, &list(&["fi", "sv", "xx"])),
        "suomi, ruotsi, XX"
    );
    assert_eq!(language_list(Lang::En, &list(&[])), "");
}
