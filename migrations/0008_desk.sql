-- The municipality's desk (issue 12): organisers, customers' contact details, need
-- assessments, voucher decisions, income tables, registered proxies with basis and scope,
-- staff's checks of service events, and the log of who looked at a customer's data.

-- Who organises the voucher services of a municipality: the municipality itself or, since
-- 2023, the wellbeing services county it belongs to. Reference data: the 2023 reform's
-- areas for the municipalities Seteli knows. Vouchers, decisions and cases belong to the
-- organiser of the voucher's municipality; staff work for one organiser (their `organiser`
-- claim) and see only its municipalities' customers.
CREATE TABLE organisers (
    code                TEXT PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 40),
    kind                TEXT NOT NULL CHECK (kind IN ('municipality', 'county')),
    name_fi             TEXT NOT NULL,
    name_sv             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    -- Where a letter about a decision says the appeal goes.
    appeal_address      TEXT NOT NULL
);
INSERT INTO organisers (code, kind, name_fi, name_sv, name_en, appeal_address) VALUES
    ('ita-uusimaa', 'county', 'Itä-Uudenmaan hyvinvointialue', 'Östra Nylands välfärdsområde',
     'Eastern Uusimaa wellbeing services county', 'Itä-Uudenmaan hyvinvointialue, Kirjaamo, PL 46, 06151 Porvoo'),
    ('helsinki', 'municipality', 'Helsingin kaupunki', 'Helsingfors stad', 'City of Helsinki',
     'Helsingin kaupungin kirjaamo, PL 10, 00099 Helsingin kaupunki'),
    ('pirkanmaa', 'county', 'Pirkanmaan hyvinvointialue', 'Birkalands välfärdsområde',
     'Pirkanmaa wellbeing services county', 'Pirkanmaan hyvinvointialue, Kirjaamo, PL 272, 33101 Tampere'),
    ('varsinais-suomi', 'county', 'Varsinais-Suomen hyvinvointialue', 'Egentliga Finlands välfärdsområde',
     'Southwest Finland wellbeing services county', 'Varsinais-Suomen hyvinvointialue, Kirjaamo, PL 52, 20521 Turku');

-- The municipalities each organiser serves. A municipality has one organiser for its
-- voucher services (all of Seteli's are social and health services); no foreign key to
-- `municipalities`, so the reform's whole areas can be listed before each joins Seteli.
CREATE TABLE organiser_municipalities (
    municipality_code   TEXT PRIMARY KEY,
    organiser_code      TEXT NOT NULL REFERENCES organisers(code)
);
INSERT INTO organiser_municipalities (municipality_code, organiser_code) VALUES
    ('638', 'ita-uusimaa'), ('434', 'ita-uusimaa'), ('753', 'ita-uusimaa'), ('018', 'ita-uusimaa'),
    ('407', 'ita-uusimaa'), ('504', 'ita-uusimaa'), ('611', 'ita-uusimaa'),
    ('091', 'helsinki'),
    ('837', 'pirkanmaa'),
    ('853', 'varsinais-suomi');
CREATE INDEX organiser_municipalities_by_organiser ON organiser_municipalities (organiser_code);

-- Staff sessions carry the organiser their identity provider asserted.
ALTER TABLE sessions ADD COLUMN organiser_code TEXT;

-- What the organiser keeps of a customer: the address letters go to (typed by staff until a
-- population-register connection exists) and the non-disclosure flag (turvakielto): with it,
-- no address or location of the customer is shown to anyone but the organiser's staff.
ALTER TABLE customers ADD COLUMN street_address TEXT;
ALTER TABLE customers ADD COLUMN postal_code TEXT;
ALTER TABLE customers ADD COLUMN post_office TEXT;
ALTER TABLE customers ADD COLUMN non_disclosure INTEGER NOT NULL DEFAULT 0 CHECK (non_disclosure IN (0, 1));
-- Who added the customer at the desk (NULL: from strong identification or demo data).
ALTER TABLE customers ADD COLUMN created_by TEXT;
CREATE INDEX customers_by_name ON customers (family_name, given_name);

-- A need assessment (palvelutarpeen arviointi); a voucher decision refers to one.
CREATE TABLE need_assessments (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    assessed_on         TEXT NOT NULL,
    assessor            TEXT NOT NULL CHECK (length(assessor) BETWEEN 1 AND 200),
    service_code        TEXT NOT NULL REFERENCES services(code),
    summary             TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
    outcome             TEXT NOT NULL CHECK (outcome IN ('voucher', 'other_service', 'no_need')),
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL
);
CREATE INDEX need_assessments_by_customer ON need_assessments (customer_id, id);

-- An organiser's table for a service's income-related voucher (`domain::income`): the
-- scalar figures here, the rows per household size as JSON `[[size, limit_cents, basis_points], ..]`.
CREATE TABLE income_tables (
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    full_value_cents    INTEGER NOT NULL CHECK (full_value_cents > 0),
    minimum_value_cents INTEGER NOT NULL CHECK (minimum_value_cents >= 0),
    rows_json           TEXT NOT NULL,
    limit_step_cents    INTEGER NOT NULL CHECK (limit_step_cents >= 0),
    reduction_step_basis_points INTEGER NOT NULL CHECK (reduction_step_basis_points >= 0),
    units_per_month     INTEGER NOT NULL CHECK (units_per_month > 0),
    rounding_cents      INTEGER NOT NULL CHECK (rounding_cents > 0),
    updated_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (organiser_code, service_code)
);

-- A voucher decision: a draft until decided; deciding makes (or, for an amendment, changes)
-- the voucher. `value_*` hold what the decision grants; `income_*` what an income-related
-- value was computed from and how (the decision shows it).
CREATE TABLE voucher_decisions (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    assessment_id       INTEGER NOT NULL REFERENCES need_assessments(id),
    service_code        TEXT NOT NULL REFERENCES services(code),
    unit                TEXT NOT NULL CHECK (unit IN ('hour', 'visit', 'day')),
    unit_value_cents    INTEGER NOT NULL CHECK (unit_value_cents >= 0),
    granted_units       INTEGER CHECK (granted_units IS NULL OR granted_units > 0),
    granted_cents       INTEGER NOT NULL CHECK (granted_cents > 0),
    valid_from          TEXT NOT NULL,
    valid_until         TEXT NOT NULL CHECK (valid_until >= valid_from),
    household_size      INTEGER CHECK (household_size IS NULL OR household_size > 0),
    gross_income_cents  INTEGER CHECK (gross_income_cents IS NULL OR gross_income_cents >= 0),
    -- The `domain::income::Computation` as JSON, for an income-related value.
    computation_json    TEXT,
    -- The voucher an amendment changes; NULL for a first decision.
    amends_voucher_id   INTEGER REFERENCES vouchers(id),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'decided', 'delivered', 'superseded', 'annulled')),
    -- The decision's number, `YYYY-NNNNN` per organiser; set when decided.
    decision_number     TEXT,
    voucher_id          INTEGER REFERENCES vouchers(id),
    drafted_by          TEXT NOT NULL,
    drafted_at          TEXT NOT NULL,
    decided_by          TEXT,
    decided_by_name     TEXT,
    decided_at          TEXT,
    -- 'message' (queued to the customer) or 'post' (marked for printing and post).
    delivered_via       TEXT CHECK (delivered_via IS NULL OR delivered_via IN ('message', 'post')),
    delivered_at        TEXT,
    annul_reason        TEXT,
    UNIQUE (organiser_code, decision_number)
);
CREATE INDEX voucher_decisions_by_customer ON voucher_decisions (customer_id, id);
CREATE INDEX voucher_decisions_by_voucher ON voucher_decisions (voucher_id, id);
CREATE INDEX voucher_decisions_by_status ON voucher_decisions (organiser_code, status);

-- A voucher ended early keeps why and by whom; an annulled one too.
ALTER TABLE vouchers ADD COLUMN ended_reason TEXT;
ALTER TABLE vouchers ADD COLUMN ended_by TEXT;

-- Registered proxies (PSOP model): at most one in force per customer, with the basis, the
-- scope (space-separated `OnBehalfAction`s), the evidence staff saw; ending is recorded,
-- never deleted. Replaces `registered_proxies`, whose rows move here with the full scope.
CREATE TABLE proxy_registrations (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    proxy_hetu          TEXT NOT NULL,
    proxy_given_name    TEXT NOT NULL,
    proxy_family_name   TEXT NOT NULL,
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'court_appointed_guardian', 'power_of_attorney', 'other')),
    justification       TEXT NOT NULL DEFAULT '',
    scope               TEXT NOT NULL,
    evidence            TEXT NOT NULL DEFAULT '',
    valid_from          TEXT NOT NULL,
    valid_until         TEXT NOT NULL CHECK (valid_until >= valid_from),
    registered_by       TEXT NOT NULL,
    registered_at       TEXT NOT NULL,
    ended_at            TEXT,
    ended_by            TEXT,
    ended_reason        TEXT
);
CREATE UNIQUE INDEX proxy_registrations_one_in_force ON proxy_registrations (customer_id) WHERE ended_at IS NULL;
CREATE INDEX proxy_registrations_by_proxy ON proxy_registrations (proxy_hetu);
INSERT INTO proxy_registrations (customer_id, proxy_hetu, proxy_given_name, proxy_family_name, basis,
                                 justification, scope, evidence, valid_from, valid_until, registered_by, registered_at)
    SELECT customer_id, proxy_hetu, proxy_given_name, proxy_family_name, 'power_of_attorney', '',
           'view_vouchers view_feedback view_trail view_messages view_access_log give_feedback answer_survey', '',
           valid_from, valid_until, registered_by, registered_at
    FROM registered_proxies;
DROP TABLE registered_proxies;

-- Staff's check of a service event: checked, or disputed with a note the producer answers.
CREATE TABLE event_checks (
    event_id            INTEGER PRIMARY KEY REFERENCES service_events(id),
    status              TEXT NOT NULL CHECK (status IN ('checked', 'disputed')),
    note                TEXT NOT NULL CHECK (length(note) <= 2000),
    checked_by          TEXT NOT NULL,
    checked_by_name     TEXT NOT NULL,
    checked_at          TEXT NOT NULL,
    answer              TEXT CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 2000),
    answered_by         TEXT,
    answered_at         TEXT
);
CREATE INDEX event_checks_by_status ON event_checks (status);

-- Every view and change of a customer's data by staff: who, when, what (`domain::desk::
-- StaffView`); a change's line is written in the change's own batch. The customer reads it
-- beside producers' log (`producer_log`) on "Who has looked at my data".
CREATE TABLE staff_access_log (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    staff_username      TEXT NOT NULL,
    staff_name          TEXT NOT NULL,
    what                TEXT NOT NULL CHECK (what IN ('card', 'identity_code', 'decision', 'events', 'search',
                            'contact', 'assessment', 'decision_change', 'voucher_change', 'proxy_change',
                            'event_check'))
);
CREATE INDEX staff_access_log_by_customer ON staff_access_log (customer_id, id);

-- Messages to a customer now include decisions and registered proxies; the producer is
-- then absent. SQLite cannot alter a CHECK, so the outbox is made again with its rows.
CREATE TABLE messages_new (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    kind                TEXT NOT NULL CHECK (kind IN ('feedback_given', 'survey_answered', 'voucher_decided',
                            'proxy_registered', 'proxy_ended', 'voucher_ended', 'voucher_annulled')),
    actor_name          TEXT NOT NULL,
    producer_id         INTEGER REFERENCES producers(id),
    decision_id         INTEGER REFERENCES voucher_decisions(id),
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent'))
);
INSERT INTO messages_new (id, customer_id, kind, actor_name, producer_id, created_at, status)
    SELECT id, customer_id, kind, actor_name, producer_id, created_at, status FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_id, id);

-- The on-behalf trail may now record reading the access log.
CREATE TABLE on_behalf_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_hetu          TEXT NOT NULL,
    actor_name          TEXT NOT NULL,
    principal_customer_id INTEGER NOT NULL REFERENCES customers(id),
    action              TEXT NOT NULL CHECK (action IN ('choose', 'view_vouchers', 'view_feedback',
                            'view_trail', 'view_messages', 'view_access_log', 'give_feedback', 'answer_survey')),
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'mandate', 'registered_proxy')),
    result              TEXT NOT NULL CHECK (result IN ('allowed', 'refused'))
);
INSERT INTO on_behalf_log_new SELECT * FROM on_behalf_log;
DROP TABLE on_behalf_log;
ALTER TABLE on_behalf_log_new RENAME TO on_behalf_log;
CREATE INDEX on_behalf_log_by_principal ON on_behalf_log (principal_customer_id, id);

-- The producer's log may now record reading a customer's voucher page as a view, and
-- answering a dispute.
CREATE TABLE producer_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    actor_name          TEXT NOT NULL,
    actor_key           TEXT NOT NULL,
    voucher_id          INTEGER NOT NULL REFERENCES vouchers(id),
    event_id            INTEGER REFERENCES service_events(id),
    action              TEXT NOT NULL CHECK (action IN ('link_voucher', 'view_voucher', 'log_event',
                            'correct_event', 'cancel_event', 'answer_dispute'))
);
INSERT INTO producer_log_new SELECT * FROM producer_log;
DROP TABLE producer_log;
ALTER TABLE producer_log_new RENAME TO producer_log;
CREATE INDEX producer_log_by_voucher ON producer_log (voucher_id, id);
