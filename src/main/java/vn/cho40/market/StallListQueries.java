package vn.cho40.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cho40.shared.Presence;
import vn.cho40.shared.VnFormats;

/**
 * The stall list in SQL: a page (LIMIT/OFFSET) and its count, or every matching row for an export. Whether a
 * stall is leased and has a current QR code are facts the trader and vietqr modules write (tables {@code lease},
 * {@code stall_qr_code}); they are read here in SQL only, so filtering, counting and paging stay one query in the
 * database and the market module still depends on neither module's code.
 */
@Repository
class StallListQueries {

    /** One word of a search, with the zones and categories whose folded names it begins a word of. */
    record Word(String word, List<String> zoneCodes, List<GoodsCategory> categories) {
    }

    private static final String FROM = """
            FROM stall s JOIN market_zone z ON z.id = s.zone_id
            LEFT JOIN lease l ON l.stall_id = s.id AND l.ends_on IS NULL
            LEFT JOIN stall_qr_code q ON q.stall_id = s.id AND q.kind = 'STATIC' AND q.revoked_at IS NULL
            """;
    private static final String COLUMNS = """
            SELECT s.code, z.code AS zone_code, z.name AS zone_name, s.category, s.area_m2,
                   l.starts_on AS leased_since, q.created_at AS qr_at
            """;
    /** Rows fetched per round trip when exporting, so a province's list never sits in memory whole. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient db;
    private final JdbcTemplate streaming;

    StallListQueries(JdbcClient db, DataSource dataSource) {
        this.db = db;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
    }

    long count(UUID marketId, StallFilter filter, List<Word> words) {
        List<Object> params = new ArrayList<>();
        String where = where(marketId, filter, words, params);
        return db.sql("SELECT count(*) " + FROM + where).params(params).query(Long.class).single();
    }

    List<ListedStall> page(UUID marketId, StallFilter filter, List<Word> words, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String sql = COLUMNS + FROM + where(marketId, filter, words, params) + order(filter, params)
                + " LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return db.sql(sql).params(params).query(StallListQueries::map).list();
    }

    /** Every matching stall in list order, at most {@code max}; the caller's transaction lets PostgreSQL stream. */
    void forEach(UUID marketId, StallFilter filter, List<Word> words, int max, Consumer<ListedStall> each) {
        List<Object> params = new ArrayList<>();
        String sql = COLUMNS + FROM + where(marketId, filter, words, params) + order(filter, params) + " LIMIT ?";
        params.add(max);
        streaming.query(sql, (RowCallbackHandler) rs -> each.accept(map(rs, 0)), params.toArray());
    }

    private static String where(UUID marketId, StallFilter f, List<Word> words, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE s.market_id = ?");
        params.add(marketId);
        if (!f.zone().isEmpty()) {
            sql.append(" AND z.code = ?");
            params.add(f.zone());
        }
        if (f.category() != null) {
            sql.append(" AND s.category = ?");
            params.add(f.category().name());
        }
        f.trader().ifPresent(p -> sql.append(p == Presence.WITH ? " AND l.id IS NOT NULL" : " AND l.id IS NULL"));
        f.qr().ifPresent(p -> sql.append(p == Presence.WITH ? " AND q.id IS NOT NULL" : " AND q.id IS NULL"));
        for (Word w : words) {
            // "a 12", "a12" and "12" find A-12; the word may also begin a word of the zone's or category's name.
            sql.append(" AND ((' ' || lower(replace(s.code, '-', ' '))) LIKE ? OR lower(replace(s.code, '-', ''))"
                    + " LIKE ? OR z.code = ANY (?) OR s.category = ANY (?))");
            params.add("% " + w.word() + "%");
            params.add(w.word().replace(" ", "") + "%");
            params.add(w.zoneCodes().toArray(String[]::new));
            params.add(w.categories().stream().map(Enum::name).toArray(String[]::new));
        }
        return sql.toString();
    }

    /** Zone by zone, A-2 before A-10; a stall whose code is the whole query comes first. */
    private static String order(StallFilter f, List<Object> params) {
        params.add(StallRules.normalizeCode(f.q()));
        return " ORDER BY s.code = ? DESC, z.code, length(s.code), s.code";
    }

    private static ListedStall map(ResultSet rs, int row) throws SQLException {
        Timestamp qrAt = rs.getTimestamp("qr_at");
        return new ListedStall(rs.getString("code"), rs.getString("zone_code"), rs.getString("zone_name"),
                GoodsCategory.valueOf(rs.getString("category")), rs.getBigDecimal("area_m2"),
                rs.getObject("leased_since", LocalDate.class),
                qrAt == null ? null : VnFormats.businessDate(qrAt.toInstant()));
    }
}
