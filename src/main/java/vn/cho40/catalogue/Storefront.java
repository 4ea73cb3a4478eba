package vn.cho40.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.VnFormats;

/**
 * What the public sees of the catalogue: products with absolute links for pages, images and feeds, read in one
 * query per list (photos gathered in the same pass). A certificate that expired is not shown as valid.
 */
@Service
class Storefront {

    private final JdbcClient db;
    private final Clock clock;
    private final String base;

    Storefront(JdbcClient db, Clock clock, @Value(vn.cho40.shared.PublicUrl.SETTING) String publicUrl) {
        this.db = db;
        this.clock = clock;
        this.base = publicUrl.replaceAll("/+$", "");
    }

    String base() {
        return base;
    }

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, p.ocop_group, p.producer_name, p.ocop_stars, p.certificate_until,
                   p.unit, p.weight_g, p.price_vnd, coalesce(p.stock, 0), p.made_to_order, m.code, m.name,
                   (SELECT array_agg(CASE WHEN ps.market_id = p.market_id THEN s.code ELSE sm.code || '/' || s.code END
                                     ORDER BY ps.position)
                    FROM product_stall ps JOIN stall s ON s.id = ps.stall_id JOIN market sm ON sm.id = ps.market_id
                    WHERE ps.product_id = p.id),
                   (SELECT array_agg(f.id ORDER BY f.position) FROM product_photo f WHERE f.product_id = p.id)
            FROM product p JOIN market m ON m.id = p.market_id
            """;

    /** A market's products: its own, and those of other markets that one of its stalls sells too. */
    List<Listed> ofMarket(String marketCode, String query) {
        return db.sql(SELECT + """
                 WHERE (m.code = ? OR p.id IN (SELECT ps.product_id FROM product_stall ps JOIN market pm ON pm.id = ps.market_id
                                               WHERE pm.code = ?))
                   AND p.search_key LIKE ? ORDER BY p.name""")
                .params(marketCode, marketCode, "%" + SearchText.fold(query == null ? "" : query) + "%")
                .query(this::map).list();
    }

    List<Listed> ofProvince(String provinceCode) {
        return db.sql(SELECT + " WHERE p.province_code = ? ORDER BY m.code, p.name").param(provinceCode)
                .query(this::map).list();
    }

    List<Listed> search(String query, int limit) {
        return db.sql(SELECT + " WHERE p.search_key LIKE ? ORDER BY p.name LIMIT ?")
                .params("%" + SearchText.fold(query == null ? "" : query) + "%", limit).query(this::map).list();
    }

    Optional<Listed> product(UUID id) {
        return db.sql(SELECT + " WHERE p.id = ?").param(id).query(this::map).optional();
    }

    /** Markets with at least one product, for the storefront's index and the sitemap. */
    List<Map.Entry<String, String>> marketsWithProducts() {
        return db.sql("""
                SELECT m.code, m.name FROM market m WHERE EXISTS (SELECT 1 FROM product p WHERE p.market_id = m.id)
                   OR EXISTS (SELECT 1 FROM product_stall ps WHERE ps.market_id = m.id)
                ORDER BY m.code""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    List<UUID> allProductIds() {
        return db.sql("SELECT id FROM product ORDER BY id").query(UUID.class).list();
    }

    /** A photo in one of the three sizes, or empty. */
    Optional<byte[]> photo(UUID id, String size) {
        String column = switch (size) {
            case "l" -> "large";
            case "m" -> "medium";
            case "s" -> "small";
            default -> null;
        };
        if (column == null) {
            return Optional.empty();
        }
        return db.sql("SELECT " + column + " FROM product_photo WHERE id = ?").param(id).query(byte[].class).optional();
    }

    String link(UUID id) {
        return base + "/dac-san/" + id;
    }

    private Listed map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        java.sql.Date until = rs.getDate(7);
        Integer stars = rs.getObject(6) == null ? null : rs.getInt(6);
        boolean valid = stars != null && (until == null || !until.toLocalDate().isBefore(LocalDate.now(clock.withZone(
                VnFormats.VIETNAM))));
        List<String> images = new ArrayList<>();
        java.sql.Array photos = rs.getArray(16);
        if (photos != null) {
            for (Object photo : (Object[]) photos.getArray()) {
                images.add(base + "/dac-san/anh/" + photo + "/l.jpg");
            }
        }
        String sku = "C40-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)
                + id.toString().substring(id.toString().length() - 4).toUpperCase(java.util.Locale.ROOT);
        return new Listed(id, sku, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                valid ? stars : null, valid, rs.getString(8), (Integer) rs.getObject(9), rs.getLong(10),
                rs.getInt(11), rs.getBoolean(12), rs.getString(13), rs.getString(14),
                rs.getArray(15) == null ? List.of() : List.of((String[]) rs.getArray(15).getArray()),
                link(id), images);
    }
}
