-- Which kind of server a database belongs to, written once at the first start after this migration:
-- DEMO (./cho40 demo: made-up people, logins whose password is printed in the README) or SERVE (a real
-- server). ./cho40 serve refuses a DEMO database and ./cho40 demo a SERVE one, so the demo never leaks into
-- production (demo.DemoMarker). One row at most.
CREATE TABLE instance_mode (
    single     boolean PRIMARY KEY DEFAULT true CHECK (single),
    mode       text NOT NULL CHECK (mode IN ('DEMO', 'SERVE')),
    marked_at  timestamptz NOT NULL DEFAULT now()
);
