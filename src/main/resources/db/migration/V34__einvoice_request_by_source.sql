-- A request may name only its source (a paid bill): the issuer composes the draft from the source when it issues,
-- off the path that settles payments, which then writes one short row per paid bill instead of the whole draft.
ALTER TABLE einvoice_request ALTER COLUMN draft DROP NOT NULL;
