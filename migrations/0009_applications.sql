-- Producers apply, the organiser decides (issue 13): cases on the one case engine
-- (`domain::case`), producers' applications with their services, prices, checklist answers
-- and attachments, the organiser's checklists per municipality and service, the staff
-- members known from their logins, supervision of approvals, and an outbox that also
-- reaches companies.

-- Every case Seteli handles. The columns are `domain::case::CaseState` taken apart, so that
-- the queue and the deadline job can ask SQL; `step` is a random token each step writes, so
-- that a step taken twice at once (two handlers) is written once: the statements of a step
-- after the first are guarded by its token.
CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('producer_application')),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    state               TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'in_progress', 'waiting',
                            'approved', 'rejected', 'cancelled')),
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
CREATE INDEX cases_queue ON cases (organiser_code, kind, state);
CREATE INDEX cases_by_deadline ON cases (state, deadline);

-- A case's history: each step, who took it, when, from which state to which, and why.
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
CREATE INDEX case_events_by_case ON case_events (case_id, id);

-- Staff members as their last login described them: whom a case can be handed over to.
CREATE TABLE staff_members (
    username            TEXT PRIMARY KEY,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    organiser_code      TEXT NOT NULL,
    roles               TEXT NOT NULL,
    last_login_at       TEXT NOT NULL
);
CREATE INDEX staff_members_by_organiser ON staff_members (organiser_code);

-- What the organiser requires of a producer of a service in a municipality: the checklist
-- an application answers, item by item, some backed by an attachment.
CREATE TABLE requirements (
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    code                TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    sort_order          INTEGER NOT NULL,
    needs_attachment    INTEGER NOT NULL CHECK (needs_attachment IN (0, 1)),
    label_fi            TEXT NOT NULL,
    label_sv            TEXT NOT NULL,
    label_en            TEXT NOT NULL,
    PRIMARY KEY (municipality_code, service_code, code)
);

-- A producer's application for one municipality: the company's details as it wrote them.
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
CREATE INDEX producer_applications_by_producer ON producer_applications (producer_id);

-- The services applied for, each with its price (the price list; a price is set before
-- submitting).
CREATE TABLE application_services (
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    service_code        TEXT NOT NULL REFERENCES services(code),
    unit                TEXT CHECK (unit IN ('hour', 'visit', 'day')),
    price_cents         INTEGER CHECK (price_cents >= 0 AND price_cents <= 1000000000),
    valid_from          TEXT,
    PRIMARY KEY (case_id, service_code)
);

-- The applicant's answer to each checklist item: met, or not yet (with an explanation).
CREATE TABLE application_answers (
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    requirement_code    TEXT NOT NULL,
    answer              TEXT NOT NULL CHECK (answer IN ('met', 'not_yet')),
    note                TEXT NOT NULL CHECK (length(note) <= 1000),
    PRIMARY KEY (case_id, requirement_code)
);

-- A file attached to a case: the bytes are in the blob store (R2) under `blob_key`, an
-- unguessable key. A row is written after its file and deleted before it, so a file
-- without a row is left only by a failure; the scheduled sweep removes it.
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
CREATE INDEX attachments_by_case ON attachments (case_id, id);

-- Approvals may now be suspended (until a day, or until lifted) and carry who changed them
-- and why. SQLite cannot alter a CHECK, so the table is made again with its rows.
CREATE TABLE approvals_new (
    producer_id         INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    status              TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'suspended', 'withdrawn', 'rejected')),
    changed_at          TEXT NOT NULL,
    -- The last day of a suspension; NULL: until lifted.
    suspended_until     TEXT,
    reason              TEXT NOT NULL DEFAULT '',
    changed_by          TEXT NOT NULL DEFAULT '',
    -- The application that approved it, if one did.
    case_id             INTEGER REFERENCES cases(id),
    PRIMARY KEY (producer_id, municipality_code, service_code)
);
INSERT INTO approvals_new (producer_id, municipality_code, service_code, status, changed_at)
    SELECT producer_id, municipality_code, service_code, status, changed_at FROM approvals;
DROP TABLE approvals;
ALTER TABLE approvals_new RENAME TO approvals;
CREATE INDEX approvals_public ON approvals (municipality_code, service_code, status);

-- The outbox now also reaches companies (an applicant, a supervised producer) and names the
-- case a message is about. Exactly one recipient: a customer or a company.
CREATE TABLE messages_new (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER REFERENCES customers(id),
    to_producer_id      INTEGER REFERENCES producers(id),
    kind                TEXT NOT NULL CHECK (kind IN ('feedback_given', 'survey_answered', 'voucher_decided',
                            'proxy_registered', 'proxy_ended', 'voucher_ended', 'voucher_annulled',
                            'application_changed', 'application_reminder', 'approval_suspended',
                            'approval_withdrawn', 'producer_unavailable')),
    actor_name          TEXT NOT NULL,
    producer_id         INTEGER REFERENCES producers(id),
    decision_id         INTEGER REFERENCES voucher_decisions(id),
    case_id             INTEGER REFERENCES cases(id),
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent')),
    CHECK ((customer_id IS NULL) != (to_producer_id IS NULL))
);
INSERT INTO messages_new (id, customer_id, kind, actor_name, producer_id, decision_id, created_at, status)
    SELECT id, customer_id, kind, actor_name, producer_id, decision_id, created_at, status FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_id, id);
CREATE INDEX messages_by_company ON messages (to_producer_id, id);
