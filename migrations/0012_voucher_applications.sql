-- Residents apply for a voucher online (issue 15): the application beside its case, the
-- other guardians' consent requests (DVV scenario B), messages to a person who is not a
-- customer (a named guardian), the decision drafted from an application, and answering a
-- consent request as an on-behalf action of its own in the trail.

-- A resident's voucher application: the case (kind `voucher_application`) plus the form.
-- The form is kept whole as JSON (`seteli_domain::resident_application::VoucherApplicationForm`,
-- named guardians' identity codes included); the service and the municipality are also
-- columns, so that the queue and "one open application per service" can ask SQL.
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
CREATE INDEX voucher_applications_by_principal ON voucher_applications (principal_hetu, case_id);
CREATE INDEX voucher_applications_by_applicant ON voucher_applications (applicant_hetu, case_id);

-- A named guardian's consent to a shared matter (scenario B). `status` follows
-- seteli_domain::resident_application::ConsentStatus; answered once, by `last_day`.
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
CREATE INDEX consent_requests_by_guardian ON consent_requests (guardian_hetu, status);
CREATE INDEX consent_requests_by_day ON consent_requests (status, last_day);

-- A decision drafted from a resident's application closes the application when decided.
ALTER TABLE voucher_decisions ADD COLUMN case_id INTEGER REFERENCES cases(id);

-- The outbox, rebuilt: the kinds for residents' applications, and messages to a person who
-- is not a customer (`to_hetu`, `to_name`: a guardian asked for consent or informed).
-- Nothing refers to `messages`, so the rename is safe here.
CREATE TABLE messages_new (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER REFERENCES customers(id),
    to_producer_id      INTEGER REFERENCES producers(id),
    to_hetu             TEXT,
    to_name             TEXT,
    kind                TEXT NOT NULL CHECK (kind IN ('feedback_given', 'survey_answered', 'voucher_decided',
                            'proxy_registered', 'proxy_ended', 'voucher_ended', 'voucher_annulled',
                            'application_changed', 'application_reminder', 'approval_suspended',
                            'approval_withdrawn', 'producer_unavailable', 'consent_requested',
                            'guardian_informed', 'voucher_application_changed')),
    actor_name          TEXT NOT NULL,
    producer_id         INTEGER REFERENCES producers(id),
    decision_id         INTEGER REFERENCES voucher_decisions(id),
    case_id             INTEGER REFERENCES cases(id),
    organiser_code      TEXT REFERENCES organisers(code),
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'held', 'sent', 'paper',
                            'read', 'printed', 'delivered', 'returned', 'failed')),
    status_at           TEXT,
    recipient_name      TEXT,
    held_reason         TEXT CHECK (held_reason IN ('non_disclosure', 'no_address', 'no_recipient')),
    released_by         TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at     INTEGER NOT NULL DEFAULT 0,
    lease               TEXT,
    lease_until         INTEGER NOT NULL DEFAULT 0,
    remote_id           INTEGER,
    last_error          TEXT,
    CHECK ((customer_id IS NOT NULL) + (to_producer_id IS NOT NULL) + (to_hetu IS NOT NULL) = 1),
    CHECK ((to_hetu IS NULL) = (to_name IS NULL))
);
INSERT INTO messages_new (id, customer_id, to_producer_id, kind, actor_name, producer_id, decision_id, case_id,
                          organiser_code, created_at, status, status_at, recipient_name, held_reason,
                          released_by, attempts, next_attempt_at, lease, lease_until, remote_id, last_error)
    SELECT id, customer_id, to_producer_id, kind, actor_name, producer_id, decision_id, case_id,
           organiser_code, created_at, status, status_at, recipient_name, held_reason,
           released_by, attempts, next_attempt_at, lease, lease_until, remote_id, last_error
    FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_id, id);
CREATE INDEX messages_by_company ON messages (to_producer_id, id);
CREATE INDEX messages_by_person ON messages (to_hetu, id);
CREATE INDEX messages_due ON messages (status, next_attempt_at);

-- Answering a consent request for a child is an on-behalf action of its own in the trail.
CREATE TABLE on_behalf_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_hetu          TEXT NOT NULL,
    actor_name          TEXT NOT NULL,
    principal_customer_id INTEGER NOT NULL REFERENCES customers(id),
    action              TEXT NOT NULL CHECK (action IN ('choose', 'view_vouchers', 'view_feedback',
                            'view_trail', 'view_messages', 'view_access_log', 'give_feedback', 'answer_survey',
                            'apply_for_voucher', 'answer_consent')),
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'mandate', 'registered_proxy')),
    result              TEXT NOT NULL CHECK (result IN ('allowed', 'refused'))
);
INSERT INTO on_behalf_log_new SELECT * FROM on_behalf_log;
DROP TABLE on_behalf_log;
ALTER TABLE on_behalf_log_new RENAME TO on_behalf_log;
CREATE INDEX on_behalf_log_by_principal ON on_behalf_log (principal_customer_id, id);

-- Staff reading a resident's application, and their steps on it, are views of the
-- customer's data like any other: in the customer's "who has looked at my data".
CREATE TABLE staff_access_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    staff_username      TEXT NOT NULL,
    staff_name          TEXT NOT NULL,
    what                TEXT NOT NULL CHECK (what IN ('card', 'identity_code', 'decision', 'events', 'search',
                            'contact', 'assessment', 'decision_change', 'voucher_change', 'proxy_change',
                            'event_check', 'application', 'application_change'))
);
INSERT INTO staff_access_log_new SELECT * FROM staff_access_log;
DROP TABLE staff_access_log;
ALTER TABLE staff_access_log_new RENAME TO staff_access_log;
CREATE INDEX staff_access_log_by_customer ON staff_access_log (customer_id, id);
