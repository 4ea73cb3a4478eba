package vn.cho40.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Scope;
import vn.cho40.shared.VnFormats;
import vn.cho40.todo.Task;
import vn.cho40.todo.TaskSource;

/**
 * What fees leave waiting for a market's board: last month not billed yet (once a market has a stall leased and an
 * account to be paid into) and waivers asked for by someone else and not decided. Overdue stalls are a figure of the
 * home ({@link FeeSummaries}), not a task: a market always has some, and a badge of a hundred says nothing. For a
 * market's own staff: a province's boards do their own billing.
 */
@Component
class BillingTasks implements TaskSource {

    private final JdbcClient db;
    private final Clock clock;

    BillingTasks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.role().isStaff() || !user.may(Permission.BILL_ISSUE) || user.scope().kind() != Scope.Kind.MARKET) {
            return List.of();
        }
        LocalDate today = VnFormats.businessDate(clock.instant());
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        Scope.SqlFilter filter = user.scope().sql();
        List<Task> tasks = new ArrayList<>(2);
        long unbilled = unbilled(filter, lastMonth);
        if (unbilled > 0) {
            tasks.add(new Task("BILLING_RUN_DUE", unbilled, "/billing", "billing.todo.run"));
        }
        long waivers = count("""
                SELECT count(*) FROM bill_waiver w JOIN market m ON m.id = w.market_id
                WHERE %s AND w.status = 'REQUESTED' AND w.requested_by <> ?""", filter, user.username());
        if (waivers > 0) {
            tasks.add(new Task("BILL_WAIVERS", waivers, "/billing/waivers", "billing.todo.waivers"));
        }
        return tasks;
    }

    /** Markets of the scope with a stall leased in the month starting {@code month}, and no month or quarter run for it. */
    long unbilled(Scope.SqlFilter filter, LocalDate month) {
        return count("""
                SELECT count(*) FROM market m WHERE %s AND m.collection_account_no IS NOT NULL
                  AND EXISTS (SELECT 1 FROM lease l WHERE l.market_id = m.id
                              AND l.starts_on <= ? AND (l.ends_on IS NULL OR l.ends_on >= ?))
                  AND NOT EXISTS (SELECT 1 FROM billing_run r WHERE r.market_id = m.id AND r.period_kind <> 'DAY'
                                  AND r.period_start <= ? AND r.period_end >= ?)""", filter,
                month.plusMonths(1).minusDays(1), month, month, month);
    }

    private long count(String sql, Scope.SqlFilter filter, Object... more) {
        List<Object> params = new ArrayList<>(filter.params());
        params.addAll(List.of(more));
        return db.sql(sql.formatted(filter.condition())).params(params).query(Long.class).single();
    }
}
