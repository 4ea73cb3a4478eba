-- Market fees: the rate book, the stall facts a bill needs, billing runs, bills (facts: corrected by credit notes
-- and adjusting bills, never edited), what paid them (transfer, cash, credit), the cash desk, waivers, reminders.
-- Every row carries market_id (rates carry their province and, when one market overrides, that market).

-- A price for a charge, with the People's Committee decision it comes from and the dates it is in force. Scope:
-- every market of a province (market_id NULL, optionally one market class) or one market (an override). The
-- other scope columns narrow it to stalls of a position class, covered or not, fixed or non-fixed sellers.
CREATE TABLE fee_rate (
    id                uuid PRIMARY KEY,
    province_code     text NOT NULL,
    market_id         uuid REFERENCES market (id),
    market_class      smallint CHECK (market_class BETWEEN 1 AND 3),
    charge            text NOT NULL CHECK (charge IN ('RENT', 'ELECTRICITY', 'WATER', 'CLEANING', 'SECURITY',
                                                      'PARKING', 'OTHER')),
    position_class    text CHECK (position_class ~ '^[A-Z0-9]{1,10}$'),
    covered           boolean,
    seller            text CHECK (seller IN ('FIXED', 'NON_FIXED')),
    unit              text NOT NULL CHECK (unit IN ('M2_MONTH', 'M2_DAY', 'STALL_MONTH', 'SESSION', 'KWH', 'M3')),
    price_vnd         bigint NOT NULL CHECK (price_vnd > 0),
    vat_included      boolean NOT NULL,
    -- VAT in basis points (800 = 8 %); NULL where the charge bears none (a fee under the Law on Fees and Charges).
    vat_bp            integer CHECK (vat_bp BETWEEN 0 AND 10000),
    label             text,
    legal_basis       text NOT NULL CHECK (length(legal_basis) BETWEEN 3 AND 200),
    legal_basis_date  date NOT NULL,
    legal_issuer      text NOT NULL,
    effective_from    date NOT NULL,
    effective_to      date,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CHECK (market_id IS NULL OR market_class IS NULL)
);
CREATE INDEX fee_rate_scope ON fee_rate (province_code, charge, effective_from);
CREATE INDEX fee_rate_market ON fee_rate (market_id) WHERE market_id IS NOT NULL;

-- What the rate book needs to know of a stall beyond its area (stall.area_m2).
CREATE TABLE stall_fee_profile (
    stall_id        uuid PRIMARY KEY REFERENCES stall (id),
    market_id       uuid NOT NULL REFERENCES market (id),
    position_class  text CHECK (position_class ~ '^[A-Z0-9]{1,10}$'),
    covered         boolean NOT NULL DEFAULT true,
    seller          text NOT NULL DEFAULT 'FIXED' CHECK (seller IN ('FIXED', 'NON_FIXED')),
    -- Charges this stall is billed (a stall without a water meter is not billed water, say).
    charges         text[] NOT NULL DEFAULT ARRAY['RENT', 'CLEANING']::text[],
    updated_at      timestamptz NOT NULL,
    updated_by      text NOT NULL
);
CREATE INDEX stall_fee_profile_market ON stall_fee_profile (market_id);

-- One issued run per market and period: running a period twice issues nothing twice.
CREATE TABLE billing_run (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    period_kind   text NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'DAY')),
    period_start  date NOT NULL,
    period_end    date NOT NULL,
    bill_count    integer NOT NULL,
    total_vnd     bigint NOT NULL,
    issued_at     timestamptz NOT NULL,
    issued_by     text NOT NULL,
    UNIQUE (market_id, period_kind, period_start),
    CHECK (period_end >= period_start)
);

-- Numbers run per market and year without gaps: the next one is taken in the transaction that stores the bill.
CREATE TABLE bill_number_sequence (
    market_id  uuid NOT NULL REFERENCES market (id),
    year       integer NOT NULL,
    last       integer NOT NULL,
    PRIMARY KEY (market_id, year)
);

CREATE TABLE bill (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    run_id        uuid REFERENCES billing_run (id),
    number        text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('BILL', 'CREDIT_NOTE', 'ADJUSTMENT')),
    -- The bill a credit note or an adjusting bill corrects.
    corrects      uuid REFERENCES bill (id),
    stall_id      uuid NOT NULL REFERENCES stall (id),
    trader_id     uuid NOT NULL REFERENCES trader (id),
    lease_id      uuid REFERENCES lease (id),
    period_start  date NOT NULL,
    period_end    date NOT NULL,
    issued_on     date NOT NULL,
    due_on        date NOT NULL,
    -- Negative for a credit note. paid = transfers + cash + credit used; waived by approved waivers.
    total_vnd     bigint NOT NULL,
    paid_vnd      bigint NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
    waived_vnd    bigint NOT NULL DEFAULT 0 CHECK (waived_vnd >= 0),
    status        text NOT NULL CHECK (status IN ('OPEN', 'PARTLY_PAID', 'PAID', 'WAIVED', 'CREDITED')),
    payment_code  text UNIQUE,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    UNIQUE (market_id, number),
    CHECK ((kind = 'BILL') = (corrects IS NULL)),
    CHECK (due_on >= issued_on),
    CHECK (period_end >= period_start)
);
-- A stall is billed once per period and trader by runs (a stall that changed hands mid-month gets two prorated
-- bills; corrections are other kinds).
CREATE UNIQUE INDEX bill_once_per_period ON bill (stall_id, trader_id, period_start, period_end) WHERE kind = 'BILL';
CREATE INDEX bill_market_period ON bill (market_id, period_start);
CREATE INDEX bill_trader_open ON bill (trader_id, due_on) WHERE status IN ('OPEN', 'PARTLY_PAID');
CREATE INDEX bill_market_open ON bill (market_id, due_on) WHERE status IN ('OPEN', 'PARTLY_PAID');

CREATE TABLE bill_line (
    bill_id          uuid NOT NULL REFERENCES bill (id),
    line             smallint NOT NULL,
    market_id        uuid NOT NULL REFERENCES market (id),
    charge           text NOT NULL,
    description      text NOT NULL,
    rate_id          uuid REFERENCES fee_rate (id),
    unit             text NOT NULL,
    -- Quantity in thousandths (m² × days, kWh, m³, sessions) so proration stays exact in integers.
    quantity_milli   bigint NOT NULL,
    unit_price_vnd   bigint NOT NULL,
    amount_vnd       bigint NOT NULL,
    vat_bp           integer,
    meter_id         uuid REFERENCES meter (id),
    reading_from     bigint,
    reading_to       bigint,
    days_billed      integer,
    days_in_period   integer,
    PRIMARY KEY (bill_id, line)
);

-- The cash desk: one session per cashier and day, closed with a count.
CREATE TABLE cash_session (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    cashier       text NOT NULL,
    business_day  date NOT NULL,
    opened_at     timestamptz NOT NULL,
    expected_vnd  bigint,
    counted_vnd   bigint,
    closed_at     timestamptz,
    note          text,
    UNIQUE (market_id, cashier, business_day),
    CHECK ((closed_at IS NULL) = (counted_vnd IS NULL))
);

-- What paid a bill: a transfer (the payment event, at most once per bill), cash at the desk, or the trader's credit.
CREATE TABLE bill_payment (
    id                uuid PRIMARY KEY,
    market_id         uuid NOT NULL REFERENCES market (id),
    bill_id           uuid NOT NULL REFERENCES bill (id),
    method            text NOT NULL CHECK (method IN ('TRANSFER', 'CASH', 'CREDIT')),
    amount_vnd        bigint NOT NULL CHECK (amount_vnd > 0),
    payment_event_id  uuid REFERENCES payment_event (id),
    cash_session_id   uuid REFERENCES cash_session (id),
    receipt_number    text,
    payer_name        text,
    paid_at           timestamptz NOT NULL,
    recorded_by       text NOT NULL,
    UNIQUE (bill_id, payment_event_id),
    CHECK ((method = 'TRANSFER') = (payment_event_id IS NOT NULL)),
    CHECK ((method = 'CASH') = (cash_session_id IS NOT NULL))
);
CREATE INDEX bill_payment_bill ON bill_payment (bill_id);
CREATE INDEX bill_payment_session ON bill_payment (cash_session_id) WHERE cash_session_id IS NOT NULL;

-- Waivers and discounts: asked with a reason, approved (or refused) by the manager.
CREATE TABLE bill_waiver (
    id            uuid PRIMARY KEY,
    market_id     uuid NOT NULL REFERENCES market (id),
    bill_id       uuid NOT NULL REFERENCES bill (id),
    amount_vnd    bigint NOT NULL CHECK (amount_vnd > 0),
    reason_kind   text NOT NULL CHECK (reason_kind IN ('HARDSHIP', 'CLOSED_FOR_REPAIRS', 'DISASTER', 'OTHER')),
    reason        text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
    status        text NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED')),
    requested_by  text NOT NULL,
    requested_at  timestamptz NOT NULL,
    decided_by    text,
    decided_at    timestamptz
);
CREATE INDEX bill_waiver_market ON bill_waiver (market_id, status);

-- When a board reminds traders of bills (days relative to the due date: -3 before, 1 and 3 after...).
CREATE TABLE billing_setting (
    market_id          uuid PRIMARY KEY REFERENCES market (id),
    due_day            smallint NOT NULL DEFAULT 10 CHECK (due_day BETWEEN 1 AND 28),
    reminder_days      integer[] NOT NULL DEFAULT ARRAY[-3, 1, 3]::integer[],
    reminders_by_sms   boolean NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL,
    updated_by         text NOT NULL
);

-- Reminders sent, once per bill and scheduled day (a restart sends none twice).
CREATE TABLE bill_reminder (
    bill_id     uuid NOT NULL REFERENCES bill (id),
    market_id   uuid NOT NULL REFERENCES market (id),
    offset_days integer NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('APP', 'SMS')),
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (bill_id, offset_days, channel)
);
