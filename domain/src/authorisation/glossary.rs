//! The glossary of e-authorisation terms (sanasto) in Finnish, Swedish and English, from the
//! Porvoo project's (`../shared/seeds/`): the words themselves were the first obstacle, so
//! every form field that uses a term links to it (`#term-{slug}` on the glossary page).

use crate::lang::Lang;

/// A term and its definition in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    pub term: &'static str,
    pub definition: &'static str,
}

/// One term of the glossary. `slug` is its anchor, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub slug: &'static str,
    pub fi: Wording,
    pub sv: Wording,
    pub en: Wording,
}

impl Term {
    /// The wording in `lang`.
    pub fn wording(&self, lang: Lang) -> &Wording {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// The slugs the order form and the catalogue link to.
pub const ASIOINTIVALTUUS: &str = "asiointivaltuus";
pub const EDUSTAMISVALTUUS: &str = "edustamisvaltuus";
pub const VALTUUTUSOIKEUS: &str = "valtuutusoikeus";
pub const VALTUUSKARTTA: &str = "valtuuskartta";
pub const VALTUUTETTU: &str = "valtuutettu";
pub const VALTUUTTAJA: &str = "valtuuttaja";
pub const VALTUUSASIA: &str = "valtuusasia";
pub const VALTUUKSIEN_HALLINNOIJA: &str = "valtuuksien-hallinnoija";
pub const TILAUSLOMAKE: &str = "tilauslomake";
pub const TILAUSPOLKU: &str = "tilauspolku";
pub const SUOMI_FI_VALTUUDET: &str = "suomi-fi-valtuudet";

/// Every term, in Finnish alphabetical order.
pub const TERMS: &[Term] = &[
    Term {
        slug: ASIOINTIVALTUUS,
        fi: Wording {
            term: "Asiointivaltuus",
            definition: "Valtuus hoitaa organisaation puolesta yksi tietty asia toisen viraston asiointipalvelussa, esimerkiksi katsella asiakkaan etuustietoja Kelan Kelmu-palvelussa. Työntekijä saa sen organisaatioltaan Suomi.fi-valtuuksissa määräajaksi.",
        },
        sv: Wording {
            term: "Ärendefullmakt (asiointivaltuus)",
            definition: "En fullmakt att sköta ett visst ärende för organisationens räkning i en annan myndighets e-tjänst, till exempel att se en klients förmåner i FPA:s tjänst Kelmu. Den anställda får den av organisationen i Suomi.fi-fullmakter för en bestämd tid.",
        },
        en: Wording {
            term: "Mandate for transactions (asiointivaltuus)",
            definition: "A mandate to handle one specific matter for the organisation in another agency's e-service, for example viewing a client's benefits in Kela's Kelmu service. The employee receives it from the organisation in Suomi.fi e-Authorizations, for a fixed period.",
        },
    },
    Term {
        slug: "dvv",
        fi: Wording {
            term: "DVV (Digi- ja väestötietovirasto)",
            definition: "Valtion virasto, joka ylläpitää Suomi.fi-valtuuksia ja valtuusrekisteriä. Kun organisaatiolta puuttuu valtuus tai valtuutusoikeus, DVV:n virkailija rekisteröi sen organisaation hakemuksesta.",
        },
        sv: Wording {
            term: "Myndigheten för digitalisering och befolkningsdata (DVV)",
            definition: "Den statliga myndighet som driver Suomi.fi-fullmakter och fullmaktsregistret. När organisationen saknar en fullmakt eller fullmaktsrätt registrerar en tjänsteman vid myndigheten den på organisationens ansökan.",
        },
        en: Wording {
            term: "Digital and Population Data Services Agency (DVV)",
            definition: "The state agency that runs Suomi.fi e-Authorizations and the mandate register. When the organisation lacks a mandate or a right to grant mandates, a DVV official registers it on the organisation's application.",
        },
    },
    Term {
        slug: "edustajan-valtuutus",
        fi: Wording {
            term: "Edustajan valtuutusoikeus",
            definition: "Oikeus antaa ja mitätöidä edustamisvaltuuksia sekä pyytää asiointivaltuuksia muilta organisaatioilta Suomi.fi-valtuuksissa (Porvoon sanastossa \"edustajan valtuutus\"). Jos oikeuden saanut työntekijä asioi itse asiakkaan puolesta, hänen on annettava edustamisvaltuus myös itselleen.",
        },
        sv: Wording {
            term: "Representantens fullmaktsrätt (edustajan valtuutusoikeus)",
            definition: "Rätten att ge och annullera representationsfullmakter och att begära ärendefullmakter av andra organisationer i Suomi.fi-fullmakter. Om den som fått rätten själv sköter ärenden för en kund måste hen ge också sig själv en representationsfullmakt.",
        },
        en: Wording {
            term: "Representative's right to grant a mandate (edustajan valtuutusoikeus)",
            definition: "The right to grant and invalidate mandates to represent, and to request mandates for transactions from other organisations, in Suomi.fi e-Authorizations. An employee with this right who acts for a client personally must also give themself a mandate to represent.",
        },
    },
    Term {
        slug: EDUSTAMISVALTUUS,
        fi: Wording {
            term: "Edustamisvaltuus",
            definition: "Valtuus asioida valtuuden antaneen organisaation puolesta silloin, kun organisaatio hoitaa toisen asioita: organisaatio on saanut asiakkaaltaan (esimerkiksi kunnalta) asiointivaltuuden ja antaa sen työntekijöilleen edustamisvaltuutena. Organisaation omissa asioissa käytetään asiointivaltuutta; väärä valtuustyyppi estää asioinnin.",
        },
        sv: Wording {
            term: "Representationsfullmakt (edustamisvaltuus)",
            definition: "En fullmakt att sköta ärenden för den organisation som gav den, när organisationen sköter någon annans ärenden: den har fått en ärendefullmakt av sin kund (till exempel en kommun) och ger den vidare till sina anställda som representationsfullmakt. I organisationens egna ärenden används ärendefullmakt; fel typ av fullmakt hindrar ärendet.",
        },
        en: Wording {
            term: "Mandate to represent (edustamisvaltuus)",
            definition: "A mandate to act for the organisation that granted it when that organisation handles someone else's matters: it has received a mandate for transactions from its client (a municipality, say) and passes it on to its employees as a mandate to represent. The organisation's own matters use a mandate for transactions; the wrong type stops the transaction.",
        },
    },
    Term {
        slug: "nimenkirjoitusoikeudellinen",
        fi: Wording {
            term: "Nimenkirjoitusoikeudellinen",
            definition: "Henkilö, jolla on oikeus allekirjoittaa sopimuksia ja sitoumuksia organisaation puolesta, esimerkiksi hyvinvointialueen johtaja. Hänen allekirjoitustaan tarvitaan, kun organisaatio hakee DVV:ltä valtuutusoikeutta tai puuttuvaa valtuutta.",
        },
        sv: Wording {
            term: "Person med firmateckningsrätt (nimenkirjoitusoikeudellinen)",
            definition: "En person som har rätt att underteckna avtal och förbindelser för organisationens räkning, till exempel välfärdsområdesdirektören. Hens underskrift behövs när organisationen ansöker om fullmaktsrätt eller en fullmakt som saknas hos DVV.",
        },
        en: Wording {
            term: "Authorised signatory (nimenkirjoitusoikeudellinen)",
            definition: "A person entitled to sign contracts and commitments for the organisation, for example the wellbeing services county's director. Their signature is needed when the organisation applies to DVV for a right to grant mandates or for a missing mandate.",
        },
    },
    Term {
        slug: SUOMI_FI_VALTUUDET,
        fi: Wording {
            term: "Suomi.fi-valtuudet",
            definition: "DVV:n verkkopalvelu, jossa henkilöt, yritykset ja yhteisöt antavat toisille luvan hoitaa asioitaan. Valtuudet tallentuvat valtuusrekisteriin, josta asiointipalvelut tarkistavat, saako kirjautunut henkilö asioida toisen puolesta.",
        },
        sv: Wording {
            term: "Suomi.fi-fullmakter",
            definition: "DVV:s webbtjänst där personer, företag och samfund ger andra rätt att sköta deras ärenden. Fullmakterna sparas i fullmaktsregistret, där e-tjänsterna kontrollerar om den inloggade får uträtta ärenden för någon annans räkning.",
        },
        en: Wording {
            term: "Suomi.fi e-Authorizations",
            definition: "DVV's online service in which people, companies and organisations authorise others to act for them. Mandates are stored in the mandate register, which e-services check to see whether the logged-in person may act for someone else.",
        },
    },
    Term {
        slug: TILAUSLOMAKE,
        fi: Wording {
            term: "Tilauslomake",
            definition: "Organisaation oma lomake, jolla työntekijä itse tai hänen esihenkilönsä tilaa asiointivaltuuden. Siihen tulevat työntekijän nimi ja henkilötunnus, toimiala, nimike, tarvittava valtuus, perustelu ja tilaajan sähköpostiosoite; valtuuksien hallinnoija tekee varsinaisen muutoksen Suomi.fi-valtuuksissa.",
        },
        sv: Wording {
            term: "Beställningsblankett (tilauslomake)",
            definition: "Organisationens egen blankett där den anställda själv eller hens chef beställer en ärendefullmakt. Den innehåller den anställdas namn och personbeteckning, sektor, befattning, fullmakten som behövs, motiveringen och beställarens e-postadress; fullmaktsadministratören gör själva ändringen i Suomi.fi-fullmakter.",
        },
        en: Wording {
            term: "Order form (tilauslomake)",
            definition: "The organisation's own form on which an employee, or their supervisor, orders a mandate for transactions. It asks for the employee's names and identity code, department, job title, the mandate needed, the justification and the orderer's e-mail; the authorisation administrator makes the change itself in Suomi.fi e-Authorizations.",
        },
    },
    Term {
        slug: TILAUSPOLKU,
        fi: Wording {
            term: "Tilauspolku",
            definition: "Tilaus etenee toista kahdesta polusta. Jos organisaatiolla on valtuus jo, hallinnoija antaa sen työntekijälle (noin 3 päivää). Jos valtuus puuttuu organisaatiolta, se haetaan ensin DVV:ltä (4–6 viikkoa, joskus tapaaminen hallinnoijan kanssa) ja annetaan sitten työntekijälle.",
        },
        sv: Wording {
            term: "Beställningsväg (tilauspolku)",
            definition: "En beställning går den ena av två vägar. Om organisationen redan har fullmakten ger administratören den till den anställda (cirka 3 dagar). Om organisationen saknar den ansöks den först hos DVV (4–6 veckor, ibland med ett möte med administratören) och ges sedan till den anställda.",
        },
        en: Wording {
            term: "Order path (tilauspolku)",
            definition: "An order takes one of two paths. If the organisation already holds the mandate, the administrator assigns it to the employee (about 3 days). If the organisation lacks it, it is first applied for at DVV (4–6 weeks, sometimes with a meeting with the administrator) and then assigned to the employee.",
        },
    },
    Term {
        slug: VALTUUKSIEN_HALLINNOIJA,
        fi: Wording {
            term: "Valtuuksien hallinnoija",
            definition: "Työntekijä, joka vastaa organisaation asiointivaltuuksista: käsittelee tilaukset, antaa ja mitätöi valtuudet Suomi.fi-valtuuksissa valtuutusoikeudellaan, hakee puuttuvat valtuudet DVV:ltä ja pitää valtuuskartat ja valtuusrekisterin ajan tasalla.",
        },
        sv: Wording {
            term: "Fullmaktsadministratör (valtuuksien hallinnoija)",
            definition: "Den anställda som ansvarar för organisationens ärendefullmakter: hen behandlar beställningar, ger och annullerar fullmakter i Suomi.fi-fullmakter med sin fullmaktsrätt, ansöker hos DVV om fullmakter som saknas och håller fullmaktskartorna och registret över fullmakter uppdaterade.",
        },
        en: Wording {
            term: "Authorisation administrator (valtuuksien hallinnoija)",
            definition: "The employee responsible for the organisation's mandates: handles orders, grants and invalidates mandates in Suomi.fi e-Authorizations with their right to grant mandates, applies to DVV for missing ones, and keeps the authorisation maps and the register of holdings up to date.",
        },
    },
    Term {
        slug: VALTUUSASIA,
        fi: Wording {
            term: "Valtuusasia",
            definition: "Asia, jota valtuus koskee, esimerkiksi Kelan \"Etuustietojen katselu ja maksuvaatimusten rekisteröinti\". Kukin asiointipalvelu kertoo, mitä valtuusasioita sen käyttö vaatii; Suomi.fi:n valtuusasiasivulla jokaisella on kuvaus ja oma tunnus, jonka asiointipalvelu tarkistaa.",
        },
        sv: Wording {
            term: "Fullmaktsärende (valtuusasia)",
            definition: "Det ärende som fullmakten gäller, till exempel att se klienters förmånsuppgifter och registrera betalningskrav hos FPA. Varje e-tjänst anger vilka fullmaktsärenden den kräver; på Suomi.fi har varje fullmaktsärende en beskrivning och en egen kod som e-tjänsten kontrollerar.",
        },
        en: Wording {
            term: "Mandate theme (valtuusasia)",
            definition: "The matter a mandate covers, for example viewing benefit information and registering payment claims at Kela. Each e-service states which mandate themes it needs; on Suomi.fi every mandate theme has a description and its own code, which the e-service checks.",
        },
    },
    Term {
        slug: VALTUUSKARTTA,
        fi: Wording {
            term: "Valtuuskartta",
            definition: "Organisaation oma luettelo siitä, mitä asiointivaltuuksia kunkin toimialan tai nimikkeen työ vaatii. Siitä työntekijä ja esihenkilö näkevät, mitä tilata ja onko valtuus organisaatiolla jo.",
        },
        sv: Wording {
            term: "Fullmaktskarta (valtuuskartta)",
            definition: "Organisationens egen förteckning över vilka ärendefullmakter arbetet inom varje sektor eller befattning kräver. Där ser den anställda och chefen vad som ska beställas och om organisationen redan har fullmakten.",
        },
        en: Wording {
            term: "Authorisation map (valtuuskartta)",
            definition: "The organisation's own list of the mandates the work of each department or job title needs. From it an employee and their supervisor see what to order, and whether the organisation already holds it.",
        },
    },
    Term {
        slug: VALTUUTETTU,
        fi: Wording {
            term: "Valtuutettu",
            definition: "Se, joka saa valtuuden ja asioi toisen puolesta. Tässä yleensä työntekijä, jonka työhön kuuluu asiointi organisaation puolesta, esimerkiksi palkanlaskija, joka hakee Kelasta sairauspäivärahaa työnantajalle.",
        },
        sv: Wording {
            term: "Fullmaktstagare (valtuutettu)",
            definition: "Den som får fullmakten och sköter ärenden för någon annans räkning. Här oftast en anställd vars arbete omfattar ärenden för organisationens räkning, till exempel en löneräknare som ansöker om sjukdagpenning hos FPA för arbetsgivaren.",
        },
        en: Wording {
            term: "Assignee (valtuutettu)",
            definition: "The party that receives a mandate and acts on someone else's behalf. Here usually an employee whose work includes acting for the organisation, for example a payroll officer claiming sickness allowance from Kela for the employer.",
        },
    },
    Term {
        slug: VALTUUTTAJA,
        fi: Wording {
            term: "Valtuuttaja",
            definition: "Se, joka antaa valtuuden ja jonka puolesta asioidaan. Tässä organisaatio itse (hyvinvointialue tai kunta), jonka nimissä työntekijät asioivat muiden virastojen palveluissa.",
        },
        sv: Wording {
            term: "Fullmaktsgivare (valtuuttaja)",
            definition: "Den som ger fullmakten och för vars räkning ärenden sköts. Här organisationen själv (välfärdsområdet eller kommunen), i vars namn de anställda sköter ärenden i andra myndigheters tjänster.",
        },
        en: Wording {
            term: "Assignor (valtuuttaja)",
            definition: "The party that grants a mandate and on whose behalf others act. Here the organisation itself (the wellbeing services county or the municipality), in whose name employees act in other agencies' services.",
        },
    },
    Term {
        slug: VALTUUTUSOIKEUS,
        fi: Wording {
            term: "Valtuutusoikeus",
            definition: "Oikeus antaa ja mitätöidä organisaation asiointivaltuuksia Suomi.fi-valtuuksissa; sen saanut on valtuutusoikeudellinen. Kunta tai hyvinvointialue hakee sen DVV:ltä. Oikeus ei yksin anna lupaa asioida: jos sen saanut tarvitsee asioida itse, hänen on annettava asiointivaltuus myös itselleen.",
        },
        sv: Wording {
            term: "Fullmaktsrätt (valtuutusoikeus)",
            definition: "Rätten att ge och annullera organisationens ärendefullmakter i Suomi.fi-fullmakter. En kommun eller ett välfärdsområde ansöker om den hos DVV. Rätten ger inte i sig rätt att sköta ärenden: den som själv behöver det måste ge också sig själv en ärendefullmakt.",
        },
        en: Wording {
            term: "Right to grant mandates (valtuutusoikeus)",
            definition: "The right to grant and invalidate the organisation's mandates for transactions in Suomi.fi e-Authorizations. A municipality or wellbeing services county applies to DVV for it. It does not by itself let the holder act: one who needs to must also give themself a mandate for transactions.",
        },
    },
    Term {
        slug: "virkailijavaltuuttaminen",
        fi: Wording {
            term: "Virkailijavaltuuttaminen",
            definition: "DVV:n palvelu niille, jotka eivät voi valtuuttaa itse Suomi.fi-valtuuksissa, kuten kunnille ja hyvinvointialueille, joiden edustajat eivät ole julkisissa rekistereissä. Organisaatio lähettää valtuushakemuksen ja DVV:n virkailija rekisteröi valtuuden, yleensä valtuutusoikeuden; sen jälkeen organisaatio hallinnoi valtuuksiaan itse.",
        },
        sv: Wording {
            term: "Tjänstemannabefullmäktigande (virkailijavaltuuttaminen)",
            definition: "DVV:s tjänst för dem som inte själva kan ge fullmakter i Suomi.fi-fullmakter, såsom kommuner och välfärdsområden, vars företrädare inte finns i offentliga register. Organisationen skickar en fullmaktsansökan och en tjänsteman vid DVV registrerar fullmakten, oftast en fullmaktsrätt; därefter sköter organisationen sina fullmakter själv.",
        },
        en: Wording {
            term: "Mandate service provided by officials (virkailijavaltuuttaminen)",
            definition: "DVV's service for parties that cannot grant mandates themselves in Suomi.fi e-Authorizations, such as municipalities and wellbeing services counties, whose representatives are not in public registers. The organisation sends a mandate application and a DVV official registers the mandate, usually a right to grant mandates; after that the organisation manages its mandates itself.",
        },
    },
];

/// The term with anchor `slug`.
pub fn term(slug: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_is_an_anchor_once_and_every_linked_slug_exists() {
        for (i, t) in TERMS.iter().enumerate() {
            assert!(
                t.slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                t.slug
            );
            assert!(
                TERMS[..i].iter().all(|o| o.slug != t.slug),
                "{} twice",
                t.slug
            );
            for lang in Lang::ALL {
                let w = t.wording(lang);
                assert!(
                    !w.term.is_empty() && !w.definition.is_empty(),
                    "{} {lang:?}",
                    t.slug
                );
            }
        }
        for slug in [
            TILAUSPOLKU,
            SUOMI_FI_VALTUUDET,
            ASIOINTIVALTUUS,
            EDUSTAMISVALTUUS,
            VALTUUTUSOIKEUS,
            VALTUUSKARTTA,
            VALTUUTETTU,
            VALTUUTTAJA,
            VALTUUSASIA,
            VALTUUKSIEN_HALLINNOIJA,
            TILAUSLOMAKE,
        ] {
            assert_eq!(term(slug).map(|t| t.slug), Some(slug));
        }
    }
}
