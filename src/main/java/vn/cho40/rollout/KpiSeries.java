package vn.cho40.rollout;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A unit's figures month by month for the charts: the frozen snapshots summed in the database (one row per month,
 * whatever the number of payments), and the running month computed live. Compact on purpose: a phone on 3G gets a
 * few hundred bytes per chart.
 */
@Service
class KpiSeries {

    /** One month of a unit. */
    record Point(YearMonth month, int markets, int marketsLive, int traders, int tradersWithQr, int tradersActive,
                 long paymentsCount, long paymentsValue) {
    }

    private final JdbcClient db;
    private final KpiFigures figures;

    KpiSeries(JdbcClient db, KpiFigures figures) {
        this.db = db;
        this.figures = figures;
    }

    /** The unit's months from {@code from} to the running month (the whole country when provinceCode is null). */
    List<Point> of(String provinceCode, Level level, String code, YearMonth from) {
        String filter = switch (level) {
            case PROVINCE -> "m.province_code = ?";
            case COMMUNE -> "m.commune_code = ?";
            case DISTRICT -> "m.pre2025_district_code = ?";
            case MARKET -> "m.code = ?";
        };
        String unitCode = code == null ? "" : code;
        List<Point> points = new ArrayList<>(db.sql("""
                SELECT x.month, count(*), count(*) FILTER (WHERE x.live), sum(x.traders), sum(x.traders_with_qr),
                       sum(x.traders_active), sum(x.payments_count), sum(x.payments_value)
                FROM (SELECT DISTINCT ON (s.market_id, s.month) s.*
                      FROM kpi_snapshot s JOIN market m ON m.id = s.market_id
                      WHERE (? = '' OR s.province_code = ?) AND (? = '' OR\s""" + filter + """
                      ) AND s.month >= ?
                      ORDER BY s.market_id, s.month, s.version DESC) x
                GROUP BY x.month ORDER BY x.month""")
                .params(provinceCode == null ? "" : provinceCode, provinceCode == null ? "" : provinceCode,
                        unitCode, unitCode, Date.valueOf(from.atDay(1)))
                .query((rs, n) -> new Point(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getLong(8))).list());
        YearMonth current = figures.currentMonth();
        List<MarketMonth> live = figures.compute(provinceCode, current).stream()
                .filter(m -> unitCode.isEmpty() || level.codeOf(m).equals(unitCode)).toList();
        UnitMonth now = UnitMonth.of(level, unitCode, "", current, live);
        points.removeIf(p -> !p.month().isBefore(current));
        points.add(new Point(current, now.markets(), now.marketsLive(), now.traders(), now.tradersWithQr(),
                now.tradersActive(), now.paymentsCount(), now.paymentsValue()));
        return points;
    }
}
