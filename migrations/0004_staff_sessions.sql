-- Staff sessions carry the municipality and roles their identity provider asserted.
ALTER TABLE sessions ADD COLUMN municipality_code TEXT;
-- Space-separated role names, e.g. 'customer_service authorisation_admin'.
ALTER TABLE sessions ADD COLUMN roles TEXT NOT NULL DEFAULT '';
