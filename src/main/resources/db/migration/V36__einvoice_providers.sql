-- Sending documents on to a licensed provider (Viettel SInvoice, MISA meInvoice), per board. The secret is never
-- stored here: provider_secret_ref names the environment variable (or configuration property) that holds it.
ALTER TABLE einvoice_setting
    ADD COLUMN provider_base_url    text CHECK (provider_base_url ~ '^https?://[^\s]+$'),
    ADD COLUMN provider_username    text CHECK (length(provider_username) BETWEEN 1 AND 100),
    ADD COLUMN provider_secret_ref  text CHECK (provider_secret_ref ~ '^[A-Z][A-Z0-9_]{2,63}$'),
    -- MISA's appid; Viettel's template code (e.g. 1/770).
    ADD COLUMN provider_app_id      text CHECK (length(provider_app_id) BETWEEN 1 AND 100),
    ADD COLUMN provider_template    text CHECK (length(provider_template) BETWEEN 1 AND 50),
    ADD CHECK (mode = 'LOCAL' OR (provider_base_url IS NOT NULL AND provider_username IS NOT NULL
                                  AND provider_secret_ref IS NOT NULL));

-- A document of a board with a provider waits to be sent (send_next_at set); the sender claims it with SKIP LOCKED,
-- sends it under its own id as the idempotency key (Viettel transactionUuid, MISA RefID), and on failure tries again
-- later with growing pauses, the problem shown on the register. Documents kept locally are never sent.
ALTER TABLE e_document
    ADD COLUMN send_next_at     timestamptz,
    ADD COLUMN send_attempts    integer NOT NULL DEFAULT 0,
    ADD COLUMN send_problem     text,
    ADD COLUMN provider         text CHECK (provider IN ('VIETTEL', 'MISA')),
    ADD COLUMN provider_ref     text,
    ADD COLUMN provider_number  text,
    ADD COLUMN sent_at          timestamptz;
CREATE INDEX e_document_to_send ON e_document (send_next_at) WHERE send_next_at IS NOT NULL;
