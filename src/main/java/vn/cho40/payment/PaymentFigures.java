package vn.cho40.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/**
 * Payments credited to traders in a scope, counted and summed for the start pages in one pass over the month's
 * index range (payment_event_market_booked), never loaded.
 */
@Service
public class PaymentFigures {

    /** Payments and their value since the start of the day and since the start of the month (whole đồng). */
    public record Totals(long todayCount, long todayVnd, long monthCount, long monthVnd) {
    }

    private final JdbcClient db;

    PaymentFigures(JdbcClient db) {
        this.db = db;
    }

    /** Credited (matched) payments booked from {@code monthStart}, and of those from {@code dayStart}, until now. */
    public Totals credited(Scope scope, Instant dayStart, Instant monthStart) {
        if (dayStart.isBefore(monthStart)) {
            throw new IllegalArgumentException("the day starts inside the month: " + dayStart + " < " + monthStart);
        }
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(dayStart));
        params.add(Timestamp.from(dayStart));
        params.add(Timestamp.from(monthStart));
        params.addAll(filter.params());
        return db.sql("""
                SELECT count(*) FILTER (WHERE e.booked_at >= ?), coalesce(sum(e.amount_vnd) FILTER (WHERE e.booked_at >= ?), 0),
                       count(*), coalesce(sum(e.amount_vnd), 0)
                FROM market m JOIN payment_event e ON e.market_id = m.id
                WHERE e.status = 'MATCHED' AND e.booked_at >= ? AND\s""" + filter.condition())
                .params(params)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
