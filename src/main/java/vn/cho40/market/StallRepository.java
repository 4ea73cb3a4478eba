package vn.cho40.market;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StallRepository {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    StallRepository(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    List<Stall> list(UUID marketId, String zoneCode, GoodsCategory category) {
        return db.sql("""
                SELECT s.id, s.market_id, z.code AS zone_code, s.code, s.category, s.area_m2
                FROM stall s JOIN market_zone z ON z.id = s.zone_id
                WHERE s.market_id = ? AND (?::text IS NULL OR z.code = ?) AND (?::text IS NULL OR s.category = ?)
                ORDER BY z.code, length(s.code), s.code""")
                .params(marketId, zoneCode, zoneCode, category == null ? null : category.name(),
                        category == null ? null : category.name())
                .query((rs, n) -> new Stall(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                        rs.getString("zone_code"), rs.getString("code"), GoodsCategory.valueOf(rs.getString("category")),
                        rs.getBigDecimal("area_m2")))
                .list();
    }

    Set<String> existingCodes(UUID marketId) {
        return Set.copyOf(db.sql("SELECT code FROM stall WHERE market_id = ?").param(marketId).query(String.class).list());
    }

    Map<GoodsCategory, Long> countByCategory(UUID marketId) {
        return db.sql("SELECT category, count(*) AS n FROM stall WHERE market_id = ? GROUP BY category")
                .param(marketId)
                .query((rs, n) -> Map.entry(GoodsCategory.valueOf(rs.getString("category")), rs.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Zone> zones(UUID marketId) {
        return db.sql("""
                SELECT z.code, z.name, count(s.id) AS stalls FROM market_zone z LEFT JOIN stall s ON s.zone_id = z.id
                WHERE z.market_id = ? GROUP BY z.code, z.name ORDER BY z.code""")
                .param(marketId)
                .query((rs, n) -> new Zone(rs.getString("code"), rs.getString("name"), rs.getInt("stalls")))
                .list();
    }

    /** The zone's id, creating the zone the first time a stall names it. */
    UUID zoneId(UUID marketId, String zoneCode, String zoneName, UUID newId) {
        db.sql("INSERT INTO market_zone (id, market_id, code, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(newId, marketId, zoneCode, zoneName)
                .update();
        return db.sql("SELECT id FROM market_zone WHERE market_id = ? AND code = ?")
                .params(marketId, zoneCode)
                .query(UUID.class)
                .single();
    }

    void insertAll(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO stall (id, market_id, zone_id, code, category, area_m2, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    static Object[] row(UUID id, UUID marketId, UUID zoneId, StallDraft d, Instant at) {
        return new Object[] {id, marketId, zoneId, d.code(), d.category().name(), d.areaM2(), Timestamp.from(at)};
    }

    Optional<Stall> find(UUID marketId, String code) {
        return db.sql("SELECT s.id, s.market_id, z.code AS zone_code, s.code, s.category, s.area_m2 "
                        + "FROM stall s JOIN market_zone z ON z.id = s.zone_id WHERE s.market_id = ? AND s.code = ?")
                .params(marketId, code)
                .query(StallRepository::stall)
                .optional();
    }

    /** The one stall whose code is {@code code} without its separators (A1 for A-1), if exactly one is. */
    Optional<Stall> findIgnoringSeparators(UUID marketId, String code) {
        List<Stall> found = db.sql("SELECT s.id, s.market_id, z.code AS zone_code, s.code, s.category, s.area_m2 "
                        + "FROM stall s JOIN market_zone z ON z.id = s.zone_id WHERE s.market_id = ? "
                        + "AND regexp_replace(s.code, '[^A-Z0-9]', '', 'g') = ?")
                .params(marketId, code.replaceAll("[^A-Z0-9]", ""))
                .query(StallRepository::stall).list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    private static Stall stall(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stall(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                rs.getString("zone_code"), rs.getString("code"), GoodsCategory.valueOf(rs.getString("category")),
                rs.getBigDecimal("area_m2"));
    }
}
