-- A guardian or a mandate holder may act for a person the municipality has not made a
-- customer yet, to apply for a voucher for them (issue 15): sending the application makes
-- them one. Until then the session names the principal by identity code and by the names
-- Suomi.fi-valtuudet gave, and the trail keeps the principal's identity code.

-- Set only when the principal was not a customer when chosen; the session finds the
-- customer by this code as soon as one exists.
ALTER TABLE sessions ADD COLUMN acting_principal_hetu TEXT;
ALTER TABLE sessions ADD COLUMN acting_principal_given_name TEXT;
ALTER TABLE sessions ADD COLUMN acting_principal_family_name TEXT;

-- The trail of a principal who is not a customer is kept by identity code; the statement
-- that makes them a customer moves it to the customer (`principal_hetu` back to NULL).
CREATE TABLE on_behalf_log_new (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    actor_hetu          TEXT NOT NULL,
    actor_name          TEXT NOT NULL,
    principal_customer_id INTEGER REFERENCES customers(id),
    principal_hetu      TEXT,
    action              TEXT NOT NULL CHECK (action IN ('choose', 'view_vouchers', 'view_feedback',
                            'view_trail', 'view_messages', 'view_access_log', 'give_feedback', 'answer_survey',
                            'apply_for_voucher', 'answer_consent')),
    basis               TEXT NOT NULL CHECK (basis IN ('guardian', 'mandate', 'registered_proxy')),
    result              TEXT NOT NULL CHECK (result IN ('allowed', 'refused')),
    CHECK ((principal_customer_id IS NULL) <> (principal_hetu IS NULL))
);
INSERT INTO on_behalf_log_new (id, at, actor_hetu, actor_name, principal_customer_id, action, basis, result)
    SELECT id, at, actor_hetu, actor_name, principal_customer_id, action, basis, result FROM on_behalf_log;
DROP TABLE on_behalf_log;
ALTER TABLE on_behalf_log_new RENAME TO on_behalf_log;
CREATE INDEX on_behalf_log_by_principal ON on_behalf_log (principal_customer_id, id);
CREATE INDEX on_behalf_log_by_person ON on_behalf_log (principal_hetu) WHERE principal_hetu IS NOT NULL;
