-- The public catalogue: municipalities, services, producers, their approvals and prices.
-- One schema for D1 (wrangler d1 migrations) and for native tests (rusqlite).

CREATE TABLE municipalities (
    code        TEXT PRIMARY KEY CHECK (length(code) = 3),
    name_fi     TEXT NOT NULL,
    name_sv     TEXT NOT NULL,
    -- 1 when Finnish and Swedish are both official languages (Porvoo - Borgå).
    bilingual   INTEGER NOT NULL DEFAULT 0 CHECK (bilingual IN (0, 1))
);

CREATE TABLE services (
    code            TEXT PRIMARY KEY,
    name_fi         TEXT NOT NULL,
    name_sv         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_fi  TEXT NOT NULL,
    description_sv  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    unit            TEXT NOT NULL CHECK (unit IN ('hour', 'visit', 'day')),
    sort_order      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE producers (
    id              INTEGER PRIMARY KEY,
    business_id     TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    summary_fi      TEXT NOT NULL,
    summary_sv      TEXT NOT NULL,
    summary_en      TEXT,
    description_fi  TEXT NOT NULL,
    description_sv  TEXT NOT NULL,
    description_en  TEXT,
    street_address  TEXT NOT NULL,
    postal_code     TEXT NOT NULL,
    post_office     TEXT NOT NULL,
    phone           TEXT NOT NULL,
    email           TEXT NOT NULL,
    website         TEXT
);

-- Languages a producer serves in (ISO 639-1).
CREATE TABLE producer_languages (
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (length(lang) = 2),
    PRIMARY KEY (producer_id, lang)
);

-- A producer's approval for one service in one municipality. Only 'approved' is public.
CREATE TABLE approvals (
    producer_id         INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    status              TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'withdrawn', 'rejected')),
    changed_at          TEXT NOT NULL,
    PRIMARY KEY (producer_id, municipality_code, service_code)
);
CREATE INDEX approvals_public ON approvals (municipality_code, service_code, status);

-- Price history: the price valid today is the row with the latest valid_from <= today.
CREATE TABLE offers (
    producer_id         INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    municipality_code   TEXT NOT NULL REFERENCES municipalities(code),
    service_code        TEXT NOT NULL REFERENCES services(code),
    valid_from          TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    unit                TEXT NOT NULL CHECK (unit IN ('hour', 'visit', 'day')),
    price_cents         INTEGER NOT NULL CHECK (price_cents >= 0 AND price_cents <= 1000000000),
    PRIMARY KEY (municipality_code, service_code, producer_id, valid_from)
);
CREATE INDEX offers_by_producer ON offers (producer_id, valid_from);
