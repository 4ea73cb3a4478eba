-- The transactional outbox (module outbox): facts written in the transaction that made them, relayed to Kafka
-- afterwards by OutboxRelay. Written only when publishing is configured (cho40.outbox.enabled or a Kafka bootstrap),
-- so a single-machine deployment keeps this table empty.
CREATE TABLE outbox_event (
    id             uuid PRIMARY KEY,              -- UUIDv7, the event id consumers deduplicate by
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    topic          text NOT NULL,
    event_key      text NOT NULL,                 -- the Kafka key: the market id, so a market's events share a partition
    payload        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    relayed_at     timestamptz
);
-- The relay's queue: only unrelayed rows, oldest first (ids are time-ordered).
CREATE INDEX outbox_event_waiting ON outbox_event (id) WHERE relayed_at IS NULL;
-- The purge of relayed rows past their retention.
CREATE INDEX outbox_event_relayed ON outbox_event (relayed_at) WHERE relayed_at IS NOT NULL;
