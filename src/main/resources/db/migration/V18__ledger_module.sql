-- The ledger serves every module that moves money: a transaction names the payment event that moved it (at most
-- one per event) or, when no payment did, what caused it (for example 'bill:<id>').
ALTER TABLE ledger_transaction ADD COLUMN reference text;
CREATE INDEX ledger_transaction_reference ON ledger_transaction (reference) WHERE reference IS NOT NULL;
CREATE INDEX ledger_entry_market_account ON ledger_entry (market_id, account);

-- A payment that settles what a code was issued for (a bill, an order) rather than crediting a trader's sale.
ALTER TABLE payment_event
    DROP CONSTRAINT payment_event_status_check,
    ADD CONSTRAINT payment_event_status_check
        CHECK (status IN ('RECEIVED', 'MATCHED', 'SETTLED', 'EXCEPTION', 'DEBIT', 'NOT_OURS'));

-- The market board's collection account, found by the keyed hash of its number like traders' accounts.
ALTER TABLE market ADD COLUMN collection_account_hash bytea;
CREATE INDEX market_collection_account ON market (collection_account_hash) WHERE collection_account_hash IS NOT NULL;
