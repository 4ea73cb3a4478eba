package vn.cho40.trader;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import vn.cho40.identity.Scope;
import vn.cho40.shared.Presence;
import vn.cho40.shared.VnFormats;

/**
 * The trader list in SQL: a page (LIMIT/OFFSET) and its count, or every matching row for an export. A trader is
 * listed where they were onboarded or hold an open lease, among the markets of the list (the user's scope,
 * narrowed to one market when asked). Whether a stall has a current code is vietqr's table
 * {@code stall_qr_code}, read here in SQL only so the filter stays inside the one paged query.
 */
@Repository
class TraderListQueries {

    /** The markets a list covers: the scope's condition on market {@code m}, and one market code or null. */
    record Markets(Scope.SqlFilter scope, String marketCode, boolean nameStallsWithMarket) {
    }

    private static final String COLUMNS = """
            SELECT t.id, t.full_name, t.id_kind, t.id_number_last4, t.phone_last4, t.phone_verified_at, t.created_at,
                   home.code AS home_code, o.stalls, o.stall_count, o.since, coalesce(o.with_qr, false) AS with_qr
            """;
    /** Rows fetched per round trip when exporting, so a province's list never sits in memory whole. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient db;
    private final JdbcTemplate streaming;

    TraderListQueries(JdbcClient db, DataSource dataSource) {
        this.db = db;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
    }

    long count(Markets markets, TraderFilter filter, List<String> words) {
        List<Object> params = new ArrayList<>();
        String sql = with(markets, params) + "SELECT count(*)" + from(markets, filter, words, params);
        return db.sql(sql).params(params).query(Long.class).single();
    }

    List<ListedTrader> page(Markets markets, TraderFilter filter, List<String> words, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String sql = with(markets, params) + COLUMNS + from(markets, filter, words, params)
                + " ORDER BY t.name_key, t.id LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return db.sql(sql).params(params).query(TraderListQueries::map).list();
    }

    /** Every matching trader in list order, at most {@code max}; the caller's transaction lets PostgreSQL stream. */
    void forEach(Markets markets, TraderFilter filter, List<String> words, int max, Consumer<ListedTrader> each) {
        List<Object> params = new ArrayList<>();
        String sql = with(markets, params) + COLUMNS + from(markets, filter, words, params)
                + " ORDER BY t.name_key, t.id LIMIT ?";
        params.add(max);
        streaming.query(sql, (RowCallbackHandler) rs -> each.accept(map(rs, 0)), params.toArray());
    }

    /** The listed markets: those of the scope, or the one asked for. */
    private static String with(Markets markets, List<Object> params) {
        params.addAll(markets.scope().params());
        params.add(markets.marketCode());
        params.add(markets.marketCode());
        return "WITH listed AS (SELECT m.id, m.code FROM market m WHERE " + markets.scope().condition()
                + " AND (?::text IS NULL OR m.code = ?)) ";
    }

    /**
     * From the traders of the listed markets (onboarded there or holding an open lease there), each with their
     * open leases in those markets: stall codes, count, earliest start, and whether one of those stalls has a
     * current static code paying into one of the trader's own accounts.
     */
    private static String from(Markets markets, TraderFilter f, List<String> words, List<Object> params) {
        params.add(markets.nameStallsWithMarket());
        StringBuilder sql = new StringBuilder("""
                 FROM trader t JOIN market home ON home.id = t.market_id
                LEFT JOIN LATERAL (
                    SELECT string_agg(CASE WHEN ? THEN lm.code || ' ' || s.code ELSE s.code END, ', '
                                      ORDER BY lm.code, length(s.code), s.code) AS stalls,
                           count(*) AS stall_count, min(l.starts_on) AS since,
                           bool_or(EXISTS (SELECT 1 FROM stall_qr_code q JOIN receiving_account a ON a.id = q.account_id
                                           WHERE q.stall_id = l.stall_id AND q.kind = 'STATIC'
                                             AND q.revoked_at IS NULL AND a.trader_id = t.id)) AS with_qr
                    FROM lease l JOIN listed lm ON lm.id = l.market_id JOIN stall s ON s.id = l.stall_id
                    WHERE l.trader_id = t.id AND l.ends_on IS NULL) o ON true
                WHERE t.id IN (SELECT h.id FROM trader h WHERE h.market_id IN (SELECT id FROM listed)
                               UNION ALL SELECT ol.trader_id FROM lease ol
                               WHERE ol.ends_on IS NULL AND ol.market_id IN (SELECT id FROM listed))""");
        f.lease().ifPresent(p -> sql.append(p == Presence.WITH ? " AND o.stall_count > 0" : " AND o.stall_count = 0"));
        f.qr().ifPresent(p -> sql.append(p == Presence.WITH ? " AND o.with_qr" : " AND o.with_qr IS NOT TRUE"));
        for (String w : words) {
            sql.append(" AND (' ' || t.name_key) LIKE ?");
            params.add("% " + w + "%");
        }
        return sql.toString();
    }

    private static ListedTrader map(ResultSet rs, int row) throws SQLException {
        return new ListedTrader(rs.getObject("id", UUID.class), rs.getString("full_name"),
                CitizenId.Kind.valueOf(rs.getString("id_kind")), rs.getString("id_number_last4"),
                rs.getString("phone_last4"), rs.getTimestamp("phone_verified_at") != null, rs.getString("home_code"),
                VnFormats.businessDate(rs.getTimestamp("created_at").toInstant()), rs.getString("stalls"),
                rs.getInt("stall_count"), rs.getObject("since", LocalDate.class), rs.getBoolean("with_qr"));
    }
}
