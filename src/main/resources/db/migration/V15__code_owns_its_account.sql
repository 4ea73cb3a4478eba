-- A payment code is honoured only on the account it was issued for (issue: a payment credits only the owner of
-- the account it reached). The bank the money reached, when the provider or the statement names it: an account is
-- identified by bank and number together.
ALTER TABLE payment_event ADD COLUMN receiving_bin text CHECK (receiving_bin ~ '^[0-9]{6}$');

-- A number registered a second time (another bank, or another person) waits for a board's review instead of
-- silently turning the first owner's payments into exceptions. Only ACTIVE accounts receive payments or get a sign.
ALTER TABLE receiving_account
    ADD COLUMN review_status text NOT NULL DEFAULT 'ACTIVE'
        CHECK (review_status IN ('ACTIVE', 'PENDING_REVIEW', 'REFUSED')),
    ADD COLUMN reviewed_by text,
    ADD COLUMN reviewed_at timestamptz,
    ADD COLUMN review_note text;
CREATE INDEX receiving_account_pending ON receiving_account (market_id) WHERE review_status = 'PENDING_REVIEW';

-- What a board must look at although nothing waits in its queue: a payment carried one of its stall's codes into
-- somebody else's account (a look-alike QR: inspect that stall's sign), or a dynamic code was paid with another
-- amount. Closed by a person with a note; never deleted.
CREATE TABLE payment_warning (
    id                uuid PRIMARY KEY,
    market_id         uuid NOT NULL REFERENCES market (id),
    stall_id          uuid REFERENCES stall (id),
    payment_event_id  uuid NOT NULL REFERENCES payment_event (id),
    kind              text NOT NULL CHECK (kind IN ('CODE_ON_OTHER_ACCOUNT', 'AMOUNT_DIFFERS')),
    payment_code      text,
    expected_vnd      bigint,
    paid_vnd          bigint NOT NULL,
    created_at        timestamptz NOT NULL,
    closed_by         text,
    closed_at         timestamptz,
    close_note        text,
    UNIQUE (payment_event_id, kind)
);
CREATE INDEX payment_warning_open ON payment_warning (market_id, created_at) WHERE closed_at IS NULL;
