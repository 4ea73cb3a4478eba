-- After a provider has a document, its tax authority's answer is asked for until it comes (check_next_at, claimed
-- with SKIP LOCKED like sending, with the same growing pauses): the authority's code (MCCQT, "mã của cơ quan thuế")
-- and the document ACCEPTED, or a refusal (state ERROR, the authority's reason in send_problem). LOCAL documents are
-- never sent, so never asked about.
ALTER TABLE e_document
    ADD COLUMN authority_code  text CHECK (length(authority_code) BETWEEN 1 AND 100),
    ADD COLUMN check_next_at   timestamptz,
    ADD COLUMN check_attempts  integer NOT NULL DEFAULT 0,
    ADD COLUMN accepted_at     timestamptz;
CREATE INDEX e_document_to_check ON e_document (check_next_at) WHERE check_next_at IS NOT NULL;
-- Documents sent before this: ask for their answer too.
UPDATE e_document SET check_next_at = sent_at WHERE sent_at IS NOT NULL AND provider IS NOT NULL;
