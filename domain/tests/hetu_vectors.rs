//! The published personal identity code vectors (a copy kept in `fixtures/`, so the crate
//! tests without anything outside the repository).

use serde::Deserialize;
use seteli_domain::hetu::{Hetu, HetuError};

#[derive(Deserialize)]
struct Vectors {
    valid: Vec<String>,
    invalid: Vec<Invalid>,
}

#[derive(Deserialize)]
struct Invalid {
    input: String,
    why: String,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("fixtures/hetu-vectors.json"))
        .expect("the vector file is valid JSON")
}

#[test]
fn every_published_valid_code_parses_and_keeps_its_value() {
    let vectors = vectors();
    assert!(!vectors.valid.is_empty());
    for code in &vectors.valid {
        let hetu = Hetu::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(hetu.as_str(), code);
        assert_eq!(&hetu.masked()[..7], &code[..7]);
    }
}

#[test]
fn every_published_invalid_code_is_refused_for_the_published_reason() {
    let vectors = vectors();
    assert!(!vectors.invalid.is_empty());
    for case in &vectors.invalid {
        let expected = match case.why.as_str() {
            "format" => HetuError::Format,
            "date" => HetuError::Date,
            "individual" => HetuError::Individual,
            "checksum" => HetuError::Checksum,
            other => panic!("unknown reason {other} in the vector file"),
        };
        assert_eq!(
            Hetu::parse(&case.input),
            Err(expected),
            "{:?} should fail with {}",
            case.input,
            case.why
        );
    }
}

#[test]
fn published_test_codes_are_recognised_as_test_codes() {
    for code in vectors().valid {
        let hetu = Hetu::parse(&code).unwrap_or_else(|e| panic!("{code}: {e}"));
        let individual: u16 = code[7..10].parse().unwrap();
        assert_eq!(hetu.is_test_code(), individual >= 900, "{code}");
    }
}
