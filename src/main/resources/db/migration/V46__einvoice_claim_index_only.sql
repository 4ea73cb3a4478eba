-- The issuer claims a market's oldest due request through einvoice_request_market_due (V42). With this older index
-- beside it the planner sometimes walked every market's waiting requests in date order and filtered by market
-- (2 ms a claim with a few thousand waiting, the database's busiest statement while documents were issued); no
-- query needs it now.
DROP INDEX einvoice_request_waiting;
