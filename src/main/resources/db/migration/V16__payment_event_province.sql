-- The province whose provider credential received a payment: a market's own credentials belong to that market's
-- province, the platform's to the province it is configured for (cho40.providers.province). An exception that names
-- no market goes to that province's administrators instead of waiting for national staff only.
ALTER TABLE payment_event ADD COLUMN province_code text;
CREATE INDEX payment_event_unplaced ON payment_event (province_code, created_at)
    WHERE status = 'EXCEPTION' AND market_id IS NULL;

-- The start pages read counts and sums, never whole tables. Payments of a market by day: written by the matcher
-- (a payment becomes MATCHED), never on the webhook's insert (the index is partial).
CREATE INDEX payment_event_market_booked ON payment_event (market_id, booked_at) INCLUDE (amount_vnd)
    WHERE status = 'MATCHED';
-- Stalls with a trader today, per market (leases were found by stall or trader only).
CREATE INDEX lease_open_market ON lease (market_id) WHERE ends_on IS NULL;
-- Open inspection rounds and the last finished one, per market.
CREATE INDEX inspection_round_market ON inspection_round (market_id, finished_at);
-- A tech member's onboardings of the month.
CREATE INDEX onboarding_started_by ON onboarding (started_by, completed_at);
