//! The mock's own HTML: the login page (test persons or staff users, a field for any test
//! code, cancel) and the error page shown when the client cannot be trusted with a redirect.
//! Finnish, Swedish or English; everything echoed is HTML-escaped.

use super::people::{Person, StaffUser};
use super::Issuer;
pub(super) use crate::html::html;
use crate::html::{
    cancel_button, choice_button, document, esc, hidden_fields, MockPageError, ServiceWords,
};
use seteli_domain::hetu::HetuError;
use seteli_domain::Lang;
use std::fmt::Write as _;

/// Why a typed personal identity code was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HetuProblem {
    Empty,
    Invalid(HetuError),
    NotATestCode,
}

/// Why the login cannot go on at all. Shown on a page, never sent to the redirect URI.
pub(super) type PageError = crate::html::PageError<LoginError>;

/// The login page's own reasons to stop: the form came back without a usable choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LoginError {
    UnknownUser,
    NothingChosen,
}

/// Everything the login page shows.
pub(super) struct LoginView<'a> {
    pub issuer: Issuer,
    pub lang: Lang,
    /// `{iss}/authorize`, where every form on the page posts.
    pub action: &'a str,
    /// The authorization request's own parameters, carried in hidden fields.
    pub hidden: &'a [(&'static str, &'a str)],
    pub persons: &'a [Person],
    pub staff: &'a [StaffUser],
    pub problem: Option<HetuProblem>,
    /// What the person typed, put back in the field so it can be corrected.
    pub typed: Option<&'a str>,
}

struct Words {
    service: ServiceWords,
    notice: &'static str,
    citizen_heading: &'static str,
    persons_heading: &'static str,
    typed_heading: &'static str,
    hetu_label: &'static str,
    hetu_hint: &'static str,
    identify: &'static str,
    staff_heading: &'static str,
    staff_list_heading: &'static str,
    cancel: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fi => &Words {
            service: ServiceWords {
                title: "Suomi.fi-tunnistus – testiympäristö",
                heading: "Tunnistautumista ei voi jatkaa",
                unknown_client: "Palvelua, josta tulit, ei ole rekisteröity tähän testitunnistukseen (tuntematon \
                 client_id). Sinua ei ohjata takaisin.",
            },
            notice: "Tämä on Setelin paikallinen testipalvelu, ei oikea Suomi.fi-tunnistus. \
                     Käytä vain testihenkilöitä ja testitunnuksia.",
            citizen_heading: "Tunnistaudu",
            persons_heading: "Valitse testihenkilö",
            typed_heading: "Tai kirjoita testihenkilön henkilötunnus",
            hetu_label: "Henkilötunnus",
            hetu_hint: "Testitunnuksen yksilönumero on 900–999, esimerkiksi 010280-952L.",
            identify: "Tunnistaudu",
            staff_heading: "Kirjaudu virkailijana",
            staff_list_heading: "Valitse testikäyttäjä",
            cancel: "Peruuta ja palaa palveluun",
        },
        Lang::Sv => &Words {
            service: ServiceWords {
                title: "Suomi.fi-identifikation – testmiljö",
                heading: "Identifieringen kan inte fortsätta",
                unknown_client: "Tjänsten du kom från är inte registrerad i den här testidentifikationen (okänt \
                 client_id). Du skickas inte tillbaka.",
            },
            notice: "Det här är Setelis lokala testtjänst, inte den riktiga \
                     Suomi.fi-identifikationen. Använd endast testpersoner och testbeteckningar.",
            citizen_heading: "Identifiera dig",
            persons_heading: "Välj en testperson",
            typed_heading: "Eller skriv in en testpersons personbeteckning",
            hetu_label: "Personbeteckning",
            hetu_hint: "Individnumret i en testbeteckning är 900–999, till exempel 010280-952L.",
            identify: "Identifiera",
            staff_heading: "Logga in som tjänsteinnehavare",
            staff_list_heading: "Välj en testanvändare",
            cancel: "Avbryt och återvänd till tjänsten",
        },
        Lang::En => &Words {
            service: ServiceWords {
                title: "Suomi.fi e-Identification – test environment",
                heading: "Identification cannot continue",
                unknown_client: "The service you came from is not registered with this test identification \
                 (unknown client_id). You will not be sent back.",
            },
            notice: "This is Seteli's local test service, not the real Suomi.fi \
                     e-Identification. Use test persons and test codes only.",
            citizen_heading: "Identify yourself",
            persons_heading: "Choose a test person",
            typed_heading: "Or type a test person's personal identity code",
            hetu_label: "Personal identity code",
            hetu_hint: "A test code's individual number is 900–999, for example 010280-952L.",
            identify: "Identify",
            staff_heading: "Log in as staff",
            staff_list_heading: "Choose a test user",
            cancel: "Cancel and return to the service",
        },
    }
}

fn hetu_problem_text(lang: Lang, problem: HetuProblem) -> &'static str {
    use HetuProblem::*;
    match (lang, problem) {
        (Lang::Fi, Empty) => "Kirjoita henkilötunnus.",
        (Lang::Fi, Invalid(HetuError::Format)) => {
            "Tarkista henkilötunnuksen muoto: kuusi numeroa syntymäajasta, välimerkki (esimerkiksi \
             - tai A), kolme numeroa ja tarkiste isona kirjaimena tai numerona, esimerkiksi \
             010280-952L."
        }
        (Lang::Fi, Invalid(HetuError::Date)) => {
            "Henkilötunnuksen alussa oleva syntymäaika ei ole todellinen päivämäärä."
        }
        (Lang::Fi, Invalid(HetuError::Individual)) => {
            "Yksilönumero (kolme numeroa välimerkin jälkeen) ei voi olla 000 tai 001."
        }
        (Lang::Fi, Invalid(HetuError::Checksum)) => {
            "Henkilötunnuksen viimeinen merkki (tarkiste) ei täsmää. Tarkista, ettei tunnuksessa \
             ole lyöntivirhettä."
        }
        (Lang::Fi, NotATestCode) => {
            "Tässä testipalvelussa käyvät vain testitunnukset, joiden yksilönumero on 900–999."
        }
        (Lang::Sv, Empty) => "Skriv in en personbeteckning.",
        (Lang::Sv, Invalid(HetuError::Format)) => {
            "Kontrollera personbeteckningens format: sex siffror för födelsedatumet, ett \
             skiljetecken (till exempel - eller A), tre siffror och ett kontrolltecken (versal \
             eller siffra), till exempel 010280-952L."
        }
        (Lang::Sv, Invalid(HetuError::Date)) => {
            "Födelsedatumet i början av personbeteckningen är inte ett verkligt datum."
        }
        (Lang::Sv, Invalid(HetuError::Individual)) => {
            "Individnumret (de tre siffrorna efter skiljetecknet) kan inte vara 000 eller 001."
        }
        (Lang::Sv, Invalid(HetuError::Checksum)) => {
            "Personbeteckningens sista tecken (kontrolltecknet) stämmer inte. Kontrollera att \
             det inte finns något skrivfel."
        }
        (Lang::Sv, NotATestCode) => {
            "I den här testtjänsten godkänns endast testbeteckningar med individnummer 900–999."
        }
        (Lang::En, Empty) => "Enter a personal identity code.",
        (Lang::En, Invalid(HetuError::Format)) => {
            "Check the format of the code: six digits of the date of birth, a century sign (for \
             example - or A), three digits and a check character (a capital letter or a digit), \
             for example 010280-952L."
        }
        (Lang::En, Invalid(HetuError::Date)) => {
            "The date of birth at the start of the code is not a real date."
        }
        (Lang::En, Invalid(HetuError::Individual)) => {
            "The individual number (the three digits after the century sign) cannot be 000 or \
             001."
        }
        (Lang::En, Invalid(HetuError::Checksum)) => {
            "The last character of the code (the check character) does not match. Check the code \
             for typing errors."
        }
        (Lang::En, NotATestCode) => {
            "This test service accepts only test codes, whose individual number is 900–999."
        }
    }
}

impl MockPageError for LoginError {
    fn service_words(lang: Lang) -> &'static ServiceWords {
        &words(lang).service
    }

    fn text(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fi, LoginError::UnknownUser) => {
                "Valittua testikäyttäjää ei löydy. Palaa palveluun ja aloita tunnistautuminen \
                 uudelleen."
            }
            (Lang::Fi, LoginError::NothingChosen) => {
                "Valitse testikäyttäjä tai kirjoita henkilötunnus."
            }
            (Lang::Sv, LoginError::UnknownUser) => {
                "Den valda testanvändaren finns inte. Återvänd till tjänsten och börja \
                 identifieringen på nytt."
            }
            (Lang::Sv, LoginError::NothingChosen) => {
                "Välj en testanvändare eller skriv in en personbeteckning."
            }
            (Lang::En, LoginError::UnknownUser) => {
                "The chosen test user does not exist. Return to the service and start again."
            }
            (Lang::En, LoginError::NothingChosen) => {
                "Choose a test user or type a personal identity code."
            }
        }
    }
}

/// Opens a section of the login page: its heading and a form whose list of buttons follows.
fn list_section(body: &mut String, id: &str, heading: &str, action: &str, hidden: &str) {
    let _ = write!(
        body,
        "<section aria-labelledby=\"{id}-heading\">\n\
         <h2 id=\"{id}-heading\">{}</h2>\n\
         <form method=\"post\" action=\"{action}\">\n{hidden}<ul>\n",
        esc(heading)
    );
}

/// The login page for `view.issuer`.
pub(super) fn login_page(view: &LoginView) -> String {
    let w = words(view.lang);
    let hidden = hidden_fields(view.hidden);
    let action = esc(view.action);
    let mut body = String::new();
    let heading = match view.issuer {
        Issuer::Citizen => w.citizen_heading,
        Issuer::Staff => w.staff_heading,
    };
    let _ = write!(
        body,
        "<h1>{}</h1>\n<p class=\"notice\">{}</p>\n",
        esc(heading),
        esc(w.notice)
    );
    match view.issuer {
        Issuer::Citizen => {
            list_section(&mut body, "persons", w.persons_heading, &action, &hidden);
            for person in view.persons {
                let code = esc(person.hetu.as_str());
                choice_button(
                    &mut body,
                    "person",
                    &code,
                    &format!("person-{code}"),
                    &person.full_name(),
                    &person.hetu.masked(),
                );
            }
            body.push_str("</ul>\n</form>\n</section>\n");

            let (invalid, describedby, error) = match view.problem {
                Some(problem) => (
                    " aria-invalid=\"true\" autofocus",
                    "hetu-hint hetu-error",
                    format!(
                        "<p id=\"hetu-error\" class=\"error\" role=\"alert\" \
                         data-testid=\"hetu-error\">{}</p>\n",
                        esc(hetu_problem_text(view.lang, problem))
                    ),
                ),
                None => ("", "hetu-hint", String::new()),
            };
            let _ = write!(
                body,
                "<section aria-labelledby=\"typed-heading\">\n\
                 <h2 id=\"typed-heading\">{typed_heading}</h2>\n\
                 <form method=\"post\" action=\"{action}\" novalidate>\n{hidden}\
                 <label for=\"hetu\">{label}</label>\n\
                 <p id=\"hetu-hint\" class=\"hint\">{hint}</p>\n{error}\
                 <input id=\"hetu\" name=\"hetu\" type=\"text\" value=\"{typed}\" \
                 autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" \
                 aria-describedby=\"{describedby}\"{invalid} data-testid=\"hetu-input\">\n\
                 <button type=\"submit\" class=\"primary\" data-testid=\"hetu-submit\">{identify}</button>\n\
                 </form>\n</section>\n",
                typed_heading = esc(w.typed_heading),
                label = esc(w.hetu_label),
                hint = esc(w.hetu_hint),
                typed = esc(view.typed.unwrap_or("")),
                identify = esc(w.identify),
            );
        }
        Issuer::Staff => {
            list_section(&mut body, "staff", w.staff_list_heading, &action, &hidden);
            for user in view.staff {
                let username = esc(&user.username);
                let detail = format!(
                    "{} · {} · {}",
                    user.username,
                    user.organiser.as_str(),
                    user.roles.join(", ")
                );
                choice_button(
                    &mut body,
                    "user",
                    &username,
                    &format!("staff-{username}"),
                    &user.full_name(),
                    &detail,
                );
            }
            body.push_str("</ul>\n</form>\n</section>\n");
        }
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"{action}\">\n{hidden}{}",
        cancel_button(w.cancel)
    );
    document(view.lang, w.service.title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_fields_are_escaped() {
        let hidden = [("state", "\"><script>alert(1)</script>")];
        let view = LoginView {
            issuer: Issuer::Staff,
            lang: Lang::En,
            action: "http://127.0.0.1:1/staff/authorize",
            hidden: &hidden,
            persons: &[],
            staff: &[],
            problem: None,
            typed: None,
        };
        let page = login_page(&view);
        assert!(!page.contains("<script>"));
        assert!(page.contains("&quot;&gt;&lt;script&gt;"));
    }
}
