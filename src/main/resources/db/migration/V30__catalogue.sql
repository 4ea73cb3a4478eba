-- Local products (OCOP and other specialities) put online by a market: the catalogue, photos, the marketplaces a
-- product is listed on, and orders paid by a dynamic VietQR to the selling trader. Every row names its market and
-- province.
CREATE TABLE product (
    id                    uuid PRIMARY KEY,
    market_id             uuid NOT NULL REFERENCES market (id),
    province_code         text NOT NULL,
    stall_id              uuid REFERENCES stall (id),
    name                  text NOT NULL CHECK (length(name) BETWEEN 2 AND 150),
    name_en               text CHECK (length(name_en) <= 150),
    description           text NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
    ocop_group            text NOT NULL,
    producer_name         text NOT NULL CHECK (length(producer_name) BETWEEN 2 AND 200),
    producer_kind         text NOT NULL CHECK (producer_kind IN ('HOUSEHOLD', 'COOPERATIVE', 'COMPANY')),
    producer_commune_code text,
    ocop_stars            smallint CHECK (ocop_stars BETWEEN 3 AND 5),
    certificate_no        text,
    certificate_on        date,
    certificate_until     date,
    unit                  text NOT NULL CHECK (length(unit) BETWEEN 1 AND 30),
    weight_g              integer CHECK (weight_g > 0),
    price_vnd             bigint NOT NULL CHECK (price_vnd > 0),
    stock                 integer CHECK (stock >= 0),
    made_to_order         boolean NOT NULL DEFAULT false,
    search_key            text NOT NULL,
    -- folded name and producer: the same product twice in one market is refused
    dedupe_key            text NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text NOT NULL,
    updated_at            timestamptz NOT NULL,
    UNIQUE (market_id, dedupe_key),
    CHECK ((ocop_stars IS NULL) = (certificate_no IS NULL)),
    CHECK (certificate_until IS NULL OR certificate_on IS NULL OR certificate_until > certificate_on),
    CHECK (made_to_order OR stock IS NOT NULL)
);
CREATE INDEX product_province ON product (province_code);
CREATE INDEX product_stall ON product (stall_id) WHERE stall_id IS NOT NULL;

-- Photos re-encoded by the platform (metadata such as GPS dropped) in three sizes, kept in the database so that
-- every server behind the balancer serves the same bytes.
CREATE TABLE product_photo (
    id             uuid PRIMARY KEY,
    product_id     uuid NOT NULL REFERENCES product (id),
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    position       smallint NOT NULL,
    width          integer NOT NULL,
    height         integer NOT NULL,
    large          bytea NOT NULL,
    medium         bytea NOT NULL,
    small          bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    UNIQUE (product_id, position)
);

CREATE TABLE product_listing (
    id             uuid PRIMARY KEY,
    product_id     uuid NOT NULL REFERENCES product (id),
    market_id      uuid NOT NULL REFERENCES market (id),
    province_code  text NOT NULL,
    marketplace    text NOT NULL CHECK (length(marketplace) BETWEEN 2 AND 60),
    url            text NOT NULL CHECK (url ~ '^https?://[^ ]+$' AND length(url) <= 500),
    listed_on      date NOT NULL,
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL,
    UNIQUE (product_id, url)
);

CREATE TABLE product_order (
    id                 uuid PRIMARY KEY,
    number             text NOT NULL UNIQUE,
    product_id         uuid NOT NULL REFERENCES product (id),
    market_id          uuid NOT NULL REFERENCES market (id),
    province_code      text NOT NULL,
    stall_id           uuid NOT NULL REFERENCES stall (id),
    trader_id          uuid NOT NULL REFERENCES trader (id),
    quantity           integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price_vnd     bigint NOT NULL CHECK (unit_price_vnd > 0),
    total_vnd          bigint NOT NULL CHECK (total_vnd > 0),
    buyer_name         text NOT NULL CHECK (length(buyer_name) BETWEEN 2 AND 100),
    buyer_phone_enc    bytea NOT NULL,
    buyer_phone_last4  text NOT NULL,
    delivery_note      text CHECK (length(delivery_note) <= 500),
    payment_code       text NOT NULL UNIQUE,
    qr_code_id         uuid NOT NULL,
    -- a secret in the buyer's link: the order page shows nothing without it
    access_token       text NOT NULL,
    status             text NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PAID', 'HANDED_OVER', 'CANCELLED')),
    payment_event_id   uuid,
    paid_at            timestamptz,
    handed_over_at     timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      text,
    refund_vnd         bigint CHECK (refund_vnd >= 0),
    created_at         timestamptz NOT NULL
);
CREATE INDEX product_order_trader ON product_order (trader_id, created_at);
CREATE INDEX product_order_market ON product_order (market_id, created_at);
