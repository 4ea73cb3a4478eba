-- Every webhook request, genuine or not, with its raw bytes (encrypted: bodies carry account numbers and
-- names). Nothing is answered 2xx before its row and its events are committed.
CREATE TABLE inbound_request (
    id            uuid PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    provider      text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('ACCEPTED', 'REJECTED')),
    reason        text,
    remote_addr   text,
    body_enc      bytea NOT NULL
);
CREATE INDEX inbound_request_received ON inbound_request (received_at DESC);

-- One transfer, normalized. Two dedupe keys: the provider's own id, and the cross-channel key (receiving
-- account, bank reference, direction) that catches the same transfer reported by another provider.
CREATE TABLE payment_event (
    id                      uuid PRIMARY KEY,
    request_id              uuid NOT NULL REFERENCES inbound_request (id),
    provider                text NOT NULL,
    provider_txn_id         text,
    bank_reference          text NOT NULL,
    receiving_account_hash  bytea NOT NULL,
    receiving_account_last4 text NOT NULL,
    direction               text NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    amount_vnd              bigint NOT NULL CHECK (amount_vnd > 0),
    booked_at               timestamptz NOT NULL,
    transfer_text           text,
    our_reference           text,
    status                  text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'MATCHED', 'EXCEPTION')),
    market_id               uuid REFERENCES market (id),
    created_at              timestamptz NOT NULL,
    UNIQUE (provider, provider_txn_id),
    UNIQUE (receiving_account_hash, bank_reference, direction)
);
CREATE INDEX payment_event_status ON payment_event (status, created_at);
