-- A board's own bank layout, learnt once from the sample file its bank gives: file type and columns
-- ("STT=STT|ACCOUNT=So tai khoan|..."), as data/payroll/bank-templates.csv writes them.
ALTER TABLE payroll_board ADD COLUMN bank_layout_type text CHECK (bank_layout_type IN ('XLSX', 'CSV'));
ALTER TABLE payroll_board ADD COLUMN bank_layout_columns text;
ALTER TABLE payroll_board ADD COLUMN bank_layout_title text;
