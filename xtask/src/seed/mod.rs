//! Deterministic demo data and a large data set for benchmarks, written as SQL that
//! `wrangler d1 execute` and the native SQLite store both run.
//!
//! The demo set is small and realistic: four municipalities (three bilingual, among them
//! Porvoo – Borgå), six services, about sixty producers with valid business ids, prices with
//! a history and a few announced changes, and producers whose approval is pending or
//! withdrawn, which must never appear publicly. The same seed always gives the same data.

mod authorisations;
mod customers;
mod desk;
mod large;

pub use large::{
    batched_inserts, bench_voucher_producer, bench_vouchers_sql, large_sql, large_sql_in_parts,
    EVENTS_PER_VOUCHER,
};

use seteli_domain::BusinessId;
use std::fmt::Write;

/// Names of producers whose every approval is pending or withdrawn; the browser tests check
/// that they never appear publicly.
pub const HIDDEN_PRODUCERS: &[&str] = &[
    "Uusi Hoivapalvelu Oy",
    "Entinen Kotiapu Oy",
    "Odottava Terapia Ky",
];

/// A small, fast, deterministic random number generator (SplitMix64); demo data needs
/// repeatability, not cryptographic quality.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

struct Municipality {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    /// Finnish genitive, for "Porvoon alueella".
    fi_gen: &'static str,
    bilingual: bool,
    postal_prefix: &'static str,
    streets: &'static [&'static str],
}

const MUNICIPALITIES: &[Municipality] = &[
    Municipality {
        code: "638",
        fi: "Porvoo",
        sv: "Borgå",
        fi_gen: "Porvoon",
        bilingual: true,
        postal_prefix: "061",
        streets: &[
            "Mannerheiminkatu",
            "Rihkamakatu",
            "Välikatu",
            "Runeberginkatu",
            "Piispankatu",
        ],
    },
    Municipality {
        code: "091",
        fi: "Helsinki",
        sv: "Helsingfors",
        fi_gen: "Helsingin",
        bilingual: true,
        postal_prefix: "005",
        streets: &[
            "Hämeentie",
            "Mannerheimintie",
            "Fredrikinkatu",
            "Sturenkatu",
            "Itäkatu",
        ],
    },
    Municipality {
        code: "837",
        fi: "Tampere",
        sv: "Tammerfors",
        fi_gen: "Tampereen",
        bilingual: false,
        postal_prefix: "331",
        streets: &[
            "Hämeenkatu",
            "Pirkankatu",
            "Sammonkatu",
            "Satakunnankatu",
            "Tullikatu",
        ],
    },
    Municipality {
        code: "853",
        fi: "Turku",
        sv: "Åbo",
        fi_gen: "Turun",
        bilingual: true,
        postal_prefix: "201",
        streets: &[
            "Aurakatu",
            "Humalistonkatu",
            "Uudenmaankatu",
            "Linnankatu",
            "Puistokatu",
        ],
    },
];

struct Service {
    code: &'static str,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
    desc: [&'static str; 3],
    /// Finnish partitive, for "Tarjoamme kotihoitoa".
    fi_part: &'static str,
    unit: &'static str,
    /// Typical price in cents per unit; producers vary around it.
    base_cents: i64,
    name_parts: &'static [&'static str],
}

const SERVICES: &[Service] = &[
    Service {
        code: "home-care",
        fi: "Kotihoito",
        sv: "Hemvård",
        en: "Home care",
        desc: [
            "Säännöllinen hoito ja huolenpito kotona, esimerkiksi lääkehoito, hygienia ja ateriat.",
            "Regelbunden vård och omsorg i hemmet, till exempel medicinering, hygien och måltider.",
            "Regular care at home, such as medication, hygiene and meals.",
        ],
        fi_part: "kotihoitoa",
        unit: "hour",
        base_cents: 3600,
        name_parts: &["Hoiva", "Kotihoito", "Hoivapalvelu"],
    },
    Service {
        code: "family-home-help",
        fi: "Lapsiperheiden kotipalvelu",
        sv: "Hemservice för barnfamiljer",
        en: "Home help for families with children",
        desc: [
            "Apua lastenhoitoon ja arjen askareisiin perheen omassa kodissa.",
            "Hjälp med barnskötsel och vardagssysslor i familjens eget hem.",
            "Help with childcare and everyday chores in the family's own home.",
        ],
        fi_part: "lapsiperheiden kotipalvelua",
        unit: "hour",
        base_cents: 3900,
        name_parts: &["Perhepalvelu", "Lapsiperheapu", "Arjen Apu"],
    },
    Service {
        code: "cleaning",
        fi: "Siivous",
        sv: "Städning",
        en: "Cleaning",
        desc: [
            "Kodin ylläpitosiivous: imurointi, pölyjen pyyhintä, märkätilat ja keittiö.",
            "Underhållsstädning av hemmet: dammsugning, damning, våtutrymmen och kök.",
            "Regular home cleaning: vacuuming, dusting, bathrooms and kitchen.",
        ],
        fi_part: "siivousta",
        unit: "hour",
        base_cents: 3200,
        name_parts: &["Siivous", "Puhtaus", "Kotisiivous"],
    },
    Service {
        code: "speech-therapy",
        fi: "Puheterapia",
        sv: "Talterapi",
        en: "Speech therapy",
        desc: [
            "Puheterapeutin 45 minuutin käynti vastaanotolla tai kotona.",
            "Ett 45 minuters besök hos talterapeut på mottagningen eller hemma.",
            "A 45-minute visit with a speech therapist at the clinic or at home.",
        ],
        fi_part: "puheterapiaa",
        unit: "visit",
        base_cents: 9500,
        name_parts: &["Puheterapia", "Kommunikaatio", "Sanasto"],
    },
    Service {
        code: "respite-care",
        fi: "Lyhytaikainen hoito",
        sv: "Kortvarig vård",
        en: "Respite care",
        desc: [
            "Ympärivuorokautinen hoito esimerkiksi omaishoitajan vapaan ajaksi.",
            "Vård dygnet runt, till exempel under närståendevårdarens ledighet.",
            "Round-the-clock care, for example while a family carer takes time off.",
        ],
        fi_part: "lyhytaikaista hoitoa",
        unit: "day",
        base_cents: 16500,
        name_parts: &["Hoivakoti", "Palvelukoti", "Lepokoti"],
    },
    Service {
        code: "physiotherapy",
        fi: "Fysioterapia",
        sv: "Fysioterapi",
        en: "Physiotherapy",
        desc: [
            "Fysioterapeutin 45 minuutin käynti: liikkumiskyvyn arviointi ja harjoitteet.",
            "Ett 45 minuters besök hos fysioterapeut: bedömning av rörelseförmåga och övningar.",
            "A 45-minute physiotherapy visit: mobility assessment and exercises.",
        ],
        fi_part: "fysioterapiaa",
        unit: "visit",
        base_cents: 7200,
        name_parts: &["Fysio", "Kuntoutus", "Liikeklinikka"],
    },
];

const FIRST_PARTS: &[&str] = &[
    "Aamu",
    "Apila",
    "Arjen",
    "Helmi",
    "Kielo",
    "Koivu",
    "Lähi",
    "Mänty",
    "Onni",
    "Pihlaja",
    "Sointu",
    "Tammi",
    "Tuuli",
    "Vire",
    "Kaari",
    "Lumme",
    "Ruska",
    "Kajo",
    "Hely",
    "Sini",
    "Meri",
    "Kotiranta",
    "Vaahtera",
    "Kanerva",
    "Lumo",
    "Aalto",
    "Kide",
    "Usva",
    "Virta",
    "Paju",
];
const SWEDISH_PARTS: &[&str] = &[
    "Skärgårdens",
    "Kustens",
    "Ålands",
    "Linnéa",
    "Björk",
    "Solvik",
    "Strand",
    "Ekbacka",
];
const SWEDISH_KINDS: &[(&str, &str)] = &[
    ("home-care", "Hemvård"),
    ("cleaning", "Städservice"),
    ("family-home-help", "Familjehjälp"),
    ("speech-therapy", "Talterapi"),
    ("respite-care", "Vårdhem"),
    ("physiotherapy", "Fysio"),
];
const FORMS: &[&str] = &["Oy", "Oy", "Oy", "Ky", "Oy Ab"];
const OTHER_LANGS: &[&str] = &["en", "ru", "et", "so", "ar"];

/// One generated producer.
struct Producer {
    id: i64,
    business_id: BusinessId,
    name: String,
    home: usize,
    languages: Vec<&'static str>,
    /// (municipality index, service index, status)
    approvals: Vec<(usize, usize, &'static str)>,
}

fn business_id(rng: &mut Rng, used: &mut std::collections::HashSet<String>) -> BusinessId {
    loop {
        let body = 1_000_000 + rng.below(2_999_999) as u32;
        if let Some(id) = BusinessId::from_body(body) {
            if used.insert(id.as_str().to_owned()) {
                return id;
            }
        }
    }
}

pub(crate) fn sql_text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// How the demo texts say "in <language>": Finnish translative, Swedish and English names.
const LANGUAGE_WORDS: &[(&str, [&str; 3])] = &[
    ("fi", ["suomeksi", "finska", "Finnish"]),
    ("sv", ["ruotsiksi", "svenska", "Swedish"]),
    ("en", ["englanniksi", "engelska", "English"]),
    ("ru", ["venäjäksi", "ryska", "Russian"]),
    ("et", ["viroksi", "estniska", "Estonian"]),
    ("so", ["somaliksi", "somaliska", "Somali"]),
    ("ar", ["arabiaksi", "arabiska", "Arabic"]),
];

/// The producer's languages as a list in text language `i` (0 fi, 1 sv, 2 en).
fn language_words(langs: &[&str], i: usize) -> String {
    let and = ["ja", "och", "and"][i];
    let words = langs
        .iter()
        .filter_map(|l| {
            LANGUAGE_WORDS
                .iter()
                .find(|(code, _)| code == l)
                .map(|(_, w)| w[i])
        })
        .collect();
    join_list(words, and)
}

fn join_list(items: Vec<&str>, and: &str) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// Builds the demo producers. Producer 1..=22 all offer home care in Helsinki, so that
/// list has more than one page.
fn demo_producers(rng: &mut Rng) -> Vec<Producer> {
    let mut used_ids = std::collections::HashSet::new();
    let mut used_names = std::collections::HashSet::new();
    let mut producers = Vec::new();
    for id in 1..=60i64 {
        let swedish = id % 7 == 3;
        let main_service = if id <= 22 {
            0
        } else {
            rng.below(SERVICES.len() as u64) as usize
        };
        let home = if id <= 22 {
            1
        } else if swedish {
            0
        } else {
            rng.below(MUNICIPALITIES.len() as u64) as usize
        };
        let name = loop {
            let candidate = if swedish {
                let kind = SWEDISH_KINDS
                    .iter()
                    .find(|(c, _)| *c == SERVICES[main_service].code)
                    .map_or("Vård", |(_, k)| k);
                format!("{} {} Ab", rng.pick(SWEDISH_PARTS), kind)
            } else {
                format!(
                    "{} {} {}",
                    rng.pick(FIRST_PARTS),
                    rng.pick(SERVICES[main_service].name_parts),
                    rng.pick(FORMS)
                )
            };
            if used_names.insert(candidate.clone()) {
                break candidate;
            }
        };
        let mut languages = vec!["fi"];
        if swedish || (MUNICIPALITIES[home].bilingual && rng.chance(45)) {
            languages.push("sv");
        }
        if swedish {
            languages.swap(0, 1);
        }
        if rng.chance(35) {
            languages.push("en");
        }
        if rng.chance(15) {
            let other = rng.pick(OTHER_LANGS);
            if !languages.contains(other) {
                languages.push(other);
            }
        }
        let mut approvals = vec![(home, main_service, "approved")];
        // Many producers also work in a neighbouring municipality or offer a related service.
        if rng.chance(50) {
            let m = rng.below(MUNICIPALITIES.len() as u64) as usize;
            approvals.push((m, main_service, "approved"));
        }
        if rng.chance(40) {
            let s = rng.below(SERVICES.len() as u64) as usize;
            approvals.push((
                home,
                s,
                if rng.chance(15) {
                    "pending"
                } else {
                    "approved"
                },
            ));
        }
        approvals.sort();
        approvals.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        producers.push(Producer {
            id,
            business_id: business_id(rng, &mut used_ids),
            name,
            home,
            languages,
            approvals,
        });
    }
    name_the_mock_companies(&mut producers);
    // Producers that must never appear publicly.
    let hidden = [
        (HIDDEN_PRODUCERS[0], 0, "pending"),
        (HIDDEN_PRODUCERS[1], 2, "withdrawn"),
        (HIDDEN_PRODUCERS[2], 3, "pending"),
    ];
    for (i, (name, service, status)) in hidden.into_iter().enumerate() {
        let id = 61 + i as i64;
        producers.push(Producer {
            id,
            business_id: business_id(rng, &mut used_ids),
            name: name.to_owned(),
            home: 0,
            languages: vec!["fi"],
            approvals: vec![(0, service, status), (1, service, status)],
        });
    }
    producers
}

/// The companies in the Valtuudet mock's trade register (`mocks/data/valtuudet.json`):
/// (municipality index, service index, name, business id). Each becomes the first demo
/// producer approved for that service there — the one that logged the demo customers'
/// events — so that the mock's test persons can act for it as producers.
pub const MOCK_COMPANIES: [(usize, usize, &str, &str); 2] = [
    (0, 0, "Hoivapalvelu Aurinko Oy", "2077474-0"),
    (0, 3, "Rova Oy", "7019376-8"),
];

fn name_the_mock_companies(producers: &mut [Producer]) {
    for (municipality, service, name, business_id) in MOCK_COMPANIES {
        let first = producers.iter_mut().find(|p| {
            p.approvals
                .iter()
                .any(|a| a.0 == municipality && a.1 == service && a.2 == "approved")
        });
        if let (Some(producer), Ok(business_id)) = (first, BusinessId::parse(business_id)) {
            producer.name = name.to_owned();
            producer.business_id = business_id;
        }
    }
}

fn write_catalogue(out: &mut String) {
    out.push_str("INSERT INTO municipalities (code, name_fi, name_sv, bilingual) VALUES\n");
    let rows: Vec<String> = MUNICIPALITIES
        .iter()
        .map(|m| {
            format!(
                "  ({}, {}, {}, {})",
                sql_text(m.code),
                sql_text(m.fi),
                sql_text(m.sv),
                i32::from(m.bilingual)
            )
        })
        .collect();
    out.push_str(&rows.join(",\n"));
    out.push_str(";\n");
    out.push_str("INSERT INTO services (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, unit, sort_order) VALUES\n");
    let rows: Vec<String> = SERVICES
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "  ({}, {}, {}, {}, {}, {}, {}, {}, {})",
                sql_text(s.code),
                sql_text(s.fi),
                sql_text(s.sv),
                sql_text(s.en),
                sql_text(s.desc[0]),
                sql_text(s.desc[1]),
                sql_text(s.desc[2]),
                sql_text(s.unit),
                i + 1
            )
        })
        .collect();
    out.push_str(&rows.join(",\n"));
    out.push_str(";\n");
}

// Dependants first: D1 enforces foreign keys. Reloading logs everyone out.
const CLEAR: &str = "DELETE FROM sessions;\nDELETE FROM on_behalf_selections;\nDELETE FROM messages;\nDELETE FROM on_behalf_log;\nDELETE FROM proxy_registrations;\nDELETE FROM staff_access_log;\nDELETE FROM event_checks;\nDELETE FROM voucher_decisions;\nDELETE FROM need_assessments;\nDELETE FROM income_tables;\nDELETE FROM producer_log;\nDELETE FROM event_submissions;\nDELETE FROM producer_vouchers;\nDELETE FROM voucher_lookups;\nDELETE FROM survey_answers;\nDELETE FROM feedback_replies;\nDELETE FROM feedback;\nDELETE FROM service_events;\nDELETE FROM vouchers;\nDELETE FROM customers;\nDELETE FROM offers;\nDELETE FROM approvals;\nDELETE FROM producer_languages;\nDELETE FROM producers;\nDELETE FROM services;\nDELETE FROM municipalities;\n";

/// The demo data set as SQL. `today` (`YYYY-MM-DD`) anchors the price history: every
/// approved offer has a price valid today, some an older one, and some an announced change.
pub fn demo_sql(today: &str) -> String {
    let mut rng = Rng::new(0x005E_7E11);
    let producers = demo_producers(&mut rng);
    let mut out =
        String::from("-- Seteli demo data: generated by `cargo xtask seed`; deterministic.\n");
    out.push_str(CLEAR);
    write_catalogue(&mut out);
    write_requirements(&mut out);
    let mut current_prices = Vec::new();
    let (year, month) = parse_year_month(today);
    let last_year = format!("{:04}-01-01", year - 1);
    let this_year = format!("{year:04}-01-01");
    let next_month = if month == 12 {
        format!("{:04}-01-01", year + 1)
    } else {
        format!("{year:04}-{:02}-01", month + 1)
    };
    for p in &producers {
        let home = &MUNICIPALITIES[p.home];
        let services_fi = service_list(p, |s| s.fi, "ja");
        let services_fi_part = service_list(p, |s| s.fi_part, "ja");
        let services_sv = service_list(p, |s| s.sv, "och");
        let services_en = service_list(p, |s| s.en, "and");
        let years = 2 + rng.below(25);
        let summary_fi = format!(
            "{} {} alueella. Palvelemme {}.",
            capitalize(&services_fi),
            home.fi_gen,
            language_words(&p.languages, 0)
        );
        let summary_sv = format!(
            "{} i {}. Vi betjänar på {}.",
            capitalize(&services_sv),
            home.sv,
            language_words(&p.languages, 1)
        );
        let summary_en = format!(
            "{} in {}. We serve in {}.",
            capitalize(&services_en),
            home.fi,
            language_words(&p.languages, 2)
        );
        let description_fi = format!(
            "{} on toiminut {} seudulla {}. Tarjoamme palvelusetelillä {}. Työntekijämme ovat koulutettuja lähi- ja sairaanhoitajia tai terapeutteja, ja sama tuttu työntekijä käy mahdollisuuksien mukaan aina. Palvelemme {}. Ota yhteyttä, niin sovitaan ensimmäinen käynti.",
            p.name, home.fi_gen, format_years_fi(years), services_fi_part, language_words(&p.languages, 0)
        );
        let description_sv = format!(
            "{} har verkat i {} i {} år. Med servicesedel erbjuder vi {}. Våra anställda är utbildade när- och sjukskötare eller terapeuter, och så långt det är möjligt kommer samma bekanta person varje gång. Vi betjänar på {}. Kontakta oss så kommer vi överens om det första besöket.",
            p.name, home.sv, years, services_sv, language_words(&p.languages, 1)
        );
        let has_english = p.languages.contains(&"en");
        let description_en = format!(
            "{} has worked in the {} area for {} years. With a service voucher we offer {}. Our staff are trained practical nurses, nurses or therapists, and whenever possible the same familiar person visits each time. We serve in {}. Contact us to agree on the first visit.",
            p.name, home.fi, years, services_en, language_words(&p.languages, 2)
        );
        let street = rng.pick(home.streets);
        let postal = format!("{}{}0", home.postal_prefix, rng.below(10));
        let slug: String = p
            .name
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(20)
            .collect();
        let website = if rng.chance(70) {
            Some(format!("https://www.{slug}.example.fi"))
        } else {
            None
        };
        let opt = |s: Option<String>| s.map_or("NULL".to_owned(), |s| sql_text(&s));
        let _ = writeln!(
            out,
            "INSERT INTO producers (id, business_id, name, summary_fi, summary_sv, summary_en, description_fi, description_sv, description_en, street_address, postal_code, post_office, phone, email, website) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {});",
            p.id, sql_text(p.business_id.as_str()), sql_text(&p.name), sql_text(&summary_fi), sql_text(&summary_sv),
            opt(has_english.then_some(summary_en)), sql_text(&description_fi), sql_text(&description_sv),
            opt(has_english.then_some(description_en)), sql_text(&format!("{street} {}", 1 + rng.below(60))),
            sql_text(&postal), sql_text(home.fi), sql_text(&format!("+358 40 {:03} {:04}", rng.below(1000), rng.below(10000))),
            sql_text(&format!("asiakaspalvelu@{slug}.example.fi")), opt(website)
        );
        for lang in &p.languages {
            let _ = writeln!(
                out,
                "INSERT INTO producer_languages (producer_id, lang) VALUES ({}, {});",
                p.id,
                sql_text(lang)
            );
        }
        for (m, s, status) in &p.approvals {
            let (m, s) = (&MUNICIPALITIES[*m], &SERVICES[*s]);
            let _ = writeln!(
                out,
                "INSERT INTO approvals (producer_id, municipality_code, service_code, status, changed_at) VALUES ({}, {}, {}, {}, {});",
                p.id, sql_text(m.code), sql_text(s.code), sql_text(status), sql_text(&format!("{last_year}T09:00:00Z"))
            );
            // Prices vary ±20 % around the typical price, in 50-cent steps.
            let spread = s.base_cents / 5;
            let price = ((s.base_cents - spread + rng.below((2 * spread) as u64) as i64) / 50) * 50;
            if *status == "approved" {
                current_prices.push(CurrentPrice {
                    producer_id: p.id,
                    municipality: m.code,
                    service: s.code,
                    unit: s.unit,
                    cents: price,
                });
            }
            let mut prices = vec![(this_year.clone(), price)];
            if rng.chance(60) {
                prices.push((last_year.clone(), ((price * 95 / 100) / 50) * 50));
            }
            if rng.chance(20) {
                prices.push((next_month.clone(), ((price * 104 / 100) / 50) * 50));
            }
            for (from, cents) in prices {
                let _ = writeln!(
                    out,
                    "INSERT INTO offers (producer_id, municipality_code, service_code, valid_from, unit, price_cents) VALUES ({}, {}, {}, {}, {}, {});",
                    p.id, sql_text(m.code), sql_text(s.code), sql_text(&from), sql_text(s.unit), cents
                );
            }
        }
    }
    customers::write_customers(&mut out, &current_prices, today);
    write_settlement_config(&mut out, today);
    if let Some(day) = seteli_domain::clock::parse_iso_date(today) {
        authorisations::write(&mut out, day);
    }
    out
}

/// The organisers' own accounts for the bank's payment file and the mock companies'
/// accounts in effect (demo values: valid IBANs of no real account), so that finance can
/// settle a month and write its payment file on `cargo xtask dev`.
fn write_settlement_config(out: &mut String, today: &str) {
    let at = sql_text(&format!("{today}T08:00:00Z"));
    let _ = writeln!(
        out,
        "UPDATE organisers SET business_id = '3221331-4', payer_iban = 'FI2112345600000785' WHERE code = 'ita-uusimaa';
UPDATE organisers SET business_id = '0201256-6', payer_iban = 'FI4610203000012345' WHERE code = 'helsinki';
INSERT INTO producer_accounts (producer_id, iban, entered_by_name, entered_at, status, decided_by, decided_by_name, decided_at, decided_organiser)
    SELECT id, 'FI6940550010200123', 'Karl-Johan Fredrik Nyström', {at}, 'confirmed', 'talous', 'Leena Marja Salonen', {at}, 'ita-uusimaa'
    FROM producers WHERE business_id = '2077474-0';"
    );
}

/// What each organiser asks of a producer of each service in each municipality (the
/// checklist an application answers): liability insurance and a self-monitoring plan, each
/// backed by a file, and registration in the register of private social and health care
/// providers (Soteri).
const REQUIREMENTS: &[(&str, i64, &str, &str, &str)] = &[
    ("liability_insurance", 1, "Voimassa oleva vastuuvakuutus", "Gällande ansvarsförsäkring", "Liability insurance in force"),
    ("self_monitoring_plan", 1, "Omavalvontasuunnitelma", "Plan för egenkontroll", "Self-monitoring plan"),
    ("provider_register", 0, "Rekisteröinti yksityisten sosiaali- ja terveydenhuollon palveluntuottajien rekisteriin (Soteri)",
     "Registrering i registret över privata social- och hälsovårdstjänster (Soteri)",
     "Registration in the register of private social and health care providers (Soteri)"),
];

fn write_requirements(out: &mut String) {
    for m in MUNICIPALITIES {
        for s in SERVICES {
            for (order, (code, file, fi, sv, en)) in REQUIREMENTS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "INSERT INTO requirements (municipality_code, service_code, code, sort_order, needs_attachment, label_fi, label_sv, label_en) VALUES ({}, {}, {}, {}, {file}, {}, {}, {});",
                    sql_text(m.code), sql_text(s.code), sql_text(code), order + 1, sql_text(fi), sql_text(sv), sql_text(en)
                );
            }
        }
    }
}

/// An approved producer's price valid today, for the customers' service events.
pub struct CurrentPrice {
    pub producer_id: i64,
    pub municipality: &'static str,
    pub service: &'static str,
    pub unit: &'static str,
    pub cents: i64,
}

/// The producer's services, each once, as a lowercase list in one language.
fn service_list(p: &Producer, name: impl Fn(&Service) -> &'static str, and: &str) -> String {
    let mut names: Vec<&str> = Vec::new();
    for (_, s, _) in &p.approvals {
        let n = name(&SERVICES[*s]);
        if !names.contains(&n) {
            names.push(n);
        }
    }
    join_list(names, and).to_lowercase()
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn format_years_fi(years: u64) -> String {
    format!("{years} vuotta")
}

fn parse_year_month(today: &str) -> (i32, u32) {
    let year = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let month = today.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    (year, month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use seteli_edge::db::sqlite::Sqlite;

    fn load(sql: &str) -> Sqlite {
        let db = Sqlite::in_memory().unwrap();
        db.execute_script(sql).unwrap();
        db
    }

    fn count(db: &Sqlite, sql: &str) -> i64 {
        db.scalar(sql).unwrap()
    }

    #[test]
    fn demo_data_is_deterministic() {
        assert_eq!(demo_sql("2026-11-21"), demo_sql("2026-11-21"));
    }

    #[test]
    fn demo_data_loads_over_the_migrations_and_meets_the_brief() {
        let conn = load(&demo_sql("2026-11-21"));
        assert!(count(&conn, "SELECT COUNT(*) FROM municipalities") >= 3);
        assert_eq!(count(&conn, "SELECT COUNT(*) FROM municipalities WHERE code = '638' AND name_sv = 'Borgå' AND bilingual = 1"), 1);
        assert!(count(&conn, "SELECT COUNT(*) FROM services") >= 6);
        let approved = count(
            &conn,
            "SELECT COUNT(DISTINCT producer_id) FROM approvals WHERE status = 'approved'",
        );
        assert!(approved >= 40, "{approved} approved producers");
        let never_public = count(
            &conn,
            "SELECT COUNT(*) FROM producers p WHERE NOT EXISTS (SELECT 1 FROM approvals a WHERE a.producer_id = p.id AND a.status = 'approved')",
        );
        assert_eq!(never_public, HIDDEN_PRODUCERS.len() as i64);
        // Every municipality × service pair has someone to compare.
        let empty_pairs = count(
            &conn,
            "SELECT COUNT(*) FROM municipalities m, services s WHERE NOT EXISTS
               (SELECT 1 FROM approvals a WHERE a.municipality_code = m.code AND a.service_code = s.code AND a.status = 'approved')",
        );
        assert!(
            empty_pairs <= 6,
            "{empty_pairs} municipality-service pairs have no producer"
        );
        // More than one page of home care in Helsinki.
        assert!(count(&conn, "SELECT COUNT(*) FROM approvals WHERE municipality_code = '091' AND service_code = 'home-care' AND status = 'approved'") > 20);
        // The Swedish texts really are Swedish. (Business ids are valid by construction:
        // they are `BusinessId`s, which only a valid id can be.)
        let sql = "SELECT COUNT(*) FROM producers WHERE id <= 60 AND description_sv NOT LIKE '%Vi betjänar på%'";
        assert_eq!(count(&conn, sql), 0);
    }

    #[test]
    fn every_approved_offer_has_a_price_valid_today() {
        let conn = load(&demo_sql("2026-11-21"));
        let without_price = count(
            &conn,
            "SELECT COUNT(*) FROM approvals a WHERE a.status = 'approved' AND NOT EXISTS
               (SELECT 1 FROM offers o WHERE o.producer_id = a.producer_id AND o.municipality_code = a.municipality_code
                  AND o.service_code = a.service_code AND o.valid_from <= '2026-11-21')",
        );
        assert_eq!(without_price, 0);
    }

    #[test]
    fn the_large_set_has_ten_thousand_producers_and_a_hundred_thousand_offers() {
        let conn = load(&large_sql(10_000));
        assert_eq!(count(&conn, "SELECT COUNT(*) FROM producers"), 10_000);
        assert!(count(&conn, "SELECT COUNT(*) FROM offers") >= 100_000);
    }
}
