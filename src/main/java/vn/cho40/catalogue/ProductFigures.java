package vn.cho40.catalogue;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.rollout.MarketFigures;

/**
 * What the rollout reads of products: per market (the product's own and every market one of whose stalls sells it),
 * the products online at the end of the month, that is with a
 * listing recorded by then, or in the market's live Google feed (a product with a photo, in stock or made to
 * order: what the feed carries) and created by then.
 */
@Component
class ProductFigures implements MarketFigures {

    private final JdbcClient db;

    ProductFigures(JdbcClient db) {
        this.db = db;
    }

    @Override
    public String key() {
        return PRODUCTS_ONLINE;
    }

    @Override
    public Map<UUID, Long> perMarket(String provinceCode, YearMonth month) {
        Map<UUID, Long> counts = new HashMap<>();
        java.sql.Date end = java.sql.Date.valueOf(month.atEndOfMonth());
        db.sql("""
                SELECT x.market_id, count(DISTINCT p.id) FROM product p
                CROSS JOIN LATERAL (SELECT p.market_id UNION SELECT ps.market_id FROM product_stall ps
                                    WHERE ps.product_id = p.id) AS x (market_id)
                WHERE (? = '' OR p.province_code = ?) AND p.created_at < (?::date + 1)
                  AND (EXISTS (SELECT 1 FROM product_listing l WHERE l.product_id = p.id AND l.listed_on <= ?)
                       OR EXISTS (SELECT 1 FROM product_photo f WHERE f.product_id = p.id))
                GROUP BY x.market_id""")
                .params(provinceCode == null ? "" : provinceCode, provinceCode == null ? "" : provinceCode, end, end)
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return counts;
    }
}
