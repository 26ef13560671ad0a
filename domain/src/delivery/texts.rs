//! What a notification says, in Finnish or Swedish: a title and paragraphs, the same for the
//! electronic message and the printed letter. Texts name people and companies by name only —
//! never an identity code — and tell the reader where to see the details.

use crate::delivery::MessageKind;
use crate::Lang;

/// To whom the message speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addressee<'a> {
    /// The person the matter is about.
    Principal,
    /// The guardian who acted for the child named here (a minor's messages go to them).
    GuardianOf(&'a str),
    /// A company (an applicant or a producer).
    Company,
}

/// The facts a text may name.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub kind: MessageKind,
    /// Who acted: a proxy's name, or the organiser's for its own decisions.
    pub actor: &'a str,
    /// The producer the matter is about; empty when none.
    pub producer: &'a str,
    /// The organiser (the municipality or wellbeing services county) sending the message.
    pub organiser: &'a str,
    pub addressee: Addressee<'a>,
    /// Where the reader sees the details, e.g. `https://seteli.porvoo.fi`.
    pub service_url: &'a str,
}

/// A notification's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl Notice {
    /// The electronic message's body: the paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// The languages a notice is written in: Swedish for Swedish readers, else Finnish (the
/// organisers' language when the reader's is not known).
pub fn notice_lang(lang: Option<Lang>) -> Lang {
    match lang {
        Some(Lang::Sv) => Lang::Sv,
        _ => Lang::Fi,
    }
}

/// The notice for `facts` in `lang` (Swedish, else Finnish).
pub fn notice(lang: Lang, facts: &Facts<'_>) -> Notice {
    let sv = notice_lang(Some(lang)) == Lang::Sv;
    let t = |fi: &str, sv_text: &str| {
        if sv {
            sv_text.to_owned()
        } else {
            fi.to_owned()
        }
    };
    let Facts {
        actor,
        producer,
        organiser,
        ..
    } = *facts;
    // "on your behalf" / "on behalf of your child NAME"
    let (behalf_fi, behalf_sv) = match facts.addressee {
        Addressee::GuardianOf(child) => (
            format!("lapsesi {child} puolesta"),
            format!("för ditt barn {child}"),
        ),
        _ => ("puolestasi".to_owned(), "för din räkning".to_owned()),
    };
    let behalf = if sv { behalf_sv } else { behalf_fi };
    let guardian = matches!(facts.addressee, Addressee::GuardianOf(_));
    let (title, main) = match facts.kind {
        MessageKind::FeedbackGiven => (
            if guardian {
                t(
                    "Lapsesi puolesta annettiin palautetta",
                    "Respons har getts för ditt barn",
                )
            } else {
                t(
                    "Palautetta annettiin puolestasi",
                    "Respons har getts för din räkning",
                )
            },
            if sv {
                format!("{actor} gav respons om serviceproducenten {producer} {behalf}.")
            } else {
                format!("{actor} antoi {behalf} palautetta palveluntuottajasta {producer}.")
            },
        ),
        MessageKind::SurveyAnswered => (
            if guardian {
                t(
                    "Lapsesi puolesta vastattiin kyselyyn",
                    "En enkät har besvarats för ditt barn",
                )
            } else {
                t(
                    "Kyselyyn vastattiin puolestasi",
                    "En enkät har besvarats för din räkning",
                )
            },
            if sv {
                format!("{actor} besvarade en enkät om serviceproducenten {producer} {behalf}.")
            } else {
                format!("{actor} vastasi {behalf} kyselyyn palveluntuottajasta {producer}.")
            },
        ),
        MessageKind::VoucherDecided => (
            t("Päätös palvelusetelistä", "Beslut om servicesedel"),
            if sv {
                format!("{organiser} har fattat ett beslut om servicesedel {behalf}. Beslutet och anvisningarna för omprövning finns i Seteli.")
            } else {
                format!("{organiser} on tehnyt päätöksen palvelusetelistä {behalf}. Päätös ja oikaisuvaatimusohje ovat Seteli-palvelussa.")
            },
        ),
        MessageKind::ProxyRegistered => (
            t("Asiamies kirjattiin", "Ett ombud har registrerats"),
            if sv {
                format!("{organiser} har registrerat ett ombud som kan sköta ärenden om servicesedeln {behalf}.")
            } else {
                format!("{organiser} kirjasi asiamiehen, joka voi hoitaa palveluseteliasioita {behalf}.")
            },
        ),
        MessageKind::ProxyEnded => {
            (
                t("Asiamiehen oikeus päättyi", "Ombudets rätt har upphört"),
                if sv {
                    format!("{organiser} har avslutat ombudets rätt att sköta ärenden om servicesedeln {behalf}.")
                } else {
                    format!("{organiser} päätti asiamiehen oikeuden hoitaa palveluseteliasioita {behalf}.")
                },
            )
        }
        MessageKind::VoucherEnded => (
            t("Palveluseteli päättyi", "Servicesedeln har upphört"),
            if sv {
                format!("{organiser} har avslutat servicesedeln {behalf}. Beslutet finns i Seteli.")
            } else {
                format!("{organiser} päätti palvelusetelin {behalf}. Päätös on Seteli-palvelussa.")
            },
        ),
        MessageKind::VoucherAnnulled => (
            t(
                "Palvelusetelipäätös kumottiin",
                "Beslutet om servicesedel har upphävts",
            ),
            if sv {
                format!("{organiser} har upphävt beslutet om servicesedel {behalf}. Beslutet finns i Seteli.")
            } else {
                format!("{organiser} kumosi palvelusetelipäätöksen {behalf}. Päätös on Seteli-palvelussa.")
            },
        ),
        MessageKind::ProducerUnavailable => (
            t(
                "Valitse toinen palveluntuottaja",
                "Välj en annan serviceproducent",
            ),
            if sv {
                format!("Serviceproducenten {producer} kan tills vidare inte ge service med servicesedeln {behalf}. Välj en annan godkänd serviceproducent i Seteli och ge den sedelns nummer.")
            } else {
                format!("Palveluntuottaja {producer} ei toistaiseksi voi tuottaa palvelua palvelusetelillä {behalf}. Valitse toinen hyväksytty palveluntuottaja Seteli-palvelussa ja anna sille setelin numero.")
            },
        ),
        MessageKind::ApplicationChanged => (
            t("Hakemuksenne tila muuttui", "Er ansökan har ändrat status"),
            if sv {
                format!("Er ansökan om godkännande som serviceproducent hos {organiser} har ändrat status.")
            } else {
                format!("Hakemuksenne palveluntuottajaksi ({organiser}) on muuttanut tilaa.")
            },
        ),
        MessageKind::ApplicationReminder => (
            t(
                "Lisäselvityksen määräaika lähestyy",
                "Tidsfristen för komplettering närmar sig",
            ),
            if sv {
                format!("{organiser} väntar på kompletteringar till er ansökan. Tidsfristen går snart ut.")
            } else {
                format!("{organiser} odottaa hakemukseenne lisäselvitystä. Määräaika päättyy pian.")
            },
        ),
        MessageKind::ApprovalSuspended => (
            t(
                "Hyväksyntänne keskeytettiin",
                "Ert godkännande har avbrutits",
            ),
            if sv {
                format!("{organiser} har avbrutit ert godkännande som serviceproducent. Skälet och anvisningarna för omprövning finns i Seteli.")
            } else {
                format!("{organiser} keskeytti hyväksyntänne palveluntuottajana. Perustelut ja oikaisuvaatimusohje ovat Seteli-palvelussa.")
            },
        ),
        MessageKind::ApprovalWithdrawn => (
            t("Hyväksyntänne peruttiin", "Ert godkännande har återkallats"),
            if sv {
                format!("{organiser} har återkallat ert godkännande som serviceproducent. Skälet och anvisningarna för omprövning finns i Seteli.")
            } else {
                format!("{organiser} peruutti hyväksyntänne palveluntuottajana. Perustelut ja oikaisuvaatimusohje ovat Seteli-palvelussa.")
            },
        ),
        // To a named guardian about their child (`actor`: the applying guardian).
        MessageKind::ConsentRequested => (
            t(
                "Suostumuspyyntö palvelusetelihakemukseen",
                "Begäran om samtycke till en ansökan om servicesedel",
            ),
            if sv {
                format!("{actor} ansöker om servicesedel hos {organiser} {behalf} och ber om ditt samtycke, eftersom ni är vårdnadshavare tillsammans. Logga in i Seteli, välj att sköta ärenden för barnet och svara inom 14 dagar.")
            } else {
                format!("{actor} hakee palveluseteliä ({organiser}) {behalf} ja pyytää suostumustasi, koska olette yhdessä lapsen huoltajia. Kirjaudu Seteli-palveluun, valitse asiointi lapsen puolesta ja vastaa 14 päivän kuluessa.")
            },
        ),
        MessageKind::GuardianInformed => (
            t(
                "Tieto palvelusetelihakemuksesta",
                "Information om en ansökan om servicesedel",
            ),
            if sv {
                format!("{actor} har ansökt om servicesedel hos {organiser} {behalf} och har försäkrat att hen får sköta ärendet ensam. Kontakta {organiser} om du har frågor.")
            } else {
                format!("{actor} haki palveluseteliä ({organiser}) {behalf} ja vakuutti voivansa hoitaa asian yksin. Ota yhteyttä: {organiser}, jos sinulla on kysyttävää.")
            },
        ),
        MessageKind::VoucherApplicationChanged => (
            t(
                "Palvelusetelihakemuksen tila muuttui",
                "Ansökan om servicesedel har ändrat status",
            ),
            if sv {
                format!("Ansökan om servicesedel hos {organiser} {behalf} har ändrat status.")
            } else {
                format!("Palvelusetelihakemus ({organiser}) {behalf} on muuttanut tilaa.")
            },
        ),
        MessageKind::Unknown => (
            t("Viesti Seteli-palvelusta", "Meddelande från Seteli"),
            t(
                "Seteli-palvelussa on sinulle uutta tietoa.",
                "Det finns ny information för dig i Seteli.",
            ),
        ),
    };
    let url = facts.service_url;
    let details = if sv {
        format!("Logga in i Seteli för att se detaljerna: {url}")
    } else {
        format!("Kirjaudu Seteli-palveluun nähdäksesi tiedot: {url}")
    };
    let sender = if sv {
        format!(
            "Meddelandet har skickats av {organiser} via Seteli. Svara inte på detta meddelande."
        )
    } else {
        format!("Viestin lähetti {organiser} Seteli-palvelun kautta. Älä vastaa tähän viestiin.")
    };
    Notice {
        title,
        paragraphs: vec![main, details, sender],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(kind: MessageKind, addressee: Addressee<'static>) -> Facts<'static> {
        Facts {
            kind,
            actor: "Karl-Johan Nyström",
            producer: "Hoivapalvelu Aurinko Oy",
            organiser: "Itä-Uudenmaan hyvinvointialue",
            addressee,
            service_url: "https://seteli.example",
        }
    }

    #[test]
    fn every_kind_has_its_own_finnish_and_swedish_title_and_names_the_way_in() {
        let mut titles = std::collections::HashSet::new();
        for kind in MessageKind::ALL.into_iter().chain([MessageKind::Unknown]) {
            let fi = notice(Lang::Fi, &facts(kind, Addressee::Principal));
            let sv = notice(Lang::Sv, &facts(kind, Addressee::Principal));
            assert_ne!(fi.title, sv.title, "{kind:?}");
            assert_ne!(fi.paragraphs[0], sv.paragraphs[0], "{kind:?}");
            assert!(titles.insert(fi.title.clone()), "{kind:?} repeats a title");
            for text in [&fi, &sv] {
                assert!(text.body().contains("https://seteli.example"), "{kind:?}");
                assert!(text.title.chars().count() <= 256);
            }
        }
    }

    #[test]
    fn a_proxys_act_names_the_proxy_and_the_producer() {
        let fi = notice(
            Lang::Fi,
            &facts(MessageKind::FeedbackGiven, Addressee::Principal),
        );
        assert_eq!(
            fi.paragraphs[0],
            "Karl-Johan Nyström antoi puolestasi palautetta palveluntuottajasta Hoivapalvelu Aurinko Oy."
        );
        let sv = notice(
            Lang::Sv,
            &facts(MessageKind::SurveyAnswered, Addressee::Principal),
        );
        assert!(sv.paragraphs[0].contains("för din räkning"));
        assert!(sv.paragraphs[0].contains("Hoivapalvelu Aurinko Oy"));
    }

    #[test]
    fn a_guardian_reads_about_their_child_by_name() {
        let fi = notice(
            Lang::Fi,
            &facts(
                MessageKind::VoucherDecided,
                Addressee::GuardianOf("Ella Sofia"),
            ),
        );
        assert!(
            fi.paragraphs[0].contains("lapsesi Ella Sofia puolesta"),
            "{fi:?}"
        );
        let feedback = notice(
            Lang::Fi,
            &facts(
                MessageKind::FeedbackGiven,
                Addressee::GuardianOf("Ella Sofia"),
            ),
        );
        assert_eq!(feedback.title, "Lapsesi puolesta annettiin palautetta");
        let sv = notice(
            Lang::Sv,
            &facts(
                MessageKind::VoucherDecided,
                Addressee::GuardianOf("Ella Sofia"),
            ),
        );
        assert!(
            sv.paragraphs[0].contains("för ditt barn Ella Sofia"),
            "{sv:?}"
        );
    }

    #[test]
    fn english_and_unknown_readers_get_the_organisers_finnish() {
        assert_eq!(notice_lang(None), Lang::Fi);
        assert_eq!(notice_lang(Some(Lang::En)), Lang::Fi);
        assert_eq!(notice_lang(Some(Lang::Sv)), Lang::Sv);
        let en = notice(
            Lang::En,
            &facts(MessageKind::ProxyEnded, Addressee::Principal),
        );
        let fi = notice(
            Lang::Fi,
            &facts(MessageKind::ProxyEnded, Addressee::Principal),
        );
        assert_eq!(en, fi);
    }
}
