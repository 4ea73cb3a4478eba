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
 * account to be paid into), waivers asked for by someone else and not decided, and stalls whose bills are overdue.
 * For a market's own staff: a province's boards do their own billing.
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
        if (!user.role().isStaff() || !user.may(Permission.BILL_READ) || user.scope().kind() != Scope.Kind.MARKET) {
            return List.of();
        }
        LocalDate today = VnFormats.businessDate(clock.instant());
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        Scope.SqlFilter filter = user.scope().sql();
        List<Task> tasks = new ArrayList<>(3);
        if (user.may(Permission.BILL_ISSUE)) {
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
        }
        long overdue = count("""
                SELECT count(DISTINCT b.stall_id) FROM bill b JOIN market m ON m.id = b.market_id
                WHERE %s AND b.status IN ('OPEN', 'PARTLY_PAID') AND b.due_on < ?""", filter, today);
        if (overdue > 0) {
            tasks.add(new Task("BILLS_OVERDUE", overdue, "/billing/arrears", "billing.todo.overdue"));
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
