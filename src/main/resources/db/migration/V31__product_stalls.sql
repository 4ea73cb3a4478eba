-- The stalls that sell a product: several stalls of its market may sell the same tea or noodles. product.stall_id
-- stays the first of them (the one a buyer is sent to unless they pick another); this table lists them all.
-- V30's index of product.stall_id took the name; the table below supersedes it (and indexes stall_id itself).
DROP INDEX product_stall;
CREATE TABLE product_stall (
    product_id     uuid NOT NULL REFERENCES product (id),
    stall_id       uuid NOT NULL REFERENCES stall (id),
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    position       smallint NOT NULL,
    PRIMARY KEY (product_id, stall_id)
);
CREATE INDEX product_stall_stall ON product_stall (stall_id);

INSERT INTO product_stall (product_id, stall_id, market_id, province_code, position)
SELECT id, stall_id, market_id, province_code, 0 FROM product WHERE stall_id IS NOT NULL;

-- The marketplace category a board chose for each OCOP group (Shopee's mass upload wants its own category id,
-- which only the seller's Shopee account shows): per market, so one board's choice never rewrites another's.
CREATE TABLE marketplace_category (
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    marketplace    text NOT NULL,
    ocop_group     text NOT NULL,
    category_id    text NOT NULL CHECK (category_id ~ '^[0-9]{1,12}$'),
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (market_id, marketplace, ocop_group)
);

-- A trader's revenue book reads what they paid back to buyers (refunds:<trader>) on every takings refresh: the
-- ledger's index by market and account does not serve a search by account alone.
CREATE INDEX ledger_entry_refunds ON ledger_entry (account) WHERE account LIKE 'refunds:%';
