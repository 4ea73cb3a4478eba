-- A refused webhook request keeps only the start of its body (body_enc, at most 1 KB) with the SHA-256 and the
-- length of what was received, so forged traffic cannot fill the database; an accepted one keeps its whole body
-- and leaves both columns null.
ALTER TABLE inbound_request ADD COLUMN body_sha256 bytea, ADD COLUMN body_bytes integer;
