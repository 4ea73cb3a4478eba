-- Days worked per person and month, when the board records them (form or file): the month's run prorates pay by
-- them against the month's working days instead of the employment dates alone. One row per person and month,
-- replaced until the month's regular run is approved (then the run's lines keep the days as facts).
CREATE TABLE payroll_attendance (
    id           uuid PRIMARY KEY,
    market_id    uuid NOT NULL REFERENCES market (id),
    staff_id     uuid NOT NULL REFERENCES payroll_staff (id),
    period       date NOT NULL CHECK (extract(day FROM period) = 1),
    worked_days  integer NOT NULL CHECK (worked_days BETWEEN 0 AND 23),
    source       text NOT NULL CHECK (source IN ('FORM', 'FILE', 'API')),
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    UNIQUE (staff_id, period)
);
CREATE INDEX payroll_attendance_market ON payroll_attendance (market_id, period);

-- What the payslip shows step by step: the full month's contract salary the days prorate, and whether the days
-- came from the board's attendance record (else from the employment dates).
ALTER TABLE payroll_line ADD COLUMN contract_salary_vnd bigint;
ALTER TABLE payroll_line ADD COLUMN days_recorded boolean NOT NULL DEFAULT false;
