//! The organiser's side of the demo data: the need assessment and the delivered decision
//! behind every demo voucher, and the income tables for home care of Itä-Uusimaa's county
//! (which organises Porvoo's home care) and of Helsinki; addresses and one disputed visit.

use super::sql_text;
use std::fmt::Write;

/// What a demo voucher's decision says.
pub struct DemoDecision {
    pub voucher_id: i64,
    pub customer_id: i64,
    pub municipality: &'static str,
    pub service: &'static str,
    pub unit_value_cents: i64,
    pub granted_units: Option<i64>,
    pub granted_cents: i64,
    pub valid_from: String,
    pub valid_until: String,
    pub decided_on: String,
}

/// The organiser of a demo municipality's voucher services (as migration 0008 lists them).
fn organiser_of(municipality: &str) -> &'static str {
    match municipality {
        "091" => "helsinki",
        "837" => "pirkanmaa",
        "853" => "varsinais-suomi",
        _ => "ita-uusimaa",
    }
}

/// The home-care income tables: household sizes 1–6 with the client-fee act's income limits
/// (2024) and the percentages of the Ministry of Social Affairs and Health's model, a full
/// value per hour and a minimum; 60 hours a month; rounded up to the cent.
const HOME_CARE_TABLES: &[(&str, i64, i64)] =
    &[("ita-uusimaa", 3200, 1200), ("helsinki", 3400, 1400)];
const HOME_CARE_ROWS: &str = "[[1,61200,3500],[2,112900,2200],[3,177200,1800],[4,219100,1500],[5,265200,1300],[6,304600,1100]]";

/// Where the demo customers' letters go (customer ids 1–5), typed by the desk.
const ADDRESSES: &[(i64, &str, &str, &str)] = &[
    (1, "Runebergsgatan 14 A 3", "06100", "Porvoo"),
    (2, "Mannerheiminkatu 22 B 7", "06100", "Porvoo"),
    (3, "Mannerheiminkatu 22 B 7", "06100", "Porvoo"),
    (4, "Mannerheiminkatu 22 B 7", "06100", "Porvoo"),
    (5, "Linnankoskenkatu 5", "06100", "Porvoo"),
];

/// Writes the customers' addresses, the assessments, decisions and income tables, and one
/// disputed visit for the desk's home to show.
pub fn write_decisions(out: &mut String, today: time::Date, vouchers: &[DemoDecision]) {
    for (customer, street, postal_code, post_office) in ADDRESSES {
        let _ = writeln!(
            out,
            "UPDATE customers SET street_address = {}, postal_code = {}, post_office = {} WHERE id = {customer};",
            sql_text(street),
            sql_text(postal_code),
            sql_text(post_office)
        );
    }
    // Karl-Johan reads Swedish: his letters come in Swedish.
    out.push_str("UPDATE customers SET lang = 'sv' WHERE id = 5;\n");
    // The customer service disputed Eeva-Liisa's earliest home-care visit (event 4) a week ago.
    let _ = writeln!(
        out,
        "INSERT INTO event_checks (event_id, status, note, checked_by, checked_by_name, checked_at) SELECT 4, 'disputed', {}, 'asiakaspalvelu', 'Sari Helena Virtanen', {} WHERE EXISTS (SELECT 1 FROM service_events WHERE id = 4);",
        sql_text("Asiakkaan mukaan käynti kesti tunnin, ei kahta."),
        sql_text(&format!("{}T09:30:00Z", seteli_domain::clock::iso_date(today - time::Duration::days(7))))
    );
    for (organiser, full, minimum) in HOME_CARE_TABLES {
        let _ = writeln!(
            out,
            "INSERT INTO income_tables (organiser_code, service_code, full_value_cents, minimum_value_cents, rows_json, limit_step_cents, reduction_step_basis_points, units_per_month, rounding_cents, updated_by, updated_at) VALUES ({}, 'home-care', {full}, {minimum}, {}, 39400, 100, 60, 1, 'talous', '2026-01-02T08:00:00Z');",
            sql_text(organiser),
            sql_text(HOME_CARE_ROWS)
        );
    }
    let mut per_organiser_year: std::collections::HashMap<(String, String), i64> =
        std::collections::HashMap::new();
    for v in vouchers {
        let organiser = organiser_of(v.municipality);
        let year = v.decided_on[..4].to_owned();
        let sequence = per_organiser_year
            .entry((organiser.to_owned(), year.clone()))
            .or_insert(0);
        *sequence += 1;
        let _ = writeln!(
            out,
            "INSERT INTO need_assessments (id, customer_id, organiser_code, assessed_on, assessor, service_code, summary, outcome, recorded_by, recorded_at) VALUES ({id}, {customer}, {org}, {on}, 'Sari Virtanen', {service}, {summary}, 'voucher', 'asiakaspalvelu', {at});",
            id = v.voucher_id,
            customer = v.customer_id,
            org = sql_text(organiser),
            on = sql_text(&v.decided_on),
            service = sql_text(v.service),
            summary = sql_text("Kotikäynnillä arvioitu avun tarve; asiakas valitsi palvelusetelin."),
            at = sql_text(&format!("{}T10:00:00Z", v.decided_on)),
        );
        let _ = writeln!(
            out,
            "INSERT INTO voucher_decisions (id, customer_id, organiser_code, municipality_code, assessment_id, service_code, unit, unit_value_cents, granted_units, granted_cents, valid_from, valid_until, status, decision_number, voucher_id, drafted_by, drafted_at, decided_by, decided_by_name, decided_at, delivered_via, delivered_at) SELECT {id}, {customer}, {org}, {municipality}, {id}, {service}, s.unit, {value}, {units}, {granted}, {from}, {until}, 'delivered', {number}, {id}, 'asiakaspalvelu', {at}, 'asiakaspalvelu', 'Sari Helena Virtanen', {at}, 'message', {at} FROM services s WHERE s.code = {service} AND EXISTS (SELECT 1 FROM vouchers WHERE id = {id});",
            id = v.voucher_id,
            customer = v.customer_id,
            org = sql_text(organiser),
            municipality = sql_text(v.municipality),
            service = sql_text(v.service),
            value = v.unit_value_cents,
            units = v.granted_units.map_or("NULL".to_owned(), |u| u.to_string()),
            granted = v.granted_cents,
            from = sql_text(&v.valid_from),
            until = sql_text(&v.valid_until),
            number = sql_text(&format!("{year}-{sequence:05}")),
            at = sql_text(&format!("{}T12:00:00Z", v.decided_on)),
        );
    }
}
