//! Texts that carry a number, a price, a date or a name: functions, so that word order and
//! plural forms stay with the language.

use super::{t, Text};
use crate::api::MessageKind;
use crate::catalogue::Unit;
use crate::lang::Lang;
use crate::money::Cents;
use time::{Date, OffsetDateTime};

/// A count of hundredths of a unit as a decimal number without trailing zeros: `1,5` in
/// Finnish and Swedish, `1.5` in English; whole numbers without decimals (`2`).
pub fn decimal_units(lang: Lang, units_x100: i64) -> String {
    let sign = if units_x100 < 0 { "-" } else { "" };
    let abs = units_x100.unsigned_abs();
    let (whole, hundredths) = (abs / 100, abs % 100);
    let separator = if lang == Lang::En { '.' } else { ',' };
    if hundredths == 0 {
        format!("{sign}{whole}")
    } else if hundredths % 10 == 0 {
        format!("{sign}{whole}{separator}{}", hundredths / 10)
    } else {
        format!("{sign}{whole}{separator}{hundredths:02}")
    }
}

/// A satisfaction figure: `4,2 / 5 (6 vastausta)`, `4,2 / 5 (6 svar)`, `4.2 / 5 (6 answers)`.
pub fn satisfaction_text(lang: Lang, s: crate::voucher::Satisfaction) -> String {
    let separator = if lang == Lang::En { '.' } else { ',' };
    let (whole, tenth) = (s.average_x10 / 10, s.average_x10 % 10);
    let answers = match (lang, s.answers) {
        (Lang::Fi, 1) => "vastaus",
        (Lang::Fi, _) => "vastausta",
        (Lang::Sv, _) => "svar",
        (Lang::En, 1) => "answer",
        (Lang::En, _) => "answers",
    };
    format!(
        "{whole}{separator}{tenth}\u{a0}/\u{a0}5 ({} {answers})",
        s.answers
    )
}

/// An amount of a unit, with the unit in the right number: `1 tunti`, `1,5 tuntia`,
/// `2 timmar`, `1.5 hours`. Only exactly one takes the singular, as in all three languages.
pub fn unit_quantity(lang: Lang, units_x100: i64, unit: Unit) -> String {
    let number = decimal_units(lang, units_x100);
    let word = if units_x100 == 100 {
        unit_name(lang, unit)
    } else {
        match (unit, lang) {
            (Unit::Hour, Lang::Fi) => "tuntia",
            (Unit::Hour, Lang::Sv) => "timmar",
            (Unit::Hour, Lang::En) => "hours",
            (Unit::Visit, Lang::Fi) => "käyntiä",
            (Unit::Visit, Lang::Sv) => "besök",
            (Unit::Visit, Lang::En) => "visits",
            (Unit::Day, Lang::Fi) => "päivää",
            (Unit::Day, Lang::Sv) => "dagar",
            (Unit::Day, Lang::En) => "days",
        }
    };
    // U+00A0 keeps the number and its unit on one line.
    format!("{number}\u{a0}{word}")
}

/// A validity period: `1.1.2026–31.12.2026`, `1 January 2026 – 31 December 2026`.
pub fn validity(lang: Lang, from: Date, until: Date) -> String {
    let (from, until) = (format_date(lang, from), format_date(lang, until));
    match lang {
        // Finnish and Swedish write a range of short dates without spaces around the dash.
        Lang::Fi | Lang::Sv => format!("{from}–{until}"),
        Lang::En => format!("{from} – {until}"),
    }
}

/// The text equivalent of a voucher's balance bar: `Ostovoimasta on jäljellä 50 %.`
pub fn share_left(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::Fi => format!("Ostovoimasta on jäljellä {percent}\u{a0}%."),
        Lang::Sv => format!("{percent}\u{a0}% av köpkraften återstår."),
        Lang::En => format!("{percent}% of the purchasing power is left."),
    }
}

/// How many characters may still be typed, for a screen reader near a text's limit:
/// `87 merkkiä jäljellä`; past the limit, how many too many.
pub fn characters_left(lang: Lang, count: usize, max: usize) -> String {
    if count > max {
        let over = count - max;
        return match (lang, over) {
            (Lang::Fi, 1) => "1 merkki liikaa".to_owned(),
            (Lang::Fi, n) => format!("{n} merkkiä liikaa"),
            (Lang::Sv, n) => format!("{n} tecken för mycket"),
            (Lang::En, 1) => "1 character too many".to_owned(),
            (Lang::En, n) => format!("{n} characters too many"),
        };
    }
    match (lang, max - count) {
        (Lang::Fi, 1) => "1 merkki jäljellä".to_owned(),
        (Lang::Fi, n) => format!("{n} merkkiä jäljellä"),
        (Lang::Sv, n) => format!("{n} tecken kvar"),
        (Lang::En, 1) => "1 character left".to_owned(),
        (Lang::En, n) => format!("{n} characters left"),
    }
}

/// Why a producer's survey form is not shown: this month's answer is already in.
pub fn survey_answered(lang: Lang, producer: &str) -> String {
    match lang {
        Lang::Fi => format!("Olet vastannut tämän kuun kyselyyn palveluntuottajasta {producer}. Voit vastata uudelleen ensi kuussa."),
        Lang::Sv => format!("Du har svarat på månadens enkät om {producer}. Du kan svara igen nästa månad."),
        Lang::En => format!("You have answered this month's survey about {producer}; you can answer again next month."),
    }
}

/// The comparison's button that fills in the logged-in customer's own voucher value:
/// `Käytä palvelusetelini arvoa (32,00 € / tunti)`.
pub fn use_my_voucher(lang: Lang, value: Cents, unit: Unit) -> String {
    let value = price_per_unit(lang, value, unit);
    match lang {
        Lang::Fi => format!("Käytä palvelusetelini arvoa ({value})"),
        Lang::Sv => format!("Använd min servicesedels värde ({value})"),
        Lang::En => format!("Use my voucher's value ({value})"),
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

/// A date as people read it: `1.3.2025` in Finnish and Swedish, `1 March 2025` in English.
pub fn format_date(lang: Lang, date: Date) -> String {
    let (day, month, year) = (date.day(), u8::from(date.month()), date.year());
    match lang {
        Lang::Fi | Lang::Sv => format!("{day}.{month}.{year}"),
        Lang::En => format!("{day} {} {year}", date.month()),
    }
}

/// The banner's sentence around the principal's name, which the app sets apart:
/// `Asioit henkilön ` NAME ` puolesta`. Either part may be empty.
pub fn acting_for_parts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fi => ("Asioit henkilön ", " puolesta"),
        Lang::Sv => ("Du sköter ärenden för ", ""),
        Lang::En => ("You are acting on behalf of ", ""),
    }
}

/// The company banner's sentence around the company's name, which the app sets apart:
/// `Asioit yrityksen ` NAME ` puolesta`. Either part may be empty.
pub fn acting_for_company_parts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fi => ("Asioit yrityksen ", " puolesta"),
        Lang::Sv => ("Du sköter ärenden för företaget ", ""),
        Lang::En => ("You are acting for the company ", ""),
    }
}

/// The label of a visit's amount, in the voucher's unit: `Määrä (tunteina)`.
pub fn units_label(lang: Lang, unit: Unit) -> &'static str {
    match (unit, lang) {
        (Unit::Hour, Lang::Fi) => "Määrä (tunteina)",
        (Unit::Hour, Lang::Sv) => "Mängd (timmar)",
        (Unit::Hour, Lang::En) => "Amount (hours)",
        (Unit::Visit, Lang::Fi) => "Määrä (käynteinä)",
        (Unit::Visit, Lang::Sv) => "Mängd (besök)",
        (Unit::Visit, Lang::En) => "Amount (visits)",
        (Unit::Day, Lang::Fi) => "Määrä (päivinä)",
        (Unit::Day, Lang::Sv) => "Mängd (dagar)",
        (Unit::Day, Lang::En) => "Amount (days)",
    }
}

/// A price that takes effect later: `34,00 € / tunti 1.12.2026 alkaen`.
pub fn price_from(lang: Lang, amount: Cents, unit: Unit, from: Date) -> String {
    let price = price_per_unit(lang, amount, unit);
    let date = format_date(lang, from);
    match lang {
        Lang::Fi => format!("{price} {date} alkaen"),
        Lang::Sv => format!("{price} från {date}"),
        Lang::En => format!("{price} from {date}"),
    }
}

/// The label of the new price field: `Uusi hinta (€ / tunti)`.
pub fn new_price_label(lang: Lang, unit: Unit) -> String {
    let words = match lang {
        Lang::Fi => "Uusi hinta",
        Lang::Sv => "Nytt pris",
        Lang::En => "New price",
    };
    format!("{words} (€ {})", per_unit(lang, unit))
}

/// What the prices page says after a price was saved.
pub fn price_saved(lang: Lang, amount: Cents, unit: Unit, from: Date) -> String {
    let price = price_from(lang, amount, unit, from);
    match lang {
        Lang::Fi => format!("Hinta on tallennettu: {price}."),
        Lang::Sv => format!("Priset har sparats: {price}."),
        Lang::En => format!("The price has been saved: {price}."),
    }
}

/// What the cancel button's first press asks: the visit's voucher share goes back.
pub fn cancel_confirmation(lang: Lang, voucher_share: Cents) -> String {
    let share = voucher_share.format(lang);
    match lang {
        Lang::Fi => format!("Perutaanko käynti? Seteliin palautetaan {share}. Vahvista painamalla painiketta uudelleen."),
        Lang::Sv => format!("Annullera besöket? {share} återförs till sedeln. Bekräfta genom att trycka på knappen igen."),
        Lang::En => format!("Cancel the visit? {share} goes back to the voucher. Press the button again to confirm."),
    }
}

/// The heading of a visit's correction form: `Käynnin 21.11.2026 korjaus`.
pub fn correcting_visit(lang: Lang, visit: Date) -> String {
    let date = format_date(lang, visit);
    match lang {
        Lang::Fi => format!("Käynnin {date} korjaus"),
        Lang::Sv => format!("Rättelse av besöket {date}"),
        Lang::En => format!("Correcting the visit of {date}"),
    }
}

/// What a correction says of the visit it replaced: `Korjaus käyntiin 21.11.2026`.
pub fn corrects_visit(lang: Lang, visit: Date) -> String {
    let date = format_date(lang, visit);
    match lang {
        Lang::Fi => format!("Korjaus käyntiin {date}"),
        Lang::Sv => format!("Rättar besöket {date}"),
        Lang::En => format!("Corrects the visit of {date}"),
    }
}

/// A message in the principal's outbox, told in the reader's language.
pub fn message_sentence(lang: Lang, kind: MessageKind, actor: &str, producer: &str) -> String {
    match (kind, lang) {
        (MessageKind::FeedbackGiven, Lang::Fi) => {
            format!("{actor} antoi puolestasi palautetta palveluntuottajalle {producer}.")
        }
        (MessageKind::FeedbackGiven, Lang::Sv) => {
            format!("{actor} gav respons till {producer} för din räkning.")
        }
        (MessageKind::FeedbackGiven, Lang::En) => {
            format!("{actor} gave feedback on {producer} on your behalf.")
        }
        (MessageKind::SurveyAnswered, Lang::Fi) => format!(
            "{actor} vastasi puolestasi tyytyväisyyskyselyyn palveluntuottajasta {producer}."
        ),
        (MessageKind::SurveyAnswered, Lang::Sv) => {
            format!("{actor} svarade på en nöjdhetsenkät om {producer} för din räkning.")
        }
        (MessageKind::SurveyAnswered, Lang::En) => {
            format!("{actor} answered a satisfaction survey about {producer} on your behalf.")
        }
        // For the organiser's messages `actor` is the organiser.
        (MessageKind::VoucherDecided, Lang::Fi) => {
            format!(
                "{actor} teki sinulle palvelusetelipäätöksen. Päätös on palvelusetelisi tiedoissa."
            )
        }
        (MessageKind::VoucherDecided, Lang::Sv) => {
            format!("{actor} fattade ett beslut om servicesedel för dig. Beslutet finns bland sedelns uppgifter.")
        }
        (MessageKind::VoucherDecided, Lang::En) => {
            format!("{actor} made a service voucher decision for you. It is with your voucher's details.")
        }
        (MessageKind::ProxyRegistered, Lang::Fi) => {
            format!("{actor} kirjasi sinulle asiamiehen, joka voi asioida puolestasi palveluseteliasioissa.")
        }
        (MessageKind::ProxyRegistered, Lang::Sv) => {
            format!("{actor} registrerade ett ombud som kan sköta dina servicesedelärenden.")
        }
        (MessageKind::ProxyRegistered, Lang::En) => {
            format!(
                "{actor} registered a proxy who can handle your service voucher matters for you."
            )
        }
        (MessageKind::ProxyEnded, Lang::Fi) => {
            format!("{actor} päätti asiamiehesi oikeuden asioida puolestasi.")
        }
        (MessageKind::ProxyEnded, Lang::Sv) => {
            format!("{actor} avslutade ditt ombuds rätt att sköta ärenden för dig.")
        }
        (MessageKind::ProxyEnded, Lang::En) => {
            format!("{actor} ended your proxy's right to act for you.")
        }
        (MessageKind::VoucherEnded, Lang::Fi) => {
            format!("{actor} päätti palvelusetelisi voimassaolon ennenaikaisesti.")
        }
        (MessageKind::VoucherEnded, Lang::Sv) => {
            format!("{actor} avslutade din servicesedel i förtid.")
        }
        (MessageKind::VoucherEnded, Lang::En) => {
            format!("{actor} ended your service voucher early.")
        }
        (MessageKind::VoucherAnnulled, Lang::Fi) => {
            format!("{actor} mitätöi palvelusetelipäätöksesi.")
        }
        (MessageKind::VoucherAnnulled, Lang::Sv) => {
            format!("{actor} ogiltigförklarade ditt beslut om servicesedel.")
        }
        (MessageKind::VoucherAnnulled, Lang::En) => {
            format!("{actor} annulled your service voucher decision.")
        }
        (MessageKind::ProducerUnavailable, Lang::Fi) => {
            format!("{actor}: {producer} ei voi enää toistaiseksi palvella sinua palvelusetelilläsi. Valitse toinen palveluntuottaja; setelisi numero käy uudelle tuottajalle.")
        }
        (MessageKind::ProducerUnavailable, Lang::Sv) => {
            format!("{actor}: {producer} kan tills vidare inte längre betjäna dig med din servicesedel. Välj en annan serviceproducent; sedelns nummer gäller hos den nya producenten.")
        }
        (MessageKind::ProducerUnavailable, Lang::En) => {
            format!("{actor}: {producer} can no longer serve you under your voucher for now. Choose another producer; your voucher number works with the new one.")
        }
        // Messages to companies (their Suomi.fi mailbox); a customer never receives these.
        (
            MessageKind::ApplicationChanged
            | MessageKind::ApplicationReminder
            | MessageKind::ApprovalSuspended
            | MessageKind::ApprovalWithdrawn,
            Lang::Fi,
        ) => format!("Viesti yritykselle: {actor}."),
        (
            MessageKind::ApplicationChanged
            | MessageKind::ApplicationReminder
            | MessageKind::ApprovalSuspended
            | MessageKind::ApprovalWithdrawn,
            Lang::Sv,
        ) => format!("Meddelande till företaget: {actor}."),
        (
            MessageKind::ApplicationChanged
            | MessageKind::ApplicationReminder
            | MessageKind::ApprovalSuspended
            | MessageKind::ApprovalWithdrawn,
            Lang::En,
        ) => format!("A message to the company: {actor}."),
        (MessageKind::ConsentRequested, Lang::Fi) => {
            format!("{actor} pyytää suostumustasi palvelusetelihakemukseen.")
        }
        (MessageKind::ConsentRequested, Lang::Sv) => {
            format!("{actor} ber om ditt samtycke till en ansökan om servicesedel.")
        }
        (MessageKind::ConsentRequested, Lang::En) => {
            format!("{actor} asks for your consent to a voucher application.")
        }
        (MessageKind::GuardianInformed, Lang::Fi) => {
            format!("{actor} haki palveluseteliä ja vakuutti voivansa hoitaa asian yksin.")
        }
        (MessageKind::GuardianInformed, Lang::Sv) => {
            format!(
                "{actor} ansökte om servicesedel och försäkrade att hen får sköta ärendet ensam."
            )
        }
        (MessageKind::GuardianInformed, Lang::En) => {
            format!("{actor} applied for a voucher, declaring they may act alone.")
        }
        // `actor` is the organiser.
        (MessageKind::VoucherApplicationChanged, Lang::Fi) => {
            format!("Palvelusetelihakemuksesi ({actor}) tila muuttui.")
        }
        (MessageKind::VoucherApplicationChanged, Lang::Sv) => {
            format!("Din ansökan om servicesedel ({actor}) har ändrat status.")
        }
        (MessageKind::VoucherApplicationChanged, Lang::En) => {
            format!("Your voucher application ({actor}) changed state.")
        }
        (MessageKind::Unknown, Lang::Fi) => format!("Viesti: {actor}."),
        (MessageKind::Unknown, Lang::Sv) => format!("Meddelande: {actor}."),
        (MessageKind::Unknown, Lang::En) => format!("A message from {actor}."),
    }
}

/// A consent request as its named guardian reads it: who applied for which child, and by
/// when to answer.
pub fn consent_request_line(lang: Lang, applicant: &str, child: &str, last_day: Date) -> String {
    let date = format_date(lang, last_day);
    match lang {
        Lang::Fi => format!("{applicant} hakee palveluseteliä lapselle {child} ja pyytää suostumustasi. Vastaa viimeistään {date}."),
        Lang::Sv => format!("{applicant} ansöker om servicesedel för barnet {child} och ber om ditt samtycke. Svara senast {date}."),
        Lang::En => format!("{applicant} is applying for a voucher for {child} and asks for your consent. Answer by {date}."),
    }
}

/// Whose applications a page lists when the person acts for someone.
pub fn applications_for(lang: Lang, principal: &str) -> String {
    match lang {
        Lang::Fi => format!("Palvelusetelihakemukset, jotka koskevat henkilöä {principal}."),
        Lang::Sv => format!("Ansökningar om servicesedel som gäller {principal}."),
        Lang::En => format!("Voucher applications for {principal}."),
    }
}

/// The label of the `n`th group of fields naming another guardian (from 1).
pub fn other_guardian_number(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fi => format!("Toinen huoltaja {n}"),
        Lang::Sv => format!("Annan vårdnadshavare {n}"),
        Lang::En => format!("Other guardian {n}"),
    }
}

/// Whose consent an application still waits for.
pub fn consent_missing(lang: Lang, names: &[String]) -> String {
    let names = names.join(", ");
    match lang {
        Lang::Fi => format!("Odottaa suostumusta: {names}"),
        Lang::Sv => format!("Väntar på samtycke: {names}"),
        Lang::En => format!("Waiting for consent: {names}"),
    }
}

/// The other guardian told of a declared right.
pub fn guardian_informed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fi => format!("Toiselle huoltajalle ({name}) ilmoitetaan hakemuksesta."),
        Lang::Sv => format!("Den andra vårdnadshavaren ({name}) informeras om ansökan."),
        Lang::En => format!("The other guardian ({name}) is told of the application."),
    }
}

/// A consent not answered yet, and by when it can be.
pub fn consent_pending(lang: Lang, last_day: Date) -> String {
    let date = format_date(lang, last_day);
    match lang {
        Lang::Fi => format!("odottaa vastausta {date} asti"),
        Lang::Sv => format!("väntar på svar till {date}"),
        Lang::En => format!("waiting for an answer until {date}"),
    }
}

/// The value the municipality's income table gives for what the application says.
pub fn value_preview(lang: Lang, value: Cents) -> String {
    let amount = value.format(lang);
    match lang {
        Lang::Fi => format!("Kunnan tulorajataulukon mukaan setelin arvo olisi noin {amount} yksiköltä. Lopullinen arvo ratkaistaan päätöksessä."),
        Lang::Sv => format!("Enligt kommunens inkomsttabell skulle sedelns värde vara cirka {amount} per enhet. Det slutliga värdet avgörs i beslutet."),
        Lang::En => format!("By the municipality's income table the voucher would be worth about {amount} a unit. The decision sets the final value."),
    }
}

/// A refused voucher: where the resident turns for the organiser's own service.
pub fn voucher_refused(lang: Lang, organiser: &str, address: &str) -> String {
    match lang {
        Lang::Fi => format!("Kieltäydyit palvelusetelistä, ja se päättyy tänään. {organiser} järjestää palvelun muulla tavoin: ota yhteyttä, {address}."),
        Lang::Sv => format!("Du avböjde servicesedeln och den upphör i dag. {organiser} ordnar tjänsten på annat sätt: ta kontakt, {address}."),
        Lang::En => format!("You refused the voucher; it ends today. {organiser} arranges the service in another way: contact them, {address}."),
    }
}

/// The last day of something still valid: `voimassa 31.12.2026 asti`.
pub fn valid_until(lang: Lang, until: Date) -> String {
    let date = format_date(lang, until);
    match lang {
        Lang::Fi => format!("voimassa {date} asti"),
        Lang::Sv => format!("giltig till {date}"),
        Lang::En => format!("valid until {date}"),
    }
}

/// A percentage given in basis points (3500 = 35 %): `35 %`, `12,5 %` in Finnish and
/// Swedish, `35%`, `12.5%` in English.
pub fn basis_points(lang: Lang, points: u32) -> String {
    let number = decimal_units(lang, i64::from(points));
    match lang {
        Lang::Fi | Lang::Sv => format!("{number}\u{a0}%"),
        Lang::En => format!("{number}%"),
    }
}

/// The desk's greeting: the employee's given name and the organiser they work for.
pub fn desk_greeting(lang: Lang, given_name: &str, organiser: &str) -> String {
    match lang {
        Lang::Fi => format!("Hei {given_name}! Työskentelet järjestäjälle {organiser}."),
        Lang::Sv => format!("Hej {given_name}! Du arbetar för anordnaren {organiser}."),
        Lang::En => format!("Hello {given_name}. You work for {organiser}."),
    }
}

/// How an income-related value was reached, as one line of arithmetic:
/// `25,00 € − (900,00 € − 528,00 €) × 35 % / 60 = 22,83 €`.
pub fn computation_formula(
    lang: Lang,
    full: Cents,
    income: Cents,
    limit: Cents,
    points: u32,
    units_per_month: u32,
    value: Cents,
) -> String {
    format!(
        "{} − ({} − {}) × {} / {units_per_month} = {}",
        full.format(lang),
        income.format(lang),
        limit.format(lang),
        basis_points(lang, points),
        value.format(lang)
    )
}

/// An instant as a date and time in Finland: `21.11.2026 klo 11.30`, `21.11.2026 kl. 11.30`,
/// `21 November 2026, 11:30`.
pub fn format_date_time(lang: Lang, instant: OffsetDateTime) -> String {
    let local = finnish_time(instant);
    let date = format_date(lang, local.date());
    let (hour, minute) = (local.hour(), local.minute());
    match lang {
        Lang::Fi => format!("{date} klo {hour}.{minute:02}"),
        Lang::Sv => format!("{date} kl. {hour}.{minute:02}"),
        Lang::En => format!("{date}, {hour:02}:{minute:02}"),
    }
}

/// The wall-clock time in Finland at `instant`: UTC+3 in summer time, else UTC+2.
fn finnish_time(instant: time::OffsetDateTime) -> time::PrimitiveDateTime {
    let utc = instant.to_offset(time::UtcOffset::UTC);
    // `clock` knows the summer-time rule only through the date it gives. Summer time
    // changes at 01:00 UTC, so the offset is the same all through the UTC "day" that
    // starts then; at 21:30 UTC in that day, +3 h is already the next date and +2 h is
    // not, so the date `clock` gives then tells the offset.
    let day = (utc - time::Duration::hours(1)).date();
    let probe = day.with_hms(21, 30, 0).map(|t| t.assume_utc());
    let summer = probe.is_ok_and(|p| crate::clock::finnish_date(p) != day);
    let hours = if summer { 3 } else { 2 };
    let local = utc + time::Duration::hours(hours);
    time::PrimitiveDateTime::new(local.date(), local.time())
}

/// A month as people name it: "lokakuu 2026", "oktober 2026", "October 2026".
pub fn month_name(lang: Lang, month: crate::settlement::Month) -> String {
    const FI: [&str; 12] = [
        "tammikuu",
        "helmikuu",
        "maaliskuu",
        "huhtikuu",
        "toukokuu",
        "kesäkuu",
        "heinäkuu",
        "elokuu",
        "syyskuu",
        "lokakuu",
        "marraskuu",
        "joulukuu",
    ];
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let first = month.first_day();
    let index = usize::from(u8::from(first.month())) - 1;
    let name = match lang {
        Lang::Fi => FI[index],
        Lang::Sv => SV[index],
        Lang::En => EN[index],
    };
    format!("{name} {}", first.year())
}

/// The heading of a producer's settlement of a month.
pub fn settlement_title(lang: Lang, producer: &str, month: crate::settlement::Month) -> String {
    let month = month_name(lang, month);
    match lang {
        Lang::Fi => format!("{producer}: tilitys, {month}"),
        Lang::Sv => format!("{producer}: avräkning, {month}"),
        Lang::En => format!("{producer}: settlement, {month}"),
    }
}

/// Where an adjustment's visit was settled before.
pub fn settled_in(lang: Lang, months: &[crate::settlement::Month]) -> String {
    let months = months
        .iter()
        .map(|m| month_name(lang, *m))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Fi => format!("tilitetty aiemmin: {months}"),
        Lang::Sv => format!("avräknat tidigare: {months}"),
        Lang::En => format!("settled before: {months}"),
    }
}

/// How many producers' new accounts wait for finance.
pub fn accounts_waiting(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::Fi, 1) => "1 palveluntuottajan uusi tili odottaa vahvistusta.".to_owned(),
        (Lang::Fi, n) => format!("{n} palveluntuottajan uutta tiliä odottaa vahvistusta."),
        (Lang::Sv, 1) => "1 producents nya konto väntar på bekräftelse.".to_owned(),
        (Lang::Sv, n) => format!("{n} producenters nya konton väntar på bekräftelse."),
        (Lang::En, 1) => "1 producer's new account waits for confirmation.".to_owned(),
        (Lang::En, n) => format!("{n} producers' new accounts wait for confirmation."),
    }
}

/// What a payment file pays: how many transfers and their sum.
pub fn payments_in_file(lang: Lang, transfers: u32, total_cents: i64) -> String {
    let total = crate::money::format_signed(total_cents, lang);
    match (lang, transfers) {
        (Lang::Fi, 1) => format!("1 maksu, {total}"),
        (Lang::Fi, n) => format!("{n} maksua, yhteensä {total}"),
        (Lang::Sv, 1) => format!("1 betalning, {total}"),
        (Lang::Sv, n) => format!("{n} betalningar, totalt {total}"),
        (Lang::En, 1) => format!("1 payment, {total}"),
        (Lang::En, n) => format!("{n} payments, {total} in all"),
    }
}

/// When a settlement was paid, and the bank's reference.
pub fn paid_on(lang: Lang, date: time::Date, reference: &str) -> String {
    let date = format_date(lang, date);
    match lang {
        Lang::Fi => format!("Maksettu {date}, viite {reference}"),
        Lang::Sv => format!("Betald {date}, referens {reference}"),
        Lang::En => format!("Paid on {date}, reference {reference}"),
    }
}

/// An order's expected handling time: "about 3 days", "4–6 weeks".
pub fn expected_handling(lang: Lang, min_days: i64, max_days: i64) -> String {
    if min_days == max_days {
        return match lang {
            Lang::Fi => format!("noin {max_days} päivää"),
            Lang::Sv => format!("cirka {max_days} dagar"),
            Lang::En => format!("about {max_days} days"),
        };
    }
    let (low, high) = (min_days / 7, max_days / 7);
    match lang {
        Lang::Fi => format!("{low}–{high} viikkoa"),
        Lang::Sv => format!("{low}–{high} veckor"),
        Lang::En => format!("{low}–{high} weeks"),
    }
}

/// The confirmation of a sent order: its number, the expected time and the day.
pub fn order_sent(lang: Lang, id: i64, expected: &str, due_on: time::Date) -> String {
    let due = format_date(lang, due_on);
    match lang {
        Lang::Fi => format!(
            "Tilaus {id} on vastaanotettu. Odotettu käsittelyaika on {expected}, eli valmis viimeistään {due}. Saat ilmoituksen jokaisesta muutoksesta työpöydällesi ja sähköpostiisi."
        ),
        Lang::Sv => format!(
            "Beställning {id} har tagits emot. Väntad handläggningstid är {expected}, alltså klar senast {due}. Du får ett meddelande om varje ändring på ditt skrivbord och per e-post."
        ),
        Lang::En => format!(
            "Order {id} has been received. The expected handling time is {expected}, so done by {due}. You will be told of every change on your desk and by e-mail."
        ),
    }
}

/// What the administrator recorded: the change was made in Suomi.fi-valtuudet by a person.
pub fn done_in_valtuudet(lang: Lang, on: time::Date, by: &str) -> String {
    let on = format_date(lang, on);
    match lang {
        Lang::Fi => format!("Tehty Suomi.fi-valtuuksissa {on}, tekijä {by}"),
        Lang::Sv => format!("Gjort i Suomi.fi-fullmakter {on} av {by}"),
        Lang::En => format!("Done in Suomi.fi e-Authorizations on {on} by {by}"),
    }
}

/// A holding the administrator revoked in Suomi.fi-valtuudet.
pub fn revoked_in_valtuudet(lang: Lang, on: time::Date, by: &str) -> String {
    let on = format_date(lang, on);
    match lang {
        Lang::Fi => format!("Peruttu Suomi.fi-valtuuksissa {on}, tekijä {by}"),
        Lang::Sv => format!("Återkallad i Suomi.fi-fullmakter {on} av {by}"),
        Lang::En => format!("Revoked in Suomi.fi e-Authorizations on {on} by {by}"),
    }
}

/// A number of days given in tenths ("2,5 päivää", "2.5 days").
pub fn days_tenths(lang: Lang, tenths: i64) -> String {
    let whole = tenths / 10;
    let part = tenths % 10;
    let number = match (part, lang) {
        (0, _) => whole.to_string(),
        (_, Lang::En) => format!("{whole}.{part}"),
        _ => format!("{whole},{part}"),
    };
    match lang {
        Lang::Fi => format!("{number} pv"),
        Lang::Sv => format!("{number} d"),
        Lang::En => format!("{number} d"),
    }
}

/// A checked spreadsheet with `lines` lines of holdings and no problem.
pub fn import_ready(lang: Lang, lines: u32) -> String {
    match (lang, lines) {
        (Lang::Fi, 1) => "Tiedostossa on 1 rivi eikä korjattavaa: valmis kirjattavaksi.".to_owned(),
        (Lang::Fi, n) => {
            format!("Tiedostossa on {n} riviä eikä korjattavaa: valmis kirjattavaksi.")
        }
        (Lang::Sv, 1) => "Filen har 1 rad och inget att rätta: klar att registreras.".to_owned(),
        (Lang::Sv, n) => format!("Filen har {n} rader och inget att rätta: klar att registreras."),
        (Lang::En, 1) => "The file has 1 line and nothing to correct: ready to enter.".to_owned(),
        (Lang::En, n) => format!("The file has {n} lines and nothing to correct: ready to enter."),
    }
}

/// A checked spreadsheet of `lines` lines with `problems` problems to correct.
pub fn import_problems(lang: Lang, lines: u32, problems: usize) -> String {
    let lines = match (lang, lines) {
        (Lang::Fi, 1) => "1 rivi".to_owned(),
        (Lang::Fi, n) => format!("{n} riviä"),
        (Lang::Sv, 1) => "1 rad".to_owned(),
        (Lang::Sv, n) => format!("{n} rader"),
        (Lang::En, 1) => "1 line".to_owned(),
        (Lang::En, n) => format!("{n} lines"),
    };
    match (lang, problems) {
        (Lang::Fi, 1) => format!("Tiedostossa on {lines} ja 1 korjattava kohta. Mitään ei kirjata ennen kuin kaikki rivit ovat kunnossa."),
        (Lang::Fi, n) => format!("Tiedostossa on {lines} ja {n} korjattavaa kohtaa. Mitään ei kirjata ennen kuin kaikki rivit ovat kunnossa."),
        (Lang::Sv, 1) => format!("Filen har {lines} och 1 sak att rätta. Inget registreras förrän alla rader är i skick."),
        (Lang::Sv, n) => format!("Filen har {lines} och {n} saker att rätta. Inget registreras förrän alla rader är i skick."),
        (Lang::En, 1) => format!("The file has {lines} and 1 thing to correct. Nothing is entered until every line is whole."),
        (Lang::En, n) => format!("The file has {lines} and {n} things to correct. Nothing is entered until every line is whole."),
    }
}

/// `entered` holdings entered from a spreadsheet.
pub fn holdings_entered(lang: Lang, entered: u32) -> String {
    match (lang, entered) {
        (Lang::Fi, 1) => "1 valtuus kirjattiin rekisteriin.".to_owned(),
        (Lang::Fi, n) => format!("{n} valtuutta kirjattiin rekisteriin."),
        (Lang::Sv, 1) => "1 fullmakt registrerades.".to_owned(),
        (Lang::Sv, n) => format!("{n} fullmakter registrerades."),
        (Lang::En, 1) => "1 holding was entered in the register.".to_owned(),
        (Lang::En, n) => format!("{n} holdings were entered in the register."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorisation_phrases_say_the_time_the_day_and_the_person() {
        assert_eq!(expected_handling(Lang::Fi, 3, 3), "noin 3 päivää");
        assert_eq!(expected_handling(Lang::En, 28, 42), "4–6 weeks");
        assert_eq!(expected_handling(Lang::Sv, 28, 42), "4–6 veckor");
        let day = time::macros::date!(2026 - 11 - 24);
        assert!(
            order_sent(Lang::En, 7, "about 3 days", day).starts_with("Order 7 has been received")
        );
        assert!(order_sent(Lang::Fi, 7, "noin 3 päivää", day).contains("24.11.2026"));
        assert_eq!(
            done_in_valtuudet(Lang::En, day, "Jukka Laine"),
            "Done in Suomi.fi e-Authorizations on 24 November 2026 by Jukka Laine"
        );
        assert!(revoked_in_valtuudet(Lang::Sv, day, "J").starts_with("Återkallad"));
        assert_eq!(days_tenths(Lang::Fi, 25), "2,5 pv");
        assert_eq!(days_tenths(Lang::En, 30), "3 d");
        assert_eq!(days_tenths(Lang::En, 25), "2.5 d");
        assert_eq!(days_tenths(Lang::Sv, 5), "0,5 d");
    }

    #[test]
    fn settlement_phrases_name_the_month_and_the_facts() {
        let october = crate::settlement::Month::parse("2026-10").unwrap();
        assert_eq!(month_name(Lang::Fi, october), "lokakuu 2026");
        assert_eq!(month_name(Lang::Sv, october.next().next()), "december 2026");
        assert_eq!(
            month_name(Lang::En, october.next().next().next()),
            "January 2027"
        );
        assert_eq!(
            settlement_title(Lang::En, "Aurinko", october),
            "Aurinko: settlement, October 2026"
        );
        assert_eq!(
            settled_in(Lang::Fi, &[october, october.next()]),
            "tilitetty aiemmin: lokakuu 2026, marraskuu 2026"
        );
        assert_eq!(
            accounts_waiting(Lang::En, 1),
            "1 producer's new account waits for confirmation."
        );
        assert_eq!(
            accounts_waiting(Lang::Fi, 3),
            "3 palveluntuottajan uutta tiliä odottaa vahvistusta."
        );
        assert_eq!(
            paid_on(Lang::En, time::macros::date!(2026 - 11 - 20), "ARK-1"),
            format!(
                "Paid on {}, reference ARK-1",
                format_date(Lang::En, time::macros::date!(2026 - 11 - 20))
            )
        );
        assert_eq!(other_guardian_number(Lang::Sv, 2), "Annan vårdnadshavare 2");
        assert_eq!(
            payments_in_file(Lang::En, 2, 640_000),
            "2 payments, €6,400.00 in all"
        );
        assert_eq!(payments_in_file(Lang::Fi, 1, 6400), "1 maksu, 64,00\u{a0}€");
    }

    fn d(text: &str) -> Date {
        crate::clock::parse_iso_date(text).expect("a test date")
    }

    fn at(text: &str) -> OffsetDateTime {
        crate::clock::parse_rfc3339(text).expect("a test time")
    }

    #[test]
    fn an_income_related_value_shows_its_arithmetic() {
        let c = |n| Cents::new(n).unwrap();
        assert_eq!(basis_points(Lang::Fi, 3500), "35\u{a0}%");
        assert_eq!(basis_points(Lang::En, 1250), "12.5%");
        assert_eq!(
            computation_formula(Lang::En, c(2500), c(90_000), c(52_800), 3500, 60, c(2283)),
            "€25.00 − (€900.00 − €528.00) × 35% / 60 = €22.83"
        );
    }

    #[test]
    fn satisfaction_reads_as_a_score_out_of_five_with_its_answers() {
        let s = crate::voucher::Satisfaction {
            average_x10: 42,
            answers: 6,
        };
        assert_eq!(
            satisfaction_text(Lang::Fi, s),
            "4,2\u{a0}/\u{a0}5 (6 vastausta)"
        );
        assert_eq!(
            satisfaction_text(Lang::En, s),
            "4.2\u{a0}/\u{a0}5 (6 answers)"
        );
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
        assert_eq!(format_date(Lang::Fi, d("2025-03-01")), "1.3.2025");
        assert_eq!(format_date(Lang::Sv, d("2025-12-24")), "24.12.2025");
        assert_eq!(format_date(Lang::En, d("2025-03-01")), "1 March 2025");
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
    fn units_are_decimals_in_the_language_s_own_way() {
        assert_eq!(decimal_units(Lang::Fi, 150), "1,5");
        assert_eq!(decimal_units(Lang::Sv, 150), "1,5");
        assert_eq!(decimal_units(Lang::En, 150), "1.5");
        assert_eq!(decimal_units(Lang::Fi, 200), "2");
        assert_eq!(decimal_units(Lang::Fi, 25), "0,25");
        assert_eq!(decimal_units(Lang::En, 105), "1.05");
        assert_eq!(decimal_units(Lang::En, -150), "-1.5");
    }
    #[test]
    fn only_exactly_one_unit_is_singular() {
        assert_eq!(unit_quantity(Lang::Fi, 100, Unit::Hour), "1\u{a0}tunti");
        assert_eq!(unit_quantity(Lang::Fi, 150, Unit::Hour), "1,5\u{a0}tuntia");
        assert_eq!(unit_quantity(Lang::Sv, 200, Unit::Day), "2\u{a0}dagar");
        assert_eq!(unit_quantity(Lang::Sv, 100, Unit::Visit), "1\u{a0}besök");
        assert_eq!(unit_quantity(Lang::En, 150, Unit::Hour), "1.5\u{a0}hours");
        assert_eq!(unit_quantity(Lang::En, 100, Unit::Visit), "1\u{a0}visit");
    }
    #[test]
    fn validity_periods_read_as_ranges() {
        assert_eq!(
            validity(Lang::Fi, d("2026-01-01"), d("2026-12-31")),
            "1.1.2026–31.12.2026"
        );
        assert_eq!(
            validity(Lang::En, d("2026-01-01"), d("2026-12-31")),
            "1 January 2026 – 31 December 2026"
        );
    }
    #[test]
    fn character_counts_say_what_is_left_or_too_much() {
        assert_eq!(characters_left(Lang::Fi, 1913, 2000), "87 merkkiä jäljellä");
        assert_eq!(characters_left(Lang::Fi, 1999, 2000), "1 merkki jäljellä");
        assert_eq!(characters_left(Lang::Sv, 2000, 2000), "0 tecken kvar");
        assert_eq!(
            characters_left(Lang::En, 2003, 2000),
            "3 characters too many"
        );
    }
    #[test]
    fn the_comparison_offers_the_customer_s_own_voucher_value() {
        assert_eq!(
            use_my_voucher(Lang::Fi, Cents::new(3200).unwrap(), Unit::Hour),
            "Käytä palvelusetelini arvoa (32,00\u{a0}€ / tunti)"
        );
        assert!(survey_answered(Lang::En, "Hoiva Oy").contains("Hoiva Oy"));
        assert_eq!(
            share_left(Lang::En, 50),
            "50% of the purchasing power is left."
        );
    }
    #[test]
    fn titles_name_the_page_and_the_service() {
        assert_eq!(
            document_title(Lang::Sv, t(Lang::Sv, Text::ComparisonTitle)),
            "Jämför serviceproducenter – Seteli"
        );
    }
    #[test]
    fn times_are_shown_in_finnish_time_winter_and_summer() {
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-11-21T09:30:00Z")),
            "21.11.2026 klo 11.30"
        );
        assert_eq!(
            format_date_time(Lang::Sv, at("2026-06-30T21:05:00Z")),
            "1.7.2026 kl. 0.05"
        );
        assert_eq!(
            format_date_time(Lang::En, at("2026-06-30T08:05:00+00:00")),
            "30 June 2026, 11:05"
        );
    }
    #[test]
    fn the_time_follows_the_summer_time_change_to_the_minute() {
        // 2026: summer time starts 29 March and ends 25 October, at 01:00 UTC.
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-03-29T00:59:00Z")),
            "29.3.2026 klo 2.59"
        );
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-03-29T01:00:00Z")),
            "29.3.2026 klo 4.00"
        );
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-10-25T00:59:00Z")),
            "25.10.2026 klo 3.59"
        );
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-10-25T01:00:00Z")),
            "25.10.2026 klo 3.00"
        );
        assert_eq!(
            format_date_time(Lang::Fi, at("2026-10-24T23:30:00Z")),
            "25.10.2026 klo 2.30"
        );
    }
    #[test]
    fn the_producer_s_prices_and_visits_read_naturally() {
        let price = Cents::new(3400).unwrap();
        assert_eq!(
            price_from(Lang::Fi, price, Unit::Hour, d("2026-12-01")),
            "34,00\u{a0}€ / tunti 1.12.2026 alkaen"
        );
        assert_eq!(
            price_from(Lang::En, price, Unit::Visit, d("2026-12-01")),
            "€34.00 / visit from 1 December 2026"
        );
        assert_eq!(new_price_label(Lang::Sv, Unit::Day), "Nytt pris (€ / dag)");
        assert_eq!(units_label(Lang::Fi, Unit::Hour), "Määrä (tunteina)");
        let (before, after) = acting_for_company_parts(Lang::Fi);
        assert_eq!(
            format!("{before}Hoiva Oy{after}"),
            "Asioit yrityksen Hoiva Oy puolesta"
        );
        assert!(cancel_confirmation(Lang::En, price).contains("€34.00"));
        assert_eq!(
            corrects_visit(Lang::En, d("2026-11-20")),
            "Corrects the visit of 20 November 2026"
        );
        assert_eq!(
            correcting_visit(Lang::Fi, d("2026-11-20")),
            "Käynnin 20.11.2026 korjaus"
        );
        assert!(price_saved(Lang::Sv, price, Unit::Hour, d("2026-12-01")).contains("1.12.2026"));
    }

    #[test]
    fn the_residents_application_phrases_name_who_and_when_in_each_language() {
        let day = d("2026-12-05");
        for lang in Lang::ALL {
            let line = consent_request_line(lang, "Anni", "Eetu", day);
            assert!(line.contains("Anni") && line.contains("Eetu"), "{line}");
            assert!(line.contains(&format_date(lang, day)), "{line}");
            assert!(applications_for(lang, "Eetu").contains("Eetu"));
            let missing = consent_missing(lang, &["Mikko".into(), "Maija".into()]);
            assert!(missing.contains("Mikko, Maija"), "{missing}");
            assert!(guardian_informed(lang, "Mikko").contains("Mikko"));
            assert!(consent_pending(lang, day).contains(&format_date(lang, day)));
            let value = Cents::new(2308).unwrap();
            assert!(value_preview(lang, value).contains(&value.format(lang)));
            let refused = voucher_refused(lang, "Itä-Uusimaa", "PL 46");
            assert!(
                refused.contains("Itä-Uusimaa") && refused.contains("PL 46"),
                "{refused}"
            );
        }
        assert_eq!(
            consent_missing(Lang::Fi, &["Mikko".into()]),
            "Odottaa suostumusta: Mikko"
        );
        assert_eq!(
            consent_pending(Lang::En, day),
            "waiting for an answer until 5 December 2026"
        );
    }

    #[test]
    fn a_spreadsheets_counts_are_said_with_their_plurals() {
        assert_eq!(
            import_ready(Lang::Fi, 1),
            "Tiedostossa on 1 rivi eikä korjattavaa: valmis kirjattavaksi."
        );
        assert_eq!(
            import_ready(Lang::Sv, 250),
            "Filen har 250 rader och inget att rätta: klar att registreras."
        );
        assert!(import_ready(Lang::En, 2).starts_with("The file has 2 lines"));
        assert!(
            import_problems(Lang::Fi, 4, 3).starts_with("Tiedostossa on 4 riviä ja 3 korjattavaa")
        );
        assert_eq!(
            holdings_entered(Lang::Fi, 250),
            "250 valtuutta kirjattiin rekisteriin."
        );
        assert_eq!(holdings_entered(Lang::Sv, 1), "1 fullmakt registrerades.");
        assert_eq!(
            holdings_entered(Lang::En, 2),
            "2 holdings were entered in the register."
        );
    }
}
