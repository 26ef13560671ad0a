-- The municipality's own e-authorisations, governed (issue 17; municipality.md §4, the Porvoo
-- model): departments and job titles, the authorisation catalogue, maps, employees' orders as
-- cases of a third kind (`authorisation_order`) on the one case engine, and the holdings
-- register. Staff sessions carry the login's department and job title claims; the desk's
-- notices tell an orderer of every change and an administrator of holdings to renew.
--
-- SQLite cannot alter a CHECK, so `cases` is made again with its rows, as 0011 did: its
-- children that cascade on delete are kept aside and dropped first, and the rows come back
-- into a new table named `cases`. `staff_notices` is made again for its new kinds.
PRAGMA defer_foreign_keys = on;

CREATE TABLE keep_cases AS SELECT * FROM cases;
CREATE TABLE keep_case_events AS SELECT * FROM case_events;
CREATE TABLE keep_producer_applications AS SELECT * FROM producer_applications;
CREATE TABLE keep_application_services AS SELECT * FROM application_services;
CREATE TABLE keep_application_answers AS SELECT * FROM application_answers;
CREATE TABLE keep_attachments AS SELECT * FROM attachments;
CREATE TABLE keep_voucher_applications AS SELECT * FROM voucher_applications;
CREATE TABLE keep_consent_requests AS SELECT * FROM consent_requests;
CREATE TABLE keep_staff_notices AS SELECT * FROM staff_notices;

DROP TABLE case_events;
DROP TABLE producer_applications;
DROP TABLE application_services;
DROP TABLE application_answers;
DROP TABLE attachments;
DROP TABLE voucher_applications;
DROP TABLE consent_requests;
DROP TABLE staff_notices;
DROP TABLE cases;

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('producer_application', 'voucher_application',
                            'authorisation_order')),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    state               TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'consenting', 'in_progress',
                            'waiting', 'approved', 'rejected', 'cancelled', 'declined')),
    handler             TEXT,
    waiting_on          TEXT CHECK (waiting_on IN ('applicant', 'consent', 'dvv')),
    deadline            TEXT,
    -- What is missing, as the handler listed it: a JSON array of strings.
    missing             TEXT NOT NULL DEFAULT '[]',
    -- When the applicant was reminded of the deadline (once per deadline).
    reminded_for        TEXT,
    step                TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    submitted_at        TEXT,
    updated_at          TEXT NOT NULL,
    CHECK ((state IN ('in_progress', 'waiting')) = (handler IS NOT NULL)),
    CHECK ((state = 'waiting') = (waiting_on IS NOT NULL))
);
INSERT INTO cases SELECT * FROM keep_cases;
CREATE INDEX cases_by_deadline ON cases (state, deadline);
CREATE INDEX cases_queue ON cases (organiser_code, kind, state);

CREATE TABLE case_events (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at                  TEXT NOT NULL,
    by_kind             TEXT NOT NULL CHECK (by_kind IN ('applicant', 'handler', 'system')),
    -- The handler's username; empty for the applicant and the system.
    by_handler          TEXT NOT NULL DEFAULT '',
    -- The person's name as shown in the history.
    by_name             TEXT NOT NULL,
    from_state          TEXT NOT NULL,
    to_state            TEXT NOT NULL,
    comment             TEXT NOT NULL CHECK (length(comment) <= 2000)
);
INSERT INTO case_events SELECT * FROM keep_case_events;
CREATE INDEX case_events_by_case ON case_events (case_id, id);

CREATE TABLE producer_applications (
    case_id             INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    company_name        TEXT NOT NULL,
    description_fi      TEXT NOT NULL CHECK (length(description_fi) <= 4000),
    description_sv      TEXT NOT NULL CHECK (length(description_sv) <= 4000),
    -- ISO 639-1 codes, space-separated.
    languages           TEXT NOT NULL,
    areas               TEXT NOT NULL CHECK (length(areas) <= 1000),
    street_address      TEXT NOT NULL,
    postal_code         TEXT NOT NULL,
    post_office         TEXT NOT NULL,
    phone               TEXT NOT NULL,
    email               TEXT NOT NULL,
    website             TEXT NOT NULL,
    -- The person who started it, for the history.
    started_by          TEXT NOT NULL
);
INSERT INTO producer_applications SELECT * FROM keep_producer_applications;
CREATE INDEX producer_applications_by_producer ON producer_applications (producer_id);

CREATE TABLE application_services (
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    service_code        TEXT NOT NULL REFERENCES services(code),
    unit                TEXT CHECK (unit IN ('hour', 'visit', 'day')),
    price_cents         INTEGER CHECK (price_cents >= 0 AND price_cents <= 1000000000),
    valid_from          TEXT,
    PRIMARY KEY (case_id, service_code)
);
INSERT INTO application_services SELECT * FROM keep_application_services;

CREATE TABLE application_answers (
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    requirement_code    TEXT NOT NULL,
    answer              TEXT NOT NULL CHECK (answer IN ('met', 'not_yet')),
    note                TEXT NOT NULL CHECK (length(note) <= 1000),
    PRIMARY KEY (case_id, requirement_code)
);
INSERT INTO application_answers SELECT * FROM keep_application_answers;

CREATE TABLE attachments (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    blob_key            TEXT NOT NULL UNIQUE,
    requirement_code    TEXT,
    file_name           TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type        TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes          INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
    uploaded_at         TEXT NOT NULL,
    uploaded_by         TEXT NOT NULL
);
INSERT INTO attachments SELECT * FROM keep_attachments;
CREATE INDEX attachments_by_case ON attachments (case_id, id);

CREATE TABLE voucher_applications (
    case_id             INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    applies_for         TEXT NOT NULL CHECK (applies_for IN ('myself', 'child', 'adult')),
    -- Whom it is for. `customer_id` is NULL until it is sent by a person the municipality
    -- has not made a customer yet (sending makes them one).
    principal_hetu      TEXT NOT NULL,
    principal_name      TEXT NOT NULL,
    customer_id         INTEGER REFERENCES customers(id),
    -- Who applies: the principal themselves, a guardian or a mandate holder.
    applicant_hetu      TEXT NOT NULL,
    applicant_name      TEXT NOT NULL,
    service_code        TEXT REFERENCES services(code),
    municipality_code   TEXT REFERENCES municipalities(code),
    form_json           TEXT NOT NULL CHECK (length(form_json) <= 16000),
    -- For the handler's flag (scenario C): 'sole_custody', 'agreed_outside' or 'other'.
    declared_right      TEXT CHECK (declared_right IN ('sole_custody', 'agreed_outside', 'other')),
    -- The applicant said they do not know (all of) the other guardians: staff resolve it.
    guardians_unknown   INTEGER NOT NULL DEFAULT 0 CHECK (guardians_unknown IN (0, 1))
);
INSERT INTO voucher_applications SELECT * FROM keep_voucher_applications;
CREATE INDEX voucher_applications_by_applicant ON voucher_applications (applicant_hetu, case_id);
CREATE INDEX voucher_applications_by_principal ON voucher_applications (principal_hetu, case_id);

CREATE TABLE consent_requests (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    guardian_hetu       TEXT NOT NULL,
    guardian_name       TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'given', 'declined', 'expired')),
    sent_on             TEXT NOT NULL,
    last_day            TEXT NOT NULL CHECK (last_day >= sent_on),
    -- How many times the request was sent (a resend sets a new last day).
    sent_count          INTEGER NOT NULL DEFAULT 1 CHECK (sent_count >= 1),
    answered_at         TEXT,
    comment             TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    UNIQUE (case_id, guardian_hetu)
);
INSERT INTO consent_requests SELECT * FROM keep_consent_requests;
CREATE INDEX consent_requests_by_day ON consent_requests (status, last_day);
CREATE INDEX consent_requests_by_guardian ON consent_requests (guardian_hetu, status);

CREATE TABLE staff_notices (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('case_to_you', 'order_changed', 'holding_ending')),
    case_id             INTEGER REFERENCES cases(id),
    -- Who moved the case (a colleague, the applicant company, "Seteli").
    by_name             TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    read_at             TEXT
);
INSERT INTO staff_notices SELECT * FROM keep_staff_notices;
CREATE INDEX staff_notices_by_username ON staff_notices (username, id);

DROP TABLE keep_cases;
DROP TABLE keep_case_events;
DROP TABLE keep_producer_applications;
DROP TABLE keep_application_services;
DROP TABLE keep_application_answers;
DROP TABLE keep_attachments;
DROP TABLE keep_voucher_applications;
DROP TABLE keep_consent_requests;
DROP TABLE keep_staff_notices;

-- What a staff login says of the employee's place (the `department` and `job_title` claims,
-- codes of the organiser's own lists below); either may be missing.
ALTER TABLE sessions ADD COLUMN staff_department TEXT;
ALTER TABLE sessions ADD COLUMN staff_job_title TEXT;
ALTER TABLE staff_members ADD COLUMN department_code TEXT;
ALTER TABLE staff_members ADD COLUMN job_title_code TEXT;

-- The organiser's departments (toimialat) and job titles (nimikkeet), named as the staff
-- login's claims name them.
CREATE TABLE departments (
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    code                TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
    name_fi             TEXT NOT NULL,
    name_sv             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    PRIMARY KEY (organiser_code, code)
);
CREATE TABLE job_titles (
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    code                TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 60),
    name_fi             TEXT NOT NULL,
    name_sv             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    PRIMARY KEY (organiser_code, code)
);

-- The authorisation catalogue (valtuusasiat): what the organiser's employees may need to act
-- for it in other agencies' services, and whether the organisation holds it now.
CREATE TABLE authorisations (
    id                  INTEGER PRIMARY KEY,
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    -- act: asiointivaltuus; represent: edustamisvaltuus; grant: valtuutusoikeus.
    kind                TEXT NOT NULL CHECK (kind IN ('act', 'represent', 'grant')),
    name_fi             TEXT NOT NULL CHECK (length(name_fi) BETWEEN 1 AND 200),
    name_sv             TEXT NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 200),
    name_en             TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    agency_fi           TEXT NOT NULL CHECK (length(agency_fi) BETWEEN 1 AND 200),
    agency_sv           TEXT NOT NULL CHECK (length(agency_sv) BETWEEN 1 AND 200),
    agency_en           TEXT NOT NULL CHECK (length(agency_en) BETWEEN 1 AND 200),
    service_fi          TEXT NOT NULL CHECK (length(service_fi) BETWEEN 1 AND 200),
    service_sv          TEXT NOT NULL CHECK (length(service_sv) BETWEEN 1 AND 200),
    service_en          TEXT NOT NULL CHECK (length(service_en) BETWEEN 1 AND 200),
    -- Suomi.fi-valtuudet's code of the issue (valtuusasia), where the agency has one.
    issue_code          TEXT CHECK (length(issue_code) BETWEEN 1 AND 100),
    why_fi              TEXT NOT NULL CHECK (length(why_fi) <= 2000),
    why_sv              TEXT NOT NULL CHECK (length(why_sv) <= 2000),
    why_en              TEXT NOT NULL CHECK (length(why_en) <= 2000),
    -- Whether the organisation holds it (granted by DVV): path 1 orders only these.
    held                INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    updated_at          TEXT NOT NULL,
    updated_by_name     TEXT NOT NULL
);
CREATE INDEX authorisations_by_organiser ON authorisations (organiser_code, id);

-- The maps (valtuuskartat): which authorisations the work of a department, or of a job
-- title, needs. Each row names exactly one of the two.
CREATE TABLE authorisation_map (
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    authorisation_id    INTEGER NOT NULL REFERENCES authorisations(id),
    department_code     TEXT,
    job_title_code      TEXT,
    CHECK ((department_code IS NULL) != (job_title_code IS NULL)),
    UNIQUE (authorisation_id, department_code, job_title_code)
);
CREATE INDEX authorisation_map_by_place ON authorisation_map (organiser_code, department_code, job_title_code);

-- An employee's order of authorisations: a case of kind `authorisation_order`. Path `held`
-- assigns authorisations the organisation holds (about 3 days); path `missing` first has
-- DVV grant them to the organisation (4–6 weeks). The identity code is the employee's, for
-- the administrator to enter in Suomi.fi-valtuudet; shown masked to everyone else.
CREATE TABLE authorisation_orders (
    case_id             INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    path                TEXT NOT NULL CHECK (path IN ('held', 'missing')),
    employee_given_name TEXT NOT NULL CHECK (length(employee_given_name) BETWEEN 1 AND 100),
    employee_family_name TEXT NOT NULL CHECK (length(employee_family_name) BETWEEN 1 AND 100),
    employee_hetu       TEXT NOT NULL,
    -- The employee's username when they ordered for themself.
    employee_username   TEXT,
    department_code     TEXT NOT NULL,
    job_title_code      TEXT NOT NULL,
    justification       TEXT NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
    -- Until when the employee needs it (a fixed-term post); NULL: until further notice.
    needed_until        TEXT,
    orderer_username    TEXT NOT NULL,
    orderer_name        TEXT NOT NULL,
    orderer_email       TEXT NOT NULL CHECK (length(orderer_email) BETWEEN 3 AND 254),
    -- Path `missing`: DVV's reference of the organisation's application, and when DVV granted it.
    dvv_reference       TEXT CHECK (length(dvv_reference) BETWEEN 1 AND 100),
    dvv_granted_on      TEXT,
    -- Recorded by the administrator: done in Suomi.fi-valtuudet on `done_on` by `done_by_name`.
    done_on             TEXT,
    done_by_name        TEXT,
    valid_until         TEXT
);
CREATE INDEX authorisation_orders_by_orderer ON authorisation_orders (orderer_username, case_id);

CREATE TABLE authorisation_order_items (
    case_id             INTEGER NOT NULL REFERENCES authorisation_orders(case_id) ON DELETE CASCADE,
    authorisation_id    INTEGER NOT NULL REFERENCES authorisations(id),
    PRIMARY KEY (case_id, authorisation_id)
);

-- The holdings register: who holds which of the organiser's authorisations, since and until
-- when. An employee leaving is marked; an ended holding says when and by whom it was revoked
-- in Suomi.fi-valtuudet.
CREATE TABLE authorisation_holdings (
    id                  INTEGER PRIMARY KEY,
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    authorisation_id    INTEGER NOT NULL REFERENCES authorisations(id),
    employee_given_name TEXT NOT NULL,
    employee_family_name TEXT NOT NULL,
    employee_hetu       TEXT NOT NULL,
    employee_username   TEXT,
    department_code     TEXT NOT NULL,
    job_title_code      TEXT NOT NULL,
    since               TEXT NOT NULL,
    until               TEXT,
    order_case_id       INTEGER REFERENCES cases(id),
    recorded_by_name    TEXT NOT NULL,
    -- The day the employee leaves, as the administrator marked it.
    leaving_on          TEXT,
    ended_on            TEXT,
    ended_by_name       TEXT,
    -- The end date the holder and the administrators were last told of (once per date).
    renewal_noticed_for TEXT,
    -- The scheduled run that told it (a random token): its notices are written only with it.
    renewal_claim       TEXT,
    CHECK ((ended_on IS NULL) = (ended_by_name IS NULL))
);
CREATE INDEX authorisation_holdings_by_organiser ON authorisation_holdings (organiser_code, ended_on, until);
CREATE INDEX authorisation_holdings_by_employee ON authorisation_holdings (organiser_code, employee_hetu);

ALTER TABLE staff_notices ADD COLUMN holding_id INTEGER REFERENCES authorisation_holdings(id);
