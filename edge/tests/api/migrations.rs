//! Migrations that make a table again keep its rows: 0011 rebuilds `cases` (and the tables
//! that cascade from it) for residents' applications, over a producer's application with
//! its history, prices, answers, file, approval, message and notice written before it.

use seteli_edge::db::sqlite::Sqlite;

/// Everything that names case 1, written under the schema before 0011.
const BEFORE: &str = "
    INSERT INTO municipalities (code, name_fi, name_sv, bilingual) VALUES ('638', 'Porvoo', 'Borgå', 1);
    INSERT INTO services (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, unit, sort_order)
        VALUES ('cleaning', 'Siivous', 'Städning', 'Cleaning', 'S', 'S', 'C', 'hour', 1);
    INSERT INTO producers (id, business_id, name, summary_fi, summary_sv, description_fi, description_sv,
                           street_address, postal_code, post_office, phone, email)
        VALUES (1, '2468013-5', 'Kirkas Siivous Oy', 'S', 'S', 'K', 'B', 'Katu 1', '06100', 'Porvoo', '+358 40 1', 'a@b.fi');
    INSERT INTO cases (id, kind, organiser_code, state, handler, step, created_at, updated_at)
        VALUES (1, 'producer_application', 'ita-uusimaa', 'in_progress', 'tuottajahyvaksyja', 'tok',
                '2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z');
    INSERT INTO case_events (case_id, at, by_kind, by_name, from_state, to_state, comment)
        VALUES (1, '2026-11-20T10:00:00Z', 'applicant', 'Sanna', 'draft', 'submitted', ''),
               (1, '2026-11-21T10:00:00Z', 'handler', 'Pekka', 'submitted', 'in_progress', '');
    INSERT INTO producer_applications (case_id, producer_id, municipality_code, company_name, description_fi,
                                       description_sv, languages, areas, street_address, postal_code, post_office,
                                       phone, email, website, started_by)
        VALUES (1, 1, '638', 'Kirkas Siivous Oy', 'K', 'B', 'fi sv', 'Porvoo', 'Katu 1', '06100', 'Porvoo',
                '+358 40 1', 'a@b.fi', '', 'Sanna');
    INSERT INTO application_services (case_id, service_code, unit, price_cents, valid_from)
        VALUES (1, 'cleaning', 'hour', 3900, '2026-12-01');
    INSERT INTO application_answers (case_id, requirement_code, answer, note) VALUES (1, 'insurance', 'met', '');
    INSERT INTO attachments (case_id, blob_key, file_name, content_type, size_bytes, uploaded_at, uploaded_by)
        VALUES (1, 'attachments/abc', 'vakuutus.pdf', 'application/pdf', 100, '2026-11-20T10:00:00Z', 'Sanna');
    INSERT INTO approvals (producer_id, municipality_code, service_code, status, changed_at, case_id)
        VALUES (1, '638', 'cleaning', 'pending', '2026-11-20T10:00:00Z', 1);
    INSERT INTO messages (to_producer_id, kind, actor_name, case_id, created_at)
        VALUES (1, 'application_changed', 'Itä-Uusimaa', 1, '2026-11-21T10:00:00Z');
    INSERT INTO staff_notices (username, kind, case_id, by_name, created_at)
        VALUES ('tuottajahyvaksyja', 'case_to_you', 1, 'Sanna', '2026-11-21T10:00:00Z');
";

const TABLES: [&str; 9] = [
    "cases",
    "case_events",
    "producer_applications",
    "application_services",
    "application_answers",
    "attachments",
    "approvals",
    "messages",
    "staff_notices",
];

#[test]
fn the_residents_cases_migration_keeps_every_row_of_a_producers_application() {
    let db = Sqlite::in_memory_until(10).expect("the schema before 0011");
    db.execute_script(BEFORE).expect("rows before 0011");
    let before: Vec<i64> = TABLES
        .iter()
        .map(|t| db.scalar(&format!("SELECT COUNT(*) FROM {t}")).unwrap())
        .collect();
    assert!(before.iter().all(|n| *n > 0), "{before:?}");

    db.migrate(11).expect("0011 applies over rows");

    let after: Vec<i64> = TABLES
        .iter()
        .map(|t| db.scalar(&format!("SELECT COUNT(*) FROM {t}")).unwrap())
        .collect();
    assert_eq!(after, before);
    assert_eq!(
        db.text("SELECT handler FROM cases WHERE id = 1").unwrap(),
        "tuottajahyvaksyja"
    );
    assert_eq!(
        db.scalar("SELECT COUNT(*) FROM case_events WHERE case_id = 1")
            .unwrap(),
        2
    );
    // The children still point at their case, and deleting it still cascades.
    db.execute_script(
        "INSERT INTO cases (id, kind, organiser_code, state, step, created_at, updated_at)
             VALUES (2, 'voucher_application', 'ita-uusimaa', 'consenting', 't', '2026-11-30T10:00:00Z',
                     '2026-11-30T10:00:00Z');
         INSERT INTO case_events (case_id, at, by_kind, by_name, from_state, to_state, comment)
             VALUES (2, '2026-11-30T10:00:00Z', 'applicant', 'Anni', 'draft', 'consenting', '');
         DELETE FROM case_events WHERE case_id = 2;
         DELETE FROM cases WHERE id = 2;",
    )
    .expect("the new kind and state");
    assert!(db
        .execute_script(
            "INSERT INTO case_events (case_id, at, by_kind, by_name, from_state, to_state, comment)
                         VALUES (99, 'x', 'system', 'S', 'a', 'b', '')"
        )
        .is_err());
    assert!(db
        .execute_script("UPDATE cases SET state = 'archived' WHERE id = 1")
        .is_err());
    // Applying is a trail action now.
    db.execute_script(
        "INSERT INTO customers (id, hetu, given_name, family_name, municipality_code)
             VALUES (1, '030413A9450', 'Eetu', 'Kumpulainen', '638');
         INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, action, basis, result)
             VALUES ('2026-11-30T10:00:00Z', '220784-926C', 'Anni', 1, 'apply_for_voucher', 'guardian', 'allowed');",
    )
    .expect("apply_for_voucher in the trail");
}

/// Rows in the three tables 0012 makes again, written under the schema before it.
const BEFORE_0012: &str = "
    INSERT INTO municipalities (code, name_fi, name_sv, bilingual) VALUES ('638', 'Porvoo', 'Borgå', 1);
    INSERT INTO customers (id, hetu, given_name, family_name, municipality_code)
        VALUES (1, '030413A9450', 'Eetu', 'Kumpulainen', '638');
    INSERT INTO messages (id, customer_id, kind, actor_name, created_at, status, status_at, attempts, remote_id)
        VALUES (7, 1, 'voucher_decided', 'Itä-Uusimaa', '2026-11-20T10:00:00Z', 'read', '2026-11-21T10:00:00Z', 2, 99);
    INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, action, basis, result)
        VALUES ('2026-11-30T10:00:00Z', '220784-926C', 'Anni', 1, 'apply_for_voucher', 'guardian', 'allowed');
    INSERT INTO staff_access_log (at, customer_id, organiser_code, staff_username, staff_name, what)
        VALUES ('2026-11-30T10:00:00Z', 1, 'ita-uusimaa', 'asiakaspalvelu', 'Sari', 'card');
";

#[test]
fn the_voucher_applications_migration_keeps_messages_trail_and_access_log() {
    let db = Sqlite::in_memory_until(11).expect("the schema before 0012");
    db.execute_script(BEFORE_0012).expect("rows before 0012");
    db.migrate(12).expect("0012 applies over rows");
    for table in ["messages", "on_behalf_log", "staff_access_log"] {
        assert_eq!(
            db.scalar(&format!("SELECT COUNT(*) FROM {table}")).unwrap(),
            1,
            "{table}"
        );
    }
    assert_eq!(
        db.scalar(
            "SELECT remote_id FROM messages WHERE id = 7 AND status = 'read' AND attempts = 2"
        )
        .unwrap(),
        99
    );
    // A message goes to exactly one: a customer, a company or a named person.
    db.execute_script(
        "INSERT INTO messages (to_hetu, to_name, kind, actor_name, created_at)
             VALUES ('091182-931V', 'Mikko', 'consent_requested', 'Anni', '2026-11-30T10:00:00Z');
         INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, action, basis, result)
             VALUES ('2026-11-30T10:00:00Z', '091182-931V', 'Mikko', 1, 'answer_consent', 'guardian', 'allowed');
         INSERT INTO staff_access_log (at, customer_id, organiser_code, staff_username, staff_name, what)
             VALUES ('2026-11-30T10:00:00Z', 1, 'ita-uusimaa', 'asiakaspalvelu', 'Sari', 'application');",
    )
    .expect("the new targets, actions and views");
    for both in [
        "INSERT INTO messages (customer_id, to_hetu, to_name, kind, actor_name, created_at)
             VALUES (1, '091182-931V', 'Mikko', 'consent_requested', 'Anni', 'x')",
        "INSERT INTO messages (kind, actor_name, created_at) VALUES ('consent_requested', 'Anni', 'x')",
        "INSERT INTO messages (to_hetu, kind, actor_name, created_at) VALUES ('091182-931V', 'consent_requested', 'Anni', 'x')",
    ] {
        assert!(db.execute_script(both).is_err(), "{both}");
    }
}

#[test]
fn the_principals_migration_keeps_the_trail_and_names_a_principal_by_customer_or_code_not_both() {
    let db = Sqlite::in_memory_until(12).expect("the schema before 0013");
    db.execute_script(BEFORE_0012).expect("rows before 0013");
    db.migrate(13).expect("0013 applies over rows");
    assert_eq!(
        db.scalar(
            "SELECT COUNT(*) FROM on_behalf_log WHERE principal_customer_id = 1
             AND principal_hetu IS NULL AND action = 'apply_for_voucher'"
        )
        .unwrap(),
        1
    );
    db.execute_script(
        "INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_hetu, action, basis, result)
             VALUES ('2026-11-30T10:00:00Z', '280175-967D', 'Karl-Johan', '120515A9454', 'choose', 'guardian', 'allowed');",
    )
    .expect("a principal who is not a customer, by code");
    for neither_or_both in [
        "INSERT INTO on_behalf_log (at, actor_hetu, actor_name, action, basis, result)
             VALUES ('x', '280175-967D', 'Karl-Johan', 'choose', 'guardian', 'allowed')",
        "INSERT INTO on_behalf_log (at, actor_hetu, actor_name, principal_customer_id, principal_hetu, action, basis, result)
             VALUES ('x', '280175-967D', 'Karl-Johan', 1, '120515A9454', 'choose', 'guardian', 'allowed')",
    ] {
        assert!(
            db.execute_script(neither_or_both).is_err(),
            "{neither_or_both}"
        );
    }
}

#[test]
fn the_settlement_migration_keeps_one_settlement_per_month_and_one_account_in_effect() {
    let db = Sqlite::in_memory_until(14).expect("the schema with 0014");
    db.execute_script(
        "INSERT INTO producers (id, business_id, name, summary_fi, summary_sv, description_fi, description_sv,
                                street_address, postal_code, post_office, phone, email)
             VALUES (1, '2077474-0', 'Aurinko', 'S', 'S', 'K', 'B', 'Katu 1', '06100', 'Porvoo', '+358 40 1', 'a@b.fi');
         INSERT INTO settlements (id, organiser_code, producer_id, month, gathered_at, events_cents,
                                  adjustments_cents, carried_in_cents, payable_cents, carried_out_cents)
             VALUES (1, 'ita-uusimaa', 1, '2026-10', 'x', 5000, 0, 0, 5000, 0);
         INSERT INTO producer_accounts (producer_id, iban, entered_by_name, entered_at)
             VALUES (1, 'FI2112345600000785', 'Karl-Johan', 'x');",
    )
    .expect("a draft settlement and an account waiting");
    assert_eq!(
        db.scalar("SELECT settlement_cutoff_day FROM organisers WHERE code = 'ita-uusimaa'")
            .unwrap(),
        5
    );
    for refused in [
        // A second settlement of the same month.
        "INSERT INTO settlements (organiser_code, producer_id, month, gathered_at, events_cents,
                                  adjustments_cents, carried_in_cents, payable_cents, carried_out_cents)
             VALUES ('ita-uusimaa', 1, '2026-10', 'x', 0, 0, 0, 0, 0)",
        // Paid as negative.
        "INSERT INTO settlements (organiser_code, producer_id, month, gathered_at, events_cents,
                                  adjustments_cents, carried_in_cents, payable_cents, carried_out_cents)
             VALUES ('ita-uusimaa', 1, '2026-11', 'x', -10, 0, 0, -10, 0)",
        // Paid without a date and reference.
        "UPDATE settlements SET state = 'paid', confirmed_at = 'x' WHERE id = 1",
        // A second account waiting.
        "INSERT INTO producer_accounts (producer_id, iban, entered_by_name, entered_at)
             VALUES (1, 'FI6940550010200123', 'Karl-Johan', 'x')",
        "INSERT INTO organisers (code, kind, name_fi, name_sv, name_en, appeal_address, settlement_cutoff_day)
             VALUES ('x1', 'municipality', 'x', 'x', 'x', 'x', 29)",
    ] {
        assert!(db.execute_script(refused).is_err(), "{refused}");
    }
}

/// A resident's application with its consent request, beside [`BEFORE`]'s producer's
/// application, under the schema before 0015.
const BEFORE_0015: &str = "
    INSERT INTO cases (id, kind, organiser_code, state, step, created_at, submitted_at, updated_at)
        VALUES (2, 'voucher_application', 'ita-uusimaa', 'consenting', 't2', '2026-11-20T10:00:00Z',
                '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z');
    INSERT INTO voucher_applications (case_id, applies_for, principal_hetu, principal_name, applicant_hetu,
                                      applicant_name, service_code, municipality_code, form_json)
        VALUES (2, 'child', '030413A9450', 'Eetu', '220784-926C', 'Anni', 'cleaning', '638', '{}');
    INSERT INTO consent_requests (case_id, guardian_hetu, guardian_name, status, sent_on, last_day)
        VALUES (2, '010180-9026', 'Mikko', 'pending', '2026-11-20', '2026-12-04');
";

#[test]
fn the_authorisations_migration_keeps_every_case_and_its_children_and_adds_a_third_kind() {
    let db = Sqlite::in_memory_until(14).expect("the schema before 0015");
    db.execute_script(BEFORE)
        .expect("a producer's application before 0015");
    db.execute_script(BEFORE_0015)
        .expect("a resident's application before 0015");
    let tables: Vec<&str> = TABLES
        .iter()
        .copied()
        .chain(["voucher_applications", "consent_requests"])
        .collect();
    let counts = || -> Vec<i64> {
        tables
            .iter()
            .map(|t| db.scalar(&format!("SELECT COUNT(*) FROM {t}")).unwrap())
            .collect()
    };
    let before = counts();
    assert!(before.iter().all(|n| *n > 0), "{before:?}");

    db.migrate(15).expect("0015 applies over rows");

    assert_eq!(counts(), before);
    assert_eq!(
        db.text("SELECT state FROM cases WHERE id = 2").unwrap(),
        "consenting"
    );
    // An order is a case of its own kind, its notices a kind of their own; deleting a case
    // still cascades to its children.
    db.execute_script(
        "INSERT INTO cases (id, kind, organiser_code, state, step, created_at, updated_at)
             VALUES (3, 'authorisation_order', 'ita-uusimaa', 'submitted', 't3', '2026-11-30T10:00:00Z',
                     '2026-11-30T10:00:00Z');
         INSERT INTO staff_notices (username, kind, case_id, by_name, created_at)
             VALUES ('sosiaaliohjaaja', 'order_changed', 3, 'Jukka', '2026-11-30T10:00:00Z');
         DELETE FROM consent_requests WHERE case_id = 2;
         DELETE FROM cases WHERE id = 2;",
    )
    .expect("the new kind, and a delete that cascades");
    assert_eq!(
        db.scalar("SELECT COUNT(*) FROM voucher_applications")
            .unwrap(),
        0
    );
    assert!(db
        .execute_script(
            "INSERT INTO staff_notices (username, kind, by_name, created_at)
                 VALUES ('x', 'gossip', 'S', '2026-11-30T10:00:00Z')"
        )
        .is_err());
    assert!(db
        .execute_script("UPDATE cases SET kind = 'complaint' WHERE id = 3")
        .is_err());
}
