-- Community technology team members log in with their phone and a one-time code, as traders do.
ALTER TABLE one_time_code DROP CONSTRAINT one_time_code_purpose_check;
ALTER TABLE one_time_code ADD CONSTRAINT one_time_code_purpose_check
    CHECK (purpose IN ('VERIFY_PHONE', 'TRADER_LOGIN', 'MEMBER_LOGIN'));
