package vn.cho40.billing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each market of an area is still owed, by age: the province's or commune's view of arrears, a row per market
 * opening on that market's list. One query groups a market's unpaid bills by due date; {@link ArrearsAging} (the
 * same rule as the market's page) puts each due date in its bucket.
 */
@Service
public class MarketArrears {

    /** One market's arrears: bills and đồng per bucket. */
    public record Row(String code, String name, Map<ArrearsAging, long[]> buckets) {

        public long bills() {
            return buckets.values().stream().mapToLong(b -> b[0]).sum();
        }

        public long vnd(ArrearsAging a) {
            return buckets.get(a)[1];
        }

        public long total() {
            return buckets.values().stream().mapToLong(b -> b[1]).sum();
        }
    }

    private final JdbcClient db;

    MarketArrears(JdbcClient db) {
        this.db = db;
    }

    /** A row per market code given (in the order given, names as given), each with its buckets on {@code today}. */
    List<Row> of(Map<String, String> namesByCode, LocalDate today) {
        Map<String, Row> rows = new LinkedHashMap<>();
        namesByCode.forEach((code, name) -> rows.put(code, new Row(code, name, empty())));
        if (namesByCode.isEmpty()) {
            return List.of();
        }
        db.sql("""
                SELECT m.code, b.due_on, count(*),
                       sum(greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd))
                FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = ANY(?) AND b.status IN ('OPEN', 'PARTLY_PAID')
                GROUP BY m.code, b.due_on""")
                .param(namesByCode.keySet().toArray(String[]::new))
                .query((rs, n) -> {
                    long[] bucket = rows.get(rs.getString(1)).buckets()
                            .get(ArrearsAging.of(rs.getObject(2, LocalDate.class), today));
                    bucket[0] += rs.getLong(3);
                    bucket[1] += rs.getLong(4);
                    return null;
                }).list();
        return List.copyOf(rows.values());
    }

    /** One market's buckets from its unpaid bills already in hand (the market's own page lists them anyway). */
    static Map<ArrearsAging, long[]> buckets(List<Bills.View> open, LocalDate today) {
        Map<ArrearsAging, long[]> buckets = empty();
        for (Bills.View b : open) {
            long[] bucket = buckets.get(ArrearsAging.of(b.dueOn(), today));
            bucket[0]++;
            bucket[1] += b.dueVnd();
        }
        return buckets;
    }

    /** The sum of the rows, as a row named by the caller. */
    static Row total(Collection<Row> rows, String name) {
        Map<ArrearsAging, long[]> sum = empty();
        for (Row r : rows) {
            r.buckets().forEach((a, b) -> {
                sum.get(a)[0] += b[0];
                sum.get(a)[1] += b[1];
            });
        }
        return new Row("", name, sum);
    }

    private static Map<ArrearsAging, long[]> empty() {
        Map<ArrearsAging, long[]> m = new EnumMap<>(ArrearsAging.class);
        for (ArrearsAging a : ArrearsAging.values()) {
            m.put(a, new long[2]);
        }
        return m;
    }
}
