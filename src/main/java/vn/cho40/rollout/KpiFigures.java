package vn.cho40.rollout;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.shared.VnFormats;

/**
 * The indicators of every market of a province for a month, computed from what the platform records: status
 * history, leases, stall codes with their creation and revocation, and the maintained monthly aggregates of
 * payments (never the payments table). A past month is read as it stood at its last day; the current one as now.
 */
@Service
class KpiFigures {

    static final int DEFAULT_ACTIVE_THRESHOLD = 1;

    private final JdbcClient db;
    private final List<MarketFigures> sources;
    private final Clock clock;
    private final long liveCacheMillis;
    /** The running month of a province (or the country, key ""), computed at most once per cache period. */
    private final java.util.concurrent.ConcurrentHashMap<String, Live> live = new java.util.concurrent.ConcurrentHashMap<>();

    private record Live(YearMonth month, long computedAt, List<MarketMonth> markets) {
    }

    KpiFigures(JdbcClient db, List<MarketFigures> sources, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${cho40.rollout.live-cache-seconds:60}") long seconds) {
        this.db = db;
        this.sources = sources;
        this.clock = clock;
        this.liveCacheMillis = seconds * 1000;
    }

    /** The month that is running now in Vietnam. */
    YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(VnFormats.VIETNAM));
    }

    /** Whether a month has ended (in Vietnam), so its figures can be frozen and reported. */
    boolean closed(YearMonth month) {
        return month.isBefore(currentMonth());
    }

    /** The keys some module answers for; the others are not yet recorded. */
    List<String> recordedKeys() {
        return sources.stream().map(MarketFigures::key).distinct().toList();
    }

    /** The threshold of credited payments in a month above which a trader with a code counts as active. */
    int activeThreshold(String provinceCode) {
        if (provinceCode == null) {
            return DEFAULT_ACTIVE_THRESHOLD;
        }
        return db.sql("SELECT active_threshold FROM kpi_setting WHERE province_code = ?").param(provinceCode)
                .query(Integer.class).optional().orElse(DEFAULT_ACTIVE_THRESHOLD);
    }

    /**
     * Every market of the province (the whole country when null) for the month. The running month is computed at
     * most once a minute per province (cho40.rollout.live-cache-seconds): dashboards say the figures are "up to now",
     * and a province's officials opening them together cost one computation, not one each.
     */
    List<MarketMonth> compute(String provinceCode, YearMonth month) {
        if (liveCacheMillis <= 0 || !month.equals(currentMonth())) {
            return compute(provinceCode, month, null);
        }
        String key = provinceCode == null ? "" : provinceCode;
        long now = System.nanoTime() / 1_000_000;
        Live cached = live.get(key);
        if (cached != null && cached.month().equals(month) && now - cached.computedAt() < liveCacheMillis) {
            return cached.markets();
        }
        List<MarketMonth> fresh = List.copyOf(compute(provinceCode, month, null));
        live.put(key, new Live(month, now, fresh));
        return fresh;
    }

    /** The same for one market. */
    Optional<MarketMonth> market(String provinceCode, YearMonth month, UUID marketId) {
        return compute(provinceCode, month, marketId).stream().findFirst();
    }

    private List<MarketMonth> compute(String provinceCode, YearMonth month, UUID onlyMarket) {
        Instant asOf = asOf(month);
        LocalDate day = asOf.atZone(VnFormats.VIETNAM).toLocalDate();
        Timestamp at = Timestamp.from(asOf);
        int threshold = activeThreshold(provinceCode);
        List<Object> params = new ArrayList<>(List.of(provinceCode == null ? "" : provinceCode,
                provinceCode == null ? "" : provinceCode));
        params.add(onlyMarket == null ? new UUID(0, 0) : onlyMarket);
        params.add(onlyMarket == null);
        params.addAll(List.of(Date.valueOf(day), at, at, Date.valueOf(day), Date.valueOf(day), threshold,
                Date.valueOf(month.atDay(1)), Date.valueOf(month.atDay(1))));
        List<MarketMonth> rows = db.sql("""
                WITH mk AS (
                    SELECT m.id, m.code, m.name, m.province_code, m.commune_code, m.pre2025_district_code FROM market m
                    WHERE (? = '' OR m.province_code = ?) AND (m.id = ? OR ?)),
                st AS (
                    SELECT DISTINCT ON (c.market_id) c.market_id, c.to_status
                    FROM market_status_change c JOIN mk ON mk.id = c.market_id WHERE c.effective_on <= ?
                    ORDER BY c.market_id, c.effective_on DESC, c.recorded_at DESC),
                lt AS (
                    SELECT l.market_id, l.trader_id, bool_or(EXISTS (
                               SELECT 1 FROM stall_qr_code q WHERE q.stall_id = l.stall_id AND q.kind = 'STATIC'
                               AND q.created_at <= ? AND (q.revoked_at IS NULL OR q.revoked_at > ?))) AS has_qr
                    FROM lease l JOIN mk ON mk.id = l.market_id
                    WHERE l.starts_on <= ? AND (l.ends_on IS NULL OR l.ends_on >= ?)
                    GROUP BY l.market_id, l.trader_id),
                ls AS (
                    SELECT lt.market_id, count(*) AS traders, count(*) FILTER (WHERE lt.has_qr) AS with_qr,
                           count(*) FILTER (WHERE lt.has_qr AND k.payments_count + k.history_count >= ?) AS active
                    FROM lt LEFT JOIN kpi_trader_month k
                        ON k.market_id = lt.market_id AND k.trader_id = lt.trader_id AND k.month = ?
                    GROUP BY lt.market_id),
                pay AS (
                    SELECT k.market_id, sum(k.payments_count + k.history_count) AS n,
                           sum(k.payments_value + k.history_value) AS v
                    FROM kpi_trader_month k JOIN mk ON mk.id = k.market_id WHERE k.month = ? GROUP BY k.market_id)
                SELECT mk.id, mk.code, mk.name, mk.province_code, mk.commune_code, mk.pre2025_district_code,
                       coalesce(st.to_status = 'LIVE', false), coalesce(ls.traders, 0), coalesce(ls.with_qr, 0),
                       coalesce(ls.active, 0), coalesce(pay.n, 0), coalesce(pay.v, 0)
                FROM mk LEFT JOIN st ON st.market_id = mk.id LEFT JOIN ls ON ls.market_id = mk.id
                LEFT JOIN pay ON pay.market_id = mk.id ORDER BY mk.code""")
                .params(params)
                .query((rs, n) -> new MarketMonth(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8),
                        rs.getInt(9), rs.getInt(10), rs.getLong(11), rs.getLong(12), Map.of()))
                .list();
        if (sources.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<UUID, Long>> answered = new HashMap<>();
        for (MarketFigures source : sources) {
            answered.merge(source.key(), source.perMarket(provinceCode, month), (a, b) -> {
                Map<UUID, Long> sum = new HashMap<>(a);
                b.forEach((k, v) -> sum.merge(k, v, Long::sum));
                return sum;
            });
        }
        List<MarketMonth> withFigures = new ArrayList<>(rows.size());
        for (MarketMonth m : rows) {
            Map<String, Long> figures = new HashMap<>();
            answered.forEach((key, values) -> figures.put(key, values.getOrDefault(m.marketId(), 0L)));
            withFigures.add(m.withFigures(figures));
        }
        return withFigures;
    }

    /** The last instant of a past month, or now for the current one. */
    Instant asOf(YearMonth month) {
        Instant now = clock.instant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(VnFormats.VIETNAM).toInstant().minusMillis(1);
        return end.isBefore(now) ? end : now;
    }
}
