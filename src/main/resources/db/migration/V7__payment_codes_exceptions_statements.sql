-- Payment codes found in transfer text, the exceptions queue's decisions, and bank statements.
ALTER TABLE payment_event
    ADD COLUMN payment_code text,
    ADD COLUMN resolved_by text,
    ADD COLUMN resolved_at timestamptz,
    ADD COLUMN resolution_note text,
    DROP CONSTRAINT payment_event_status_check,
    ADD CONSTRAINT payment_event_status_check
        CHECK (status IN ('RECEIVED', 'MATCHED', 'EXCEPTION', 'DEBIT', 'NOT_OURS'));
CREATE INDEX payment_event_exceptions ON payment_event (market_id, created_at) WHERE status = 'EXCEPTION';
CREATE INDEX payment_event_trader ON payment_event (trader_id, id) WHERE status = 'MATCHED';
CREATE INDEX stall_qr_code_reference ON stall_qr_code (reference) WHERE reference IS NOT NULL;

-- A bank's statement layout, confirmed once by a board: which column holds what.
CREATE TABLE statement_profile (
    id            uuid PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    header_key    text NOT NULL UNIQUE,
    columns_json  text NOT NULL,
    confirmed_by  text NOT NULL,
    confirmed_at  timestamptz NOT NULL
);

-- One uploaded statement for one account and period; refused files are not stored.
CREATE TABLE bank_statement (
    id                 uuid PRIMARY KEY,
    market_id          uuid NOT NULL REFERENCES market (id),
    account_hash       bytea NOT NULL,
    account_last4      text NOT NULL,
    file_name          text NOT NULL,
    format             text NOT NULL,
    period_from        date,
    period_to          date,
    opening_vnd        bigint NOT NULL,
    closing_vnd        bigint NOT NULL,
    credits_vnd        bigint NOT NULL,
    debits_vnd         bigint NOT NULL,
    line_count         integer NOT NULL,
    known_count        integer NOT NULL DEFAULT 0,
    created_count      integer NOT NULL DEFAULT 0,
    difference_count   integer NOT NULL DEFAULT 0,
    uploaded_by        text NOT NULL,
    uploaded_at        timestamptz NOT NULL
);
CREATE INDEX bank_statement_market ON bank_statement (market_id, uploaded_at DESC);

CREATE TABLE statement_line (
    statement_id      uuid NOT NULL REFERENCES bank_statement (id),
    line_no           integer NOT NULL,
    market_id         uuid NOT NULL REFERENCES market (id),
    booked_on         date NOT NULL,
    reference         text NOT NULL,
    direction         text NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    amount_vnd        bigint NOT NULL CHECK (amount_vnd > 0),
    outcome           text NOT NULL CHECK (outcome IN ('KNOWN', 'CREATED', 'DIFFERENT')),
    payment_event_id  uuid REFERENCES payment_event (id),
    detail            text,
    PRIMARY KEY (statement_id, line_no)
);

-- Transfer texts name payers and their account numbers: encrypted like every other personal value.
ALTER TABLE payment_event DROP COLUMN transfer_text, ADD COLUMN transfer_text_enc bytea;
