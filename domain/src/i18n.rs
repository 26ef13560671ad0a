//! The one catalogue of user-interface text, in Finnish (the default), Swedish and English.
//!
//! [`t`] is one exhaustive `match` over `(Text, Lang)`: a text added without all three
//! translations does not compile. Texts that carry a number, a price or a date are
//! functions here too, so that word order and plural forms stay with the language.
//!
//! Terminology, used the same way everywhere: *palveluseteli* / *servicesedel* /
//! *service voucher*; *palveluntuottaja* / *serviceproducent* / *service provider*;
//! *omavastuuosuus* / *självriskandel* / *own share* (the part of the price the voucher
//! does not cover).

use crate::catalogue::Unit;
use crate::lang::Lang;
use crate::money::Cents;

/// Declares [`Text`] and [`Text::ALL`] from one list, so that `ALL` cannot miss a text.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A piece of interface text. Its translations are in [`t`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[$doc])* $name,)*
        }

        impl Text {
            /// Every text, for tests that check the whole catalogue.
            pub const ALL: &'static [Text] = &[$(Text::$name,)*];
        }
    };
}

texts! {
    // The page frame.
    SiteName,
    SiteTagline,
    SkipToContent,
    MainNavLabel,
    LanguageNavLabel,
    NavComparison,
    FooterText,
    // Logging in and out.
    LogIn,
    LogOut,
    LoggedInAs,
    AccountNavLabel,
    LoginCancelled,
    LoginFailed,
    LoginUnavailable,
    Dismiss,
    Loading,
    ErrorTitle,
    Retry,
    // The comparison.
    ComparisonTitle,
    ComparisonLead,
    SearchFormLabel,
    MunicipalityLabel,
    ChooseMunicipality,
    ServiceLabel,
    ChooseService,
    VoucherLabel,
    VoucherHint,
    SortLabel,
    SortPrice,
    SortOwnShare,
    SortName,
    ShowPrices,
    IntroHeading,
    IntroStep1,
    IntroStep2,
    IntroStep3,
    ResultsHeading,
    EmptyTitle,
    EmptyHint,
    PageOutOfRange,
    FirstPage,
    Price,
    OwnShare,
    ServiceLanguages,
    Location,
    PagerLabel,
    PreviousPage,
    NextPage,
    ChartTitle,
    ChartCovered,
    ChartPrice,
    ChartNoVoucherHint,
    // A producer's profile.
    ProducerFallbackTitle,
    BusinessId,
    ContactHeading,
    Address,
    Phone,
    Email,
    Website,
    ServicesHeading,
    ServicesCaption,
    ColumnService,
    ColumnMunicipality,
    ColumnPrice,
    ColumnValidFrom,
    NoServices,
    BackToComparison,
    ProducerNotFoundTitle,
    // Unknown addresses.
    NotFoundTitle,
    NotFoundText,
    GoToComparison,
}

/// `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    use Lang::*;
    use Text::*;
    match (text, lang) {
        (SiteName, _) => "Seteli",
        (SiteTagline, Fi) => "Palvelusetelin palveluntuottajat ja hinnat",
        (SiteTagline, Sv) => "Serviceproducenter och priser för servicesedeln",
        (SiteTagline, En) => "Service voucher providers and prices",
        (LogIn, Fi) => "Kirjaudu sisään",
        (LogIn, Sv) => "Logga in",
        (LogIn, En) => "Log in",
        (LogOut, Fi) => "Kirjaudu ulos",
        (LogOut, Sv) => "Logga ut",
        (LogOut, En) => "Log out",
        (LoggedInAs, Fi) => "Kirjautuneena",
        (LoggedInAs, Sv) => "Inloggad som",
        (LoggedInAs, En) => "Logged in as",
        (AccountNavLabel, Fi) => "Käyttäjä",
        (AccountNavLabel, Sv) => "Användare",
        (AccountNavLabel, En) => "Account",
        (LoginCancelled, Fi) => "Tunnistautuminen keskeytettiin. Et ole kirjautunut sisään.",
        (LoginCancelled, Sv) => "Identifieringen avbröts. Du är inte inloggad.",
        (LoginCancelled, En) => "Identification was cancelled. You are not logged in.",
        (LoginFailed, Fi) => "Kirjautuminen ei onnistunut. Yritä uudelleen kirjautumalla sisään.",
        (LoginFailed, Sv) => "Inloggningen lyckades inte. Försök igen genom att logga in.",
        (LoginFailed, En) => "Logging in did not succeed. Please try logging in again.",
        (LoginUnavailable, Fi) => "Tunnistuspalveluun ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen.",
        (LoginUnavailable, Sv) => "Identifieringstjänsten kan inte nås just nu. Försök igen om en stund.",
        (LoginUnavailable, En) => "The identification service cannot be reached right now. Please try again shortly.",
        (Dismiss, Fi) => "Sulje ilmoitus",
        (Dismiss, Sv) => "Stäng meddelandet",
        (Dismiss, En) => "Close the notice",
        (SkipToContent, Fi) => "Siirry pääsisältöön",
        (SkipToContent, Sv) => "Gå till huvudinnehållet",
        (SkipToContent, En) => "Skip to main content",
        (MainNavLabel, Fi) => "Päävalikko",
        (MainNavLabel, Sv) => "Huvudmeny",
        (MainNavLabel, En) => "Main menu",
        (LanguageNavLabel, Fi) => "Kielivalinta",
        (LanguageNavLabel, Sv) => "Språkval",
        (LanguageNavLabel, En) => "Language",
        (NavComparison, Fi) => "Vertaile palveluntuottajia",
        (NavComparison, Sv) => "Jämför serviceproducenter",
        (NavComparison, En) => "Compare service providers",
        (FooterText, Fi) => "Seteli näyttää kuntien hyväksymät palvelusetelin palveluntuottajat ja niiden ilmoittamat hinnat.",
        (FooterText, Sv) => "Seteli visar de serviceproducenter som kommunerna har godkänt för servicesedeln och de priser som producenterna har meddelat.",
        (FooterText, En) => "Seteli shows the service voucher providers approved by municipalities and the prices the providers have reported.",
        (Loading, Fi) => "Ladataan…",
        (Loading, Sv) => "Laddar…",
        (Loading, En) => "Loading…",
        (ErrorTitle, Fi) => "Tietoja ei saatu haettua",
        (ErrorTitle, Sv) => "Uppgifterna kunde inte hämtas",
        (ErrorTitle, En) => "The information could not be loaded",
        (Retry, Fi) => "Yritä uudelleen",
        (Retry, Sv) => "Försök igen",
        (Retry, En) => "Try again",

        (ComparisonTitle, Fi) => "Vertaile palveluntuottajia",
        (ComparisonTitle, Sv) => "Jämför serviceproducenter",
        (ComparisonTitle, En) => "Compare service providers",
        (ComparisonLead, Fi) => "Palvelusetelillä voit ostaa palvelun kunnan hyväksymältä palveluntuottajalta. Valitse kunta ja palvelu, niin näet palveluntuottajat ja niiden hinnat. Kun annat palvelusetelin arvon, näet myös omavastuuosuutesi.",
        (ComparisonLead, Sv) => "Med servicesedeln kan du köpa tjänsten av en serviceproducent som kommunen har godkänt. Välj kommun och tjänst så ser du serviceproducenterna och deras priser. Om du anger servicesedelns värde ser du också din självriskandel.",
        (ComparisonLead, En) => "With a service voucher you can buy the service from a provider approved by the municipality. Choose a municipality and a service to see the providers and their prices. If you enter the value of your voucher, you will also see your own share.",
        (SearchFormLabel, Fi) => "Hakuehdot",
        (SearchFormLabel, Sv) => "Sökvillkor",
        (SearchFormLabel, En) => "Search criteria",
        (MunicipalityLabel, Fi) => "Kunta",
        (MunicipalityLabel, Sv) => "Kommun",
        (MunicipalityLabel, En) => "Municipality",
        (ChooseMunicipality, Fi) => "Valitse kunta",
        (ChooseMunicipality, Sv) => "Välj kommun",
        (ChooseMunicipality, En) => "Choose a municipality",
        (ServiceLabel, Fi) => "Palvelu",
        (ServiceLabel, Sv) => "Tjänst",
        (ServiceLabel, En) => "Service",
        (ChooseService, Fi) => "Valitse palvelu",
        (ChooseService, Sv) => "Välj tjänst",
        (ChooseService, En) => "Choose a service",
        (VoucherLabel, Fi) => "Palvelusetelin arvo euroina",
        (VoucherLabel, Sv) => "Servicesedelns värde i euro",
        (VoucherLabel, En) => "Service voucher value in euros",
        (VoucherHint, Fi) => "Vapaaehtoinen. Setelin arvo yksikköä, esimerkiksi tuntia tai käyntiä, kohden. Arvo on kunnan päätöksessä.",
        (VoucherHint, Sv) => "Frivilligt. Sedelns värde per enhet, till exempel per timme eller besök. Värdet står i kommunens beslut.",
        (VoucherHint, En) => "Optional. The voucher value per unit, for example per hour or visit, as stated in the municipality's decision.",
        (SortLabel, Fi) => "Järjestys",
        (SortLabel, Sv) => "Sortering",
        (SortLabel, En) => "Sort by",
        (SortPrice, Fi) => "Hinta, edullisin ensin",
        (SortPrice, Sv) => "Pris, lägsta först",
        (SortPrice, En) => "Price, lowest first",
        (SortOwnShare, Fi) => "Omavastuuosuus, pienin ensin",
        (SortOwnShare, Sv) => "Självriskandel, lägsta först",
        (SortOwnShare, En) => "Own share, lowest first",
        (SortName, Fi) => "Nimi, aakkosjärjestyksessä",
        (SortName, Sv) => "Namn, i alfabetisk ordning",
        (SortName, En) => "Name, alphabetical",
        (ShowPrices, Fi) => "Näytä hinnat",
        (ShowPrices, Sv) => "Visa priser",
        (ShowPrices, En) => "Show prices",
        (IntroHeading, Fi) => "Näin vertailet",
        (IntroHeading, Sv) => "Så här jämför du",
        (IntroHeading, En) => "How to compare",
        (IntroStep1, Fi) => "Valitse kunta, joka on myöntänyt sinulle palvelusetelin.",
        (IntroStep1, Sv) => "Välj den kommun som har beviljat dig servicesedeln.",
        (IntroStep1, En) => "Choose the municipality that granted you the service voucher.",
        (IntroStep2, Fi) => "Valitse palvelu, johon seteli on myönnetty.",
        (IntroStep2, Sv) => "Välj den tjänst som sedeln gäller.",
        (IntroStep2, En) => "Choose the service the voucher is for.",
        (IntroStep3, Fi) => "Anna halutessasi setelin arvo. Näet silloin, paljonko maksat itse kunkin palveluntuottajan hinnasta.",
        (IntroStep3, Sv) => "Ange gärna sedelns värde. Då ser du hur mycket du själv betalar av varje serviceproducents pris.",
        (IntroStep3, En) => "If you like, enter the voucher value. You will then see how much of each provider's price you pay yourself.",
        (ResultsHeading, Fi) => "Palveluntuottajat",
        (ResultsHeading, Sv) => "Serviceproducenter",
        (ResultsHeading, En) => "Service providers",
        (EmptyTitle, Fi) => "Kunnassa ei ole tätä palvelua tarjoavia hyväksyttyjä palveluntuottajia.",
        (EmptyTitle, Sv) => "Det finns inga godkända serviceproducenter som erbjuder den här tjänsten i kommunen.",
        (EmptyTitle, En) => "No approved service providers offer this service in this municipality.",
        (EmptyHint, Fi) => "Valitse toinen palvelu tai kunta, tai kysy lisätietoja kuntasi palveluohjauksesta.",
        (EmptyHint, Sv) => "Välj en annan tjänst eller kommun, eller fråga kommunens servicehandledning.",
        (EmptyHint, En) => "Choose another service or municipality, or ask your municipality's client guidance.",
        (PageOutOfRange, Fi) => "Tällä sivulla ei ole tuloksia.",
        (PageOutOfRange, Sv) => "Det finns inga resultat på den här sidan.",
        (PageOutOfRange, En) => "There are no results on this page.",
        (FirstPage, Fi) => "Siirry ensimmäiselle sivulle",
        (FirstPage, Sv) => "Gå till första sidan",
        (FirstPage, En) => "Go to the first page",
        (Price, Fi) => "Hinta",
        (Price, Sv) => "Pris",
        (Price, En) => "Price",
        (OwnShare, Fi) => "Omavastuuosuus",
        (OwnShare, Sv) => "Självriskandel",
        (OwnShare, En) => "Own share",
        (ServiceLanguages, Fi) => "Palvelukielet",
        (ServiceLanguages, Sv) => "Servicespråk",
        (ServiceLanguages, En) => "Languages",
        (Location, Fi) => "Toimipaikka",
        (Location, Sv) => "Verksamhetsort",
        (Location, En) => "Location",
        (PagerLabel, Fi) => "Tulossivut",
        (PagerLabel, Sv) => "Resultatsidor",
        (PagerLabel, En) => "Result pages",
        (PreviousPage, Fi) => "Edellinen sivu",
        (PreviousPage, Sv) => "Föregående sida",
        (PreviousPage, En) => "Previous page",
        (NextPage, Fi) => "Seuraava sivu",
        (NextPage, Sv) => "Nästa sida",
        (NextPage, En) => "Next page",
        (ChartTitle, Fi) => "Hintavertailu",
        (ChartTitle, Sv) => "Prisjämförelse",
        (ChartTitle, En) => "Price comparison",
        (ChartCovered, Fi) => "Palveluseteli kattaa",
        (ChartCovered, Sv) => "Servicesedeln täcker",
        (ChartCovered, En) => "Covered by the voucher",
        (ChartPrice, Fi) => "Hinta yksikköä kohden",
        (ChartPrice, Sv) => "Pris per enhet",
        (ChartPrice, En) => "Price per unit",
        (ChartNoVoucherHint, Fi) => "Anna palvelusetelin arvo, niin kaaviossa näkyy myös omavastuuosuus.",
        (ChartNoVoucherHint, Sv) => "Ange servicesedelns värde så visar diagrammet också självriskandelen.",
        (ChartNoVoucherHint, En) => "Enter the voucher value to see the own share in the chart as well.",

        (ProducerFallbackTitle, Fi) => "Palveluntuottaja",
        (ProducerFallbackTitle, Sv) => "Serviceproducent",
        (ProducerFallbackTitle, En) => "Service provider",
        (BusinessId, Fi) => "Y-tunnus",
        (BusinessId, Sv) => "FO-nummer",
        (BusinessId, En) => "Business ID",
        (ContactHeading, Fi) => "Yhteystiedot",
        (ContactHeading, Sv) => "Kontaktuppgifter",
        (ContactHeading, En) => "Contact details",
        (Address, Fi) => "Osoite",
        (Address, Sv) => "Adress",
        (Address, En) => "Address",
        (Phone, Fi) => "Puhelin",
        (Phone, Sv) => "Telefon",
        (Phone, En) => "Phone",
        (Email, Fi) => "Sähköposti",
        (Email, Sv) => "E-post",
        (Email, En) => "Email",
        (Website, Fi) => "Verkkosivut",
        (Website, Sv) => "Webbplats",
        (Website, En) => "Website",
        (ServicesHeading, Fi) => "Palvelut ja hinnat",
        (ServicesHeading, Sv) => "Tjänster och priser",
        (ServicesHeading, En) => "Services and prices",
        (ServicesCaption, Fi) => "Hyväksytyt palvelut kunnittain ja voimassa olevat hinnat",
        (ServicesCaption, Sv) => "Godkända tjänster per kommun och gällande priser",
        (ServicesCaption, En) => "Approved services by municipality, with current prices",
        (ColumnService, Fi) => "Palvelu",
        (ColumnService, Sv) => "Tjänst",
        (ColumnService, En) => "Service",
        (ColumnMunicipality, Fi) => "Kunta",
        (ColumnMunicipality, Sv) => "Kommun",
        (ColumnMunicipality, En) => "Municipality",
        (ColumnPrice, Fi) => "Hinta",
        (ColumnPrice, Sv) => "Pris",
        (ColumnPrice, En) => "Price",
        (ColumnValidFrom, Fi) => "Voimassa alkaen",
        (ColumnValidFrom, Sv) => "Gäller från",
        (ColumnValidFrom, En) => "Valid from",
        (NoServices, Fi) => "Palveluntuottajalla ei tällä hetkellä ole hyväksyttyjä palveluja.",
        (NoServices, Sv) => "Serviceproducenten har för närvarande inga godkända tjänster.",
        (NoServices, En) => "The provider currently has no approved services.",
        (BackToComparison, Fi) => "Takaisin vertailuun",
        (BackToComparison, Sv) => "Tillbaka till jämförelsen",
        (BackToComparison, En) => "Back to the comparison",
        (ProducerNotFoundTitle, Fi) => "Palveluntuottajaa ei löytynyt",
        (ProducerNotFoundTitle, Sv) => "Serviceproducenten hittades inte",
        (ProducerNotFoundTitle, En) => "Service provider not found",

        (NotFoundTitle, Fi) => "Sivua ei löytynyt",
        (NotFoundTitle, Sv) => "Sidan hittades inte",
        (NotFoundTitle, En) => "Page not found",
        (NotFoundText, Fi) => "Tässä osoitteessa ei ole sivua. Sivu on voinut siirtyä tai poistua.",
        (NotFoundText, Sv) => "Det finns ingen sida på den här adressen. Sidan kan ha flyttats eller tagits bort.",
        (NotFoundText, En) => "There is no page at this address. It may have moved or been removed.",
        (GoToComparison, Fi) => "Siirry vertailemaan palveluntuottajia",
        (GoToComparison, Sv) => "Gå till jämförelsen av serviceproducenter",
        (GoToComparison, En) => "Go to the service provider comparison",
    }
}

/// The name of a unit: `tunti`, `timme`, `hour`.
pub fn unit_name(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "tunti",
        (Unit::Hour, Lang::Sv) => "timme",
        (Unit::Hour, Lang::En) => "hour",
        (Unit::Visit, Lang::Fi) => "käynti",
        (Unit::Visit, Lang::Sv) => "besök",
        (Unit::Visit, Lang::En) => "visit",
        (Unit::Day, Lang::Fi) => "päivä",
        (Unit::Day, Lang::Sv) => "dag",
        (Unit::Day, Lang::En) => "day",
    }
}

/// "Per unit" as it follows an amount: `/ tunti`, `/ timme`, `/ hour`.
pub fn per_unit(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "/ tunti",
        (Unit::Hour, Lang::Sv) => "/ timme",
        (Unit::Hour, Lang::En) => "/ hour",
        (Unit::Visit, Lang::Fi) => "/ käynti",
        (Unit::Visit, Lang::Sv) => "/ besök",
        (Unit::Visit, Lang::En) => "/ visit",
        (Unit::Day, Lang::Fi) => "/ päivä",
        (Unit::Day, Lang::Sv) => "/ dag",
        (Unit::Day, Lang::En) => "/ day",
    }
}

/// An amount per unit: `32,00 € / tunti`, `€32.00 / hour`.
pub fn price_per_unit(lang: Lang, amount: Cents, unit: Unit) -> String {
    format!("{} {}", amount.format(lang), per_unit(lang, unit))
}

/// How many producers the comparison found: `1 palveluntuottaja`, `12 palveluntuottajaa`.
pub fn producer_count(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::Fi, 1) => "1 palveluntuottaja".to_owned(),
        (Lang::Fi, n) => format!("{n} palveluntuottajaa"),
        (Lang::Sv, 1) => "1 serviceproducent".to_owned(),
        (Lang::Sv, n) => format!("{n} serviceproducenter"),
        (Lang::En, 1) => "1 service provider".to_owned(),
        (Lang::En, n) => format!("{n} service providers"),
    }
}

/// Where the pager is: `Sivu 2 / 5`, `Sida 2 av 5`, `Page 2 of 5`.
pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Fi => format!("Sivu {page} / {pages}"),
        Lang::Sv => format!("Sida {page} av {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// A line for the browser tab: `Sivun nimi – Seteli`.
pub fn document_title(lang: Lang, page: &str) -> String {
    format!("{page} – {}", t(lang, Text::SiteName))
}

/// A text equivalent of one bar of the price chart. With a voucher value it tells how the
/// price splits into the part the voucher covers and the own share; without, the price.
pub fn chart_row_description(
    lang: Lang,
    producer: &str,
    price: Cents,
    unit: Unit,
    split: Option<(Cents, Cents)>,
) -> String {
    let price = price_per_unit(lang, price, unit);
    match (split, lang) {
        (None, Lang::Fi) => format!("{producer}: hinta {price}."),
        (None, Lang::Sv) => format!("{producer}: pris {price}."),
        (None, Lang::En) => format!("{producer}: price {price}."),
        (Some((covered, own)), Lang::Fi) => format!(
            "{producer}: hinta {price}, josta palveluseteli kattaa {} ja omavastuuosuus on {}.",
            covered.format(lang),
            own.format(lang)
        ),
        (Some((covered, own)), Lang::Sv) => format!(
            "{producer}: pris {price}, varav servicesedeln täcker {} och självriskandelen är {}.",
            covered.format(lang),
            own.format(lang)
        ),
        (Some((covered, own)), Lang::En) => format!(
            "{producer}: price {price}, of which the voucher covers {} and the own share is {}.",
            covered.format(lang),
            own.format(lang)
        ),
    }
}

/// The name, in `lang`, of the language with ISO 639-1 code `code`; `None` when the
/// catalogue does not know it (the caller then shows the code).
pub fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    let names: [&str; 3] = match code {
        "fi" => ["suomi", "finska", "Finnish"],
        "sv" => ["ruotsi", "svenska", "Swedish"],
        "en" => ["englanti", "engelska", "English"],
        "se" => ["pohjoissaame", "nordsamiska", "Northern Sami"],
        "ru" => ["venäjä", "ryska", "Russian"],
        "et" => ["viro", "estniska", "Estonian"],
        "uk" => ["ukraina", "ukrainska", "Ukrainian"],
        "ar" => ["arabia", "arabiska", "Arabic"],
        "so" => ["somali", "somaliska", "Somali"],
        "fa" => ["persia", "persiska", "Persian"],
        "de" => ["saksa", "tyska", "German"],
        "fr" => ["ranska", "franska", "French"],
        "es" => ["espanja", "spanska", "Spanish"],
        _ => return None,
    };
    Some(match lang {
        Lang::Fi => names[0],
        Lang::Sv => names[1],
        Lang::En => names[2],
    })
}

/// Language codes as a comma-separated list of names in `lang` (unknown codes in capitals).
pub fn language_list(lang: Lang, codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| language_name(lang, code).map_or_else(|| code.to_uppercase(), str::to_owned))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An ISO date (`2025-03-01`) as people read it: `1.3.2025` in Finnish and Swedish,
/// `1 March 2025` in English. Anything that is not a valid date is shown as it is.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let Ok(date) = time::Date::parse(iso, &format) else {
        return iso.to_owned();
    };
    let (day, month, year) = (date.day(), u8::from(date.month()), date.year());
    match lang {
        Lang::Fi | Lang::Sv => format!("{day}.{month}.{year}"),
        Lang::En => format!("{day} {} {year}", date.month()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated_in_every_language() {
        for &text in Text::ALL {
            for lang in Lang::ALL {
                let s = t(lang, text);
                assert!(!s.is_empty(), "{text:?} {lang:?}");
                assert_eq!(s, s.trim(), "{text:?} {lang:?} has stray whitespace");
            }
        }
    }

    #[test]
    fn the_catalogue_lists_every_text_once() {
        let mut seen = std::collections::HashSet::new();
        for &text in Text::ALL {
            assert!(seen.insert(text), "{text:?} twice");
        }
    }

    #[test]
    fn finnish_and_swedish_are_not_copies_of_each_other() {
        for &text in Text::ALL {
            if text == Text::SiteName {
                continue;
            }
            assert_ne!(t(Lang::Fi, text), t(Lang::Sv, text), "{text:?}");
        }
    }

    #[test]
    fn swedish_always_calls_the_own_share_sjalvriskandel() {
        for &text in Text::ALL {
            let sv = t(Lang::Sv, text).to_lowercase();
            if sv.contains("självrisk") {
                assert!(sv.contains("självriskandel"), "{text:?}: {sv}");
            }
            assert!(!sv.contains("egen andel"), "{text:?}: {sv}");
        }
        let d = chart_row_description(
            Lang::Sv,
            "A",
            Cents::new(3000).unwrap(),
            Unit::Hour,
            Some((Cents::new(2500).unwrap(), Cents::new(500).unwrap())),
        );
        assert!(d.contains("självriskandelen"));
    }

    #[test]
    fn prices_are_per_unit_in_each_language() {
        let c = Cents::new(700).unwrap();
        assert_eq!(
            price_per_unit(Lang::Fi, c, Unit::Hour),
            "7,00\u{a0}€ / tunti"
        );
        assert_eq!(
            price_per_unit(Lang::Sv, c, Unit::Visit),
            "7,00\u{a0}€ / besök"
        );
        assert_eq!(price_per_unit(Lang::En, c, Unit::Day), "€7.00 / day");
        for lang in Lang::ALL {
            for unit in [Unit::Hour, Unit::Visit, Unit::Day] {
                assert!(per_unit(lang, unit).ends_with(unit_name(lang, unit)));
            }
        }
    }

    #[test]
    fn producer_counts_use_the_plural_except_for_one() {
        assert_eq!(producer_count(Lang::Fi, 12), "12 palveluntuottajaa");
        assert_eq!(producer_count(Lang::Fi, 1), "1 palveluntuottaja");
        assert_eq!(producer_count(Lang::Fi, 0), "0 palveluntuottajaa");
        assert_eq!(producer_count(Lang::Sv, 2), "2 serviceproducenter");
        assert_eq!(producer_count(Lang::Sv, 1), "1 serviceproducent");
        assert_eq!(producer_count(Lang::En, 1), "1 service provider");
        assert_eq!(producer_count(Lang::En, 3), "3 service providers");
    }

    #[test]
    fn pages_read_naturally() {
        assert_eq!(page_of(Lang::Fi, 2, 5), "Sivu 2 / 5");
        assert_eq!(page_of(Lang::Sv, 2, 5), "Sida 2 av 5");
        assert_eq!(page_of(Lang::En, 2, 5), "Page 2 of 5");
    }

    #[test]
    fn dates_are_shown_as_people_write_them() {
        assert_eq!(format_date(Lang::Fi, "2025-03-01"), "1.3.2025");
        assert_eq!(format_date(Lang::Sv, "2025-12-24"), "24.12.2025");
        assert_eq!(format_date(Lang::En, "2025-03-01"), "1 March 2025");
        assert_eq!(format_date(Lang::Fi, "not a date"), "not a date");
        assert_eq!(format_date(Lang::Fi, "2025-02-30"), "2025-02-30");
    }

    #[test]
    fn language_names_are_in_the_interface_language() {
        assert_eq!(language_name(Lang::Fi, "sv"), Some("ruotsi"));
        assert_eq!(language_name(Lang::Sv, "fi"), Some("finska"));
        assert_eq!(language_name(Lang::En, "se"), Some("Northern Sami"));
        assert_eq!(language_name(Lang::Fi, "xx"), None);
    }

    #[test]
    fn chart_descriptions_tell_the_split_in_words() {
        let price = Cents::new(3200).unwrap();
        let split = Some((Cents::new(2500).unwrap(), Cents::new(700).unwrap()));
        assert_eq!(
            chart_row_description(Lang::Fi, "Hoiva Oy", price, Unit::Hour, split),
            "Hoiva Oy: hinta 32,00\u{a0}€ / tunti, josta palveluseteli kattaa 25,00\u{a0}€ ja omavastuuosuus on 7,00\u{a0}€."
        );
        assert_eq!(
            chart_row_description(Lang::En, "Care Ltd", price, Unit::Visit, None),
            "Care Ltd: price €32.00 / visit."
        );
    }

    #[test]
    fn titles_name_the_page_and_the_service() {
        assert_eq!(
            document_title(Lang::Sv, t(Lang::Sv, Text::ComparisonTitle)),
            "Jämför serviceproducenter – Seteli"
        );
    }
}
