-- Staff and trader identities, traders, leases, receiving accounts, onboarding, one-time codes, audit.
-- Personal values (CCCD, phone, account numbers) are stored only encrypted (*_enc, AES-GCM), found by a
-- keyed hash (*_hash) and shown by their last four characters (*_last4).

CREATE TABLE staff_user (
    id               uuid PRIMARY KEY,
    username         text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
    full_name        text NOT NULL,
    password_hash    text NOT NULL,
    role             text NOT NULL CHECK (role IN ('SYSTEM_ADMIN', 'PROVINCE_ADMIN', 'COMMUNE_OFFICER',
                         'MARKET_MANAGER', 'MARKET_CASHIER', 'TECH_MEMBER', 'AUDITOR')),
    scope_kind       text NOT NULL CHECK (scope_kind IN ('NATIONAL', 'PROVINCE', 'COMMUNE', 'MARKET')),
    scope_code       text,
    -- The province the user belongs to (null only for national users): a province's own database
    -- takes its users along.
    province_code    text,
    failed_logins    integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    CHECK ((scope_kind = 'NATIONAL') = (scope_code IS NULL))
);

CREATE TABLE trader (
    id               uuid PRIMARY KEY,
    market_id        uuid NOT NULL REFERENCES market (id),   -- where the trader was onboarded
    full_name        text NOT NULL,
    name_key         text NOT NULL,
    id_kind          text NOT NULL CHECK (id_kind IN ('CCCD', 'CMND')),
    id_number_enc    bytea NOT NULL,
    id_number_hash   bytea NOT NULL UNIQUE,
    id_number_last4  text NOT NULL,
    birth_date       date NOT NULL,
    phone_enc        bytea NOT NULL,
    phone_hash       bytea NOT NULL UNIQUE,
    phone_last4      text NOT NULL,
    phone_verified_at timestamptz,
    tax_code         text CHECK (tax_code ~ '^[0-9]{10}([0-9]{3}|-[0-9]{3})?$'),
    consent_at       timestamptz NOT NULL,
    consent_version  text NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text NOT NULL
);
CREATE INDEX trader_market ON trader (market_id);
CREATE INDEX trader_name ON trader (name_key);

CREATE TABLE lease (
    id          uuid PRIMARY KEY,
    market_id   uuid NOT NULL REFERENCES market (id),
    stall_id    uuid NOT NULL REFERENCES stall (id),
    trader_id   uuid NOT NULL REFERENCES trader (id),
    starts_on   date NOT NULL,
    ends_on     date,
    created_at  timestamptz NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
-- One open lease per stall at a time.
CREATE UNIQUE INDEX lease_open_stall ON lease (stall_id) WHERE ends_on IS NULL;
CREATE INDEX lease_trader ON lease (trader_id);

CREATE TABLE receiving_account (
    id                uuid PRIMARY KEY,
    market_id         uuid NOT NULL REFERENCES market (id),
    trader_id         uuid NOT NULL REFERENCES trader (id),
    kind              text NOT NULL CHECK (kind IN ('BANK', 'WALLET')),
    bin               text NOT NULL CHECK (bin ~ '^[0-9]{6}$'),
    account_enc       bytea NOT NULL,
    account_hash      bytea NOT NULL,
    account_last4     text NOT NULL,
    holder_name       text NOT NULL,
    name_matches      boolean NOT NULL,
    confirmed_by      text,
    confirm_reason    text,
    created_at        timestamptz NOT NULL,
    UNIQUE (bin, account_hash),
    CHECK (name_matches OR (confirmed_by IS NOT NULL AND length(confirm_reason) >= 5))
);
CREATE INDEX receiving_account_trader ON receiving_account (trader_id);

-- Which account a stall's QR code pays into: one per stall.
CREATE TABLE stall_default_account (
    stall_id    uuid PRIMARY KEY REFERENCES stall (id),
    market_id   uuid NOT NULL REFERENCES market (id),
    account_id  uuid NOT NULL REFERENCES receiving_account (id),
    set_at      timestamptz NOT NULL
);

CREATE TABLE onboarding (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    trader_id     uuid REFERENCES trader (id),
    step          text NOT NULL,
    started_by    text NOT NULL,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    completed_at  timestamptz
);

CREATE TABLE one_time_code (
    id           uuid PRIMARY KEY,
    purpose      text NOT NULL CHECK (purpose IN ('VERIFY_PHONE', 'TRADER_LOGIN')),
    phone_hash   bytea NOT NULL,
    code_hash    bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    used_at      timestamptz
);
CREATE INDEX one_time_code_phone ON one_time_code (phone_hash, created_at);

-- Append-only: who did or saw what, when, from where.
CREATE TABLE audit_log (
    id            uuid PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    actor_role    text NOT NULL,
    action        text NOT NULL,
    subject_type  text NOT NULL,
    subject_id    text,
    market_id     uuid,
    province_code text,
    detail        text,
    remote_addr   text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_market ON audit_log (market_id, at DESC);
