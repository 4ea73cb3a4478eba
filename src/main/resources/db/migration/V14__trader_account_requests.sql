-- A receiving account a trader asked for in the app. It is not a receiving_account: payments are never matched
-- to it and no sign prints it. Staff with TRADER_EDIT in the trader's market confirm it (the account is then
-- created through the same checks as any other, name mismatch reason included) or refuse it with a reason.
CREATE TABLE receiving_account_request (
    id               uuid PRIMARY KEY,
    market_id        uuid NOT NULL REFERENCES market (id),
    trader_id        uuid NOT NULL REFERENCES trader (id),
    kind             text NOT NULL CHECK (kind IN ('BANK', 'WALLET')),
    bin              text NOT NULL CHECK (bin ~ '^[0-9]{6}$'),
    account_enc      bytea NOT NULL,
    account_hash     bytea NOT NULL,
    account_last4    text NOT NULL,
    holder_name      text NOT NULL,
    name_matches     boolean NOT NULL,
    trader_note      text CHECK (length(trader_note) <= 200),
    status           text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REFUSED')),
    requested_at     timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text,
    account_id       uuid REFERENCES receiving_account (id),
    CHECK (status = 'PENDING' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status <> 'CONFIRMED' OR account_id IS NOT NULL),
    CHECK (status <> 'REFUSED' OR length(decision_reason) >= 5)
);
CREATE INDEX receiving_account_request_trader ON receiving_account_request (trader_id, requested_at);
-- One open request per account and trader: a double tap on "send" does not queue it twice.
CREATE UNIQUE INDEX receiving_account_request_pending ON receiving_account_request (trader_id, bin, account_hash)
    WHERE status = 'PENDING';
