-- A country's worth of Chợ 4.0 for bench/rollout.sh, generated in bulk into the PostgreSQL server (never kept in the
-- repository): two or three live markets in every 2025 commune (about 8,300), 40 stalls each with a trader, a lease,
-- an account and a QR code, and the monthly aggregates that about 50 million credited payments from January 2023 to
-- the running month leave in kpi_trader_month (the tables the dashboards and the open data read; the payments table
-- itself is never read by them, which is the point), plus the frozen months in kpi_snapshot.
\set ON_ERROR_STOP on
\timing on
BEGIN;
CREATE TEMP TABLE bm AS
SELECT gen_random_uuid() AS id, 'B' || c.code || '-' || k AS code, c.parent_code AS province, c.code AS commune,
       c.name AS cname, k,
       (SELECT m.old_district_code FROM admin_unit_mapping m JOIN admin_unit d
                ON d.regime = 'pre2025' AND d.level = 'district' AND d.code = m.old_district_code
        WHERE m.new_commune_code = c.code LIMIT 1) AS district,
       DATE '2023-01-01' + (abs(hashtext(c.code || k)) % 540) AS live_on
FROM admin_unit c CROSS JOIN generate_series(1, 2 + (abs(hashtext(c.code)) % 2)) AS k
WHERE c.regime = '2025' AND c.level = 'commune';
INSERT INTO market (id, code, name, province_code, commune_code, pre2025_district_code, market_class, operator_type,
                    status, planned_on, onboarding_on, live_on, free_wifi, search_key, created_at, updated_at)
SELECT id, code, 'Chợ ' || cname || ' số ' || k, province, commune, district, 3, 'BOARD', 'LIVE', live_on - 60,
       live_on - 30, live_on, false, lower(code), now(), now() FROM bm;
INSERT INTO market_status_change (id, market_id, from_status, to_status, effective_on, recorded_at, recorded_by)
SELECT gen_random_uuid(), id, 'ONBOARDING', 'LIVE', live_on, now(), 'bench' FROM bm;
INSERT INTO market_zone (id, market_id, code, name) SELECT gen_random_uuid(), id, 'A', 'Khu A' FROM bm;
CREATE TEMP TABLE bt AS
SELECT gen_random_uuid() AS stall_id, gen_random_uuid() AS trader_id, gen_random_uuid() AS account_id, bm.id AS market_id,
       bm.province, z.id AS zone_id, n, bm.live_on, bm.live_on + (n % 90) AS qr_on
FROM bm JOIN market_zone z ON z.market_id = bm.id CROSS JOIN generate_series(1, 40) AS n;
INSERT INTO stall (id, market_id, zone_id, code, category, area_m2, created_at)
SELECT stall_id, market_id, zone_id, 'A-' || n, 'Rau củ', 6, now() FROM bt;
INSERT INTO trader (id, market_id, full_name, name_key, id_kind, id_number_enc, id_number_hash, id_number_last4,
                    birth_date, phone_enc, phone_hash, phone_last4, consent_at, consent_version, created_at, created_by)
SELECT trader_id, market_id, 'Tiểu thương ' || n, 'tieu thuong ' || n, 'CCCD', '\x00',
       sha256(convert_to(trader_id::text, 'UTF8')), '0000', DATE '1980-01-01', '\x00',
       sha256(convert_to(trader_id::text || 'p', 'UTF8')), '0000', now(), 'bench', now(), 'bench' FROM bt;
INSERT INTO lease (id, market_id, stall_id, trader_id, starts_on, ends_on, created_at)
SELECT gen_random_uuid(), market_id, stall_id, trader_id, DATE '2022-01-01', NULL, now() FROM bt;
INSERT INTO receiving_account (id, market_id, trader_id, kind, bin, account_enc, account_hash, account_last4,
                               holder_name, name_matches, created_at, number_hash)
SELECT account_id, market_id, trader_id, 'BANK', '970405', '\x00', sha256(convert_to(account_id::text, 'UTF8')), '0000',
       'TIEU THUONG', true, now(), sha256(convert_to(account_id::text || 'n', 'UTF8')) FROM bt;
INSERT INTO stall_qr_code (id, market_id, stall_id, account_id, kind, payload_enc, verification_code, created_at)
SELECT gen_random_uuid(), market_id, stall_id, account_id, 'STATIC', '\x00', 'B' || replace(stall_id::text, '-', ''),
       qr_on::timestamptz FROM bt;
-- Credited payments per trader and month: from the month the trader's code went up, 8 months in 10, 1 to 9 payments.
INSERT INTO kpi_trader_month (market_id, province_code, trader_id, month, payments_count, payments_value)
SELECT t.market_id, t.province, t.trader_id, mo::date, x.n, x.n * (120000 + abs(hashtext(t.trader_id::text)) % 300000)
FROM bt t
CROSS JOIN generate_series(DATE '2023-01-01', date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                           interval '1 month') AS mo
CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(t.trader_id::text || mo::text)) % 9 AS n) x
WHERE mo >= date_trunc('month', t.qr_on) AND abs(hashtext(t.trader_id::text || mo::text || 'a')) % 10 < 8;
-- The months that have ended, frozen (version 1) as the nightly job would have.
INSERT INTO kpi_snapshot (id, market_id, province_code, month, version, live, traders, traders_with_qr, traders_active,
                          active_threshold, payments_count, payments_value, figures, frozen_at, frozen_by)
SELECT gen_random_uuid(), k.market_id, k.province_code, k.month, 1, true, 40,
       least(40, greatest(count(*), 14 * (1 + (k.month - min(bm.live_on)) / 30))), count(*), 1,
       sum(k.payments_count), sum(k.payments_value), '{}', now(), 'bench'
FROM kpi_trader_month k JOIN bm ON bm.id = k.market_id
WHERE k.month < date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
GROUP BY k.market_id, k.province_code, k.month;
COMMIT;
ANALYZE;
SELECT count(*) AS markets FROM market;
SELECT sum(payments_count) AS payments_in_aggregates, count(*) AS trader_months FROM kpi_trader_month;
SELECT count(*) AS snapshots FROM kpi_snapshot;
