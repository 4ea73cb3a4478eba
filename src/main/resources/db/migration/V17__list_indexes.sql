-- Staff lists read a page at a time with a count (issue "Every role at home": stall and trader lists).
-- The trader list of a market (and its "holds a stall" filter) starts from the market's open leases; without this
-- index each page and each count would read every lease of the country. Open leases only: ended leases are history
-- and are never listed by market. It replaces V16's index of open leases by market alone (the homes' counts use
-- its first column just as well): one index to keep up on every lease, not two.
DROP INDEX IF EXISTS lease_open_market;
CREATE INDEX lease_open_market ON lease (market_id, trader_id) WHERE ends_on IS NULL;
