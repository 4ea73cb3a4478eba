package vn.cho40.metering;

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
 * What waits for the one who reads a market's meters: meters in service since before this month that have no reading
 * from this month yet (billing needs one to close the period). For a market's own staff only: a province's thousands
 * of meters are the boards' round, not a task of the province.
 */
@Component
class ReadingTasks implements TaskSource {

    private final JdbcClient db;
    private final Clock clock;

    ReadingTasks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.role().isStaff() || !user.may(Permission.METER_READ) || user.scope().kind() != Scope.Kind.MARKET) {
            return List.of();
        }
        LocalDate monthStart = VnFormats.businessDate(clock.instant()).withDayOfMonth(1);
        Scope.SqlFilter filter = user.scope().sql();
        List<Object> params = new ArrayList<>(filter.params());
        params.add(monthStart);
        params.add(monthStart);
        long due = db.sql("SELECT count(*) FROM meter x JOIN market m ON m.id = x.market_id WHERE " + filter.condition()
                        + " AND x.removed_on IS NULL AND x.installed_on < ? AND NOT EXISTS (SELECT 1 FROM meter_reading r"
                        + " WHERE r.meter_id = x.id AND r.read_on >= ?)")
                .params(params).query(Long.class).single();
        return due == 0 ? List.of() : List.of(new Task("METER_READINGS_DUE", due, "/readings", "metering.todo.due"));
    }
}
