-- A stall's codes. The payload holds an account number, so it is stored encrypted like every other one;
-- the verification code printed on the sign is public.
CREATE TABLE stall_qr_code (
    id                 uuid PRIMARY KEY,
    market_id          uuid NOT NULL REFERENCES market (id),
    stall_id           uuid NOT NULL REFERENCES stall (id),
    account_id         uuid NOT NULL REFERENCES receiving_account (id),
    kind               text NOT NULL CHECK (kind IN ('STATIC', 'DYNAMIC')),
    payload_enc        bytea NOT NULL,
    amount_vnd         bigint CHECK (amount_vnd > 0),
    reference          text,
    verification_code  text NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    revoke_reason      text
);
-- One current static code per stall; a revoked code stays as a fact but is never shown again.
CREATE UNIQUE INDEX stall_qr_code_current ON stall_qr_code (stall_id) WHERE kind = 'STATIC' AND revoked_at IS NULL;
CREATE INDEX stall_qr_code_market ON stall_qr_code (market_id);

CREATE TABLE inspection_round (
    id           uuid PRIMARY KEY,
    market_id    uuid NOT NULL REFERENCES market (id),
    started_by   text NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE TABLE inspection_check (
    id          uuid PRIMARY KEY,
    round_id    uuid REFERENCES inspection_round (id),
    market_id   uuid NOT NULL REFERENCES market (id),
    stall_id    uuid REFERENCES stall (id),
    outcome     text NOT NULL CHECK (outcome IN ('OK', 'SWAP', 'REVOKED', 'NOT_VIETQR', 'NO_ACCOUNT')),
    detail      text,
    checked_by  text NOT NULL,
    checked_at  timestamptz NOT NULL
);
CREATE INDEX inspection_check_round ON inspection_check (round_id, checked_at);
