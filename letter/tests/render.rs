//! Renders letters and reads them back with lopdf: the text really is in the PDF, on the
//! pages where it should be.

use proptest::prelude::*;
use seteli_letter::{render, Letter, LetterError};
use time::macros::datetime;

const LINES: &[&str] = &["Raatihuoneenkatu 4", "06100 Porvoo"];

fn letter<'a>(title: &'a str, paragraphs: &'a [&'a str]) -> Letter<'a> {
    Letter {
        sender: "Porvoon kaupunki",
        sender_lines: LINES,
        date: "30.11.2026",
        created: datetime!(2026-11-30 09:15:00 +02:00),
        title,
        paragraphs,
        footer: Some("Tämä kirje on lähetetty Suomi.fi-viestien kautta."),
        lang: "fi",
    }
}

/// The PDF's pages, and the text of each as lopdf extracts it.
fn pages(pdf: &[u8]) -> Vec<String> {
    assert!(pdf.starts_with(b"%PDF-"), "no PDF header");
    assert!(
        pdf.trim_ascii_end().ends_with(b"%%EOF"),
        "no %%EOF at the end"
    );
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    doc.get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).expect("text extracts"))
        .collect()
}

/// Text with all white space removed, to compare words regardless of line breaks.
fn squashed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn text_is_in_the_pdf() {
    let paragraph = "Hyvä asiakas, myönnetty avustus on 250 € ja se maksetaan tilillenne. Åsa, Östen ja Mäkelä – kiitos!";
    let pdf = render(&letter("Päätös kulttuuriseteleistä", &[paragraph])).unwrap();
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    for expected in [
        "Päätös kulttuuriseteleistä",
        "30.11.2026",
        "Porvoon kaupunki",
        "06100 Porvoo",
        "Tämä kirje on lähetetty Suomi.fi-viestien kautta.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    assert!(
        squashed(text).contains(&squashed(paragraph)),
        "paragraph not in {text:?}"
    );
    // One page: no page number.
    assert!(!text.contains("1/1"), "{text:?}");
}

#[test]
fn metadata_has_title_language_and_pdfa() {
    let pdf = render(&letter("Päätös", &["Teksti."])).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fi");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "not tagged");
    assert!(catalog.get(b"MarkInfo").is_ok(), "not marked");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "no PDF/A id");
    assert!(raw.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(raw.contains("Päätös"), "no title in the XMP metadata");
    assert!(raw.contains("/FontFile2"), "fonts not embedded");
}

#[test]
fn long_body_flows_onto_numbered_pages() {
    let paragraph = "Kulttuuriseteli on Porvoon kaupungin tapa tukea harrastuksia, ja sillä voi maksaa esimerkiksi konsertteja, teatteria tai kursseja. Setelin arvo on 50 € kalenterivuodessa.";
    let body: Vec<&str> = std::iter::repeat_n(paragraph, 60).collect();
    let pdf = render(&letter("Pitkä kirje", &body)).unwrap();
    let pages = pages(&pdf);
    let n = pages.len();
    assert!(n > 1, "only {n} page(s)");
    for (i, text) in pages.iter().enumerate() {
        let number = format!("{}/{}", i + 1, n);
        assert!(
            text.contains(&number),
            "page {i} has no {number:?}: {text:?}"
        );
        assert!(
            text.contains("Tämä kirje on lähetetty"),
            "page {i} lacks the footer"
        );
    }
    // Every paragraph made it, across the pages.
    let all: String = pages.concat();
    assert_eq!(all.matches("kalenterivuodessa").count(), 60);
}

#[test]
fn forty_thousand_characters() {
    let body = "Sana ".repeat(8000);
    let pdf = render(&letter("Iso", &[&body])).unwrap();
    let pages = pages(&pdf);
    assert!(pages.len() > 5, "{} pages", pages.len());
    assert_eq!(pages.concat().matches("Sana").count(), 8000);
}

#[test]
fn a_word_longer_than_a_line_wraps() {
    let word = "Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilas".repeat(5);
    assert!(word.chars().count() > 300);
    let pdf = render(&letter("Pitkä sana", &[&word])).unwrap();
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 1);
    let text = &pages[0];
    // It is all there, but not on one line.
    assert!(squashed(text).contains(&word), "{text:?}");
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < word.chars().count(), "one line of {longest}");
    // The title and the word's first piece are separate lines.
    let word_lines = text
        .lines()
        .filter(|l| l.contains("Lentokone") || l.contains("oppilas"))
        .count();
    assert!(word_lines >= 3, "{word_lines} lines: {text:?}");
}

#[test]
fn unsupported_characters_become_question_marks() {
    let pdf = render(&letter(
        "Kiina 中文 ja emoji 🎉",
        &[
            "Ωmega \u{0}\u{7}\u{1b}[31m tab\there\r\nuusi rivi",
            "\u{fffd}\u{10ffff}",
        ],
    ))
    .unwrap();
    let text = &pages(&pdf)[0];
    assert!(text.contains("Kiina ?? ja emoji ?"), "{text:?}");
    assert!(text.contains("?mega"), "{text:?}");
    assert!(text.contains("uusi rivi"), "{text:?}");
}

#[test]
fn decomposed_umlauts_render() {
    // "ä" and "ö" as base letter + combining diaeresis, as some keyboards send them.
    let pdf = render(&letter("Pa\u{308}a\u{308}to\u{308}s", &["Hyva\u{308}"])).unwrap();
    let text = &pages(&pdf)[0];
    assert!(!text.contains('?'), "{text:?}");
}

#[test]
fn empty_letter_renders() {
    let pdf = render(&Letter {
        sender: "",
        sender_lines: &[],
        date: "",
        created: datetime!(2026-01-01 0:00 UTC),
        title: "",
        paragraphs: &["", "   ", "\n\n"],
        footer: None,
        lang: "sv",
    })
    .unwrap();
    assert_eq!(pages(&pdf).len(), 1);
}

#[test]
fn swedish_and_english() {
    for (lang, title) in [("sv", "Beslut om kultursedel"), ("en-GB", "Decision")] {
        let mut l = letter(title, &["Åtta älgar åt öl för 12 €."]);
        l.lang = lang;
        let pdf = render(&l).unwrap();
        let text = &pages(&pdf)[0];
        assert!(text.contains(title), "{text:?}");
        assert!(text.contains("Åtta älgar åt öl för 12 €."), "{text:?}");
    }
}

#[test]
fn bad_language_is_an_error() {
    for lang in ["", "fi_FI", "suomi-kieli-on-pitkä", "f i", "-fi"] {
        let mut l = letter("T", &[]);
        l.lang = lang;
        assert!(
            matches!(render(&l), Err(LetterError::InvalidLanguage(_))),
            "{lang:?}"
        );
    }
}

#[test]
fn output_is_deterministic() {
    let l = letter("Sama", &["Sama teksti."]);
    assert_eq!(render(&l).unwrap(), render(&l).unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics(
        sender in any::<String>(),
        line in any::<String>(),
        date in any::<String>(),
        title in any::<String>(),
        paragraphs in proptest::collection::vec(any::<String>(), 0..4),
        footer in proptest::option::of(any::<String>()),
    ) {
        let lines = [line.as_str()];
        let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let pdf = render(&Letter {
            sender: &sender,
            sender_lines: &lines,
            date: &date,
            created: datetime!(2026-11-30 09:15:00 +02:00),
            title: &title,
            paragraphs: &paragraphs,
            footer: footer.as_deref(),
            lang: "fi",
        });
        let pdf = pdf.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn tricky_text_never_panics(
        text in "[a-zåäö€?. \\n\\t\u{300}-\u{36f}\u{200b}-\u{200f}\u{ad}\u{a0}\u{0}-\u{1f}\u{1f600}]{0,400}",
    ) {
        let paragraphs = [text.as_str(), text.as_str()];
        let pdf = render(&letter(&text, &paragraphs)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn latin_text_is_extracted(words in proptest::collection::vec("[a-zA-ZåäöÅÄÖ€0-9.,]{1,30}", 1..40)) {
        let paragraph = words.join(" ");
        let pdf = render(&letter("Otsikko", &[&paragraph])).unwrap();
        let text = pages(&pdf).concat();
        prop_assert!(squashed(&text).contains(&squashed(&paragraph)), "{:?} not in {:?}", paragraph, text);
    }
}
