-- E-invoices and e-receipts of the market boards. A module that settles something (a bill) asks for a document in
-- its own transaction (einvoice_request, once per source); the issuer makes it later in a transaction of its own
-- that takes the next number, signs and stores, so a document that cannot be signed is never numbered and a crash
-- mid-issue leaves no gap (the number is taken and used in one commit, or neither).

-- The board as seller, and the form and series it issues under (registered with the tax authority).
CREATE TABLE einvoice_setting (
    market_id        uuid PRIMARY KEY REFERENCES market (id),
    seller_name      text NOT NULL CHECK (length(seller_name) BETWEEN 2 AND 400),
    seller_tax_code  text NOT NULL CHECK (seller_tax_code ~ '^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$'),
    seller_address   text NOT NULL CHECK (length(seller_address) BETWEEN 2 AND 400),
    form             smallint NOT NULL CHECK (form BETWEEN 1 AND 9),
    series           text NOT NULL CHECK (series ~ '^[CK][0-9]{2}[TDLMNBGH][A-Z]{2}$'),
    -- LOCAL: numbered, signed and published here, not sent to the tax authority; otherwise the licensed provider.
    mode             text NOT NULL DEFAULT 'LOCAL' CHECK (mode IN ('LOCAL', 'VIETTEL', 'MISA')),
    updated_at       timestamptz NOT NULL,
    updated_by       text NOT NULL
);

-- The last number used per board, form and series (the series carries the year: numbering restarts with it).
CREATE TABLE einvoice_number (
    market_id  uuid NOT NULL REFERENCES market (id),
    form       smallint NOT NULL,
    series     text NOT NULL,
    last       integer NOT NULL CHECK (last BETWEEN 1 AND 99999999),
    PRIMARY KEY (market_id, form, series)
);

CREATE TABLE einvoice_request (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    source        text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('INVOICE', 'RECEIPT')),
    draft         jsonb NOT NULL,
    requested_at  timestamptz NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    last_problem  text,
    next_try_at   timestamptz NOT NULL,
    issued_id     uuid
);
CREATE INDEX einvoice_request_waiting ON einvoice_request (next_try_at) WHERE issued_id IS NULL;
CREATE INDEX einvoice_request_market ON einvoice_request (market_id) WHERE issued_id IS NULL;

CREATE TABLE e_document (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    kind          text NOT NULL CHECK (kind IN ('INVOICE', 'RECEIPT')),
    form          smallint NOT NULL,
    series        text NOT NULL,
    number        integer NOT NULL,
    issued_on     date NOT NULL,
    source        text NOT NULL,
    buyer_name    text NOT NULL,
    total_vnd     bigint NOT NULL,
    lookup_code   text NOT NULL UNIQUE,
    xml           bytea NOT NULL,
    state         text NOT NULL CHECK (state IN ('SIGNED', 'SENT', 'ACCEPTED', 'ERROR', 'REPLACED', 'ADJUSTED',
                                                 'CANCELLED')),
    -- A replacing or adjusting document points at the one it corrects; the original is never changed.
    corrects      uuid REFERENCES e_document (id),
    correction    text CHECK (correction IN ('REPLACE', 'ADJUST')),
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    UNIQUE (market_id, form, series, number),
    CHECK ((corrects IS NULL) = (correction IS NULL))
);
CREATE INDEX e_document_source ON e_document (source);
CREATE INDEX e_document_market ON e_document (market_id, issued_on);
