//! Writes a sample letter: `cargo run -p seteli-letter --example sample -- letter.pdf`.

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "letter.pdf".to_owned());
    let paragraph = "Porvoon kaupunki on myöntänyt teille kulttuurisetelin, jonka arvo on 50 €. \
        Seteliä voi käyttää konsertteihin, teatteriin, museoihin ja kursseihin kaupungin \
        hyväksymissä kohteissa. Åsa Öhman-Äijälä vastaa kysymyksiin arkisin klo 9–15.";
    let body: Vec<&str> = std::iter::repeat_n(paragraph, 14)
        .chain(["Ystävällisin terveisin\nKulttuuripalvelut"])
        .collect();
    let pdf = seteli_letter::render(&seteli_letter::Letter {
        sender: "Porvoon kaupunki",
        sender_lines: &["Kulttuuripalvelut", "Raatihuoneenkatu 4", "06100 Porvoo"],
        date: "30.11.2026",
        created: time::OffsetDateTime::UNIX_EPOCH,
        title: "Päätös kulttuurisetelistä",
        paragraphs: &body,
        footer: Some("Tämä kirje on lähetetty Suomi.fi-viestien kautta."),
        lang: "fi",
    })
    .expect("the sample renders");
    std::fs::write(&path, pdf).expect("the PDF is written");
    eprintln!("wrote {path}");
}
