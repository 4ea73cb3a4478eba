-- Payroll of market boards: staff register (personal values only encrypted, as traders'), the board's wage
-- region, approved monthly runs with one line per person (facts: amounts never change after approval; only the
-- payment outcome of a line moves), and bank transfer batches.

CREATE TABLE payroll_board (
    market_id   uuid PRIMARY KEY REFERENCES market (id),
    region      text NOT NULL CHECK (region IN ('I', 'II', 'III', 'IV')),
    updated_at  timestamptz NOT NULL
);

CREATE TABLE payroll_staff (
    id                     uuid PRIMARY KEY,
    market_id              uuid NOT NULL REFERENCES market (id),
    full_name              text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 120),
    id_enc                 bytea NOT NULL,
    id_hash                bytea NOT NULL,
    id_last4               text NOT NULL,
    phone_enc              bytea,
    phone_hash             bytea,
    phone_last4            text,
    bank_bin               text,
    account_enc            bytea,
    account_hash           bytea,
    account_last4          text,
    holder_name            text,
    holder_mismatch_reason text,
    position               text NOT NULL,
    contract_kind          text NOT NULL CHECK (contract_kind IN ('COEFFICIENT', 'FIXED')),
    coefficient_hundredths integer CHECK (coefficient_hundredths BETWEEN 1 AND 2000),
    salary_vnd             bigint CHECK (salary_vnd BETWEEN 0 AND 10000000000),
    dependants             integer NOT NULL DEFAULT 0 CHECK (dependants BETWEEN 0 AND 20),
    start_on               date NOT NULL,
    end_on                 date,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    UNIQUE (market_id, id_hash),
    CHECK (end_on IS NULL OR end_on >= start_on),
    CHECK ((contract_kind = 'COEFFICIENT' AND coefficient_hundredths IS NOT NULL)
        OR (contract_kind = 'FIXED' AND salary_vnd IS NOT NULL)),
    CHECK ((account_enc IS NULL) = (bank_bin IS NULL))
);
CREATE INDEX payroll_staff_market ON payroll_staff (market_id, full_name);

CREATE TABLE payroll_allowance (
    id          uuid PRIMARY KEY,
    staff_id    uuid NOT NULL REFERENCES payroll_staff (id) ON DELETE CASCADE,
    market_id   uuid NOT NULL REFERENCES market (id),
    kind        text NOT NULL,
    amount_vnd  bigint NOT NULL CHECK (amount_vnd BETWEEN 0 AND 1000000000),
    taxable     boolean NOT NULL,
    insurable   boolean NOT NULL
);
CREATE INDEX payroll_allowance_staff ON payroll_allowance (staff_id);

CREATE TABLE payroll_run (
    id                 uuid PRIMARY KEY,
    market_id          uuid NOT NULL REFERENCES market (id),
    period             date NOT NULL CHECK (extract(day FROM period) = 1),
    kind               text NOT NULL CHECK (kind IN ('REGULAR', 'ADJUSTMENT')),
    adjusts            uuid REFERENCES payroll_run (id),
    rules_version      text NOT NULL,
    region             text NOT NULL,
    people             integer NOT NULL CHECK (people > 0),
    gross_vnd          bigint NOT NULL,
    net_vnd            bigint NOT NULL,
    employee_insurance_vnd bigint NOT NULL,
    income_tax_vnd     bigint NOT NULL,
    employer_insurance_vnd bigint NOT NULL,
    approved_by        text NOT NULL,
    approved_at        timestamptz NOT NULL,
    ledger_transaction uuid
);
CREATE UNIQUE INDEX payroll_run_one_regular ON payroll_run (market_id, period) WHERE kind = 'REGULAR';

CREATE TABLE payroll_line (
    id                        uuid PRIMARY KEY,
    run_id                    uuid NOT NULL REFERENCES payroll_run (id),
    market_id                 uuid NOT NULL REFERENCES market (id),
    staff_id                  uuid NOT NULL REFERENCES payroll_staff (id),
    full_name                 text NOT NULL,
    position                  text NOT NULL,
    bank_bin                  text NOT NULL,
    account_enc               bytea NOT NULL,
    account_last4             text NOT NULL,
    worked_days               integer NOT NULL,
    working_days              integer NOT NULL,
    dependants                integer NOT NULL,
    salary_vnd                bigint NOT NULL,
    taxable_allowance_vnd     bigint NOT NULL,
    non_taxable_allowance_vnd bigint NOT NULL,
    addition_vnd              bigint NOT NULL,
    gross_vnd                 bigint NOT NULL,
    insurance_base_vnd        bigint NOT NULL,
    social_vnd                bigint NOT NULL,
    health_vnd                bigint NOT NULL,
    unemployment_vnd          bigint NOT NULL,
    family_deduction_vnd      bigint NOT NULL,
    taxable_vnd               bigint NOT NULL,
    income_tax_vnd            bigint NOT NULL,
    deduction_vnd             bigint NOT NULL,
    net_vnd                   bigint NOT NULL CHECK (net_vnd >= 0),
    employer_social_vnd       bigint NOT NULL,
    employer_health_vnd       bigint NOT NULL,
    employer_unemployment_vnd bigint NOT NULL,
    employer_union_fee_vnd    bigint NOT NULL,
    transfer_ref              text NOT NULL UNIQUE,
    payment_status            text NOT NULL DEFAULT 'PENDING' CHECK (payment_status IN ('PENDING', 'SENT', 'PAID', 'FAILED')),
    failure_reason            text,
    paid_at                   timestamptz,
    CHECK (net_vnd = gross_vnd - social_vnd - health_vnd - unemployment_vnd - income_tax_vnd - deduction_vnd),
    UNIQUE (run_id, staff_id)
);
CREATE INDEX payroll_line_run ON payroll_line (run_id);
CREATE INDEX payroll_line_staff ON payroll_line (staff_id);

-- Amounts of an approved line never change; only its payment outcome does.
CREATE FUNCTION payroll_line_is_a_fact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.gross_vnd, NEW.net_vnd, NEW.income_tax_vnd, NEW.social_vnd, NEW.health_vnd, NEW.unemployment_vnd,
        NEW.bank_bin, NEW.account_enc, NEW.staff_id, NEW.run_id)
       IS DISTINCT FROM (OLD.gross_vnd, OLD.net_vnd, OLD.income_tax_vnd, OLD.social_vnd, OLD.health_vnd,
        OLD.unemployment_vnd, OLD.bank_bin, OLD.account_enc, OLD.staff_id, OLD.run_id) THEN
        RAISE EXCEPTION 'an approved payroll line is a fact: correct it with an adjusting run';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payroll_line_fact BEFORE UPDATE ON payroll_line FOR EACH ROW EXECUTE FUNCTION payroll_line_is_a_fact();
CREATE TRIGGER payroll_line_no_delete BEFORE DELETE ON payroll_line FOR EACH ROW EXECUTE FUNCTION payroll_line_is_a_fact();
