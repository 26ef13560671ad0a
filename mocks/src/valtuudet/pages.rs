//! The mock's own selection page (whom the delegate acts for) and the error page shown when
//! the client cannot be trusted with a redirect. Finnish, Swedish or English; everything
//! echoed is HTML-escaped.

use super::register::{Basis, Choice, Principal};
use super::sessions::Mode;
pub(super) use crate::html::html;
use crate::html::{
    cancel_button, choice_button, document, esc, hidden_fields, MockPageError, ServiceWords,
};
use seteli_domain::Lang;
use std::fmt::Write as _;

/// Why the selection cannot go on at all. Shown on a page, never sent to the redirect URI.
pub(super) type PageError = crate::html::PageError<SelectionError>;

/// The selection page's own reason to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SelectionError {
    /// The pick is not (or no longer) among the delegate's choices.
    NotAChoice,
}

/// Everything the selection page shows.
pub(super) struct SelectionView<'a> {
    pub lang: Lang,
    pub mode: Mode,
    /// The authorization request's own parameters, carried in hidden fields.
    pub hidden: &'a [(&'static str, &'a str)],
    /// The logged-in person's name, when the register knows them.
    pub delegate_name: Option<String>,
    pub choices: &'a [Choice],
}

struct Words {
    service: ServiceWords,
    notice: &'static str,
    heading_hpa: &'static str,
    heading_ypa: &'static str,
    identified_as: &'static str,
    dependants: &'static str,
    mandators: &'static str,
    organisations: &'static str,
    roles: &'static str,
    cancel: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fi => &Words {
            service: ServiceWords {
                title: "Suomi.fi-valtuudet – testiympäristö",
                heading: "Valintaa ei voi jatkaa",
                unknown_client:
                    "Palvelua, josta tulit, ei ole rekisteröity tähän testipalveluun (tuntematon \
                     client_id). Sinua ei ohjata takaisin.",
            },
            notice: "Tämä on Setelin paikallinen testipalvelu, ei oikea Suomi.fi-valtuudet. \
                     Tiedot ovat testihenkilöiden.",
            heading_hpa: "Valitse, kenen puolesta asioit",
            heading_ypa: "Valitse yritys tai yhteisö, jonka puolesta asioit",
            identified_as: "Olet tunnistautunut nimellä",
            dependants: "Alaikäiset huollettavasi",
            mandators: "Henkilöt, jotka ovat valtuuttaneet sinut",
            organisations: "Yritykset ja yhteisöt, joissa sinulla on rooli",
            roles: "Roolit",
            cancel: "Peruuta ja palaa palveluun",
        },
        Lang::Sv => &Words {
            service: ServiceWords {
                title: "Suomi.fi-fullmakter – testmiljö",
                heading: "Valet kan inte fortsätta",
                unknown_client:
                    "Tjänsten du kom från är inte registrerad i den här testtjänsten (okänt \
                     client_id). Du skickas inte tillbaka.",
            },
            notice: "Det här är Setelis lokala testtjänst, inte de riktiga Suomi.fi-fullmakterna. \
                     Uppgifterna gäller testpersoner.",
            heading_hpa: "Välj för vem du uträttar ärenden",
            heading_ypa: "Välj företag eller sammanslutning för vilken du uträttar ärenden",
            identified_as: "Du har identifierat dig som",
            dependants: "Minderåriga som du är vårdnadshavare för",
            mandators: "Personer som har befullmäktigat dig",
            organisations: "Företag och sammanslutningar där du har en roll",
            roles: "Roller",
            cancel: "Avbryt och återvänd till tjänsten",
        },
        Lang::En => &Words {
            service: ServiceWords {
                title: "Suomi.fi e-Authorizations – test environment",
                heading: "The selection cannot continue",
                unknown_client:
                    "The service you came from is not registered with this test service (unknown \
                     client_id). You will not be sent back.",
            },
            notice: "This is Seteli's local test service, not the real Suomi.fi \
                     e-Authorizations. The data belongs to test persons.",
            heading_hpa: "Choose whom you act for",
            heading_ypa: "Choose the company or organisation you act for",
            identified_as: "You are identified as",
            dependants: "Minors in your custody",
            mandators: "Persons who have authorised you",
            organisations: "Companies and organisations where you have a role",
            roles: "Roles",
            cancel: "Cancel and return to the service",
        },
    }
}

impl MockPageError for SelectionError {
    fn service_words(lang: Lang) -> &'static ServiceWords {
        &words(lang).service
    }

    fn text(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fi, SelectionError::NotAChoice) => {
                "Valintaa ei löydy enää. Palaa palveluun ja aloita uudelleen."
            }
            (Lang::Sv, SelectionError::NotAChoice) => {
                "Valet finns inte längre. Återvänd till tjänsten och börja på nytt."
            }
            (Lang::En, SelectionError::NotAChoice) => {
                "That choice is no longer available. Return to the service and start again."
            }
        }
    }
}

/// One group of choices as a fieldset of submit buttons, or nothing when it is empty.
fn group(out: &mut String, id: &str, legend: &str, choices: &[&Choice], roles_label: &str) {
    if choices.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<fieldset aria-describedby=\"identified-as\">\n<legend id=\"{id}\">{}</legend>\n<ul>\n",
        esc(legend)
    );
    for choice in choices {
        let id = esc(choice.principal.id());
        let detail = match &choice.principal {
            Principal::Person(hetu) => hetu.masked(),
            Principal::Organisation(business_id) => format!(
                "{} · {roles_label}: {}",
                business_id.as_str(),
                choice.roles.join(", ")
            ),
        };
        choice_button(
            out,
            "principal",
            &id,
            &format!("principal-{id}"),
            &choice.name,
            &detail,
        );
    }
    out.push_str("</ul>\n</fieldset>\n");
}

/// The selection page: one form whose buttons each pick a principal, and a cancel button.
pub(super) fn selection_page(view: &SelectionView) -> String {
    let w = words(view.lang);
    let hidden = hidden_fields(view.hidden);
    let heading = match view.mode {
        Mode::Hpa => w.heading_hpa,
        Mode::Ypa => w.heading_ypa,
    };
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"notice\">{}</p>\n",
        esc(heading),
        esc(w.notice)
    );
    if let Some(name) = &view.delegate_name {
        let _ = writeln!(
            body,
            "<p id=\"identified-as\">{} <strong>{}</strong></p>",
            esc(w.identified_as),
            esc(name)
        );
    }
    let _ = write!(
        body,
        "<form method=\"post\" action=\"/oauth/authorize\">\n{hidden}"
    );
    let of = |basis: Basis| -> Vec<&Choice> {
        view.choices.iter().filter(|c| c.basis == basis).collect()
    };
    group(
        &mut body,
        "dependants",
        w.dependants,
        &of(Basis::Guardianship),
        w.roles,
    );
    group(
        &mut body,
        "mandators",
        w.mandators,
        &of(Basis::Mandate),
        w.roles,
    );
    group(
        &mut body,
        "organisations",
        w.organisations,
        &of(Basis::Roles),
        w.roles,
    );
    body.push_str(&cancel_button(w.cancel));
    if view.delegate_name.is_none() {
        // Nothing describes the fieldsets then.
        body = body.replace(" aria-describedby=\"identified-as\"", "");
    }
    document(view.lang, w.service.title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use seteli_domain::Hetu;

    fn child() -> Choice {
        Choice {
            principal: Principal::Person(Hetu::parse("030413A9450").unwrap()),
            name: "Eetu <Olavi> Kumpulainen".to_owned(),
            basis: Basis::Guardianship,
            roles: Vec::new(),
        }
    }

    #[test]
    fn the_page_is_escaped_and_shows_only_the_masked_code_as_text() {
        let hidden = [("state", "\"><script>alert(1)</script>")];
        let choices = [child()];
        let page = selection_page(&SelectionView {
            lang: Lang::En,
            mode: Mode::Hpa,
            hidden: &hidden,
            delegate_name: Some("Anni Emilia Kumpulainen".to_owned()),
            choices: &choices,
        });
        assert!(!page.contains("<script>"));
        assert!(page.contains("Eetu &lt;Olavi&gt; Kumpulainen"));
        assert!(page.contains("<span>030413A****</span>"));
        assert!(page.contains("<legend id=\"dependants\">Minors in your custody</legend>"));
        assert!(!page.contains("id=\"mandators\""));
    }

    #[test]
    fn without_a_name_no_fieldset_points_at_a_missing_description() {
        let choices = [child()];
        let page = selection_page(&SelectionView {
            lang: Lang::Fi,
            mode: Mode::Hpa,
            hidden: &[],
            delegate_name: None,
            choices: &choices,
        });
        assert!(!page.contains("aria-describedby"));
        assert!(page.contains("lang=\"fi\""));
    }
}
