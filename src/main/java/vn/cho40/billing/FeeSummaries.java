package vn.cho40.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/**
 * A board's fees at a glance, for its home: last month's bills and what of them is paid, and what the scope's stalls
 * still owe, overdue or not. Credit notes count against what was billed, as on the month's page.
 */
@Service
public class FeeSummaries {

    /**
     * @param month        the month billed last (the one before today's)
     * @param bills        bills of that month (credit notes and adjusting bills not counted)
     * @param paidBills    of those, the ones paid in full
     * @param billedVnd    what the month's bills asked for, less its credit notes
     * @param collectedVnd what was paid against them
     * @param owedVnd      what every unpaid bill of the scope still asks for
     * @param overdueVnd   of that, what is past its due date
     * @param overdueStalls stalls with a bill past its due date
     */
    public record Summary(YearMonth month, long bills, long paidBills, long billedVnd, long collectedVnd, long owedVnd,
                          long overdueVnd, long overdueStalls) {
    }

    private final JdbcClient db;

    FeeSummaries(JdbcClient db) {
        this.db = db;
    }

    public Summary of(Scope scope, LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>(List.of(month.atDay(1), month.atEndOfMonth(), today));
        params.addAll(filter.params());
        return db.sql("""
                WITH d AS (SELECT ?::date AS first, ?::date AS last, ?::date AS today)
                SELECT count(*) FILTER (WHERE b.kind = 'BILL' AND b.period_start BETWEEN d.first AND d.last),
                       count(*) FILTER (WHERE b.kind = 'BILL' AND b.period_start BETWEEN d.first AND d.last
                                        AND b.status = 'PAID'),
                       coalesce(sum(b.total_vnd) FILTER (WHERE b.period_start BETWEEN d.first AND d.last), 0),
                       coalesce(sum(b.paid_vnd) FILTER (WHERE b.period_start BETWEEN d.first AND d.last), 0),
                       coalesce(sum(greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd))
                                FILTER (WHERE b.status IN ('OPEN', 'PARTLY_PAID')), 0),
                       coalesce(sum(greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd))
                                FILTER (WHERE b.status IN ('OPEN', 'PARTLY_PAID') AND b.due_on < d.today), 0),
                       count(DISTINCT b.stall_id) FILTER (WHERE b.status IN ('OPEN', 'PARTLY_PAID')
                                                           AND b.due_on < d.today)
                FROM d CROSS JOIN bill b JOIN market m ON m.id = b.market_id WHERE %s""".formatted(filter.condition()))
                .params(params)
                .query((rs, n) -> new Summary(month, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .single();
    }
}
