package vn.cho40.rollout;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/**
 * The payments credited to traders in a month within a scope, as the rollout's indicators count them: those cho40
 * matched (kept by {@link PaymentTally} as they are matched) and the history the programme reported before (imported
 * or, in the demo, generated). The home pages read their "this month" here, so they say what the dashboard says.
 */
@Service
public class MonthCredits {

    /** How many payments and how much (whole đồng). */
    public record Month(long count, long vnd) {
    }

    private final JdbcClient db;

    MonthCredits(JdbcClient db) {
        this.db = db;
    }

    public Month of(Scope scope, YearMonth month) {
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>();
        params.add(month.atDay(1));
        params.addAll(filter.params());
        return db.sql("""
                SELECT coalesce(sum(k.payments_count + k.history_count), 0),
                       coalesce(sum(k.payments_value + k.history_value), 0)
                FROM market m JOIN kpi_trader_month k ON k.market_id = m.id
                WHERE k.month = ? AND\s""" + filter.condition())
                .params(params)
                .query((rs, n) -> new Month(rs.getLong(1), rs.getLong(2))).single();
    }
}
