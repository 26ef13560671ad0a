-- Acting on another person's behalf: the session's current principal, choices in progress
-- at Suomi.fi-valtuudet, proxies the municipality registered, the trail every principal can
-- read, and the outbox that stands in for Suomi.fi Messages.

-- The customer a citizen session acts for (NULL: for themselves), on what basis, and what is
-- needed to ask Valtuudet again before a write. The access token is a secret of the session.
ALTER TABLE sessions ADD COLUMN acting_customer_id INTEGER REFERENCES customers(id);
ALTER TABLE sessions ADD COLUMN acting_basis TEXT
    CHECK (acting_basis IS NULL OR acting_basis IN ('guardian', 'mandate', 'registered_proxy'));
ALTER TABLE sessions ADD COLUMN valtuudet_session TEXT;
ALTER TABLE sessions ADD COLUMN valtuudet_token TEXT;
-- When the right was last confirmed (Unix seconds); reads may rely on it for a while.
ALTER TABLE sessions ADD COLUMN acting_checked_at INTEGER;

-- A choice in progress on the Valtuudet selection page, bound to the session that began it.
CREATE TABLE on_behalf_selections (
    -- The OAuth `state`: random, single use.
    state               TEXT PRIMARY KEY,
    session_id_hash     TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('child', 'adult')),
    valtuudet_session   TEXT NOT NULL,
    -- The language the person chose, to return to the same.
    lang                TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    created_at          INTEGER NOT NULL
);

-- A proxy the municipality registered for a customer in Seteli itself: at most one per
-- customer, valid for the dates given (inclusive).
CREATE TABLE registered_proxies (
    customer_id         INTEGER PRIMARY KEY REFERENCES customers(id),
    proxy_hetu          TEXT NOT NULL,
    proxy_given_name    TEXT NOT NULL,
    proxy_family_name   TEXT NOT NULL,
    valid_from          TEXT NOT NULL,
    valid_until         TEXT NOT NULL CHECK (valid_until >= valid_from),
    -- The staff member who registered the proxy.
    registered_by       TEXT NOT NULL,
    registered_at       TEXT NOT NULL
);
CREATE INDEX registered_proxies_by_proxy ON registered_proxies (proxy_hetu);

-- Everything done, or tried, for another person: the principal reads it.
CREATE TABLE on_behalf_log (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_hetu          TEXT NOT NULL,
    actor_name          TEXT NOT NULL,
    principal_customer_id INTEGER NOT NULL REFERENCES customers(id),
    action              TEXT NOT NULL CHECK (action IN ('choose', 'view_vouchers', 'view_feedback',
                            'view_trail', 'view_messages', 'give_feedback', 'answer_survey')),
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'mandate', 'registered_proxy')),
    result              TEXT NOT NULL CHECK (result IN ('allowed', 'refused'))
);
CREATE INDEX on_behalf_log_by_principal ON on_behalf_log (principal_customer_id, id);

-- Messages to a principal about what was done on their behalf, queued for Suomi.fi Messages.
CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    kind                TEXT NOT NULL CHECK (kind IN ('feedback_given', 'survey_answered')),
    actor_name          TEXT NOT NULL,
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    created_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent'))
);
CREATE INDEX messages_by_customer ON messages (customer_id, id);
