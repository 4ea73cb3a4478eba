-- The issuer claims a market's oldest due request: one index step, however many requests of boards not set up yet
-- wait beside them (the old claim sorted them all, 2.6 ms a document, the database's busiest statement under load).
CREATE INDEX einvoice_request_market_due ON einvoice_request (market_id, next_try_at) WHERE issued_id IS NULL;
DROP INDEX einvoice_request_market;
