//! The organisers' own e-authorisation governance in the demo (issue 17): Itä-Uusimaa's (which
//! organises for Porvoo) departments and job titles, a catalogue of a dozen authorisations its
//! employees use in other agencies' services, the maps, and a few holdings — one ending within
//! 60 days, so the renewal list has something; Helsinki gets a small catalogue of its own.

use super::sql_text;
use std::fmt::Write;
use time::{Date, Duration};

const IU: &str = "ita-uusimaa";
const HKI: &str = "helsinki";
const ADMIN: &str = "Jukka Petteri Laine";

/// Departments (toimialat): organiser, code, names in Finnish, Swedish and English.
const DEPARTMENTS: &[(&str, &str, [&str; 3])] = &[
    (
        IU,
        "sosiaalipalvelut",
        ["Sosiaalipalvelut", "Socialtjänster", "Social services"],
    ),
    (
        IU,
        "ikaantyneiden-palvelut",
        [
            "Ikääntyneiden palvelut",
            "Äldreomsorg",
            "Services for older people",
        ],
    ),
    (
        IU,
        "talous-ja-hallinto",
        [
            "Talous- ja hallintopalvelut",
            "Ekonomi- och förvaltningstjänster",
            "Finance and administration",
        ],
    ),
    (
        IU,
        "henkilostopalvelut",
        ["Henkilöstöpalvelut", "Personaltjänster", "Human resources"],
    ),
    (
        IU,
        "tyollisyyspalvelut",
        [
            "Työllisyyspalvelut",
            "Sysselsättningstjänster",
            "Employment services",
        ],
    ),
    (
        HKI,
        "sosiaali-terveys",
        [
            "Sosiaali-, terveys- ja pelastustoimiala",
            "Social-, hälsovårds- och räddningssektorn",
            "Social services, health care and rescue services",
        ],
    ),
    (
        HKI,
        "kaupunginkanslia",
        ["Kaupunginkanslia", "Stadskansliet", "City Executive Office"],
    ),
];

/// Job titles (nimikkeet): organiser, code, names in Finnish, Swedish and English.
const JOB_TITLES: &[(&str, &str, [&str; 3])] = &[
    (
        IU,
        "sosiaaliohjaaja",
        ["Sosiaaliohjaaja", "Socialhandledare", "Social counsellor"],
    ),
    (
        IU,
        "sosiaalityontekija",
        ["Sosiaalityöntekijä", "Socialarbetare", "Social worker"],
    ),
    (
        IU,
        "asiakasohjaaja",
        ["Asiakasohjaaja", "Klienthandledare", "Client coordinator"],
    ),
    (
        IU,
        "palvelupaallikko",
        ["Palvelupäällikkö", "Servicechef", "Service manager"],
    ),
    (
        IU,
        "palkanlaskija",
        ["Palkanlaskija", "Löneräknare", "Payroll officer"],
    ),
    (
        IU,
        "kirjanpitaja",
        ["Kirjanpitäjä", "Bokförare", "Accountant"],
    ),
    (
        IU,
        "omavalmentaja",
        ["Omavalmentaja", "Personlig coach", "Personal coach"],
    ),
    (
        IU,
        "hankinta-asiantuntija",
        [
            "Hankinta-asiantuntija",
            "Upphandlingsexpert",
            "Procurement specialist",
        ],
    ),
    (
        IU,
        "valtuushallinnoija",
        [
            "Valtuuksien hallinnoija",
            "Fullmaktsadministratör",
            "Authorisation administrator",
        ],
    ),
    (
        HKI,
        "sosiaaliohjaaja",
        ["Sosiaaliohjaaja", "Socialhandledare", "Social counsellor"],
    ),
    (
        HKI,
        "palkanlaskija",
        ["Palkanlaskija", "Löneräknare", "Payroll officer"],
    ),
    (HKI, "esihenkilo", ["Esihenkilö", "Chef", "Supervisor"]),
    (
        HKI,
        "valtuushallinnoija",
        [
            "Valtuuksien hallinnoija",
            "Fullmaktsadministratör",
            "Authorisation administrator",
        ],
    ),
    (
        HKI,
        "asiakasohjaaja",
        ["Asiakasohjaaja", "Klienthandledare", "Client coordinator"],
    ),
];

const KELA: [&str; 3] = ["Kela", "FPA", "Kela"];
const KELMU: [&str; 3] = [
    "Etuustietopalvelu Kelmu",
    "Förmånsinformationstjänsten Kelmu",
    "Kelmu benefit information service",
];
const INCOMES_REGISTER: [&str; 3] = [
    "Verohallinto, tulorekisteriyksikkö",
    "Skatteförvaltningen, inkomstregisterenheten",
    "Finnish Tax Administration, Incomes Register Unit",
];
const INCOMES_REGISTER_SERVICE: [&str; 3] = [
    "Tulorekisterin asiointipalvelu",
    "Inkomstregistrets e-tjänst",
    "Incomes Register e-service",
];
const BENEFIT_INFORMATION: [&str; 3] = [
    "Etuustietojen katselu ja maksuvaatimusten rekisteröinti",
    "Granskning av förmånsuppgifter och registrering av betalningskrav",
    "Viewing benefit information and registering payment claims",
];
const PAY_DATA: [&str; 3] = [
    "Palkkatietojen ilmoittaminen",
    "Anmälan av löneuppgifter",
    "Reporting pay data",
];
const LABOUR_MARKET_SUBSIDY: [&str; 3] = [
    "Työmarkkinatukiaineistojen tarkastelu",
    "Granskning av material om arbetsmarknadsstöd",
    "Reviewing labour market subsidy data",
];

/// The catalogue: id, organiser, kind ('act', 'represent', 'grant'), name, agency, service
/// (each in Finnish, Swedish and English), Suomi.fi issue code (none confirmed: NULL), why,
/// and whether the organisation holds it.
type Entry = (
    i64,
    &'static str,
    &'static str,
    [&'static str; 3],
    [&'static str; 3],
    [&'static str; 3],
    Option<&'static str>,
    [&'static str; 3],
    bool,
);

const CATALOGUE: &[Entry] = &[
    (1, IU, "act", BENEFIT_INFORMATION, KELA, KELMU, None, [
        "Sosiaalipalvelut tarkistavat asiakkaan Kela-etuudet päättäessään täydentävästä ja ehkäisevästä toimeentulotuesta ja asiakasmaksuista. Maksuvaatimuksella hyvinvointialue saa Kelan etuuden itselleen, kun se on jo maksanut asiakkaan menot.",
        "Socialtjänsten kontrollerar klientens förmåner från FPA när den beslutar om kompletterande och förebyggande utkomststöd och klientavgifter. Med ett betalningskrav får välfärdsområdet FPA:s förmån till sig när det redan har betalat klientens utgifter.",
        "Social services check a client's Kela benefits when deciding on supplementary and preventive social assistance and client fees. With a payment claim the county receives the Kela benefit itself when it has already paid the client's costs.",
    ], true),
    (2, IU, "act", [
        "Toimeentulotukiasioiden tietojen katselu",
        "Granskning av uppgifter i utkomststödsärenden",
        "Viewing social assistance case information",
    ], KELA, KELMU, None, [
        "Kela välittää hyvinvointialueelle perustoimeentulotuen tietoja, hakemuksia täydentävästä ja ehkäisevästä toimeentulotuesta sekä ilmoituksia sosiaalihuollon tarpeesta. Sosiaalityöntekijät tarvitsevat ne, mutta hyvinvointialueelta puuttuu vielä tämä valtuus.",
        "FPA förmedlar uppgifter om grundläggande utkomststöd, ansökningar om kompletterande och förebyggande utkomststöd och anmälningar om behov av socialvård till välfärdsområdet. Socialarbetarna behöver dem, men välfärdsområdet har ännu inte den här fullmakten.",
        "Kela forwards basic social assistance information, applications for supplementary and preventive social assistance and notices of a need for social services to the county. Social workers need them, but the county does not hold this mandate yet.",
    ], false),
    (3, IU, "act", ["Palkkatuen hakeminen", "Ansökan om lönesubvention", "Applying for pay subsidy"],
        ["KEHA-keskus", "KEHA-centret", "KEHA Centre"],
        ["Työmarkkinatori", "Jobbmarknad Finland", "Job Market Finland"], None, [
        "Työllisyyspalvelut hakevat palkkatukea, kun hyvinvointialue palkkaa työttömän työnhakijan, ja tekevät tuen maksatushakemukset.",
        "Sysselsättningstjänsterna ansöker om lönesubvention när välfärdsområdet anställer en arbetslös arbetssökande och gör ansökningarna om utbetalning av stödet.",
        "Employment services apply for pay subsidy when the county employs an unemployed jobseeker, and file the claims for its payment.",
    ], true),
    (4, IU, "represent", [
        "Työmarkkinatukiaineistojen tarkastelu Porvoon kaupungin puolesta",
        "Granskning av material om arbetsmarknadsstöd för Borgå stads räkning",
        "Reviewing labour market subsidy data for the City of Porvoo",
    ], KELA, KELMU, None, [
        "Porvoon kaupunki on antanut hyvinvointialueelle asiointivaltuuden, ja omavalmentajat käyttävät sitä edustamisvaltuutena: he tarkistavat kaupungin työmarkkinatukilaskun henkilöluettelon ja listan työnhakijoista, joiden työttömyys uhkaa pitkittyä.",
        "Borgå stad har gett välfärdsområdet en ärendefullmakt, och de personliga coacherna använder den som representationsfullmakt: de kontrollerar personförteckningen i stadens faktura för arbetsmarknadsstöd och listan över arbetssökande vars arbetslöshet hotar att bli långvarig.",
        "The City of Porvoo has given the county a mandate for transactions, and personal coaches use it as a mandate to represent: they check the list of persons on the city's labour market subsidy invoice and the list of jobseekers at risk of long-term unemployment.",
    ], true),
    (5, IU, "act", PAY_DATA, INCOMES_REGISTER, INCOMES_REGISTER_SERVICE, None, [
        "Palkanlaskijat ilmoittavat hyvinvointialueen maksamat palkat tulorekisteriin viiden päivän kuluessa maksupäivästä ja korjaavat virheelliset ilmoitukset.",
        "Löneräknarna anmäler de löner välfärdsområdet betalar till inkomstregistret inom fem dagar från betalningsdagen och rättar felaktiga anmälningar.",
        "Payroll officers report the pay the county pays to the Incomes Register within five days of the payment date and correct wrong reports.",
    ], true),
    (6, IU, "act", ["Verotusasioiden hoitaminen", "Skötsel av beskattningsärenden", "Managing tax matters"],
        ["Verohallinto", "Skatteförvaltningen", "Finnish Tax Administration"],
        ["OmaVero", "MinSkatt", "MyTax"], None, [
        "Taloushallinto hoitaa hyvinvointialueen verotusasiat OmaVerossa: oma-aloitteiset verot ja arvonlisäverokompensaation hakemisen.",
        "Ekonomiförvaltningen sköter välfärdsområdets beskattningsärenden i MinSkatt: skatter på eget initiativ och ansökan om mervärdesskattekompensation.",
        "Finance handles the county's tax matters in MyTax: self-assessed taxes and claiming the VAT compensation.",
    ], true),
    (7, IU, "act", [
        "Palvelussuhteeseen liittyvien etuuksien hakeminen",
        "Ansökan om förmåner i anslutning till anställningsförhållande",
        "Applying for employment-related benefits",
    ], KELA, ["Työnantajan asiointipalvelu", "Arbetsgivarens e-tjänst", "Employer e-service"], None, [
        "Henkilöstöpalvelut hakevat Kelasta sairaus- ja vanhempainpäivärahat työnantajalle, kun työntekijälle on maksettu palkkaa poissaolon ajalta.",
        "Personaltjänsterna ansöker hos FPA om sjuk- och föräldradagpenning till arbetsgivaren när den anställda har fått lön under frånvaron.",
        "Human resources claim sickness and parental allowances from Kela for the employer when an employee has been paid during an absence.",
    ], true),
    (8, IU, "act", [
        "Työnantajan eläkeasioiden hoitaminen",
        "Skötsel av arbetsgivarens pensionsärenden",
        "Handling the employer's pension matters",
    ], ["Keva", "Keva", "Keva"],
        ["Kevan asiointipalvelu työnantajille", "Kevas e-tjänst för arbetsgivare", "Keva's e-service for employers"], None, [
        "Henkilöstöpalvelut selvittävät työntekijöiden eläke- ja työkyvyttömyysasioita ja antavat Kevalle työnantajan selvitykset. Valtuutta ei vielä ole, joten selvitykset lähetetään nyt postitse.",
        "Personaltjänsterna utreder de anställdas pensions- och arbetsoförmågeärenden och ger Keva arbetsgivarens utredningar. Fullmakten finns ännu inte, så utredningarna skickas nu per post.",
        "Human resources look into employees' pension and disability matters and give Keva the employer's statements. The mandate is not held yet, so the statements go by post for now.",
    ], false),
    (9, IU, "act", [
        "Hankintailmoitusten julkaiseminen",
        "Publicering av upphandlingsannonser",
        "Publishing procurement notices",
    ], [
        "Hansel Oy (työ- ja elinkeinoministeriön toimeksiannosta)",
        "Hansel Ab (på uppdrag av arbets- och näringsministeriet)",
        "Hansel Ltd (for the Ministry of Economic Affairs and Employment)",
    ], ["Hilma", "Hilma", "Hilma"], None, [
        "Hankinta-asiantuntijat julkaisevat hyvinvointialueen hankintailmoitukset ja jälki-ilmoitukset Hilmassa, esimerkiksi kotihoidon ostopalvelujen kilpailutukset.",
        "Upphandlingsexperterna publicerar välfärdsområdets upphandlingsannonser och efterhandsannonser i Hilma, till exempel konkurrensutsättningar av köpta hemvårdstjänster.",
        "Procurement specialists publish the county's contract notices and award notices in Hilma, for example tenders for purchased home care services.",
    ], true),
    (10, IU, "act", [
        "Yritys- ja yhteisötietojen muutosilmoitukset",
        "Ändringsanmälningar av företags- och organisationsuppgifter",
        "Notifying changes to business information",
    ], [
        "Patentti- ja rekisterihallitus (PRH)",
        "Patent- och registerstyrelsen (PRS)",
        "Finnish Patent and Registration Office (PRH)",
    ], ["YTJ-asiointipalvelu", "FODS e-tjänst", "YTJ e-service"], None, [
        "Talous- ja hallintopalvelut ilmoittavat hyvinvointialueen osoite- ja yhteystietojen muutokset YTJ:hin. Valtuus puuttuu, joten muutokset tehdään nyt paperilomakkeella.",
        "Ekonomi- och förvaltningstjänsterna anmäler ändringar i välfärdsområdets adress- och kontaktuppgifter till FODS. Fullmakten saknas, så ändringarna görs nu på pappersblankett.",
        "Finance and administration notify changes to the county's address and contact details to the Business Information System (YTJ). The mandate is missing, so changes are made on a paper form for now.",
    ], false),
    (11, IU, "act", [
        "Palveluntuottajan rekisteri-ilmoitukset",
        "Registeranmälningar för tjänsteproducenter",
        "Service provider register notifications",
    ], ["Lupa- ja valvontavirasto", "Tillstånds- och tillsynsverket", "Finnish Supervisory Agency"], [
        "Luvat ja valvonta -palvelu (Soteri-rekisteri)",
        "Tjänsten Tillstånd och tillsyn (Soteri-registret)",
        "Permits and supervision service (Soteri register)",
    ], None, [
        "Ikääntyneiden palvelut ilmoittavat hyvinvointialueen omat palveluyksiköt ja niiden muutokset, kuten uuden ympärivuorokautisen hoivan yksikön tai vastuuhenkilön vaihdon, sosiaali- ja terveydenhuollon palveluntuottajarekisteriin Soteriin.",
        "Äldreomsorgen anmäler välfärdsområdets egna serviceenheter och ändringar i dem, som en ny enhet för omsorg dygnet runt eller byte av ansvarsperson, till registret över tjänsteproducenter inom social- och hälsovården, Soteri.",
        "Services for older people register the county's own service units and changes to them, such as a new round-the-clock care unit or a new responsible person, in Soteri, the register of social and health care service providers.",
    ], true),
    (12, IU, "grant", ["Valtuutusoikeus", "Fullmaktsrätt", "Right to grant mandates"], [
        "Digi- ja väestötietovirasto (DVV)",
        "Myndigheten för digitalisering och befolkningsdata (DVV)",
        "Digital and Population Data Services Agency (DVV)",
    ], ["Suomi.fi-valtuudet", "Suomi.fi-fullmakter", "Suomi.fi e-Authorizations"], None, [
        "Valtuuksien hallinnoija antaa ja mitätöi hyvinvointialueen asiointivaltuudet työntekijöille Suomi.fi-valtuuksissa. Oikeus rekisteröitiin virkailijavaltuuttamisella; se ei itse anna lupaa asioida muissa palveluissa.",
        "Fullmaktsadministratören ger och annullerar välfärdsområdets ärendefullmakter för de anställda i Suomi.fi-fullmakter. Rätten registrerades genom tjänstemannabefullmäktigande; den ger inte i sig rätt att sköta ärenden i andra tjänster.",
        "The authorisation administrator grants and invalidates the county's mandates for transactions to employees in Suomi.fi e-Authorizations. The right was registered through the mandate service provided by officials; it does not by itself allow acting in other services.",
    ], true),
    (101, HKI, "act", BENEFIT_INFORMATION, KELA, KELMU, None, [
        "Sosiaalityö tarkistaa asiakkaan Kela-etuudet täydentävästä ja ehkäisevästä toimeentulotuesta ja asiakasmaksuista päätettäessä.",
        "Socialarbetet kontrollerar klientens FPA-förmåner vid beslut om kompletterande och förebyggande utkomststöd och klientavgifter.",
        "Social work checks a client's Kela benefits when deciding on supplementary and preventive social assistance and client fees.",
    ], true),
    (102, HKI, "act", PAY_DATA, INCOMES_REGISTER, INCOMES_REGISTER_SERVICE, None, [
        "Palkanlaskenta ilmoittaa kaupungin maksamat palkat tulorekisteriin.",
        "Lönehanteringen anmäler de löner staden betalar till inkomstregistret.",
        "Payroll reports the pay the city pays to the Incomes Register.",
    ], true),
    (103, HKI, "act", LABOUR_MARKET_SUBSIDY, KELA, KELMU, None, [
        "Kaupungin työllisyyspalvelut tarkistavat työmarkkinatuen kuntaosuuslaskun henkilöluettelon. Valtuutta ei ole vielä haettu.",
        "Stadens sysselsättningstjänster kontrollerar personförteckningen i kommunandelsfakturan för arbetsmarknadsstöd. Fullmakten har ännu inte sökts.",
        "The city's employment services check the list of persons on the municipal-share invoice for labour market subsidy. The mandate has not been applied for yet.",
    ], false),
];

/// Department maps: organiser, department, the authorisations its work needs.
const DEPARTMENT_MAPS: &[(&str, &str, &[i64])] = &[
    (IU, "sosiaalipalvelut", &[1, 2]),
    (IU, "ikaantyneiden-palvelut", &[1, 11]),
    (IU, "talous-ja-hallinto", &[6, 9, 10]),
    (IU, "henkilostopalvelut", &[5, 7, 8]),
    (IU, "tyollisyyspalvelut", &[3, 4]),
    (HKI, "sosiaali-terveys", &[101]),
    (HKI, "kaupunginkanslia", &[102, 103]),
];

/// Job-title maps: organiser, job title, the authorisations its work needs.
const JOB_TITLE_MAPS: &[(&str, &str, &[i64])] = &[
    (IU, "sosiaaliohjaaja", &[1]),
    (IU, "sosiaalityontekija", &[1, 2]),
    (IU, "asiakasohjaaja", &[1]),
    (IU, "palvelupaallikko", &[1, 2, 11]),
    (IU, "palkanlaskija", &[5, 7]),
    (IU, "kirjanpitaja", &[6]),
    (IU, "omavalmentaja", &[3, 4]),
    (IU, "hankinta-asiantuntija", &[9]),
    (IU, "valtuushallinnoija", &[12]),
    (HKI, "sosiaaliohjaaja", &[101]),
    (HKI, "asiakasohjaaja", &[101]),
    (HKI, "palkanlaskija", &[102]),
];

/// Holdings: id, organiser, authorisation, given and family name, test identity code,
/// username (staff users only), department, job title, since (days ago), until (days from
/// today; `None`: until further notice).
type Holding = (
    i64,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    i64,
    Option<i64>,
);

#[rustfmt::skip]
const HOLDINGS: &[Holding] = &[
    (1, IU, 1, "Sari Helena", "Virtanen", "140378-9120", Some("asiakaspalvelu"), "sosiaalipalvelut", "asiakasohjaaja", 420, Some(310)),
    (2, IU, 12, "Jukka Petteri", "Laine", "020965-934E", Some("valtuushallinnoija"), "talous-ja-hallinto", "valtuushallinnoija", 730, None),
    (3, IU, 6, "Leena Marja", "Salonen", "250671-9586", Some("talous"), "talous-ja-hallinto", "kirjanpitaja", 300, Some(430)),
    // Ends in 40 days: the renewal list shows it.
    (4, IU, 5, "Anna-Maija", "Nieminen", "110886-921E", None, "henkilostopalvelut", "palkanlaskija", 325, Some(40)),
    (5, IU, 7, "Anna-Maija", "Nieminen", "110886-921E", None, "henkilostopalvelut", "palkanlaskija", 325, Some(405)),
    (6, IU, 4, "Mikko Juhani", "Mäkelä", "300592-946M", None, "tyollisyyspalvelut", "omavalmentaja", 150, Some(580)),
    (7, HKI, 101, "Maria Kristiina", "Korhonen", "070489-9733", Some("helsinki-asiakaspalvelu"), "sosiaali-terveys", "asiakasohjaaja", 250, Some(480)),
];

fn opt(s: Option<&str>) -> String {
    s.map_or("NULL".to_owned(), sql_text)
}

fn date(d: Date) -> String {
    sql_text(&d.to_string())
}

/// Writes the departments, job titles, catalogue, maps and holdings.
pub fn write(out: &mut String, today: Date) {
    for (table, rows) in [("departments", DEPARTMENTS), ("job_titles", JOB_TITLES)] {
        for (organiser, code, [fi, sv, en]) in rows {
            let _ = writeln!(
                out,
                "INSERT INTO {table} (organiser_code, code, name_fi, name_sv, name_en) VALUES ({}, {}, {}, {}, {});",
                sql_text(organiser), sql_text(code), sql_text(fi), sql_text(sv), sql_text(en)
            );
        }
    }
    let updated_at = sql_text(&format!("{today}T08:00:00Z"));
    for (id, organiser, kind, name, agency, service, issue_code, why, held) in CATALOGUE {
        let _ = writeln!(
            out,
            "INSERT INTO authorisations (id, organiser_code, kind, name_fi, name_sv, name_en, agency_fi, agency_sv, agency_en, service_fi, service_sv, service_en, issue_code, why_fi, why_sv, why_en, held, updated_at, updated_by_name) VALUES ({id}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {updated_at}, {});",
            sql_text(organiser), sql_text(kind),
            sql_text(name[0]), sql_text(name[1]), sql_text(name[2]),
            sql_text(agency[0]), sql_text(agency[1]), sql_text(agency[2]),
            sql_text(service[0]), sql_text(service[1]), sql_text(service[2]),
            opt(*issue_code),
            sql_text(why[0]), sql_text(why[1]), sql_text(why[2]),
            i64::from(*held), sql_text(ADMIN)
        );
    }
    for (maps, by_department) in [(DEPARTMENT_MAPS, true), (JOB_TITLE_MAPS, false)] {
        for (organiser, place, ids) in maps {
            let (department, job_title) = if by_department {
                (sql_text(place), "NULL".to_owned())
            } else {
                ("NULL".to_owned(), sql_text(place))
            };
            for id in *ids {
                let _ = writeln!(
                    out,
                    "INSERT INTO authorisation_map (organiser_code, authorisation_id, department_code, job_title_code) VALUES ({}, {id}, {department}, {job_title});",
                    sql_text(organiser)
                );
            }
        }
    }
    for (
        id,
        organiser,
        authorisation,
        given,
        family,
        hetu,
        username,
        department,
        job_title,
        since,
        until,
    ) in HOLDINGS
    {
        let since = date(today - Duration::days(*since));
        let until = until.map_or("NULL".to_owned(), |days| date(today + Duration::days(days)));
        let _ = writeln!(
            out,
            "INSERT INTO authorisation_holdings (id, organiser_code, authorisation_id, employee_given_name, employee_family_name, employee_hetu, employee_username, department_code, job_title_code, since, until, order_case_id, recorded_by_name) VALUES ({id}, {}, {authorisation}, {}, {}, {}, {}, {}, {}, {since}, {until}, NULL, {});",
            sql_text(organiser), sql_text(given), sql_text(family), sql_text(hetu), opt(*username),
            sql_text(department), sql_text(job_title), sql_text(ADMIN)
        );
    }
}
