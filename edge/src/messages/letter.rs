//! The paper letter: a notice rendered as the one PDF that Suomi.fi Messages prints (the
//! service adds the address page).

use seteli_domain::delivery::texts::Notice;
use seteli_domain::i18n::format_date;
use seteli_domain::Lang;
use time::OffsetDateTime;

/// The organiser sending the letter, as its letterhead shows it.
pub struct Sender<'a> {
    pub name: &'a str,
    pub street: &'a str,
    pub postal_code: &'a str,
    pub city: &'a str,
}

/// `notice` as a PDF letter from `sender`, written at `now` (dated in Finland), in `lang`;
/// the error is for the outbox row.
pub fn render(
    notice: &Notice,
    sender: &Sender<'_>,
    now: OffsetDateTime,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let town = format!("{} {}", sender.postal_code, sender.city);
    let sender_lines: Vec<&str> = [sender.street, town.trim()]
        .into_iter()
        .filter(|line| !line.is_empty())
        .collect();
    let date = format_date(lang, seteli_domain::clock::finnish_date(now));
    let paragraphs: Vec<&str> = notice.paragraphs.iter().map(String::as_str).collect();
    seteli_letter::render(&seteli_letter::Letter {
        sender: sender.name,
        sender_lines: &sender_lines,
        date: &date,
        created: now,
        title: &notice.title,
        paragraphs: &paragraphs,
        footer: None,
        lang: lang.code(),
    })
    .map_err(|e| format!("letter: {e}"))
}
