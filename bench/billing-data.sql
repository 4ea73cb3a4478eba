-- 60,000 stalls in one province for bench/billing.sh, generated in bulk into the bench database of bench/rollout.sh:
-- 150 markets of 400 stalls in Hồ Chí Minh City's communes (79), each stall leased to a trader and billed three
-- charges (stall rent per m², cleaning and security per stall), on a rate book of three province-wide rates, with a
-- collection account per board so every bill gets its VietQR.
\set ON_ERROR_STOP on
\timing on
BEGIN;
CREATE TEMP TABLE fm AS
SELECT gen_random_uuid() AS id, 'F79-' || lpad(n::text, 3, '0') AS code, c.code AS commune, n
FROM generate_series(1, 150) AS n
JOIN LATERAL (SELECT code FROM admin_unit WHERE regime = '2025' AND level = 'commune' AND parent_code = '79'
              ORDER BY code OFFSET (n % 100) LIMIT 1) c ON true;
INSERT INTO market (id, code, name, province_code, commune_code, market_class, operator_type, status, live_on,
                    free_wifi, search_key, created_at, updated_at, collection_bank_bin, collection_account_no)
SELECT id, code, 'Chợ thử phí số ' || n, '79', commune, 1 + n % 3, 'BOARD', 'LIVE', DATE '2024-01-01', false,
       lower(code), now(), now(), '970405', '1900' || lpad(n::text, 8, '0') FROM fm;
INSERT INTO market_zone (id, market_id, code, name) SELECT gen_random_uuid(), id, 'A', 'Khu A' FROM fm;
CREATE TEMP TABLE ft AS
SELECT gen_random_uuid() AS stall_id, gen_random_uuid() AS trader_id, fm.id AS market_id, z.id AS zone_id, s
FROM fm JOIN market_zone z ON z.market_id = fm.id CROSS JOIN generate_series(1, 400) AS s;
INSERT INTO stall (id, market_id, zone_id, code, category, area_m2, created_at)
SELECT stall_id, market_id, zone_id, 'A-' || s, 'Rau củ', 4 + s % 9, now() FROM ft;
INSERT INTO trader (id, market_id, full_name, name_key, id_kind, id_number_enc, id_number_hash, id_number_last4,
                    birth_date, phone_enc, phone_hash, phone_last4, consent_at, consent_version, created_at, created_by)
SELECT trader_id, market_id, 'Tiểu thương ' || s, 'tieu thuong ' || s, 'CCCD', '\x00',
       sha256(convert_to(trader_id::text, 'UTF8')), '0000', DATE '1980-01-01', '\x00',
       sha256(convert_to(trader_id::text || 'p', 'UTF8')), '0000', now(), 'bench', now(), 'bench' FROM ft;
INSERT INTO lease (id, market_id, stall_id, trader_id, starts_on, ends_on, created_at)
SELECT gen_random_uuid(), market_id, stall_id, trader_id, DATE '2024-01-01', NULL, now() FROM ft;
INSERT INTO stall_fee_profile (stall_id, market_id, position_class, covered, seller, charges, updated_at, updated_by)
SELECT stall_id, market_id, NULL, true, 'FIXED', ARRAY['RENT', 'CLEANING', 'SECURITY'], now(), 'bench' FROM ft;
INSERT INTO fee_rate (id, province_code, charge, unit, price_vnd, vat_included, vat_bp, label, legal_basis,
                      legal_basis_date, legal_issuer, effective_from, created_at, created_by)
SELECT gen_random_uuid(), '79', c, u, p, true, NULL, l, 'BENCH/QĐ-UBND', DATE '2024-01-01', 'UBND thử', DATE '2024-01-01',
       now(), 'bench'
FROM (VALUES ('RENT', 'M2_MONTH', 60000, 'Giá dịch vụ sử dụng diện tích bán hàng'),
             ('CLEANING', 'STALL_MONTH', 30000, 'Vệ sinh, thu gom rác'),
             ('SECURITY', 'STALL_MONTH', 20000, 'Bảo vệ')) AS r(c, u, p, l)
WHERE NOT EXISTS (SELECT 1 FROM fee_rate WHERE province_code = '79');
COMMIT;
ANALYZE market; ANALYZE stall; ANALYZE lease; ANALYZE trader; ANALYZE stall_fee_profile;
SELECT count(*) AS stalls_in_79_bench FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code LIKE 'F79-%';
