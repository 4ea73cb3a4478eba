-- Receiving accounts found by number alone: webhooks name the account but not always its bank.
ALTER TABLE receiving_account ADD COLUMN number_hash bytea;
CREATE INDEX receiving_account_number ON receiving_account (number_hash);

ALTER TABLE payment_event
    ADD COLUMN stall_id uuid REFERENCES stall (id),
    ADD COLUMN trader_id uuid REFERENCES trader (id),
    ADD COLUMN exception_reason text,
    ADD COLUMN matched_at timestamptz,
    DROP CONSTRAINT payment_event_status_check,
    ADD CONSTRAINT payment_event_status_check CHECK (status IN ('RECEIVED', 'MATCHED', 'EXCEPTION', 'DEBIT'));

-- Double-entry ledger: transactions never change; a correction is a new transaction that reverses another.
CREATE TABLE ledger_transaction (
    id                uuid PRIMARY KEY,
    market_id         uuid NOT NULL REFERENCES market (id),
    payment_event_id  uuid UNIQUE REFERENCES payment_event (id),
    reverses          uuid REFERENCES ledger_transaction (id),
    posted_at         timestamptz NOT NULL,
    memo              text
);

CREATE TABLE ledger_entry (
    transaction_id  uuid NOT NULL REFERENCES ledger_transaction (id),
    line            smallint NOT NULL,
    market_id       uuid NOT NULL REFERENCES market (id),
    account         text NOT NULL,
    amount_vnd      bigint NOT NULL CHECK (amount_vnd <> 0),
    PRIMARY KEY (transaction_id, line)
);

-- Every transaction balances: checked by the database at commit, whatever code wrote it.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT coalesce(sum(amount_vnd), 0) FROM ledger_entry WHERE transaction_id = NEW.transaction_id) <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT OR UPDATE ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

-- Facts are never updated or deleted.
CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a reversing transaction instead';
END $$;
CREATE TRIGGER ledger_entry_no_change BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_transaction_no_change BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
