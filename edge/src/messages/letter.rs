//! The paper letter: a notice rendered as the one PDF that Suomi.fi Messages prints (the
//! service adds the address page).

use seteli_domain::delivery::texts::Notice;
use seteli_domain::Lang;

/// The organiser sending the letter, as its letterhead shows it.
pub struct Sender<'a> {
    pub name: &'a str,
    pub street: &'a str,
    pub postal_code: &'a str,
    pub city: &'a str,
}

/// `notice` as a PDF letter from `sender`, dated `date`, in `lang`; the error is for the
/// outbox row.
pub fn render(
    notice: &Notice,
    sender: &Sender<'_>,
    date: time::Date,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let _ = (notice, sender, date, lang);
    Err("letters are not rendered yet".into())
}
