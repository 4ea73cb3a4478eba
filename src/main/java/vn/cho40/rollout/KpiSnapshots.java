package vn.cho40.rollout;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.shared.Ids;

/**
 * Month snapshots: after a month ends its figures are frozen per market, so that a report sent in January says the
 * same in June. Freezing again recomputes; a market whose figures changed (a late statement, a corrected lease)
 * gets the next version with the reason, never an edit; reports name the version they were built from.
 */
@Service
class KpiSnapshots {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Long>> FIGURES = new TypeReference<>() { };

    private final JdbcClient db;
    private final KpiFigures figures;
    private final Clock clock;

    /** Each frozen market month goes to the national service through the outbox, in the freeze's transaction. */
    private final vn.cho40.outbox.Outbox outbox;

    KpiSnapshots(JdbcClient db, KpiFigures figures, Clock clock, vn.cho40.outbox.Outbox outbox) {
        this.outbox = outbox;
        this.db = db;
        this.figures = figures;
        this.clock = clock;
    }

    /** What a freeze did: markets frozen for the first time, given a new version, left as they were. */
    /** Serializable: the plans page shows it after its redirect, carried in the session (stored in the database). */
    public record Frozen(int first, int revised, int unchanged) implements java.io.Serializable {
    }

    /**
     * Freezes a closed month for a province (every province when null). The caller has checked the month is closed
     * and the user may.
     */
    @Transactional
    Frozen freeze(String provinceCode, YearMonth month, String by, String reason) {
        return freeze(provinceCode, month, by, reason, false);
    }

    /**
     * The same; with {@code onlyNew} (the nightly job) markets already frozen are left as they are, so no figure
     * ever changes without a person asking for it.
     */
    @Transactional
    Frozen freeze(String provinceCode, YearMonth month, String by, String reason, boolean onlyNew) {
        if (!figures.closed(month)) {
            throw new IllegalStateException("month not closed: " + month);
        }
        // One freezer at a time, whichever server runs it: versions are numbered from the latest.
        db.sql("SELECT pg_advisory_xact_lock(hashtext('kpi_snapshot_freeze'))").query().listOfRows();
        List<MarketMonth> now = figures.compute(provinceCode, month);
        Map<UUID, Stored> latest = new HashMap<>();
        for (Stored s : latestStored(provinceCode, month)) {
            latest.put(s.month().marketId(), s);
        }
        int threshold = figures.activeThreshold(provinceCode);
        int first = 0;
        int revised = 0;
        int unchanged = 0;
        Timestamp at = Timestamp.from(clock.instant());
        List<vn.cho40.outbox.Fact> published = new java.util.ArrayList<>();
        for (MarketMonth m : now) {
            Stored before = latest.get(m.marketId());
            if (before != null && (onlyNew || sameFigures(before.month(), m))) {
                unchanged++;
                continue;
            }
            int version = before == null ? 1 : before.version() + 1;
            if (before == null) {
                first++;
            } else {
                revised++;
            }
            db.sql("""
                    INSERT INTO kpi_snapshot (id, market_id, province_code, month, version, live, traders,
                        traders_with_qr, traders_active, active_threshold, payments_count, payments_value, figures,
                        frozen_at, frozen_by, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                    .params(Ids.newId(clock), m.marketId(), m.provinceCode(), Date.valueOf(month.atDay(1)), version,
                            m.live(), m.traders(), m.tradersWithQr(), m.tradersActive(), threshold,
                            m.paymentsCount(), m.paymentsValue(), json(m.figures()), at, by,
                            before == null ? null : reason)
                    .update();
            published.add(new vn.cho40.outbox.Fact.KpiMonth(m.marketId(), month, version, m.live(), m.traders(),
                    m.tradersWithQr(), m.tradersActive(), m.paymentsCount(), vn.cho40.shared.Money.vnd(m.paymentsValue())));
        }
        outbox.publish(published);
        return new Frozen(first, revised, unchanged);
    }

    private static boolean sameFigures(MarketMonth a, MarketMonth b) {
        return a.live() == b.live() && a.traders() == b.traders() && a.tradersWithQr() == b.tradersWithQr()
                && a.tradersActive() == b.tradersActive() && a.paymentsCount() == b.paymentsCount()
                && a.paymentsValue() == b.paymentsValue() && Objects.equals(a.figures(), b.figures());
    }

    /** A stored market month with its version and when it was frozen. */
    record Stored(MarketMonth month, int version, java.time.Instant frozenAt) {
    }

    /** The latest version of each market's snapshot of the month, in the province (every one when null). */
    List<Stored> latestStored(String provinceCode, YearMonth month) {
        return db.sql(SELECT + """
                WHERE s.month = ? AND (? = '' OR s.province_code = ?)
                ORDER BY s.market_id, s.version DESC""")
                .params(Date.valueOf(month.atDay(1)), nz(provinceCode), nz(provinceCode))
                .query(KpiSnapshots::map).list();
    }

    /** The snapshots of a month as they stood at a version-independent moment: none later than {@code asOf}. */
    List<Stored> storedAsOf(String provinceCode, YearMonth month, java.time.Instant asOf) {
        return db.sql(SELECT + """
                WHERE s.month = ? AND (? = '' OR s.province_code = ?) AND s.frozen_at <= ?
                ORDER BY s.market_id, s.version DESC""")
                .params(Date.valueOf(month.atDay(1)), nz(provinceCode), nz(provinceCode), Timestamp.from(asOf))
                .query(KpiSnapshots::map).list();
    }

    /**
     * The month's market figures as the dashboards and reports use them: the snapshots of a frozen month (live
     * figures for markets not in it), the live figures of a month not yet frozen.
     */
    List<MarketMonth> month(String provinceCode, YearMonth month) {
        if (!figures.closed(month)) {
            return figures.compute(provinceCode, month);
        }
        Map<UUID, MarketMonth> frozen = new HashMap<>();
        for (Stored s : latestStored(provinceCode, month)) {
            frozen.put(s.month().marketId(), s.month());
        }
        long markets = db.sql("SELECT count(*) FROM market WHERE (? = '' OR province_code = ?)")
                .params(nz(provinceCode), nz(provinceCode)).query(Long.class).single();
        if (!frozen.isEmpty() && frozen.size() == markets) {
            // Every market frozen: nothing to compute (a month's figures are read, never recounted).
            return frozen.values().stream().sorted(java.util.Comparator.comparing(MarketMonth::marketCode)).toList();
        }
        List<MarketMonth> live = figures.compute(provinceCode, month);
        if (frozen.isEmpty()) {
            return live;
        }
        List<MarketMonth> merged = new ArrayList<>(live.size());
        for (MarketMonth m : live) {
            merged.add(frozen.getOrDefault(m.marketId(), m));
        }
        return merged;
    }

    /** Whether every market of the province (every province when null) has a snapshot of the month. */
    boolean complete(String provinceCode, YearMonth month) {
        return db.sql("""
                SELECT (SELECT count(DISTINCT market_id) FROM kpi_snapshot WHERE month = ? AND (? = '' OR province_code = ?))
                     = (SELECT count(*) FROM market WHERE (? = '' OR province_code = ?))""")
                .params(Date.valueOf(month.atDay(1)), nz(provinceCode), nz(provinceCode), nz(provinceCode),
                        nz(provinceCode)).query(Boolean.class).single();
    }

    /** Months of the province with at least one frozen market. */
    List<YearMonth> frozenMonths(String provinceCode) {
        return db.sql("SELECT DISTINCT month FROM kpi_snapshot WHERE (? = '' OR province_code = ?) ORDER BY month")
                .params(nz(provinceCode), nz(provinceCode))
                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate())).list();
    }

    private static final String SELECT = """
            SELECT DISTINCT ON (s.market_id) s.market_id, m.code, m.name, s.province_code, m.commune_code,
                   m.pre2025_district_code, s.live, s.traders, s.traders_with_qr, s.traders_active, s.payments_count,
                   s.payments_value, s.figures::text, s.version, s.frozen_at
            FROM kpi_snapshot s JOIN market m ON m.id = s.market_id
            """;

    private static Stored map(ResultSet rs, int n) throws SQLException {
        Map<String, Long> figures = JSON.readValue(rs.getString(13), FIGURES);
        return new Stored(new MarketMonth(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getLong(11), rs.getLong(12), figures), rs.getInt(14),
                rs.getTimestamp(15).toInstant());
    }

    private static String json(Map<String, Long> figures) {
        return JSON.writeValueAsString(new java.util.TreeMap<>(figures));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
