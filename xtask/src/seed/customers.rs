//! Demo customers: the identification mock's test persons (`mocks/data/persons.json`), with
//! vouchers, service events logged by approved producers, feedback, producers' replies and
//! an earlier survey. Dates are relative to `today`, so the data always looks current.

use super::{sql_text, CurrentPrice};
use seteli_domain::voucher::{event_shares, VoucherNumber};
use seteli_domain::Cents;
use std::fmt::Write;
use time::{Date, Duration};

/// One demo voucher.
struct DemoVoucher {
    customer: usize,
    municipality: &'static str,
    service: &'static str,
    unit_value_cents: i64,
    granted_units: Option<i64>,
    granted_cents: i64,
    /// Days from today to the start and end of validity.
    valid: (i64, i64),
    /// (days ago, hundredths of a unit, what was done)
    events: &'static [(i64, i64, &'static str)],
}

/// (hetu, given names, family name, municipality) — as in mocks/data/persons.json, except
/// Mikko, who is deliberately not a customer (a guardian without vouchers of his own), and
/// Helmi and Sanna Lindqvist, whom the desk adds (the browser tests' journey through it).
const CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    ("140334-912M", "Eeva-Liisa Marjatta", "Kinnunen", "638"),
    ("220784-926C", "Anni Emilia", "Kumpulainen", "638"),
    ("030413A9450", "Eetu Olavi", "Kumpulainen", "638"),
    ("170816A958E", "Ella Sofia", "Kumpulainen", "638"),
    ("280175-967D", "Karl-Johan Fredrik", "Nyström", "638"),
];

/// The proxy the municipality registered for customer 1 (Eeva-Liisa): Karl-Johan.
const REGISTERED_PROXY: (&str, &str, &str) = ("280175-967D", "Karl-Johan Fredrik", "Nyström");

/// Each demo voucher's id, customer id, municipality, service, unit value, granted units and
/// sum, and validity, for the decisions behind them (`super::desk`).
pub(super) fn voucher_dates(today: Date) -> Vec<super::desk::DemoDecision> {
    VOUCHERS
        .iter()
        .enumerate()
        .map(|(v, demo)| super::desk::DemoDecision {
            voucher_id: v as i64 + 1,
            customer_id: demo.customer as i64 + 1,
            municipality: demo.municipality,
            service: demo.service,
            unit_value_cents: demo.unit_value_cents,
            granted_units: demo.granted_units,
            granted_cents: demo.granted_cents,
            valid_from: date(today, demo.valid.0),
            valid_until: date(today, demo.valid.1),
            decided_on: date(today, demo.valid.0 - 7),
        })
        .collect()
}

const VOUCHERS: &[DemoVoucher] = &[
    DemoVoucher {
        customer: 0,
        municipality: "638",
        service: "home-care",
        unit_value_cents: 3200,
        granted_units: Some(60),
        granted_cents: 192_000,
        valid: (-200, 165),
        events: &[
            (3, 100, "Aamukäynti: lääkkeet, aamupala ja peseytyminen"),
            (10, 150, "Aamukäynti ja kauppa-asiointi"),
            (17, 100, "Aamukäynti: lääkkeet ja aamupala"),
            (24, 200, "Siivousapu ja ulkoilu"),
            // Whatever the day, the month before has visits to settle.
            (35, 100, "Aamukäynti ja ulkoilu"),
            (45, 100, "Aamukäynti: lääkkeet ja aamupala"),
        ],
    },
    DemoVoucher {
        customer: 0,
        municipality: "638",
        service: "cleaning",
        unit_value_cents: 2800,
        granted_units: None,
        granted_cents: 60_000,
        valid: (-400, -35),
        events: &[(60, 300, "Kodin perussiivous")],
    },
    DemoVoucher {
        customer: 1,
        municipality: "638",
        service: "family-home-help",
        unit_value_cents: 3500,
        granted_units: Some(20),
        granted_cents: 70_000,
        valid: (-30, 150),
        events: &[(6, 300, "Lastenhoitoa ja ruoanlaittoa")],
    },
    DemoVoucher {
        customer: 2,
        municipality: "638",
        service: "speech-therapy",
        unit_value_cents: 8500,
        granted_units: Some(20),
        granted_cents: 170_000,
        valid: (-90, 275),
        events: &[
            (5, 100, "Puheterapia: äänteiden harjoittelu"),
            (12, 100, "Puheterapia: sanavaraston harjoittelu"),
        ],
    },
    DemoVoucher {
        customer: 3,
        municipality: "638",
        service: "physiotherapy",
        unit_value_cents: 6000,
        granted_units: Some(10),
        granted_cents: 60_000,
        valid: (-10, 170),
        events: &[],
    },
    DemoVoucher {
        customer: 4,
        municipality: "638",
        service: "respite-care",
        unit_value_cents: 15000,
        granted_units: Some(12),
        granted_cents: 180_000,
        valid: (-60, 300),
        events: &[(20, 300, "Lyhytaikainen hoito omaishoitajan vapaan ajan")],
    },
];

/// Demo feedback on a voucher's producer, optionally on one event, with the reply if any.
struct DemoFeedback {
    voucher: usize,
    event: Option<usize>,
    days_ago: i64,
    body: &'static str,
    reply: Option<&'static str>,
}

const FEEDBACK: &[DemoFeedback] = &[
    DemoFeedback {
        voucher: 0,
        event: Some(1),
        days_ago: 9,
        body: "Kiitos, kauppa-asiointi sujui hyvin ja hoitaja oli ystävällinen.",
        reply: Some("Kiitos palautteesta! Välitämme kiitoksen hoitajallemme."),
    },
    DemoFeedback {
        voucher: 0,
        event: Some(0),
        days_ago: 2,
        body: "Käynti alkoi puoli tuntia myöhässä, eikä siitä ilmoitettu etukäteen.",
        reply: None,
    },
    DemoFeedback {
        voucher: 5,
        event: None,
        days_ago: 15,
        body: "Personalen var vänlig och talade svenska med min mor. Tack!",
        reply: Some("Tack för responsen, det gläder oss att höra."),
    },
];

fn date(today: Date, days: i64) -> String {
    seteli_domain::clock::iso_date(today + Duration::days(days))
}

/// Writes the demo customers and everything under them. Producers are the first approved
/// ones for each municipality and service, so the events are logged by real demo producers.
pub fn write_customers(out: &mut String, prices: &[CurrentPrice], today_iso: &str) {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let Ok(today) = Date::parse(today_iso, &format) else {
        return;
    };
    for (i, (hetu, given, family, municipality)) in CUSTOMERS.iter().enumerate() {
        let _ = writeln!(
            out,
            "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES ({}, {}, {}, {}, {});",
            i + 1,
            sql_text(hetu),
            sql_text(given),
            sql_text(family),
            sql_text(municipality)
        );
    }
    let mut event_ids: Vec<Vec<(i64, i64)>> = Vec::new();
    let mut next_event = 1;
    for (v, demo) in VOUCHERS.iter().enumerate() {
        let voucher_id = v as i64 + 1;
        let producer = prices
            .iter()
            .find(|p| p.municipality == demo.municipality && p.service == demo.service);
        let number = VoucherNumber::from_body(48_200_000_000 + 7_919 * voucher_id as u64)
            .map(|n| n.as_str().to_owned());
        let (Some(producer), Some(number)) = (producer, number) else {
            event_ids.push(Vec::new());
            continue;
        };
        let mut balance = demo.granted_cents;
        let mut events = Vec::new();
        let mut statements = String::new();
        for (days_ago, units, what) in demo.events {
            let (Ok(price), Ok(value)) = (
                Cents::new(producer.cents),
                Cents::new(demo.unit_value_cents),
            ) else {
                continue;
            };
            let Some(shares) = event_shares(price, value, *units) else {
                continue;
            };
            let voucher_share = shares.voucher_share.get().min(balance);
            let own_share = shares.total.get() - voucher_share;
            balance -= voucher_share;
            let day = date(today, -days_ago);
            let _ = writeln!(
                statements,
                "INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100, unit_price_cents, voucher_share_cents, own_share_cents, created_at) VALUES ({next_event}, {voucher_id}, {}, {}, {}, {units}, {}, {voucher_share}, {own_share}, {});",
                producer.producer_id,
                sql_text(&day),
                sql_text(what),
                producer.cents,
                sql_text(&format!("{day}T16:00:00Z"))
            );
            events.push((next_event, producer.producer_id));
            next_event += 1;
        }
        let status = if demo.valid.1 < 0 { "ended" } else { "active" };
        let _ = writeln!(
            out,
            "INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents, granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES ({voucher_id}, {}, {}, {}, {}, {}, {}, {}, {}, {balance}, {}, {}, {}, {});",
            sql_text(&number),
            demo.customer + 1,
            sql_text(demo.municipality),
            sql_text(demo.service),
            sql_text(producer.unit),
            demo.unit_value_cents,
            demo.granted_units.map_or("NULL".to_owned(), |u| u.to_string()),
            demo.granted_cents,
            sql_text(&date(today, demo.valid.0)),
            sql_text(&date(today, demo.valid.1)),
            sql_text(status),
            sql_text(&format!("{}T09:00:00Z", date(today, demo.valid.0 - 7)))
        );
        out.push_str(&statements);
        // The producer that logged the events knows the voucher by its number.
        if !events.is_empty() {
            let _ = writeln!(
                out,
                "INSERT INTO producer_vouchers (producer_id, voucher_id, linked_at) VALUES ({}, {voucher_id}, {});",
                producer.producer_id,
                sql_text(&format!("{}T10:00:00Z", date(today, demo.valid.0)))
            );
        }
        event_ids.push(events);
    }
    for (
        i,
        DemoFeedback {
            voucher,
            event,
            days_ago,
            body,
            reply,
        },
    ) in FEEDBACK.iter().enumerate()
    {
        let Some(&(event_id, producer_id)) = event_ids
            .get(*voucher)
            .and_then(|e| e.get(event.unwrap_or(0)))
        else {
            continue;
        };
        let customer = VOUCHERS[*voucher].customer + 1;
        let event_sql = event.map_or("NULL".to_owned(), |_| event_id.to_string());
        let at = format!("{}T18:30:00Z", date(today, -days_ago));
        let _ = writeln!(
            out,
            "INSERT INTO feedback (id, customer_id, producer_id, voucher_id, event_id, body, created_at) VALUES ({}, {customer}, {producer_id}, {}, {event_sql}, {}, {});",
            i + 1,
            voucher + 1,
            sql_text(body),
            sql_text(&at)
        );
        if let Some(reply) = reply {
            let _ = writeln!(
                out,
                "INSERT INTO feedback_replies (feedback_id, producer_id, body, created_at) VALUES ({}, {producer_id}, {}, {});",
                i + 1,
                sql_text(reply),
                sql_text(&format!("{}T08:15:00Z", date(today, -days_ago + 1)))
            );
        }
    }
    // The organiser (Itä-Uusimaa's county for Porvoo) registered Karl-Johan as Eeva-Liisa's
    // proxy in Seteli on a power of attorney, valid a year either way.
    let _ = writeln!(
        out,
        "INSERT INTO proxy_registrations (customer_id, proxy_hetu, proxy_given_name, proxy_family_name, basis, justification, scope, evidence, valid_from, valid_until, registered_by, registered_at) VALUES (1, {}, {}, {}, 'power_of_attorney', '', {}, {}, {}, {}, {}, {});",
        sql_text(REGISTERED_PROXY.0),
        sql_text(REGISTERED_PROXY.1),
        sql_text(REGISTERED_PROXY.2),
        sql_text(&seteli_domain::mandates::scope_text(&seteli_domain::mandates::OnBehalfAction::SCOPABLE)),
        sql_text("Kirjallinen valtakirja nähty asiakaspalvelussa"),
        sql_text(&date(today, -365)),
        sql_text(&date(today, 365)),
        sql_text("asiakaspalvelu"),
        sql_text(&format!("{}T09:00:00Z", date(today, -365)))
    );
    super::desk::write_decisions(out, today, &voucher_dates(today));
    // Last month's survey about Eeva-Liisa's home care, so this month's is open.
    if let Some(&(_, producer_id)) = event_ids.first().and_then(|e| e.first()) {
        let last_month = date(today, -31);
        let _ = writeln!(
            out,
            "INSERT INTO survey_answers (customer_id, voucher_id, producer_id, period, overall, punctuality, staff, information, comment, created_at) VALUES (1, 1, {producer_id}, {}, 4, 3, 5, 4, {}, {});",
            sql_text(&last_month[..7]),
            sql_text("Hoitajat ovat ystävällisiä, mutta aikataulut joskus venyvät."),
            sql_text(&format!("{last_month}T12:00:00Z"))
        );
        // Earlier months' answers, so that the producer has a published satisfaction figure
        // (from five answers on). 31 days apart is always another month.
        for (months_back, overall) in [(2, 5), (3, 4), (4, 4), (5, 5), (6, 3)] {
            let day = date(today, -31 * months_back);
            let _ = writeln!(
                out,
                "INSERT INTO survey_answers (customer_id, voucher_id, producer_id, period, overall, punctuality, staff, information, comment, created_at) VALUES (1, 1, {producer_id}, {}, {overall}, 4, 5, 4, '', {});",
                sql_text(&day[..7]),
                sql_text(&format!("{day}T12:00:00Z"))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::seed::demo_sql;
    use seteli_edge::db::sqlite::Sqlite;

    fn loaded() -> Sqlite {
        let db = Sqlite::in_memory().unwrap();
        db.execute_script(&demo_sql("2026-11-21")).unwrap();
        db
    }

    #[test]
    fn every_demo_voucher_exists_with_a_balance_that_matches_its_events() {
        let db = loaded();
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM vouchers").unwrap(),
            super::VOUCHERS.len() as i64
        );
        let mismatched = db
            .scalar(
                "SELECT COUNT(*) FROM vouchers v WHERE v.balance_cents != v.granted_cents -
                   (SELECT COALESCE(SUM(voucher_share_cents), 0) FROM service_events e WHERE e.voucher_id = v.id)",
            )
            .unwrap();
        assert_eq!(mismatched, 0);
    }

    #[test]
    fn demo_events_are_logged_by_producers_approved_for_that_service_and_municipality() {
        let db = loaded();
        assert!(db.scalar("SELECT COUNT(*) FROM service_events").unwrap() >= 8);
        let unapproved = db
            .scalar(
                "SELECT COUNT(*) FROM service_events e JOIN vouchers v ON v.id = e.voucher_id
                 WHERE NOT EXISTS (SELECT 1 FROM approvals a WHERE a.producer_id = e.producer_id
                   AND a.municipality_code = v.municipality_code AND a.service_code = v.service_code AND a.status = 'approved')",
            )
            .unwrap();
        assert_eq!(unapproved, 0);
        let outside_validity = db
            .scalar(
                "SELECT COUNT(*) FROM service_events e JOIN vouchers v ON v.id = e.voucher_id
                 WHERE e.service_date < v.valid_from OR e.service_date > v.valid_until OR e.service_date > '2026-11-21'",
            )
            .unwrap();
        assert_eq!(outside_validity, 0);
    }

    #[test]
    fn demo_feedback_has_replies_in_the_writers_language_and_mikko_is_not_a_customer() {
        let db = loaded();
        assert_eq!(db.scalar("SELECT COUNT(*) FROM feedback").unwrap(), 3);
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM feedback_replies").unwrap(),
            2
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM customers WHERE hetu = '091182-931V'")
                .unwrap(),
            0
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM survey_answers WHERE period = '2026-10'")
                .unwrap(),
            1
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM survey_answers WHERE period = '2026-11'")
                .unwrap(),
            0,
            "this month's survey is open"
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM survey_answers WHERE voucher_id = 1")
                .unwrap(),
            6,
            "enough answers for a published figure"
        );
    }

    #[test]
    fn the_mock_companies_are_the_producers_that_served_demo_customers() {
        let db = loaded();
        for (_, _, name, business_id) in crate::seed::MOCK_COMPANIES {
            let linked = db
                .scalar(&format!(
                    "SELECT COUNT(*) FROM producer_vouchers pv JOIN producers p ON p.id = pv.producer_id
                     WHERE p.name = '{name}' AND p.business_id = '{business_id}'"
                ))
                .unwrap();
            assert!(linked >= 1, "{name} serves a demo customer");
        }
        let unlinked = db
            .scalar(
                "SELECT COUNT(*) FROM service_events e WHERE NOT EXISTS (SELECT 1 FROM producer_vouchers pv
                   WHERE pv.producer_id = e.producer_id AND pv.voucher_id = e.voucher_id)",
            )
            .unwrap();
        assert_eq!(
            unlinked, 0,
            "every event's voucher is linked to its producer"
        );
    }

    #[test]
    fn eeva_liisa_has_a_registered_proxy_valid_today() {
        let db = loaded();
        assert_eq!(
            db.scalar(
                "SELECT COUNT(*) FROM proxy_registrations WHERE customer_id = 1 AND ended_at IS NULL
                 AND proxy_hetu = '280175-967D' AND valid_from <= '2026-11-21' AND valid_until >= '2026-11-21'"
            )
            .unwrap(),
            1
        );
    }
}
