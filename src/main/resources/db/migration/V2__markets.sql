-- Every row carries market_id and every market its province, so one province's rows can be lifted
-- into a database of its own. Ids are UUIDv7, made by the application.
CREATE TABLE market (
    id                       uuid PRIMARY KEY,
    code                     text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
    name                     text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    province_code            text NOT NULL,
    commune_code             text NOT NULL,
    -- The constant regime columns let the foreign keys name both halves of admin_unit's key.
    commune_regime           text NOT NULL DEFAULT '2025' CHECK (commune_regime = '2025'),
    pre2025_commune_code     text,
    pre2025_regime           text NOT NULL DEFAULT 'pre2025' CHECK (pre2025_regime = 'pre2025'),
    pre2025_district_code    text,
    address                  text,
    market_class             smallint NOT NULL CHECK (market_class BETWEEN 1 AND 3),
    operator_type            text NOT NULL CHECK (operator_type IN ('BOARD', 'COMPANY', 'COOPERATIVE')),
    operator_name            text,
    collection_bank_bin      text CHECK (collection_bank_bin ~ '^[0-9]{6}$'),
    collection_account_no    text CHECK (collection_account_no ~ '^[0-9A-Za-z]{1,19}$'),
    collection_account_name  text,
    status                   text NOT NULL CHECK (status IN ('PLANNED', 'ONBOARDING', 'LIVE')),
    planned_on               date,
    onboarding_on            date,
    live_on                  date,
    free_wifi                boolean NOT NULL DEFAULT false,
    search_key               text NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    FOREIGN KEY (commune_regime, commune_code) REFERENCES admin_unit (regime, code),
    FOREIGN KEY (commune_regime, province_code) REFERENCES admin_unit (regime, code),
    FOREIGN KEY (pre2025_regime, pre2025_commune_code) REFERENCES admin_unit (regime, code),
    FOREIGN KEY (pre2025_regime, pre2025_district_code) REFERENCES admin_unit (regime, code)
);
CREATE INDEX market_province ON market (province_code);
CREATE INDEX market_commune ON market (commune_code);

-- The Chợ 4.0 lifecycle as facts: one row per transition, never updated.
CREATE TABLE market_status_change (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    from_status   text,
    to_status     text NOT NULL,
    effective_on  date NOT NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text NOT NULL
);
CREATE INDEX market_status_change_market ON market_status_change (market_id, recorded_at);

CREATE TABLE market_zone (
    id         uuid PRIMARY KEY,
    market_id  uuid NOT NULL REFERENCES market (id),
    code       text NOT NULL CHECK (code ~ '^[A-Z0-9]{1,10}$'),
    name       text NOT NULL,
    UNIQUE (market_id, code),
    UNIQUE (market_id, id)
);

CREATE TABLE stall (
    id          uuid PRIMARY KEY,
    market_id   uuid NOT NULL REFERENCES market (id),
    zone_id     uuid NOT NULL,
    code        text NOT NULL CHECK (code ~ '^[A-Z0-9]{1,10}-[A-Z0-9]{1,10}$'),
    category    text NOT NULL,
    area_m2     numeric(7, 2) NOT NULL CHECK (area_m2 > 0 AND area_m2 <= 10000),
    created_at  timestamptz NOT NULL,
    UNIQUE (market_id, code),
    -- The zone must belong to the same market as the stall.
    FOREIGN KEY (market_id, zone_id) REFERENCES market_zone (market_id, id)
);
