-- Closing the holes of the security review (issue 9).

-- When the session chose the company it acts for: the choice lasts 30 minutes, after which
-- the person chooses again through Valtuudet `ypa`.
ALTER TABLE sessions ADD COLUMN company_chosen_at INTEGER;

-- The day an event's 14-day correction window counts from: the day the original event was
-- logged, carried over to each correction, so correcting a correction does not extend it.
-- NULL on rows written before this column: their own `created_at` day is used.
ALTER TABLE service_events ADD COLUMN window_from TEXT;

-- What a submission asked for (a hash of the event's fields), so that an idempotency key
-- reused with different content is refused instead of answering with the first event.
-- NULL on rows written before this column: any retry of those is taken as the same.
ALTER TABLE event_submissions ADD COLUMN request_hash TEXT;

-- Sessions and unfinished logins are purged by time; these make that a range scan.
CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
CREATE INDEX login_attempts_by_created ON login_attempts (created_at);
