-- The matcher's queue is the received events only: a partial index keeps matched ones (the vast majority) out
-- of it, so matching a payment adds no entry to this index.
DROP INDEX payment_event_status;
CREATE INDEX payment_event_received ON payment_event (created_at) WHERE status = 'RECEIVED';
