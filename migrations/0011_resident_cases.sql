-- Residents' voucher applications on the one case engine (issue 15): cases of a second kind,
-- `voucher_application`, and the shared matter's states — `consenting` (sent, waiting for
-- the other guardians' consent before the queue) and `declined` (stopped by a decline).
-- Applying is an on-behalf action of its own in the trail.
--
-- SQLite cannot alter a CHECK, so `cases` is made again with its rows. Its children that
-- cascade on delete are kept aside and dropped first (dropping `cases` would otherwise
-- delete their rows), and the rows come back into a new table named `cases` (not one
-- renamed to it), which is what clears the deferred foreign-key checks of the children
-- that stay (approvals, messages, staff notices).
PRAGMA defer_foreign_keys = on;

CREATE TABLE keep_cases AS SELECT * FROM cases;
CREATE TABLE keep_case_events AS SELECT * FROM case_events;
CREATE TABLE keep_producer_applications AS SELECT * FROM producer_applications;
CREATE TABLE keep_application_services AS SELECT * FROM application_services;
CREATE TABLE keep_application_answers AS SELECT * FROM application_answers;
CREATE TABLE keep_attachments AS SELECT * FROM attachments;

DROP TABLE case_events;
DROP TABLE producer_applications;
DROP TABLE application_services;
DROP TABLE application_answers;
DROP TABLE attachments;
DROP TABLE cases;

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('producer_application', 'voucher_application')),
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
CREATE INDEX cases_queue ON cases (organiser_code, kind, state);
CREATE INDEX cases_by_deadline ON cases (state, deadline);

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

DROP TABLE keep_cases;
DROP TABLE keep_case_events;
DROP TABLE keep_producer_applications;
DROP TABLE keep_application_services;
DROP TABLE keep_application_answers;
DROP TABLE keep_attachments;

-- Applying for a voucher is an on-behalf action of its own (its own Valtuudet issue).
CREATE TABLE on_behalf_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_hetu          TEXT NOT NULL,
    actor_name          TEXT NOT NULL,
    principal_customer_id INTEGER NOT NULL REFERENCES customers(id),
    action              TEXT NOT NULL CHECK (action IN ('choose', 'view_vouchers', 'view_feedback',
                            'view_trail', 'view_messages', 'view_access_log', 'give_feedback', 'answer_survey',
                            'apply_for_voucher')),
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'mandate', 'registered_proxy')),
    result              TEXT NOT NULL CHECK (result IN ('allowed', 'refused'))
);
INSERT INTO on_behalf_log_new SELECT * FROM on_behalf_log;
DROP TABLE on_behalf_log;
ALTER TABLE on_behalf_log_new RENAME TO on_behalf_log;
CREATE INDEX on_behalf_log_by_principal ON on_behalf_log (principal_customer_id, id);
