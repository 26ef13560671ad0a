//! Fuzz targets for every domain parser that reads request or remote input: identity codes,
//! business ids, voucher numbers, amounts, codes, ids, the names of enums as URLs and rows
//! carry them, `Accept-Language`, the comparison's query, texts, and every JSON body the API
//! reads or answers. Each asserts that no input panics and, where the type allows, that
//! what parses prints back to itself; several check the parser against an oracle written
//! here independently.
//!
//! `cargo test` runs a few hundred cases of each; `cargo xtask fuzz` runs them for a time
//! (see `harness`). What a run finds is kept below as a named regression test.

mod harness;

use harness::fuzz;
use harness::gen::{any_text, body, json_value, text_near};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use seteli_domain::api;
use seteli_domain::catalogue::{ApprovalStatus, Unit};
use seteli_domain::comparison::{OffersQuery, SortKey, MAX_PAGE, PAGE_SIZE};
use seteli_domain::hetu::{Hetu, HetuError};
use seteli_domain::ids::ProducerId;
use seteli_domain::mandates::{Basis, OnBehalfAction, PrincipalKind, Refusal};
use seteli_domain::money::MoneyError;
use seteli_domain::permissions::StaffRole;
use seteli_domain::producer::{check_event, valid_idempotency_key};
use seteli_domain::voucher::{
    event_shares, satisfaction_since, survey_period, FeedbackText, Score, VoucherNumber,
    VoucherNumberError,
};
use seteli_domain::{ApiError, BusinessId, Cents, Lang, MunicipalityCode, ServiceCode};
use std::fmt::Debug;

/// Cases per target in the normal suite: parsers of short strings are cheap.
const CASES: u32 = 512;
/// Cases per JSON target in the normal suite.
const JSON_CASES: u32 = 128;

/// Fuzzes a parser of short text with `CASES` inputs: text near the regex `near`, any text,
/// or one of the `known` good values.
fn fuzz_text(
    near: &'static str,
    known: &'static [&'static str],
    property: impl Fn(String) -> Result<(), TestCaseError>,
) {
    fuzz(CASES, text_near(near, known), property);
}

#[test]
fn identity_codes_never_panic_and_keep_exactly_what_was_typed() {
    fuzz_text(
        "[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]|[0-9+A-Za-z -]{0,13}",
        &["131052-308T", "010280-952L", "290200-902X", "120508A950F"],
        |input| {
            let parsed = Hetu::parse(&input);
            // serde goes through the same parser.
            let from_json = serde_json::from_value::<Hetu>(serde_json::Value::from(input.as_str()));
            prop_assert_eq!(parsed.is_ok(), from_json.is_ok());
            match parsed {
                Ok(hetu) => {
                    prop_assert_eq!(hetu.as_str(), input.as_str());
                    prop_assert_eq!(hetu.masked(), format!("{}****", &input[..7]));
                    prop_assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
                    prop_assert!((1800..=2099).contains(&hetu.birth_date().year()));
                }
                Err(e) => {
                    // A code never reaches an error message, not even a mistyped one.
                    if input.chars().count() == 11 {
                        prop_assert!(!e.to_string().contains(&input));
                    }
                    if input.len() != 11 {
                        prop_assert_eq!(e, HetuError::Format);
                    }
                }
            }
            Ok(())
        },
    );
}

/// The business id's check digit, computed here independently of the parser.
fn business_id_oracle(input: &str) -> Option<bool> {
    let b = input.as_bytes();
    if b.len() != 9 || b[7] != b'-' || !b[..7].iter().chain(&b[8..]).all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = b[..7]
        .iter()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let check = match sum % 11 {
        0 => 0,
        1 => return Some(false),
        r => 11 - r,
    };
    Some(u32::from(b[8] - b'0') == check)
}

#[test]
fn business_ids_never_panic_and_agree_with_an_independent_check() {
    fuzz_text(
        "[0-9]{7}-[0-9]|[0-9 -]{0,11}",
        &["2077474-0", "7019376-8", "2077474-1"],
        |input| {
            let parsed = BusinessId::parse(&input);
            match business_id_oracle(&input) {
                None => prop_assert!(parsed.is_err()),
                Some(valid) => prop_assert_eq!(parsed.is_ok(), valid),
            }
            if let Ok(id) = parsed {
                prop_assert_eq!(id.to_string(), input.clone());
                prop_assert_eq!(id.as_str(), input.as_str());
            }
            let from_json = serde_json::from_value::<BusinessId>(serde_json::Value::from(input));
            prop_assert_eq!(from_json.is_ok(), parsed_ok_again(&from_json));
            Ok(())
        },
    );
}

fn parsed_ok_again(r: &Result<BusinessId, serde_json::Error>) -> bool {
    r.as_ref()
        .map(|id| BusinessId::parse(id.as_str()).is_ok())
        .unwrap_or(false)
}

/// Luhn over the 11-digit body, written here independently of the parser: the one check
/// digit that makes the whole number valid (from the right, every second digit doubled,
/// less 9 when over 9, and the sum a multiple of 10).
fn luhn_oracle(body: &[u32]) -> u32 {
    let valid = |number: &[u32]| {
        let mut sum = 0;
        for (i, digit) in number.iter().rev().enumerate() {
            let weighted = if i % 2 == 1 { digit * 2 } else { *digit };
            sum += if weighted > 9 { weighted - 9 } else { weighted };
        }
        sum % 10 == 0
    };
    (0..10)
        .find(|check| valid(&[body, &[*check]].concat()))
        .expect("one check digit makes a number valid")
}

#[test]
fn voucher_numbers_never_panic_and_agree_with_an_independent_luhn() {
    fuzz_text(
        "[0-9]{12}|[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}|[0-9 -]{0,20}|[0-9٣０-９]{12}",
        &["4821 9930 1177", "482199301177", "079927398713"],
        |input| {
            let parsed = VoucherNumber::parse(&input);
            let kept: Vec<char> = input.chars().filter(|c| *c != ' ' && *c != '-').collect();
            if kept.len() != 12 || !kept.iter().all(char::is_ascii_digit) {
                prop_assert_eq!(parsed, Err(VoucherNumberError::Format));
                return Ok(());
            }
            let digits: Vec<u32> = kept.iter().filter_map(|c| c.to_digit(10)).collect();
            if luhn_oracle(&digits[..11]) != digits[11] {
                prop_assert_eq!(parsed, Err(VoucherNumberError::Checksum));
                return Ok(());
            }
            let number = parsed.expect("a number with a matching check digit parses");
            prop_assert_eq!(number.as_str(), kept.iter().collect::<String>());
            prop_assert_eq!(VoucherNumber::parse(&number.grouped()), Ok(number.clone()));
            prop_assert_eq!(
                VoucherNumber::parse(&number.to_string()),
                Ok(number.clone())
            );
            let body: u64 = number.as_str()[..11].parse().expect("11 digits");
            prop_assert_eq!(VoucherNumber::from_body(body), Some(number));
            Ok(())
        },
    );
}

#[test]
fn cents_in_a_url_never_panic_and_read_as_the_number_written() {
    fuzz_text(
        "-?[0-9]{0,14}|[0-9+ .,e-]{0,6}",
        &["0", "1000000000", "1000000001", "999999999999", "-0", "-"],
        |input| {
            let parsed = Cents::parse(&input);
            let digits = !input.is_empty() && input.bytes().all(|b| b.is_ascii_digit());
            let negative = input.len() > 1
                && input.starts_with('-')
                && input[1..].bytes().all(|b| b.is_ascii_digit());
            if negative {
                prop_assert_eq!(parsed, Err(MoneyError::Negative));
            } else if !digits || input.len() > 12 {
                prop_assert_eq!(parsed, Err(MoneyError::NotANumber));
            } else {
                let value: i64 = input.parse().expect("at most 12 digits");
                if value > Cents::MAX {
                    prop_assert_eq!(parsed, Err(MoneyError::TooLarge));
                } else {
                    prop_assert_eq!(parsed.map(Cents::get), Ok(value));
                }
            }
            Ok(())
        },
    );
}

#[test]
fn euros_as_typed_never_panic_and_print_back_to_the_same_amount() {
    fuzz_text(
        " ?-?[0-9 ]{0,11}([,.][0-9]{0,3})? ?€? ?|[0-9,.€ -]{0,8}",
        &[
            "25",
            "25,5",
            "25.05",
            "10000000",
            "10000000,01",
            "99999999,99",
            "1 025,50 €",
        ],
        |input| {
            if let Ok(amount) = Cents::parse_euros(&input) {
                prop_assert!((0..=Cents::MAX).contains(&amount.get()));
                let finnish = amount.format(Lang::Fi).replace('\u{a0}', " ");
                prop_assert_eq!(Cents::parse_euros(&finnish), Ok(amount));
                let english = amount.format(Lang::En).replace(['€', ','], "");
                prop_assert_eq!(Cents::parse_euros(&english), Ok(amount));
            }
            Ok(())
        },
    );
}

#[test]
fn municipality_service_and_producer_ids_never_panic_and_print_back() {
    fuzz_text(
        "[0-9]{0,4}|[a-z0-9-]{0,42}|[A-Za-z0-9 /-]{0,8}|[0-9]{14,20}",
        &[
            "638",
            "home-care",
            "speech-therapy",
            "1",
            "0",
            "999999999999999",
        ],
        |input| {
            if let Ok(code) = MunicipalityCode::parse(&input) {
                prop_assert_eq!(code.to_string(), input.clone());
                prop_assert_eq!(input.len(), 3);
            }
            if let Ok(code) = ServiceCode::parse(&input) {
                prop_assert_eq!(code.to_string(), input.clone());
                prop_assert!((2..=40).contains(&input.len()));
            }
            if let Some(id) = ProducerId::parse(&input) {
                prop_assert!(id.get() > 0);
                prop_assert_eq!(ProducerId::parse(&id.to_string()), Some(id));
            }
            Ok(())
        },
    );
}

#[test]
fn names_of_enums_parse_only_to_themselves() {
    let names = &[
        "price",
        "own_share",
        "name",
        "fi",
        "sv",
        "en",
        "hour",
        "visit",
        "day",
        "pending",
        "approved",
        "withdrawn",
        "rejected",
        "guardian",
        "mandate",
        "registered_proxy",
        "choose",
        "view_vouchers",
        "view_feedback",
        "view_trail",
        "view_messages",
        "give_feedback",
        "answer_survey",
        "child",
        "adult",
        "company",
        "no_principals",
        "no_right",
        "no_data",
        "unavailable",
        "expired",
        "no_company_role",
        "customer_service",
        "authorisation_admin",
    ];
    fuzz(CASES, text_near("[a-z_ A-Z]{0,20}", names), |input| {
        let s = input.as_str();
        macro_rules! round_trips {
            ($($parsed:expr => $as_str:expr),* $(,)?) => {$(
                if let Some(value) = $parsed {
                    prop_assert_eq!($as_str(value), s);
                }
            )*};
        }
        round_trips!(
            SortKey::parse(s) => SortKey::as_str,
            Lang::parse(s) => Lang::code,
            Unit::parse(s) => Unit::as_str,
            ApprovalStatus::parse(s) => ApprovalStatus::as_str,
            Basis::parse(s) => Basis::as_str,
            OnBehalfAction::parse(s) => OnBehalfAction::as_str,
            PrincipalKind::parse(s) => PrincipalKind::as_str,
            Refusal::parse(s) => Refusal::as_str,
            StaffRole::parse(s) => StaffRole::as_str,
        );
        Ok(())
    });
}

#[test]
fn accept_language_never_panics_and_names_a_language_it_was_given() {
    fuzz_text(
        "([a-zA-Z]{1,3}(-[A-Za-z]{2})?(;q=[0-9.]{1,4})?, ?){0,4}[a-zA-Z*-]{0,6}",
        &["sv-FI,sv;q=0.9,en;q=0.8", "de-DE, en;q=0.5", "*", "EN-gb"],
        |header| {
            let lang = Lang::from_accept_language(&header);
            if lang != Lang::Fi {
                prop_assert!(header.to_ascii_lowercase().contains(lang.code()));
            }
            Ok(())
        },
    );
}

#[test]
fn comparison_queries_never_panic_and_what_parses_round_trips() {
    let keys = &[
        "municipality",
        "service",
        "voucher",
        "sort",
        "lang",
        "page",
        "x",
    ];
    let value = text_near(
        "[0-9]{0,5}|[a-z_-]{0,12}",
        &[
            "638",
            "home-care",
            "2500",
            "own_share",
            "name",
            "sv",
            "10000",
            "10001",
            "0",
            "",
        ],
    );
    let pair = (
        prop_oneof![4 => proptest::sample::select(keys).prop_map(str::to_owned), 1 => any_text()],
        value,
    );
    fuzz(CASES, proptest::collection::vec(pair, 0..9), |pairs| {
        let parsed = OffersQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        match parsed {
            Ok(query) => {
                prop_assert!((1..=MAX_PAGE).contains(&query.page));
                prop_assert_eq!(query.offset(), (query.page - 1) * PAGE_SIZE);
                let back = query.to_pairs();
                prop_assert_eq!(
                    OffersQuery::from_pairs(back.iter().map(|(k, v)| (*k, v.as_str()))),
                    Ok(query)
                );
            }
            Err(e) => prop_assert!(e.status() == 400, "{:?}", e),
        }
        Ok(())
    });
}

#[test]
fn texts_and_keys_never_panic_and_hold_their_bounds() {
    let near = prop_oneof![
        any_text(),
        "[ä \\t\\n]{1990,2010}",
        "[a-zA-Z0-9 -]{0,70}",
        Just("\u{a0}\u{2003}x\u{2003}".to_owned()),
    ];
    fuzz(CASES / 4, near, |input| {
        if let Ok(text) = FeedbackText::parse(&input) {
            prop_assert_eq!(text.as_str(), input.trim());
            prop_assert!((1..=2000).contains(&text.as_str().chars().count()));
        }
        if valid_idempotency_key(&input) {
            prop_assert!((8..=64).contains(&input.len()));
        }
        // Dates and instants from any text: read back as they were written, or not at all.
        if let Some(date) = seteli_domain::clock::parse_iso_date(&input) {
            prop_assert_eq!(seteli_domain::clock::iso_date(date), input.clone());
            prop_assert!(*survey_period(date) <= input[..7]);
            prop_assert!(satisfaction_since(date) <= survey_period(date));
        }
        if let Some(at) = seteli_domain::clock::parse_rfc3339(&input) {
            let again = seteli_domain::clock::parse_rfc3339(&seteli_domain::clock::rfc3339(at));
            prop_assert_eq!(again.map(|a| a.unix_timestamp()), Some(at.unix_timestamp()));
        }
        Ok(())
    });
}

#[test]
fn event_checks_and_shares_never_panic_on_any_numbers() {
    // A price and units: anything, the range people type, and the edge where
    // `price × units` only just fits an i64.
    let price_and_units = prop_oneof![
        (0..=Cents::MAX, any::<i64>()),
        (0..=Cents::MAX, -10i64..3000),
        (prop_oneof![1..=Cents::MAX, 1i64..60], 0i64..3)
            .prop_map(|(price, k)| (price, i64::MAX / price - k)),
    ];
    let strategy = (
        price_and_units,
        0..=Cents::MAX,
        any_text(),
        (-1000i32..1000, -1000i32..1000),
    );
    fuzz(CASES, strategy, |((price, units), value, text, (a, b))| {
        let today = time::macros::date!(2026 - 11 - 21);
        let day = |offset: i32| today + time::Duration::days(i64::from(offset));
        let _ = check_event(day(a), units, &text, (day(a.min(b)), day(a.max(b))), today);
        let price = Cents::new(price).expect("in range");
        let value = Cents::new(value).expect("in range");
        if let Some(s) = event_shares(price, value, units) {
            prop_assert_eq!(s.voucher_share.get() + s.own_share.get(), s.total.get());
        }
        Ok(())
    });
}

/// Decodes `text` as `T`; what decodes must encode and decode back to itself.
fn json_round_trips<T>(text: &str) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    if let Ok(value) = serde_json::from_str::<T>(text) {
        let again = serde_json::to_string(&value).expect("our DTOs always serialize");
        prop_assert_eq!(serde_json::from_str::<T>(&again).ok(), Some(value));
    }
    Ok(())
}

macro_rules! json_targets {
    ($($test:ident: $ty:ty => [$($field:literal),* $(,)?];)*) => {$(
        #[test]
        fn $test() {
            const FIELDS: &[&str] = &[$($field),*];
            fuzz(JSON_CASES, body(FIELDS), |text| json_round_trips::<$ty>(&text));
        }
    )*};
}

// The bodies the edge reads.
json_targets! {
    a_new_price_body_never_panics: api::NewPrice =>
        ["municipality_code", "service_code", "valid_from", "price_cents"];
    a_voucher_lookup_body_never_panics: api::VoucherLookup => ["number"];
    a_new_event_body_never_panics: api::NewServiceEvent =>
        ["voucher_id", "idempotency_key", "service_date", "units_x100", "description"];
    an_event_correction_body_never_panics: api::EventCorrection =>
        ["idempotency_key", "service_date", "units_x100", "description"];
    a_reply_body_never_panics: api::NewReply => ["body"];
    an_act_for_registered_body_never_panics: api::ActForRegistered => ["customer_id"];
    a_feedback_body_never_panics: api::NewFeedback =>
        ["voucher_id", "producer_id", "event_id", "body"];
    a_survey_body_never_panics: api::NewSurveyAnswer =>
        ["voucher_id", "producer_id", "overall", "punctuality", "staff", "information", "comment"];
}

// The answers the app reads: remote input to the browser.
json_targets! {
    an_api_error_answer_never_panics: ApiError => ["code", "message", "reference", "mandate_issues"];
    an_offer_page_answer_never_panics: api::OfferPage => ["total", "page", "page_size", "offers"];
    a_producer_profile_answer_never_panics: api::ProducerProfile =>
        ["id", "name", "business_id", "description", "languages", "street_address", "postal_code",
         "post_office", "phone", "email", "website", "services", "satisfaction"];
    a_me_answer_never_panics: api::Me =>
        ["audience", "given_name", "family_name", "municipality_code", "roles", "acting_for",
         "acting_for_company"];
    a_producer_home_answer_never_panics: api::ProducerHome =>
        ["producer_id", "name", "services", "vouchers", "recent_events", "feedback_waiting"];
    a_producer_voucher_detail_answer_never_panics: api::ProducerVoucherDetail => ["voucher", "events"];
    a_voucher_detail_answer_never_panics: api::VoucherDetail => ["voucher", "events", "producers"];
    a_feedback_list_answer_never_panics: Vec<api::FeedbackView> =>
        ["id", "producer_id", "producer_name", "voucher_id", "event_id", "body", "created_at", "reply"];
    a_trail_answer_never_panics: Vec<api::TrailEntry> =>
        ["at", "actor_name", "action", "basis", "result"];
    a_messages_answer_never_panics: Vec<api::MessageView> =>
        ["id", "created_at", "kind", "actor_name", "producer_name", "status"];
    a_registered_principals_answer_never_panics: Vec<api::RegisteredPrincipal> =>
        ["customer_id", "given_name", "family_name", "municipality_name", "valid_until"];
    a_catalogue_answer_never_panics: Vec<api::Service> => ["code", "name", "description", "unit"];
    a_municipalities_answer_never_panics: Vec<api::Municipality> => ["code", "name", "bilingual"];
    a_survey_receipt_answer_never_panics: api::SurveyReceipt => ["period"];
}

#[test]
fn scores_from_any_json_are_one_to_five() {
    fuzz(JSON_CASES, json_value(&[]), |value| {
        if let Ok(score) = serde_json::from_value::<Score>(value) {
            prop_assert!((1..=5).contains(&u8::from(score)));
        }
        Ok(())
    });
}

// ---- What fuzzing found, kept as regression tests ----

#[test]
fn shares_of_an_absurd_number_of_units_are_refused_not_overflowed() {
    // Found by `event_checks_and_shares_never_panic_on_any_numbers` once it drew units at
    // the edge of an i64: `price × units` fitted, but rounding it (`+ 50`) overflowed and
    // panicked (in debug builds; in release it wrapped). The edge checks units (at most 24)
    // before it asks for shares, so no request reached it; the function's promise ("None if
    // the amount would exceed the maximum") was broken all the same.
    let price = Cents::new(1).unwrap();
    assert_eq!(event_shares(price, price, i64::MAX), None);
    assert_eq!(event_shares(price, price, i64::MAX - 49), None);
}
