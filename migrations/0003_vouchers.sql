-- Customers, their service vouchers, the service events producers log against them, and
-- the customers' feedback and satisfaction surveys.

-- A resident the municipality has granted at least one voucher. The identity code comes
-- from strong identification and is never shown in full or logged.
CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    hetu                TEXT NOT NULL UNIQUE,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code)
);

-- A voucher: its value per unit, the purchasing power granted (ostovoima) and what is left.
CREATE TABLE vouchers (
    id                  INTEGER PRIMARY KEY,
    -- What the customer gives the producer; unique and hard to guess (check digit).
    number              TEXT NOT NULL UNIQUE,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    unit                TEXT NOT NULL CHECK (unit IN ('hour', 'visit', 'day')),
    unit_value_cents    INTEGER NOT NULL CHECK (unit_value_cents >= 0),
    -- Units granted, when the decision names a number of units; NULL for a sum of money.
    granted_units       INTEGER CHECK (granted_units IS NULL OR granted_units > 0),
    granted_cents       INTEGER NOT NULL CHECK (granted_cents >= 0),
    balance_cents       INTEGER NOT NULL CHECK (balance_cents >= 0 AND balance_cents <= granted_cents),
    valid_from          TEXT NOT NULL,
    valid_until         TEXT NOT NULL CHECK (valid_until >= valid_from),
    status              TEXT NOT NULL CHECK (status IN ('active', 'ended', 'cancelled')),
    granted_at          TEXT NOT NULL
);
CREATE INDEX vouchers_by_customer ON vouchers (customer_id, valid_until);

-- What a producer did under a voucher. Units are hundredths (150 = 1.5 hours).
CREATE TABLE service_events (
    id                  INTEGER PRIMARY KEY,
    voucher_id          INTEGER NOT NULL REFERENCES vouchers(id),
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    service_date        TEXT NOT NULL,
    description         TEXT NOT NULL,
    units_x100          INTEGER NOT NULL CHECK (units_x100 > 0),
    unit_price_cents    INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    voucher_share_cents INTEGER NOT NULL CHECK (voucher_share_cents >= 0),
    own_share_cents     INTEGER NOT NULL CHECK (own_share_cents >= 0),
    status              TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'cancelled')),
    created_at          TEXT NOT NULL
);
CREATE INDEX service_events_by_voucher ON service_events (voucher_id, service_date);

-- Feedback from a customer on a producer, optionally on one voucher or event.
CREATE TABLE feedback (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    voucher_id          INTEGER REFERENCES vouchers(id),
    event_id            INTEGER REFERENCES service_events(id),
    body                TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at          TEXT NOT NULL
);
CREATE INDEX feedback_by_customer ON feedback (customer_id, created_at);

-- A producer's reply to a piece of feedback.
CREATE TABLE feedback_replies (
    id                  INTEGER PRIMARY KEY,
    feedback_id         INTEGER NOT NULL REFERENCES feedback(id),
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    body                TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at          TEXT NOT NULL
);
CREATE INDEX feedback_replies_by_feedback ON feedback_replies (feedback_id);

-- Satisfaction survey answers, stored one row per answer for aggregation into producers'
-- public quality figures. At most one per voucher and producer per calendar month.
CREATE TABLE survey_answers (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers(id),
    voucher_id          INTEGER NOT NULL REFERENCES vouchers(id),
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    -- YYYY-MM, Finnish calendar month of the answer.
    period              TEXT NOT NULL,
    overall             INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    punctuality         INTEGER NOT NULL CHECK (punctuality BETWEEN 1 AND 5),
    staff               INTEGER NOT NULL CHECK (staff BETWEEN 1 AND 5),
    information         INTEGER NOT NULL CHECK (information BETWEEN 1 AND 5),
    comment             TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
    created_at          TEXT NOT NULL,
    UNIQUE (voucher_id, producer_id, period)
);
CREATE INDEX survey_answers_by_producer ON survey_answers (producer_id, period);
