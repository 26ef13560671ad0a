-- Logins and sessions. Only SHA-256 hashes of the random ids in cookies are stored, so a
-- copy of the database does not let anyone take over a session.

-- A login in progress: what the callback needs to finish the OpenID Connect code flow.
CREATE TABLE login_attempts (
    id_hash         TEXT PRIMARY KEY,
    audience        TEXT NOT NULL CHECK (audience IN ('citizen', 'staff')),
    state           TEXT NOT NULL,
    nonce           TEXT NOT NULL,
    code_verifier   TEXT NOT NULL,
    -- A path inside Seteli to return to; never an absolute URL.
    return_to       TEXT NOT NULL CHECK (substr(return_to, 1, 1) = '/'),
    created_at      INTEGER NOT NULL
);

CREATE TABLE sessions (
    id_hash         TEXT PRIMARY KEY,
    audience        TEXT NOT NULL CHECK (audience IN ('citizen', 'staff')),
    -- The identity provider's subject identifier.
    subject         TEXT NOT NULL,
    -- Citizens: the personal identity code from strong identification. Never logged.
    hetu            TEXT,
    given_name      TEXT NOT NULL,
    family_name     TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    CHECK (audience = 'staff' OR hetu IS NOT NULL)
);
CREATE INDEX sessions_by_created ON sessions (created_at);
