-- What credit notes took off a bill (a bill is a fact: a correction is a credit note pointing at it, and the part of
-- the credit note the bill still owed is recorded here so what the bill asks for follows; the rest became the
-- trader's credit with the board).
ALTER TABLE bill ADD COLUMN credited_vnd bigint NOT NULL DEFAULT 0 CHECK (credited_vnd >= 0);
CREATE INDEX bill_corrects ON bill (corrects) WHERE corrects IS NOT NULL;
