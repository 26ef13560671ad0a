-- Notifications that arrive (issue 14): the outbox is delivered through Suomi.fi Messages,
-- electronically or as paper mail, and keeps each message's delivery state.

-- The outbox, rebuilt for delivery. `status` follows seteli_domain::delivery::MessageStatus;
-- `id` is the message's externalId at Suomi.fi Messages, so it is sent once whoever sends it.
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
    -- The sending organiser when neither the case nor the customer names it (supervision).
    organiser_code      TEXT REFERENCES organisers(code),
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'held', 'sent', 'paper',
                            'read', 'printed', 'delivered', 'returned', 'failed')),
    -- When the status last changed (RFC 3339).
    status_at           TEXT,
    -- Who it went to, by name: the principal, a minor's guardian, or the company.
    recipient_name      TEXT,
    held_reason         TEXT CHECK (held_reason IN ('non_disclosure', 'no_address', 'no_recipient')),
    -- The employee who let a held message go on paper.
    released_by         TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Unix seconds: not tried again before this; a delivery in progress holds the row until
    -- `lease_until` under its random `lease`, so two runs at once never both send it.
    next_attempt_at     INTEGER NOT NULL DEFAULT 0,
    lease               TEXT,
    lease_until         INTEGER NOT NULL DEFAULT 0,
    -- Suomi.fi Messages' own id, once it took the message.
    remote_id           INTEGER,
    -- Why the last attempt failed: a status code or error code, never a person's data.
    last_error          TEXT,
    CHECK ((customer_id IS NULL) != (to_producer_id IS NULL))
);
INSERT INTO messages_new (id, customer_id, to_producer_id, kind, actor_name, producer_id, decision_id, case_id,
                          created_at, status)
    SELECT id, customer_id, to_producer_id, kind, actor_name, producer_id, decision_id, case_id, created_at,
           status FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_customer ON messages (customer_id, id);
CREATE INDEX messages_by_company ON messages (to_producer_id, id);
CREATE INDEX messages_due ON messages (status, next_attempt_at);

-- The reader's language for letters (NULL: not known, then the organiser's).
ALTER TABLE customers ADD COLUMN lang TEXT CHECK (lang IN ('fi', 'sv', 'en'));

-- The organiser's postal address, the sender on paper mail.
ALTER TABLE organisers ADD COLUMN street_address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisers ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE organisers ADD COLUMN post_office TEXT NOT NULL DEFAULT '';
UPDATE organisers SET street_address = 'Kirjaamo, PL 46', postal_code = '06151', post_office = 'Porvoo'
    WHERE code = 'ita-uusimaa';
UPDATE organisers SET street_address = 'PL 10', postal_code = '00099', post_office = 'Helsingin kaupunki'
    WHERE code = 'helsinki';
UPDATE organisers SET street_address = 'Kirjaamo, PL 272', postal_code = '33101', post_office = 'Tampere'
    WHERE code = 'pirkanmaa';
UPDATE organisers SET street_address = 'Kirjaamo, PL 52', postal_code = '20521', post_office = 'Turku'
    WHERE code = 'varsinais-suomi';

-- What outside services handed Seteli that outlives a request: Suomi.fi Messages' access
-- token (until it expires) and the events feed's continuation token.
CREATE TABLE service_state (
    name                TEXT PRIMARY KEY,
    value               TEXT NOT NULL,
    -- Unix seconds; NULL: does not expire.
    expires_at          INTEGER
);

-- Employees are told on their desk and by e-mail, never through Suomi.fi Messages. The
-- address comes from the staff login's `email` claim.
ALTER TABLE staff_members ADD COLUMN email TEXT;

-- What waits for an employee: a case that came to them (handed over, answered by the
-- applicant, returned by the deadline job). Read when they open the case.
CREATE TABLE staff_notices (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('case_to_you')),
    case_id             INTEGER REFERENCES cases(id),
    -- Who moved the case (a colleague, the applicant company, "Seteli").
    by_name             TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    read_at             TEXT
);
CREATE INDEX staff_notices_by_username ON staff_notices (username, id);

-- The e-mail outbox: a stand-in until the organiser's mail relay is connected. Each row is
-- one e-mail to an employee; `to_address` is NULL when their login gave none.
CREATE TABLE email_outbox (
    id                  INTEGER PRIMARY KEY,
    to_username         TEXT NOT NULL,
    to_address          TEXT,
    subject             TEXT NOT NULL,
    body                TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent'))
);
