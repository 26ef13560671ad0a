-- Producers at work: a session acting for a producer company, the vouchers a producer has
-- linked by their numbers, idempotent service events with corrections, the guard against
-- guessing voucher numbers, and the log of what producers did with customers' data.

-- A choice in progress may now be for a company (Valtuudet `ypa`). The table holds only
-- choices of the last 15 minutes, so it is simply made again.
DROP TABLE on_behalf_selections;
CREATE TABLE on_behalf_selections (
    state               TEXT PRIMARY KEY,
    session_id_hash     TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('child', 'adult', 'company')),
    valtuudet_session   TEXT NOT NULL,
    lang                TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
    created_at          INTEGER NOT NULL
);

-- The producer company a citizen session acts for, and the person's roles in it as
-- Valtuudet gave them (space-separated).
ALTER TABLE sessions ADD COLUMN acting_producer_id INTEGER REFERENCES producers(id);
ALTER TABLE sessions ADD COLUMN acting_company_roles TEXT;

-- A voucher whose number the customer gave the producer: from then on the producer may see
-- it and log events under it.
CREATE TABLE producer_vouchers (
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    voucher_id          INTEGER NOT NULL REFERENCES vouchers(id),
    linked_at           TEXT NOT NULL,
    PRIMARY KEY (producer_id, voucher_id)
);
CREATE INDEX producer_vouchers_by_voucher ON producer_vouchers (voucher_id);

-- Voucher numbers entered, for the guard against guessing. `actor_key` is the SHA-256 of
-- the person's identity code, so the table holds no codes.
CREATE TABLE voucher_lookups (
    id                  INTEGER PRIMARY KEY,
    actor_key           TEXT NOT NULL,
    at                  INTEGER NOT NULL,
    found               INTEGER NOT NULL CHECK (found IN (0, 1))
);
CREATE INDEX voucher_lookups_by_actor ON voucher_lookups (actor_key, at);

-- Corrections keep the original: it is cancelled and the correction names it.
ALTER TABLE service_events ADD COLUMN corrects INTEGER REFERENCES service_events(id);
ALTER TABLE service_events ADD COLUMN cancelled_at TEXT;

-- One event per producer and idempotency key: a retried submission finds its first result.
CREATE TABLE event_submissions (
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    idempotency_key     TEXT NOT NULL,
    event_id            INTEGER NOT NULL REFERENCES service_events(id),
    PRIMARY KEY (producer_id, idempotency_key)
);

-- What a producer's people did with customers' data: linking a voucher, logging,
-- correcting and cancelling events.
CREATE TABLE producer_log (
    id                  INTEGER PRIMARY KEY,
    at                  TEXT NOT NULL,
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    actor_name          TEXT NOT NULL,
    actor_key           TEXT NOT NULL,
    voucher_id          INTEGER NOT NULL REFERENCES vouchers(id),
    event_id            INTEGER REFERENCES service_events(id),
    action              TEXT NOT NULL CHECK (action IN ('link_voucher', 'view_voucher', 'log_event',
                            'correct_event', 'cancel_event'))
);
CREATE INDEX producer_log_by_voucher ON producer_log (voucher_id, id);
