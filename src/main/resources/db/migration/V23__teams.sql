-- Community digital-technology teams (tổ công nghệ số cộng đồng): registry and the log of every person helped.
CREATE TABLE tech_team (
    id             uuid PRIMARY KEY,
    province_code  text NOT NULL,
    commune_code   text NOT NULL,               -- 2025 commune
    village        text,                        -- thôn/bản/tổ dân phố, free text under the commune
    name           text NOT NULL,
    founded_on     date NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL
);
CREATE INDEX tech_team_commune ON tech_team (province_code, commune_code);

CREATE TABLE tech_team_market (
    team_id    uuid NOT NULL REFERENCES tech_team (id),
    market_id  uuid NOT NULL REFERENCES market (id),
    PRIMARY KEY (team_id, market_id)
);

CREATE TABLE tech_member (
    id              uuid PRIMARY KEY,
    team_id         uuid NOT NULL REFERENCES tech_team (id),
    full_name       text NOT NULL,
    phone_enc       bytea NOT NULL,
    phone_hash      bytea NOT NULL,
    phone_last4     text NOT NULL,
    organisation    text NOT NULL,
    leader          boolean NOT NULL DEFAULT false,
    active          boolean NOT NULL DEFAULT true,
    from_on         date NOT NULL,
    to_on           date,
    staff_username  text UNIQUE REFERENCES staff_user (username),
    created_at      timestamptz NOT NULL,
    CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX tech_member_team ON tech_member (team_id);
CREATE UNIQUE INDEX tech_member_one_leader ON tech_member (team_id) WHERE leader;

-- One row per person helped. client_id is made on the phone: a second submission of the same entry is the same row.
CREATE TABLE tech_activity (
    id                  uuid PRIMARY KEY,
    client_id           uuid NOT NULL UNIQUE,
    member_id           uuid NOT NULL REFERENCES tech_member (id),
    team_id             uuid NOT NULL REFERENCES tech_team (id),
    province_code       text NOT NULL,
    commune_code        text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('BANK_ACCOUNT', 'INSTALL_APP', 'STALL_QR', 'TEACH_QR',
                            'PUBLIC_SERVICES', 'ECOMMERCE_LISTING', 'OTHER')),
    app_name            text,
    trader_id           uuid REFERENCES trader (id),
    resident_name       text,
    resident_phone_enc  bytea,
    resident_phone_last4 text,
    consent_at          timestamptz,
    consent_version     text,
    market_id           uuid REFERENCES market (id),
    village             text,
    done_at             timestamptz NOT NULL,
    minutes             integer NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    photo               bytea,
    photo_type          text,
    notes               text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          text NOT NULL,
    CHECK ((trader_id IS NULL) <> (resident_name IS NULL)),
    CHECK (resident_name IS NULL OR consent_at IS NOT NULL),
    CHECK (market_id IS NOT NULL OR village IS NOT NULL)
);
CREATE INDEX tech_activity_member ON tech_activity (member_id, done_at DESC);
CREATE INDEX tech_activity_commune ON tech_activity (province_code, commune_code, done_at);
