-- Cash sales a trader writes down so the revenue book is complete (transfers come from the ledger).
CREATE TABLE cash_sale (
    id          uuid PRIMARY KEY,
    trader_id   uuid NOT NULL REFERENCES trader (id),
    market_id   uuid NOT NULL REFERENCES market (id),
    sold_on     date NOT NULL,
    amount_vnd  bigint NOT NULL CHECK (amount_vnd > 0 AND amount_vnd <= 1000000000),
    note        text,
    created_at  timestamptz NOT NULL,
    removed_at  timestamptz
);
CREATE INDEX cash_sale_trader ON cash_sale (trader_id, sold_on) WHERE removed_at IS NULL;
