//! The mock's own selection page (whom the delegate acts for) and the error page shown when
//! the client cannot be trusted with a redirect. Finnish, Swedish or English; everything
//! echoed is HTML-escaped.

use super::register::{Basis, Choice, Principal};
use super::sessions::Mode;
pub(super) use crate::html::html;
use crate::html::{document, esc};
use axum::http::StatusCode;
use axum::response::Response;
use seteli_domain::Lang;
use std::fmt::Write as _;

/// Why the selection cannot go on at all. Shown on a page, never sent to the redirect URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageError {
    UnknownClient,
    UnregisteredRedirectUri,
    MalformedRequest,
    NotAChoice,
    ServerError,
}

impl PageError {
    fn status(self) -> StatusCode {
        match self {
            PageError::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }
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
    title: &'static str,
    notice: &'static str,
    heading_hpa: &'static str,
    heading_ypa: &'static str,
    identified_as: &'static str,
    dependants: &'static str,
    mandators: &'static str,
    organisations: &'static str,
    roles: &'static str,
    cancel: &'static str,
    error_heading: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fi => &Words {
            title: "Suomi.fi-valtuudet – testiympäristö",
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
            error_heading: "Valintaa ei voi jatkaa",
        },
        Lang::Sv => &Words {
            title: "Suomi.fi-fullmakter – testmiljö",
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
            error_heading: "Valet kan inte fortsätta",
        },
        Lang::En => &Words {
            title: "Suomi.fi e-Authorizations – test environment",
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
            error_heading: "The selection cannot continue",
        },
    }
}

fn page_error_text(lang: Lang, error: PageError) -> &'static str {
    use PageError::*;
    match (lang, error) {
        (Lang::Fi, UnknownClient) => {
            "Palvelua, josta tulit, ei ole rekisteröity tähän testipalveluun (tuntematon \
             client_id). Sinua ei ohjata takaisin."
        }
        (Lang::Fi, UnregisteredRedirectUri) => {
            "Paluuosoitetta (redirect_uri) ei ole rekisteröity tälle palvelulle, joten sinua ei \
             ohjata takaisin."
        }
        (Lang::Fi, MalformedRequest) => "Pyynnön parametrit ovat virheelliset.",
        (Lang::Fi, NotAChoice) => "Valintaa ei löydy enää. Palaa palveluun ja aloita uudelleen.",
        (Lang::Fi, ServerError) => "Testipalvelussa tapahtui virhe. Yritä uudelleen.",
        (Lang::Sv, UnknownClient) => {
            "Tjänsten du kom från är inte registrerad i den här testtjänsten (okänt \
             client_id). Du skickas inte tillbaka."
        }
        (Lang::Sv, UnregisteredRedirectUri) => {
            "Returadressen (redirect_uri) är inte registrerad för tjänsten, så du skickas inte \
             tillbaka."
        }
        (Lang::Sv, MalformedRequest) => "Begärans parametrar är felaktiga.",
        (Lang::Sv, NotAChoice) => {
            "Valet finns inte längre. Återvänd till tjänsten och börja på nytt."
        }
        (Lang::Sv, ServerError) => "Ett fel uppstod i testtjänsten. Försök igen.",
        (Lang::En, UnknownClient) => {
            "The service you came from is not registered with this test service (unknown \
             client_id). You will not be sent back."
        }
        (Lang::En, UnregisteredRedirectUri) => {
            "The return address (redirect_uri) is not registered for the service, so you will \
             not be sent back."
        }
        (Lang::En, MalformedRequest) => "The request's parameters are malformed.",
        (Lang::En, NotAChoice) => {
            "That choice is no longer available. Return to the service and start again."
        }
        (Lang::En, ServerError) => "The test service failed. Please try again.",
    }
}

fn hidden_fields(hidden: &[(&'static str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in hidden {
        let _ = writeln!(
            out,
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            esc(name),
            esc(value)
        );
    }
    out
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
        let _ = writeln!(
            out,
            "<li><button type=\"submit\" class=\"choice\" name=\"principal\" value=\"{id}\" \
             data-testid=\"principal-{id}\">{}<span>{}</span></button></li>",
            esc(&choice.name),
            esc(&detail),
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
    let _ = write!(
        body,
        "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"cancel\" \
         data-testid=\"cancel\">{}</button>\n</form>\n",
        esc(w.cancel)
    );
    if view.delegate_name.is_none() {
        // Nothing describes the fieldsets then.
        body = body.replace(" aria-describedby=\"identified-as\"", "");
    }
    document(view.lang, w.title, &body)
}

/// The page for a request that cannot go on (and must not be redirected anywhere).
pub(super) fn error_response(lang: Lang, error: PageError) -> Response {
    let w = words(lang);
    let body = format!(
        "<h1>{}</h1>\n<p role=\"alert\" data-testid=\"error-message\">{}</p>\n",
        esc(w.error_heading),
        esc(page_error_text(lang, error))
    );
    html(error.status(), document(lang, w.title, &body))
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
