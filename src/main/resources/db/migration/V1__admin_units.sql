-- Administrative units of both regimes. A code is unique only within its regime:
-- '2025' is the two-tier system in force since 1 July 2025, 'pre2025' the three-tier one before it.
CREATE TABLE admin_unit (
    regime      text NOT NULL CHECK (regime IN ('2025', 'pre2025')),
    code        text NOT NULL CHECK (code ~ '^[0-9]{2,5}$'),
    name        text NOT NULL,
    level       text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_code text,
    unit_type   text NOT NULL,
    search_key  text NOT NULL,
    PRIMARY KEY (regime, code),
    CHECK (regime = 'pre2025' OR level <> 'district')
);
CREATE INDEX admin_unit_parent ON admin_unit (regime, parent_code);

-- Old commune -> new commune, the official conversion table. 'partial' rows are old communes split
-- between several new ones. Six rows have no old commune (island districts, one uncoded area).
CREATE TABLE admin_unit_mapping (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    old_commune_code   text,
    new_commune_code   text NOT NULL,
    old_province_code  text NOT NULL,
    new_province_code  text NOT NULL,
    old_district_code  text,
    old_name           text NOT NULL,
    new_name           text NOT NULL,
    relation           text NOT NULL,
    note_vi            text,
    UNIQUE NULLS NOT DISTINCT (old_commune_code, new_commune_code, old_district_code, old_name)
);
CREATE INDEX admin_unit_mapping_new ON admin_unit_mapping (new_commune_code);

-- Which reference files are loaded, with their checksum, so a second start adds nothing.
CREATE TABLE reference_data_load (
    name       text PRIMARY KEY,
    checksum   text NOT NULL,
    rows       integer NOT NULL,
    loaded_at  timestamptz NOT NULL
);
