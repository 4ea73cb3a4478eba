-- E-receipts (biên lai điện tử) beside e-invoices, and corrections of issued documents (Decree 123/2020 as amended by
-- Decree 70/2025: an adjusting or a replacing document that points at the original, or cancelling one issued in
-- error; the original's row and XML never change, only its state says what happened to it).

-- The receipt's own form and series (Circular 78/2021 Art. 6 style: form 01BLP0-001, series AA-26E), numbered apart
-- from the invoices. A board without one issues no receipt (charges set to RECEIPT wait until it has one).
ALTER TABLE einvoice_setting
    ADD COLUMN receipt_form   text CHECK (receipt_form ~ '^0[12]BLP0-[0-9]{3}$'),
    ADD COLUMN receipt_series text CHECK (receipt_series ~ '^[A-Z]{2}-[0-9]{2}E$'),
    ADD CHECK ((receipt_form IS NULL) = (receipt_series IS NULL));

-- Which document each charge type of a board gets (a fee under the Law on Fees and Charges gets a receipt; priced
-- services, the usual case, an invoice). A charge without a row gets an invoice.
CREATE TABLE einvoice_charge_kind (
    market_id   uuid NOT NULL REFERENCES market (id),
    charge      text NOT NULL CHECK (charge ~ '^[A-Z_]{2,20}$'),
    kind        text NOT NULL CHECK (kind IN ('INVOICE', 'RECEIPT')),
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    PRIMARY KEY (market_id, charge)
);

-- A receipt's form is text (01BLP0-001), an invoice's a digit: both kept as text.
ALTER TABLE einvoice_number ALTER COLUMN form TYPE text;
ALTER TABLE e_document ALTER COLUMN form TYPE text;

-- Why a replacing or adjusting document was issued; a cancelled document's reason, time and who (its number stays
-- used: the register shows it cancelled).
ALTER TABLE e_document
    ADD COLUMN reason         text CHECK (reason IS NULL OR length(reason) BETWEEN 3 AND 300),
    ADD COLUMN cancel_reason  text CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 3 AND 300),
    ADD COLUMN cancelled_at   timestamptz,
    ADD COLUMN cancelled_by   text,
    ADD CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL));
CREATE INDEX e_document_corrects ON e_document (corrects) WHERE corrects IS NOT NULL;

-- A request may correct: a given document (the board replaces or adjusts it) or the documents of a source (a credit
-- note of a bill adjusts the bill's invoice and receipt). The original must be issued first; the request waits.
ALTER TABLE einvoice_request
    ADD COLUMN corrects         uuid REFERENCES e_document (id),
    ADD COLUMN corrects_source  text,
    ADD COLUMN correction       text CHECK (correction IN ('REPLACE', 'ADJUST')),
    ADD COLUMN reason           text,
    ADD CHECK ((correction IS NULL) = (corrects IS NULL AND corrects_source IS NULL)),
    ADD CHECK (correction IS NULL OR reason IS NOT NULL);
