//! Arranging test data: producers, their approvals and prices, customers with vouchers,
//! registered proxies, and plain SQL.

use super::app::TestApp;
use seteli_edge::outbound::Outbound;
use seteli_mocks::identification::people::Person;
use seteli_mocks::valtuudet::register::Organisation;

impl<H: Outbound> TestApp<H> {
    /// Adds a producer with Finnish and Swedish texts, serving in `languages`.
    pub fn add_producer(&self, id: i64, name: &str, languages: &[&str]) {
        let business_id = seteli_domain::BusinessId::from_body(1_000_000 + id as u32 * 7)
            .or_else(|| seteli_domain::BusinessId::from_body(1_000_001 + id as u32 * 7))
            .expect("a valid business id near the body");
        let langs: String = languages
            .iter()
            .map(|l| format!("INSERT INTO producer_languages VALUES ({id}, '{l}');"))
            .collect();
        self.sql(&format!(
            "INSERT INTO producers (id, business_id, name, summary_fi, summary_sv, description_fi, description_sv,
                                    street_address, postal_code, post_office, phone, email)
             VALUES ({id}, '{business_id}', '{name}', 'Lyhyesti {id}', 'Kort om {id}', 'Kuvaus {id}', 'Beskrivning {id}',
                     'Katu 1', '06100', 'Porvoo', '+358 40 000 0000', 'info@example.fi');
             {langs}"
        ));
    }

    /// Sets the producer's approval for a service in a municipality.
    pub fn approval(&self, id: i64, municipality: &str, service: &str, status: &str) {
        self.sql(&format!(
            "INSERT OR REPLACE INTO approvals (producer_id, municipality_code, service_code, status, changed_at) VALUES ({id}, '{municipality}', '{service}', '{status}', '2026-01-01T00:00:00Z');"
        ));
    }

    /// Adds a price valid from a date.
    pub fn price(&self, id: i64, municipality: &str, service: &str, valid_from: &str, cents: i64) {
        self.sql(&format!(
            "INSERT INTO offers VALUES ({id}, '{municipality}', '{service}', '{valid_from}', 'hour', {cents});"
        ));
    }

    /// A producer serving in `languages` whose approval for home care in Porvoo is `status`
    /// (`approved`, `pending`…), without a price yet.
    pub fn porvoo_home_care_producer(&self, id: i64, name: &str, languages: &[&str], status: &str) {
        self.add_producer(id, name, languages);
        self.approval(id, "638", "home-care", status);
    }

    /// An approved producer of home care in Porvoo at `cents` per hour.
    pub fn approved_home_care(&self, id: i64, name: &str, cents: i64) {
        self.porvoo_home_care_producer(id, name, &["fi", "sv"], "approved");
        self.price(id, "638", "home-care", "2026-01-01", cents);
    }

    /// `company` as producer `id`, approved for home care in Porvoo at `cents` per hour.
    pub fn approved_company(&self, id: i64, company: &Organisation, cents: i64) {
        self.approved_home_care(id, &company.name, cents);
        self.sql(&format!(
            "UPDATE producers SET business_id = '{}' WHERE id = {id};",
            company.code()
        ));
    }

    /// `person` as customer `id` of Porvoo (under their first name), with home-care voucher
    /// `{id}0` (32 € an hour, 288 € of 320 € left, number from body `48_219_930_000 + id`) and
    /// its one event `{id}00`, logged by producer 1 on 2 November.
    pub fn customer_with_voucher(&self, id: i64, person: &Person) {
        self.customer(id, person);
        self.voucher(&Voucher {
            balance_cents: 28800,
            ..Voucher::home_care(id * 10, 48_219_930_000 + id as u64, id)
        });
        self.sql(&format!(
            "INSERT INTO service_events (id, voucher_id, producer_id, service_date, description, units_x100, unit_price_cents,
                                         voucher_share_cents, own_share_cents, created_at) VALUES
                 ({id}00, {id}0, 1, '2026-11-02', 'Käynti', 100, 3600, 3200, 400, '2026-11-02T08:00:00Z');"
        ));
    }

    /// `person` as customer `id` of Porvoo, under their first name.
    pub fn customer(&self, id: i64, person: &Person) {
        let (hetu, given, family) = (person.code(), person.first_name(), &person.family_name);
        self.sql(&format!(
            "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code) VALUES
                 ({id}, '{hetu}', '{given}', '{family}', '638');"
        ));
    }

    /// Adds `voucher`, an active voucher of Porvoo paid by the hour.
    pub fn voucher(&self, voucher: &Voucher) {
        let Voucher {
            id,
            number_body,
            customer,
            service,
            unit_value_cents,
            granted_units,
            granted_cents,
            balance_cents,
            year,
        } = voucher;
        let number = seteli_domain::voucher::VoucherNumber::from_body(*number_body)
            .expect("a voucher number");
        let granted_units = granted_units.map_or("NULL".to_owned(), |u| u.to_string());
        self.sql(&format!(
            "INSERT INTO vouchers (id, number, customer_id, municipality_code, service_code, unit, unit_value_cents,
                                   granted_units, granted_cents, balance_cents, valid_from, valid_until, status, granted_at) VALUES
                 ({id}, '{}', {customer}, '638', '{service}', 'hour', {unit_value_cents}, {granted_units}, {granted_cents},
                  {balance_cents}, '{year}-01-01', '{year}-12-31', 'active', '{year}-01-01');",
            number.as_str(),
        ));
    }

    /// Makes `proxy` customer `customer`'s proxy registered by Porvoo, valid from 2026-01-01
    /// to 2027-06-30.
    pub fn registered_proxy(&self, customer: i64, proxy: &Person) {
        let (code, given, family) = (proxy.code(), proxy.first_name(), &proxy.family_name);
        self.sql(&format!(
            "INSERT INTO proxy_registrations (customer_id, proxy_hetu, proxy_given_name, proxy_family_name, basis,
                                              scope, valid_from, valid_until, registered_by, registered_at)
             VALUES ({customer}, '{code}', '{given}', '{family}', 'power_of_attorney',
                     'view_vouchers view_feedback view_trail view_messages view_access_log give_feedback answer_survey',
                     '2026-01-01', '2027-06-30', 'asiakaspalvelu', '2026-01-01T09:00:00Z');"
        ));
    }

    /// Customer `customer`'s need assessment `id` for home care (outcome: a voucher), by
    /// Itä-Uusimaa's county, which organises Porvoo's home care.
    pub fn assessment(&self, id: i64, customer: i64) {
        self.sql(&format!(
            "INSERT INTO need_assessments (id, customer_id, organiser_code, assessed_on, assessor, service_code,
                                           summary, outcome, recorded_by, recorded_at)
             VALUES ({id}, {customer}, 'ita-uusimaa', '2026-01-01', 'Sari Virtanen', 'home-care', 'Tarve arvioitu',
                     'voucher', 'asiakaspalvelu', '2026-01-01T09:00:00Z');"
        ));
    }

    /// Decision `id` on assessment `assessment` in state `status`: for a draft without a
    /// voucher, else behind voucher `voucher` (10 hours at 32 € for 2026).
    pub fn decision(
        &self,
        id: i64,
        customer: i64,
        assessment: i64,
        status: &str,
        voucher: Option<i64>,
    ) {
        let voucher = voucher.map_or("NULL".to_owned(), |v| v.to_string());
        let number = if status == "draft" {
            "NULL".to_owned()
        } else {
            format!("'2026-{id:05}'")
        };
        self.sql(&format!(
            "INSERT INTO voucher_decisions (id, customer_id, organiser_code, municipality_code, assessment_id,
                 service_code, unit, unit_value_cents, granted_units, granted_cents, valid_from, valid_until,
                 status, decision_number, voucher_id, drafted_by, drafted_at, decided_by, decided_by_name, decided_at)
             VALUES ({id}, {customer}, 'ita-uusimaa', '638', {assessment}, 'home-care', 'hour', 3200, 10, 32000,
                     '2026-01-01', '2026-12-31', '{status}', {number}, {voucher}, 'asiakaspalvelu',
                     '2026-01-01T10:00:00Z', 'asiakaspalvelu', 'Sari Helena Virtanen', '2026-01-01T11:00:00Z');"
        ));
    }

    /// `organiser`'s income table for `service`: 25 € an hour in full, at least 10 €; limits
    /// 528 € (one person) and 974 € (two) at 35 % and 22 %; 60 hours a month — the Ministry
    /// of Social Affairs and Health's example (900 € for one person gives 22.83 €).
    pub fn income_table(&self, organiser: &str, service: &str) {
        self.sql(&format!(
            "INSERT INTO income_tables (organiser_code, service_code, full_value_cents, minimum_value_cents, rows_json,
                                        limit_step_cents, reduction_step_basis_points, units_per_month, rounding_cents,
                                        updated_by, updated_at)
             VALUES ('{organiser}', '{service}', 2500, 1000, '[[1,52800,3500],[2,97400,2200]]', 38000, 100, 60, 1,
                     'talous', '2026-01-01T09:00:00Z');"
        ));
    }

    /// The one number `sql` selects.
    pub fn count(&self, sql: &str) -> i64 {
        self.ctx.db.scalar(sql).expect("a number")
    }

    /// Voucher `voucher`'s balance in cents.
    pub fn balance(&self, voucher: i64) -> i64 {
        self.count(&format!(
            "SELECT balance_cents FROM vouchers WHERE id = {voucher}"
        ))
    }

    /// Runs arrangement SQL.
    pub fn sql(&self, sql: &str) {
        self.ctx.db.execute_script(sql).expect("test data");
    }
}

/// A voucher row for [`TestApp::voucher`]: Porvoo's, by the hour, valid for the calendar year
/// `year`.
pub struct Voucher {
    pub id: i64,
    /// The body its number is made from (`VoucherNumber::from_body`).
    pub number_body: u64,
    pub customer: i64,
    pub service: &'static str,
    pub unit_value_cents: i64,
    /// None: a value in euros without hours.
    pub granted_units: Option<i64>,
    pub granted_cents: i64,
    pub balance_cents: i64,
    pub year: i32,
}

impl Voucher {
    /// Home care for 2026 at 32 € an hour: 10 hours (320 €) granted, all of it left.
    pub fn home_care(id: i64, number_body: u64, customer: i64) -> Self {
        Self {
            id,
            number_body,
            customer,
            service: "home-care",
            unit_value_cents: 3200,
            granted_units: Some(10),
            granted_cents: 32000,
            balance_cents: 32000,
            year: 2026,
        }
    }

    /// Cleaning for 2026 at 25 € an hour: 500 € granted without hours, all of it left.
    pub fn cleaning(id: i64, number_body: u64, customer: i64) -> Self {
        Self {
            id,
            number_body,
            customer,
            service: "cleaning",
            unit_value_cents: 2500,
            granted_units: None,
            granted_cents: 50000,
            balance_cents: 50000,
            year: 2026,
        }
    }
}

/// A file that is a PDF by its content.
pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";

impl<H: Outbound> TestApp<H> {
    /// Porvoo's checklist for `service`: liability insurance (a file), a self-monitoring
    /// plan (a file) and registration in the register of private providers (no file).
    pub fn porvoo_requirements(&self, service: &str) {
        self.sql(&format!(
            "INSERT INTO requirements (municipality_code, service_code, code, sort_order, needs_attachment,
                                       label_fi, label_sv, label_en) VALUES
                 ('638', '{service}', 'liability_insurance', 1, 1, 'Vastuuvakuutus', 'Ansvarsförsäkring', 'Liability insurance'),
                 ('638', '{service}', 'self_monitoring_plan', 2, 1, 'Omavalvontasuunnitelma', 'Plan för egenkontroll', 'Self-monitoring plan'),
                 ('638', '{service}', 'provider_register', 3, 0, 'Rekisteröinti', 'Registrering', 'Registration');"
        ));
    }

    /// Application (case) `id` of `producer` for `service` in Porvoo, in `state` (`submitted`,
    /// `draft`, …; a case in progress is `tuottajahyvaksyja`'s), at 39 € an hour from
    /// 1 December, with its file `id` (the PDF above, backing the liability insurance).
    pub fn application(&self, id: i64, producer: i64, service: &str, state: &str) {
        let handler = if matches!(state, "in_progress" | "waiting") {
            "'tuottajahyvaksyja'"
        } else {
            "NULL"
        };
        let waiting_on = if state == "waiting" {
            "'applicant'"
        } else {
            "NULL"
        };
        self.sql(&format!(
            "INSERT INTO cases (id, kind, organiser_code, state, handler, waiting_on, deadline, step, created_at, submitted_at, updated_at)
                 VALUES ({id}, 'producer_application', 'ita-uusimaa', '{state}', {handler}, {waiting_on},
                         CASE WHEN {waiting_on} IS NULL THEN NULL ELSE '2026-12-05' END, 'step-{id}',
                         '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z');
             INSERT INTO producer_applications (case_id, producer_id, municipality_code, company_name, description_fi,
                     description_sv, languages, areas, street_address, postal_code, post_office, phone, email, website, started_by)
                 SELECT {id}, {producer}, '638', name, 'Kotisiivousta', 'Hemstädning', 'fi sv', 'Porvoo', 'Katu 1', '06100',
                        'Porvoo', '+358 40 000 0000', 'info@example.fi', '', 'Testi Henkilö' FROM producers WHERE id = {producer};
             INSERT INTO application_services VALUES ({id}, '{service}', 'hour', 3900, '2026-12-01');"
        ));
        self.attachment(id, id, Some("liability_insurance"));
    }

    /// File `id` (the PDF above, named `vakuutus.pdf`) of case `case`, backing `requirement`.
    pub fn attachment(&self, id: i64, case: i64, requirement: Option<&str>) {
        let requirement = requirement.map_or("NULL".to_owned(), |r| format!("'{r}'"));
        self.sql(&format!(
            "INSERT INTO attachments (id, case_id, blob_key, requirement_code, file_name, content_type, size_bytes, uploaded_at, uploaded_by)
                 VALUES ({id}, {case}, 'attachments/key-{id}', {requirement}, 'vakuutus.pdf', 'application/pdf', {}, '2026-11-20T09:30:00Z', 'Testi Henkilö');",
            PDF.len()
        ));
        let store = self.blobs.clone();
        let key = format!("attachments/key-{id}");
        futures_executor_block(async move {
            seteli_edge::blobs::BlobStore::put(store.as_ref(), &key, PDF.to_vec(), 0)
                .await
                .expect("the memory store keeps files");
        });
    }
}

/// Runs a future to its end on this thread (the memory store's futures are ready at once).
fn futures_executor_block<F: std::future::Future<Output = ()>>(future: F) {
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut future = std::pin::pin!(future);
    assert!(
        future.as_mut().poll(&mut cx).is_ready(),
        "the memory store answers at once"
    );
}

impl<H: Outbound> TestApp<H> {
    /// Resident application (case) `id`: `applicant` applies for home care in Porvoo for
    /// customer `customer` (`principal`), in `state` (a case in progress is
    /// `asiakaspalvelu`'s). With `guardian`, the form names them for consent and consent
    /// request `id` asks them, pending until 31 December 2026.
    pub fn resident_application(
        &self,
        id: i64,
        customer: i64,
        (principal, applicant): (&Person, &Person),
        state: &str,
        guardian: Option<&Person>,
    ) {
        let handler = if matches!(state, "in_progress" | "waiting") {
            "'asiakaspalvelu'"
        } else {
            "NULL"
        };
        let shared = guardian.map_or("null".to_owned(), |g| {
            format!(
                r#"{{"kind": "consent", "others": [{{"given_name": "{}", "family_name": "{}", "hetu": "{}"}}]}}"#,
                g.first_name(),
                g.family_name,
                g.code()
            )
        });
        let applies_for = if principal.code() == applicant.code() {
            "myself"
        } else {
            "child"
        };
        self.sql(&format!(
            "INSERT INTO cases (id, kind, organiser_code, state, handler, step, created_at, submitted_at, updated_at)
                 VALUES ({id}, 'voucher_application', 'ita-uusimaa', '{state}', {handler}, 'step-{id}',
                         '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z');
             INSERT INTO voucher_applications (case_id, applies_for, principal_hetu, principal_name, customer_id,
                     applicant_hetu, applicant_name, service_code, municipality_code, form_json)
                 VALUES ({id}, '{applies_for}', '{}', '{}', {customer}, '{}', '{}', 'home-care', '638',
                         '{{\"service_code\": \"home-care\", \"municipality_code\": \"638\", \"need\": \"Apua aamuisin\",
                           \"contact\": \"messages\", \"confirmed\": true, \"shared\": {shared}}}');",
            principal.code(),
            principal.full_name(),
            applicant.code(),
            applicant.full_name(),
        ));
        if let Some(g) = guardian {
            self.sql(&format!(
                "INSERT INTO consent_requests (id, case_id, guardian_hetu, guardian_name, status, sent_on, last_day)
                 VALUES ({id}, {id}, '{}', '{}', 'pending', '2026-11-20', '2026-12-31');",
                g.code(),
                g.full_name()
            ));
        }
    }
}
