-- Stalls' sub-meters (electricity, water) with their replacement history, and the readings the cashier takes.
CREATE TABLE meter (
    id               uuid PRIMARY KEY,
    market_id        uuid NOT NULL REFERENCES market (id),
    stall_id         uuid NOT NULL REFERENCES stall (id),
    kind             text NOT NULL CHECK (kind IN ('ELECTRICITY', 'WATER')),
    serial           text NOT NULL CHECK (length(serial) BETWEEN 1 AND 40),
    installed_on     date NOT NULL,
    initial_reading  bigint NOT NULL DEFAULT 0 CHECK (initial_reading >= 0),
    removed_on       date,
    final_reading    bigint CHECK (final_reading >= 0),
    replaced_by      uuid REFERENCES meter (id),
    created_at       timestamptz NOT NULL,
    UNIQUE (market_id, kind, serial),
    CHECK ((removed_on IS NULL) = (final_reading IS NULL)),
    CHECK (removed_on IS NULL OR removed_on >= installed_on)
);
-- One meter of each kind in service per stall.
CREATE UNIQUE INDEX meter_in_service ON meter (stall_id, kind) WHERE removed_on IS NULL;
CREATE INDEX meter_market ON meter (market_id, kind);

CREATE TABLE meter_reading (
    id              uuid PRIMARY KEY,
    market_id       uuid NOT NULL REFERENCES market (id),
    meter_id        uuid NOT NULL REFERENCES meter (id),
    read_on         date NOT NULL,
    value           bigint NOT NULL CHECK (value >= 0),
    source          text NOT NULL CHECK (source IN ('PHONE', 'IMPORT', 'API', 'DEMO')),
    jump_confirmed  boolean NOT NULL DEFAULT false,
    entered_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (meter_id, read_on)
);
CREATE INDEX meter_reading_market ON meter_reading (market_id, read_on);
