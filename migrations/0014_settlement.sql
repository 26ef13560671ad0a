-- Paying producers (issue 16): the monthly settlement per organiser × producer × month,
-- its lines (the month's visits, late ones and adjustments to earlier settlements), holds
-- on disputed visits, producers' bank accounts (in effect once the organiser's finance
-- confirms them) and the organiser's own account for the payment file. Nothing settled is
-- rewritten: a confirmed settlement's lines stay as they are, and what changes later is a
-- line of a later settlement (`seteli_domain::settlement`).

-- The organiser's settlement configuration: the day the previous month is gathered, and
-- the account and business id the bank's payment file pays from (set by whoever runs
-- Seteli for the organiser; without them no payment file is written).
ALTER TABLE organisers ADD COLUMN settlement_cutoff_day INTEGER NOT NULL DEFAULT 5
    CHECK (settlement_cutoff_day BETWEEN 1 AND 28);
ALTER TABLE organisers ADD COLUMN business_id TEXT;
ALTER TABLE organisers ADD COLUMN payer_iban TEXT;
ALTER TABLE organisers ADD COLUMN payer_bic TEXT;
-- The latest month the scheduled run gathered (`YYYY-MM`), so that it gathers each once.
ALTER TABLE organisers ADD COLUMN settlement_gathered_month TEXT;

-- A producer's bank account as entered by the producer, and what the organiser's finance
-- decided about it: the rows are the log of both (never updated but for the decision).
CREATE TABLE producer_accounts (
    id                  INTEGER PRIMARY KEY,
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    iban                TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
    entered_by_name     TEXT NOT NULL,
    entered_at          TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'confirmed', 'rejected', 'replaced')),
    decided_by          TEXT,
    decided_by_name     TEXT,
    decided_at          TEXT,
    decided_organiser   TEXT REFERENCES organisers(code),
    CHECK ((status = 'pending') = (decided_at IS NULL) OR status = 'replaced')
);
-- At most one account waiting and one in effect per producer.
CREATE UNIQUE INDEX producer_accounts_pending ON producer_accounts (producer_id) WHERE status = 'pending';
CREATE UNIQUE INDEX producer_accounts_confirmed ON producer_accounts (producer_id) WHERE status = 'confirmed';

CREATE TABLE settlements (
    id                  INTEGER PRIMARY KEY,
    organiser_code      TEXT NOT NULL REFERENCES organisers(code),
    producer_id         INTEGER NOT NULL REFERENCES producers(id),
    month               TEXT NOT NULL CHECK (month GLOB '[2][0-9][0-9][0-9]-[01][0-9]'),
    state               TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'confirmed', 'paid')),
    gathered_at         TEXT NOT NULL,
    -- The sums (`seteli_domain::settlement::Totals`), in cents.
    events_cents        INTEGER NOT NULL,
    adjustments_cents   INTEGER NOT NULL,
    carried_in_cents    INTEGER NOT NULL CHECK (carried_in_cents <= 0),
    payable_cents       INTEGER NOT NULL CHECK (payable_cents >= 0),
    carried_out_cents   INTEGER NOT NULL CHECK (carried_out_cents <= 0),
    confirmed_at        TEXT,
    confirmed_by_name   TEXT,
    paid_on             TEXT,
    payment_reference   TEXT CHECK (payment_reference IS NULL OR length(payment_reference) BETWEEN 1 AND 35),
    paid_by_name        TEXT,
    -- The bank's payment file it went out in (its `MsgId`) and when: a settlement is in one
    -- file only, so that downloading again never pays it twice.
    payment_message_id  TEXT,
    exported_at         TEXT,
    UNIQUE (organiser_code, producer_id, month),
    CHECK ((state = 'draft') = (confirmed_at IS NULL)),
    CHECK ((state = 'paid') = (paid_on IS NOT NULL AND payment_reference IS NOT NULL))
);
CREATE INDEX settlements_by_month ON settlements (organiser_code, month);
CREATE INDEX settlements_by_producer ON settlements (producer_id, month);
CREATE INDEX settlements_by_payment ON settlements (organiser_code, payment_message_id);

-- A settlement's lines: each an event and what it adds (negative to take back).
-- `event_status` and `event_share_cents` are the event as gathered: confirming checks that
-- no event changed since, so a settlement is never confirmed over a visit it did not show.
CREATE TABLE settlement_lines (
    id                  INTEGER PRIMARY KEY,
    settlement_id       INTEGER NOT NULL REFERENCES settlements(id) ON DELETE CASCADE,
    event_id            INTEGER NOT NULL REFERENCES service_events(id),
    kind                TEXT NOT NULL CHECK (kind IN ('event', 'late', 'cancelled', 'changed')),
    amount_cents        INTEGER NOT NULL CHECK (amount_cents != 0),
    event_status        TEXT NOT NULL,
    event_share_cents   INTEGER NOT NULL,
    UNIQUE (settlement_id, event_id)
);
CREATE INDEX settlement_lines_by_event ON settlement_lines (event_id);

-- A disputed visit held out of a draft settlement: it waits for the next month.
CREATE TABLE settlement_holds (
    settlement_id       INTEGER NOT NULL REFERENCES settlements(id) ON DELETE CASCADE,
    event_id            INTEGER NOT NULL REFERENCES service_events(id),
    reason              TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    held_by_name        TEXT NOT NULL,
    held_at             TEXT NOT NULL,
    PRIMARY KEY (settlement_id, event_id)
);
