-- The national database (module national): only on a server started with cho40.role=national, migrated by
-- NationalSchema into its own history table (national_schema_history). Filled from the Kafka topics of the cells'
-- outboxes; every row can be rebuilt from them (./cho40 national rebuild).

-- Each event applied once: its id is recorded in the transaction that adds its figures.
CREATE TABLE national_seen_event (
    event_id       uuid PRIMARY KEY,
    topic          text NOT NULL,
    province_code  text NOT NULL,
    seen_at        timestamptz NOT NULL
);

-- Payments and bill payments per market and day (Vietnam time), summed from the cells' daily totals.
CREATE TABLE national_market_day (
    market_id                uuid NOT NULL,
    day                      date NOT NULL,
    province_code            text NOT NULL,
    payments_count           bigint NOT NULL DEFAULT 0,
    payments_value_vnd       bigint NOT NULL DEFAULT 0,
    bill_payments_count      bigint NOT NULL DEFAULT 0,
    bill_payments_value_vnd  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (market_id, day)
);
CREATE INDEX national_market_day_province ON national_market_day (province_code, day);

-- Each market's latest rollout status (markets live per province).
CREATE TABLE national_market (
    market_id      uuid PRIMARY KEY,
    province_code  text NOT NULL,
    status         text NOT NULL,
    effective_on   date,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX national_market_province ON national_market (province_code, status);

-- Frozen KPI months, the highest version of each market and month.
CREATE TABLE national_kpi_month (
    market_id           uuid NOT NULL,
    month               date NOT NULL,
    province_code       text NOT NULL,
    version             int NOT NULL,
    live                boolean NOT NULL,
    traders             int NOT NULL,
    traders_with_qr     int NOT NULL,
    traders_active      int NOT NULL,
    payments_count      bigint NOT NULL,
    payments_value_vnd  bigint NOT NULL,
    PRIMARY KEY (market_id, month)
);
