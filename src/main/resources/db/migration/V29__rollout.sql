-- Rollout programme: monthly aggregates of credited payments, frozen month snapshots, plans with dated targets,
-- figures reported by people (not measured), and per-province settings. Every row names its province (and its
-- market where it has one) so a province can move to a database of its own.

-- Payments credited to a trader's sales, per trader and calendar month in Asia/Ho_Chi_Minh. The payments module's
-- matcher adds to payments_* in the very transaction that marks the payments MATCHED, so each payment is counted
-- exactly once; history_* holds months imported from records kept before the platform (or the demo's history),
-- never recounted from payment rows.
CREATE TABLE kpi_trader_month (
    market_id       uuid NOT NULL REFERENCES market (id),
    province_code   text NOT NULL,
    trader_id       uuid NOT NULL REFERENCES trader (id),
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    payments_count  bigint NOT NULL DEFAULT 0 CHECK (payments_count >= 0),
    payments_value  bigint NOT NULL DEFAULT 0 CHECK (payments_value >= 0),
    history_count   bigint NOT NULL DEFAULT 0 CHECK (history_count >= 0),
    history_value   bigint NOT NULL DEFAULT 0 CHECK (history_value >= 0),
    PRIMARY KEY (market_id, month, trader_id)
);
CREATE INDEX kpi_trader_month_province ON kpi_trader_month (province_code, month);

-- A market's month, frozen after the month ends. Never updated: a recount that finds other figures adds the next
-- version with its reason, so a report sent in January can still be read as it was sent.
CREATE TABLE kpi_snapshot (
    id                uuid PRIMARY KEY,
    market_id         uuid NOT NULL REFERENCES market (id),
    province_code     text NOT NULL,
    month             date NOT NULL CHECK (extract(day FROM month) = 1),
    version           integer NOT NULL CHECK (version >= 1),
    live              boolean NOT NULL,
    traders           integer NOT NULL CHECK (traders >= 0),
    traders_with_qr   integer NOT NULL CHECK (traders_with_qr BETWEEN 0 AND traders),
    traders_active    integer NOT NULL CHECK (traders_active >= 0),
    active_threshold  integer NOT NULL CHECK (active_threshold >= 1),
    payments_count    bigint NOT NULL CHECK (payments_count >= 0),
    payments_value    bigint NOT NULL CHECK (payments_value >= 0),
    -- Figures other modules answer for (fees, e-invoices, payroll, products): absent key = not yet recorded.
    figures           jsonb NOT NULL DEFAULT '{}',
    frozen_at         timestamptz NOT NULL,
    frozen_by         text NOT NULL,
    reason            text,
    UNIQUE (market_id, month, version)
);
CREATE INDEX kpi_snapshot_province ON kpi_snapshot (province_code, month);

CREATE TABLE rollout_plan (
    id             uuid PRIMARY KEY,
    province_code  text NOT NULL,
    issuer         text NOT NULL CHECK (length(issuer) BETWEEN 2 AND 200),
    number         text NOT NULL CHECK (length(number) BETWEEN 2 AND 60),
    issued_on      date NOT NULL,
    title          text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    UNIQUE (province_code, number)
);

-- The plan's priority list: which markets it names, for which year.
CREATE TABLE rollout_plan_market (
    plan_id        uuid NOT NULL REFERENCES rollout_plan (id),
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    priority_year  integer NOT NULL CHECK (priority_year BETWEEN 2015 AND 2100),
    PRIMARY KEY (plan_id, market_id)
);

CREATE TABLE rollout_target (
    id             uuid PRIMARY KEY,
    plan_id        uuid NOT NULL REFERENCES rollout_plan (id),
    province_code  text NOT NULL,
    indicator      text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('COUNT', 'PERCENT')),
    target_value   bigint NOT NULL CHECK (target_value >= 0),
    deadline       date NOT NULL,
    -- PROVINCE: the whole province; COMMUNE: one 2025 commune (scope_code); PRIORITY: the plan's list for a year.
    scope          text NOT NULL CHECK (scope IN ('PROVINCE', 'COMMUNE', 'PRIORITY')),
    scope_code     text,
    priority_year  integer,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    CHECK (kind <> 'PERCENT' OR target_value <= 100),
    CHECK ((scope = 'COMMUNE') = (scope_code IS NOT NULL)),
    CHECK ((scope = 'PRIORITY') = (priority_year IS NOT NULL))
);
CREATE INDEX rollout_target_plan ON rollout_target (plan_id);

-- Figures the platform cannot observe, entered with their source and who entered them: shown as reported.
CREATE TABLE kpi_reported (
    id             uuid PRIMARY KEY,
    province_code  text NOT NULL,
    unit_regime    text NOT NULL CHECK (unit_regime IN ('2025', 'pre2025')),
    unit_code      text NOT NULL,
    label          text NOT NULL CHECK (length(label) BETWEEN 2 AND 300),
    month          date NOT NULL CHECK (extract(day FROM month) = 1),
    value          bigint NOT NULL CHECK (value >= 0),
    unit           text NOT NULL CHECK (length(unit) BETWEEN 1 AND 40),
    source         text NOT NULL CHECK (length(source) BETWEEN 2 AND 300),
    entered_by     text NOT NULL,
    entered_at     timestamptz NOT NULL
);
CREATE INDEX kpi_reported_province ON kpi_reported (province_code, month);

CREATE TABLE kpi_setting (
    province_code     text PRIMARY KEY,
    active_threshold  integer NOT NULL CHECK (active_threshold BETWEEN 1 AND 1000),
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL
);

-- The indicators read a market's leases and each leased stall's codes as of a day: by market, and by stall.
CREATE INDEX lease_market ON lease (market_id, starts_on);
CREATE INDEX stall_qr_code_stall ON stall_qr_code (stall_id, created_at);
CREATE INDEX lease_stall ON lease (stall_id, starts_on);
