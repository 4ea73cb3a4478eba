-- 5,000 local products in Thái Nguyên (19) for bench/products.sh, spread over its markets, each with one photo
-- (the photo bytes of a demo product, so the rows have a real size).
\set ON_ERROR_STOP on
INSERT INTO product (id, market_id, province_code, stall_id, name, description, ocop_group, producer_name, producer_kind,
                     unit, weight_g, price_vnd, stock, made_to_order, search_key, dedupe_key, created_at, created_by,
                     updated_at)
SELECT gen_random_uuid(), m.id, '19', NULL, 'Đặc sản thử số ' || n, 'Sản phẩm địa phương để đo nguồn cấp, số ' || n || '.',
       'FOOD', 'Hợp tác xã thử ' || (n % 97), 'COOPERATIVE', 'kg', 500, 20000 + (n % 50) * 1000, 10, false,
       'dac san thu so ' || n, 'bench-' || n, now(), 'bench', now()
FROM generate_series(1, 5000) AS n
JOIN LATERAL (SELECT id FROM market WHERE province_code = '19' ORDER BY code OFFSET (n % 200) LIMIT 1) m ON true;
INSERT INTO product_photo (id, product_id, market_id, province_code, position, width, height, large, medium, small,
                           created_at)
SELECT gen_random_uuid(), p.id, p.market_id, p.province_code, 0, 800, 800, f.large, f.medium, f.small, now()
FROM product p CROSS JOIN (SELECT large, medium, small FROM product_photo LIMIT 1) f
WHERE p.created_by = 'bench';
-- Each sold at the first stall of its market (what the storefront and the feed name): the stall list is read per
-- product like the pages read it.
INSERT INTO product_stall (product_id, stall_id, market_id, province_code, position)
SELECT p.id, s.id, p.market_id, p.province_code, 0
FROM product p JOIN LATERAL (SELECT id FROM stall WHERE market_id = p.market_id ORDER BY code LIMIT 1) s ON true
WHERE p.created_by = 'bench';
ANALYZE product;
ANALYZE product_photo;
ANALYZE product_stall;
SELECT count(*) AS products_in_19 FROM product WHERE province_code = '19';
